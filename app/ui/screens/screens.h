// The screens. Each draws one fullscreen window from the const model and the visit, and
// returns what the visitor asked for (or std::monostate). Per-frame results beyond the
// action (is anything still moving?) come back through ScreenResult.
#pragma once
#include "core/content/diagnostics.h"
#include "core/visit/visit_actions.h"
#include "ui/ui_context.h"

namespace kiosk::ui
{
struct ScreenResult
{
    core::VisitAction action;
    bool animating = false; // inertia or a slide still moving: the app must draw another frame
};

ScreenResult DrawHomeScreen(const UiContext& ctx, VisitView& view);
ScreenResult DrawRoleScreen(const UiContext& ctx, VisitView& view);
ScreenResult DrawGalleryScreen(const UiContext& ctx, VisitView& view);
ScreenResult DrawPathwayScreen(const UiContext& ctx, VisitView& view);
ScreenResult DrawQuizScreen(const UiContext& ctx, VisitView& view);
// For staff when no pack could be loaded: ctx.pack may be null. Uses view.fault_scroll_*.
ScreenResult DrawFaultScreen(const UiContext& ctx, VisitView& view, const kiosk::core::DiagnosticList& diagnostics);
} // namespace kiosk::ui
