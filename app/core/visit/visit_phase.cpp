#include "core/visit/visit_phase.h"

#include <algorithm>
#include <cmath>

namespace kiosk::core
{
namespace
{
double PositiveOr(double value, double fallback)
{
    return std::isfinite(value) && value > 0 ? value : fallback;
}
} // namespace

VisitPhaseMachine::VisitPhaseMachine(const VisitSettings& settings)
{
    SetSettings(settings);
}

void VisitPhaseMachine::SetSettings(const VisitSettings& settings)
{
    const VisitSettings defaults;
    m_settings.idle_timeout_s = PositiveOr(settings.idle_timeout_s, defaults.idle_timeout_s);
    m_settings.countdown_s = std::max(kMinCountdownS, PositiveOr(settings.countdown_s, defaults.countdown_s));
    m_settings.hold_max_s = PositiveOr(settings.hold_max_s, defaults.hold_max_s);
    m_settings.max_step_s = PositiveOr(settings.max_step_s, defaults.max_step_s);
}

// Moves the elapsed clock according to the clock-jump contract in the header.
void VisitPhaseMachine::Advance(double now)
{
    if (!std::isfinite(now))
        return;
    if (m_has_now)
    {
        const double step = now - m_last_now;
        if (step > 0)
            m_elapsed += std::min(step, m_settings.max_step_s);
    }
    m_has_now = true;
    m_last_now = now;
}

// Fires every timer that is due at m_elapsed, in time order. Each transition happens at the exact
// elapsed time it was due, not at the time of the input that noticed it, so late ticks do not
// shorten the countdown or lengthen a visit.
void VisitPhaseMachine::RunTimers(std::vector<VisitEffect>& effects)
{
    if (m_phase == VisitPhase::Visiting && m_holding && m_elapsed >= m_hold_until)
    {
        m_holding = false;
        m_last_activity = m_hold_until;
        VisitEffect e;
        e.kind = VisitEffectKind::HoldEnded;
        e.visit_number = m_visit_number;
        effects.push_back(e);
    }
    if (m_phase == VisitPhase::Visiting && !m_holding && m_elapsed >= m_last_activity + m_settings.idle_timeout_s)
    {
        m_phase = VisitPhase::StillThere;
        m_countdown_start = m_last_activity + m_settings.idle_timeout_s;
        VisitEffect e;
        e.kind = VisitEffectKind::ShowStillThere;
        e.visit_number = m_visit_number;
        e.countdown_s = m_settings.countdown_s;
        effects.push_back(e);
    }
    if (m_phase == VisitPhase::StillThere && m_elapsed >= m_countdown_start + m_settings.countdown_s)
        EndVisitAt(m_countdown_start + m_settings.countdown_s, VisitEndReason::IdleTimeout, effects);
}

void VisitPhaseMachine::StartVisit(std::vector<VisitEffect>& effects)
{
    m_phase = VisitPhase::Visiting;
    m_visit_number++;
    m_visit_start = m_elapsed;
    m_last_activity = m_elapsed;
    m_holding = false;
    m_extensions = 0;
    VisitEffect e;
    e.kind = VisitEffectKind::VisitStarted;
    e.visit_number = m_visit_number;
    effects.push_back(e);
}

void VisitPhaseMachine::EndVisitAt(double end, VisitEndReason reason, std::vector<VisitEffect>& effects)
{
    VisitEffect ended;
    ended.kind = VisitEffectKind::VisitEnded;
    ended.visit_number = m_visit_number;
    ended.reason = reason;
    ended.duration_s = std::max(0.0, end - m_visit_start);
    ended.idle_s = std::clamp(end - m_last_activity, 0.0, ended.duration_s);
    effects.push_back(ended);
    VisitEffect reset;
    reset.kind = VisitEffectKind::ResetVisitState;
    reset.visit_number = m_visit_number;
    effects.push_back(reset);
    m_phase = VisitPhase::Attract;
    m_holding = false;
}

VisitOutput VisitPhaseMachine::Touch(double now)
{
    VisitOutput out;
    Advance(now);
    RunTimers(out.effects);
    switch (m_phase)
    {
    case VisitPhase::Attract:
        StartVisit(out.effects);
        out.touch_consumed = true; // the first touch only wakes the kiosk
        break;
    case VisitPhase::Visiting:
        m_last_activity = m_elapsed;
        break;
    case VisitPhase::StillThere:
        CancelCountdown(out.effects);
        out.touch_consumed = true; // the tap dismissed the overlay; it must not press what is below
        break;
    }
    return out;
}

void VisitPhaseMachine::CancelCountdown(std::vector<VisitEffect>& effects)
{
    m_phase = VisitPhase::Visiting;
    m_last_activity = m_elapsed;
    m_extensions++;
    VisitEffect e;
    e.kind = VisitEffectKind::HideStillThere;
    e.visit_number = m_visit_number;
    effects.push_back(e);
}

VisitOutput VisitPhaseMachine::MoreTime(double now)
{
    VisitOutput out;
    Advance(now);
    RunTimers(out.effects);
    if (m_phase == VisitPhase::StillThere)
        CancelCountdown(out.effects);
    else if (m_phase == VisitPhase::Visiting)
        m_last_activity = m_elapsed;
    return out;
}

VisitOutput VisitPhaseMachine::Tick(double now)
{
    VisitOutput out;
    Advance(now);
    RunTimers(out.effects);
    return out;
}

VisitOutput VisitPhaseMachine::HoldStart(double now, double duration_s)
{
    VisitOutput out;
    Advance(now);
    RunTimers(out.effects);
    if (m_phase == VisitPhase::Attract)
        StartVisit(out.effects);
    if (m_phase == VisitPhase::StillThere)
    {
        m_phase = VisitPhase::Visiting;
        VisitEffect e;
        e.kind = VisitEffectKind::HideStillThere;
        e.visit_number = m_visit_number;
        out.effects.push_back(e);
    }
    const double hold = std::isfinite(duration_s) && duration_s > 0 ? std::min(duration_s, m_settings.hold_max_s)
                                                                    : m_settings.hold_max_s;
    m_holding = true;
    m_hold_until = m_elapsed + hold;
    m_last_activity = m_elapsed;
    VisitEffect e;
    e.kind = VisitEffectKind::HoldStarted;
    e.visit_number = m_visit_number;
    e.hold_s = hold;
    out.effects.push_back(e);
    return out;
}

VisitOutput VisitPhaseMachine::HoldEnd(double now)
{
    VisitOutput out;
    Advance(now);
    RunTimers(out.effects);
    if (m_holding)
    {
        m_holding = false;
        m_last_activity = m_elapsed;
        VisitEffect e;
        e.kind = VisitEffectKind::HoldEnded;
        e.visit_number = m_visit_number;
        out.effects.push_back(e);
    }
    return out;
}

VisitOutput VisitPhaseMachine::EndVisit(double now, VisitEndReason reason)
{
    VisitOutput out;
    Advance(now);
    RunTimers(out.effects);
    if (m_phase != VisitPhase::Attract)
        EndVisitAt(m_elapsed, reason, out.effects);
    return out;
}

double VisitPhaseMachine::CountdownRemaining() const
{
    if (m_phase != VisitPhase::StillThere)
        return 0;
    return std::max(0.0, m_countdown_start + m_settings.countdown_s - m_elapsed);
}

double VisitPhaseMachine::HoldRemaining() const
{
    return m_holding ? std::max(0.0, m_hold_until - m_elapsed) : 0.0;
}

const char* VisitEndReasonName(VisitEndReason reason)
{
    switch (reason)
    {
    case VisitEndReason::IdleTimeout:
        return "idle_timeout";
    case VisitEndReason::Staff:
        return "staff";
    case VisitEndReason::Shutdown:
        return "shutdown";
    }
    return "unknown";
}
} // namespace kiosk::core
