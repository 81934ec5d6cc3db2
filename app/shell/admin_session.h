// AdminSession: the staff side of the kiosk. Watches for the 3-second corner press, runs the PIN
// pad with its throttle, fills the admin panel's model (statistics for today and all time,
// content status, export targets, hold) and carries out what staff ask for. The app asks it for
// what only the app can do (reload content, exit) through AdminRequests. Main thread only.
#pragma once
#include "core/admin/admin_actions.h"
#include "core/admin/admin_corner.h"
#include "core/admin/admin_model.h"
#include "core/admin/admin_pin.h"
#include "core/admin/admin_view.h"
#include "core/content/content_model.h"
#include "core/visit/visit.h"

#include <string>
#include <vector>

namespace kiosk::app
{
struct RecordedVisits;

struct AdminRequests
{
    bool reload_content = false;
    bool exit_app = false;
};

class AdminSession
{
public:
    // `locked`: kiosk mode. Outside it, a pack with no usable PIN opens the panel without the pad
    // (a developer's or a stand's laptop); in kiosk mode the app refuses to start without one.
    void Configure(bool locked, const std::string& content_dir) { m_locked = locked, m_content_dir = content_dir; }

    // Every frame while closed, with the raw pointer. Returns true while a corner press is being
    // timed: the app must then wake at least every 0.1 s (a still finger sends no events).
    bool WatchCorner(const core::CornerGeometry& corner, bool mouse_down, float x, float y, double now,
                     const core::ContentPack* pack, RecordedVisits& visits);

    bool IsOpen() const { return m_view.mode != core::AdminMode::Closed; }
    core::AdminView& View() { return m_view; }
    core::AdminModel& Model() { return m_model; }
    // "admin:pin", "admin:panel" or "admin:touch-test" (for the e2e hits file).
    std::string ScreenName() const;

    // Acts on a frame's actions. Reload and exit are returned for the app to do.
    AdminRequests Handle(const std::vector<core::AdminAction>& actions, const core::ContentPack* pack,
                         RecordedVisits& visits, core::VisitTime t);
    // After the app reloaded (or failed to): the panel shows the result.
    void ContentReloaded(bool ok, const core::AdminMessage& message, const core::DiagnosticList& diagnostics);
    // Per frame while open: live parts of the model (throttle, hold, store status).
    void RefreshLive(RecordedVisits& visits, double now);

private:
    void Open(const core::ContentPack* pack, RecordedVisits& visits, double now);
    void RefreshStats(const core::ContentPack* pack, RecordedVisits& visits);
    void Export(const std::string& folder, RecordedVisits& visits);

    bool m_locked = false;
    std::string m_content_dir;
    core::CornerPressState m_corner;
    core::AdminView m_view;
    core::AdminModel m_model;
    core::PinThrottle m_throttle;
    std::string m_pin_hash;
};

// Folders statistics can be exported to: mounted USB sticks under /media (and /media/<user>/),
// then the user's home folder.
std::vector<core::AdminExportTarget> FindExportTargets();
} // namespace kiosk::app
