// Usage statistics: the event kinds and the row that is stored for each event.
// Anonymous by construction: every text field is a content id, a language code or a fixed
// name from the configuration; nothing a visitor types or says is ever stored.
#pragma once
#include "core/visit/visit_phase.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::core
{
// Stored in the database by name (see EventKindName), so the order here may change freely.
enum class EventKind
{
    VisitStarted,          // visit_id
    VisitEnded,            // visit_duration_ms, idle_ms (walk-away time), end_reason
    ScreenViewed,          // screen_id, dwell_ms (time on the screen when the visitor left it)
    RoleOpened,            // role_id
    PhotoViewed,           // photo_id, optional dwell_ms
    PathwayNodeTapped,     // node_id
    StartPointChosen,      // start_point_id
    LanguageSwitched,      // language (the new language code, e.g. "cy")
    AccessibilitySwitched, // setting ("large_text=on", "high_contrast=off")
    IdleReset,             // the app cleared all visit state after a visit ended
    GlossaryTermOpened,    // glossary_term_id ("ucas"): the word a visitor asked about
    // The quiz. Only quiz content ids: the question and answer ids, never anything typed.
    QuizStarted,      // (no fields)
    QuizAnswered,     // setting "QUESTION=ANSWER" (ANSWER "not-sure" for "not sure")
    QuizFinished,     // the result was shown (once per start)
    QuizAbandoned,    // setting "at=QUESTION" (the question on show when the visitor left)
    QuizResult,       // role_id, setting "rank=N" (1 = best match); one per role in the result
    QuizResultOpened, // role_id, setting "open=role" (its page) or "open=route" (Show my route)
};

// "visit_started", "visit_ended", "screen_viewed", "role_opened", "photo_viewed",
// "pathway_node_tapped", "start_point_chosen", "language_switched", "accessibility_switched",
// "idle_reset", "glossary_term_opened", "quiz_started", "quiz_answered", "quiz_finished",
// "quiz_abandoned", "quiz_result", "quiz_result_opened".
const char* EventKindName(EventKind kind);
std::optional<EventKind> ParseEventKind(std::string_view name);

// One row of the events table. Fields a kind does not use stay empty (strings) or -1 (numbers)
// and are stored as NULL.
struct StatsEvent
{
    // Set by the caller of StatsStore::Append.
    EventKind kind = EventKind::ScreenViewed;
    double wall_time = 0; // wall clock, unix seconds (may be wrong: see wall_untrusted)
    double mono_time = 0; // monotonic seconds (same source as the visit state machine)
    std::string role_id;
    std::string photo_id;
    std::string node_id;
    std::string start_point_id;
    std::string screen_id;
    std::string language;
    std::string setting;
    std::int64_t dwell_ms = -1;
    std::int64_t visit_duration_ms = -1;
    std::int64_t idle_ms = -1;
    std::string end_reason;       // VisitEndReasonName()
    std::string glossary_term_id; // GlossaryTermOpened: the term's id (schema 2; schema 1 kept it in setting)

    // Set by the store (values given to Append are overwritten).
    std::int64_t seq = 0;        // 1, 2, 3 ... per database, in append order
    std::string db_id;           // unique id of the database the event was first written to
    std::string kiosk;           // kiosk name from the configuration
    std::string event_name;      // event (fair, open day) name from the configuration
    bool wall_untrusted = false; // wall clock before 2020 or jumped relative to the monotonic clock
    std::int64_t visit_id = 0;   // visit number within db_id, 0 outside a visit
};

// The row to record for a visit state machine effect: VisitStarted -> visit_started, VisitEnded ->
// visit_ended (visit_duration_ms, idle_ms, end_reason), ResetVisitState -> idle_reset. Other
// effects are not recorded (nullopt). wall_time and mono_time are the caller's clocks now.
std::optional<StatsEvent> StatsEventForVisitEffect(const VisitEffect& effect, double wall_time, double mono_time);

// Where a visit's events go: the statistics store in the kiosk, a list in tests. Record() must
// not block on the disk (it is called on the UI thread).
class EventSink
{
public:
    virtual ~EventSink() = default;
    virtual void Record(StatsEvent event) = 0;
};
} // namespace kiosk::core
