#include "ui/theme.h"

#include "core/content/colour_contrast.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
kiosk::core::Rgba ToRgba(ImU32 c)
{
    return (((c >> IM_COL32_R_SHIFT) & 0xFFu) << 24) | (((c >> IM_COL32_G_SHIFT) & 0xFFu) << 16) |
           (((c >> IM_COL32_B_SHIFT) & 0xFFu) << 8) | ((c >> IM_COL32_A_SHIFT) & 0xFFu);
}

ImU32 WithAlpha(ImU32 c, int alpha)
{
    return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(alpha) << IM_COL32_A_SHIFT);
}

// Mixes b into a by t (0 = a, 1 = b), opaque result.
ImU32 Mix(ImU32 a, ImU32 b, float t)
{
    return ToImU32(kiosk::core::MixColour(ToRgba(a), ToRgba(b), t));
}

// Darkens `fg` towards black until it reaches `ratio` against `bg` (content colours may be
// too light for text; the theme never ships an unreadable pair). The validator warns about the
// same colours with the same rule (core/content/colour_contrast.h).
ImU32 EnsureContrast(ImU32 fg, ImU32 bg, float ratio)
{
    return ToImU32(kiosk::core::EnsureContrast(ToRgba(fg) | 0xFFu, ToRgba(bg) | 0xFFu, ratio));
}

ImVec4 V4(ImU32 c)
{
    return ImGui::ColorConvertU32ToFloat4(c);
}
} // namespace

ImU32 ToImU32(kiosk::core::Rgba rgba)
{
    return IM_COL32((rgba >> 24) & 0xFF, (rgba >> 16) & 0xFF, (rgba >> 8) & 0xFF, rgba & 0xFF);
}

float ContrastRatio(ImU32 a, ImU32 b)
{
    return static_cast<float>(kiosk::core::ContrastRatio(ToRgba(a) | 0xFFu, ToRgba(b) | 0xFFu));
}

namespace
{
// Photographs look the same in both themes: white text on a dark scrim is already the
// highest contrast.
void SetOverlayColors(Palette& p, ImU32 scrim, ImU32 dialog_scrim)
{
    p.scrim = scrim;
    p.dialog_scrim = dialog_scrim;
    p.sheet_shade = IM_COL32(0, 0, 0, 14);
    p.photo_backdrop = IM_COL32(16, 16, 16, 255);
    p.on_photo = IM_COL32(255, 255, 255, 255);
    p.photo_scrim = IM_COL32(0, 0, 0, 215);
    p.photo_label = IM_COL32(0, 0, 0, 255);
    p.focus_outline = IM_COL32(11, 12, 12, 255);
}
} // namespace

Palette MakePalette(const kiosk::core::Theme& theme, bool high_contrast)
{
    Palette p;
    p.high_contrast = high_contrast;
    const ImU32 white = IM_COL32(255, 255, 255, 255), black = IM_COL32(0, 0, 0, 255);
    if (high_contrast)
    {
        const ImU32 yellow = IM_COL32(255, 230, 0, 255);
        p.background = black;
        p.surface = black;
        p.text = white;
        p.text_muted = white;
        p.accent = yellow;
        p.accent_text = black;
        p.accent_soft = IM_COL32(40, 40, 40, 255); // neutral: white text stays >= 14:1 on it
        p.border = white;
        p.placeholder = IM_COL32(40, 40, 40, 255);
        p.shadow = IM_COL32(0, 0, 0, 0);
        p.bar = black;
        p.bar_text = yellow;
        SetOverlayColors(p, IM_COL32(0, 0, 0, 220), IM_COL32(0, 0, 0, 200));
        p.track = IM_COL32(90, 90, 90, 255);
        p.grid = IM_COL32(70, 70, 70, 255);
        p.focus = IM_COL32(0, 255, 255, 255);
        return p;
    }
    p.background = WithAlpha(ToImU32(theme.background), 255);
    p.surface = white;
    p.text = EnsureContrast(WithAlpha(ToImU32(theme.text), 255), p.background, 7.0f);
    p.text_muted = EnsureContrast(Mix(p.text, p.surface, 0.25f), p.background, 4.5f);
    p.accent = EnsureContrast(WithAlpha(ToImU32(theme.accent), 255), white, 4.5f);
    p.accent_text = ContrastRatio(white, p.accent) >= ContrastRatio(black, p.accent) ? white : black;
    p.accent_soft = Mix(p.accent, white, 0.85f);
    p.border = Mix(p.background, p.text, 0.25f);
    p.placeholder = Mix(p.background, p.accent, 0.12f);
    p.shadow = IM_COL32(0, 0, 0, 28);
    p.bar = p.accent;
    p.bar_text = p.accent_text;
    SetOverlayColors(p, IM_COL32(0, 0, 0, 130), IM_COL32(0, 0, 0, 120));
    p.track = p.border;
    p.grid = p.border;
    p.focus = IM_COL32(255, 221, 0, 255);
    return p;
}

