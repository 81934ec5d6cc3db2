// Text over the attract loop's pictures (issue 11): each slide of the bundled loop is drawn
// headlessly with its real photographs and illustrations decoded, rasterised on the CPU twice
// (with and without its text), and every pixel of every glyph is compared with the pixel under
// it. WCAG 1.4.3: at least 4.5:1 (a few anti-aliased edge pixels aside: the 2nd percentile).
#include "core/content/colour_contrast.h"
#include "core/content/content_loader.h"
#include "core/images/image_decode.h"
#include "core/visit/attract_timeline.h"
#include "support/soft_raster.h"
#include "support/ui_harness_admin.h"
#include "ui/screens/attract_screen.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <memory>

namespace core = kiosk::core;
using namespace kiosk::ui;
using namespace kiosk::ui::test;

namespace
{
// Decodes what the screen asks for, as the kiosk's texture cache would, and hands the pixels to
// the rasteriser by texture id.
class RealImages : public ImageSource
{
public:
    ImageHandle Request(const std::string& path, int w, int h) override
    {
        auto it = m_by_path.find(path);
        if (it == m_by_path.end())
        {
            auto decoded = std::make_unique<core::DecodedImage>(core::DecodeImage(path, core::ImageLimits{}, w, h));
            it = m_by_path.emplace(path, Entry{std::move(decoded), m_next_id++}).first;
        }
        ImageHandle handle;
        const core::DecodedImage& d = *it->second.image;
        if (!d.ok)
        {
            handle.state = ImageHandle::State::Failed;
            return handle;
        }
        handle.state = ImageHandle::State::Ready;
        handle.texture = it->second.id;
        handle.width = d.image.width;
        handle.height = d.image.height;
        textures[reinterpret_cast<ImTextureID>(it->second.id)] = &d.image;
        return handle;
    }
    std::map<ImTextureID, const core::ImageRgba*> textures;

private:
    struct Entry
    {
        std::unique_ptr<core::DecodedImage> image;
        uintptr_t id;
    };
    std::map<std::string, Entry> m_by_path;
    uintptr_t m_next_id = 100;
};

double Ratio(const float* a, const float* b)
{
    const double la = RelativeLuminance(a[0], a[1], a[2]), lb = RelativeLuminance(b[0], b[1], b[2]);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}
} // namespace

TEST_CASE("text on every attract slide contrasts with the picture under it", "[ui][contrast][attract]")
{
    const auto loaded = core::LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(loaded.pack);
    const auto pack = loaded.pack;
    const int slides = (int)AttractSlides(*pack).size();
    REQUIRE(slides > 0);
    const double slide_s = core::EffectiveSlideSeconds(pack->settings.timings.attract_slide_s);
    for (auto [w, ht] : {std::pair{1280.f, 720.f}, {720.f, 1280.f}})
    {
        DrawHarness h(w, ht, pack);
        RealImages images;
        const double start = h.now;
        for (int slide = 0; slide < slides; ++slide)
        {
            h.draw = [&](const UiContext& in)
            {
                UiContext ctx = in;
                ctx.images = &images;
                return DrawAttractUi(ctx, start - (slide + 0.5) * slide_s).animating;
            };
            h.Frames(2); // the first frame asks for the pictures, the second draws them
            SoftRasterOptions options;
            options.scale = 0.5f;
            options.clear = IM_COL32(16, 16, 16, 255);
            options.textures = images.textures;
            const SoftFrame with = RasteriseDrawData(w, ht, options);
            options.draw_text = false;
            const SoftFrame under = RasteriseDrawData(w, ht, options);
            std::vector<double> ratios;
            for (size_t p = 0; p < with.text_alpha.size(); ++p)
                if (with.text_alpha[p] >= 0.9f)
                    ratios.push_back(Ratio(&with.text_rgb[p * 3], &under.rgb[p * 3]));
            INFO(w << "x" << ht << " slide " << slide << ": " << ratios.size() << " text pixels");
            REQUIRE(ratios.size() > 50);
            std::sort(ratios.begin(), ratios.end());
            const double low = ratios[ratios.size() / 50];
            INFO("2nd percentile " << low << ":1, lowest " << ratios.front() << ":1");
            CHECK(low >= core::kBodyTextContrast);
        }
    }
}
