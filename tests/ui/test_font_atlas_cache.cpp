// The font atlas cache (ui/font_atlas_cache.h): an atlas read back is the one baked, glyph for glyph
// and pixel for pixel, and draws; anything stale, damaged or foreign is baked afresh; only a bake
// with no stand-in is kept.
#include "support/temp_dir.h"
#include "support/ui_harness.h"
#include "ui/font_atlas_cache.h"
#include "ui/fonts.h"
#include "ui/metrics.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>

using namespace kiosk::ui;
namespace fs = std::filesystem;

namespace
{
const char* kText = "Croeso i'r ciosg gyrfaoedd: ŵ ŷ – “peirianwyr” £5 …";

std::vector<fs::path> Entries(const fs::path& folder)
{
    std::vector<fs::path> out;
    if (fs::exists(folder))
        for (const auto& e : fs::directory_iterator(folder))
            if (e.path().extension() == ".atlas")
                out.push_back(e.path());
    return out;
}

// The same five fonts in the same atlas pixels: what a frame drawn with either would show.
void CheckSameAtlas(const ImFontAtlas& a, const Fonts& fa, const ImFontAtlas& b, const Fonts& fb)
{
    REQUIRE(a.TexWidth == b.TexWidth);
    REQUIRE(a.TexHeight == b.TexHeight);
    REQUIRE(a.TexPixelsAlpha8 != nullptr);
    REQUIRE(b.TexPixelsAlpha8 != nullptr);
    CHECK(std::memcmp(a.TexPixelsAlpha8, b.TexPixelsAlpha8, (size_t)a.TexWidth * (size_t)a.TexHeight) == 0);
    CHECK(a.TexUvWhitePixel.x == b.TexUvWhitePixel.x);
    CHECK(a.TexUvWhitePixel.y == b.TexUvWhitePixel.y);
    CHECK(std::memcmp(a.TexUvLines, b.TexUvLines, sizeof(a.TexUvLines)) == 0);
    CHECK(fa.atlas_width == fb.atlas_width);
    CHECK(fa.atlas_height == fb.atlas_height);
    const ImFont* fonts_a[] = {fa.body, fa.body_bold, fa.heading, fa.title, fa.display};
    const ImFont* fonts_b[] = {fb.body, fb.body_bold, fb.heading, fb.title, fb.display};
    for (int i = 0; i < 5; i++)
    {
        INFO("font " << i);
        const ImFont* x = fonts_a[i];
        const ImFont* y = fonts_b[i];
        REQUIRE(y != nullptr);
        CHECK(y->ContainerAtlas == &b);
        CHECK(x->FontSize == y->FontSize);
        CHECK(x->Ascent == y->Ascent);
        CHECK(x->Descent == y->Descent);
        REQUIRE(x->Glyphs.Size == y->Glyphs.Size);
        CHECK(std::memcmp(x->Glyphs.Data, y->Glyphs.Data, sizeof(ImFontGlyph) * (size_t)x->Glyphs.Size) == 0);
        REQUIRE(x->IndexAdvanceX.Size == y->IndexAdvanceX.Size);
        CHECK(std::memcmp(x->IndexAdvanceX.Data, y->IndexAdvanceX.Data,
                          sizeof(float) * (size_t)x->IndexAdvanceX.Size) == 0);
        CHECK(x->FallbackGlyph->Codepoint == y->FallbackGlyph->Codepoint);
        CHECK(x->EllipsisChar == y->EllipsisChar);
        const ImVec2 sx = x->CalcTextSizeA(x->FontSize, 300.0f, 300.0f, kText);
        const ImVec2 sy = y->CalcTextSizeA(y->FontSize, 300.0f, 300.0f, kText);
        CHECK(sx.x == sy.x);
        CHECK(sx.y == sy.y);
    }
}
} // namespace

