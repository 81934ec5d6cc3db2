// The "Still there?" overlay: a calm modal over whatever screen the visitor left, with a big
// countdown number inside a ring that shrinks as the time runs out. It only draws: any touch
// anywhere cancels the countdown, and that is the visit state machine's job (the app feeds the
// touch to core::VisitPhaseMachine, which consumes it, so it must not also press what lies
// underneath: see the report in the lead's notes / app_ui.h).
#pragma once
#include "ui/app_ui.h"
#include "ui/ui_context.h"

namespace kiosk::ui
{
// Call after DrawUi (same frame, between NewFrame and Render) while the machine is in
// StillThere; seconds_left is VisitPhaseMachine::CountdownRemaining(). The ring's full length
// is the pack's countdown (settings.timings.countdown_s). Text is in ctx.visit->language, colours follow
// ctx.visit->high_contrast (or ctx.palette). Does not clear ctx.hits: it adds "idle:still-there"
// covering the whole screen after the screen's own areas. Returns no actions; animating = true.
UiFrame DrawStillThereOverlay(const UiContext& ctx, double seconds_left);
} // namespace kiosk::ui
