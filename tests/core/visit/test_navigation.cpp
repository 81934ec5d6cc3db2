// Navigation is a pure function of the visit state: no ImGui, no clock.
#include "core/visit/navigation.h"
#include "support/test_pack.h"

#include <catch2/catch.hpp>

using namespace kiosk::core;

namespace
{
// Carries out an action as core::Visit does, with the ui's memory of the screen it leaves.
bool ApplyAction(VisitState& v, const VisitAction& action, const ContentPack& pack, const ScreenMemory& here = {})
{
    return Navigate(v, action, pack, here).changed;
}
} // namespace

TEST_CASE("opening a role pushes home; Back returns and restores the home scroll", "[core][navigation]")
{
    auto pack = kiosk::test::MakeTestPack();
    VisitState v;
    ScreenMemory home;
    home.scroll_y = 120.0f;
    const NavigationResult open = Navigate(v, OpenRole{"clinical-engineer"}, *pack, home);
    REQUIRE(open.changed);
    CHECK(open.motion == NavigationResult::Motion::NewScreen); // the ui starts the role at the top
    CHECK(v.screen == ScreenId::Role);
    CHECK(v.role_id == "clinical-engineer");
    const NavigationResult back = Navigate(v, Back{}, *pack, {});
    REQUIRE(back.changed);
    CHECK(back.motion == NavigationResult::Motion::Restored);
    CHECK(v.screen == ScreenId::Home);
    CHECK(back.memory.scroll_y == 120.0f);
    CHECK_FALSE(ApplyAction(v, Back{}, *pack)); // Back on home: nothing to do
}

TEST_CASE("home <- role <- specialism <- gallery unwinds one step at a time; Home clears it", "[core][navigation]")
{
    auto pack = kiosk::test::MakeTestPack();
    VisitState v;
    ApplyAction(v, OpenRole{"clinical-engineer"}, *pack);
    ScreenMemory scrolled;
    scrolled.scroll_y = 300.0f;
    ApplyAction(v, OpenRole{"renal-engineering"}, *pack, scrolled);
    ApplyAction(v, OpenGallery{"clinical-engineer", 1}, *pack);
    CHECK(v.screen == ScreenId::Gallery);
    CHECK(v.gallery_index == 1);
    CHECK(v.history.size() == 3);
    ApplyAction(v, Back{}, *pack);
    CHECK(v.role_id == "renal-engineering");
    const NavigationResult back = Navigate(v, Back{}, *pack, {});
    CHECK(v.role_id == "clinical-engineer");
    CHECK(back.memory.scroll_y == 300.0f);
    ApplyAction(v, OpenGallery{}, *pack);
    REQUIRE(ApplyAction(v, Home{}, *pack));
    CHECK(v.screen == ScreenId::Home);
    CHECK(v.history.empty());
}

TEST_CASE("invalid targets leave the view unchanged", "[core][navigation]")
{
    auto pack = kiosk::test::MakeTestPack();
    VisitState v;
    CHECK_FALSE(ApplyAction(v, OpenRole{"no-such-role"}, *pack));
    CHECK_FALSE(ApplyAction(v, OpenGallery{"medical-electronics", 0}, *pack)); // a role without photos
    CHECK(v.screen == ScreenId::Home);
    CHECK(v.history.empty());
}

TEST_CASE("the gallery wraps round at both ends and slides from the side it was pushed", "[core][navigation]")
{
    auto pack = kiosk::test::MakeTestPack();
    VisitState v;
    ApplyAction(v, OpenGallery{"clinical-engineer", 0}, *pack); // 3 photos
    REQUIRE(GalleryPhotos(v, *pack).size() == 3);
    CHECK(Navigate(v, GalleryPrev{}, *pack, {}).gallery_step == -1); // the ui slides from the left
    CHECK(v.gallery_index == 2);
    ApplyAction(v, GalleryNext{}, *pack);
    CHECK(Navigate(v, GalleryNext{}, *pack, {}).gallery_step == +1);
    CHECK(v.gallery_index == 1);
    // The whole gallery holds every photo.
    VisitState all;
    ApplyAction(all, OpenGallery{"", 7}, *pack);
    CHECK(GalleryPhotos(all, *pack).size() == pack->photos.size());
    CHECK(all.gallery_index == 7 % static_cast<int>(pack->photos.size()));
}

TEST_CASE("language and accessibility actions change only those fields", "[core][navigation]")
{
    auto pack = kiosk::test::MakeTestPack();
    VisitState v;
    ApplyAction(v, OpenRole{"clinical-engineer"}, *pack);
    ApplyAction(v, SetLanguage{"cy"}, *pack);
    ApplyAction(v, ToggleLargerText{}, *pack);
    ApplyAction(v, ToggleHighContrast{}, *pack);
    CHECK(v.language == "cy");
    CHECK(v.larger_text);
    CHECK(v.high_contrast);
    CHECK(v.screen == ScreenId::Role);
    CHECK(v.history.size() == 1);
    CHECK(DescribeAction(OpenRole{"x"}) == "open-role:x");
    CHECK(DescribeAction(VisitAction{}) == "none");
}

TEST_CASE("the back stack is bounded", "[core][navigation]")
{
    auto pack = kiosk::test::MakeTestPack();
    VisitState v;
    for (int i = 0; i < 100; ++i)
        ApplyAction(v, OpenRole{i % 2 ? "clinical-engineer" : "renal-engineering"}, *pack);
    CHECK(v.history.size() == 32);
    while (ApplyAction(v, Back{}, *pack))
    {
    }
    CHECK(v.screen == ScreenId::Home);
}
