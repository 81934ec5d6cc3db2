// The UI's entry points for the shell and the headless tests: one call per frame between
// ImGui::NewFrame() and ImGui::Render().
//
// Per frame the shell does (shell/kiosk_app.cpp; the headless harness does the same):
//   1. metrics = ComputeMetrics(fb_w, fb_h, monitor_mm_w, monitor_mm_h, visit.State().larger_text);
//   2. rebuild fonts when !FontsMatch(fonts, metrics) (before NewFrame);
//   3. NewFrame; UiFrame f = DrawVisitFrame(ctx, visit, view, time) (DrawFaultUi without a
//      pack, the attract and admin screens in their phases); Render;
//   4. handle the app-level actions in f.actions (font rebuild, content reload); keep drawing
//      while f.animating, else sleep on events.
#pragma once
#include "core/content/diagnostics.h"
#include "core/visit/visit.h"
#include "core/visit/visit_actions.h"
#include "ui/ui_context.h"

#include <vector>

namespace kiosk::ui
{
struct UiFrame
{
    // What the visitor did this frame, in order. Usually empty or one action.
    std::vector<core::VisitAction> actions;
    // True while something moves on its own (scroll inertia, a gallery slide, a live swipe, a
    // countdown) or the visit just changed: the shell must draw another frame soon. False means
    // the screen is still: sleep.
    bool animating = false;
    // The screen drawn this frame (before the actions were carried out).
    core::ScreenId screen = core::ScreenId::Home;
};

// Draws the visit's current screen (ctx.visit) and returns what the visitor asked for, not yet
// carried out. Requires ctx.pack, ctx.visit and ctx.fonts. Applies the theme (ImGui style) for
// the visit's contrast setting and ctx.metrics, and fills ctx.hits when given.
UiFrame DrawUi(const UiContext& ctx, VisitView& view);

// One visitor frame, as the kiosk draws it and the headless tests drive it: the visit's screen
// (with the "Still there?" overlay during the countdown), each action handed to `visit` at time
// `t`, and the motion state following what the visit did. A visit reset clears `view`.
UiFrame DrawVisitFrame(UiContext ctx, core::Visit& visit, VisitView& view, core::VisitTime t);

// Carries out one action as a tap would: the visit moves (and records it) with the ui's memory of
// the screen it leaves, and the motion state follows. DrawVisitFrame does this for each action;
// previews and tests call it to put the visit somewhere without a tap.
core::NavigationResult ApplyVisitAction(core::Visit& visit, VisitView& view, const core::VisitAction& action,
                                        core::VisitTime t);

// The staff fault screen when no pack could be loaded (ctx.pack and ctx.visit may be null). The
// only action it returns is ReloadContent.
UiFrame DrawFaultUi(const UiContext& ctx, VisitView& view, const kiosk::core::DiagnosticList& diagnostics);
} // namespace kiosk::ui
