// Visit state machine: wake, idle countdown, reset, staff hold, clock jumps, and a simulated day.
#include "core/visit/visit_phase.h"

#include <catch2/catch.hpp>
#include <limits>
#include <random>

using namespace kiosk::core;

namespace
{
bool Has(const VisitOutput& out, VisitEffectKind kind)
{
    for (const VisitEffect& e : out.effects)
        if (e.kind == kind)
            return true;
    return false;
}

const VisitEffect* Find(const VisitOutput& out, VisitEffectKind kind)
{
    for (const VisitEffect& e : out.effects)
        if (e.kind == kind)
            return &e;
    return nullptr;
}

// Ticks every step seconds from `from` to `to` (exclusive) and collects all effects.
VisitOutput TickRange(VisitPhaseMachine& m, double from, double to, double step = 0.5)
{
    VisitOutput all;
    for (double t = from; t < to; t += step)
    {
        VisitOutput out = m.Tick(t);
        all.effects.insert(all.effects.end(), out.effects.begin(), out.effects.end());
    }
    return all;
}
} // namespace

TEST_CASE("the first touch in the attract loop starts a visit and is consumed", "[visit_state]")
{
    VisitPhaseMachine m;
    REQUIRE(m.Phase() == VisitPhase::Attract);
    VisitOutput out = m.Touch(100);
    CHECK(out.touch_consumed);
    REQUIRE(out.effects.size() == 1);
    CHECK(out.effects[0].kind == VisitEffectKind::VisitStarted);
    CHECK(out.effects[0].visit_number == 1);
    CHECK(m.Phase() == VisitPhase::Visiting);

    VisitOutput second = m.Touch(101);
    CHECK_FALSE(second.touch_consumed);
    CHECK(second.effects.empty());
}

TEST_CASE("idle timeout shows the countdown and its end resets the visit", "[visit_state]")
{
    VisitPhaseMachine m; // 60 s idle, 20 s countdown
    m.Touch(0);
    m.Touch(5); // last touch at 5
    CHECK(TickRange(m, 5, 64.9).effects.empty());
    VisitOutput show = m.Tick(65);
    REQUIRE(Has(show, VisitEffectKind::ShowStillThere));
    CHECK(Find(show, VisitEffectKind::ShowStillThere)->countdown_s == 20);
    CHECK(m.Phase() == VisitPhase::StillThere);
    CHECK(m.CountdownRemaining() == Approx(20));
    TickRange(m, 65, 75.1);
    CHECK(m.CountdownRemaining() == Approx(10));
    TickRange(m, 75, 84.9);
    CHECK(m.Phase() == VisitPhase::StillThere);

    VisitOutput end = m.Tick(85);
    REQUIRE(end.effects.size() == 2);
    CHECK(end.effects[0].kind == VisitEffectKind::VisitEnded);
    CHECK(end.effects[0].reason == VisitEndReason::IdleTimeout);
    CHECK(end.effects[0].duration_s == Approx(85));
    CHECK(end.effects[0].idle_s == Approx(80));
    CHECK(end.effects[1].kind == VisitEffectKind::ResetVisitState);
    CHECK(m.Phase() == VisitPhase::Attract);
}

TEST_CASE("a tap during the countdown cancels it and is consumed", "[visit_state]")
{
    VisitPhaseMachine m;
    m.Touch(0);
    TickRange(m, 0, 60.5);
    REQUIRE(m.Phase() == VisitPhase::StillThere);
    VisitOutput tap = m.Touch(63);
    CHECK(tap.touch_consumed);
    CHECK(Has(tap, VisitEffectKind::HideStillThere));
    CHECK(m.Phase() == VisitPhase::Visiting);
    // The idle timer restarts from the tap.
    CHECK_FALSE(Has(TickRange(m, 63, 122.9), VisitEffectKind::ShowStillThere));
    CHECK(Has(m.Tick(123), VisitEffectKind::ShowStillThere));
}

TEST_CASE("a late tick fires transitions at the exact time they were due", "[visit_state]")
{
    VisitSettings settings;
    settings.max_step_s = 1000; // no clock-jump clamping in this test
    VisitPhaseMachine m(settings);
    m.Touch(0);
    VisitOutput out = m.Tick(200); // one tick, long after the countdown ran out
    REQUIRE(out.effects.size() == 3);
    CHECK(out.effects[0].kind == VisitEffectKind::ShowStillThere);
    CHECK(out.effects[1].kind == VisitEffectKind::VisitEnded);
    CHECK(out.effects[1].duration_s == Approx(80));
    CHECK(out.effects[2].kind == VisitEffectKind::ResetVisitState);
}

