// The guide's rules as checks: characters not bytes, the tagline and summary limits, white text
// on family colours, photographs and roles named on both sides, file-name traps, and the
// validator's one-line summary of a pack (which says when the attract loop is automatic).
#include "core/content/content_loader.h"
#include "core/content/file_name_checks.h"
#include "core/content/guide_limits.h"
#include "core/content/pack_summary.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace kiosk::core;

namespace
{
// The minimal fixture pack in a fresh temporary folder (removed by the destructor).
struct TempPack
{
    fs::path dir;
    TempPack()
    {
        dir = fs::temp_directory_path() / ("kiosk-guide-limits-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::copy(fs::path(KIOSK_FIXTURES_DIR) / "content" / "minimal", dir, fs::copy_options::recursive);
    }
    ~TempPack() { fs::remove_all(dir); }
    void Write(const std::string& relative, const std::string& text) const
    {
        fs::create_directories((dir / relative).parent_path());
        std::ofstream(dir / relative, std::ios::binary) << text;
    }
    std::string Read(const std::string& relative) const
    {
        std::ifstream in(dir / relative, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
};

std::string Replace(std::string s, const std::string& from, const std::string& to)
{
    const size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

std::string Repeat(const std::string& s, int n)
{
    std::string out;
    for (int i = 0; i < n; i++)
        out += s;
    return out;
}
} // namespace

TEST_CASE("lengths count characters, not bytes", "[content][guide-limits]")
{
    CHECK(CountCharacters("") == 0);
    CHECK(CountCharacters("abc") == 3);
    CHECK(CountCharacters("\u0175\u00A3\u2013") == 3); // ŵ £ – : 2 + 2 + 3 bytes
    // 1500 "ŵ" are 3000 bytes: within the 2000-character limit of one text.
    TempPack pack;
    pack.Write("roles/engineer.json", Replace(pack.Read("roles/engineer.json"), "\"cy\": \"Peiriannydd.\"",
                                              "\"cy\": \"" + Repeat("\u0175", 1500) + "\""));
    const ContentLoadResult ok = LoadContentPack(pack.dir.string());
    INFO(FormatDiagnostics(ok.diagnostics));
    CHECK(ok.pack);
    pack.Write("roles/engineer.json",
               Replace(pack.Read("roles/engineer.json"), Repeat("\u0175", 1500), Repeat("\u0175", 2001)));
    const ContentLoadResult too_long = LoadContentPack(pack.dir.string());
    REQUIRE(too_long.diagnostics.ErrorCount() == 1);
    CHECK(too_long.diagnostics.items[0].message == "text is 2001 characters long; the limit is 2000");
}

TEST_CASE("the call to action's place grows with the title and the summary", "[content][guide-limits]")
{
    const float short_one = RoleCallToActionBottom(kRoleFirstScreen800, "Engineer", "A short summary.", false);
    CHECK(short_one < 480.0f);
    CHECK(RoleCallToActionBottom(kRoleFirstScreen800, "Engineer", "A short summary.", true) > short_one);
    CHECK(RoleCallToActionBottom(kRoleFirstScreen800, "Radiotherapy physics and dosimetry engineering",
                                 "A short summary.", false) > short_one);
    CHECK(RoleCallToActionBottom(kRoleFirstScreen800, "Engineer", Repeat("A rather longer summary. ", 60), false) >
          480.0f);
}

TEST_CASE("stray file names are recognised for what they probably are", "[content][file-names]")
{
    struct Case
    {
        const char* name;
        const char* intended; // "" = an ordinary name
    };
    for (const Case& c :
         {Case{"kiosk.json.txt", "kiosk.json"}, Case{"kiosk.json.json", "kiosk.json"},
          Case{"engineer - Copy.json", "engineer.json"}, Case{"engineer - Copy (2).json", "engineer.json"},
          Case{"engineer copy.json", "engineer.json"}, Case{"engineer copy 3.json", "engineer.json"},
          Case{"engineer (1).json", "engineer.json"}, Case{"Copy of engineer.json", "engineer.json"},
          Case{"engineer.JSON", "engineer.json"}, Case{"pump (2).jpg", "pump.jpg"}, Case{"engineer.json", ""},
          Case{"notes.txt", ""}, Case{"photo (big).jpg", ""}, Case{"README.md", ""}, Case{"copy.json", ""}})
    {
        INFO(c.name);
        const std::optional<StrayGuess> guess = GuessStrayFile(c.name);
        CHECK(guess.has_value() == (c.intended[0] != '\0'));
        if (guess)
        {
            CHECK(guess->intended == c.intended);
            CHECK_FALSE(guess->junk);
        }
    }
    const std::optional<StrayGuess> mac = GuessStrayFile("._engineer.json");
    REQUIRE(mac);
    CHECK(mac->junk);
}

TEST_CASE("a stray file stands in for the missing one, with one error and nothing cascading", "[content][file-names]")
{
    TempPack pack;
    fs::rename(pack.dir / "roles" / "engineer.json", pack.dir / "roles" / "engineer.json.txt");
    const ContentLoadResult result = LoadContentPack(pack.dir.string());
    REQUIRE(result.diagnostics.items.size() == 1);
    CHECK(FormatDiagnostic(result.diagnostics.items[0]) ==
          "roles/engineer.json.txt: error: this looks like roles/engineer.json, saved with an extra \".txt\" (Windows "
          "hides extensions, so the name shown was \"engineer.json\"): rename it to engineer.json (the kiosk reads "
          "only that name; it is checked as if renamed)");
    // Its own mistakes are still found, named by the file as it is on disk.
    pack.Write("roles/engineer.json.txt", Replace(pack.Read("roles/engineer.json.txt"), "\"title\"", "\"titel\""));
    const ContentLoadResult again = LoadContentPack(pack.dir.string());
    bool found = false;
    for (const Diagnostic& d : again.diagnostics.items)
        found |= FormatDiagnostic(d).find("roles/engineer.json.txt:4:3: error: unknown key 'titel'") == 0;
    CHECK(found);
}

TEST_CASE("a picture named with other capitals than on disk is an error that names the real file",
          "[content][file-names]")
{
    TempPack pack;
    fs::rename(pack.dir / "illustrations" / "engineer.svg", pack.dir / "illustrations" / "Engineer.SVG");
    CHECK(FindCaseVariant(pack.dir.string(), "illustrations/engineer.svg") == "illustrations/Engineer.SVG");
    CHECK(FindCaseVariant(pack.dir.string(), "Illustrations/ENGINEER.svg") == "illustrations/Engineer.SVG");
    CHECK(FindCaseVariant(pack.dir.string(), "illustrations/other.svg").empty());
    const ContentLoadResult result = LoadContentPack(pack.dir.string());
    CHECK_FALSE(result.pack);
    REQUIRE(result.diagnostics.ErrorCount() == 2); // the role's illustration and the photograph
    CHECK(result.diagnostics.items[0].message ==
          "image 'illustrations/engineer.svg' is not there, but 'illustrations/Engineer.SVG' is: capitals in file "
          "names matter on the kiosk; did you mean illustrations/Engineer.SVG?");
}

TEST_CASE("a picture whose bytes are another format than its name says", "[content][file-names]")
{
    CHECK(ImageNameMismatch("photos/a.jpg", ImageFormat::Jpeg).empty());
    CHECK(ImageNameMismatch("photos/a.JPEG", ImageFormat::Jpeg).empty());
    CHECK(ImageNameMismatch("photos/a.svg", ImageFormat::Svg).empty());
    CHECK(ImageNameMismatch("photos/a.jpg", ImageFormat::Png) ==
          "is a PNG file, though its name ends in '.jpg': it shows, but other programs may refuse it; rename it to "
          "photos/a.png (and change the path)");
    CHECK(ImageNameMismatch("photos/a", ImageFormat::Svg).find("has no extension") != std::string::npos);
    TempPack pack;
    pack.Write("photos/heic.jpg", std::string("\0\0\0\x18"
                                              "ftypheic\0\0\0\0mif1heic",
                                              24));
    CHECK(OtherImageFormat((pack.dir / "photos" / "heic.jpg").string()) == "a HEIC photo (the format iPhones save)");
    pack.Write("photos/a.gif", "GIF89a....");
    CHECK(OtherImageFormat((pack.dir / "photos" / "a.gif").string()) == "a GIF image");
    CHECK(OtherImageFormat((pack.dir / "roles" / "engineer.json").string()).empty());
}

TEST_CASE("the summary line says when the attract loop is automatic", "[content][summary]")
{
    TempPack pack;
    const ContentLoadResult none = LoadContentPack(pack.dir.string());
    REQUIRE(none.pack);
    CHECK(DescribeContentPack(*none.pack) == "1 role, 1 photograph, 2 pathway nodes; attract loop: no attract.json, "
                                             "so one automatic slide per role (1)");
    pack.Write("attract.json", "{\"schema_version\": 1, \"slides\": []}");
    const ContentLoadResult empty = LoadContentPack(pack.dir.string());
    REQUIRE(empty.pack);
    CHECK(DescribeContentPack(*empty.pack) == "1 role, 1 photograph, 2 pathway nodes; attract loop: attract.json "
                                              "lists no slides, so one automatic slide per role (1)");
    pack.Write("attract.json", "{\"schema_version\": 1, \"slides\": [{\"kind\": \"role\", \"role\": \"engineer\"}]}");
    const ContentLoadResult one = LoadContentPack(pack.dir.string());
    REQUIRE(one.pack);
    CHECK(DescribeContentPack(*one.pack) ==
          "1 role, 1 photograph, 2 pathway nodes; attract loop: 1 slide from attract.json");
}
