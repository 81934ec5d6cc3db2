// The corner long-press that opens the admin panel: timing, moving or lifting cancels, it fires
// once per press, and presses elsewhere or sliding in never count.
#include "core/admin/admin_corner.h"

#include <catch2/catch.hpp>
#include <limits>

using namespace kiosk::core;

namespace
{
// A screen's corner as ui::AdminCorner() gives it: 1.5 touch targets of `touch_min` pixels.
CornerGeometry Corner(float touch_min, float px_per_mm)
{
    return CornerGeometry{kAdminCornerSizeTargets * touch_min, px_per_mm};
}

// Holds the pointer at (x, y) from t0 to t1 in 60 Hz steps; returns how many times it fired.
int Hold(CornerPressState& s, const CornerGeometry& m, float x, float y, double t0, double t1)
{
    int fired = 0;
    for (double t = t0; t <= t1 + 1e-9; t += 1.0 / 60.0)
        fired += UpdateCornerPress(s, m, true, x, y, t) ? 1 : 0;
    return fired;
}
} // namespace

TEST_CASE("a press held still in the corner for 3 s fires once", "[core][admin]")
{
    const CornerGeometry m = Corner(54.0f, 5.65f); // 1920x1080 on a 15.6-inch panel
    CornerPressState s;
    const float x = 0.5f * (m.side_px / kAdminCornerSizeTargets), y = 0.5f * (m.side_px / kAdminCornerSizeTargets);
    CHECK(Hold(s, m, x, y, 10.0, 12.9) == 0);
    CHECK(CornerPressProgress(s, 12.5) == Approx(2.5 / 3.0));
    CHECK(Hold(s, m, x, y, 12.92, 13.05) == 1);
    // Holding on does not fire again; release and press again does.
    CHECK(Hold(s, m, x, y, 13.1, 20.0) == 0);
    UpdateCornerPress(s, m, false, x, y, 20.1);
    CHECK(Hold(s, m, x, y, 21.0, 24.1) == 1);
}

TEST_CASE("lifting before 3 s cancels", "[core][admin]")
{
    const CornerGeometry m = Corner(48.0f, 4.75f); // 1280x800
    CornerPressState s;
    CHECK(Hold(s, m, 10, 10, 0.0, 2.5) == 0);
    CHECK_FALSE(UpdateCornerPress(s, m, false, 10, 10, 2.6));
    CHECK(CornerPressProgress(s, 2.6) == 0.0f);
    CHECK(Hold(s, m, 10, 10, 2.7, 5.6) == 0); // a new press starts the 3 s again
    CHECK(Hold(s, m, 10, 10, 5.7, 5.8) == 1);
}

TEST_CASE("moving a few mm or leaving the corner cancels the press", "[core][admin]")
{
    const CornerGeometry m = Corner(54.0f, 5.65f); // 1920x1080 on a 15.6-inch panel
    const float far = (kAdminCornerMoveMm + 1.0f) * m.px_per_mm;
    const float near = 0.5f * kAdminCornerMoveMm * m.px_per_mm;
    {
        CornerPressState s;
        CHECK(Hold(s, m, 5, 5, 0.0, 1.0) == 0);
        CHECK(Hold(s, m, 5 + near, 5, 1.02, 3.5) == 1); // small wobble is fine
    }
    {
        CornerPressState s;
        CHECK(Hold(s, m, 5, 5, 0.0, 1.0) == 0);
        CHECK(Hold(s, m, 5 + far, 5, 1.02, 1.1) == 0);
        CHECK(Hold(s, m, 5, 5, 1.12, 10.0) == 0); // coming back does not resume it
    }
    {
        CornerPressState s;
        const float side = m.side_px;
        CHECK(Hold(s, m, side - 2, side - 2, 0.0, 1.0) == 0);
        CHECK(Hold(s, m, side + 1, side - 2, 1.02, 5.0) == 0); // out of the square
    }
}

TEST_CASE("presses elsewhere or sliding into the corner never fire", "[core][admin]")
{
    const CornerGeometry m = Corner(54.0f, 5.65f); // 1920x1080 on a 15.6-inch panel
    CornerPressState s;
    CHECK(Hold(s, m, 500, 500, 0.0, 5.0) == 0);
    CHECK(Hold(s, m, 10, 10, 5.02, 12.0) == 0); // same press, slid into the corner
    UpdateCornerPress(s, m, false, 10, 10, 12.1);
    CHECK(Hold(s, m, 1920 - 10, 10, 13.0, 17.0) == 0); // top-right is not the corner
}

TEST_CASE("clock jumps and bad times", "[core][admin]")
{
    const CornerGeometry m = Corner(54.0f, 5.65f); // 1920x1080 on a 15.6-inch panel
    CornerPressState s;
    CHECK(Hold(s, m, 10, 10, 100.0, 101.0) == 0);
    // Back in time: timing restarts from the new now instead of firing early or never.
    CHECK(Hold(s, m, 10, 10, 50.0, 52.9) == 0);
    CHECK(Hold(s, m, 10, 10, 53.0, 53.1) == 1);
    CornerPressState t;
    CHECK_FALSE(UpdateCornerPress(t, m, true, 10, 10, std::numeric_limits<double>::quiet_NaN()));
    CHECK(Hold(t, m, 10, 10, 0.0, 3.1) == 1);
}
