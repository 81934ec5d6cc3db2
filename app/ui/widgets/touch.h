// Touch primitives shared by every widget: what counts as a tap, and the press feedback.
// A tap is a press and a release inside the same rectangle with the finger moving less than
// TapSlop() in between, so a drag that scrolls or swipes never taps what it started on.
// Hit testing uses the visible part of the rectangle (the draw list's current clip rect), so
// content scrolled under a bar can never be tapped through it.
#pragma once
#include "ui/ui_context.h"

#include <imgui.h>
#include <string>

namespace kiosk::ui
{
struct TouchState
{
    bool tapped = false;  // released this frame: act on it
    bool pressed = false; // finger down on it and not (yet) a drag: draw pressed feedback
    ImVec2 min, max;      // visible rectangle
};

// Movement (pixels) below which a press and release is a tap: max(3 mm, 0.5 em).
float TapSlop(const Metrics& metrics);

// Registers `id` with the frame's hit registry and reports taps on the visible part of `rect`.
TouchState TouchArea(const UiContext& ctx, const std::string& id, ImVec2 min, ImVec2 max);

// Marks the current press as "stopping a moving list": it must not also tap what is under
// the finger (a visitor touching a list in flight means "stop", not "open").
void SuppressTapForCurrentPress();

// True while the current press (if any) has moved further than TapSlop(): a drag in progress.
bool IsDragging(const Metrics& metrics);
} // namespace kiosk::ui
