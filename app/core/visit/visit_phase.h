// Visit phases: attract loop, visit, "Still there?" countdown, and back to the attract loop.
// Time is an input: every call takes `now`, a monotonic time in seconds chosen by the caller
// (e.g. glfwGetTime). The machine never reads a clock, so tests can replay a whole day in a loop.
#pragma once
#include <cstdint>
#include <vector>

namespace kiosk::core
{
enum class VisitPhase
{
    Attract,    // nobody is using the kiosk; the attract loop plays
    Visiting,   // a visitor is using the kiosk
    StillThere, // idle timeout passed: the "Still there?" countdown is showing
};

enum class VisitEndReason
{
    IdleTimeout, // the countdown ran out with no touch
    Staff,       // staff ended the visit from the admin panel
    Shutdown,    // the app is closing while a visit is in progress
};

// What the app must do after an input, in order.
enum class VisitEffectKind
{
    VisitStarted,    // a new visit: show the home screen (visit_number is set)
    ShowStillThere,  // show the countdown overlay (countdown_s is set)
    HideStillThere,  // a tap cancelled the countdown, or a hold started: hide the overlay
    HoldStarted,     // staff hold began (hold_s is its length); no idle reset until it ends
    HoldEnded,       // staff hold ended (by staff or by running out); the idle timer restarts
    VisitEnded,      // the visit is over (reason, duration_s and idle_s are set); record it
    ResetVisitState, // clear ALL visit state: screen, scroll, selections, language, accessibility
};

struct VisitEffect
{
    VisitEffectKind kind = VisitEffectKind::VisitStarted;
    std::int64_t visit_number = 0;                       // 1-based count of visits since construction
    VisitEndReason reason = VisitEndReason::IdleTimeout; // VisitEnded only
    double duration_s = 0;                               // VisitEnded: from the first touch to the end of the visit
    double idle_s = 0;      // VisitEnded: from the last touch (or hold end) to the end: walk-away time
    double countdown_s = 0; // ShowStillThere: the countdown length
    double hold_s = 0;      // HoldStarted: the hold length after clamping to hold_max_s
};

// The result of one input. touch_consumed is true when a touch only woke the kiosk or dismissed
// the countdown: the UI must then not pass that touch on to whatever was under the finger.
struct VisitOutput
{
    bool touch_consumed = false;
    std::vector<VisitEffect> effects;
};

// The shortest "Still there?" countdown the machine runs (WCAG 2.2.1: at least 20 seconds to
// ask for more time). The content validator enforces it too; this guards packs built in code.
inline constexpr double kMinCountdownS = 20;

// Timeouts come from the content pack's settings. Values that are not finite or not positive are
// replaced by the defaults when the settings are applied; a countdown shorter than
// kMinCountdownS runs for kMinCountdownS.
struct VisitSettings
{
    double idle_timeout_s = 60; // quiet time in a visit before the countdown shows
    double countdown_s = 20;    // length of the "Still there?" countdown (at least kMinCountdownS)
    double hold_max_s = 1200;   // longest staff hold (content: timings.hold_max_minutes * 60)
    // Clock-jump guard: a gap between two inputs longer than this counts as exactly max_step_s.
    // The app must call Tick at least every max_step_s / 2 (each frame, or at least once a second).
    double max_step_s = 5;
};

// Clock-jump contract. The machine keeps its own "elapsed" time, advanced by each input:
//  - time going backwards (now < previous now) advances nothing; later inputs count from the new now;
//  - a forward gap larger than max_step_s advances only max_step_s (a stall, a suspend or a clock
//    jump never ends a visit at once under the visitor's finger, and never inflates a duration
//    by more than max_step_s);
//  - a non-finite now is ignored (advances nothing, does not move the reference).
// All durations reported are in this elapsed time.
//
// Not thread-safe: call from the UI thread only.
class VisitPhaseMachine
{
public:
    explicit VisitPhaseMachine(const VisitSettings& settings = {});

    // Content reloads may change timeouts. Takes effect from the next input; a countdown already
    // showing keeps running with the new length.
    void SetSettings(const VisitSettings& settings);
    const VisitSettings& Settings() const { return m_settings; }

    // A touch anywhere. Time is applied first (as Tick would), so a touch after the countdown ran
    // out ends that visit and starts a new one.
    VisitOutput Touch(double now);
    // "More time" on the countdown: hides it and restarts the idle timer, as a touch does, as
    // often as the visitor likes (no limit: WCAG 2.2.1 asks for at least ten). Outside the
    // countdown it is ordinary activity in a visit, and does nothing in the attract loop.
    VisitOutput MoreTime(double now);
    // Advance time; call every frame.
    VisitOutput Tick(double now);
    // Staff hold: suspends the idle reset for duration_s (clamped to (0, hold_max_s]); starts a visit
    // from the attract loop and cancels a countdown. A second HoldStart replaces the first.
    VisitOutput HoldStart(double now, double duration_s);
    // Ends a hold early; the idle timer restarts from now. No effect without a hold.
    VisitOutput HoldEnd(double now);
    // Ends the visit in progress at once (staff "end visit", or the app closing). No effect in Attract.
    VisitOutput EndVisit(double now, VisitEndReason reason);

    VisitPhase Phase() const { return m_phase; }
    bool Holding() const { return m_holding; }
    std::int64_t VisitCount() const { return m_visit_number; }
    // Seconds left on the countdown (0 when not in StillThere), as of the last input.
    double CountdownRemaining() const;
    // Seconds left on the hold (0 without a hold), as of the last input.
    double HoldRemaining() const;
    // How many times this visit's countdown was cancelled (More time or a touch); 0 at a new visit.
    int Extensions() const { return m_extensions; }
    // Elapsed time (see the clock-jump contract) at the last input.
    double Elapsed() const { return m_elapsed; }

private:
    void Advance(double now);
    void RunTimers(std::vector<VisitEffect>& effects);
    void StartVisit(std::vector<VisitEffect>& effects);
    void EndVisitAt(double end, VisitEndReason reason, std::vector<VisitEffect>& effects);
    void CancelCountdown(std::vector<VisitEffect>& effects);

    VisitSettings m_settings;
    VisitPhase m_phase = VisitPhase::Attract;
    bool m_has_now = false;
    double m_last_now = 0;
    double m_elapsed = 0;       // elapsed time since construction
    double m_visit_start = 0;   // elapsed time of the touch that started the visit
    double m_last_activity = 0; // last touch or hold end: the idle timer counts from here
    double m_countdown_start = 0;
    bool m_holding = false;
    double m_hold_until = 0;
    std::int64_t m_visit_number = 0;
    int m_extensions = 0;
};

const char* VisitEndReasonName(VisitEndReason reason); // "idle_timeout", "staff", "shutdown"
} // namespace kiosk::core
