#include "core/admin/admin_corner.h"

#include <algorithm>
#include <cmath>

namespace kiosk::core
{
bool UpdateCornerPress(CornerPressState& state, const CornerGeometry& corner, bool mouse_down, float x, float y,
                       double now)
{
    if (!std::isfinite(now))
        return false;
    const bool pressed_now = mouse_down && !state.was_down;
    state.was_down = mouse_down;
    if (!mouse_down)
    {
        state.tracking = false;
        state.done = false;
        return false;
    }
    const float side = corner.side_px;
    const bool inside = x >= 0.0f && y >= 0.0f && x < side && y < side;
    if (pressed_now)
    {
        state.tracking = inside;
        state.done = !inside;
        state.start = now;
        state.x0 = x;
        state.y0 = y;
        return false;
    }
    if (!state.tracking || state.done)
        return false;
    const float slop = kAdminCornerMoveMm * corner.px_per_mm;
    const float dx = x - state.x0, dy = y - state.y0;
    if (!inside || dx * dx + dy * dy > slop * slop)
    {
        state.tracking = false;
        state.done = true;
        return false;
    }
    if (now < state.start)
        state.start = now; // the clock went back: time from here
    if (now - state.start >= kAdminCornerHoldS)
    {
        state.tracking = false;
        state.done = true;
        return true;
    }
    return false;
}

float CornerPressProgress(const CornerPressState& state, double now)
{
    if (!state.tracking || !std::isfinite(now))
        return 0.0f;
    return static_cast<float>(std::clamp((now - state.start) / kAdminCornerHoldS, 0.0, 1.0));
}
} // namespace kiosk::core
