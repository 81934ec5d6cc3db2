// A keypad or a switch (arrow keys, Tab, Enter, Escape) drives every visitor screen through the
// generic focus of ui/key_focus.h: these walks use keys only, never a tap, and assert what the
// keys activated.
#include "support/ui_harness.h"
#include "ui/key_focus.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <set>

namespace core = kiosk::core;

using namespace kiosk::ui;
using core::KeyCommand;
using kiosk::ui::test::BundledPack;
using kiosk::ui::test::UiHarness;

namespace
{
// Presses Tab until the focus is on a target whose id starts with `prefix` (keys only).
bool TabTo(UiHarness& h, const std::string& prefix, int max_presses = 120)
{
    for (int i = 0; i < max_presses; ++i)
    {
        if (h.Focused().rfind(prefix, 0) == 0 && h.RingShown())
            return true;
        h.Key(KeyCommand::Next);
    }
    return h.Focused().rfind(prefix, 0) == 0;
}

size_t ActionsSoFar(const UiHarness& h)
{
    return h.actions.size();
}

template <typename T> bool LastActionIs(const UiHarness& h, size_t before)
{
    return h.actions.size() == before + 1 && std::holds_alternative<T>(h.actions.back());
}
} // namespace

TEST_CASE("the first key shows the ring on the first content target and does nothing else", "[ui][keypad]")
{
    UiHarness h(1920, 1080, BundledPack());
    h.Settle();
    CHECK_FALSE(h.RingShown());
    h.Key(KeyCommand::Activate);
    CHECK(h.RingShown());
    CHECK(h.actions.empty());
    CHECK(h.State().screen == core::ScreenId::Home);
    const std::string first = h.Focused();
    CHECK_FALSE(first.empty());
    CHECK(first.rfind("nav:", 0) != 0);
    CHECK(first.rfind("lang:", 0) != 0);
    CHECK(first.rfind("toggle:", 0) != 0);
    // A touch hides the ring again: touch users never see it.
    h.Tap(2.0f, 0.5f * 1080.0f);
    CHECK_FALSE(h.RingShown());
}

TEST_CASE("Tab visits every target of the home screen once in reading order and wraps", "[ui][keypad]")
{
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {800.f, 480.f}, {1080.f, 1920.f}})
    {
        INFO(w << "x" << ht);
        UiHarness h(w, ht, BundledPack());
        h.Settle();
        const std::vector<HitArea> all = FocusTargets(h.hits, h.metrics);
        const size_t targets = all.size();
        REQUIRE(targets > 5);
        h.Key(KeyCommand::Next); // shows the ring
        const std::string start = h.Focused();
        std::set<std::string> seen{start};
        float last_y = -1e9f;
        int rows_back = 0;
        for (size_t i = 0; i + 1 < targets; ++i)
        {
            h.Key(KeyCommand::Next);
            seen.insert(h.Focused());
            // The focused target is always drawn (scrolled into view) once things settle.
            const HitArea* a = h.Find(h.Focused());
            REQUIRE(a);
            CHECK(a->y0 >= 0.0f);
            CHECK(a->y1 <= ht);
            if (a->full_y0 < last_y - 0.5f * (a->full_y1 - a->full_y0))
                ++rows_back;
            last_y = a->full_y0;
        }
        CHECK(h.actions.empty()); // moving the focus taps nothing
        std::string missed;
        for (const HitArea& t : all)
            if (!seen.count(t.id))
                missed += t.id + " ";
        INFO("never focused: " << missed);
        CHECK(seen.size() >= targets - 1);
        CHECK(rows_back <= 1); // reading order: downwards, once back to the top bar at most
        h.Key(KeyCommand::Next);
        h.Key(KeyCommand::Next);
        CHECK(seen.count(h.Focused()) == 1);
    }
}

