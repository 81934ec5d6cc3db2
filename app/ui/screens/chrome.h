// The shared top bar: Back and Home on the left, the screen title, and on the right the
// language switch and the two accessibility toggles, so they are always one tap away.
#pragma once
#include "core/visit/visit_actions.h"
#include "ui/ui_context.h"

#include <imgui.h>
#include <string>

namespace kiosk::ui
{
struct TopBarSpec
{
    bool show_back = false;
    bool show_home = false;
    std::string title; // drawn in the bar (may be empty: the screen draws its own header)
};

// Height of the top bar: a touch target plus a gap.
float TopBarHeight(const Metrics& metrics);

// Draws the bar across the top of the current window and returns the tapped action, if any.
core::VisitAction DrawTopBar(const UiContext& ctx, const TopBarSpec& spec);

// Every screen is one fullscreen window without decoration, scrollbars, move or resize,
// filled with the palette background; screens draw into its draw list.
void BeginScreenWindow(const char* name, const UiContext& ctx);
void EndScreenWindow();

// Horizontal margin of the page content: a gap, more on very wide screens.
float PageMargin(const Metrics& metrics);
} // namespace kiosk::ui
