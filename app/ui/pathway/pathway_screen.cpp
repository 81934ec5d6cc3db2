// The pathway flowchart screen: every route into these careers, laid out by the core layout
// engine and explored by touch. The flowchart fills the screen under the top bar; the
// "Where are you now?" chips run along the bottom with the zoom controls at the right end of
// their first row (never over a node); a legend of node kinds sits under the bar when there is
// room; a tapped node opens its details sheet (side sheet in landscape, in portrait a bottom
// sheet resting on the chips, which stay in reach).
//
// State lives in VisitView::pathway (what is lit, the open sheet, the camera); the laid-out
// scene comes from PathwaySceneCache. Drags pan with inertia, double taps and the buttons zoom,
// camera moves animate; the screen asks for frames only while something moves.
//
// Sections: 1. regions  2. camera targets  3. touch input  4. the screen.
#include "ui/fonts.h"
#include "ui/pathway/flowchart.h"
#include "ui/pathway/pathway_camera.h"
#include "ui/pathway/pathway_panels.h"
#include "ui/pathway/pathway_regions.h"
#include "ui/pathway/pathway_scene.h"
#include "ui/pathway/pathway_sheet.h"
#include "ui/screens/chrome.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/ui_strings.h"
#include "ui/widgets/drag_scroll.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

