// One fixture per content defect: tests/fixtures/content/broken/<defect>/ holds the files that
// differ from tests/fixtures/content/minimal/, and optionally remove.txt (files to delete) and
// links.txt (paths to make into links to a file outside the pack), and expected.txt, the exact
// diagnostics the validator must print, in order, one per line (a JSON syntax error followed by
// its two excerpt lines: the offending line and the caret under its column).
//
// Links are made here, at run time, to a file this test creates beside the pack: never commit
// a link to a system file, and never point a test's link at anything the test does not own.
#include "core/content/content_loader.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace kiosk::core;

static std::vector<std::string> ReadLines(const fs::path& path)
{
    std::vector<std::string> lines;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
        if (!line.empty())
            lines.push_back(line);
    return lines;
}

// Builds the fixture's pack in a fresh temporary folder and returns its path.
static fs::path AssemblePack(const fs::path& defect)
{
    const fs::path base = fs::path(KIOSK_FIXTURES_DIR) / "content" / "minimal";
    const fs::path dir =
        fs::temp_directory_path() / ("kiosk-fixture-" + defect.filename().string() + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(base, dir, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    for (const auto& entry : fs::recursive_directory_iterator(defect))
    {
        const fs::path rel = fs::relative(entry.path(), defect);
        if (rel == "expected.txt" || rel == "remove.txt" || rel == "links.txt" || entry.is_directory())
            continue;
        fs::create_directories((dir / rel).parent_path());
        fs::remove(dir / rel);
        fs::copy(entry.path(), dir / rel, fs::copy_options::copy_symlinks);
    }
    for (const std::string& name : ReadLines(defect / "remove.txt"))
        fs::remove(dir / name);
    for (const std::string& name : ReadLines(defect / "links.txt"))
    {
        const fs::path outside = fs::path(dir.string() + "-outside.svg");
        std::ofstream(outside) << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>\n";
        fs::create_directories((dir / name).parent_path());
        fs::create_symlink(outside, dir / name);
    }
    return dir;
}

TEST_CASE("the minimal fixture pack is valid with no warnings", "[content][fixtures]")
{
    const ContentLoadResult result = LoadContentPack(std::string(KIOSK_FIXTURES_DIR) + "/content/minimal");
    INFO(FormatDiagnostics(result.diagnostics));
    REQUIRE(result.pack);
    CHECK(result.diagnostics.items.empty());
    CHECK(result.pack->roles.size() == 1);
}

TEST_CASE("each broken fixture gives exactly its expected diagnostics", "[content][fixtures]")
{
    const fs::path broken = fs::path(KIOSK_FIXTURES_DIR) / "content" / "broken";
    std::vector<fs::path> defects;
    for (const auto& entry : fs::directory_iterator(broken))
        defects.push_back(entry.path());
    std::sort(defects.begin(), defects.end());
    REQUIRE(defects.size() >= 25);
    for (const fs::path& defect : defects)
    {
        DYNAMIC_SECTION(defect.filename().string())
        {
            const std::vector<std::string> expected = ReadLines(defect / "expected.txt");
            REQUIRE_FALSE(expected.empty());
            const fs::path dir = AssemblePack(defect);
            const ContentLoadResult result = LoadContentPack(dir.string());
            fs::remove_all(dir);
            fs::remove(fs::path(dir.string() + "-outside.svg"));
            std::vector<std::string> actual;
            for (const Diagnostic& d : result.diagnostics.items)
            {
                // A JSON syntax error is followed by its line and a caret: expected.txt holds them too.
                std::istringstream lines(FormatDiagnosticWithExcerpt(d));
                for (std::string line; std::getline(lines, line);)
                    actual.push_back(line);
            }
            CHECK(actual == expected);
            // A pack with errors is never built; warnings alone still give a pack.
            CHECK((result.pack == nullptr) == result.diagnostics.HasErrors());
        }
    }
}

TEST_CASE("every JSONTestSuite file, used as photos.json, gives a pack or located errors, never a crash",
          "[content][corpus]")
{
    const fs::path corpus = fs::path(KIOSK_SHARED_DIR) / "corpora" / "jsontestsuite";
    REQUIRE(fs::is_directory(corpus));
    const fs::path base = fs::path(KIOSK_FIXTURES_DIR) / "content" / "minimal";
    const fs::path dir = fs::temp_directory_path() / ("kiosk-corpus-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(base, dir, fs::copy_options::recursive);
    int files = 0;
    for (const auto& entry : fs::directory_iterator(corpus))
    {
        if (entry.path().extension() != ".json")
            continue;
        files++;
        fs::copy_file(entry.path(), dir / "photos.json", fs::copy_options::overwrite_existing);
        const ContentLoadResult result = LoadContentPack(dir.string());
        INFO(entry.path().filename().string());
        // No corpus file is a valid photos.json (none has the schema_version and photos keys).
        CHECK(result.pack == nullptr);
        REQUIRE(result.diagnostics.HasErrors());
        bool names_photos = false;
        for (const Diagnostic& d : result.diagnostics.items)
            names_photos |= d.where.file == "photos.json" && !d.message.empty();
        CHECK(names_photos);
    }
    fs::remove_all(dir);
    CHECK(files == 318);
}
