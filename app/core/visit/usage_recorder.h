// UsageRecorder: turns what a visitor did (an action, and how the VisitState changed) into
// anonymous usage events for the statistics store. Pure: no clock (times are passed in), no disk;
// core::Visit appends what it returns to its event sink.
//
// What is recorded: every screen left, with its dwell time (screen_viewed); roles opened;
// photographs shown in the gallery, with dwell; pathway start points chosen and nodes opened;
// language and accessibility switches; glossary terms opened (the term's id); the quiz (started,
// each answer as question and answer ids, finished with its result roles or abandoned at a
// question, and which result was opened). Only content ids, language codes and fixed setting
// names: never anything a visitor could type.
#pragma once
#include "core/content/content_model.h"
#include "core/stats/stats_event.h"
#include "core/visit/navigation.h"
#include "core/visit/visit_actions.h"

#include <string>
#include <vector>

namespace kiosk::core
{
class UsageRecorder
{
public:
    // A visit starts on `state` (usually Home) at monotonic time `mono`.
    void StartVisit(const VisitState& state, const ContentPack& pack, double mono);
    // After an action: `after` is the state once `action` was carried out.
    std::vector<StatsEvent> Update(const VisitState& after, const VisitAction& action, const ContentPack& pack,
                                   double mono, double wall);
    // The visit ends: closes the current screen (and photo) with their dwell times.
    std::vector<StatsEvent> EndVisit(double mono, double wall);
    bool InVisit() const { return m_in_visit; }

private:
    void OpenScreen(const VisitState& state, const ContentPack& pack, double mono);
    void CloseScreen(std::vector<StatsEvent>& out, double mono, double wall);
    void UpdateQuiz(std::vector<StatsEvent>& out, const VisitState& after, const VisitAction& action,
                    const ContentPack& pack, double mono, double wall);

    bool m_in_visit = false;
    std::string m_screen; // ScreenKey of the screen on show
    double m_screen_since = 0;
    std::string m_photo; // photo id on show in the gallery, else empty
    double m_photo_since = 0;
    bool m_quiz_open = false;   // a quiz was started and neither finished nor left
    bool m_quiz_done = false;   // this quiz's result was shown (recorded once per start)
    std::string m_quiz_at;      // the question on show, for quiz_abandoned
    size_t m_quiz_answered = 0; // answers given so far
};
} // namespace kiosk::core