TEST_CASE("a touch after the countdown ran out ends the old visit and starts a new one", "[visit_state]")
{
    VisitSettings settings;
    settings.max_step_s = 1000;
    VisitPhaseMachine m(settings);
    m.Touch(0);
    VisitOutput out = m.Touch(100);
    CHECK(out.touch_consumed);
    REQUIRE(out.effects.size() == 4);
    CHECK(out.effects[1].kind == VisitEffectKind::VisitEnded);
    CHECK(out.effects[2].kind == VisitEffectKind::ResetVisitState);
    CHECK(out.effects[3].kind == VisitEffectKind::VisitStarted);
    CHECK(out.effects[3].visit_number == 2);
}

TEST_CASE("timeouts come from the settings and bad values fall back to the defaults", "[visit_state]")
{
    VisitSettings settings;
    settings.idle_timeout_s = 3;
    settings.countdown_s = 25;
    VisitPhaseMachine m(settings);
    m.Touch(0);
    CHECK(Has(m.Tick(3), VisitEffectKind::ShowStillThere));
    CHECK_FALSE(Has(TickRange(m, 3, 27.9), VisitEffectKind::VisitEnded));
    CHECK(Has(m.Tick(28), VisitEffectKind::VisitEnded));

    VisitSettings bad;
    bad.idle_timeout_s = -1;
    bad.countdown_s = std::numeric_limits<double>::quiet_NaN();
    bad.hold_max_s = 0;
    VisitPhaseMachine b(bad);
    CHECK(b.Settings().idle_timeout_s == 60);
    CHECK(b.Settings().countdown_s == 20);
    CHECK(b.Settings().hold_max_s == VisitSettings{}.hold_max_s);
}

TEST_CASE("a staff hold suspends the idle reset and ends on its own", "[visit_state]")
{
    VisitSettings settings;
    settings.hold_max_s = 300;
    VisitPhaseMachine m(settings);
    m.Touch(0);
    VisitOutput hold = m.HoldStart(10, 120);
    REQUIRE(Has(hold, VisitEffectKind::HoldStarted));
    CHECK(Find(hold, VisitEffectKind::HoldStarted)->hold_s == 120);
    CHECK(m.Holding());
    // Nothing happens during the hold, although it is longer than the idle timeout.
    CHECK(TickRange(m, 10, 129.9).effects.empty());
    VisitOutput ended = m.Tick(130);
    CHECK(Has(ended, VisitEffectKind::HoldEnded));
    CHECK_FALSE(m.Holding());
    // The idle timer restarts at the end of the hold.
    CHECK(TickRange(m, 130, 189.9).effects.empty());
    CHECK(Has(m.Tick(190), VisitEffectKind::ShowStillThere));
}

TEST_CASE("a hold is clamped to the maximum, can end early, and starts a visit from the attract loop", "[visit_state]")
{
    VisitSettings settings;
    settings.hold_max_s = 300;
    VisitPhaseMachine m(settings);
    VisitOutput hold = m.HoldStart(0, 1e9);
    CHECK(Has(hold, VisitEffectKind::VisitStarted));
    CHECK(Find(hold, VisitEffectKind::HoldStarted)->hold_s == 300);
    CHECK(m.HoldRemaining() == Approx(300));
    TickRange(m, 0, 50);
    VisitOutput end = m.HoldEnd(50);
    CHECK(Has(end, VisitEffectKind::HoldEnded));
    CHECK(m.HoldEnd(51).effects.empty()); // no hold: nothing
    CHECK_FALSE(Has(TickRange(m, 51, 109.9), VisitEffectKind::ShowStillThere));
    CHECK(Has(m.Tick(110), VisitEffectKind::ShowStillThere));
}

TEST_CASE("a hold during the countdown hides it", "[visit_state]")
{
    VisitPhaseMachine m;
    m.Touch(0);
    TickRange(m, 0, 61.5);
    REQUIRE(m.Phase() == VisitPhase::StillThere);
    VisitOutput hold = m.HoldStart(62, 60);
    CHECK(Has(hold, VisitEffectKind::HideStillThere));
    CHECK(m.Phase() == VisitPhase::Visiting);
    CHECK(TickRange(m, 62, 121.9).effects.empty());
}

TEST_CASE("staff can end a visit, and ending nothing does nothing", "[visit_state]")
{
    VisitPhaseMachine m;
    CHECK(m.EndVisit(0, VisitEndReason::Staff).effects.empty());
    m.Touch(1);
    m.Touch(4);
    VisitOutput out = m.EndVisit(6, VisitEndReason::Staff);
    REQUIRE(out.effects.size() == 2);
    CHECK(out.effects[0].reason == VisitEndReason::Staff);
    CHECK(out.effects[0].duration_s == Approx(5));
    CHECK(out.effects[0].idle_s == Approx(2));
    CHECK(out.effects[1].kind == VisitEffectKind::ResetVisitState);
    CHECK(m.Phase() == VisitPhase::Attract);
}

