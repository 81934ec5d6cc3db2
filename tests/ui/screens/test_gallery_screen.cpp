#include "support/ui_harness.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::UiHarness;

namespace
{
void Swipe(UiHarness& h, float dx)
{
    const HitArea* photo = h.Find("gallery:photo");
    REQUIRE(photo);
    const ImVec2 from(photo->CenterX() - 0.5f * dx, photo->CenterY());
    h.Drag(from, ImVec2(from.x + dx, from.y), 8);
}
} // namespace

TEST_CASE("swiping left shows the next photo, right the previous, and it wraps", "[ui][gallery]")
{
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}, {800.f, 480.f}})
    {
        INFO(w << "x" << ht);
        UiHarness h(w, ht);
        h.Frame();
        REQUIRE(h.TapId("home:gallery"));
        h.Frame();
        const int count = static_cast<int>(h.pack->photos.size());
        CHECK(h.State().gallery_index == 0);
        CHECK(h.hits.Drew("1 of " + std::to_string(count)));
        Swipe(h, -0.4f * w);
        CHECK(h.State().gallery_index == 1);
        CHECK(h.last.animating); // the slide is under way
        h.Settle();
        CHECK(h.view.gallery_slide == 0.0f);
        CHECK(h.hits.Drew("Caption for repairing-pump"));
        Swipe(h, 0.4f * w);
        CHECK(h.State().gallery_index == 0);
        h.Settle();
        Swipe(h, 0.4f * w); // past the first: wraps to the last
        CHECK(h.State().gallery_index == count - 1);
        h.Settle();
        CHECK(h.State().screen == core::ScreenId::Gallery);
    }
}

TEST_CASE("a short or vertical drag on the photo does not turn the page", "[ui][gallery]")
{
    UiHarness h(1920, 1080);
    h.Frame();
    REQUIRE(h.TapId("home:gallery"));
    h.Frame();
    Swipe(h, -0.05f * h.metrics.screen_w);
    h.Settle();
    CHECK(h.State().gallery_index == 0);
    const HitArea* photo = h.Find("gallery:photo");
    REQUIRE(photo);
    h.Drag(ImVec2(photo->CenterX(), photo->CenterY() - 200), ImVec2(photo->CenterX() - 60, photo->CenterY() + 200), 8);
    h.Settle();
    CHECK(h.State().gallery_index == 0);
}

TEST_CASE("the arrows step through photos and Back returns", "[ui][gallery]")
{
    UiHarness h(1280, 800);
    h.Frame();
    REQUIRE(h.TapId("home:gallery"));
    h.Frame();
    REQUIRE(h.TapId("gallery:next"));
    REQUIRE(h.TapId("gallery:next"));
    CHECK(h.State().gallery_index == 2);
    REQUIRE(h.TapId("gallery:prev"));
    CHECK(h.State().gallery_index == 1);
    h.Settle();
    REQUIRE(h.TapId("nav:back"));
    CHECK(h.State().screen == core::ScreenId::Home);
}
