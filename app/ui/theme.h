// Colours and ImGui style for the kiosk: a calm light theme with the content's accent and a
// colour per role family, and a high-contrast theme (black, white, yellow). Screens draw with
// Palette colours; ApplyTheme() keeps ImGui's own style (used by any stock widget) in step.
#pragma once
#include "core/content/content_model.h"
#include "ui/ui_context.h"

#include <imgui.h>

namespace kiosk::ui
{
// All colours as ImU32 (ImGui's ABGR packing), ready for ImDrawList.
struct Palette
{
    bool high_contrast = false;
    ImU32 background = 0;  // screen background
    ImU32 surface = 0;     // cards, bars, panels
    ImU32 text = 0;        // body text on background and surface
    ImU32 text_muted = 0;  // secondary text (taglines, captions); still >= 4.5:1 on surface
    ImU32 accent = 0;      // primary buttons, links, focus
    ImU32 accent_text = 0; // text on accent (white or black, whichever contrasts more)
    ImU32 accent_soft = 0; // pressed/selected tint behind text (text stays >= 4.5:1 on it)
    ImU32 border = 0;      // card and button outlines
    ImU32 placeholder = 0; // image placeholder fill
    ImU32 shadow = 0;      // soft card shadow (transparent in high contrast)
    ImU32 bar = 0;         // top and bottom bars
    ImU32 bar_text = 0;    // text on bars
    // Overlays and photographs: the same in both themes except where noted.
    ImU32 scrim = 0;          // dims the screen behind "Still there?" (darker in high contrast)
    ImU32 dialog_scrim = 0;   // dims the admin panel behind its exit confirmation
    ImU32 sheet_shade = 0;    // one layer of the soft shade beside a sliding sheet
    ImU32 track = 0;          // the unfilled part of a ring (the countdown): border, grey in high contrast
    ImU32 grid = 0;           // the touch test's centimetre grid: border, dark grey in high contrast
    ImU32 photo_backdrop = 0; // behind a photograph shown whole (attract loop)
    ImU32 on_photo = 0;       // text over a photograph
    ImU32 photo_scrim = 0;    // the dark gradient under text on a photograph, at its darkest
    ImU32 photo_label = 0;    // the backing of a label over a photograph
    // The keypad's focus ring (ui/key_focus.h): a band between two outlines that contrast with
    // it and with whatever it surrounds (yellow on near-black; cyan in high contrast, apart from
    // the yellow of selected controls).
    ImU32 focus = 0;
    ImU32 focus_outline = 0;
};

// 0xRRGGBBAA (content) -> ImU32.
ImU32 ToImU32(kiosk::core::Rgba rgba);

// WCAG 2.1 contrast ratio of two opaque colours (alpha ignored): 1.0 to 21.0.
float ContrastRatio(ImU32 a, ImU32 b);

Palette MakePalette(const kiosk::core::Theme& theme, bool high_contrast);

// The colour for errors and destructive actions (Exit): red that keeps white text at 6.6:1 in
// the light theme; the accent (yellow) in high contrast.
ImU32 DangerColor(const Palette& palette);

// The colour that marks a role family: the content's colour in the light theme, yellow in
// high contrast (where colour must not carry meaning alone).
ImU32 FamilyColor(const kiosk::core::ContentPack* pack, const std::string& family_id, const Palette& palette);

// Sets ImGui's colours from the palette and all paddings, roundings and TouchExtraPadding in
// ems so stock widgets match the custom ones.
void ApplyTheme(ImGuiStyle& style, const kiosk::core::Theme& theme, const Metrics& metrics, bool high_contrast);
} // namespace kiosk::ui
