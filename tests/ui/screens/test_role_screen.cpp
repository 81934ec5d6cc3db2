#include "support/ui_harness.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::UiHarness;

namespace
{
void OpenRolePage(UiHarness& h, const std::string& id)
{
    h.Frame();
    for (int i = 0; i < 10 && !h.Find("role-card:" + id); ++i)
    {
        const float x = 0.5f * h.metrics.screen_w, y = 0.75f * h.metrics.screen_h;
        h.Drag(ImVec2(x, y), ImVec2(x, y - 0.25f * h.metrics.screen_h), 10);
        h.Settle();
    }
    REQUIRE(h.TapId("role-card:" + id));
    REQUIRE(h.State().screen == core::ScreenId::Role);
    h.Frame();
}

// Drags the page up until `id` is drawn; false if it never appears.
bool ScrollUntilVisible(UiHarness& h, const std::string& id)
{
    for (int i = 0; i < 40; ++i)
    {
        const HitArea* a = h.Find(id);
        if (a && a->Height() >= 0.9f * (a->full_y1 - a->full_y0))
            return true;
        const float x = 0.5f * h.metrics.screen_w, y = 0.8f * h.metrics.screen_h;
        h.Drag(ImVec2(x, y), ImVec2(x, y - 0.3f * h.metrics.screen_h), 10);
        h.Settle();
    }
    return false;
}
} // namespace

TEST_CASE("the role page scrolls by dragging and Back stays visible and returns home", "[ui][role]")
{
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}, {800.f, 480.f}})
    {
        INFO(w << "x" << ht);
        UiHarness h(w, ht);
        OpenRolePage(h, "clinical-engineer");
        CHECK(h.hits.Drew("Clinical engineer"));
        CHECK(h.hits.Drew("What you would do"));
        bool pay_seen = h.hits.Drew("£29,970 to £36,483");
        const HitArea back_before = *h.Find("nav:back");
        const float x = 0.5f * w, y = 0.8f * ht;
        h.Drag(ImVec2(x, y), ImVec2(x, y - 0.4f * ht), 12);
        h.Settle();
        pay_seen |= h.hits.Drew("£29,970 to £36,483"); // below the first view on a tall screen
        CHECK(pay_seen);
        CHECK(h.view.scroll_y > 0.2f * ht);
        CHECK(h.State().screen == core::ScreenId::Role); // the drag tapped nothing
        const HitArea* back_after = h.Find("nav:back");
        REQUIRE(back_after); // sticky
        CHECK(back_after->y0 == back_before.y0);
        REQUIRE(h.TapId("nav:back"));
        CHECK(h.State().screen == core::ScreenId::Home);
    }
}

TEST_CASE("an entry route opens the pathway at its node", "[ui][role]")
{
    UiHarness h(1920, 1080);
    OpenRolePage(h, "clinical-engineer");
    REQUIRE(ScrollUntilVisible(h, "role:route:0"));
    CHECK_FALSE(h.Find("role:route:1")); // a route without a pathway node is not a link
    REQUIRE(h.TapId("role:route:0"));
    CHECK(h.State().screen == core::ScreenId::Pathway);
    CHECK(h.State().pathway_node == "ptp");
    h.Frame();
    CHECK(h.hits.Drew("Practitioner Training Programme"));
    REQUIRE(h.TapId("nav:back"));
    CHECK(h.State().screen == core::ScreenId::Role);
}

TEST_CASE("a role photograph opens the gallery on that photo, with the role's photos only", "[ui][role]")
{
    UiHarness h(1080, 1920);
    OpenRolePage(h, "clinical-engineer");
    REQUIRE(ScrollUntilVisible(h, "role:photo:1"));
    REQUIRE(h.TapId("role:photo:1"));
    CHECK(h.State().screen == core::ScreenId::Gallery);
    CHECK(h.State().gallery_role == "clinical-engineer");
    CHECK(h.State().gallery_index == 1);
    h.Frame();
    CHECK(h.hits.Drew("Caption for milling-part"));
    CHECK(h.hits.Drew("2 of 3"));
}

TEST_CASE("specialism chips open the specialism; Back returns to the parent role", "[ui][role]")
{
    UiHarness h(1920, 1080);
    OpenRolePage(h, "clinical-engineer");
    REQUIRE(ScrollUntilVisible(h, "role:specialism:renal-engineering"));
    REQUIRE(h.TapId("role:specialism:renal-engineering"));
    CHECK(h.State().role_id == "renal-engineering");
    CHECK(h.view.scroll_y == 0.0f);
    h.Frame();
    CHECK(h.hits.Drew("Clinical engineer: Specialisms"));
    REQUIRE(h.TapId("nav:back"));
    CHECK(h.State().role_id == "clinical-engineer");
    CHECK(h.view.scroll_y > 0.0f); // back where the visitor was
}

TEST_CASE("the role page draws a QR code with its prompt", "[ui][role]")
{
    UiHarness h(1920, 1080);
    OpenRolePage(h, "clinical-engineer");
    for (int i = 0; i < 10; ++i)
    {
        const float x = 0.5f * h.metrics.screen_w, y = 0.8f * h.metrics.screen_h;
        h.Drag(ImVec2(x, y), ImVec2(x, y - 0.4f * h.metrics.screen_h), 10);
        h.Settle();
    }
    CHECK(h.hits.Drew("Scan to take this home on your phone"));
}

TEST_CASE("How do I get here? opens the flowchart with the role's routes lit", "[ui][role][pathway]")
{
    UiHarness h(1280, 800);
    OpenRolePage(h, "clinical-engineer");
    REQUIRE(h.TapId("role:pathway"));
    CHECK(h.State().screen == core::ScreenId::Pathway);
    CHECK(h.State().pathway.lit_role == "clinical-engineer");
    CHECK(h.State().pathway.selected.empty());
    const std::string d = DescribeAction(h.actions.back());
    CHECK(d == "open-pathway:::clinical-engineer");
}

TEST_CASE("a role no pathway step leads to has no How do I get here? button", "[ui][role][pathway]")
{
    auto pack = kiosk::ui::test::MakeTestPack();
    for (auto& role : pack->roles)
        if (role.id == "medical-physicist")
            role.entry_routes.clear();
    UiHarness h(1280, 800, pack);
    OpenRolePage(h, "medical-physicist");
    CHECK(h.hits.Drew("Medical physicist"));
    CHECK_FALSE(h.Find("role:pathway"));
}
