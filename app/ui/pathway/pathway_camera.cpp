#include "ui/pathway/pathway_camera.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
// Clamps one axis: content [lo, hi] (world), anchor a, view [v0, v1], margin m.
float ClampAxis(float c, float zoom, float lo, float hi, float a, float v0, float v1, float m)
{
    const float content = (hi - lo) * zoom + 2.0f * m;
    if (content <= v1 - v0)
        return 0.5f * (lo + hi) - (0.5f * (v0 + v1) - a) / zoom;
    const float min_c = lo - (v0 + m - a) / zoom; // the content's start may not come further in than v0 + m
    const float max_c = hi - (v1 - m - a) / zoom;
    return std::clamp(c, min_c, max_c);
}
} // namespace

ImVec2 WorldToScreen(const Camera& c, const CameraFrame& f, ImVec2 w)
{
    return ImVec2(f.anchor.x + (w.x - c.cx) * c.zoom, f.anchor.y + (w.y - c.cy) * c.zoom);
}

ImVec2 ScreenToWorld(const Camera& c, const CameraFrame& f, ImVec2 s)
{
    return ImVec2(c.cx + (s.x - f.anchor.x) / c.zoom, c.cy + (s.y - f.anchor.y) / c.zoom);
}

float FitZoom(ImVec2 a, ImVec2 b, const CameraFrame& f)
{
    const float vw = std::max(1.0f, f.view_max.x - f.view_min.x - 2.0f * f.margin);
    const float vh = std::max(1.0f, f.view_max.y - f.view_min.y - 2.0f * f.margin);
    const float bw = std::max(1.0f, b.x - a.x), bh = std::max(1.0f, b.y - a.y);
    return std::min(vw / bw, vh / bh);
}

float MinZoom(ImVec2 bounds_min, ImVec2 bounds_max, const CameraFrame& f)
{
    return std::max(kMinZoomFloor, std::min(kReadableZoom, FitZoom(bounds_min, bounds_max, f)));
}

Camera ClampCamera(Camera c, ImVec2 lo, ImVec2 hi, const CameraFrame& f)
{
    if (!(c.zoom > 0.0f))
        c.zoom = kReadableZoom;
    c.cx = ClampAxis(c.cx, c.zoom, lo.x, hi.x, f.anchor.x, f.view_min.x, f.view_max.x, f.margin);
    c.cy = ClampAxis(c.cy, c.zoom, lo.y, hi.y, f.anchor.y, f.view_min.y, f.view_max.y, f.margin);
    return c;
}

Camera CentreOn(ImVec2 world, float zoom, ImVec2 lo, ImVec2 hi, const CameraFrame& f)
{
    Camera c;
    c.zoom = zoom;
    // The view's centre may differ from the anchor (a sheet covers part of the canvas).
    c.cx = world.x - (0.5f * (f.view_min.x + f.view_max.x) - f.anchor.x) / zoom;
    c.cy = world.y - (0.5f * (f.view_min.y + f.view_max.y) - f.anchor.y) / zoom;
    return ClampCamera(c, lo, hi, f);
}

Camera FrameBox(ImVec2 a, ImVec2 b, ImVec2 focus, kiosk::core::LayoutDirection direction, ImVec2 lo, ImVec2 hi,
                const CameraFrame& f)
{
    const float fit = FitZoom(a, b, f);
    if (fit >= kReadableZoom)
        return CentreOn(ImVec2(0.5f * (a.x + b.x), 0.5f * (a.y + b.y)), std::min(fit, kMaxFitZoom), lo, hi, f);
    const float z = kReadableZoom;
    const float vw = f.view_max.x - f.view_min.x - 2.0f * f.margin;
    const float vh = f.view_max.y - f.view_min.y - 2.0f * f.margin;
    ImVec2 centre;
    if (direction == kiosk::core::LayoutDirection::LeftToRight)
    {
        centre.x = (b.x - a.x) * z <= vw ? 0.5f * (a.x + b.x) : a.x + 0.5f * vw / z;
        centre.y = (b.y - a.y) * z <= vh ? 0.5f * (a.y + b.y) : focus.y;
    }
    else
    {
        centre.y = (b.y - a.y) * z <= vh ? 0.5f * (a.y + b.y) : a.y + 0.5f * vh / z;
        centre.x = (b.x - a.x) * z <= vw ? 0.5f * (a.x + b.x) : focus.x;
    }
    return CentreOn(centre, z, lo, hi, f);
}