namespace kiosk::ui
{
namespace
{
using kiosk::core::LayoutDirection;

constexpr float kTransitionSeconds = 0.45f;
constexpr float kDoubleTapSeconds = 0.4f;
constexpr float kZoomStep = 1.5f;

// --- 1. Regions ----------------------------------------------------------------------------------

using Regions = PathwayRegions;

bool Inside(ImVec2 p, ImVec2 a, ImVec2 b)
{
    return p.x >= a.x && p.y >= a.y && p.x < b.x && p.y < b.y;
}

// --- 2. Camera targets ---------------------------------------------------------------------------

struct Box
{
    ImVec2 min{FLT_MAX, FLT_MAX}, max{-FLT_MAX, -FLT_MAX};
    void Add(const SceneNode& n)
    {
        min = ImVec2(std::min(min.x, n.min.x), std::min(min.y, n.min.y));
        max = ImVec2(std::max(max.x, n.max.x), std::max(max.y, n.max.y));
    }
    bool Empty() const { return min.x > max.x; }
    ImVec2 Centre() const { return ImVec2(0.5f * (min.x + max.x), 0.5f * (min.y + max.y)); }
};

Camera Current(const PathwayCamera& pv)
{
    return Camera{pv.centre_x, pv.centre_y, pv.zoom};
}

void SetCurrent(PathwayCamera& pv, const Camera& c)
{
    pv.centre_x = c.cx;
    pv.centre_y = c.cy;
    pv.zoom = c.zoom;
}

void StopMotion(PathwayCamera& pv)
{
    pv.velocity_x = pv.velocity_y = 0.0f;
    pv.anim_progress = 1.0f;
}

// Starts an eased move to `to` (or jumps there).
void MoveTo(PathwayCamera& pv, const Camera& to, bool animated)
{
    StopMotion(pv);
    const Camera from = Current(pv);
    const bool same = std::fabs(from.cx - to.cx) * to.zoom < 0.5f && std::fabs(from.cy - to.cy) * to.zoom < 0.5f &&
                      std::fabs(from.zoom - to.zoom) < 1e-3f * to.zoom;
    if (!animated || from.zoom <= 0.0f || same)
    {
        SetCurrent(pv, to);
        return;
    }
    pv.from_x = from.cx;
    pv.from_y = from.cy;
    pv.from_zoom = from.zoom;
    pv.to_x = to.cx;
    pv.to_y = to.cy;
    pv.to_zoom = to.zoom;
    pv.anim_progress = 0.0f;
}

// A node cut by the view's top or left edge (its title half hidden under the legend or the bar)
// is not a readable first view, nor is a condition label cut there. Moves the camera the least
// distance, preferably towards the chart's start, that leaves that edge in a gap between nodes
// and labels; in a dense chart, where no gap runs the whole width, to where it cuts the fewest.
// Cuts at the far edges are where the chart visibly goes on. `vertical` picks the top edge, else
// the left one. The move never takes `keep` (the start point the view opens on) out of view.
Camera UncutEdge(Camera c, const PathwayScene& scene, const CameraFrame& f, bool vertical, const Box& keep)
{
    auto axis = [&](ImVec2 p) { return vertical ? p.y : p.x; };
    auto across = [&](ImVec2 p) { return vertical ? p.x : p.y; };
    const ImVec2 lo = ScreenToWorld(c, f, f.view_min), hi = ScreenToWorld(c, f, f.view_max);
    const float edge = axis(lo);
    const float extent = axis(hi) - axis(lo);
    const bool can_keep = !keep.Empty() && axis(keep.max) - axis(keep.min) <= extent;
    // Boxes and labels in the view's extent across this edge: the only ones it can cut.
    std::vector<std::pair<ImVec2, ImVec2>> near;
    auto consider = [&](ImVec2 a, ImVec2 b)
    {
        if (across(b) > across(lo) && across(a) < across(hi))
            near.emplace_back(a, b);
    };
    for (const SceneNode& n : scene.nodes)
        consider(n.min, n.max);
    for (const SceneEdge& e : scene.edges)
        if (!e.label_lines.empty() && e.points.size() >= 4)
            consider(ImVec2(e.label_centre.x - 0.5f * e.label_size.x, e.label_centre.y - 0.5f * e.label_size.y),
                     ImVec2(e.label_centre.x + 0.5f * e.label_size.x, e.label_centre.y + 0.5f * e.label_size.y));
    auto cuts = [&](float e)
    {
        int n = 0;
        for (const auto& [a, b] : near)
            n += axis(a) < e - 0.5f / c.zoom && axis(b) > e + 0.5f / c.zoom;
        return n;
    };
    const int now = cuts(edge);
    if (now == 0)
        return c;
    // Candidates: the edge just above a box's top (the view moves towards the start) or just
    // below its bottom (away from it): the fewest cuts first, then the nearest, towards the
    // start preferred.
    float best = 0.0f, best_cost = FLT_MAX;
    int best_cuts = now;
    const float pad = 2.0f / c.zoom;
    for (const auto& [a, b] : near)
        for (float e : {axis(a) - pad, axis(b) + pad})
        {
            const bool keeps = !can_keep || (e <= axis(keep.min) && e + extent >= axis(keep.max));
            if (!keeps)
                continue;
            const int n = cuts(e);
            const float cost = std::fabs(e - edge) * (e > edge ? 3.0f : 1.0f);
            if (n < best_cuts || (n == best_cuts && n < now && cost < best_cost))
            {
                best_cuts = n;
                best_cost = cost;
                best = e - edge;
            }
        }
    if (vertical)
        c.cy += best;
    else
        c.cx += best;
    const Camera clamped = ClampCamera(c, scene.bounds_min, scene.bounds_max, f);
    return clamped;
}

Camera UncutLeadingEdges(Camera c, const PathwayScene& scene, const CameraFrame& f, const Box& keep)
{
    return UncutEdge(UncutEdge(c, scene, f, false, keep), scene, f, true, keep);
}

// The part of the chart a view opens on: the nodes `ids` (a start point's, in the editor's
// order), or only the first of them when together they do not fit the view at the readable zoom
// (a start whose nodes spread across a wide chart opens on its first node, not on the empty
// middle between them).
Box FocusBox(const PathwayScene& scene, const kiosk::core::Pathway& pathway, const std::vector<std::string>& ids,
             const CameraFrame& f)
{
    Box all, first;
    for (const std::string& id : ids)
        if (const int i = kiosk::core::PathwayNodeIndex(pathway, id); i >= 0)
        {
            all.Add(scene.nodes[static_cast<size_t>(i)]);
            if (first.Empty())
                first.Add(scene.nodes[static_cast<size_t>(i)]);
        }
    if (all.Empty() || FitZoom(all.min, all.max, f) >= kReadableZoom)
        return all;
    return first;
}

// The first view of the flowchart: the whole chart when it is readable whole; else the readable
// zoom at a start point (the visitor's own, `start_id`, else the first one), that start whole
// in view at the view's start with the routes onward after it. "Show all" is one tap away.
Camera DefaultCamera(const PathwayScene& scene, const kiosk::core::Pathway& pathway, const CameraFrame& f,
                     const std::string& start_id)
{
    const kiosk::core::PathwayStart* start = nullptr;
    for (const auto& s : pathway.starts)
        if (s.id == start_id || (!start && !s.nodes.empty()))
            start = &s;
    const Box focus = start ? FocusBox(scene, pathway, start->nodes, f) : Box{};
    if (focus.Empty())
    {
        const Box none;
        const ImVec2 centre(0.5f * (scene.bounds_min.x + scene.bounds_max.x),
                            0.5f * (scene.bounds_min.y + scene.bounds_max.y));
        return UncutLeadingEdges(FrameBox(scene.bounds_min, scene.bounds_max, centre, scene.direction, scene.bounds_min,
                                          scene.bounds_max, f),
                                 scene, f, none);
    }
    const Camera c = FrameFocus(scene.bounds_min, scene.bounds_max, focus.min, focus.max, 0.0f, scene.direction,
                                scene.bounds_min, scene.bounds_max, f);
    return UncutLeadingEdges(c, scene, f, focus);
}

// The lit routes: whole when readable whole; else at the readable zoom around what they were
// lit for: a start point at the view's start (routes onward after it), a step in the middle
// (how to reach it before, where it leads after), a role's steps at the end (routes into them).
Camera LitCamera(const PathwayScene& scene, const kiosk::core::Pathway& pathway,
                 const kiosk::core::PathwayHighlight& lit, const kiosk::core::PathwayFocus& view, const CameraFrame& f)
{
    Box box;
    for (size_t i = 0; i < scene.nodes.size() && i < lit.node_lit.size(); ++i)
        if (lit.node_lit[i])
            box.Add(scene.nodes[i]);
    if (box.Empty())
        return DefaultCamera(scene, pathway, f, view.lit_start);
    std::vector<std::string> ids;
    for (const auto& s : pathway.starts)
        if (s.id == view.lit_start)
            ids = s.nodes;
    if (ids.empty())
        for (int i : lit.focus_nodes)
            if (i >= 0 && static_cast<size_t>(i) < pathway.nodes.size())
                ids.push_back(pathway.nodes[static_cast<size_t>(i)].id);
    const Box focus = FocusBox(scene, pathway, ids, f);
    if (focus.Empty())
        return FrameBox(box.min, box.max, box.Centre(), scene.direction, scene.bounds_min, scene.bounds_max, f);
    const float along = !view.lit_start.empty() ? 0.0f : !view.lit_node.empty() ? 0.5f : 1.0f;
    const Camera c = FrameFocus(box.min, box.max, focus.min, focus.max, along, scene.direction, scene.bounds_min,
                                scene.bounds_max, f);
    return UncutLeadingEdges(c, scene, f, focus);
}

Camera TargetFor(core::PathwayFraming framing, const PathwayScene& scene, const kiosk::core::Pathway& pathway,
                 const kiosk::core::PathwayHighlight& lit, int selected, const Camera& now, const CameraFrame& f,
                 bool animated, const kiosk::core::PathwayFocus& view)
{
    if (framing == core::PathwayFraming::Lit && lit.active)
        return LitCamera(scene, pathway, lit, view, f);
    const Camera fallback = DefaultCamera(scene, pathway, f, view.lit_start);
    if (framing == core::PathwayFraming::Selected && selected >= 0)
    {
        const SceneNode& n = scene.nodes[static_cast<size_t>(selected)];
        if (animated && now.zoom > 0.0f && BoxVisible(now, f, n.min, n.max))
            return now;
        const float zoom = animated && now.zoom > 0.0f ? std::max(now.zoom, 0.6f * kReadableZoom) : fallback.zoom;
        return CentreOn(ImVec2(0.5f * (n.min.x + n.max.x), 0.5f * (n.min.y + n.max.y)), zoom, scene.bounds_min,
                        scene.bounds_max, f);
    }
    return fallback;
}

// --- 3. Touch input ------------------------------------------------------------------------------

// Pans with the finger, glides after a fling, zooms with the wheel. Returns true while gliding.
bool UpdatePan(const UiContext& ctx, PathwayCamera& pv, const Regions& r, const CameraFrame& f, float min_zoom)
{
    const ImGuiIO& io = ImGui::GetIO();
    const Metrics& m = ctx.metrics;
    const float dt = GestureSeconds();
    auto in_canvas = [&](ImVec2 p)
    { return Inside(p, r.view_min, r.view_max) && !Inside(p, r.controls_min, r.controls_max); };
    const bool started_here = in_canvas(io.MouseClickedPos[0]);
    const bool dragging = started_here && IsDragging(m);
    if (io.MouseClicked[0] && started_here)
    {
        // A finger on a moving flowchart stops it, and that touch opens nothing.
        const float speed = std::sqrt(pv.velocity_x * pv.velocity_x + pv.velocity_y * pv.velocity_y);
        if (TouchStopsGlide(speed, m) || pv.anim_progress < 1.0f)
            SuppressTapForCurrentPress();
        StopMotion(pv);
    }
    if (io.MouseDown[0] && dragging)
    {
        pv.centre_x -= io.MouseDelta.x / pv.zoom;
        pv.centre_y -= io.MouseDelta.y / pv.zoom;
        const ImVec2 v = FollowFinger(ImVec2(pv.velocity_x, pv.velocity_y), io.MouseDelta, dt);
        pv.velocity_x = v.x;
        pv.velocity_y = v.y;
    }
    else if (io.MouseDown[0] && started_here)
    {
        pv.velocity_x = pv.velocity_y = 0.0f;
    }
    else if (pv.velocity_x != 0.0f || pv.velocity_y != 0.0f)
    {
        ImVec2 v(pv.velocity_x, pv.velocity_y);
        const ImVec2 step = Glide(v, dt, m);
        pv.centre_x -= step.x / pv.zoom;
        pv.centre_y -= step.y / pv.zoom;
        pv.velocity_x = v.x;
        pv.velocity_y = v.y;
    }
    if (io.MouseWheel != 0.0f && in_canvas(io.MousePos))
    {
        StopMotion(pv);
        SetCurrent(pv, ZoomAround(Current(pv), f, io.MousePos, std::pow(1.15f, io.MouseWheel), min_zoom));
    }
    return pv.velocity_x != 0.0f || pv.velocity_y != 0.0f;
}

// Clamps the camera to the content; a glide that hits an edge stops along that axis.
// The keypad's focused node (ui/key_focus.h), when it lies partly outside the canvas, is brought
// wholly into view by panning; a node wholly outside is not drawn, so focus never goes there.
void RevealFocusedNode(const UiContext& ctx, PathwayCamera& pv, const Regions& r)
{
    const KeyFocus* f = ctx.focus;
    if (!f || !f->visible || !f->has_target || f->id.rfind("pathway:node:", 0) != 0 || pv.anim_progress < 1.0f ||
        pv.zoom <= 0.0f)
        return;
    const float margin = ctx.metrics.gap;
    auto delta = [margin](float lo, float hi, float view_lo, float view_hi)
    {
        if (lo < view_lo + margin)
            return lo - (view_lo + margin);
        if (hi > view_hi - margin)
            return std::min(hi - (view_hi - margin), lo - (view_lo + margin));
        return 0.0f;
    };
    const float dx = delta(f->x0, f->x1, r.view_min.x, r.view_max.x);
    const float dy = delta(f->y0, f->y1, r.view_min.y, r.view_max.y);
    if (std::fabs(dx) < 0.5f && std::fabs(dy) < 0.5f)
        return;
    pv.centre_x += dx / pv.zoom;
    pv.centre_y += dy / pv.zoom;
    pv.velocity_x = pv.velocity_y = 0.0f;
}

void ClampToContent(PathwayCamera& pv, const PathwayScene& scene, const CameraFrame& f)
{
    const Camera c = ClampCamera(Current(pv), scene.bounds_min, scene.bounds_max, f);
    if (c.cx != pv.centre_x)
        pv.velocity_x = 0.0f;
    if (c.cy != pv.centre_y)
        pv.velocity_y = 0.0f;
    SetCurrent(pv, c);
}

// A second tap on the canvas soon after the first, near it, zooms in around it.
void DoubleTap(const UiContext& ctx, PathwayCamera& pv, ImVec2 pos, const CameraFrame& f, float min_zoom)
{
    const float near = 3.0f * TapSlop(ctx.metrics);
    const float dx = pos.x - pv.last_tap_x, dy = pos.y - pv.last_tap_y;
    if (ctx.now_s - pv.last_tap_s <= kDoubleTapSeconds && dx * dx + dy * dy <= near * near)
    {
        MoveTo(pv, ZoomAround(Current(pv), f, pos, 2.0f, min_zoom), true);
        pv.last_tap_s = -10.0;
        return;
    }
    pv.last_tap_s = ctx.now_s;
    pv.last_tap_x = pos.x;
    pv.last_tap_y = pos.y;
}

bool Near(const Camera& a, const Camera& b)
{
    return std::fabs(a.cx - b.cx) * b.zoom < 2.0f && std::fabs(a.cy - b.cy) * b.zoom < 2.0f &&
           std::fabs(a.zoom - b.zoom) < 0.01f * b.zoom;
}

// The flowchart's own buttons.
void ApplyZoom(ZoomCommand cmd, PathwayCamera& pv, const PathwayScene& scene, const kiosk::core::Pathway& pathway,
               const CameraFrame& f, float min_zoom, const std::string& start_id)
{
    const Camera now = pv.anim_progress < 1.0f ? Camera{pv.to_x, pv.to_y, pv.to_zoom} : Current(pv);
    const ImVec2 centre(0.5f * (f.view_min.x + f.view_max.x), 0.5f * (f.view_min.y + f.view_max.y));
    switch (cmd)
    {
    case ZoomCommand::In:
        MoveTo(pv, ClampCamera(ZoomAround(now, f, centre, kZoomStep, min_zoom), scene.bounds_min, scene.bounds_max, f),
               true);
        break;
    case ZoomCommand::Out:
        MoveTo(
            pv,
            ClampCamera(ZoomAround(now, f, centre, 1.0f / kZoomStep, min_zoom), scene.bounds_min, scene.bounds_max, f),
            true);
        break;
    case ZoomCommand::Fit:
    {
        // The whole flowchart, however small, one tap from anywhere; pressed again there, back to
        // the readable fit.
        const Camera readable = DefaultCamera(scene, pathway, f, start_id);
        Camera all = CentreOn(
            ImVec2(0.5f * (scene.bounds_min.x + scene.bounds_max.x), 0.5f * (scene.bounds_min.y + scene.bounds_max.y)),
            std::min(kMaxFitZoom, FitZoom(scene.bounds_min, scene.bounds_max, f)), scene.bounds_min, scene.bounds_max,
            f);
        MoveTo(pv, Near(now, all) ? readable : all, true);
        break;
    }
    case ZoomCommand::None:
        break;
    }
}

void StepTransition(PathwayCamera& pv, float dt)
{
    if (pv.anim_progress >= 1.0f)
        return;
    pv.anim_progress = std::min(1.0f, pv.anim_progress + dt / kTransitionSeconds);
    SetCurrent(pv, LerpCamera(Camera{pv.from_x, pv.from_y, pv.from_zoom}, Camera{pv.to_x, pv.to_y, pv.to_zoom},
                              EaseInOut(pv.anim_progress)));
}

void DrawWaiting(const UiContext& ctx, const Regions& r)
{
    // Three dots while a large flowchart is laid out on a worker thread.
    const ImVec2 c(0.5f * (r.canvas_min.x + r.canvas_max.x), 0.5f * (r.canvas_min.y + r.canvas_max.y));
    const float em = ctx.metrics.em;
    for (int i = -1; i <= 1; ++i)
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(c.x + 1.2f * em * static_cast<float>(i), c.y), 0.3f * em,
                                                    ctx.palette->text_muted);
}
} // namespace