TEST_CASE("the clock going backwards advances nothing and the visit carries on", "[visit_state]")
{
    VisitPhaseMachine m;
    m.Touch(1000);
    TickRange(m, 1000, 1030.1);
    VisitOutput back = m.Tick(10); // jumped back almost 17 minutes
    CHECK(back.effects.empty());
    CHECK(m.Phase() == VisitPhase::Visiting);
    // 30 s had passed before the jump; 30 more after it bring the countdown.
    CHECK(TickRange(m, 10, 39.9).effects.empty());
    CHECK(Has(m.Tick(40), VisitEffectKind::ShowStillThere));
    VisitOutput end = TickRange(m, 40, 61);
    const VisitEffect* ended = Find(end, VisitEffectKind::VisitEnded);
    REQUIRE(ended != nullptr);
    CHECK(ended->duration_s == Approx(80));
}

TEST_CASE("a huge forward jump counts as one max step and never resets a visit at once", "[visit_state]")
{
    VisitPhaseMachine m; // max_step_s = 5
    m.Touch(0);
    TickRange(m, 0, 10.1);
    VisitOutput jump = m.Tick(10 + 86400.0 * 365);
    CHECK(jump.effects.empty());
    CHECK(m.Phase() == VisitPhase::Visiting);
    CHECK(m.Elapsed() == Approx(15));
    const double t0 = 10 + 86400.0 * 365;
    VisitOutput rest = TickRange(m, t0, t0 + 70, 0.5);
    const VisitEffect* ended = Find(rest, VisitEffectKind::VisitEnded);
    REQUIRE(ended != nullptr);
    CHECK(ended->duration_s == Approx(80)); // the jumped year is not in the visit length
}

TEST_CASE("non-finite times are ignored", "[visit_state]")
{
    VisitPhaseMachine m;
    m.Touch(0);
    CHECK(m.Tick(std::numeric_limits<double>::infinity()).effects.empty());
    CHECK(m.Tick(std::numeric_limits<double>::quiet_NaN()).effects.empty());
    CHECK(m.Elapsed() == 0);
    CHECK(Has(m.Tick(60), VisitEffectKind::ShowStillThere) == false); // 60 s capped to 5 s per step
    CHECK(m.Elapsed() == 5);
}

// A day of random visitors, ticks at frame-like intervals, holds, and occasional clock jumps.
// The invariants are what the app relies on.
TEST_CASE("a simulated day keeps the visit invariants", "[visit_state][long]")
{
    std::mt19937 rng(12345);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    VisitSettings settings;
    settings.idle_timeout_s = 45;
    settings.countdown_s = 20;
    settings.hold_max_s = 600;
    VisitPhaseMachine m(settings);

    double clock = 5000; // what the app would read
    double last_touch_elapsed = 0;
    bool in_visit = false;
    std::int64_t started = 0, ended = 0, resets = 0;
    double total_visit = 0;
    bool expect_reset = false;
    int clock_jumps = 0;

    auto check = [&](const VisitOutput& out)
    {
        for (const VisitEffect& e : out.effects)
        {
            if (expect_reset)
            {
                REQUIRE(e.kind == VisitEffectKind::ResetVisitState);
                expect_reset = false;
                resets++;
                continue;
            }
            switch (e.kind)
            {
            case VisitEffectKind::VisitStarted:
                REQUIRE_FALSE(in_visit);
                in_visit = true;
                started++;
                REQUIRE(e.visit_number == started);
                break;
            case VisitEffectKind::VisitEnded:
                REQUIRE(in_visit);
                in_visit = false;
                ended++;
                REQUIRE(e.duration_s >= 0);
                REQUIRE(e.idle_s >= 0);
                REQUIRE(e.idle_s <= e.duration_s);
                if (e.reason == VisitEndReason::IdleTimeout)
                    REQUIRE(e.idle_s >= settings.idle_timeout_s + settings.countdown_s - 1e-9);
                total_visit += e.duration_s;
                expect_reset = true;
                break;
            case VisitEffectKind::ResetVisitState:
                FAIL("ResetVisitState without VisitEnded");
                break;
            case VisitEffectKind::ShowStillThere:
                REQUIRE(in_visit);
                REQUIRE_FALSE(m.Holding());
                break;
            default:
                REQUIRE(in_visit);
                break;
            }
        }
        REQUIRE_FALSE(expect_reset);
        REQUIRE(in_visit == (m.Phase() != VisitPhase::Attract));
    };

    double simulated = 0; // real seconds simulated, without the jumps
    while (simulated < 86400)
    {
        const double r = unit(rng);
        if (r < 0.0005)
        {
            // Clock jump: backwards up to an hour, or forwards up to a day.
            clock += unit(rng) < 0.5 ? -3600 * unit(rng) : 86400 * unit(rng);
            clock_jumps++;
        }
        else
        {
            const double step = 0.05 + 0.5 * unit(rng); // frame or idle-wait interval
            clock += step;
            simulated += step;
        }
        if (r > 0.9995 && r < 0.9997)
            check(m.HoldStart(clock, 600 * unit(rng)));
        else if (r >= 0.9997 && r < 0.9998)
            check(m.HoldEnd(clock));
        else if (r >= 0.9998)
            check(m.EndVisit(clock, VisitEndReason::Staff));
        else if (r > 0.98)
        {
            const VisitPhase before = m.Phase();
            VisitOutput out = m.Touch(clock);
            check(out);
            if (before == VisitPhase::Visiting && m.Phase() == VisitPhase::Visiting && out.effects.empty())
                CHECK_FALSE(out.touch_consumed);
            if (Has(out, VisitEffectKind::VisitStarted))
                REQUIRE(out.touch_consumed);
            last_touch_elapsed = m.Elapsed();
        }
        else
            check(m.Tick(clock));
        // Without a hold the visit never outlives the idle timeout plus countdown.
        if (m.Phase() != VisitPhase::Attract && !m.Holding())
            REQUIRE(m.Elapsed() - last_touch_elapsed <=
                    settings.idle_timeout_s + settings.countdown_s + settings.hold_max_s + 1e-6);
    }
    check(m.EndVisit(clock, VisitEndReason::Shutdown));
    CHECK(clock_jumps > 10);
    CHECK(started > 100);
    CHECK(started == ended);
    CHECK(resets == ended);
    CHECK(m.VisitCount() == started);
    CHECK(total_visit <= m.Elapsed() + 1e-6);
}

