// The "Still there?" overlay: a calm modal over whatever screen the visitor left, with a big
// countdown number inside a ring that shrinks as the time runs out, a big "More time" button and
// "Read aloud" (when there is speech). A touch anywhere else also cancels the countdown: that is
// the visit state machine's job (the app feeds the touch to core::VisitPhaseMachine, which
// consumes it, so it must not also press what lies underneath). A press on one of the overlay's
// own buttons (hit ids "idle:more-time" and "read-aloud:still-there") is left to the overlay,
// which returns MoreTime or ReadAloud / StopReading.
#pragma once
#include "ui/app_ui.h"
#include "ui/ui_context.h"

namespace kiosk::ui
{
// Call after DrawUi (same frame, between NewFrame and Render) while the machine is in
// StillThere; seconds_left is VisitPhaseMachine::CountdownRemaining(). The ring's full length
// is the pack's countdown (settings.timings.countdown_s). Text is in ctx.visit->language, colours follow
// ctx.visit->high_contrast (or ctx.palette). Does not clear ctx.hits: it adds "idle:still-there"
// covering the whole screen after the screen's own areas, then its buttons. Returns MoreTime,
// ReadAloud or StopReading when tapped; animating = true.
UiFrame DrawStillThereOverlay(const UiContext& ctx, double seconds_left);
} // namespace kiosk::ui
