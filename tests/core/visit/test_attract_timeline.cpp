// Attract timeline: slide order, cross-fade continuity, nothing faster than 2 Hz, burn-in shift,
// the pan/zoom window, and the edge cases (no slides, bad times).
#include "core/visit/attract_timeline.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

using namespace kiosk::core;

namespace
{
// What the visitor sees of the slides, as one number per slide layer, for continuity checks.
double ShownZoom(const AttractFrame& f)
{
    return f.fade < 0.5 ? f.current_motion.zoom : f.next_motion.zoom;
}

// Counts the turning points (local extremes) of a sampled signal inside every 1 s window and
// returns the largest count. A signal at 2 Hz turns 4 times a second.
int MaxTurnsPerSecond(const std::vector<double>& v, double dt)
{
    std::vector<double> turns;
    for (size_t i = 1; i + 1 < v.size(); ++i)
    {
        const double a = v[i] - v[i - 1], b = v[i + 1] - v[i];
        if ((a > 1e-12 && b < -1e-12) || (a < -1e-12 && b > 1e-12))
            turns.push_back(static_cast<double>(i) * dt);
    }
    int most = 0;
    for (size_t i = 0; i < turns.size(); ++i)
    {
        int n = 0;
        for (size_t j = i; j < turns.size() && turns[j] < turns[i] + 1.0; ++j)
            ++n;
        most = std::max(most, n);
    }
    return most;
}
} // namespace

TEST_CASE("slides follow in order and wrap round", "[attract]")
{
    const double s = 8.0;
    std::vector<int> order;
    for (int slot = 0; slot < 7; ++slot)
    {
        const AttractFrame f = AttractAt(slot * s + 0.5, 3, s);
        CHECK(f.slot == slot);
        CHECK(f.next == (f.current + 1) % 3);
        order.push_back(f.current);
    }
    CHECK(order == std::vector<int>{0, 1, 2, 0, 1, 2, 0});
    // One slide: it fades into itself (a fresh pan and zoom), never to nothing.
    const AttractFrame one = AttractAt(7.9, 1, s);
    CHECK(one.current == 0);
    CHECK(one.next == 0);
}

TEST_CASE("the cross-fade rises monotonically from 0 to 1 at the end of each slot", "[attract]")
{
    const double s = 8.0;
    for (int slot = 0; slot < 3; ++slot)
    {
        const double start = slot * s;
        CHECK(AttractAt(start + 0.01, 4, s).fade == 0.0);
        CHECK(AttractAt(start + s - kAttractFadeS - 0.01, 4, s).fade == 0.0);
        double prev = 0.0;
        for (double t = start + s - kAttractFadeS; t < start + s; t += 0.01)
        {
            const double a = AttractAt(t, 4, s).fade;
            CHECK(a >= prev);
            CHECK(a >= 0.0);
            CHECK(a <= 1.0);
            prev = a;
        }
        CHECK(prev > 0.99);
    }
}

TEST_CASE("the picture is continuous across slot boundaries", "[attract]")
{
    const double s = 6.0;
    for (int slot = 1; slot < 5; ++slot)
    {
        const double b = slot * s;
        const AttractFrame before = AttractAt(b - 1e-6, 3, s);
        const AttractFrame after = AttractAt(b, 3, s);
        CHECK(before.next == after.current);
        CHECK(before.fade == Approx(1.0).margin(1e-6));
        CHECK(after.fade == 0.0);
        CHECK(before.next_motion.zoom == Approx(after.current_motion.zoom).margin(1e-6));
        CHECK(before.next_motion.pan_x == Approx(after.current_motion.pan_x).margin(1e-6));
        CHECK(before.next_motion.pan_y == Approx(after.current_motion.pan_y).margin(1e-6));
        CHECK(ShownZoom(before) == Approx(ShownZoom(after)).margin(1e-6));
    }
}

