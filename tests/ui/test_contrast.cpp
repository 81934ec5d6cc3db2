// Every text and icon colour against what it is drawn on, in both themes, by WCAG 2.x (issue 11):
// body text at least 4.5:1, large text, icons, outlines and the focus ring at least 3:1. The
// palette is built from the default theme, from the bundled content's and from an editor's pale
// colours (which the palette must repair, as the validator promises).
#include "core/content/colour_contrast.h"
#include "core/content/content_loader.h"
#include "core/pathway/pathway_kinds.h"
#include "ui/pathway/pathway_style.h"
#include "ui/theme.h"
#include "ui/widgets/button.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

namespace core = kiosk::core;
using namespace kiosk::ui;

namespace
{
// Alpha-blends `fg` over the opaque `bg`.
ImU32 Over(ImU32 fg, ImU32 bg)
{
    const float a = static_cast<float>((fg >> IM_COL32_A_SHIFT) & 0xFF) / 255.0f;
    auto ch = [&](int shift)
    {
        const float f = static_cast<float>((fg >> shift) & 0xFF), b = static_cast<float>((bg >> shift) & 0xFF);
        return static_cast<ImU32>(std::lround(f * a + b * (1.0f - a))) << shift;
    };
    return ch(IM_COL32_R_SHIFT) | ch(IM_COL32_G_SHIFT) | ch(IM_COL32_B_SHIFT) | IM_COL32_A_MASK;
}

struct Pair
{
    std::string what;
    ImU32 fg, bg;
    double minimum;
};

std::vector<Pair> PalettePairs(const Palette& p, const core::ContentPack* pack)
{
    const ImU32 white = IM_COL32(255, 255, 255, 255), black = IM_COL32(0, 0, 0, 255);
    std::vector<Pair> v = {
        {"text on background", p.text, p.background, core::kBodyTextContrast},
        {"text on surface", p.text, p.surface, core::kBodyTextContrast},
        {"muted text on background", p.text_muted, p.background, core::kBodyTextContrast},
        {"muted text on surface", p.text_muted, p.surface, core::kBodyTextContrast},
        {"text on accent", p.accent_text, p.accent, core::kBodyTextContrast},
        {"text on accent_soft", p.text, p.accent_soft, core::kBodyTextContrast},
        {"accent text on surface", p.accent, p.surface, core::kBodyTextContrast},
        {"bar text on bar", p.bar_text, p.bar, core::kBodyTextContrast},
        {"text on placeholder", p.text, p.placeholder, core::kBodyTextContrast},
        {"label on photo label", p.on_photo, p.photo_label, core::kBodyTextContrast},
        // Text on a photograph sits on the scrim: the worst case is a white photograph under it.
        {"text on photo scrim over white", p.on_photo, Over(p.photo_scrim, white), core::kBodyTextContrast},
        {"text on photo backdrop", p.on_photo, p.photo_backdrop, core::kBodyTextContrast},
        {"danger button text", p.high_contrast ? p.background : white, DangerColor(p), core::kBodyTextContrast},
        {"countdown ring on surface", p.accent, p.surface, core::kIconContrast},
        {"focus band on its outline", p.focus, p.focus_outline, core::kIconContrast},
    };
    // The focus ring must stand out from whatever it surrounds: its band or its outline.
    for (auto [name, under] : {std::pair{"background", p.background},
                               {"surface", p.surface},
                               {"bar", p.bar},
                               {"accent", p.accent},
                               {"black", black},
                               {"white", white}})
        v.push_back({std::string("focus ring on ") + name,
                     ContrastRatio(p.focus, under) >= ContrastRatio(p.focus_outline, under) ? p.focus : p.focus_outline,
                     under, core::kIconContrast});
    // Every button kind, at rest and pressed (Disabled is exempt: WCAG 1.4.3 excludes inactive controls).
    for (ButtonKind kind : {ButtonKind::Primary, ButtonKind::Secondary, ButtonKind::OnBar, ButtonKind::Selected,
                            ButtonKind::Danger, ButtonKind::Chip})
        for (bool pressed : {false, true})
        {
            const ButtonColors c = ButtonColorsFor(kind, p, pressed);
            const ImU32 fill = c.fill ? c.fill : (kind == ButtonKind::OnBar ? p.bar : p.surface);
            v.push_back({"button kind " + std::to_string((int)kind) + (pressed ? " pressed" : ""), c.text, fill,
                         core::kBodyTextContrast});
        }
    if (pack)
        for (const core::RoleFamily& f : pack->settings.families)
            v.push_back(
                {"family " + f.id + " mark on surface", FamilyColor(pack, f.id, p), p.surface, core::kIconContrast});
    // The flowchart: every kind in every state, titles and kind bands, and edge labels.
    for (const core::PathwayNodeKind& kind : core::PathwayNodeKinds())
        for (NodeState state : {NodeState::Normal, NodeState::Lit, NodeState::Dimmed})
        {
            const NodeColors n = PathwayNodeColors(p, kind.id, state, false);
            const std::string s = std::string(kind.id) + " state " + std::to_string((int)state);
            v.push_back({"node title " + s, n.text, n.fill, core::kBodyTextContrast});
            v.push_back({"node band text " + s, n.header_text, n.header, core::kBodyTextContrast});
            const EdgeColors e = PathwayEdgeColors(p, state);
            v.push_back({"edge label " + s, e.label_text, e.label_fill, core::kBodyTextContrast});
        }
    return v;
}

void CheckPalette(const Palette& p, const core::ContentPack* pack, const std::string& theme_name)
{
    for (const Pair& pair : PalettePairs(p, pack))
    {
        INFO(theme_name << (p.high_contrast ? " high contrast: " : " light: ") << pair.what << " = "
                        << ContrastRatio(pair.fg, pair.bg) << ":1, needs " << pair.minimum);
        CHECK(ContrastRatio(pair.fg, pair.bg) >= pair.minimum);
    }
}
} // namespace

TEST_CASE("every text and icon colour contrasts with its background in both themes", "[ui][contrast]")
{
    const auto result = core::LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(result.pack);
    for (bool high_contrast : {false, true})
    {
        CheckPalette(MakePalette(core::Theme{}, high_contrast), result.pack.get(), "default theme");
        CheckPalette(MakePalette(result.pack->settings.theme, high_contrast), result.pack.get(), "bundled theme");
    }
}

TEST_CASE("an editor's pale theme colours are shown darkened until they pass", "[ui][contrast]")
{
    core::Theme pale;
    pale.accent = 0x9FD0FFFF;     // pale sky blue: 1.6:1 on white
    pale.text = 0x8A8A8AFF;       // mid grey
    pale.background = 0xFAFAFAFF; // near white
    for (const core::ContrastCheck& c : core::ThemeColourChecks(pale))
        CHECK_FALSE(c.Passes());                                   // the validator warns about each of them ...
    CheckPalette(MakePalette(pale, false), nullptr, "pale theme"); // ... and the kiosk repairs them
}
