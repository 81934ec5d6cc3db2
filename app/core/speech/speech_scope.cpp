#include "core/speech/speech_scope.h"

#include "core/visit/screen_name.h"

namespace kiosk::core
{
SpeechScope ScopeOf(const VisitState& state, VisitPhase phase, std::int64_t visit_number)
{
    SpeechScope s;
    s.screen = ScreenKey(state);
    if (!state.glossary_term.empty())
        s.overlay = "term:" + state.glossary_term;
    else if (state.screen == ScreenId::Pathway && !state.pathway.selected.empty())
        s.overlay = "node:" + state.pathway.selected;
    s.language = state.language;
    s.visit = visit_number;
    s.phase = phase;
    return s;
}

bool SpeechMustStop(const SpeechScope& was, const SpeechScope& now)
{
    return now.phase == VisitPhase::Attract || was != now;
}
} // namespace kiosk::core
