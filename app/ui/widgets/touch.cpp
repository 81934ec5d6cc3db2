#include "ui/widgets/touch.h"

#include "ui/hit_registry.h"

#include <algorithm>

namespace kiosk::ui
{
namespace
{
bool Inside(ImVec2 p, ImVec2 min, ImVec2 max)
{
    return p.x >= min.x && p.y >= min.y && p.x < max.x && p.y < max.y;
}

// The press time (ImGuiIO::MouseClickedTime) of a press that stopped a fling. Input bookkeeping
// for the press in progress, like ImGuiIO's own fields; not visit state.
// Its place as well: a later ImGui context (a headless test after another) restarts the clock,
// so a press there can have the same time, but not also the same place.
double g_suppressed_press_time = -1.0;
ImVec2 g_suppressed_press_pos(-1.0f, -1.0f);

bool PressSuppressed()
{
    const ImGuiIO& io = ImGui::GetIO();
    return g_suppressed_press_time == io.MouseClickedTime[0] && g_suppressed_press_pos.x == io.MouseClickedPos[0].x &&
           g_suppressed_press_pos.y == io.MouseClickedPos[0].y;
}
} // namespace

void SuppressTapForCurrentPress()
{
    g_suppressed_press_time = ImGui::GetIO().MouseClickedTime[0];
    g_suppressed_press_pos = ImGui::GetIO().MouseClickedPos[0];
}

float TapSlop(const Metrics& metrics)
{
    return std::max(3.0f * metrics.px_per_mm, 0.5f * metrics.em);
}

bool IsDragging(const Metrics& metrics)
{
    const ImGuiIO& io = ImGui::GetIO();
    const float slop = TapSlop(metrics);
    return (io.MouseDown[0] || io.MouseReleased[0]) && io.MouseDragMaxDistanceSqr[0] > slop * slop;
}

TouchState TouchArea(const UiContext& ctx, const std::string& id, ImVec2 min, ImVec2 max)
{
    // With no press in progress there is nothing to suppress: forget the last one, so a later
    // press that happens to carry the same time (a new ImGui context, the next headless test,
    // restarts the clock) is not taken for it.
    if (!ImGui::GetIO().MouseDown[0] && !ImGui::GetIO().MouseReleased[0])
        g_suppressed_press_time = -1.0;
    TouchState t;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    t.min = ImVec2(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y));
    t.max = ImVec2(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
    HitArea area{id, t.min.x, t.min.y, t.max.x, t.max.y, min.x, min.y, max.x, max.y};
    area.clip_x0 = clip_min.x, area.clip_y0 = clip_min.y, area.clip_x1 = clip_max.x, area.clip_y1 = clip_max.y;
    if (t.max.x <= t.min.x || t.max.y <= t.min.y)
    {
        if (ctx.hits && max.x > min.x && max.y > min.y)
            ctx.hits->AddHidden(std::move(area)); // scrolled out of view: keypad focus can still reach it
        return t;
    }
    if (ctx.hits)
        ctx.hits->Add(std::move(area));
    const ImGuiIO& io = ImGui::GetIO();
    const float slop = TapSlop(ctx.metrics);
    const bool still = io.MouseDragMaxDistanceSqr[0] <= slop * slop && !PressSuppressed();
    const bool started_here = Inside(io.MouseClickedPos[0], t.min, t.max);
    t.pressed = io.MouseDown[0] && started_here && still;
    t.tapped = io.MouseReleased[0] && started_here && still && Inside(io.MousePos, t.min, t.max);
    // Enter on the keypad taps the focused target through this same path (ui/key_focus.h).
    t.tapped |= ctx.focus && !ctx.focus->activate.empty() && ctx.focus->activate == id;
    return t;
}
} // namespace kiosk::ui