// --- 4. The screen ---------------------------------------------------------------------------------

ScreenResult DrawPathwayScreen(const UiContext& ctx, VisitView& view)
{
    ScreenResult result;
    const Metrics& m = ctx.metrics;
    const ImGuiIO& io = ImGui::GetIO();
    PathwayCamera& pv = view.pathway;
    const auto& pathway = ctx.pack->pathway;
    BeginScreenWindow("##pathway", ctx);
    ImDrawList* dl = ImGui::GetWindowDrawList();

    int selected = kiosk::core::PathwayNodeIndex(pathway, ctx.visit->pathway.selected);
    const TopBarSpec bar_spec{true, true, Tr(ctx, "pathway.title")};
    const ChromeLayout chrome = LayoutChrome(ctx, bar_spec);
    const Regions r =
        LayoutPathwayRegions(ctx, chrome, selected >= 0 ? &pathway.nodes[static_cast<size_t>(selected)] : nullptr);
    const CameraFrame frame = PathwayCameraFrame(r, m);
    PathwaySceneCache& cache = PathwaySceneCache::Shared();
    const LayoutDirection direction = kiosk::core::ChooseDirection(m.screen_w, m.screen_h);
    const PathwayScene* scene = cache.Get(ctx, direction);
    const kiosk::core::PathwayHighlight& lit = cache.Highlight(*ctx.pack, ctx.visit->pathway);

    core::VisitAction action;
    if (!scene)
    {
        DrawWaiting(ctx, r);
        result.animating = true;
    }
    else
    {
        // A new font size or direction changes the world units: frame afresh.
        if (pv.zoom <= 0.0f || pv.layout_key_em != m.em || pv.layout_key_direction != static_cast<int>(direction))
        {
            if (pv.reframe == core::PathwayFraming::None)
                pv.reframe = selected >= 0 ? core::PathwayFraming::Selected : core::PathwayFraming::Default;
            pv.reframe_animated = false;
            pv.layout_key_em = m.em;
            pv.layout_key_direction = static_cast<int>(direction);
            StopMotion(pv);
        }
        const float min_zoom = MinZoom(scene->bounds_min, scene->bounds_max, frame);
        if (pv.reframe != core::PathwayFraming::None)
        {
            const Camera now = Current(pv);
            MoveTo(pv,
                   TargetFor(pv.reframe, *scene, pathway, lit, selected, now, frame, pv.reframe_animated,
                             ctx.visit->pathway),
                   pv.reframe_animated);
            pv.reframe = core::PathwayFraming::None;
        }
        const float dt = GestureSeconds();
        StepTransition(pv, dt);
        const bool gliding = UpdatePan(ctx, pv, r, frame, min_zoom);
        RevealFocusedNode(ctx, pv, r);
        if (pv.anim_progress >= 1.0f)
            ClampToContent(pv, *scene, frame);
        result.animating |= gliding || pv.anim_progress < 1.0f;

        // The canvas (for double taps), then the flowchart on it.
        dl->AddRectFilled(r.canvas_min, r.canvas_max, ctx.palette->background);
        dl->PushClipRect(r.view_min, r.view_max, true);
        const TouchState canvas = TouchArea(ctx, "pathway:canvas", r.view_min, r.view_max);
        dl->PopClipRect();
        FlowchartInput in;
        in.scene = scene;
        in.pathway = &pathway;
        in.highlight = &lit;
        in.camera = Current(pv);
        in.frame = frame;
        in.selected = selected;
        const FlowchartResult drawn = DrawFlowchart(ctx, in);
        const bool on_controls = Inside(io.MousePos, r.controls_min, r.controls_max);
        if (canvas.tapped && !on_controls)
            DoubleTap(ctx, pv, io.MousePos, frame, min_zoom);
        if (drawn.tapped >= 0 && !on_controls)
            action = core::PathwayNodeOpened{pathway.nodes[static_cast<size_t>(drawn.tapped)].id};
    }

    if (r.legend)
        DrawLegend(ctx, r.legend_min, r.legend_max);
    // An open sheet that reaches over the chips (portrait, or a short screen) hides them: chips
    // under it must not take taps or keypad focus through it.
    const bool chips_covered = selected >= 0 && r.sheet.max.y > r.chips_min.y + 0.5f;
    if (r.chips && !chips_covered)
    {
        const core::VisitAction chip = DrawStartChips(ctx, r.chips_min, r.chips_max);
        if (!IsNone(chip))
            action = chip;
    }
    // The zoom controls sit on the chip panel (drawn over it).
    if (scene)
    {
        const ZoomCommand zoom = DrawZoomControls(ctx, r.controls_min);
        if (zoom != ZoomCommand::None)
        {
            ApplyZoom(zoom, pv, *scene, pathway, frame, MinZoom(scene->bounds_min, scene->bounds_max, frame),
                      ctx.visit->pathway.lit_start);
            result.animating = true;
        }
    }
    if (selected >= 0)
    {
        const ScreenResult sheet = DrawPathwaySheet(ctx, view, pathway.nodes[static_cast<size_t>(selected)], r.sheet);
        result.animating |= sheet.animating;
        if (!IsNone(sheet.action))
            action = sheet.action;
    }
    const core::VisitAction bar = DrawChrome(ctx, bar_spec, chrome);
    if (!IsNone(bar))
        action = bar;
    EndScreenWindow();
    result.action = action;
    return result;
}
} // namespace kiosk::ui
