// The font atlas at the kiosk's start: baked afresh against read back from the font atlas cache
// (ui/font_atlas_cache.h), for the first frame's atlas (the attract loop's glyphs, baked on the
// start worker) and the full one (every glyph of the pack, baked on the main thread after the
// first frame), at 1080p and 4K. CPU time of this thread, median of 9; the RGBA copy the GL
// backend uploads is made in both, as the kiosk makes it.
#include "bench.h"
#include "core/content/content_loader.h"
#include "support/temp_dir.h"
#include "ui/fonts.h"
#include "ui/metrics.h"
#include "ui/screens/attract_screen.h"

#include <cstdio>
#include <vector>

using namespace kiosk;

namespace
{
const char* kRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
const char* kBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

// One bake or read of the atlas, with the RGBA copy; CPU ms. Null `cache`: baked afresh.
double OneAtlas(const ui::Metrics& m, const std::string& text, ui::GlyphSet glyphs, core::FileCache* cache, bool* ok)
{
    ImFontAtlas atlas;
    const double c0 = bench::ThreadCpuMs();
    const ui::Fonts fonts = ui::BuildFonts(&atlas, kRegular, kBold, m, text, glyphs, cache);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &w, &h);
    const double ms = bench::ThreadCpuMs() - c0;
    *ok = *ok && fonts.Ok() && fonts.warning.empty() && pixels != nullptr;
    return ms;
}
} // namespace

static void BenchFonts(const bench::BenchContext& ctx)
{
    const core::ContentLoadResult content = core::LoadContentPack(ctx.source_dir + "/content");
    if (!content.pack)
        return bench::PrintFigure("fonts_content_failed", 1, "count");
    const std::string attract_text = ui::CollectAttractText(*content.pack);
    const std::string pack_text = core::CollectPackText(*content.pack);
    kiosk::test::TempDir dir("bench-fonts");
    bool ok = true;
    for (const auto& [tag, w, h] : {std::tuple<const char*, float, float>{"1080p", 1920, 1080}, {"4k", 3840, 2160}})
    {
        const ui::Metrics m = ui::ComputeMetrics(w, h, 0, 0, false);
        for (const auto& [which, text, glyphs] : {std::tuple<const char*, const std::string*, ui::GlyphSet>{
                                                      "first_frame", &attract_text, ui::GlyphSet::AsciiAndText},
                                                  {"full", &pack_text, ui::GlyphSet::Everything}})
        {
            core::FileCache cache((dir.path / (std::string(tag) + which)).string(), ".atlas", 64ll << 20, "bench");
            std::vector<double> baked, read;
            OneAtlas(m, *text, glyphs, &cache, &ok); // fills the cache
            for (int i = 0; i < 9; i++)
            {
                baked.push_back(OneAtlas(m, *text, glyphs, nullptr, &ok));
                read.push_back(OneAtlas(m, *text, glyphs, &cache, &ok));
            }
            const std::string name = std::string("font_atlas_") + which + "_" + tag;
            bench::PrintFigure(name + "_baked_cpu", bench::Median(baked), "ms");
            bench::PrintFigure(name + "_from_cache_cpu", bench::Median(read), "ms");
        }
    }
    if (!ok)
        bench::PrintFigure("fonts_failed", 1, "count");
}

KIOSK_BENCH("fonts", BenchFonts);
