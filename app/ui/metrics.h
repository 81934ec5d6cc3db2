// Screen metrics: every size a screen uses comes from here, derived from the screen's pixel
// size and (when known) its physical size. Pure: no ImGui, no clock.
#pragma once
#include "core/admin/admin_corner.h"
#include "ui/ui_context.h"

namespace kiosk::ui
{
// Millimetres per inch, and the physical size assumed when the monitor does not report one.
inline constexpr float kMmPerInch = 25.4f;
inline constexpr float kDefaultDiagonalInches = 15.6f;     // a common portable touch monitor
inline constexpr float kSmallPanelDiagonalInches = 7.0f;   // the Raspberry Pi touch display
inline constexpr float kSmallPanelMaxShortSidePx = 600.0f; // at or below this: assume the 7" panel
inline constexpr float kMinPxPerMm = 96.0f / 25.4f;        // never assume less than 96 dpi
inline constexpr float kLargerTextScale = 1.25f;
inline constexpr float kMinGapMm = 2.0f; // between touch targets (issue 11's target check; 8 dp is 1.3 mm)

// Pixels per millimetre. physical_mm_w/h are the monitor's size as reported (GLFW); 0 or
// nonsense (under 40 mm, or a density outside 1-40 px/mm) means unknown, and then we assume
// a 15.6-inch panel (7-inch for screens of 600 px or less on the shorter side, the Raspberry
// Pi display), never below 96 dpi. Assuming a dense screen errs on the side of larger targets.
float PixelsPerMm(float screen_w, float screen_h, float physical_mm_w, float physical_mm_h);

inline constexpr float kMinEmPx = 16.0f; // below this no screen is comfortable to read at a stand

// em = max(2.5% of the shorter side, 3 mm, 16 px), times 1.25 with larger_text.
// touch_min = max(9 mm, 1.8 em); gap = max(2 mm, 0.6 em).
Metrics ComputeMetrics(float screen_w, float screen_h, float physical_mm_w, float physical_mm_h, bool larger_text);

// The admin corner on this screen: a square of 1.5 touch targets (core::kAdminCornerSizeTargets).
inline core::CornerGeometry AdminCorner(const Metrics& m)
{
    return core::CornerGeometry{core::kAdminCornerSizeTargets * m.touch_min, m.px_per_mm};
}
} // namespace kiosk::ui
