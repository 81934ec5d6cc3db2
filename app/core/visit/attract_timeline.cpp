#include "core/visit/attract_timeline.h"

#include <algorithm>
#include <cmath>

namespace kiosk::core
{
namespace
{
constexpr double kPi = 3.14159265358979323846;

// Pan directions, one per slot in turn (unit-ish vectors; y is down the image).
constexpr double kPanDirections[4][2] = {{1.0, 0.4}, {-1.0, -0.4}, {-0.5, 1.0}, {0.5, -1.0}};

// The burn-in positions, visited one a minute in this order; each differs from the one before
// (the last from the first too), so the offset really moves every minute.
constexpr int kBurnInPositions[9][2] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}};

double SmoothStep(double x)
{
    x = std::clamp(x, 0.0, 1.0);
    return x * x * (3.0 - 2.0 * x);
}

// The motion of the slide shown in slot `slot` at time t: visible from its fade-in (the fade
// window before the slot) to the end of its fade-out (the end of the slot).
KenBurns MotionFor(std::int64_t slot, double t, double slide_s, double fade_s)
{
    const double visible_from = static_cast<double>(slot) * slide_s - fade_s;
    const double life = slide_s + fade_s;
    const double p = std::clamp((t - visible_from) / life, 0.0, 1.0);
    const auto* dir = kPanDirections[slot % 4];
    KenBurns k;
    k.zoom = 1.0 + (kKenBurnsMaxZoom - 1.0) * p;
    k.pan_x = dir[0] * kKenBurnsPan * (2.0 * p - 1.0);
    k.pan_y = dir[1] * kKenBurnsPan * (2.0 * p - 1.0);
    return k;
}

double SafeAspect(double aspect)
{
    return std::isfinite(aspect) && aspect > 0.0 ? aspect : 1.0;
}
} // namespace

double EffectiveSlideSeconds(double slide_s)
{
    if (!std::isfinite(slide_s) || slide_s <= 0.0)
        return kAttractDefaultSlideS;
    return std::max(slide_s, kAttractMinSlideS);
}

double AttractRestTime(int index, double slide_s)
{
    const double slide = EffectiveSlideSeconds(slide_s);
    const double fade = std::min(kAttractFadeS, 0.5 * slide);
    return std::max(index, 0) * slide + 0.5 * (slide - fade);
}

AttractFrame AttractAt(double t_s, int slide_count, double slide_s)
{
    AttractFrame f;
    const double t = std::isfinite(t_s) && t_s > 0.0 ? t_s : 0.0;
    const double slide = EffectiveSlideSeconds(slide_s);
    const double fade = std::min(kAttractFadeS, 0.5 * slide);

    f.prompt_pulse = 0.5 - 0.5 * std::cos(2.0 * kPi * t / kPromptPulsePeriodS);
    f.burn_in_step = static_cast<std::int64_t>(std::floor(t / kBurnInPeriodS));
    const auto* pos = kBurnInPositions[f.burn_in_step % 9];
    f.burn_in_x_em = pos[0] * kBurnInMaxEm;
    f.burn_in_y_em = pos[1] * kBurnInMaxEm;

    f.slide_count = std::max(slide_count, 0);
    f.slot = static_cast<std::int64_t>(std::floor(t / slide));
    const double slot_start = static_cast<double>(f.slot) * slide;
    f.slot_progress = std::clamp((t - slot_start) / slide, 0.0, 1.0);
    if (f.slide_count == 0)
        return f;
    f.current = static_cast<int>(f.slot % f.slide_count);
    f.next = static_cast<int>((f.slot + 1) % f.slide_count);
    const double fade_start = slot_start + slide - fade;
    f.fade = SmoothStep((t - fade_start) / fade);
    f.current_motion = MotionFor(f.slot, t, slide, fade);
    f.next_motion = MotionFor(f.slot + 1, t, slide, fade);
    return f;
}

UvWindow KenBurnsWindow(const KenBurns& motion, double image_aspect, double box_aspect)
{
    image_aspect = SafeAspect(image_aspect);
    box_aspect = SafeAspect(box_aspect);
    // Cover: the part of the image with the box's shape, as large as it can be.
    double w = 1.0, h = 1.0;
    if (image_aspect > box_aspect)
        w = box_aspect / image_aspect;
    else
        h = image_aspect / box_aspect;
    const double zoom = std::isfinite(motion.zoom) ? std::max(motion.zoom, 1.0) : 1.0;
    w /= zoom;
    h /= zoom;
    const double pan_x = std::isfinite(motion.pan_x) ? motion.pan_x : 0.0;
    const double pan_y = std::isfinite(motion.pan_y) ? motion.pan_y : 0.0;
    const double cu = std::clamp(0.5 + pan_x, 0.5 * w, 1.0 - 0.5 * w);
    const double cv = std::clamp(0.5 + pan_y, 0.5 * h, 1.0 - 0.5 * h);
    return UvWindow{cu - 0.5 * w, cv - 0.5 * h, cu + 0.5 * w, cv + 0.5 * h};
}
} // namespace kiosk::core
