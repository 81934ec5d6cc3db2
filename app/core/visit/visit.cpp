#include "core/visit/visit.h"

#include <variant>

namespace kiosk::core
{
namespace
{
VisitSettings SettingsFor(const ContentPack& pack, double idle_override_s)
{
    VisitSettings s;
    s.idle_timeout_s = idle_override_s > 0 ? idle_override_s : pack.settings.timings.idle_timeout_s;
    s.countdown_s = pack.settings.timings.countdown_s;
    s.hold_max_s = pack.settings.timings.hold_max_minutes * 60.0;
    return s;
}
} // namespace

void Visit::Start(const ContentPack& pack, EventSink* sink, double idle_override_s, VisitTime t)
{
    m_pack = &pack;
    m_sink = sink;
    m_idle_override_s = idle_override_s;
    m_phases.SetSettings(SettingsFor(pack, idle_override_s));
    m_state = FreshState();
    m_attract_since = t.mono;
    m_phases.Tick(t.mono);
}

void Visit::SetPack(const ContentPack& pack)
{
    m_pack = &pack;
    m_phases.SetSettings(SettingsFor(pack, m_idle_override_s));
    // A reload never strands the visitor on a role that no longer exists.
    if (m_state.screen == ScreenId::Role && !pack.FindRole(m_state.role_id))
        Navigate(m_state, Home{}, pack, ScreenMemory{});
    // Nor halfway through a quiz whose questions may have changed.
    if (m_state.screen == ScreenId::Quiz && m_state.quiz.questions != pack.quiz.questions.size())
        Navigate(m_state, Home{}, pack, ScreenMemory{});
}

void Visit::Stop(VisitTime t)
{
    Carry(m_phases.EndVisit(t.mono, VisitEndReason::Shutdown), t);
    m_sink = nullptr;
}

VisitState Visit::FreshState() const
{
    VisitState state;
    if (m_pack && !m_pack->settings.languages.empty())
        state.language = m_pack->settings.languages[0].code;
    return state;
}

void Visit::Record(const std::vector<StatsEvent>& events)
{
    if (!m_sink)
        return;
    for (const StatsEvent& e : events)
        m_sink->Record(e);
}

NavigationResult Visit::Apply(const VisitAction& action, VisitTime t, const ScreenMemory& here)
{
    if (!m_pack)
        return {};
    if (std::holds_alternative<MoreTime>(action))
    {
        NavigationResult more;
        more.changed = Carry(m_phases.MoreTime(t.mono), t);
        return more;
    }
    const NavigationResult result = Navigate(m_state, action, *m_pack, here);
    Record(m_usage.Update(m_state, action, *m_pack, t.mono, t.wall));
    return result;
}

bool Visit::Carry(const VisitOutput& output, VisitTime t)
{
    for (const VisitEffect& effect : output.effects)
    {
        switch (effect.kind)
        {
        case VisitEffectKind::VisitStarted:
            m_state = FreshState();
            if (m_pack)
                m_usage.StartVisit(m_state, *m_pack, t.mono);
            break;
        case VisitEffectKind::VisitEnded:
            // The screen the visitor walked away from is closed first, so its dwell is counted.
            Record(m_usage.EndVisit(t.mono, t.wall));
            break;
        case VisitEffectKind::ResetVisitState:
            m_state = FreshState();
            m_attract_since = t.mono;
            m_resets++;
            break;
        default:
            break;
        }
        if (std::optional<StatsEvent> row = StatsEventForVisitEffect(effect, t.wall, t.mono))
            Record({*row});
    }
    return !output.effects.empty();
}

bool Visit::Touch(VisitTime t)
{
    const VisitOutput output = m_phases.Touch(t.mono);
    Carry(output, t);
    return output.touch_consumed;
}

bool Visit::Tick(VisitTime t)
{
    return Carry(m_phases.Tick(t.mono), t);
}

void Visit::StartHold(VisitTime t, double seconds)
{
    Carry(m_phases.HoldStart(t.mono, seconds), t);
}

void Visit::EndHold(VisitTime t)
{
    Carry(m_phases.HoldEnd(t.mono), t);
}
} // namespace kiosk::core
