#include "ui/widgets/drag_scroll.h"

#include "ui/fonts.h"
#include "ui/hit_registry.h"
#include "ui/theme.h"
#include "ui/ui_strings.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/text.h"
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
    if (ctx.hits)
        ctx.hits->scroll_views.push_back({view_min.x, view_min.y, view_max.x, view_max.y, content_h, offset});
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

bool DrawScrollCue(const UiContext& ctx, ImVec2 view_min, ImVec2 view_max, float content_h, float offset, ImU32 page)
{
    const Metrics& m = ctx.metrics;
    const float view_h = view_max.y - view_min.y;
    // Half an em of slack: a page that ends just under the edge shows nothing worth a cue.
    if (content_h - offset - view_h <= 0.5f * m.em || view_h < 3.0f * m.em)
        return false;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(view_min, view_max, true);
    // The fade: the page dissolves into the background towards the edge (a solid edge in high
    // contrast would hide text rather than hint at more).
    const float fade_h = std::min(2.5f * m.em, 0.3f * view_h);
    const ImU32 solid = page ? page : p.background;
    const ImU32 clear = solid & ~IM_COL32_A_MASK;
    if (!p.high_contrast)
        dl->AddRectFilledMultiColor(ImVec2(view_min.x, view_max.y - fade_h), view_max, clear, clear, solid, solid);

    // The label: a pill with a chevron, in the accent, centred on the bottom edge.
    ImFont* font = ctx.fonts->body_bold;
    const std::string label = Tr(ctx, "scroll.more");
    const float icon = 0.9f * m.em;
    const float pad = 0.6f * m.em;
    const float w = std::min(view_max.x - view_min.x, pad + icon + 0.4f * m.em + TextWidth(font, label) + pad);
    const float h = std::ceil(font->FontSize + 0.7f * m.em);
    const float cx = 0.5f * (view_min.x + view_max.x);
    const ImVec2 a(std::floor(cx - 0.5f * w), std::floor(view_max.y - 0.4f * m.em - h));
    const ImVec2 b(a.x + w, a.y + h);
    dl->AddRectFilled(a, b, p.accent, 0.5f * h);
    if (p.high_contrast)
        dl->AddRect(a, b, p.accent_text, 0.5f * h, 0, std::max(2.0f, 0.08f * m.em));
    DrawIcon(Icon::Down, ImVec2(a.x + pad + 0.5f * icon, a.y + 0.5f * h), icon, p.accent_text);
    NoteDrawnText(label);
    const std::string line = FitLine(font, label, b.x - (a.x + pad + icon + 0.4f * m.em) - pad);
    dl->AddText(font, font->FontSize,
                ImVec2(std::floor(a.x + pad + icon + 0.4f * m.em), std::floor(a.y + 0.5f * (h - font->FontSize))),
                p.accent_text, line.c_str(), line.c_str() + line.size());
    dl->PopClipRect();
    return true;
}
} // namespace kiosk::ui
