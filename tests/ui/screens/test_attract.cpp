// Attract loop and "Still there?" overlay, drawn headlessly: what a passer-by would read, which
// pictures are asked for, and that neither returns actions.
#include "core/content/content_loader.h"
#include "support/ui_harness_admin.h"
#include "ui/fonts.h"
#include "ui/metrics.h"
#include "ui/screens/attract_screen.h"
#include "ui/screens/still_there_overlay.h"
#include "ui/theme.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace kiosk::ui;
using namespace kiosk::core;
using kiosk::ui::test::DrawHarness;
using kiosk::ui::test::DrawnCodePoints;
using kiosk::ui::test::MakeTestPack;

namespace
{
LocalizedText L(const std::string& en)
{
    LocalizedText t;
    t.by_language["en"] = en;
    return t;
}

std::shared_ptr<ContentPack> PackWithSlides()
{
    auto pack = MakeTestPack();
    AttractSlide message;
    message.kind = AttractSlide::Kind::Message;
    message.title = L("Fix the machines that save lives");
    message.text = L("Every hospital runs on technology.");
    AttractSlide photo;
    photo.kind = AttractSlide::Kind::Photo;
    photo.target = "servicing-pump";
    AttractSlide role;
    role.kind = AttractSlide::Kind::Role;
    role.target = "clinical-technologist";
    AttractSlide missing;
    missing.kind = AttractSlide::Kind::Role;
    missing.target = "no-such-role";
    pack->attract = {message, photo, missing, role};
    pack->settings.timings.attract_slide_s = 8.0;
    pack->settings.event.logo = "event/logo.svg";
    pack->strings.by_key["app.touch_to_explore"].by_language = {{"en", "Touch to explore"},
                                                                {"cy", "Cyffyrddwch i archwilio"}};
    return pack;
}

bool DrewExactly(const DrawHarness& h, const std::string& text)
{
    const auto& d = h.base.hits.drawn_text;
    return std::find(d.begin(), d.end(), text) != d.end();
}

bool Requested(const DrawHarness& h, const std::string& path)
{
    const auto& r = h.base.images.requested;
    return std::find(r.begin(), r.end(), path) != r.end();
}

// Draws the attract loop at t seconds into the loop.
void DrawAt(DrawHarness& h, double t, UiFrame* out = nullptr)
{
    const double start = h.now - t;
    h.draw = [&, start](const UiContext& ctx)
    {
        const UiFrame f = DrawAttractUi(ctx, start);
        if (out)
            *out = f;
        return f.animating;
    };
    h.base.hits.drawn_text.clear();
    h.Frame();
}
} // namespace

TEST_CASE("attract loop without attract slides cycles the roles", "[ui][attract]")
{
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}, {800.f, 480.f}})
    {
        INFO(w << "x" << ht);
        DrawHarness h(w, ht);
        REQUIRE(h.base.pack->attract.empty());
        UiFrame f;
        DrawAt(h, 0.5, &f);
        CHECK(f.animating);
        CHECK(f.actions.empty());
        CHECK(h.Find("attract:screen"));
        CHECK(h.Drew("Touch to explore"));
        CHECK(h.Drew("Healthcare Science Careers"));
        CHECK(h.Drew("Outreach team"));
        CHECK(h.Drew(h.base.pack->roles[0].title.Get("en")));
        CHECK(Requested(h, "/pack/illustrations/clinical-engineer.svg"));
        // The second slot shows the second role.
        DrawAt(h, 8.5);
        CHECK(h.Drew(h.base.pack->roles[1].title.Get("en")));
        CHECK_FALSE(h.Drew(h.base.pack->roles[0].title.Get("en")));
    }
}

TEST_CASE("attract slides: message, photo and role, cross-faded in order", "[ui][attract]")
{
    DrawHarness h(1920, 1080, PackWithSlides());
    DrawAt(h, 1.0);
    CHECK(h.Drew("Fix the machines that save lives"));
    CHECK(h.Drew("Every hospital runs on technology."));
    CHECK(h.Drew("Touch to explore"));
    CHECK(h.Drew("Cyffyrddwch i archwilio")); // the other language under the prompt
    CHECK(Requested(h, "/pack/event/logo.svg"));
    CHECK(Requested(h, "/pack/photos/servicing-pump.png")); // the next slide, asked for early
    // In the fade both slides are drawn.
    DrawAt(h, 7.5);
    CHECK(h.Drew("Fix the machines that save lives"));
    CHECK(h.Drew("Caption for servicing-pump"));
    DrawAt(h, 9.0);
    CHECK(h.Drew("Caption for servicing-pump"));
    CHECK_FALSE(h.Drew("Fix the machines that save lives"));
    // The slide with a missing role is skipped: the role slide comes third.
    DrawAt(h, 17.0);
    CHECK(h.Drew("Clinical technologist"));
    CHECK(Requested(h, "/pack/illustrations/clinical-technologist.svg"));
    // And round again.
    DrawAt(h, 25.0);
    CHECK(h.Drew("Fix the machines that save lives"));
}

