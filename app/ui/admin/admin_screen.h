// The admin panel: the PIN pad, the staff panel (statistics with charts, content status and
// reload, statistics export, hold, touch test, exit) and the full-screen touch test. Drawn by
// the app INSTEAD of the visit or the attract loop while core::AdminView::mode is not Closed.
//
// Hit ids (for tests and e2e): "admin:pin:0".."admin:pin:9", "admin:pin:back", "admin:pin:ok",
// "admin:leave" (Cancel on the pad, "Back to kiosk" on the panel), "admin:tab:today",
// "admin:tab:all-time", "admin:tab:content", "admin:tab:export", "admin:tab:hold",
// "admin:touch-test", "admin:reload", "admin:export:<n>", "admin:hold" (starts or ends the hold),
// "admin:exit", "admin:exit-confirm", "admin:exit-cancel", "admin:touch-test:back",
// "admin:touch-area" (the touch test's canvas), "scroll:admin".
#pragma once
#include "core/admin/admin_actions.h"
#include "core/admin/admin_model.h"
#include "core/admin/admin_view.h"
#include "ui/ui_context.h"

#include <vector>

namespace kiosk::ui
{
struct AdminFrame
{
    // What staff asked for this frame, in order. The panel-local ones are already applied to
    // the core::AdminView (core::ApplyAdminAction); the app acts on the others.
    std::vector<core::AdminAction> actions;
    // Keep drawing frames: a countdown is on screen (PIN lockout, hold, exit confirmation), the
    // content scrolls on, or a finger is down in the touch test.
    bool animating = false;
};

// Draws the panel for view.mode (nothing for Closed). Requires ctx.fonts; ctx.pack may be null
// (the fault screen's content failed to load). Uses ctx.palette (light when null), clears and
// fills ctx.hits. Texts are the interface strings "admin.*" in view.language (the pack's first
// language when empty); with more than one language a button on the title bar ("admin:language")
// switches to the next.
AdminFrame DrawAdminUi(const UiContext& ctx, core::AdminView& view, const core::AdminModel& model);
} // namespace kiosk::ui
