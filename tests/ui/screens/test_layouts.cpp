// Every screen at every target size: touch targets at least touch_min and inside the screen.
#include "support/ui_harness.h"

#include <catch2/catch.hpp>
#include <cmath>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::UiHarness;

namespace
{
const std::pair<float, float> kSizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

void CheckTargets(const UiHarness& h, const std::string& where)
{
    INFO(where << " at " << h.metrics.screen_w << "x" << h.metrics.screen_h);
    for (const HitArea& a : h.hits.Areas())
    {
        if (a.id == "gallery:photo")
            continue;
        INFO(a.id);
        CHECK(a.full_x1 - a.full_x0 >= h.metrics.touch_min - 0.5f);
        CHECK(a.full_y1 - a.full_y0 >= h.metrics.touch_min - 0.5f);
        CHECK(a.full_x0 >= 0.0f);
        CHECK(a.full_x1 <= h.metrics.screen_w);
    }
}

// No two visible targets overlap (a tap must never hit two things).
void CheckNoOverlap(const UiHarness& h)
{
    const auto& areas = h.hits.Areas();
    for (size_t i = 0; i < areas.size(); ++i)
        for (size_t j = i + 1; j < areas.size(); ++j)
        {
            const HitArea &a = areas[i], &b = areas[j];
            if (a.id == "gallery:photo" || b.id == "gallery:photo")
                continue;
            INFO(a.id << " and " << b.id);
            const bool overlap = a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
            CHECK_FALSE(overlap);
        }
}
} // namespace

TEST_CASE("home cards and buttons are big enough and on screen at every size", "[ui][layout]")
{
    for (auto [w, ht] : kSizes)
        for (bool larger : {false, true})
        {
            UiHarness h(w, ht);
            if (larger)
                h.Act(core::ToggleLargerText{});
            h.Frame();
            h.Frame();
            REQUIRE_FALSE(h.hits.WithPrefix("role-card:").empty());
            CheckTargets(h, larger ? "home, larger text" : "home");
            CheckNoOverlap(h);
            // Columns adapt: 2 in portrait, 4 at 1920x1080 and at 4K (same em layout).
            // Column count from the narrowest card (the main roles may span several columns).
            float card_w = w;
            for (const HitArea& a : h.hits.WithPrefix("role-card:"))
                card_w = std::min(card_w, a.full_x1 - a.full_x0);
            const long columns = std::lround(w / card_w);
            INFO(w << "x" << ht << " columns " << columns);
            if (!larger)
            {
                if (w == 1080)
                    CHECK(columns == 2);
                if (w == 1920 || w == 3840)
                    CHECK(columns == 4);
                if (w == 800 || w == 1280)
                    CHECK(columns >= 3);
            }
        }
}

TEST_CASE("portrait home keeps its buttons in the lower two thirds", "[ui][layout]")
{
    UiHarness h(1080, 1920);
    h.Frame();
    for (const char* id : {"home:gallery", "home:pathway"})
        CHECK(h.Find(id)->y0 > 1920.0f / 3.0f);
    for (const HitArea& a : h.hits.WithPrefix("role-card:"))
        CHECK(a.y0 >= 1920.0f / 3.0f - 1.0f);
}

TEST_CASE("role, gallery and pathway targets are big enough at every size", "[ui][layout]")
{
    for (auto [w, ht] : kSizes)
    {
        UiHarness h(w, ht);
        h.Frame();
        REQUIRE(h.TapId("role-card:clinical-engineer"));
        for (int i = 0; i < 8; ++i)
        {
            h.Frame();
            CheckTargets(h, "role");
            CheckNoOverlap(h);
            h.Drag(ImVec2(0.5f * w, 0.8f * ht), ImVec2(0.5f * w, 0.4f * ht), 10);
            h.Settle();
        }
        REQUIRE(h.TapId("nav:home"));
        REQUIRE(h.TapId("home:gallery"));
        h.Frame();
        CheckTargets(h, "gallery");
        CheckNoOverlap(h);
        REQUIRE(h.TapId("nav:home"));
        REQUIRE(h.TapId("home:pathway"));
        h.Frame();
        CheckTargets(h, "pathway");
    }
}

TEST_CASE("body text is never drawn below em", "[ui][layout]")
{
    UiHarness h(800, 480);
    h.Frame();
    for (ImFont* f : {h.fonts.body, h.fonts.body_bold, h.fonts.heading, h.fonts.title, h.fonts.display})
        CHECK(f->FontSize >= h.metrics.em - 0.5f);
    CHECK(h.metrics.em >= 0.025f * 480.0f);
}
