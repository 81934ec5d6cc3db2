// The hidden way into the admin panel: a finger held still in the top-left corner for three
// seconds. Pure (no ImGui, no clock): the app feeds it the raw pointer state every frame.
#pragma once

namespace kiosk::core
{
inline constexpr double kAdminCornerHoldS = 3.0;       // how long the press must last
inline constexpr float kAdminCornerMoveMm = 4.0f;      // moving further than this cancels it
inline constexpr float kAdminCornerSizeTargets = 1.5f; // the corner square, in touch targets

struct CornerPressState
{
    bool was_down = false; // pointer state at the previous update
    bool tracking = false; // a press that began in the corner is being timed
    bool done = false;     // this press already fired or was cancelled: wait for the release
    double start = 0.0;
    float x0 = 0.0f;
    float y0 = 0.0f;
};

// Where the corner is on this screen: its square's side in pixels (1.5 touch targets, see
// kAdminCornerSizeTargets) and the pixels in a millimetre (for kAdminCornerMoveMm).
struct CornerGeometry
{
    float side_px = 72.0f;
    float px_per_mm = 3.8f;
};

// Call once per frame with the pointer as the platform reports it (mouse_down: primary button or
// finger down; x, y: its position in pixels) and a monotonic now in seconds. Returns true once,
// on the update where a press that BEGAN inside the corner square has stayed down, inside the
// square and within kAdminCornerMoveMm of where it landed for kAdminCornerHoldS. Moving away,
// leaving the square or lifting cancels; a new press starts over. A press that only slides into
// the corner never counts. Time going backwards restarts the timing; a non-finite now is ignored.
// A finger held still sends no input events: while state.tracking is true the app must keep
// calling this (wake at least every 0.1 s) instead of sleeping until the next event.
bool UpdateCornerPress(CornerPressState& state, const CornerGeometry& corner, bool mouse_down, float x, float y,
                       double now);

// 0..1 of the way to firing, for optional feedback (0 when not tracking).
float CornerPressProgress(const CornerPressState& state, double now);
} // namespace kiosk::core