Camera FrameFocus(ImVec2 a, ImVec2 b, ImVec2 fa, ImVec2 fb, float along, kiosk::core::LayoutDirection direction,
                  ImVec2 lo, ImVec2 hi, const CameraFrame& f)
{
    const float fit = FitZoom(a, b, f);
    if (fit >= kReadableZoom)
        return CentreOn(ImVec2(0.5f * (a.x + b.x), 0.5f * (a.y + b.y)), std::min(fit, kMaxFitZoom), lo, hi, f);
    const float z = std::min(kReadableZoom, FitZoom(fa, fb, f));
    // Along the flow: the focus's start at view start + along * (the room the focus leaves).
    auto place = [&](float f0, float f1, float v0, float v1)
    {
        const float room = std::max(0.0f, (v1 - v0 - 2.0f * f.margin) - (f1 - f0) * z);
        const float screen_start = v0 + f.margin + std::clamp(along, 0.0f, 1.0f) * room;
        // The world point at the view's centre puts f0 at screen_start.
        return f0 + (0.5f * (v0 + v1) - screen_start) / z;
    };
    ImVec2 centre(0.5f * (fa.x + fb.x), 0.5f * (fa.y + fb.y));
    if (direction == kiosk::core::LayoutDirection::LeftToRight)
        centre.x = place(fa.x, fb.x, f.view_min.x, f.view_max.x);
    else
        centre.y = place(fa.y, fb.y, f.view_min.y, f.view_max.y);
    return CentreOn(centre, z, lo, hi, f);
}

bool BoxVisible(const Camera& c, const CameraFrame& f, ImVec2 a, ImVec2 b)
{
    const ImVec2 s0 = WorldToScreen(c, f, a), s1 = WorldToScreen(c, f, b);
    return s0.x >= f.view_min.x + 0.5f * f.margin && s0.y >= f.view_min.y + 0.5f * f.margin &&
           s1.x <= f.view_max.x - 0.5f * f.margin && s1.y <= f.view_max.y - 0.5f * f.margin;
}

Camera ZoomAround(const Camera& c, const CameraFrame& f, ImVec2 p, float factor, float min_zoom)
{
    const ImVec2 w = ScreenToWorld(c, f, p);
    Camera out = c;
    out.zoom = std::clamp(c.zoom * factor, std::min(min_zoom, kMaxZoom), kMaxZoom);
    // Keep w under p: p = anchor + (w - c') * z'  =>  c' = w - (p - anchor) / z'.
    out.cx = w.x - (p.x - f.anchor.x) / out.zoom;
    out.cy = w.y - (p.y - f.anchor.y) / out.zoom;
    return out;
}

float EaseInOut(float t)
{
    t = std::clamp(t, 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
}

Camera LerpCamera(const Camera& a, const Camera& b, float t)
{
    t = std::clamp(t, 0.0f, 1.0f);
    Camera c;
    const float za = std::max(a.zoom, 1e-4f), zb = std::max(b.zoom, 1e-4f);
    c.zoom = za * std::pow(zb / za, t);
    // The centre moves in proportion to how far the zoom has gone (in screen terms), so a pure
    // zoom keeps its fixed point and a pure pan moves linearly.
    float s = t;
    if (std::fabs(zb - za) > 1e-4f * za)
        s = (1.0f / c.zoom - 1.0f / za) / (1.0f / zb - 1.0f / za);
    c.cx = a.cx + (b.cx - a.cx) * s;
    c.cy = a.cy + (b.cy - a.cy) * s;
    return c;
}
} // namespace kiosk::ui
