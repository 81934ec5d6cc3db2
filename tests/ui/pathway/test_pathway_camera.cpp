// The flowchart camera's math: readable fit, clamping, zoom around a point, eased moves.
#include "ui/pathway/pathway_camera.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::core::LayoutDirection;

namespace
{
CameraFrame Frame1000x500()
{
    CameraFrame f;
    f.anchor = ImVec2(500, 250);
    f.view_min = ImVec2(0, 0);
    f.view_max = ImVec2(1000, 500);
    f.margin = 10;
    return f;
}
} // namespace

TEST_CASE("a small graph is fitted whole, never blown up past the fit limit", "[ui][pathway][camera]")
{
    const CameraFrame f = Frame1000x500();
    const Camera c = FrameBox(ImVec2(0, 0), ImVec2(400, 100), ImVec2(200, 50), LayoutDirection::LeftToRight,
                              ImVec2(0, 0), ImVec2(400, 100), f);
    CHECK(c.zoom == Approx(kMaxFitZoom));
    const ImVec2 centre = WorldToScreen(c, f, ImVec2(200, 50));
    CHECK(centre.x == Approx(500));
    CHECK(centre.y == Approx(250));
}

TEST_CASE("a graph too big to read whole is shown at readable zoom from its start", "[ui][pathway][camera]")
{
    const CameraFrame f = Frame1000x500();
    const ImVec2 lo(0, 0), hi(5000, 2000);
    const Camera lr = FrameBox(lo, hi, ImVec2(100, 1500), LayoutDirection::LeftToRight, lo, hi, f);
    CHECK(lr.zoom == Approx(kReadableZoom));
    CHECK(WorldToScreen(lr, f, lo).x == Approx(10));                 // the start at the left edge, after the margin
    CHECK(WorldToScreen(lr, f, ImVec2(100, 1500)).y == Approx(250)); // cross axis on the focus
    const Camera tb = FrameBox(lo, hi, ImVec2(4000, 100), LayoutDirection::TopToBottom, lo, hi, f);
    CHECK(WorldToScreen(tb, f, lo).y == Approx(10));
    CHECK(WorldToScreen(tb, f, ImVec2(4000, 100)).x == Approx(500));
}

TEST_CASE("panning stops where the content's edge meets the view's edge", "[ui][pathway][camera]")
{
    const CameraFrame f = Frame1000x500();
    const ImVec2 lo(0, 0), hi(3000, 300);
    Camera c{-5000, 150, 1};
    c = ClampCamera(c, lo, hi, f);
    CHECK(WorldToScreen(c, f, lo).x == Approx(10));
    c.cx = 99999;
    c = ClampCamera(c, lo, hi, f);
    CHECK(WorldToScreen(c, f, hi).x == Approx(990));
    // The content is shorter than the view: it stays centred vertically.
    c.cy = -400;
    c = ClampCamera(c, lo, hi, f);
    CHECK(WorldToScreen(c, f, ImVec2(0, 150)).y == Approx(250));
}

TEST_CASE("zooming keeps the point under the finger in place", "[ui][pathway][camera]")
{
    const CameraFrame f = Frame1000x500();
    const Camera c{300, 200, 1};
    const ImVec2 p(800, 100);
    const ImVec2 w = ScreenToWorld(c, f, p);
    const Camera z = ZoomAround(c, f, p, 2.0f, 0.1f);
    CHECK(z.zoom == Approx(2));
    const ImVec2 back = WorldToScreen(z, f, w);
    CHECK(back.x == Approx(p.x));
    CHECK(back.y == Approx(p.y));
    CHECK(ZoomAround(c, f, p, 100.0f, 0.1f).zoom == Approx(kMaxZoom));
    CHECK(ZoomAround(c, f, p, 0.001f, 0.1f).zoom == Approx(0.1f));
    // Half way through an eased zoom the same point is still under the finger.
    const Camera mid = LerpCamera(c, z, 0.5f);
    CHECK(WorldToScreen(mid, f, w).x == Approx(p.x).margin(0.01));
    CHECK(WorldToScreen(mid, f, w).y == Approx(p.y).margin(0.01));
}

TEST_CASE("an eased move starts and ends exactly at its cameras", "[ui][pathway][camera]")
{
    const Camera a{0, 0, 1}, b{500, -200, 0.5f};
    CHECK(LerpCamera(a, b, 0).cx == Approx(0));
    CHECK(LerpCamera(a, b, 1).cx == Approx(500));
    CHECK(LerpCamera(a, b, 1).zoom == Approx(0.5f));
    CHECK(EaseInOut(0) == 0);
    CHECK(EaseInOut(1) == 1);
    CHECK(EaseInOut(0.5f) == Approx(0.5f));
    const CameraFrame f = Frame1000x500();
    CHECK(MinZoom(ImVec2(0, 0), ImVec2(100000, 100), f) == Approx(kMinZoomFloor));
    CHECK(MinZoom(ImVec2(0, 0), ImVec2(100, 100), f) == Approx(kReadableZoom));
}
