// Finger scrolling for ImGui 1.86, which has none: a vertical drag that started inside `view`
// moves the content with the finger once it passes the tap slop; on release the content
// keeps moving with the finger's speed and slows down (inertia). The mouse wheel scrolls too.
// State is the caller's (VisitView fields), so a visit reset clears it.
#pragma once
#include "ui/ui_context.h"

#include <imgui.h>

namespace kiosk::ui
{
struct ScrollState
{
    float* offset = nullptr;   // pixels scrolled from the top, clamped to [0, content_h - view_h]
    float* velocity = nullptr; // pixels per second, positive = content moving up
};

// Updates the scroll for this frame (call before drawing the content at -offset). Returns
// true while it is moving on its own (inertia), so the app keeps drawing frames.
bool UpdateDragScroll(const UiContext& ctx, ImVec2 view_min, ImVec2 view_max, float content_h, ScrollState state);

// Same, horizontal finger offset for swipes: returns the live drag distance in x (0 when the
// press did not start in the view or has not passed the slop).
float HorizontalDragOffset(const UiContext& ctx, ImVec2 view_min, ImVec2 view_max);
} // namespace kiosk::ui
