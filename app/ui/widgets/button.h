// Big touch buttons: a rounded rectangle with an optional icon and a label, pressed feedback,
// at least Metrics::touch_min in both directions (callers size them; this never shrinks).
// TouchButton is the one button renderer: the visitor screens' buttons, the flowchart's zoom
// keys, the chips of a choice (start points, specialisms) and the admin panel's buttons all
// draw through it, differing only in ButtonKind (colours) and ButtonLook (layout, outline).
#pragma once
#include "ui/ui_context.h"
#include "ui/widgets/icons.h"

#include <imgui.h>
#include <optional>
#include <string>

namespace kiosk::ui
{
enum class ButtonKind
{
    Primary,   // filled accent: the main choices
    Secondary, // surface with an accent outline
    OnBar,     // on the accent top bar: outlined in bar text colour
    Selected,  // a toggle that is on / the current language
    Danger,    // destructive (the admin panel's Exit): filled red, outlined accent in high contrast
    Disabled,  // muted; the caller ignores taps
    Chip,      // one choice among several: like Secondary, outlined in the accent even in high contrast
};

struct ButtonColors
{
    ImU32 fill = 0; // 0: no fill
    ImU32 text = 0;
    ImU32 outline = 0; // 0: no outline
};

// The colours of a button of `kind`. Pressed inverts fill and text, so the feedback does not
// depend on colour alone. Shared by TouchButton and the admin panel's buttons.
ButtonColors ButtonColorsFor(ButtonKind kind, const Palette& palette, bool pressed);

struct ButtonSpec
{
    std::string hit_id;
    std::string label; // may be empty for an icon-only button
    std::optional<Icon> icon;
    ButtonKind kind = ButtonKind::Primary;
    ImFont* font = nullptr; // defaults to body_bold
};

// How a button is laid out and outlined. The defaults are the visitor screens' buttons.
struct ButtonLook
{
    bool centred = false;         // false: icon and label start at the padding (centred when the
                                  // button is wider than they need); true: centred as a group
    float icon_only_ems = 1.2f;   // centred: the size of an icon with no label
    float label_inset_ems = 0.0f; // centred: the label fits between insets this wide
    float rounding_ems = 0.35f;   // corner radius
    bool pill = false;            // corners of half the height (overrides rounding_ems)
    float outline_ems = 0.1f;     // outline thickness ...
    float outline_min_px = 2.0f;  // ... and its minimum in pixels
    bool enabled = true;          // false: never tapped, never drawn pressed
};

// Returns true when tapped this frame.
bool TouchButton(const UiContext& ctx, ImVec2 min, ImVec2 max, const ButtonSpec& spec,
                 const ButtonLook& look = ButtonLook{});

// The width a button needs for its icon and label (at least touch_min).
float ButtonWidth(const UiContext& ctx, const ButtonSpec& spec);
} // namespace kiosk::ui
