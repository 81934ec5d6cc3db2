// The contact sheet's pure parts: every screen of a pack is listed (and each is a name the
// preview accepts), and index.html shows every picture, grouped and labelled, with text escaped.
#include "core/cli/contact_sheet.h"
#include "core/content/content_loader.h"
#include "core/visit/screen_name.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace kiosk::core;

namespace
{
bool Lists(const std::vector<ContactSheetScreen>& screens, const std::string& name)
{
    return std::any_of(screens.begin(), screens.end(), [&](const ContactSheetScreen& s) { return s.name == name; });
}
} // namespace

TEST_CASE("the contact sheet lists every screen of the bundled pack, each one a preview can show",
          "[core][contact-sheet]")
{
    const ContentLoadResult loaded = LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(loaded.pack);
    const ContentPack& pack = *loaded.pack;
    const std::vector<ContactSheetScreen> screens = ContactSheetScreens(pack, 5);
    for (const Role& role : pack.roles)
        CHECK(Lists(screens, "role:" + role.id));
    for (size_t i = 0; i < pack.photos.size(); i++)
        CHECK(Lists(screens, "gallery:" + std::to_string(i)));
    for (const PathwayNode& node : pack.pathway.nodes)
        CHECK(Lists(screens, "pathway:" + node.id));
    for (size_t i = 1; i <= pack.quiz.questions.size(); i++)
        CHECK(Lists(screens, "quiz:" + std::to_string(i)));
    for (const char* name : {"home", "pathway", "quiz:result", "attract:1", "attract:5", "still-there"})
        CHECK(Lists(screens, name));
    CHECK_FALSE(Lists(screens, "attract:6"));
    const size_t expected = 1 + pack.roles.size() + pack.photos.size() + 1 + pack.pathway.nodes.size() +
                            pack.quiz.questions.size() + 1 + 5 + 1;
    CHECK(screens.size() == expected);
    for (const ContactSheetScreen& s : screens)
    {
        INFO(s.name);
        ScreenName name;
        std::string error;
        REQUIRE(ParseScreenName(s.name, &name, &error));
        CHECK(CanPreview(name));
        CHECK(FormatScreenName(name) == s.name);
        CHECK_FALSE(s.group.empty());
        // The attract loop shows every language at once; everything else is per language.
        CHECK(s.per_language == (name.kind != ScreenName::Kind::Attract));
        CHECK(s.variants == (name.kind != ScreenName::Kind::Attract));
    }
    // The role pages, whose lower parts scroll out of sight, are drawn whole.
    CHECK(std::find_if(screens.begin(), screens.end(),
                       [](const ContactSheetScreen& s)
                       { return s.name.rfind("role:", 0) == 0 && !s.full_page; }) == screens.end());
}

TEST_CASE("file names are safe on every file system", "[core][contact-sheet]")
{
    CHECK(ContactSheetFileName("role:clinical-engineer") == "role_clinical-engineer.png");
    CHECK(ContactSheetFileName("pathway:a/b\\c") == "pathway_a_b_c.png");
}

TEST_CASE("index.html links every picture under its size and group, labelled, text escaped", "[core][contact-sheet]")
{
    ContactSheetPage page;
    page.title = "Careers <& more>";
    page.content_dir = "content";
    page.images = {
        {"800x480/normal/en/home.png", "home", "Home", "800x480", "normal", "en", ""},
        {"800x480/normal/cy/home.png", "home", "Home", "800x480", "normal", "cy", ""},
        {"800x480/large-text/en/role_x.png", "role:x", "Roles", "800x480", "large text", "en", ""},
        {"1920x1080/normal/en/home.png", "home", "Home", "1920x1080", "normal", "en", ""},
        {"1920x1080/normal/all/attract_1.png", "attract:1", "Attract loop", "1920x1080", "normal", "", "no slides"},
    };
    const std::string html = ContactSheetHtml(page);
    CHECK(html.find("Careers &lt;&amp; more&gt;") != std::string::npos);
    CHECK(html.find("<&") == std::string::npos);
    for (const ContactSheetImage& image : page.images)
    {
        INFO(image.file);
        if (image.error.empty())
        {
            CHECK(html.find("<a href=\"" + image.file + "\"><img src=\"" + image.file + "\"") != std::string::npos);
        }
        else
        {
            CHECK(html.find("src=\"" + image.file) == std::string::npos);
            CHECK(html.find("Not rendered: " + image.error) != std::string::npos);
        }
    }
    CHECK(html.find("<figcaption>normal, cy</figcaption>") != std::string::npos);
    CHECK(html.find("<figcaption>large text, en</figcaption>") != std::string::npos);
    // Sizes in the order given, each with its groups below it.
    const size_t small = html.find("<h2 id=\"size-800x480\">");
    const size_t large = html.find("<h2 id=\"size-1920x1080\">");
    const size_t roles = html.find("<h3>Roles</h3>");
    const size_t attract = html.find("<h3>Attract loop</h3>");
    REQUIRE(small != std::string::npos);
    REQUIRE(large != std::string::npos);
    CHECK(small < roles);
    CHECK(roles < large);
    CHECK(large < attract);
    // Both languages of the home screen sit in one row.
    const size_t row = html.find("<div class=\"name\">home</div>");
    CHECK(html.find("800x480/normal/cy/home.png") < html.find("<div class=\"name\">role:x</div>"));
    CHECK(row < html.find("800x480/normal/en/home.png"));
}

TEST_CASE("the contact sheet's --screens keeps named screens, or every screen of a kind", "[core][contact-sheet]")
{
    CHECK(ScreenChosen("role:x", {}));
    CHECK(ScreenChosen("role:x", {"role"}));
    CHECK(ScreenChosen("role:x", {"home", "role:x"}));
    CHECK_FALSE(ScreenChosen("role:y", {"role:x"}));
    CHECK(ScreenChosen("pathway", {"pathway"}));
    CHECK(ScreenChosen("pathway:node", {"pathway"}));
    CHECK_FALSE(ScreenChosen("pathway:node", {"path"}));
    CHECK_FALSE(ScreenChosen("home", {"role"}));
}