TEST_CASE("pan and zoom stay gentle and alternate direction", "[attract]")
{
    const double s = 8.0;
    for (double t = 0; t < 100; t += 0.05)
    {
        const AttractFrame f = AttractAt(t, 5, s);
        for (const KenBurns& k : {f.current_motion, f.next_motion})
        {
            CHECK(k.zoom >= 1.0);
            CHECK(k.zoom <= kKenBurnsMaxZoom + 1e-12);
            CHECK(std::fabs(k.pan_x) <= kKenBurnsPan + 1e-12);
            CHECK(std::fabs(k.pan_y) <= kKenBurnsPan + 1e-12);
        }
    }
    // Zoom grows through a slot; pan directions differ from one slot to the next.
    const AttractFrame a0 = AttractAt(1.0, 5, s), a1 = AttractAt(6.0, 5, s);
    CHECK(a1.current_motion.zoom > a0.current_motion.zoom);
    const AttractFrame b0 = AttractAt(s + 1.0, 5, s), b1 = AttractAt(s + 6.0, 5, s);
    const double dx0 = a1.current_motion.pan_x - a0.current_motion.pan_x;
    const double dx1 = b1.current_motion.pan_x - b0.current_motion.pan_x;
    CHECK(dx0 * dx1 < 0.0);
}

TEST_CASE("nothing changes faster than 2 Hz", "[attract]")
{
    const double dt = 1.0 / 120.0;
    for (double slide_s : {8.0, 3.0, 0.2, 0.0})
    {
        INFO("slide_s " << slide_s);
        std::vector<double> fade, pulse, zoom, pan, burn;
        std::vector<std::int64_t> slot;
        for (double t = 0; t < 200.0; t += dt)
        {
            const AttractFrame f = AttractAt(t, 4, slide_s);
            fade.push_back(f.fade);
            slot.push_back(f.slot);
            pulse.push_back(f.prompt_pulse);
            zoom.push_back(ShownZoom(f));
            pan.push_back(f.fade < 0.5 ? f.current_motion.pan_x : f.next_motion.pan_x);
            burn.push_back(f.burn_in_x_em * 100 + f.burn_in_y_em);
        }
        for (const auto* v : {&fade, &pulse, &zoom, &pan, &burn})
            CHECK(MaxTurnsPerSecond(*v, dt) <= 4);
        // No full swing of the fade or the pulse in under a quarter of a second. (The fade drops
        // from 1 to 0 where the slot changes, as the faded-in slide becomes the current one.)
        for (size_t i = 1; i < fade.size(); ++i)
        {
            if (slot[i] == slot[i - 1])
                CHECK(std::fabs(fade[i] - fade[i - 1]) <= 4.0 * dt);
            CHECK(std::fabs(pulse[i] - pulse[i - 1]) <= 4.0 * dt);
        }
    }
    CHECK(kPromptPulsePeriodS >= 2.0);
}

TEST_CASE("the burn-in offset moves once a minute and stays within bounds", "[attract]")
{
    int changes = 0;
    AttractFrame prev = AttractAt(0, 3, 8);
    for (double t = 0.5; t < 20 * 60; t += 0.5)
    {
        const AttractFrame f = AttractAt(t, 3, 8);
        CHECK(std::fabs(f.burn_in_x_em) <= kBurnInMaxEm);
        CHECK(std::fabs(f.burn_in_y_em) <= kBurnInMaxEm);
        CHECK(f.burn_in_step == static_cast<std::int64_t>(std::floor(t / 60.0)));
        const bool moved = f.burn_in_x_em != prev.burn_in_x_em || f.burn_in_y_em != prev.burn_in_y_em;
        if (moved)
        {
            ++changes;
            CHECK(std::fmod(t, 60.0) == 0.0); // only on the minute
        }
        if (f.burn_in_step != prev.burn_in_step)
            CHECK(moved); // and every minute
        prev = f;
    }
    CHECK(changes == 19);
    // Deterministic: the same minute gives the same offset.
    CHECK(AttractAt(3 * 60 + 1, 0, 8).burn_in_x_em == AttractAt(3 * 60 + 59, 5, 2).burn_in_x_em);
}

