// Within reach: on a tall screen the always-present controls sit in a bar at the bottom, with
// labels, and every control a visitor needs lies below the reach line (chrome.h kReachZoneTop:
// 40% down a portrait screen, about 1200 mm above the floor on a 55-inch floor-standing display);
// landscape keeps its top bar; kiosk.json's controls_position overrides both ways. Also: every
// scrolling screen shows that there is more below.
#include "support/pathway_test_util.h"
#include "support/ui_harness.h"
#include "ui/screens/chrome.h"

#include <catch2/catch.hpp>
#include <memory>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::MakeTestPack;
using kiosk::ui::test::UiHarness;

namespace
{
bool IsChrome(const std::string& id)
{
    return id.rfind("nav:", 0) == 0 || id.rfind("lang:", 0) == 0 || id.rfind("toggle:", 0) == 0;
}

// The ids a visitor needs on each screen, beyond the chrome, that must be within reach.
bool MustBeInReach(const std::string& id)
{
    return IsChrome(id) || id.rfind("pathway:start:", 0) == 0 || id == "pathway:zoom-in" || id == "pathway:zoom-out" ||
           id == "pathway:fit" || id == "gallery:next" || id == "gallery:prev" || id == "home:pathway" ||
           id == "home:gallery" || id.rfind("quiz:", 0) == 0;
}

struct ScreenCase
{
    const char* name;
    core::VisitAction open;
};

std::vector<ScreenCase> Screens()
{
    return {{"home", core::Home{}},
            {"role", core::OpenRole{"clinical-engineer"}},
            {"gallery", core::OpenGallery{}},
            {"pathway", core::OpenPathway{}},
            {"quiz", core::StartQuiz{}}};
}

void Open(UiHarness& h, const core::VisitAction& open)
{
    h.Frame();
    h.Act(open);
    if (std::holds_alternative<core::OpenPathway>(open))
        REQUIRE(kiosk::ui::test::WaitForFlowchart(h));
    h.Settle();
}

bool Overlap(const HitArea& a, const HitArea& b)
{
    return a.full_x0 < b.full_x1 && b.full_x0 < a.full_x1 && a.full_y0 < b.full_y1 && b.full_y0 < a.full_y1;
}

// Every chrome button: on screen, not overlapping another, and (tall screens) below the reach line.
void CheckChrome(const UiHarness& h, bool expect_bottom)
{
    const Metrics& m = h.metrics;
    std::vector<HitArea> chrome;
    for (const HitArea& a : h.hits.Areas())
        if (IsChrome(a.id))
            chrome.push_back(a);
    REQUIRE(chrome.size() >= 3); // language, larger text, high contrast at least
    for (const HitArea& a : chrome)
    {
        INFO(a.id << " at y " << a.full_y0 << ".." << a.full_y1 << " of " << m.screen_h);
        CHECK(a.full_x0 >= 0.0f);
        CHECK(a.full_x1 <= m.screen_w);
        CHECK(a.full_y0 >= 0.0f);
        CHECK(a.full_y1 <= m.screen_h);
        if (expect_bottom)
            CHECK(a.full_y0 >= kReachZoneTop * m.screen_h);
        else
            CHECK(a.full_y1 <= TopBarHeight(m));
        for (const HitArea& b : chrome)
            if (&a != &b && a.id != b.id)
                CHECK_FALSE(Overlap(a, b));
    }
}
} // namespace

TEST_CASE("on a tall screen every control a visitor needs lies in the lower 60%", "[ui][reach]")
{
    for (auto [w, ht] : {std::pair{1080.f, 1920.f}, {2160.f, 3840.f}, {480.f, 800.f}})
        for (const ScreenCase& s : Screens())
            for (bool larger : {false, true})
                for (const char* lang : {"en", "cy"})
                {
                    INFO(w << "x" << ht << " " << s.name << (larger ? " larger text " : " ") << lang);
                    UiHarness h(w, ht);
                    if (larger)
                        h.Act(core::ToggleLargerText{});
                    if (std::string(lang) != "en")
                        h.Act(core::SetLanguage{lang});
                    Open(h, s.open);
                    CheckChrome(h, true);
                    for (const HitArea& a : h.hits.Areas())
                        if (MustBeInReach(a.id))
                        {
                            INFO(a.id << " top " << a.full_y0);
                            CHECK(a.full_y0 >= kReachZoneTop * ht);
                        }
                }
}

TEST_CASE("the bottom bar labels every button, in both languages and in large text", "[ui][reach]")
{
    for (bool larger : {false, true})
        for (const char* lang : {"en", "cy"})
        {
            INFO((larger ? "larger text " : "") << lang);
            UiHarness h(1080, 1920, kiosk::ui::test::BundledPack());
            h.hits.capture_text = true;
            if (larger)
                h.Act(core::ToggleLargerText{});
            if (std::string(lang) != "en")
                h.Act(core::SetLanguage{lang});
            Open(h, core::OpenRole{"clinical-engineer"});
            REQUIRE(h.Find("nav:back"));
            REQUIRE(h.Find("nav:home"));
            for (const char* key : {"nav.back", "nav.home", "a11y.larger_text", "a11y.high_contrast"})
            {
                const std::string label = h.pack->strings.Get(key, lang);
                INFO(key << " = " << label);
                REQUIRE_FALSE(label.empty());
                CHECK(h.hits.Drew(label));
            }
        }
}

