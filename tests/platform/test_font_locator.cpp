// LocateUiFonts: fonts-noto-core's files without fontconfig when they are there, fontconfig's
// answer otherwise, and the two agree on a Debian system (the shortcut changes no font).
#include "platform/font_locator.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using kiosk::platform::FontFiles;
using kiosk::platform::LocateUiFonts;

namespace
{
fs::path ScratchDir(const char* name)
{
    const fs::path dir =
        fs::temp_directory_path() / (std::string("kiosk-fonts-") + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}
} // namespace

TEST_CASE("the packaged Noto files are used as they are, without fontconfig", "[fonts]")
{
    const fs::path dir = ScratchDir("both");
    std::ofstream(dir / "NotoSans-Regular.ttf") << "not parsed here";
    std::ofstream(dir / "NotoSans-Bold.ttf") << "not parsed here";
    const FontFiles files = LocateUiFonts(dir.string());
    CHECK(files.error.empty());
    CHECK(files.regular == (dir / "NotoSans-Regular.ttf").string());
    CHECK(files.bold == (dir / "NotoSans-Bold.ttf").string());
    fs::remove_all(dir);
}

TEST_CASE("without both packaged files, fontconfig chooses", "[fonts]")
{
    const fs::path dir = ScratchDir("regular-only");
    std::ofstream(dir / "NotoSans-Regular.ttf") << "not parsed here";
    const FontFiles files = LocateUiFonts(dir.string());
    fs::remove_all(dir);
    REQUIRE(files.error.empty()); // fonts-noto-core is installed where the tests run
    CHECK(files.regular.rfind(dir.string(), 0) != 0);
    CHECK(fs::exists(files.regular));
    CHECK(fs::exists(files.bold));
}

TEST_CASE("on Debian the packaged files are the ones fontconfig would choose", "[fonts]")
{
    const FontFiles shortcut = LocateUiFonts();
    const FontFiles asked = LocateUiFonts("");
    REQUIRE(asked.error.empty());
    CHECK(fs::equivalent(shortcut.regular, asked.regular));
    CHECK(fs::equivalent(shortcut.bold, asked.bold));
}