TEST_CASE("arrow keys move to the nearest target that way on the home grid", "[ui][keypad]")
{
    UiHarness h(1920, 1080, BundledPack());
    h.Settle();
    h.Key(KeyCommand::Down); // shows the ring on the first card
    REQUIRE(TabTo(h, "role-card:"));
    const HitArea a = *h.Find(h.Focused());
    h.Key(KeyCommand::Right);
    const HitArea* right = h.Find(h.Focused());
    REQUIRE(right);
    CHECK(right->CenterX() > a.CenterX());
    CHECK(std::fabs(right->CenterY() - a.CenterY()) < 0.5f * a.Height());
    h.Key(KeyCommand::Left);
    CHECK(h.Focused() == a.id);
    h.Key(KeyCommand::Down);
    const HitArea* below = h.Find(h.Focused());
    REQUIRE(below);
    const HitArea* a_now = h.Find(a.id); // the grid may have scrolled to show the card below
    REQUIRE(a_now);
    INFO(a.id << " -> " << below->id);
    CHECK(below->full_y0 >= a_now->full_y1);
    h.Key(KeyCommand::Up);
    CHECK(h.Focused() == a.id);
    // Up from the top row of content reaches the always-present controls.
    for (int i = 0; i < 6; ++i)
        h.Key(KeyCommand::Up);
    const std::string top = h.Focused();
    CHECK((top.rfind("nav:", 0) == 0 || top.rfind("lang:", 0) == 0 || top.rfind("toggle:", 0) == 0 ||
           top.rfind("home:", 0) == 0));
    CHECK(h.actions.empty());
}

TEST_CASE("Down on a small screen scrolls the focused card into view", "[ui][keypad]")
{
    UiHarness h(800, 480, BundledPack());
    h.Settle();
    h.Key(KeyCommand::Down);
    for (int i = 0; i < 40; ++i)
        h.Key(KeyCommand::Down);
    CHECK(h.view.home_scroll_y > 0.0f);
    const HitArea* a = h.Find(h.Focused());
    REQUIRE(a);
    CHECK(a->Height() == Approx(a->full_y1 - a->full_y0)); // wholly in view
    // Up all the way brings the grid back to its top.
    for (int i = 0; i < 60; ++i)
        h.Key(KeyCommand::Up);
    CHECK(h.view.home_scroll_y == Approx(0.0f).margin(1.0f));
}

TEST_CASE("a whole visit with keys only: role, gallery, flowchart, node details, back home, Welsh", "[ui][keypad]")
{
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {800.f, 480.f}})
    {
        INFO(w << "x" << ht);
        UiHarness h(w, ht, BundledPack());
        h.Settle();
        h.Key(KeyCommand::Next);

        // Home -> a role page.
        REQUIRE(TabTo(h, "role-card:"));
        const std::string role = h.Focused().substr(10);
        size_t n = ActionsSoFar(h);
        h.Key(KeyCommand::Activate);
        CHECK(LastActionIs<core::OpenRole>(h, n));
        REQUIRE(h.State().screen == core::ScreenId::Role);
        CHECK(h.State().role_id == role);
        CHECK(h.RingShown());
        CHECK(h.Focused().rfind("nav:", 0) != 0); // a new screen starts on its content

        // Role -> its photographs, the next photo, back.
        REQUIRE(TabTo(h, "role:photo:"));
        n = ActionsSoFar(h);
        h.Key(KeyCommand::Activate);
        CHECK(LastActionIs<core::OpenGallery>(h, n));
        REQUIRE(h.State().screen == core::ScreenId::Gallery);
        const int photo = h.State().gallery_index;
        if (TabTo(h, "gallery:next", 30))
        {
            h.Key(KeyCommand::Activate);
            CHECK(h.State().gallery_index == photo + 1);
        }
        n = ActionsSoFar(h);
        h.Key(KeyCommand::Back);
        CHECK(LastActionIs<core::Back>(h, n));
        REQUIRE(h.State().screen == core::ScreenId::Role);

        // Role -> How do I get here? -> a node's details -> close them -> back to the role.
        REQUIRE(TabTo(h, "role:pathway"));
        h.Key(KeyCommand::Activate);
        REQUIRE(h.State().screen == core::ScreenId::Pathway);
        REQUIRE(TabTo(h, "pathway:node:"));
        const std::string node = h.Focused().substr(13);
        n = ActionsSoFar(h);
        h.Key(KeyCommand::Activate);
        CHECK(LastActionIs<core::PathwayNodeOpened>(h, n));
        CHECK(h.State().pathway.selected == node);
        CHECK(h.Find("pathway:sheet-close"));
        h.Key(KeyCommand::Back); // Escape closes the details first
        CHECK(h.State().pathway.selected.empty());
        CHECK(h.State().screen == core::ScreenId::Pathway);
        h.Key(KeyCommand::Back);
        CHECK(h.State().screen == core::ScreenId::Role);
        h.Key(KeyCommand::Back);
        CHECK(h.State().screen == core::ScreenId::Home);

        // Escape on the home screen does nothing.
        n = ActionsSoFar(h);
        h.Key(KeyCommand::Back);
        CHECK(h.actions.size() == n);
        CHECK(h.State().screen == core::ScreenId::Home);

        // The language switch, and the focus stays on it under its new name.
        REQUIRE(TabTo(h, "lang:cy"));
        h.Key(KeyCommand::Activate);
        CHECK(h.State().language == "cy");
        CHECK(h.Focused().rfind("lang:", 0) == 0);
        REQUIRE(TabTo(h, "lang:en"));
        h.Key(KeyCommand::Activate);
        CHECK(h.State().language == "en");
    }
}

