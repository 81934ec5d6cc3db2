// Colour contrast by WCAG 2.x: relative luminance, contrast ratio, the minimums, and the check of
// an editor's kiosk.json colours that both the validator (warnings and errors at file:line) and
// the ui's palette (ui/theme.cpp, which shows a too-light colour darkened) use, so the kiosk and
// its validator never disagree about what is readable.
#pragma once
#include "core/content/content_model.h"

#include <string>
#include <vector>

namespace kiosk::core
{
constexpr double kBodyTextContrast = 4.5;  // WCAG 1.4.3 AA, body text
constexpr double kLargeTextContrast = 3.0; // 1.4.3 AA, text of 18 pt (24 px) or 14 pt bold and larger
constexpr double kIconContrast = 3.0;      // 1.4.11, icons, outlines and focus rings

// sRGB relative luminance, 0 (black) to 1 (white); alpha is ignored.
double RelativeLuminance(Rgba colour);
// (L1 + 0.05) / (L2 + 0.05), 1 to 21, in either order.
double ContrastRatio(Rgba a, Rgba b);
// `a` mixed towards `b` by t (0 = a, 1 = b), opaque.
Rgba MixColour(Rgba a, Rgba b, double t);
// `foreground` darkened towards black in steps until it reaches `ratio` against `background`
// (or black); what the kiosk shows for an editor's colour that is too light.
Rgba EnsureContrast(Rgba foreground, Rgba background, double ratio);
// "#RRGGBB".
std::string FormatColour(Rgba colour);

// One pair of kiosk.json colours as the light theme puts them on screen.
struct ContrastCheck
{
    std::string field;      // kiosk.json field of the foreground: "theme.text", "families[2].color"
    std::string use;        // plain words: "text on the background"
    Rgba foreground = 0;    // as written
    Rgba background = 0;    // what it sits on
    double minimum = 0.0;   // kBodyTextContrast, kIconContrast ...
    double ratio = 0.0;     // as written
    Rgba shown = 0;         // what the kiosk draws instead (EnsureContrast)
    double shown_ratio = 0; // and its ratio
    bool Passes() const { return ratio >= minimum; }
    bool ShownPasses() const { return shown_ratio >= minimum; }
};

// Every pair kiosk.json's theme and family colours form in the light theme (the high-contrast
// theme uses none of them): body text on the background, the accent as text and outlines on the
// white cards, the family colours as marks on the cards.
std::vector<ContrastCheck> ThemeContrastChecks(const KioskSettings& settings);
// The same, in parts: theme.text and theme.accent; one family's colour (its index in kiosk.json).
std::vector<ContrastCheck> ThemeColourChecks(const Theme& theme);
ContrastCheck FamilyColourCheck(size_t index, const RoleFamily& family);
// One sentence for a failing check: what, the ratio, the minimum, and what the kiosk shows.
std::string DescribeContrast(const ContrastCheck& check);
} // namespace kiosk::core