TEST_CASE("a font atlas read back from the cache is the one baked, and draws", "[ui][fonts][font-cache]")
{
    kiosk::test::TempDir dir("font-cache");
    kiosk::core::FileCache cache((dir.path / "fonts").string(), ".atlas", 64ll << 20, "font atlas cache");
    for (const auto& [w, h, glyphs] : {std::tuple<float, float, GlyphSet>{1920, 1080, GlyphSet::AsciiAndText},
                                       {1920, 1080, GlyphSet::Everything},
                                       {3840, 2160, GlyphSet::Everything}})
    {
        INFO(w << "x" << h << (glyphs == GlyphSet::Everything ? " everything" : " first frame"));
        const Metrics m = ComputeMetrics(w, h, 0, 0, false);
        ImFontAtlas baked_atlas, read_atlas;
        const size_t before = Entries(dir.path / "fonts").size();
        const Fonts baked = BuildFonts(&baked_atlas, test::kNotoRegular, test::kNotoBold, m, kText, glyphs, &cache);
        REQUIRE(baked.Ok());
        CHECK(baked_atlas.ConfigData.Size == 5); // baked from the files
        CHECK(Entries(dir.path / "fonts").size() == before + 1);
        const Fonts read = BuildFonts(&read_atlas, test::kNotoRegular, test::kNotoBold, m, kText, glyphs, &cache);
        REQUIRE(read.Ok());
        CHECK(read_atlas.ConfigData.Size == 0); // read back: no font file was opened
        CHECK(read.warning.empty());
        CHECK(read.partial == baked.partial);
        CHECK(read.em == baked.em);
        CHECK(read_atlas.IsBuilt());
        CheckSameAtlas(baked_atlas, baked, read_atlas, read);

        // A frame drawn with the atlas read back: Dear ImGui takes it as built, and the text's
        // vertices sample the same places of the same pixels.
        ImGuiContext* ctx = ImGui::CreateContext(&read_atlas);
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr; // no imgui.ini left in the working folder
        io.DisplaySize = ImVec2(w, h);
        unsigned char* rgba = nullptr;
        int tw = 0, th = 0;
        read_atlas.GetTexDataAsRGBA32(&rgba, &tw, &th);
        REQUIRE(rgba != nullptr);
        ImGui::NewFrame();
        ImGui::GetForegroundDrawList()->AddText(read.title, read.title->FontSize, ImVec2(10, 10), 0xFFFFFFFF, kText);
        ImGui::Render();
        REQUIRE(ImGui::GetDrawData()->CmdListsCount == 1);
        const ImDrawList* list = ImGui::GetDrawData()->CmdLists[0];
        CHECK(list->VtxBuffer.Size >= 4 * 40); // a quad for each visible character
        // Each quad's corners sample the glyph rectangles the bake recorded.
        const ImFontGlyph* c = read.title->FindGlyphNoFallback('C');
        REQUIRE(c != nullptr);
        CHECK(list->VtxBuffer[0].uv.x == c->U0);
        CHECK(list->VtxBuffer[0].uv.y == c->V0);
        ImGui::DestroyContext(ctx);
    }
}