TEST_CASE("landscape keeps the bar at the top, and controls_position overrides the shape", "[ui][reach]")
{
    SECTION("auto: landscape at the top")
    {
        for (auto [w, ht] : {std::pair{800.f, 480.f}, {1280.f, 800.f}, {1920.f, 1080.f}, {3840.f, 2160.f}})
        {
            UiHarness h(w, ht);
            Open(h, core::OpenRole{"clinical-engineer"});
            CheckChrome(h, false);
        }
    }
    SECTION("top: a portrait screen mounted low keeps the bar at the top")
    {
        auto pack = MakeTestPack();
        pack->settings.controls_position = core::ControlsPosition::Top;
        UiHarness h(1080, 1920, pack);
        Open(h, core::OpenRole{"clinical-engineer"});
        CheckChrome(h, false);
    }
    SECTION("bottom: a landscape screen gets the bottom bar")
    {
        auto pack = MakeTestPack();
        pack->settings.controls_position = core::ControlsPosition::Bottom;
        UiHarness h(1920, 1080, pack);
        Open(h, core::OpenGallery{});
        CheckChrome(h, true);
        const HitArea* next = h.Find("gallery:next");
        const HitArea* back = h.Find("nav:back");
        REQUIRE(next);
        REQUIRE(back);
        CHECK(next->full_y1 <= back->full_y0); // the gallery's buttons sit above the bar
    }
}

TEST_CASE("the bottom bar's buttons work", "[ui][reach]")
{
    UiHarness h(1080, 1920);
    Open(h, core::OpenRole{"clinical-engineer"});
    REQUIRE(h.TapId("toggle:larger-text"));
    CHECK(h.State().larger_text);
    h.Frame();
    REQUIRE(h.TapId("nav:home"));
    CHECK(h.State().screen == core::ScreenId::Home);
}

// --- The scroll cue --------------------------------------------------------------------------------

namespace
{
// Drags the view up from `y` until `done` or 30 drags.
template <typename Done> void ScrollDown(UiHarness& h, float x, float y_from, float y_to, Done done)
{
    for (int i = 0; i < 30 && !done(); ++i)
    {
        h.Drag(ImVec2(x, y_from), ImVec2(x, y_to), 8);
        h.Settle();
    }
}
} // namespace

TEST_CASE("every scrolling screen shows there is more below until the end is reached", "[ui][reach]")
{
    const std::string more = "More below";
    for (auto [w, ht] : {std::pair{1080.f, 1920.f}, {800.f, 480.f}, {1920.f, 1080.f}})
    {
        INFO(w << "x" << ht);
        {
            INFO("home");
            UiHarness h(w, ht, kiosk::ui::test::BundledPack());
            h.hits.capture_text = true;
            Open(h, core::Home{});
            REQUIRE(h.pack->strings.Get("scroll.more", "en") == more);
            CHECK(h.hits.Drew(more));
            const HitArea* probe = h.Find("home:gallery");
            REQUIRE(probe);
            const float y = probe->y0 - 2.0f * h.metrics.em;
            ScrollDown(h, 0.5f * w, y, y - 0.3f * ht, [&] { return !h.hits.Drew(more); });
            CHECK_FALSE(h.hits.Drew(more));
            CHECK(h.State().screen == core::ScreenId::Home); // the drags opened nothing
        }
        {
            INFO("role page");
            UiHarness h(w, ht, kiosk::ui::test::BundledPack());
            h.hits.capture_text = true;
            Open(h, core::OpenRole{"clinical-engineer"});
            CHECK(h.hits.Drew(more));
            const float y = 0.55f * ht;
            ScrollDown(h, 0.5f * w, y, y - 0.3f * ht, [&] { return !h.hits.Drew(more); });
            CHECK_FALSE(h.hits.Drew(more));
        }
        {
            INFO("Welsh");
            UiHarness h(w, ht, kiosk::ui::test::BundledPack());
            h.hits.capture_text = true;
            h.Act(core::SetLanguage{"cy"});
            Open(h, core::OpenRole{"clinical-engineer"});
            CHECK(h.hits.Drew(h.pack->strings.Get("scroll.more", "cy")));
            CHECK_FALSE(h.hits.Drew(more));
        }
    }
}

TEST_CASE("a page that fits shows no scroll cue", "[ui][reach]")
{
    UiHarness h(3840, 2160); // the test pack's two roles fit on a 4K home screen
    h.hits.capture_text = true;
    Open(h, core::Home{});
    CHECK_FALSE(h.hits.Drew(h.pack->strings.Get("scroll.more", "en")));
}
