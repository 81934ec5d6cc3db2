#include "core/content/content_loader.h"
#include "support/ui_harness.h"
#include "ui/fonts.h"
#include "ui/metrics.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <unistd.h>

using namespace kiosk::ui;
using kiosk::ui::test::DrawnCodePoints;

namespace
{
struct AtlasScope
{
    ImFontAtlas atlas;
};

bool HasGlyph(ImFont* font, ImWchar c)
{
    return font->FindGlyphNoFallback(c) != nullptr;
}

// Every string value in a JSON document: read from the files themselves, not through the
// loader, so a text the glyph collection forgets still counts.
void AddJsonStrings(const nlohmann::json& j, std::set<unsigned>& out)
{
    if (j.is_string())
        for (unsigned c : DrawnCodePoints(j.get<std::string>()))
            out.insert(c);
    else if (j.is_array() || j.is_object())
        for (const auto& item : j)
            AddJsonStrings(item, out);
}
} // namespace

TEST_CASE("the atlas at 3840x2160 stays within 4096x4096 and holds Welsh letters, pound and dashes", "[ui][fonts]")
{
    auto pack = test::MakeTestPack();
    for (bool larger : {false, true})
    {
        INFO("larger text " << larger);
        AtlasScope s;
        const Metrics m = ComputeMetrics(3840, 2160, 0, 0, larger);
        const Fonts f =
            BuildFonts(&s.atlas, test::kNotoRegular, test::kNotoBold, m, kiosk::core::CollectPackText(*pack));
        REQUIRE(f.error == "");
        CHECK(f.atlas_width <= kMaxAtlasSide);
        CHECK(f.atlas_height <= kMaxAtlasSide);
        CHECK(s.atlas.TexWidth <= kMaxAtlasSide);
        CHECK(s.atlas.TexHeight <= kMaxAtlasSide);
        for (ImFont* font : {f.body, f.body_bold, f.heading, f.title, f.display})
            for (ImWchar c : {0x0175 /* ŵ */, 0x0177 /* ŷ */, 0x0174, 0x0176, 0x00A3 /* £ */, 0x2013 /* – */,
                              0x2019 /* ’ */, 0x00F4 /* ô */, 0x1E83 /* ẃ */})
            {
                INFO("glyph U+" << std::hex << c);
                CHECK(HasGlyph(font, c));
            }
        CHECK(f.body->FontSize == Approx(m.em).margin(0.5f));
        CHECK(f.title->FontSize >= 2.0f * m.em);
        CHECK(f.title->FontSize <= 3.0f * m.em);
    }
}

TEST_CASE("glyphs come from the content's own text", "[ui][fonts]")
{
    AtlasScope s;
    const Metrics m = ComputeMetrics(1920, 1080, 0, 0, false);
    const Fonts f = BuildFonts(&s.atlas, test::kNotoRegular, test::kNotoBold, m, "Ŵ ẞ Ω");
    REQUIRE(f.Ok());
    CHECK(HasGlyph(f.body, 0x1E9E));       // ẞ only because the text has it
    CHECK(HasGlyph(f.body, 0x03A9));       // Ω
    CHECK_FALSE(HasGlyph(f.body, 0x0416)); // Cyrillic Zhe: not in the text, not baked
}

TEST_CASE("a missing font file: the other face stands in and the warning names the missing file", "[ui][fonts]")
{
    AtlasScope s;
    const Fonts f = BuildFonts(&s.atlas, "/nonexistent/font.ttf", test::kNotoBold, Metrics{}, "Croeso ŵ");
    REQUIRE(f.Ok());
    CHECK_FALSE(f.built_in);
    CHECK(f.warning.find("'/nonexistent/font.ttf'") != std::string::npos);
    CHECK(f.warning.find(test::kNotoBold) != std::string::npos);
    // Five sizes of the one bold file, which the atlas owns once.
    REQUIRE(s.atlas.ConfigData.Size == 5);
    int owners = 0;
    for (const ImFontConfig& config : s.atlas.ConfigData)
    {
        CHECK(config.FontData == s.atlas.ConfigData[0].FontData);
        owners += config.FontDataOwnedByAtlas ? 1 : 0;
    }
    CHECK(owners == 1);
    CHECK(HasGlyph(f.body, 0x0175)); // ŵ: still Noto, so Welsh is still drawn
}

