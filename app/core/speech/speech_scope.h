// When speech must stop: the scope of what is being read. Speech belongs to one screen, in one
// language, in one visit, in one phase; when any of these changes (navigation, a gallery swipe,
// a definition card opened or closed, the details sheet changed, a language switch, a new visit,
// the countdown shown or dismissed) the words no longer match the screen and must stop. The
// attract loop is always silent. Pure: the shell compares the scope before and after each frame.
#pragma once
#include "core/visit/navigation.h"
#include "core/visit/visit_phase.h"

#include <cstdint>
#include <string>

namespace kiosk::core
{
struct SpeechScope
{
    std::string screen;   // ScreenKey() of the visit (screen_name.h)
    std::string overlay;  // the open definition card's term, or the open details sheet's node
    std::string language; // the visit's language
    std::int64_t visit = 0;
    VisitPhase phase = VisitPhase::Attract;
    bool operator==(const SpeechScope& o) const
    {
        return screen == o.screen && overlay == o.overlay && language == o.language && visit == o.visit &&
               phase == o.phase;
    }
    bool operator!=(const SpeechScope& o) const { return !(*this == o); }
};

SpeechScope ScopeOf(const VisitState& state, VisitPhase phase, std::int64_t visit_number);

// True when speech begun in `was` must stop now: the scope changed, or the kiosk is in the
// attract loop.
bool SpeechMustStop(const SpeechScope& was, const SpeechScope& now);
} // namespace kiosk::core
