// WCAG 2.x contrast as the validator and the palette compute it (core/content/colour_contrast.h).
#include "core/content/colour_contrast.h"

#include <catch2/catch.hpp>

using namespace kiosk::core;

TEST_CASE("contrast ratios match WCAG's reference values", "[content][contrast]")
{
    CHECK(ContrastRatio(0x000000FF, 0xFFFFFFFF) == Approx(21.0));
    CHECK(ContrastRatio(0xFFFFFFFF, 0xFFFFFFFF) == Approx(1.0));
    CHECK(ContrastRatio(0x767676FF, 0xFFFFFFFF) == Approx(4.54).margin(0.01)); // the lightest grey passing AA
    CHECK(ContrastRatio(0x777777FF, 0xFFFFFFFF) < kBodyTextContrast);          // one step lighter fails
    CHECK(ContrastRatio(0xFFFFFFFF, 0x767676FF) == ContrastRatio(0x767676FF, 0xFFFFFFFF));
    CHECK(RelativeLuminance(0xFFFFFFFF) == Approx(1.0));
    CHECK(FormatColour(0x005EB8FF) == "#005EB8");
}

TEST_CASE("the default theme and the bundled families pass; an editor's pale colours are caught", "[content][contrast]")
{
    KioskSettings s;
    s.families.push_back(RoleFamily{"engineering", {}, 0x005EB8FF});
    for (const ContrastCheck& c : ThemeContrastChecks(s))
    {
        INFO(c.field << " " << c.use << " " << c.ratio);
        CHECK(c.Passes());
    }

    s.theme.accent = 0x7FB2E5FF;                                 // a pale blue: 2.3:1 on white
    s.families.push_back(RoleFamily{"physics", {}, 0xFFE680FF}); // pale yellow
    int failing = 0;
    for (const ContrastCheck& c : ThemeContrastChecks(s))
        if (!c.Passes())
        {
            ++failing;
            CHECK(c.ShownPasses()); // the kiosk darkens them enough
            CHECK(c.shown_ratio >= c.minimum);
            CHECK(DescribeContrast(c).find("darkened to #") != std::string::npos);
        }
    CHECK(failing == 2);

    s.theme = Theme{};
    s.theme.background = 0x303030FF; // dark grey under the default near-black text
    bool unreadable = false;
    for (const ContrastCheck& c : ThemeContrastChecks(s))
        if (!c.Passes() && !c.ShownPasses())
            unreadable = true;
    CHECK(unreadable);
}
