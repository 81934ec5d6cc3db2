// The UI's entry point for the app: one call per frame between ImGui::NewFrame() and
// ImGui::Render().
//
// Per frame the app does:
//   1. metrics = ComputeMetrics(fb_w, fb_h, monitor_mm_w, monitor_mm_h, view.larger_text);
//   2. if (!FontsMatch(fonts, metrics)) { fonts = BuildFonts(io.Fonts, regular, bold, metrics,
//      CollectPackText(pack)); re-upload the font texture }   (before NewFrame)
//   3. NewFrame; UiFrame f = DrawUi(ctx, view) (or DrawFaultUi without a pack); Render.
//   4. record usage events from f.actions (they are already applied to `view`); on
//      ReloadContent reload the pack; keep drawing frames while f.animating, else sleep on
//      events (after input, draw two or three frames more as usual).
#pragma once
#include "core/content/diagnostics.h"
#include "ui/ui_actions.h"
#include "ui/ui_context.h"

#include <vector>

namespace kiosk::ui
{
struct UiFrame
{
    // What the visitor did this frame, in order, already applied to the VisitView with
    // ApplyAction(). Usually empty or one action.
    std::vector<UiAction> actions;
    // True while something moves on its own (scroll inertia, a gallery slide, a live swipe):
    // the app must draw another frame soon. False means the screen is still: sleep.
    bool animating = false;
    // The screen drawn this frame (before the actions were applied).
    ScreenId screen = ScreenId::Home;
};

// Draws the visit's current screen. Requires ctx.pack and ctx.fonts. Applies the theme
// (ImGui style) for view.high_contrast and ctx.metrics, and fills ctx.hits when given.
UiFrame DrawUi(const UiContext& ctx, VisitView& view);

// The staff fault screen when no pack could be loaded (ctx.pack may be null). The only action
// it returns is ReloadContent.
UiFrame DrawFaultUi(const UiContext& ctx, VisitView& view, const kiosk::core::DiagnosticList& diagnostics);
} // namespace kiosk::ui
