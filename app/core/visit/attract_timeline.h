// The attract loop's timeline as a pure function of time: which slide shows, the cross-fade to
// the next one, the slow pan and zoom ("Ken Burns") of both, the "Touch to explore" pulse and
// the burn-in shift of the static elements. The UI only draws what this returns.
//
// Timing contract (so nothing strobes: every signal here moves slower than 2 Hz):
//  - slot k covers [k * slide_s, (k + 1) * slide_s) and shows slide k % slide_count;
//  - the last kAttractFadeS seconds of a slot cross-fade to the next slide (smoothstep, so the
//    fade starts and ends gently);
//  - each slide zooms from 1.0 to kKenBurnsMaxZoom over the whole time it is visible (its
//    fade-in, its slot and nothing else: it is gone once its fade-out ends) and pans a few
//    percent of the image; the direction turns a quarter for each slot;
//  - the prompt pulses with period kPromptPulsePeriodS;
//  - the burn-in offset moves once a minute, to the next of nine positions a few pixels apart.
#pragma once
#include <cstdint>

namespace kiosk::core
{
inline constexpr double kAttractFadeS = 1.2;         // cross-fade length at the end of each slot
inline constexpr double kAttractMinSlideS = 3.0;     // shorter slides are lengthened to this
inline constexpr double kAttractDefaultSlideS = 8.0; // used when slide_s is not a positive number
inline constexpr double kKenBurnsMaxZoom = 1.08;     // zoom at the end of a slide's life
inline constexpr double kKenBurnsPan = 0.03;         // pan travel, as a fraction of the image, each way
inline constexpr double kPromptPulsePeriodS = 3.0;   // one slow breath of the "Touch to explore" prompt
inline constexpr double kBurnInPeriodS = 60.0;       // static elements move once a minute
inline constexpr double kBurnInMaxEm = 0.3;          // and never further than this from home, each axis

// Slow pan and zoom of one slide. zoom >= 1 magnifies the image about its centre; pan_x and
// pan_y shift the view's centre by that fraction of the image (|pan| <= kKenBurnsPan).
struct KenBurns
{
    double zoom = 1.0;
    double pan_x = 0.0;
    double pan_y = 0.0;
};

struct AttractFrame
{
    int slide_count = 0;      // as given (0 or less: no slides; current and next are -1)
    int current = -1;         // slide shown in this slot
    int next = -1;            // slide fading in at the end of the slot (current again with 1 slide)
    std::int64_t slot = 0;    // slots since the loop started (0, 1, 2 ...)
    double slot_progress = 0; // 0 at the start of the slot, towards 1 at its end
    double fade = 0;          // 0: only current shows; 1: only next. Rises 0 -> 1 in the fade window
    KenBurns current_motion;
    KenBurns next_motion;          // where next starts; continuous with current_motion of the following slot
    double prompt_pulse = 0;       // 0..1, a cosine with period kPromptPulsePeriodS (0 at t = 0)
    std::int64_t burn_in_step = 0; // floor(t / kBurnInPeriodS)
    double burn_in_x_em = 0;       // offset for every static element, in ems, |x|,|y| <= kBurnInMaxEm
    double burn_in_y_em = 0;
};

// The frame at t_s seconds since the attract loop started. slide_s below kAttractMinSlideS is
// raised to it; a non-finite or non-positive slide_s means kAttractDefaultSlideS. A negative or
// non-finite t_s counts as 0 (a clock that ran backwards holds the first frame).
AttractFrame AttractAt(double t_s, int slide_count, double slide_s);

// The slide length AttractAt actually uses for slide_s.
double EffectiveSlideSeconds(double slide_s);

// When a preview shows slide `index` (from 0) of the loop's first pass at rest: the middle of
// its slot's still part, after its fade-in and before its fade-out (AttractAt gives fade 0).
double AttractRestTime(int index, double slide_s);

// A texture window in normalised image coordinates (0..1), for drawing an image so that it
// covers a box (cropped, never letterboxed) with the given pan and zoom. The window always
// stays inside the image: pan is limited to what the zoom and the crop leave room for.
struct UvWindow
{
    double u0 = 0, v0 = 0, u1 = 1, v1 = 1;
};
UvWindow KenBurnsWindow(const KenBurns& motion, double image_aspect, double box_aspect);
} // namespace kiosk::core
