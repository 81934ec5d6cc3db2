#include "core/stats/stats_event.h"

#include <cmath>

namespace kiosk::core
{
namespace
{
struct KindName
{
    EventKind kind;
    const char* name;
};

constexpr KindName kKindNames[] = {
    {EventKind::VisitStarted, "visit_started"},
    {EventKind::VisitEnded, "visit_ended"},
    {EventKind::ScreenViewed, "screen_viewed"},
    {EventKind::RoleOpened, "role_opened"},
    {EventKind::PhotoViewed, "photo_viewed"},
    {EventKind::PathwayNodeTapped, "pathway_node_tapped"},
    {EventKind::StartPointChosen, "start_point_chosen"},
    {EventKind::LanguageSwitched, "language_switched"},
    {EventKind::AccessibilitySwitched, "accessibility_switched"},
    {EventKind::IdleReset, "idle_reset"},
    {EventKind::GlossaryTermOpened, "glossary_term_opened"},
    {EventKind::QuizStarted, "quiz_started"},
    {EventKind::QuizAnswered, "quiz_answered"},
    {EventKind::QuizFinished, "quiz_finished"},
    {EventKind::QuizAbandoned, "quiz_abandoned"},
    {EventKind::QuizResult, "quiz_result"},
    {EventKind::QuizResultOpened, "quiz_result_opened"},
};
} // namespace

const char* EventKindName(EventKind kind)
{
    for (const KindName& k : kKindNames)
        if (k.kind == kind)
            return k.name;
    return "unknown";
}

std::optional<EventKind> ParseEventKind(std::string_view name)
{
    for (const KindName& k : kKindNames)
        if (name == k.name)
            return k.kind;
    return std::nullopt;
}

std::optional<StatsEvent> StatsEventForVisitEffect(const VisitEffect& effect, double wall_time, double mono_time)
{
    StatsEvent e;
    e.wall_time = wall_time;
    e.mono_time = mono_time;
    switch (effect.kind)
    {
    case VisitEffectKind::VisitStarted:
        e.kind = EventKind::VisitStarted;
        return e;
    case VisitEffectKind::VisitEnded:
        e.kind = EventKind::VisitEnded;
        e.visit_duration_ms = std::llround(effect.duration_s * 1000.0);
        e.idle_ms = std::llround(effect.idle_s * 1000.0);
        e.end_reason = VisitEndReasonName(effect.reason);
        return e;
    case VisitEffectKind::ResetVisitState:
        e.kind = EventKind::IdleReset;
        return e;
    default:
        return std::nullopt;
    }
}
} // namespace kiosk::core