// The kiosk draws its first frame, the attract loop, with an atlas of CollectAttractText's glyphs
// only (GlyphSet::AsciiAndText): every character the loop draws, on every slide and in its
// cross-fades, at every size, must have a glyph there.
TEST_CASE("every character the attract loop draws is in its first-frame atlas", "[ui][attract][fonts]")
{
    auto bundled = kiosk::core::LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(bundled.pack);
    // Each kind of slide text with a letter nothing else in the pack or ASCII has (Latin-1 é, ï,
    // ø, ü, ß, ç, ñ), so a text left out of CollectAttractText is caught, whichever it is.
    auto marked = PackWithSlides();
    marked->attract[0].title = L("Fix the machines that save lives, é");
    marked->attract[0].text = L("Every hospital runs on technology, ï");
    for (Photo& photo : marked->photos)
        photo.caption = L("Servicing a pump, ø");
    for (Role& role : marked->roles)
    {
        role.title = L(role.title.Get("en") + ", ü");
        role.tagline = L("Keeps kit safe, ß");
    }
    for (RoleFamily& family : marked->settings.families)
        family.title = L("Family, ç");
    marked->strings.by_key["app.touch_to_explore"].by_language["en"] = "Touch to explore, ñ";
    for (const std::shared_ptr<const ContentPack>& pack :
         {bundled.pack, std::shared_ptr<const ContentPack>(PackWithSlides()),
          std::shared_ptr<const ContentPack>(marked)})
    {
        ImFontAtlas atlas;
        const Fonts fonts =
            BuildFonts(&atlas, kiosk::ui::test::kNotoRegular, kiosk::ui::test::kNotoBold,
                       ComputeMetrics(1920, 1080, 0, 0, false), CollectAttractText(*pack), GlyphSet::AsciiAndText);
        REQUIRE(fonts.Ok());
        const double slot = pack->settings.timings.attract_slide_s;
        const size_t slides = AttractSlides(*pack).size();
        size_t drawn = 0;
        for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}, {800.f, 480.f}})
        {
            DrawHarness h(w, ht, pack);
            for (size_t k = 0; k < slides; k++)
                for (double into : {0.5, slot - 0.4}) // on the slide, and in its fade to the next
                {
                    DrawAt(h, (double)k * slot + into);
                    for (const std::string& text : h.base.hits.drawn_text)
                    {
                        drawn++;
                        for (unsigned c : DrawnCodePoints(text))
                        {
                            if (c == '\n')
                                continue;
                            INFO(w << "x" << ht << " slide " << k << ": '" << text << "', U+" << std::hex << c);
                            CHECK(fonts.body->FindGlyphNoFallback((ImWchar)c) != nullptr);
                        }
                    }
                }
        }
        CHECK(drawn > 3 * slides); // the check saw the texts (captions, titles, the prompt)
    }
}

TEST_CASE("attract slides skip missing targets and fall back to roles", "[ui][attract]")
{
    auto pack = MakeTestPack();
    AttractSlide missing;
    missing.kind = AttractSlide::Kind::Photo;
    missing.target = "gone";
    pack->attract = {missing};
    const auto slides = AttractSlides(*pack);
    REQUIRE(slides.size() == pack->roles.size());
    CHECK(slides[0].kind == AttractSlide::Kind::Role);
    CHECK(slides[0].target == pack->roles[0].id);
}

TEST_CASE("attract loop draws in high contrast and with pictures still loading", "[ui][attract]")
{
    DrawHarness h(1280, 800, PackWithSlides());
    const Palette hc = MakePalette(Theme{}, true);
    h.palette = &hc;
    h.base.images.loading = {"/pack/photos/servicing-pump.png"};
    for (double t : {0.0, 7.9, 9.0, 16.5, 300.0})
    {
        UiFrame f;
        DrawAt(h, t, &f);
        CHECK(f.animating);
        CHECK(h.Drew("Touch to explore"));
    }
}

TEST_CASE("still-there overlay shows the countdown over the screen", "[ui][attract]")
{
    DrawHarness h(1920, 1080);
    double left = 7.2;
    UiFrame f;
    h.draw = [&](const UiContext& ctx)
    {
        f = DrawStillThereOverlay(ctx, left);
        return f.animating;
    };
    // The overlay keeps what the screen below registered this frame.
    h.base.hits.Clear();
    h.base.hits.Add("screen:below", 0, 0, 10, 10);
    h.Frame();
    CHECK(f.animating);
    CHECK(f.actions.empty());
    CHECK(h.Find("screen:below"));
    CHECK(h.Drew("Still there?"));
    CHECK(h.Drew("Touch the screen to carry on"));
    CHECK(DrewExactly(h, "8"));
    const HitArea* all = h.Find("idle:still-there");
    REQUIRE(all);
    CHECK(all->Width() == 1920);
    CHECK(all->Height() == 1080);

    h.base.hits.drawn_text.clear();
    left = 0.0;
    h.Frame();
    CHECK(DrewExactly(h, "0"));
    CHECK_FALSE(DrewExactly(h, "8"));
    // Welsh, high contrast, and nonsense times do not break it.
    h.base.Act(kiosk::core::SetLanguage{"cy"});
    h.base.Act(kiosk::core::ToggleHighContrast{});
    left = -3;
    h.Frame();
    left = 1e9;
    h.Frame();
    CHECK(f.animating);
}
