#include "support/ui_harness.h"
#include "ui/ui_strings.h"

#include <catch2/catch.hpp>
#include <set>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::UiHarness;

namespace
{
// Scrolls the home grid from top to bottom in finger drags, collecting every card drawn.
std::set<std::string> CardsSeenWhileScrolling(UiHarness& h)
{
    std::set<std::string> seen;
    h.Frame();
    for (int i = 0; i < 20; ++i)
    {
        for (const HitArea& a : h.hits.WithPrefix("role-card:"))
            seen.insert(a.id.substr(std::string("role-card:").size()));
        const HitArea* scroll_probe = h.Find("home:gallery");
        REQUIRE(scroll_probe);
        const float y_bottom = scroll_probe->y0 - 2.0f * h.metrics.em;
        const float y_top = y_bottom - 0.35f * h.metrics.screen_h;
        h.Drag(ImVec2(h.metrics.screen_w * 0.5f, y_bottom), ImVec2(h.metrics.screen_w * 0.5f, y_top), 12);
        h.Settle();
    }
    return seen;
}
} // namespace

TEST_CASE("home shows a card for every role", "[ui][home]")
{
    UiHarness h(1920, 1080);
    const auto seen = CardsSeenWhileScrolling(h);
    for (const auto& role : h.pack->roles)
    {
        INFO(role.id);
        CHECK(seen.count(role.id) == 1);
    }
    CHECK(h.State().screen == core::ScreenId::Home); // scrolling opened nothing
    CHECK(h.actions.empty());
}

TEST_CASE("tapping a role card opens that role", "[ui][home]")
{
    UiHarness h(1920, 1080);
    h.Frame();
    REQUIRE(h.TapId("role-card:clinical-technologist"));
    CHECK(h.State().screen == core::ScreenId::Role);
    CHECK(h.State().role_id == "clinical-technologist");
    REQUIRE(h.actions.size() == 1);
    CHECK(DescribeAction(h.actions[0]) == "open-role:clinical-technologist");
}

TEST_CASE("a drag across the home grid scrolls it and opens no card", "[ui][home]")
{
    UiHarness h(1920, 1080);
    h.Frame();
    REQUIRE(h.Find("role-card:clinical-engineer"));
    const HitArea card = *h.Find("role-card:clinical-engineer"); // a copy: the registry is per frame
    const float start_y = card.CenterY();
    // Drag upwards starting on a card: the press began on it, but it moved too far to be a tap.
    h.Drag(ImVec2(card.CenterX(), start_y), ImVec2(card.CenterX(), start_y - 6.0f * h.metrics.em), 15);
    CHECK(h.State().screen == core::ScreenId::Home);
    CHECK(h.actions.empty());
    CHECK(h.view.home_scroll_y > 2.0f * h.metrics.em);
    h.Settle();
    const HitArea* moved = h.Find("role-card:clinical-engineer");
    if (moved) // it may have scrolled out of view entirely
        CHECK(moved->full_y0 < card.full_y0 - 2.0f * h.metrics.em);
}

TEST_CASE("a fling keeps the grid moving, then it stops and frames stop", "[ui][home][frames]")
{
    UiHarness h(1920, 1080);
    CHECK_FALSE(h.Frame().animating); // still home: nothing to animate, the app may sleep
    const float x = 0.5f * h.metrics.screen_w;
    const float y = 0.7f * h.metrics.screen_h;
    h.Drag(ImVec2(x, y), ImVec2(x, y - 4.0f * h.metrics.em), 4); // quick flick
    const float at_release = h.view.home_scroll_y;
    CHECK(h.last.animating);
    const int frames = h.Settle();
    CHECK(frames > 2);
    CHECK(frames < 600);
    CHECK(h.view.home_scroll_y > at_release);
    CHECK_FALSE(h.last.animating);
}