TEST_CASE("each font file is read once per atlas, its sizes share it and the atlas frees it once", "[ui][fonts]")
{
    // Five sizes from two files: two buffers, each owned by one config (ImFontAtlas::ClearInputData frees
    // owned buffers), not five copies. Built twice on one atlas, as the kiosk does when the text size
    // changes: the rebuild frees the first build's buffers once (a double free shows under ASan).
    AtlasScope s;
    const Metrics m = ComputeMetrics(1920, 1080, 0, 0, false);
    for (int build = 0; build < 2; build++)
    {
        INFO("build " << build);
        const Fonts f = BuildFonts(&s.atlas, test::kNotoRegular, test::kNotoBold, m, "Croeso");
        REQUIRE(f.Ok());
        REQUIRE(s.atlas.ConfigData.Size == 5);
        std::set<const void*> buffers;
        int owners = 0;
        for (const ImFontConfig& config : s.atlas.ConfigData)
        {
            buffers.insert(config.FontData);
            owners += config.FontDataOwnedByAtlas ? 1 : 0;
        }
        CHECK(buffers.size() == 2);
        CHECK(owners == 2);
        CHECK(s.atlas.ConfigData[0].FontData != s.atlas.ConfigData[1].FontData); // regular, bold
        for (int i = 2; i < 5; i++)
            CHECK(s.atlas.ConfigData[i].FontData == s.atlas.ConfigData[1].FontData);
    }
}

