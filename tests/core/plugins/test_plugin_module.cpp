// The plugin modules (core/plugins/plugin_module.h): where they are looked for, and what a missing,
// broken or stale SVG module does to an SVG (an error saying why, so the picture shows its
// placeholder; one log line, however many SVGs). The module is opened once per process, so the
// SVG cases run in a child process of their own: this program again, with the hidden test case
// "[.svg-module-child]", given its module folder and the error it must find.
#include "core/images/image_decode.h"
#include "core/plugins/plugin_module.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace kiosk::core;

namespace
{
const std::vector<unsigned char> kSvg = []
{
    const std::string text =
        R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="red"/></svg>)";
    return std::vector<unsigned char>(text.begin(), text.end());
}();

std::string ReadText(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

int CountOf(const std::string& text, const std::string& what)
{
    int n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        n++;
    return n;
}

// Runs the hidden child case with the given module folder; returns its exit status and its stderr.
int RunChild(const std::string& plugin_dir, const std::string& expect, const std::string& log)
{
    const std::string command = "KIOSK_PLUGIN_DIR='" + plugin_dir + "' KIOSK_TEST_EXPECT_SVG='" + expect + "' /proc/" +
                                std::to_string(getpid()) + "/exe '[.svg-module-child]' >/dev/null 2>'" + log + "'";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
} // namespace

TEST_CASE("modules are looked for in KIOSK_PLUGIN_DIR alone, else beside the program then installed", "[plugins]")
{
    const char* saved = std::getenv("KIOSK_PLUGIN_DIR");
    const std::string before = saved ? saved : "";
    setenv("KIOSK_PLUGIN_DIR", "/somewhere/else", 1);
    CHECK(PluginSearchPath() == std::vector<std::string>{"/somewhere/else"});
    unsetenv("KIOSK_PLUGIN_DIR");
    const std::vector<std::string> path = PluginSearchPath();
    REQUIRE(path.size() == 2);
    CHECK(path[0] + "/kiosk_core_tests" == std::string(KIOSK_BINARY_DIR) + "/tests/kiosk_core_tests");
    CHECK_THAT(path[1], Catch::EndsWith("/careers-kiosk"));
    if (saved)
        setenv("KIOSK_PLUGIN_DIR", before.c_str(), 1);
}

TEST_CASE("a missing or broken module is an error naming it, never a crash", "[plugins]")
{
    kiosk::test::TempDir dir("kiosk-plugins");
    setenv("KIOSK_PLUGIN_DIR", dir.path.c_str(), 1);
    PluginModule missing = OpenPluginModule("careers-kiosk-svg.so");
    CHECK(missing.handle == nullptr);
    CHECK(missing.error == "careers-kiosk-svg.so is missing (looked in " + dir.path.string() + ")");

    std::ofstream(dir.File("careers-kiosk-svg.so")) << "not a shared object";
    PluginModule broken = OpenPluginModule("careers-kiosk-svg.so");
    CHECK(broken.handle == nullptr);
    CHECK_THAT(broken.error, Catch::StartsWith("cannot load " + dir.File("careers-kiosk-svg.so") + " ("));
    unsetenv("KIOSK_PLUGIN_DIR");
}

TEST_CASE("an SVG without its module, or with a stale one, says why once and fails every SVG", "[plugins]")
{
    kiosk::test::TempDir dir("kiosk-plugins");
    const std::string log = dir.File("child.log");
    SECTION("the module built with this program draws")
    {
        CHECK(RunChild(KIOSK_BINARY_DIR, "", log) == 0);
        CHECK(ReadText(log).find("SVG support is off") == std::string::npos);
    }
    SECTION("missing")
    {
        CHECK(RunChild(dir.path.string(), "SVG support is off (its module careers-kiosk-svg.so cannot be used)", log) ==
              0);
        CHECK(CountOf(ReadText(log), "careers-kiosk: SVG support is off: careers-kiosk-svg.so is missing") == 1);
    }
    SECTION("from another version of the kiosk")
    {
        const std::string stale = std::string(KIOSK_BINARY_DIR) + "/tests/stale-plugin";
        CHECK(RunChild(stale, "SVG support is off (its module careers-kiosk-svg.so cannot be used)", log) == 0);
        CHECK(CountOf(ReadText(log),
                      "SVG support is off: " + stale + "/careers-kiosk-svg.so is from another version") == 1);
    }
}

// The child: three SVGs decoded (one log line in all), each result checked against the error
// expected ("" for a picture).
TEST_CASE("svg module child", "[.svg-module-child]")
{
    const char* expect = std::getenv("KIOSK_TEST_EXPECT_SVG");
    REQUIRE(expect != nullptr);
    for (int i = 0; i < 3; i++)
    {
        DecodedImage image = DecodeImageData(kSvg, ImageLimits{}, 20, 20, ImageFit::Contain);
        if (*expect == '\0')
        {
            CHECK(image.ok);
            CHECK(image.image.width == 20);
        }
        else
        {
            CHECK_FALSE(image.ok);
            CHECK_THAT(image.error, Catch::Contains(expect));
        }
    }
}
