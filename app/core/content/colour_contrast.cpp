#include "core/content/colour_contrast.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::core
{
namespace
{
constexpr Rgba kWhite = 0xFFFFFFFF;
constexpr Rgba kBlack = 0x000000FF;

double Channel(Rgba c, int shift)
{
    const double v = static_cast<double>((c >> shift) & 0xFF) / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

ContrastCheck Check(std::string field, std::string use, Rgba fg, Rgba bg, double minimum, double repair_to)
{
    ContrastCheck c;
    c.field = std::move(field);
    c.use = std::move(use);
    c.foreground = fg | 0xFF;
    c.background = bg | 0xFF;
    c.minimum = minimum;
    c.ratio = ContrastRatio(c.foreground, c.background);
    c.shown = EnsureContrast(c.foreground, c.background, repair_to);
    c.shown_ratio = ContrastRatio(c.shown, c.background);
    return c;
}
} // namespace

double RelativeLuminance(Rgba c)
{
    return 0.2126 * Channel(c, 24) + 0.7152 * Channel(c, 16) + 0.0722 * Channel(c, 8);
}

double ContrastRatio(Rgba a, Rgba b)
{
    const double la = RelativeLuminance(a), lb = RelativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgba MixColour(Rgba a, Rgba b, double t)
{
    Rgba out = 0xFF;
    for (int shift : {24, 16, 8})
    {
        const double x = (a >> shift) & 0xFF, y = (b >> shift) & 0xFF;
        out |= static_cast<Rgba>(std::lround(x + (y - x) * t)) << shift;
    }
    return out;
}

Rgba EnsureContrast(Rgba fg, Rgba bg, double ratio)
{
    for (int i = 0; i < 20 && ContrastRatio(fg, bg) < ratio; ++i)
        fg = MixColour(fg, kBlack, 0.15);
    return fg;
}

std::string FormatColour(Rgba c)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", (c >> 24) & 0xFF, (c >> 16) & 0xFF, (c >> 8) & 0xFF);
    return buf;
}

std::vector<ContrastCheck> ThemeColourChecks(const Theme& theme)
{
    // The same repairs as ui::MakePalette: text to 7:1, the accent to 4.5:1 on white, family
    // colours to 3:1 on white.
    return {Check("theme.text", "text on the background (theme.background)", theme.text, theme.background,
                  kBodyTextContrast, 7.0),
            Check("theme.text", "text on the white cards", theme.text, kWhite, kBodyTextContrast, 7.0),
            Check("theme.accent", "button labels and links on the white cards", theme.accent, kWhite, kBodyTextContrast,
                  kBodyTextContrast)};
}

ContrastCheck FamilyColourCheck(size_t index, const RoleFamily& family)
{
    return Check("families[" + std::to_string(index) + "].color",
                 "the mark of family '" + family.id + "' on the white cards", family.color, kWhite, kIconContrast,
                 kIconContrast);
}

std::vector<ContrastCheck> ThemeContrastChecks(const KioskSettings& s)
{
    std::vector<ContrastCheck> out = ThemeColourChecks(s.theme);
    for (size_t i = 0; i < s.families.size(); ++i)
        out.push_back(FamilyColourCheck(i, s.families[i]));
    return out;
}

std::string DescribeContrast(const ContrastCheck& c)
{
    char ratio[64];
    std::snprintf(ratio, sizeof ratio, "%.1f:1 (at least %.1f:1 is needed)", c.ratio, c.minimum);
    std::string s = c.field + " " + FormatColour(c.foreground) + " as " + c.use + " has a contrast of " + ratio;
    if (c.ShownPasses())
    {
        char shown[32];
        std::snprintf(shown, sizeof shown, "%.1f:1", c.shown_ratio);
        s += "; the kiosk shows it darkened to " + FormatColour(c.shown) + " (" + shown + ")";
    }
    else
        s += "; even darkened it stays unreadable: choose a lighter background or a darker colour";
    return s;
}
} // namespace kiosk::core
