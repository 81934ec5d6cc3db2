// The "Read aloud" control: a speaker icon and the words, touch-sized, in every screen's own
// place (role page, gallery caption, flowchart step details, definition card, "Still there?").
// While its target is being read it becomes "Stop reading" with a stop icon. Hidden, taking no
// space, when there is no speech (ctx.speech null or not available: no sound device).
// ReadingMark draws the highlight beside the block being read.
#pragma once
#include "core/speech/speech_target.h"
#include "core/visit/visit_actions.h"
#include "ui/ui_context.h"

#include <imgui.h>
#include <string>

namespace kiosk::ui
{
// True when read-aloud controls are shown.
bool SpeechAvailable(const UiContext& ctx);
// The button's width (0 when hidden).
float ReadAloudWidth(const UiContext& ctx, const core::SpeechTarget& target);
// Draws the control with its top-left at `at`, touch_min high, `width` wide (0: its own width).
// Registers hit id "read-aloud:" + target.Key(). Returns ReadAloud or StopReading when tapped,
// else nothing. Draws nothing when hidden.
core::VisitAction ReadAloudButton(const UiContext& ctx, ImVec2 at, const core::SpeechTarget& target, float width = 0);
// Marks [min, max] as the block being read: a thick accent bar in the margin to its left and a
// faint tint, when `key`'s `block` is the one being spoken. Does nothing otherwise.
void ReadingMark(const UiContext& ctx, const std::string& key, const char* block, ImVec2 min, ImVec2 max);
} // namespace kiosk::ui
