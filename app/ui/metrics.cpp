#include "ui/metrics.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
float PixelsPerMm(float screen_w, float screen_h, float physical_mm_w, float physical_mm_h)
{
    if (physical_mm_w >= 40.0f && physical_mm_h >= 40.0f && screen_w > 0.0f)
    {
        const float density = screen_w / physical_mm_w;
        if (density >= 1.0f && density <= 40.0f)
            return density;
    }
    const float short_side = std::min(screen_w, screen_h);
    const float diagonal_px = std::sqrt(screen_w * screen_w + screen_h * screen_h);
    const float inches = short_side <= kSmallPanelMaxShortSidePx ? kSmallPanelDiagonalInches : kDefaultDiagonalInches;
    const float assumed = diagonal_px / (inches * kMmPerInch);
    return std::max(assumed, kMinPxPerMm);
}

Metrics ComputeMetrics(float screen_w, float screen_h, float physical_mm_w, float physical_mm_h, bool larger_text)
{
    Metrics m;
    screen_w = std::max(screen_w, 1.0f);
    screen_h = std::max(screen_h, 1.0f);
    m.screen_w = screen_w;
    m.screen_h = screen_h;
    m.px_per_mm = PixelsPerMm(screen_w, screen_h, physical_mm_w, physical_mm_h);
    const float short_side = std::min(screen_w, screen_h);
    float em = std::max({0.025f * short_side, 3.0f * m.px_per_mm, kMinEmPx});
    if (larger_text)
        em *= kLargerTextScale;
    m.em = std::round(em);
    m.touch_min = std::ceil(std::max(9.0f * m.px_per_mm, 1.8f * m.em));
    m.gap = std::ceil(std::max(kMinGapMm * m.px_per_mm, 0.6f * m.em));
    return m;
}
} // namespace kiosk::ui