TEST_CASE("a damaged, cut short or foreign font atlas entry is baked afresh", "[ui][fonts][font-cache]")
{
    kiosk::test::TempDir dir("font-cache");
    kiosk::core::FileCache cache(dir.path.string(), ".atlas", 64ll << 20, "font atlas cache");
    const Metrics m = ComputeMetrics(1280, 800, 0, 0, false);
    ImFontAtlas first_atlas;
    const Fonts first =
        BuildFonts(&first_atlas, test::kNotoRegular, test::kNotoBold, m, kText, GlyphSet::AsciiAndText, &cache);
    const auto entries = Entries(dir.path);
    REQUIRE(entries.size() == 1);
    SECTION("a flipped pixel byte")
    {
        std::fstream f(entries[0], std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(-100, std::ios::end);
        f.put('\x5A');
    }
    SECTION("cut short by a power cut")
    {
        fs::resize_file(entries[0], fs::file_size(entries[0]) / 2);
    }
    SECTION("another file under the entry's name")
    {
        std::ofstream(entries[0], std::ios::trunc) << "not a font atlas";
    }
    SECTION("an entry of another atlas under this one's name")
    {
        const Metrics other = ComputeMetrics(1920, 1080, 0, 0, false);
        kiosk::core::FileCache other_cache((dir.path / "other").string(), ".atlas", 64ll << 20, "other");
        ImFontAtlas other_atlas;
        BuildFonts(&other_atlas, test::kNotoRegular, test::kNotoBold, other, kText, GlyphSet::AsciiAndText,
                   &other_cache);
        REQUIRE(Entries(dir.path / "other").size() == 1);
        fs::copy_file(Entries(dir.path / "other")[0], entries[0], fs::copy_options::overwrite_existing);
    }
    ImFontAtlas again_atlas;
    const Fonts again =
        BuildFonts(&again_atlas, test::kNotoRegular, test::kNotoBold, m, kText, GlyphSet::AsciiAndText, &cache);
    REQUIRE(again.Ok());
    CHECK(again_atlas.ConfigData.Size == 5); // baked afresh
    CheckSameAtlas(first_atlas, first, again_atlas, again);
    // ... and stored again, whole: the next start reads it.
    ImFontAtlas third_atlas;
    const Fonts third =
        BuildFonts(&third_atlas, test::kNotoRegular, test::kNotoBold, m, kText, GlyphSet::AsciiAndText, &cache);
    CHECK(third_atlas.ConfigData.Size == 0);
    CheckSameAtlas(first_atlas, first, third_atlas, third);
}

TEST_CASE("a font atlas entry is for its files, size and glyphs only", "[ui][fonts][font-cache]")
{
    kiosk::test::TempDir dir("font-cache");
    kiosk::core::FileCache cache((dir.path / "fonts").string(), ".atlas", 64ll << 20, "font atlas cache");
    const fs::path regular = dir.path / "regular.ttf";
    fs::copy_file(test::kNotoRegular, regular);
    const Metrics m = ComputeMetrics(1920, 1080, 0, 0, false);
    auto build = [&](const Metrics& metrics, const std::string& text, ImFontAtlas* atlas)
    { return BuildFonts(atlas, regular.string(), test::kNotoBold, metrics, text, GlyphSet::AsciiAndText, &cache); };
    {
        ImFontAtlas a, b;
        build(m, kText, &a);
        build(m, kText, &b);
        CHECK(b.ConfigData.Size == 0); // the same: a hit
    }
    SECTION("another size (larger text)")
    {
        ImFontAtlas a;
        build(ComputeMetrics(1920, 1080, 0, 0, true), kText, &a);
        CHECK(a.ConfigData.Size == 5);
    }
    SECTION("text with another character")
    {
        ImFontAtlas a;
        build(m, std::string(kText) + "Ω", &a);
        CHECK(a.ConfigData.Size == 5);
    }
    SECTION("text with the same characters in another order: the same glyphs")
    {
        ImFontAtlas a;
        build(m, std::string(kText) + "Croeso", &a);
        CHECK(a.ConfigData.Size == 0);
    }
    SECTION("a font file replaced (a package upgrade)")
    {
        fs::last_write_time(regular, fs::last_write_time(regular) + std::chrono::seconds(5));
        ImFontAtlas a;
        build(m, kText, &a);
        CHECK(a.ConfigData.Size == 5);
    }
    SECTION("a stand-in face is baked every time, never kept")
    {
        std::ofstream(regular, std::ios::trunc) << "not a font";
        const size_t before = Entries(dir.path / "fonts").size();
        for (int i = 0; i < 2; i++)
        {
            ImFontAtlas a;
            const Fonts f = build(m, kText, &a);
            CHECK(f.warning.find(regular.string()) != std::string::npos); // said at every start
            CHECK(a.ConfigData.Size == 5);
        }
        CHECK(Entries(dir.path / "fonts").size() == before);
    }
}
