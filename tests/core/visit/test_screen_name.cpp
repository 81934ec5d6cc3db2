// The one screen-name grammar: what --screen accepts, the hits file reports and screen_viewed
// events carry.
#include "core/visit/screen_name.h"

#include <catch2/catch.hpp>

using namespace kiosk::core;

TEST_CASE("every screen name reads back as it was written", "[core][screen-name]")
{
    for (const char* text :
         {"home", "role:clinical-engineer", "gallery:3", "pathway", "pathway:stp", "attract", "attract:1", "attract:12",
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
    for (const char* text :
         {"", "role:", "gallery:x", "gallery:-1", "pathway:", "Home", "settings", "attract:0", "attract:x", "attract:"})
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

// --help, the README and the error for a bad --screen all print PreviewScreenGrammar(): each of its
// forms must parse, be previewable, and the staff's admin screens must not be offered.
TEST_CASE("the preview's list of screens names exactly the screens a preview can show", "[core][screen-name]")
{
    const std::string list = PreviewScreenGrammar();
    CHECK(list.find("admin") == std::string::npos);
    size_t start = 0, forms = 0;
    while (start < list.size())
    {
        size_t end = list.find(", ", start);
        if (end == std::string::npos)
            end = list.size();
        std::string form = list.substr(start, end - start);
        for (const char* placeholder : {"ID", "NODE", "N"})
            if (form.size() > 2 && form.substr(form.find(':') + 1) == placeholder)
                form = form.substr(0, form.find(':') + 1) + (std::string(placeholder) == "N" ? "2" : "some-id");
        INFO(form);
        ScreenName name;
        std::string error;
        CHECK(ParseScreenName(form, &name, &error));
        CHECK(CanPreview(name));
        forms++;
        start = end + 2;
    }
    CHECK(forms == 13);
    for (const char* staff : {"admin:pin", "admin:panel", "admin:touch-test"})
    {
        ScreenName name;
        std::string error;
        REQUIRE(ParseScreenName(staff, &name, &error));
        CHECK_FALSE(CanPreview(name));
    }
    ScreenName slide;
    std::string error;
    REQUIRE(ParseScreenName("attract:3", &slide, &error));
    CHECK(slide.kind == ScreenName::Kind::Attract);
    CHECK(slide.index == 3);
}