TEST_CASE("the countdown gives at least 20 seconds, whatever the settings ask", "[visit_state]")
{
    for (double asked : {0.5, 3.0, 10.0, 19.9})
    {
        VisitSettings settings;
        settings.countdown_s = asked;
        VisitPhaseMachine m(settings);
        CHECK(m.Settings().countdown_s == kMinCountdownS);
        m.Touch(0);
        TickRange(m, 0, 60.1);
        REQUIRE(m.Phase() == VisitPhase::StillThere);
        CHECK(m.CountdownRemaining() == Approx(20).margin(0.11));
        CHECK(TickRange(m, 60.5, 79.9).effects.empty());
        CHECK(Has(m.Tick(80), VisitEffectKind::VisitEnded));
    }
}

TEST_CASE("More time hides the countdown, restarts the idle timer and works as often as asked", "[visit_state]")
{
    VisitPhaseMachine m; // 60 s idle, 20 s countdown
    m.Touch(0);
    CHECK(m.Extensions() == 0);
    double now = 0;
    for (int i = 1; i <= 25; ++i)
    {
        // Quiet until the countdown shows, then wait 15 of its 20 seconds before asking.
        VisitOutput quiet = TickRange(m, now, now + 60.1);
        REQUIRE(Has(quiet, VisitEffectKind::ShowStillThere));
        REQUIRE(m.Phase() == VisitPhase::StillThere);
        TickRange(m, now + 60.5, now + 75);
        now += 75;
        VisitOutput more = m.MoreTime(now);
        CHECK(Has(more, VisitEffectKind::HideStillThere));
        CHECK_FALSE(Has(more, VisitEffectKind::VisitEnded));
        CHECK(m.Phase() == VisitPhase::Visiting);
        CHECK(m.Extensions() == i);
        CHECK(m.VisitCount() == 1); // the same visit throughout
    }
    // A visitor who stops asking still gets the whole countdown, then the visit ends.
    TickRange(m, now, now + 60.1);
    CHECK(m.CountdownRemaining() == Approx(20).margin(0.11));
    VisitOutput end = TickRange(m, now + 60.5, now + 81);
    REQUIRE(Has(end, VisitEffectKind::VisitEnded));
    CHECK(m.Phase() == VisitPhase::Attract);
}

TEST_CASE("More time outside the countdown is activity, and nothing in the attract loop", "[visit_state]")
{
    VisitPhaseMachine m;
    CHECK(m.MoreTime(0).effects.empty());
    CHECK(m.Phase() == VisitPhase::Attract); // it never starts a visit
    m.Touch(1);
    TickRange(m, 1, 50);
    CHECK(m.MoreTime(50).effects.empty());
    CHECK(m.Extensions() == 0);
    CHECK_FALSE(Has(TickRange(m, 50, 109.9), VisitEffectKind::ShowStillThere));
    CHECK(Has(m.Tick(110), VisitEffectKind::ShowStillThere));
    // A touch that dismisses the countdown counts as an extension too; a new visit starts at 0.
    m.Touch(111);
    CHECK(m.Extensions() == 1);
    m.EndVisit(112, VisitEndReason::Staff);
    m.Touch(113);
    CHECK(m.Extensions() == 0);
}
