// Finger scrolling for ImGui 1.86, which has none: a vertical drag that started inside `view`
// moves the content with the finger once it passes the tap slop; on release the content
// keeps moving with the finger's speed and slows down (inertia). The mouse wheel scrolls too.
// State is the caller's (VisitView fields), so a visit reset clears it.
//
// The fling model (finger speed, inertia, when a touch stops a glide) is the one the
// flowchart's pan uses too (pathway_screen.cpp), so every surface glides alike.
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

// The cue that a view scrolls: while there is content below the view's bottom edge, a soft fade
// along that edge and, centred on it, a "More below" label with a down chevron (the string
// "scroll.more"). Draw it after the content, with the same view and content height as
// UpdateDragScroll. It is a picture, not a button: a touch on it reaches the content, and a drag
// scrolls. `page` is the colour the content sits on (0: the screen background). Returns true
// when it drew the cue.
bool DrawScrollCue(const UiContext& ctx, ImVec2 view_min, ImVec2 view_max, float content_h, float offset,
                   ImU32 page = 0);

// --- Flings -------------------------------------------------------------------------------

// This frame's time step for gestures: ImGui's, clamped so a stalled frame cannot throw content.
float GestureSeconds();

// The finger's smoothed velocity (pixels per second) after it moved `delta` pixels this frame;
// a finger that stops before lifting gives no fling.
ImVec2 FollowFinger(ImVec2 velocity, ImVec2 delta, float dt);

// One frame of glide after the finger lifted: returns how far the content moves this frame
// and slows `velocity` (by e every 0.35 s; zero once below a third of an em per second).
ImVec2 Glide(ImVec2& velocity, float dt, const Metrics& metrics);

// True when content gliding at `speed` pixels per second is fast enough that a finger landing
// on it means "stop", not "tap".
bool TouchStopsGlide(float speed, const Metrics& metrics);

// Horizontal finger offset for swipes: returns the live drag distance in x (0 when the
// press did not start in the view or has not passed the slop).
float HorizontalDragOffset(const UiContext& ctx, ImVec2 view_min, ImVec2 view_max);
} // namespace kiosk::ui
