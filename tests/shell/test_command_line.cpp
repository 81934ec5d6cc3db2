// The command line of the previews: --help and the error for a bad --screen list the same screens
// (the one grammar, core/visit/screen_name.h), the variant flags, and contact-sheet's own options.
#include "core/visit/screen_name.h"
#include "shell/command_line.h"

#include <catch2/catch.hpp>

using namespace kiosk::app;

namespace
{
bool Parse(std::vector<std::string> args, Options* o, std::string* error)
{
    *o = Options{};
    error->clear();
    return ParseCommandLine(args, o, error);
}
} // namespace

TEST_CASE("the usage text and a bad --screen list every screen a preview can show", "[shell][command-line]")
{
    const std::string grammar = kiosk::core::PreviewScreenGrammar();
    CHECK(std::string(UsageText()).find(grammar) != std::string::npos);
    Options o;
    std::string error;
    for (const char* bad : {"kitchen", "admin:pin", "attract:0"})
    {
        INFO(bad);
        CHECK_FALSE(Parse({"--screenshot", "a.png", "--size", "800x480", "--screen", bad}, &o, &error));
        CHECK(error.find(grammar) != std::string::npos);
        CHECK(error.find(bad) != std::string::npos);
    }
}

TEST_CASE("the preview's variants and --full-page are read", "[shell][command-line]")
{
    Options o;
    std::string error;
    REQUIRE(Parse({"--screenshot", "a.png", "--size", "800x480", "--screen", "attract:3", "--language", "cy",
                   "--large-text", "--high-contrast", "--full-page"},
                  &o, &error));
    CHECK(o.mode == Mode::Screenshot);
    CHECK(o.screen == "attract:3");
    CHECK(o.screenshot_language == "cy");
    CHECK(o.large_text);
    CHECK(o.high_contrast);
    CHECK(o.full_page);
    REQUIRE(Parse({"--screenshot", "a.png", "--size", "800x480"}, &o, &error));
    CHECK_FALSE(o.large_text);
    CHECK_FALSE(o.high_contrast);
    CHECK_FALSE(o.full_page);
}

TEST_CASE("the screenshot's longest wait for a still screen is read from --still-timeout", "[shell][command-line]")
{
    Options o;
    std::string error;
    REQUIRE(Parse({"--screenshot", "a.png", "--size", "800x480"}, &o, &error));
    CHECK(o.still_timeout_s == 15.0);
    REQUIRE(Parse({"--screenshot", "a.png", "--size", "800x480", "--still-timeout", "240"}, &o, &error));
    CHECK(o.still_timeout_s == 240.0);
    for (const char* bad : {"0", "-5", "4000", "ten", "12s"})
    {
        Options p;
        CHECK_FALSE(Parse({"--screenshot", "a.png", "--size", "800x480", "--still-timeout", bad}, &p, &error));
        CHECK(error.find("--still-timeout '" + std::string(bad) + "'") != std::string::npos);
    }
}

TEST_CASE("the warm-up, --warm-up, draws at the screen's size or --size, from --content", "[shell][command-line]")
{
    Options o;
    std::string error;
    REQUIRE(Parse({"--warm-up", "--content", "/c"}, &o, &error));
    CHECK(o.mode == Mode::WarmUp);
    CHECK(o.width == 0); // the monitor's size, as the kiosk's own window
    CHECK(o.height == 0);
    REQUIRE(Parse({"--warm-up", "--size", "1280x800", "--content", "/c"}, &o, &error));
    CHECK(o.mode == Mode::WarmUp);
    CHECK(o.width == 1280);
    CHECK(o.height == 800);
    CHECK(o.content_dir == "/c");
    CHECK(std::string(UsageText()).find("--warm-up [--size WxH] [--content DIR]") != std::string::npos);
}

TEST_CASE("contact-sheet takes a folder, sizes and languages", "[shell][command-line]")
{
    Options o;
    std::string error;
    REQUIRE(Parse({"contact-sheet", "out"}, &o, &error));
    CHECK(o.mode == Mode::ContactSheet);
    CHECK(o.contact_sheet_dir == "out");
    REQUIRE(o.sizes.size() == 1);
    CHECK(o.sizes[0] == std::make_pair(800, 480));
    REQUIRE(Parse({"contact-sheet", "out", "--sizes", "800x480,1080x1920", "--languages", "en,cy", "--content", "c"},
                  &o, &error));
    REQUIRE(o.sizes.size() == 2);
    CHECK(o.sizes[1] == std::make_pair(1080, 1920));
    CHECK(o.languages == std::vector<std::string>{"en", "cy"});
    CHECK(o.content_dir == "c");
    REQUIRE(Parse({"contact-sheet", "out", "--screens", "home,role"}, &o, &error));
    CHECK(o.screens == std::vector<std::string>{"home", "role"});
    CHECK_FALSE(Parse({"contact-sheet"}, &o, &error));
    CHECK(error.find("OUT_DIR") != std::string::npos);
    CHECK_FALSE(Parse({"contact-sheet", "--sizes", "800x480"}, &o, &error));
    CHECK_FALSE(Parse({"contact-sheet", "out", "--sizes", "800x480,big"}, &o, &error));
    CHECK(error.find("'big'") != std::string::npos);
    CHECK_FALSE(Parse({"contact-sheet", "out", "--sizes", "800x480,"}, &o, &error));
}