TEST_CASE("an open definition card takes the focus; Escape and Enter close it", "[ui][keypad]")
{
    UiHarness h(1920, 1080, BundledPack());
    REQUIRE_FALSE(BundledPack()->glossary.terms.empty());
    h.Act(core::OpenRole{BundledPack()->roles.front().id});
    h.Act(core::OpenGlossaryTerm{BundledPack()->glossary.terms.front().id});
    h.Settle();
    h.Key(KeyCommand::Next);
    CHECK(h.Focused() == "glossary:card");
    h.Key(KeyCommand::Down);
    CHECK(h.Focused() == "glossary:card"); // nothing under the card can be reached
    h.Key(KeyCommand::Back);
    CHECK(h.State().glossary_term.empty());
    CHECK(h.State().screen == core::ScreenId::Role);
    CHECK(h.Focused() != "glossary:card");
}

TEST_CASE("the focus ring shows in both themes", "[ui][keypad]")
{
    for (bool high_contrast : {false, true})
    {
        UiHarness h(1920, 1080, BundledPack());
        if (high_contrast)
            h.Act(core::ToggleHighContrast{});
        h.Settle();
        h.Key(KeyCommand::Next);
        const HitArea* a = h.Find(h.Focused());
        REQUIRE(a);
        // The ring is drawn on the foreground list around the focused target.
        const ImDrawList* fg = ImGui::GetForegroundDrawList();
        REQUIRE(fg);
        CHECK(fg->VtxBuffer.Size > 0);
        bool around = false;
        for (const ImDrawVert& v : fg->VtxBuffer)
            if (v.pos.x < a->x0 && v.pos.x > a->x0 - h.metrics.em && v.pos.y > a->y0 && v.pos.y < a->y1)
                around = true;
        CHECK(around);
    }
}

TEST_CASE("keys pressed faster than frames are carried out in order", "[ui][keypad]")
{
    UiHarness h(1920, 1080, BundledPack());
    h.Settle();
    h.Key(KeyCommand::Next);
    REQUIRE(TabTo(h, "role-card:"));
    const size_t n = ActionsSoFar(h);
    // Enter, Escape and Tab all arrive before the next frame (a quick keypad, or a slow machine).
    h.keys = {KeyCommand::Activate, KeyCommand::Back, KeyCommand::Next};
    h.Frame();
    h.Settle();
    REQUIRE(h.actions.size() == n + 2);
    CHECK(std::holds_alternative<core::OpenRole>(h.actions[n]));
    CHECK(std::holds_alternative<core::Back>(h.actions[n + 1]));
    CHECK(h.State().screen == core::ScreenId::Home);
    CHECK(h.view.focus.pending.empty());
}