ImU32 DangerColor(const Palette& p)
{
    return p.high_contrast ? p.accent : IM_COL32(180, 30, 40, 255); // white text on it: 6.6:1
}

ImU32 FamilyColor(const kiosk::core::ContentPack* pack, const std::string& family_id, const Palette& palette)
{
    if (palette.high_contrast)
        return palette.accent;
    if (pack)
        for (const auto& family : pack->settings.families)
            if (family.id == family_id)
                return EnsureContrast(ToImU32(family.color) | IM_COL32_A_MASK, palette.surface, 3.0f);
    return palette.accent;
}

void ApplyTheme(ImGuiStyle& style, const kiosk::core::Theme& theme, const Metrics& metrics, bool high_contrast)
{
    const Palette p = MakePalette(theme, high_contrast);
    const float em = metrics.em;
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0.0f, 0.0f);
    style.WindowBorderSize = 0.0f;
    style.WindowRounding = 0.0f;
    style.FramePadding = ImVec2(0.6f * em, 0.4f * em);
    style.FrameRounding = 0.35f * em;
    style.ItemSpacing = ImVec2(metrics.gap, metrics.gap);
    style.ItemInnerSpacing = ImVec2(0.4f * em, 0.4f * em);
    style.TouchExtraPadding = ImVec2(0.25f * em, 0.25f * em);
    style.ScrollbarSize = 0.5f * em;
    style.ScrollbarRounding = 0.25f * em;
    style.GrabMinSize = metrics.touch_min * 0.5f;
    style.ChildRounding = 0.35f * em;
    style.PopupRounding = 0.35f * em;
    style.AntiAliasedLines = true;
    style.AntiAliasedFill = true;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = V4(p.text);
    c[ImGuiCol_TextDisabled] = V4(p.text_muted);
    c[ImGuiCol_WindowBg] = V4(p.background);
    c[ImGuiCol_ChildBg] = V4(p.background);
    c[ImGuiCol_PopupBg] = V4(p.surface);
    c[ImGuiCol_Border] = V4(p.border);
    c[ImGuiCol_FrameBg] = V4(p.surface);
    c[ImGuiCol_FrameBgHovered] = V4(p.accent_soft);
    c[ImGuiCol_FrameBgActive] = V4(p.accent_soft);
    c[ImGuiCol_Button] = V4(p.accent);
    c[ImGuiCol_ButtonHovered] = V4(p.accent);
    c[ImGuiCol_ButtonActive] = V4(p.accent);
    c[ImGuiCol_Header] = V4(p.accent_soft);
    c[ImGuiCol_HeaderHovered] = V4(p.accent_soft);
    c[ImGuiCol_HeaderActive] = V4(p.accent_soft);
    c[ImGuiCol_ScrollbarBg] = V4(p.background);
    c[ImGuiCol_ScrollbarGrab] = V4(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = V4(p.border);
    c[ImGuiCol_ScrollbarGrabActive] = V4(p.accent);
    c[ImGuiCol_CheckMark] = V4(p.accent);
    c[ImGuiCol_TitleBg] = V4(p.bar);
    c[ImGuiCol_TitleBgActive] = V4(p.bar);
}
} // namespace kiosk::ui
