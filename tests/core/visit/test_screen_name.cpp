// The one screen-name grammar: what --screen accepts, the hits file reports and screen_viewed
// events carry.
#include "core/visit/screen_name.h"

#include <catch2/catch.hpp>

using namespace kiosk::core;

TEST_CASE("every screen name reads back as it was written", "[core][screen-name]")
{
    for (const char* text : {"home", "role:clinical-engineer", "gallery:3", "pathway", "pathway:stp", "attract",
                             "still-there", "fault", "admin:pin", "admin:panel", "admin:touch-test"})
    {
        INFO(text);
        ScreenName name;
        std::string error;
        REQUIRE(ParseScreenName(text, &name, &error));
        CHECK(FormatScreenName(name) == text);
    }
    ScreenName gallery;
    std::string error;
    REQUIRE(ParseScreenName("gallery", &gallery, &error));
    CHECK(gallery.kind == ScreenName::Kind::Gallery);
    CHECK(gallery.index == 0);
}

TEST_CASE("a bad screen name is refused with the grammar in the message", "[core][screen-name]")
{
    for (const char* text : {"", "role:", "gallery:x", "gallery:-1", "pathway:", "Home", "settings"})
    {
        INFO(text);
        ScreenName name;
        std::string error;
        CHECK_FALSE(ParseScreenName(text, &name, &error));
        CHECK(error.find(ScreenNameGrammar()) != std::string::npos);
    }
}

TEST_CASE("the visitor's screen key names what the state shows", "[core][screen-name]")
{
    VisitState s;
    CHECK(ScreenKey(s) == "home");
    s.screen = ScreenId::Role;
    s.role_id = "renal-engineering";
    CHECK(ScreenKey(s) == "role:renal-engineering");
    s.screen = ScreenId::Gallery;
    s.gallery_index = 4;
    CHECK(ScreenKey(s) == "gallery:4");
    s.screen = ScreenId::Pathway;
    s.pathway.selected = "stp";
    CHECK(ScreenKey(s) == "pathway");
}
