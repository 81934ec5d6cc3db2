#include "ui/widgets/drag_scroll.h"

#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
bool Inside(ImVec2 p, ImVec2 min, ImVec2 max)
{
    return p.x >= min.x && p.y >= min.y && p.x < max.x && p.y < max.y;
}

// Inertia: velocity falls by e every 0.35 s; below a third of an em per second it stops.
constexpr float kInertiaTimeConstant = 0.35f;

// Scrolls so the keypad's focused target, if it was drawn in this view last frame, lies wholly
// inside it with a gap's margin (the top first when it is taller than the view). Returns true
// when the offset changed.
bool RevealFocus(const UiContext& ctx, ImVec2 view_min, ImVec2 view_max, float* offset)
{
    const KeyFocus* f = ctx.focus;
    if (!f || !f->visible || !f->has_target)
        return false;
    const float tol = 1.0f; // the target's clip rect is this view's or one nested inside it
    if (f->clip_x0 < view_min.x - tol || f->clip_y0 < view_min.y - tol || f->clip_x1 > view_max.x + tol ||
        f->clip_y1 > view_max.y + tol)
        return false;
    const float margin = std::min(ctx.metrics.gap, 0.25f * (view_max.y - view_min.y));
    const float top = view_min.y + margin, bottom = view_max.y - margin;
    float delta = 0.0f;
    if (f->y0 < top)
        delta = f->y0 - top;
    else if (f->y1 > bottom)
        delta = std::min(f->y1 - bottom, f->y0 - top);
    if (std::fabs(delta) < 0.5f)
        return false;
    *offset += delta;
    return true;
}
} // namespace

float GestureSeconds()
{
    return std::clamp(ImGui::GetIO().DeltaTime, 1.0f / 240.0f, 0.1f);
}

ImVec2 FollowFinger(ImVec2 velocity, ImVec2 delta, float dt)
{
    return ImVec2(0.6f * delta.x / dt + 0.4f * velocity.x, 0.6f * delta.y / dt + 0.4f * velocity.y);
}

ImVec2 Glide(ImVec2& velocity, float dt, const Metrics& metrics)
{
    const ImVec2 step(velocity.x * dt, velocity.y * dt);
    const float decay = std::exp(-dt / kInertiaTimeConstant);
    velocity = ImVec2(velocity.x * decay, velocity.y * decay);
    if (std::sqrt(velocity.x * velocity.x + velocity.y * velocity.y) < metrics.em / 3.0f)
        velocity = ImVec2(0.0f, 0.0f);
    return step;
}

bool TouchStopsGlide(float speed, const Metrics& metrics)
{
    return speed > 2.0f * metrics.em;
}

bool UpdateDragScroll(const UiContext& ctx, ImVec2 view_min, ImVec2 view_max, float content_h, ScrollState state)
{
    const ImGuiIO& io = ImGui::GetIO();
    float& offset = *state.offset;
    float& velocity = *state.velocity;
    const float dt = GestureSeconds();
    const float max_offset = std::max(0.0f, content_h - (view_max.y - view_min.y));
    const bool started_here = Inside(io.MouseClickedPos[0], view_min, view_max);
    const bool dragging = started_here && IsDragging(ctx.metrics);

    // A finger landing on a list still in flight stops it, and that touch opens nothing.
    if (io.MouseClicked[0] && started_here && TouchStopsGlide(std::fabs(velocity), ctx.metrics))
        SuppressTapForCurrentPress();
    if (io.MouseDown[0] && dragging)
    {
        offset -= io.MouseDelta.y;
        velocity = FollowFinger(ImVec2(0.0f, velocity), ImVec2(0.0f, -io.MouseDelta.y), dt).y;
    }
    else if (io.MouseDown[0] && started_here)
    {
        velocity = 0.0f; // a finger resting on moving content stops it
    }
    else if (velocity != 0.0f)
    {
        ImVec2 v(0.0f, velocity);
        offset += Glide(v, dt, ctx.metrics).y;
        velocity = v.y;
    }
    if (io.MouseWheel != 0.0f && Inside(io.MousePos, view_min, view_max))
    {
        offset -= io.MouseWheel * 3.0f * ctx.metrics.em;
        velocity = 0.0f;
    }
    if (RevealFocus(ctx, view_min, view_max, &offset))
        velocity = 0.0f;
    if (offset < 0.0f || offset > max_offset)
    {
        offset = std::clamp(offset, 0.0f, max_offset);
        if (!io.MouseDown[0])
            velocity = 0.0f;
    }
    return velocity != 0.0f;
}

float HorizontalDragOffset(const UiContext& ctx, ImVec2 view_min, ImVec2 view_max)
{
    const ImGuiIO& io = ImGui::GetIO();
    if (!(io.MouseDown[0] || io.MouseReleased[0]) || !Inside(io.MouseClickedPos[0], view_min, view_max) ||
        !IsDragging(ctx.metrics))
        return 0.0f;
    return io.MousePos.x - io.MouseClickedPos[0].x;
}
} // namespace kiosk::ui
