#include "support/ui_harness.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::UiHarness;

TEST_CASE("the fault screen lists every diagnostic with file, line and column, and offers a retry", "[ui][fault]")
{
    UiHarness h(1920, 1080, nullptr); // no pack could be loaded
    h.show_fault = true;
    for (int i = 1; i <= 30; ++i)
        h.fault.Error({"roles/clinical-engineer.json", i, 5}, "unknown key 'titel' number " + std::to_string(i));
    h.fault.Warning({"photos.json", 3, 7}, "Welsh text missing");
    h.Frame();
    CHECK(h.hits.Drew("Content could not be loaded"));
    CHECK(h.hits.Drew("roles/clinical-engineer.json:1:5: error: unknown key 'titel' number 1"));
    CHECK(h.hits.Drew("Errors: 30. Warnings: 1."));
    // The list scrolls by finger to the last one.
    for (int i = 0; i < 10; ++i)
    {
        h.Drag(ImVec2(960, 800), ImVec2(960, 400), 10);
        h.Settle();
    }
    CHECK(h.view.fault_scroll_y > 0.0f);
    CHECK(h.hits.Drew("photos.json:3:7: warning: Welsh text missing"));
    REQUIRE(h.TapId("fault:reload"));
    REQUIRE(h.actions.size() == 1);
    CHECK(std::holds_alternative<core::ReloadContent>(h.actions[0]));
}

TEST_CASE("the fault screen draws with no diagnostics at all and at small sizes", "[ui][fault]")
{
    UiHarness h(800, 480, nullptr);
    h.show_fault = true;
    h.Frame();
    CHECK(h.hits.Drew("Content could not be loaded"));
    const HitArea* retry = h.Find("fault:reload");
    REQUIRE(retry);
    CHECK(retry->Height() >= h.metrics.touch_min);
}

TEST_CASE("the fault screen shows a JSON mistake's line with a caret under it", "[ui][fault]")
{
    const std::string line = "  \"tagline\": {\"en\": \"Fixes things\",},";
    const std::string caret = "      | " + std::string(line.find(",}"), ' ') + "^";
    for (auto [w, ht] : {std::pair{800.f, 480.f}, {1920.f, 1080.f}})
    {
        UiHarness h(w, ht, nullptr);
        h.show_fault = true;
        core::Diagnostic d;
        d.severity = core::Severity::Error;
        d.where = {"photos.json", 6, 36};
        d.message = "a comma with nothing after it (a trailing comma): delete the comma";
        d.excerpt = "    6 | " + line + "\n" + caret;
        h.fault.items.push_back(d);
        h.Frame();
        CHECK(h.hits.Drew("photos.json:6:36: error: a comma with nothing after it"));
        CHECK(h.hits.Drew("    6 | " + line));
        CHECK(h.hits.Drew(caret));
    }
}
