// VisitSession: one kiosk's visits over a day. Joins the visit state machine (attract, visit,
// "Still there?"), the visitor's VisitView, the usage recorder and the statistics store.
//
// The app feeds it touches and time; it resets the view when a visit ends, so the next visitor
// sees nothing of the last one, and records every event. It never blocks on the disk (the store
// writes on its own thread). Main thread only.
#pragma once
#include "core/content/content_model.h"
#include "core/stats/stats_store.h"
#include "core/visit/visit_state.h"
#include "ui/ui_actions.h"
#include "ui/ui_context.h"
#include "ui/usage_recorder.h"

#include <memory>
#include <string>
#include <vector>

namespace kiosk::app
{
class VisitSession
{
public:
    // Opens the statistics database at `stats_path` (moving a broken one aside) for `pack`'s kiosk
    // and event. `idle_override_s` > 0 replaces the pack's idle timeout (tests).
    void Start(const core::ContentPack& pack, const std::string& stats_path, double idle_override_s, double now);
    // A new pack after a reload: new timeouts and the kiosk and event names for later visits.
    void SetPack(const core::ContentPack& pack);
    // Ends any visit (reason shutdown), writes what is queued and closes the database.
    void Stop(double now);

    // A touch anywhere. Returns true when the touch only woke the kiosk or dismissed the
    // countdown: it must not also press what is under the finger.
    bool Touch(double now);
    // Time passes. Returns true when something changed on screen (countdown shown, visit reset).
    bool Tick(double now);
    // After a frame: the view before the frame's actions, and the actions it returned.
    void AfterFrame(const ui::VisitView& before, const std::vector<ui::UiAction>& actions, double now);
    // Staff hold from the admin panel (suspends the idle reset), and its early end.
    void StartHold(double now, double seconds);
    void EndHold(double now);

    core::VisitPhase Phase() const { return m_machine.Phase(); }
    double CountdownRemaining() const { return m_machine.CountdownRemaining(); }
    bool Holding() const { return m_machine.Holding(); }
    double HoldRemaining() const { return m_machine.HoldRemaining(); }
    double AttractSince() const { return m_attract_since; }
    ui::VisitView& View() { return m_view; }
    core::StatsStore* Store() { return m_store.get(); }
    std::string StatsPath() const { return m_stats_path; }
    // Set when a visit ended with the text size changed back: the app rebuilds fonts.
    bool TakeFontsChanged();

private:
    bool Apply(const core::VisitOutput& output, double now);
    void Record(core::StatsEvent event);
    void Record(const std::vector<core::StatsEvent>& events);
    ui::VisitView FreshView() const;

    const core::ContentPack* m_pack = nullptr;
    core::VisitStateMachine m_machine;
    std::unique_ptr<core::StatsStore> m_store;
    std::string m_stats_path;
    double m_idle_override_s = 0;
    ui::UsageRecorder m_usage;
    ui::VisitView m_view;
    double m_attract_since = 0;
    bool m_fonts_changed = false;
};

// Wall-clock seconds since 1970 (may be wrong on a machine with no clock battery: the store flags it).
double WallSeconds();
} // namespace kiosk::app
