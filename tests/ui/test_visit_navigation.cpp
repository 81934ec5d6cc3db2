// Navigation is a pure function of the visit: no ImGui context needed.
#include "support/ui_harness.h"
#include "ui/visit_navigation.h"

#include <catch2/catch.hpp>

using namespace kiosk::ui;

TEST_CASE("opening a role pushes home; Back returns and restores the home scroll", "[ui][navigation]")
{
    auto pack = test::MakeTestPack();
    VisitView v;
    v.home_scroll_y = 120.0f;
    REQUIRE(ApplyAction(v, OpenRole{"clinical-engineer"}, *pack));
    CHECK(v.screen == ScreenId::Role);
    CHECK(v.role_id == "clinical-engineer");
    CHECK(v.scroll_y == 0.0f);
    REQUIRE(ApplyAction(v, Back{}, *pack));
    CHECK(v.screen == ScreenId::Home);
    CHECK(v.home_scroll_y == 120.0f);
    CHECK_FALSE(ApplyAction(v, Back{}, *pack)); // Back on home: nothing to do
}

TEST_CASE("home <- role <- specialism <- gallery unwinds one step at a time; Home clears it", "[ui][navigation]")
{
    auto pack = test::MakeTestPack();
    VisitView v;
    ApplyAction(v, OpenRole{"clinical-engineer"}, *pack);
    v.scroll_y = 300.0f;
    ApplyAction(v, OpenRole{"renal-engineering"}, *pack);
    ApplyAction(v, OpenGallery{"clinical-engineer", 1}, *pack);
    CHECK(v.screen == ScreenId::Gallery);
    CHECK(v.gallery_index == 1);
    CHECK(v.history.size() == 3);
    ApplyAction(v, Back{}, *pack);
    CHECK(v.role_id == "renal-engineering");
    ApplyAction(v, Back{}, *pack);
    CHECK(v.role_id == "clinical-engineer");
    CHECK(v.scroll_y == 300.0f);
    ApplyAction(v, OpenGallery{}, *pack);
    REQUIRE(ApplyAction(v, Home{}, *pack));
    CHECK(v.screen == ScreenId::Home);
    CHECK(v.history.empty());
}

TEST_CASE("invalid targets leave the view unchanged", "[ui][navigation]")
{
    auto pack = test::MakeTestPack();
    VisitView v;
    CHECK_FALSE(ApplyAction(v, OpenRole{"no-such-role"}, *pack));
    CHECK_FALSE(ApplyAction(v, OpenGallery{"medical-electronics", 0}, *pack)); // a role without photos
    CHECK(v.screen == ScreenId::Home);
    CHECK(v.history.empty());
}

TEST_CASE("the gallery wraps round at both ends and slides from the side it was pushed", "[ui][navigation]")
{
    auto pack = test::MakeTestPack();
    VisitView v;
    ApplyAction(v, OpenGallery{"clinical-engineer", 0}, *pack); // 3 photos
    REQUIRE(GalleryPhotos(v, *pack).size() == 3);
    ApplyAction(v, GalleryPrev{}, *pack);
    CHECK(v.gallery_index == 2);
    CHECK(v.gallery_slide < 0.0f);
    ApplyAction(v, GalleryNext{}, *pack);
    ApplyAction(v, GalleryNext{}, *pack);
    CHECK(v.gallery_index == 1);
    CHECK(v.gallery_slide > 0.0f);
    // The whole gallery holds every photo.
    VisitView all;
    ApplyAction(all, OpenGallery{"", 7}, *pack);
    CHECK(GalleryPhotos(all, *pack).size() == pack->photos.size());
    CHECK(all.gallery_index == 7 % static_cast<int>(pack->photos.size()));
}

TEST_CASE("language and accessibility actions change only those fields", "[ui][navigation]")
{
    auto pack = test::MakeTestPack();
    VisitView v;
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
    CHECK(DescribeAction(UiAction{}) == "none");
}

TEST_CASE("the back stack is bounded", "[ui][navigation]")
{
    auto pack = test::MakeTestPack();
    VisitView v;
    for (int i = 0; i < 100; ++i)
        ApplyAction(v, OpenRole{i % 2 ? "clinical-engineer" : "renal-engineering"}, *pack);
    CHECK(v.history.size() == 32);
    while (ApplyAction(v, Back{}, *pack))
    {
    }
    CHECK(v.screen == ScreenId::Home);
}
