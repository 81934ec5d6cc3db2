// The flowchart camera as pure math (no ImGui calls, no clock): which world point sits at the
// canvas centre and at what zoom, how to frame a box so its text stays readable, how far the
// visitor may pan, zooming around a point, and the eased transition between two cameras.
// Tested in tests/ui/pathway/test_pathway_camera.cpp.
#pragma once
#include "core/layout/graph_layout.h"

#include <imgui.h>

namespace kiosk::ui
{
struct Camera
{
    float cx = 0.0f, cy = 0.0f; // world point drawn at the anchor
    float zoom = 1.0f;          // screen pixels per world unit
};

// Where the camera draws on screen. The anchor is the canvas centre and does not move when a
// sheet covers part of the canvas; the view is the part the visitor can still see.
struct CameraFrame
{
    ImVec2 anchor;
    ImVec2 view_min, view_max;
    float margin = 0.0f; // screen pixels kept clear around framed content
};

inline constexpr float kReadableZoom = 1.0f; // world units are pixels at the body em: zoom 1 = 1 em text
inline constexpr float kMaxFitZoom = 1.5f;   // a small graph is not blown up further than this by "fit"
inline constexpr float kMaxZoom = 2.5f;
inline constexpr float kMinZoomFloor = 0.02f;

ImVec2 WorldToScreen(const Camera& c, const CameraFrame& f, ImVec2 world);
ImVec2 ScreenToWorld(const Camera& c, const CameraFrame& f, ImVec2 screen);

// The zoom at which the box fits the view inside the margins.
float FitZoom(ImVec2 box_min, ImVec2 box_max, const CameraFrame& f);

// The smallest zoom the visitor may reach: the whole graph on screen, never more than the
// readable zoom, never below kMinZoomFloor.
float MinZoom(ImVec2 bounds_min, ImVec2 bounds_max, const CameraFrame& f);

// Keeps the content reachable: content smaller than the view is centred in it; larger content
// may pan until its edge meets the view's edge (plus the margin), no further.
Camera ClampCamera(Camera c, ImVec2 bounds_min, ImVec2 bounds_max, const CameraFrame& f);

// The readable "fit" of a box: the whole box when that keeps zoom >= kReadableZoom (at most
// kMaxFitZoom); otherwise zoom kReadableZoom with the box's start (left for LeftToRight, top for
// TopToBottom) at the view's start, and the cross axis centred on `focus` (or the box centre
// when the box fits across). The result is clamped to `bounds`.
Camera FrameBox(ImVec2 box_min, ImVec2 box_max, ImVec2 focus, kiosk::core::LayoutDirection direction, ImVec2 bounds_min,
                ImVec2 bounds_max, const CameraFrame& f);

// The readable view of `context` (the whole chart, or its lit routes) around one part of it,
// `focus` (the start point the visitor begins at, or the lit role): the whole context when it
// fits the view at kReadableZoom or more (at most kMaxFitZoom); otherwise kReadableZoom with the
// focus box whole in view, centred across the flow and placed along it at `along` (0: at the
// view's start, so what follows it fills the view; 1: at its end, so what leads to it does; 0.5:
// in the middle). A focus that does not fit the view at kReadableZoom is framed whole at the
// zoom that fits it (callers pass one node of a start whose nodes spread wider than the view).
// The result is clamped to `bounds`; the focus, inside the bounds, stays whole in view.
Camera FrameFocus(ImVec2 context_min, ImVec2 context_max, ImVec2 focus_min, ImVec2 focus_max, float along,
                  kiosk::core::LayoutDirection direction, ImVec2 bounds_min, ImVec2 bounds_max, const CameraFrame& f);

// `world` centred in the view at `zoom`, clamped.
Camera CentreOn(ImVec2 world, float zoom, ImVec2 bounds_min, ImVec2 bounds_max, const CameraFrame& f);

// True when the box is entirely inside the view, margin included.
bool BoxVisible(const Camera& c, const CameraFrame& f, ImVec2 box_min, ImVec2 box_max);

// Zoom by `factor` keeping the world point under `screen_point` where it is; zoom clamped to
// [min_zoom, kMaxZoom].
Camera ZoomAround(const Camera& c, const CameraFrame& f, ImVec2 screen_point, float factor, float min_zoom);

// Eased interpolation (t in 0..1): zoom moves geometrically and the centre follows so the
// motion reads as one smooth glide.
Camera LerpCamera(const Camera& a, const Camera& b, float t);
float EaseInOut(float t);
} // namespace kiosk::ui
