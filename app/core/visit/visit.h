// Visit: one kiosk's visits over a day, as one model. Joins the visit phases (attract, visit,
// "Still there?": visit_phase.h), where the visitor is (navigation.h), what they did (usage
// recording) and where the events go (an EventSink: the statistics store's writer thread).
//
// A tap's path: the ui returns a VisitAction, the shell hands it to Apply() with the time, Apply()
// updates the state and records the events it produces. Touch() and Tick() feed the phases; a
// visit that ends resets the state, so the next visitor sees nothing of the last one.
//
// Time is always an input: `mono` is monotonic seconds (any origin), `wall` is seconds since 1970
// as the machine's clock says (which may be wrong; the store flags it). Never blocks on the disk.
// Not thread-safe: the UI thread only.
#pragma once
#include "core/content/content_model.h"
#include "core/stats/stats_event.h"
#include "core/visit/navigation.h"
#include "core/visit/usage_recorder.h"
#include "core/visit/visit_actions.h"
#include "core/visit/visit_phase.h"

#include <cstdint>

namespace kiosk::core
{
struct VisitTime
{
    double mono = 0;
    double wall = 0;
};

class Visit
{
public:
    // Starts in the attract loop with `pack`'s timeouts (`idle_override_s` > 0 replaces the idle
    // timeout: tests). `sink` may be null (nothing recorded) and must outlive the Visit.
    void Start(const ContentPack& pack, EventSink* sink, double idle_override_s, VisitTime t);
    // A new pack after a reload: new timeouts; a visitor on a role that is gone is taken home.
    void SetPack(const ContentPack& pack);
    // Ends any visit (reason shutdown). The sink is not used after this.
    void Stop(VisitTime t);

    // What a visitor asked for (a tap on a widget), with `here`, how the ui has the current screen.
    NavigationResult Apply(const VisitAction& action, VisitTime t, const ScreenMemory& here = {});
    // A touch anywhere. Returns true when the touch only woke the kiosk or dismissed the
    // countdown: it must not also press what is under the finger.
    bool Touch(VisitTime t);
    // Time passes. Returns true when something changed (countdown shown, visit reset).
    bool Tick(VisitTime t);
    // Staff hold from the admin panel (suspends the idle reset), and its early end.
    void StartHold(VisitTime t, double seconds);
    void EndHold(VisitTime t);

    const VisitState& State() const { return m_state; }
    VisitPhase Phase() const { return m_phases.Phase(); }
    double CountdownRemaining() const { return m_phases.CountdownRemaining(); }
    bool Holding() const { return m_phases.Holding(); }
    double HoldRemaining() const { return m_phases.HoldRemaining(); }
    // Times this visit's countdown was cancelled by More time or a touch.
    int Extensions() const { return m_phases.Extensions(); }
    std::int64_t VisitNumber() const { return m_phases.VisitCount(); }
    // When the attract loop last began (mono), for its timeline.
    double AttractSince() const { return m_attract_since; }
    // Counts state resets (a visit ended): the ui clears its own motion when this changes.
    std::int64_t ResetCount() const { return m_resets; }

private:
    bool Carry(const VisitOutput& output, VisitTime t);
    void Record(const std::vector<StatsEvent>& events);
    VisitState FreshState() const;

    const ContentPack* m_pack = nullptr;
    EventSink* m_sink = nullptr;
    VisitPhaseMachine m_phases;
    double m_idle_override_s = 0;
    UsageRecorder m_usage;
    VisitState m_state;
    double m_attract_since = 0;
    std::int64_t m_resets = 0;
};
} // namespace kiosk::core
