#include "shell/speech_session.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace kiosk::app
{
void SpeechSession::Start(const core::KioskSettings& settings, std::function<void()> wake)
{
    platform::SpeechEngineOptions options;
    options.rate_wpm = settings.speech.rate_wpm;
    options.volume_percent = settings.speech.volume_percent;
    if (const char* sink = std::getenv("KIOSK_SPEECH_SINK"))
        options.sink_path = sink;
    options.wake = std::move(wake);
    std::string why_not;
    if (m_engine.Start(options, &why_not))
        std::fprintf(stderr, "careers-kiosk: read aloud: espeak-ng voices en-gb and cy, %s\n",
                     options.sink_path.empty() ? "playing through ALSA" : ("writing " + options.sink_path).c_str());
    else
        std::fprintf(stderr, "careers-kiosk: read aloud is off (its buttons are hidden): %s\n", why_not.c_str());
}

void SpeechSession::Configure(const core::KioskSettings& settings)
{
    m_engine.Configure(settings.speech.rate_wpm, settings.speech.volume_percent);
}

const core::SpeechStatus& SpeechSession::Status()
{
    m_status = m_engine.Status();
    return m_status;
}

void SpeechSession::Follow(const core::ContentPack& pack, core::Visit& visit, bool attract,
                           const std::vector<core::VisitAction>& actions, core::VisitTime t)
{
    if (!m_engine.Started())
        return;
    const core::SpeechScope scope =
        core::ScopeOf(visit.State(), attract ? core::VisitPhase::Attract : visit.Phase(), visit.VisitNumber());
    const bool speaking = !m_engine.Status().target.empty();
    if (speaking && core::SpeechMustStop(m_scope, scope))
        m_engine.Stop();
    const bool phase_changed = scope.phase != m_scope.phase || scope.visit != m_scope.visit;
    m_scope = scope;
    if (attract)
    {
        m_countdown_left = 0;
        return;
    }
    // Listening is using the kiosk: the idle timer restarts while a page is read.
    const std::string reading = m_engine.Status().target;
    if (!reading.empty() && reading != core::SpeechTarget{core::SpeechTarget::Kind::StillThere, "", 0}.Key() &&
        visit.Phase() == core::VisitPhase::Visiting)
        visit.Apply(core::MoreTime{}, t);
    const std::string& language = visit.State().language;
    for (const core::VisitAction& action : actions)
    {
        if (const auto* read = std::get_if<core::ReadAloud>(&action))
        {
            core::SpeechTarget target = read->target;
            if (target.kind == core::SpeechTarget::Kind::StillThere)
                target.seconds = static_cast<int>(std::ceil(visit.CountdownRemaining()));
            m_engine.Speak(core::ScriptFor(pack, target, language));
        }
        else if (std::holds_alternative<core::StopReading>(action))
            m_engine.Stop();
    }
    // The countdown, spoken when the visitor has used read aloud in this visit: the prompt when
    // it appears, then the call-outs.
    if (visit.Phase() == core::VisitPhase::StillThere)
    {
        const double left = visit.CountdownRemaining();
        if (visit.State().read_aloud)
        {
            if (phase_changed)
                m_engine.Speak(core::StillThereSpeech(pack, language, static_cast<int>(std::ceil(left))));
            else if (const int n = core::CountdownCallout(m_countdown_left, left))
                m_engine.Speak(core::CountdownSpeech(pack, language, n));
        }
        m_countdown_left = left;
    }
    else
        m_countdown_left = 0;
}
} // namespace kiosk::app