TEST_CASE("no slides, bad times and bad lengths are handled", "[attract]")
{
    const AttractFrame none = AttractAt(12.0, 0, 8.0);
    CHECK(none.current == -1);
    CHECK(none.next == -1);
    CHECK(none.fade == 0.0);
    CHECK(none.prompt_pulse >= 0.0);
    const AttractFrame negative = AttractAt(5.0, -3, 8.0);
    CHECK(negative.slide_count == 0);
    CHECK(negative.current == -1);

    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    for (double t : {nan, inf, -inf, -50.0})
    {
        const AttractFrame f = AttractAt(t, 3, 8.0);
        CHECK(f.current == 0);
        CHECK(f.slot == 0);
        CHECK(f.fade == 0.0);
    }
    CHECK(EffectiveSlideSeconds(nan) == kAttractDefaultSlideS);
    CHECK(EffectiveSlideSeconds(-1) == kAttractDefaultSlideS);
    CHECK(EffectiveSlideSeconds(0.5) == kAttractMinSlideS);
    CHECK(EffectiveSlideSeconds(12) == 12);
    // A very long run still counts slots correctly.
    const AttractFrame late = AttractAt(30.0 * 24 * 3600 + 1.0, 7, 8.0);
    CHECK(late.slot == 324000);
    CHECK(late.current == 324000 % 7);
}

TEST_CASE("the pan/zoom window covers the box and stays inside the image", "[attract]")
{
    // No motion: a centred cover crop.
    UvWindow w = KenBurnsWindow(KenBurns{}, 2.0, 1.0);
    CHECK(w.u0 == Approx(0.25));
    CHECK(w.u1 == Approx(0.75));
    CHECK(w.v0 == Approx(0.0));
    CHECK(w.v1 == Approx(1.0));
    // Zoomed and panned hard: the window shrinks and is clamped inside [0, 1].
    for (double ia : {0.5, 1.0, 1.5, 3.0})
        for (double ba : {0.56, 1.0, 1.78})
            for (double px : {-0.5, -kKenBurnsPan, 0.0, kKenBurnsPan, 0.5})
            {
                const UvWindow k = KenBurnsWindow(KenBurns{kKenBurnsMaxZoom, px, -px}, ia, ba);
                CHECK(k.u0 >= -1e-12);
                CHECK(k.v0 >= -1e-12);
                CHECK(k.u1 <= 1.0 + 1e-12);
                CHECK(k.v1 <= 1.0 + 1e-12);
                // The window has the box's shape in image pixels.
                CHECK(((k.u1 - k.u0) * ia) / (k.v1 - k.v0) == Approx(ba));
            }
    const UvWindow bad = KenBurnsWindow(KenBurns{std::nan(""), std::nan(""), 0}, 0.0, -1.0);
    CHECK(bad.u0 == Approx(0.0));
    CHECK(bad.u1 == Approx(1.0));
}

// content/README.md ("Pictures") promises editors that the middle 85% of a 3:2 photograph's
// width and 70% of its height are always on screen on the attract loop, whatever the moment, at
// every screen shape the kiosk is made for (landscape: the whole screen; portrait: a 3:2 box).
TEST_CASE("the attract loop keeps the middle of a 3:2 photograph in view, as the guide says", "[attract]")
{
    const double photo = 1.5;
    for (double box : {800.0 / 480.0, 1280.0 / 800.0, 1920.0 / 1080.0, 3840.0 / 2160.0, 1.5})
        for (double t = 0.0; t < 4 * 8.0; t += 0.05)
        {
            const AttractFrame f = AttractAt(t, 5, 8.0);
            for (const KenBurns& motion : {f.current_motion, f.next_motion})
            {
                INFO("box " << box << " t " << t);
                const UvWindow w = KenBurnsWindow(motion, photo, box);
                CHECK(w.u0 <= 0.075);
                CHECK(w.u1 >= 0.925);
                CHECK(w.v0 <= 0.15);
                CHECK(w.v1 >= 0.85);
            }
        }
}

TEST_CASE("a preview of slide N shows it at rest, between the fades", "[attract]")
{
    for (double slide_s : {3.0, 8.0, 20.0})
        for (int n = 0; n < 12; n++)
        {
            const AttractFrame f = AttractAt(AttractRestTime(n, slide_s), 12, slide_s);
            CHECK(f.current == n);
            CHECK(f.fade == 0.0);
        }
}
