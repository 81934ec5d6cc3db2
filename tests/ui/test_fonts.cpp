#include "support/ui_harness.h"
#include "ui/fonts.h"
#include "ui/metrics.h"

#include <catch2/catch.hpp>

using namespace kiosk::ui;

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
} // namespace

TEST_CASE("the atlas at 3840x2160 stays within 4096x4096 and holds Welsh letters, pound and dashes", "[ui][fonts]")
{
    auto pack = test::MakeTestPack();
    for (bool larger : {false, true})
    {
        INFO("larger text " << larger);
        AtlasScope s;
        const Metrics m = ComputeMetrics(3840, 2160, 0, 0, larger);
        const Fonts f = BuildFonts(&s.atlas, test::kNotoRegular, test::kNotoBold, m, CollectPackText(*pack));
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

TEST_CASE("a missing font file is an error, not a crash", "[ui][fonts]")
{
    AtlasScope s;
    const Fonts f = BuildFonts(&s.atlas, "/nonexistent/font.ttf", test::kNotoBold, Metrics{}, "");
    CHECK_FALSE(f.Ok());
    CHECK(f.error.find("/nonexistent/font.ttf") != std::string::npos);
}