TEST_CASE("the entry buttons open the gallery and the pathway", "[ui][home]")
{
    UiHarness h(1280, 800);
    h.Frame();
    REQUIRE(h.TapId("home:gallery"));
    CHECK(h.State().screen == core::ScreenId::Gallery);
    CHECK(h.State().gallery_role.empty());
    REQUIRE(h.TapId("nav:home"));
    CHECK(h.State().screen == core::ScreenId::Home);
    REQUIRE(h.TapId("home:pathway"));
    CHECK(h.State().screen == core::ScreenId::Pathway);
    REQUIRE(h.TapId("nav:back"));
    CHECK(h.State().screen == core::ScreenId::Home);
}

TEST_CASE("the language switch redraws the screen in Welsh", "[ui][home][language]")
{
    UiHarness h(1920, 1080);
    h.Frame();
    CHECK(h.hits.Drew("Explore careers"));
    CHECK(h.hits.Drew("Clinical engineer"));
    REQUIRE(h.TapId("lang:cy"));
    CHECK(h.State().language == "cy");
    h.Frame();
    CHECK(h.hits.Drew("Archwiliwch yrfaoedd"));
    CHECK(h.hits.Drew("Peiriannydd clinigol"));
    CHECK_FALSE(h.hits.Drew("Explore careers"));
    // Back in English with one more tap: the switch names the other language.
    REQUIRE(h.Find("lang:en"));
    REQUIRE(h.TapId("lang:en"));
    CHECK(h.State().language == "en");
}

TEST_CASE("accessibility toggles are one tap away and take effect", "[ui][home][a11y]")
{
    UiHarness h(1920, 1080);
    h.Frame();
    const float em = h.metrics.em;
    REQUIRE(h.TapId("toggle:larger-text"));
    CHECK(h.State().larger_text);
    h.Frame();
    CHECK(h.metrics.em > 1.2f * em);
    CHECK(h.fonts.body->FontSize == Approx(h.metrics.em).margin(0.5f));
    REQUIRE(h.TapId("toggle:high-contrast"));
    CHECK(h.State().high_contrast);
    h.Frame();
    CHECK(ImGui::GetStyle().Colors[ImGuiCol_WindowBg].x == Approx(0.0f)); // black background
}

TEST_CASE("illustrations show a placeholder while loading and are requested at drawn size", "[ui][home][images]")
{
    UiHarness h(1920, 1080);
    h.images.loading.push_back("/pack/illustrations/clinical-engineer.svg");
    h.Frame();
    bool asked = false;
    for (const auto& p : h.images.requested)
        asked |= p == "/pack/illustrations/clinical-engineer.svg";
    CHECK(asked);
    CHECK(h.Find("role-card:clinical-engineer")); // still drawn and tappable
}

TEST_CASE("touching the grid while it glides stops it and opens nothing", "[ui][home]")
{
    UiHarness h(1920, 1080);
    h.Frame();
    const float x = 0.5f * h.metrics.screen_w, y = 0.75f * h.metrics.screen_h;
    h.Drag(ImVec2(x, y), ImVec2(x, y - 5.0f * h.metrics.em), 3); // a fast flick
    REQUIRE(h.view.home_scroll_velocity != 0.0f);
    HitArea card; // copies: the registry is rebuilt every frame
    for (const HitArea& a : h.hits.WithPrefix("role-card:"))
        if (a.Height() > h.metrics.touch_min)
            card = a;
    REQUIRE(!card.id.empty());
    h.Tap(card.CenterX(), card.CenterY());
    CHECK(h.State().screen == core::ScreenId::Home);
    CHECK(h.view.home_scroll_velocity == 0.0f);
    h.Frame();
    const auto cards = h.hits.WithPrefix("role-card:");
    REQUIRE_FALSE(cards.empty());
    const HitArea still = cards.front();
    h.Tap(still.CenterX(), still.CenterY()); // a still list: the next tap opens
    CHECK(h.State().screen == core::ScreenId::Role);
}
