// FramePacer: idle by default, a few frames after input, animation at its own interval, a short
// watch while a corner press is timed.
#include "shell/frame_pacer.h"

#include <catch2/catch.hpp>

using kiosk::app::FramePacer;
using kiosk::app::FramePacing;

TEST_CASE("the first pass draws; a still screen then draws the settle frames and sleeps", "[shell][pacing]")
{
    FramePacing pacing;
    FramePacer p(pacing);
    REQUIRE(p.ShouldDraw());
    int drawn = 0;
    for (int pass = 0; pass < 10; ++pass)
    {
        if (p.ShouldDraw())
        {
            p.Drawn(false);
            ++drawn;
        }
        const auto w = p.Wait(0, 0.001, false);
        p.Woke(false, false);
        if (!p.ShouldDraw())
        {
            CHECK_FALSE(w.poll);
            CHECK(w.timeout_s == pacing.max_sleep_s);
        }
    }
    CHECK(drawn == pacing.frames_after_input); // the first frame plus the settle frames, then nothing
}

TEST_CASE("input always draws, and restarts the settle frames", "[shell][pacing]")
{
    FramePacer p;
    for (int i = 0; i < 5; ++i)
    {
        p.Drawn(false);
        p.Woke(false, false);
    }
    REQUIRE_FALSE(p.ShouldDraw());
    p.Woke(true, false);
    CHECK(p.ShouldDraw());
    p.Drawn(false);
    CHECK(p.Wait(0, 0, false).poll); // settle frames come without sleeping
    p.Woke(false, false);
    CHECK(p.ShouldDraw());
}

TEST_CASE("news without input draws one frame", "[shell][pacing]")
{
    FramePacer p;
    for (int i = 0; i < 5; ++i)
    {
        p.Drawn(false);
        p.Woke(false, false);
    }
    p.Woke(false, true);
    CHECK(p.ShouldDraw());
    p.Drawn(false);
    p.Woke(false, false);
    CHECK_FALSE(p.ShouldDraw());
}

TEST_CASE("while animating it waits out the rest of the frame interval", "[shell][pacing]")
{
    FramePacing pacing;
    FramePacer p(pacing);
    p.Drawn(true);
    CHECK(p.Wait(0, 0.004, false).timeout_s == Approx(pacing.animation_interval_s - 0.004));
    CHECK(p.Wait(0.1, 0.03, false).timeout_s == Approx(0.07)); // the attract loop's own interval
    CHECK(p.Wait(0, 1.0, false).timeout_s == 0.0);             // a slow frame: no wait at all
    p.Woke(false, false);
    CHECK(p.ShouldDraw());
}

TEST_CASE("a timed corner press wakes the loop often", "[shell][pacing]")
{
    FramePacing pacing;
    FramePacer p(pacing);
    for (int i = 0; i < 5; ++i)
    {
        p.Drawn(false);
        p.Woke(false, false);
    }
    CHECK(p.Wait(0, 0, true).timeout_s == pacing.corner_watch_s);
    CHECK(p.Wait(0, 0, false).timeout_s == pacing.max_sleep_s);
}