TEST_CASE("an empty, garbled, cut-short or damaged font file is named in a warning and something usable stands in, not "
          "an abort",
          "[ui][fonts]")
{
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("kiosk-fonts-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string empty = (dir / "empty.ttf").string();
    const std::string garbled = (dir / "garbled.ttf").string();
    std::ofstream(empty).close();
    std::ofstream(garbled) << std::string(4096, 'x');
    const std::string cut = (dir / "cut.ttf").string(); // the real font's first 4 KB: tables past the end
    {
        std::ifstream whole(test::kNotoBold, std::ios::binary);
        std::string head(4096, '\0');
        whole.read(&head[0], static_cast<std::streamsize>(head.size()));
        std::ofstream(cut, std::ios::binary) << head;
    }
    // Whole length, but a byte changed inside one table, as a failing disk leaves it. Bytes changed at random
    // in these tables made stb_truetype dereference null ('loca'), pass memcpy a negative size ('hhea') and
    // assert ('cmap') under ASan, and the 'head' change of the e2e fault test makes it segfault; here one byte
    // early in each table, which the checksums must catch whether or not it would crash.
    std::vector<std::string> damaged;
    {
        std::ifstream whole(test::kNotoBold, std::ios::binary);
        const std::string font((std::istreambuf_iterator<char>(whole)), std::istreambuf_iterator<char>());
        auto u32 = [&](size_t at)
        {
            return static_cast<size_t>(static_cast<unsigned char>(font[at])) << 24 |
                   static_cast<size_t>(static_cast<unsigned char>(font[at + 1])) << 16 |
                   static_cast<size_t>(static_cast<unsigned char>(font[at + 2])) << 8 |
                   static_cast<size_t>(static_cast<unsigned char>(font[at + 3]));
        };
        const size_t tables = u32(4) >> 16;
        for (const char* tag : {"loca", "hhea", "cmap", "head"})
            for (size_t i = 0; i < tables; i++)
                if (font.compare(12 + 16 * i, 4, tag) == 0)
                {
                    std::string copy = font;
                    copy[u32(12 + 16 * i + 8) + 5] ^= 0x40; // a byte early in the table
                    damaged.push_back((dir / (std::string(tag) + ".ttf")).string());
                    std::ofstream(damaged.back(), std::ios::binary) << copy;
                }
        REQUIRE(damaged.size() == 4);
    }
    AtlasScope s;
    const Metrics m = ComputeMetrics(1920, 1080, 0, 0, false);
    REQUIRE(BuildFonts(&s.atlas, test::kNotoRegular, test::kNotoBold, m, "Croeso").warning.empty());
    std::vector<std::string> unusable = {empty, garbled, cut};
    unusable.insert(unusable.end(), damaged.begin(), damaged.end());
    for (const std::string& bad : unusable)
    {
        INFO(bad);
        const Fonts bad_regular = BuildFonts(&s.atlas, bad, test::kNotoBold, m, "Croeso");
        CHECK(bad_regular.Ok());
        CHECK_FALSE(bad_regular.built_in);
        CHECK(bad_regular.warning.find("'" + bad + "'") != std::string::npos);
        CHECK(s.atlas.IsBuilt());
        const Fonts bad_bold = BuildFonts(&s.atlas, test::kNotoRegular, bad, m, "Croeso");
        CHECK(bad_bold.Ok());
        CHECK_FALSE(bad_bold.built_in);
        CHECK(bad_bold.warning.find("'" + bad + "'") != std::string::npos);
        CHECK(s.atlas.ConfigData[4].FontData == s.atlas.ConfigData[0].FontData); // display from the regular file
    }
    // Neither face usable, or no file found at all: Dear ImGui's built-in font at the five sizes.
    for (const auto& [regular, bold] : {std::pair<std::string, std::string>{garbled, cut}, {"", ""}})
    {
        const Fonts f = BuildFonts(&s.atlas, regular, bold, m, "Croeso");
        REQUIRE(f.Ok());
        CHECK(f.built_in);
        CHECK(f.warning.find("built-in font") != std::string::npos);
        if (!regular.empty())
            CHECK(f.warning.find("'" + garbled + "'") != std::string::npos);
        CHECK(s.atlas.IsBuilt());
        CHECK(HasGlyph(f.body, 'C'));
        CHECK(f.display->FontSize > 2.5f * f.body->FontSize); // still five sizes, not one
        CHECK(f.atlas_height <= kMaxAtlasSide);
    }
    fs::remove_all(dir);
}

TEST_CASE("every character of the bundled pack's files is in the atlas the app builds for it", "[ui][fonts]")
{
    namespace fs = std::filesystem;
    std::set<unsigned> used;
    for (const auto& entry : fs::recursive_directory_iterator(KIOSK_CONTENT_DIR))
    {
        const fs::path rel = fs::relative(entry.path(), KIOSK_CONTENT_DIR);
        if (entry.path().extension() != ".json" || *rel.begin() == "schema")
            continue;
        std::ifstream in(entry.path());
        AddJsonStrings(nlohmann::json::parse(in), used);
    }
    REQUIRE(used.size() > 60);
    const auto result = kiosk::core::LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(result.pack);
    AtlasScope s;
    const Metrics m = ComputeMetrics(1920, 1080, 0, 0, false);
    const Fonts f =
        BuildFonts(&s.atlas, test::kNotoRegular, test::kNotoBold, m, kiosk::core::CollectPackText(*result.pack));
    REQUIRE(f.Ok());
    for (unsigned c : used)
    {
        if (c < 0x20)
            continue; // line breaks and tabs are layout, not glyphs
        INFO("U+" << std::hex << c);
        REQUIRE(c <= 0xFFFF); // ImWchar is 16-bit: a character beyond the BMP could never be drawn
        for (ImFont* font : {f.body, f.body_bold, f.heading, f.title, f.display})
            CHECK(HasGlyph(font, static_cast<ImWchar>(c)));
    }
}

TEST_CASE("a first-frame atlas holds ASCII, the typographic marks and its text's glyphs, not all of Latin-1",
          "[ui][fonts]")
{
    const Metrics m = ComputeMetrics(1920, 1080, 0, 0, false);
    AtlasScope partial_scope, full_scope;
    const Fonts partial = BuildFonts(&partial_scope.atlas, test::kNotoRegular, test::kNotoBold, m, "Cyffyrddwch ŵŷ",
                                     GlyphSet::AsciiAndText);
    const Fonts full = BuildFonts(&full_scope.atlas, test::kNotoRegular, test::kNotoBold, m, "Cyffyrddwch ŵŷ");
    REQUIRE(partial.Ok());
    REQUIRE(full.Ok());
    CHECK(partial.partial);
    CHECK_FALSE(full.partial);
    for (ImFont* font : {partial.body, partial.body_bold, partial.heading, partial.title, partial.display})
    {
        for (ImWchar c : {(ImWchar)'A', (ImWchar)'~', (ImWchar)0x0175 /* ŵ */, (ImWchar)0x2026 /* … */})
        {
            INFO("glyph U+" << std::hex << c);
            CHECK(HasGlyph(font, c));
        }
        CHECK_FALSE(HasGlyph(font, 0x00E9)); // é: in the full atlas only
    }
    CHECK(HasGlyph(full.body, 0x00E9));
    CHECK(partial_scope.atlas.TexHeight < full_scope.atlas.TexHeight);
}
