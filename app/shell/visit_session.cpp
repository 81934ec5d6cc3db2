#include "shell/visit_session.h"

#include "ui/visit_navigation.h"

#include <chrono>

namespace kiosk::app
{
double WallSeconds()
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

static core::VisitSettings SettingsFor(const core::ContentPack& pack, double idle_override_s)
{
    core::VisitSettings s;
    s.idle_timeout_s = idle_override_s > 0 ? idle_override_s : pack.settings.timings.idle_timeout_s;
    s.countdown_s = pack.settings.timings.countdown_s;
    s.hold_max_s = pack.settings.timings.hold_max_minutes * 60.0;
    return s;
}

void VisitSession::Start(const core::ContentPack& pack, const std::string& stats_path, double idle_override_s,
                         double now)
{
    m_pack = &pack;
    m_idle_override_s = idle_override_s;
    m_machine.SetSettings(SettingsFor(pack, idle_override_s));
    m_stats_path = stats_path;
    core::StatsStoreOptions options;
    options.path = stats_path;
    options.kiosk_name = pack.settings.kiosk_name;
    options.event_name = pack.settings.event.name.Get(core::kDefaultLanguage);
    m_store = std::make_unique<core::StatsStore>(options);
    m_store->Open(WallSeconds()); // a broken database is moved aside and logged; never fatal
    m_view = FreshView();
    m_attract_since = now;
    m_machine.Tick(now);
}

void VisitSession::SetPack(const core::ContentPack& pack)
{
    m_pack = &pack;
    m_machine.SetSettings(SettingsFor(pack, m_idle_override_s));
    // A reload never strands the visitor on a role or photo that no longer exists.
    if (m_view.screen == ui::ScreenId::Role && !pack.FindRole(m_view.role_id))
        ui::ApplyAction(m_view, ui::Home{}, pack);
}

void VisitSession::Stop(double now)
{
    Apply(m_machine.EndVisit(now, core::VisitEndReason::Shutdown), now);
    if (m_store)
        m_store->Close();
}

ui::VisitView VisitSession::FreshView() const
{
    ui::VisitView view;
    if (m_pack && !m_pack->settings.languages.empty())
        view.language = m_pack->settings.languages[0].code;
    return view;
}

void VisitSession::Record(core::StatsEvent event)
{
    if (m_store)
        m_store->Append(std::move(event));
}

void VisitSession::Record(const std::vector<core::StatsEvent>& events)
{
    for (const core::StatsEvent& e : events)
        Record(e);
}

bool VisitSession::Apply(const core::VisitOutput& output, double now)
{
    const double wall = WallSeconds();
    for (const core::VisitEffect& effect : output.effects)
    {
        switch (effect.kind)
        {
        case core::VisitEffectKind::VisitStarted:
            m_view = FreshView();
            if (m_pack)
                m_usage.StartVisit(m_view, *m_pack, now);
            break;
        case core::VisitEffectKind::VisitEnded:
            // The screen the visitor walked away from is closed first, so its dwell is counted.
            Record(m_usage.EndVisit(now, wall));
            break;
        case core::VisitEffectKind::ResetVisitState:
            if (m_view.larger_text)
                m_fonts_changed = true;
            m_view = FreshView();
            m_attract_since = now;
            break;
        default:
            break;
        }
        if (std::optional<core::StatsEvent> row = core::StatsEventForVisitEffect(effect, wall, now))
            Record(*row);
    }
    return !output.effects.empty();
}

bool VisitSession::Touch(double now)
{
    const core::VisitOutput output = m_machine.Touch(now);
    Apply(output, now);
    return output.touch_consumed;
}

bool VisitSession::Tick(double now)
{
    return Apply(m_machine.Tick(now), now);
}

void VisitSession::AfterFrame(const ui::VisitView& before, const std::vector<ui::UiAction>& actions, double now)
{
    if (m_pack)
        Record(m_usage.Update(before, m_view, actions, *m_pack, now, WallSeconds()));
}

void VisitSession::StartHold(double now, double seconds)
{
    Apply(m_machine.HoldStart(now, seconds), now);
}

void VisitSession::EndHold(double now)
{
    Apply(m_machine.HoldEnd(now), now);
}

bool VisitSession::TakeFontsChanged()
{
    const bool changed = m_fonts_changed;
    m_fonts_changed = false;
    return changed;
}
} // namespace kiosk::app
