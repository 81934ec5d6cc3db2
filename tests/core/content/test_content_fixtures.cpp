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

// The kiosk's start defers the checks that can only warn (issue 13). Deferred or not, a pack gives
// the same diagnostics: every error before the pack is taken into use, the warnings left for later
// are only warnings, and the two lists together are the full load's, item for item.
static std::vector<std::string> Formatted(const std::vector<Diagnostic>& items)
{
    std::vector<std::string> lines;
    for (const Diagnostic& d : items)
        lines.push_back(std::string(d.severity == Severity::Error ? "E " : "W ") + FormatDiagnosticWithExcerpt(d));
    std::sort(lines.begin(), lines.end());
    return lines;
}

static void CheckDeferredMatchesFull(const std::string& dir)
{
    const ContentLoadResult full = LoadContentPack(dir);
    ContentLoadOptions options;
    options.defer_warning_checks = true;
    const ContentLoadResult early = LoadContentPack(dir, options);
    CHECK((early.pack == nullptr) == (full.pack == nullptr));
    CHECK(early.diagnostics.ErrorCount() == full.diagnostics.ErrorCount());
    std::vector<Diagnostic> together = early.diagnostics.items;
    if (early.pack)
    {
        REQUIRE(early.later_checks);
        const DiagnosticList later = early.later_checks();
        CHECK(later.ErrorCount() == 0);
        together.insert(together.end(), later.items.begin(), later.items.end());
        CHECK(early.pack->warnings.items.size() == early.diagnostics.items.size());
    }
    else
    {
        CHECK_FALSE(early.later_checks);
        // A pack with errors is not shown: its warnings need not be complete, its errors must be.
        std::vector<Diagnostic> full_errors, early_errors;
        for (const Diagnostic& d : full.diagnostics.items)
            if (d.severity == Severity::Error)
                full_errors.push_back(d);
        for (const Diagnostic& d : early.diagnostics.items)
            if (d.severity == Severity::Error)
                early_errors.push_back(d);
        CHECK(Formatted(early_errors) == Formatted(full_errors));
        return;
    }
    CHECK(Formatted(together) == Formatted(full.diagnostics.items));
}

TEST_CASE("deferring the warn-only checks loses no diagnostic and keeps every error first", "[content][fixtures]")
{
    SECTION("the bundled pack")
    {
        CheckDeferredMatchesFull(std::string(KIOSK_SOURCE_DIR) + "/content");
    }
    const fs::path broken = fs::path(KIOSK_FIXTURES_DIR) / "content" / "broken";
    std::vector<fs::path> defects;
    for (const auto& entry : fs::directory_iterator(broken))
        defects.push_back(entry.path());
    std::sort(defects.begin(), defects.end());
    for (const fs::path& defect : defects)
        DYNAMIC_SECTION(defect.filename().string())
        {
            const fs::path dir = AssemblePack(defect);
            CheckDeferredMatchesFull(dir.string());
            fs::remove_all(dir);
            fs::remove(fs::path(dir.string() + "-outside.svg"));
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
