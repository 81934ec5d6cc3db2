// The always-present controls: Back and Home, the language switch and the two accessibility
// toggles, so they are always one tap away. On a landscape screen they sit in a bar across the
// top with the screen's title between the two groups. On a portrait screen (or as kiosk.json's
// "controls_position" says) they sit in a bar at the bottom, within a wheelchair user's reach,
// with labels, and the title gets a strip of its own across the top (no buttons there); the
// bottom bar also carries "Read aloud" for what the screen shows (core::ScreenSpeechTarget) when
// the kiosk can speak and the screen has something of its own to read.
#pragma once
#include "core/visit/visit_actions.h"
#include "ui/ui_context.h"
#include "ui/widgets/icons.h"

#include <imgui.h>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::ui
{
struct TopBarSpec
{
    bool show_back = false;
    bool show_home = false;
    std::string title; // drawn in the bar or the title strip (may be empty: the screen draws its own)
};

// The reach zone of a tall screen, as a fraction of its height from the top: every control a
// visitor needs sits below it when the controls are at the bottom. A wheelchair user reaches
// from about 400 to 1200 mm above the floor; a 55-inch portrait screen on a floor stand with its
// bottom edge about 500 mm up has 1200 mm at about 42% down from its top. Tests assert it.
inline constexpr float kReachZoneTop = 0.4f;

// One control of the bar, placed by LayoutChrome.
struct ChromeButton
{
    std::string hit_id;
    std::string label; // empty: icon only
    std::optional<Icon> icon;
    bool on = false; // a toggle that is on / the current language
    core::VisitAction on_tap;
    ImVec2 min, max; // where it is drawn
};

// Where the chrome and the screen's content go this frame. Screens lay out between
// content_top and content_bottom.
struct ChromeLayout
{
    bool at_bottom = false;       // the bar is at the bottom (title strip at the top)
    float bar_y0 = 0, bar_y1 = 0; // the bar
    float title_y1 = 0;           // at_bottom: the title strip is [0, title_y1]
    float content_top = 0;        // under the top bar or the title strip
    float content_bottom = 0;     // the screen's bottom, or the top of the bottom bar
    bool labelled = false;        // the buttons show their labels
    std::vector<ChromeButton> buttons;
};

// True when the controls go at the bottom on this screen (kiosk.json "controls_position":
// "auto" = portrait screens; "top"; "bottom").
bool ControlsAtBottom(const UiContext& ctx);

// Places the bar's buttons for `spec` (Back and Home only when shown). Pure layout: no drawing.
ChromeLayout LayoutChrome(const UiContext& ctx, const TopBarSpec& spec);

// Draws the bar (and the title strip) as laid out and returns the tapped action, if any.
core::VisitAction DrawChrome(const UiContext& ctx, const TopBarSpec& spec, const ChromeLayout& layout);

// Height of the top bar: a touch target plus a gap.
float TopBarHeight(const Metrics& metrics);

// LayoutChrome then DrawChrome, for screens that need no layout before drawing the bar.
core::VisitAction DrawTopBar(const UiContext& ctx, const TopBarSpec& spec);

// Every screen is one fullscreen window without decoration, scrollbars, move or resize,
// filled with the palette background; screens draw into its draw list. A screen that covers the
// whole window itself passes `filled` false: under a software renderer (llvmpipe) every layer
// covering the screen costs the rasterisers about as much as the rest of a plain frame.
void BeginScreenWindow(const char* name, const UiContext& ctx, bool filled = true);
void EndScreenWindow();

// Horizontal margin of the page content: a gap, more on very wide screens.
float PageMargin(const Metrics& metrics);
} // namespace kiosk::ui
