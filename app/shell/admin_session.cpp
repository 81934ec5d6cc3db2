#include "shell/admin_session.h"

#include "core/stats/stats_report.h"
#include "shell/recorded_visits.h"

#include <algorithm>
#include <ctime>
#include <dirent.h>
#include <fstream>
#include <sys/stat.h>

namespace kiosk::app
{
static bool IsDirectory(const std::string& path)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

static std::vector<std::string> SubFolders(const std::string& dir)
{
    std::vector<std::string> out;
    if (DIR* d = opendir(dir.c_str()))
    {
        while (dirent* e = readdir(d))
        {
            const std::string name = e->d_name;
            if (name != "." && name != ".." && IsDirectory(dir + "/" + name))
                out.push_back(name);
        }
        closedir(d);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<core::AdminExportTarget> FindExportTargets()
{
    std::vector<core::AdminExportTarget> targets;
    // A stick is mounted at /media/<label> (our udev rule) or /media/<user>/<label> (desktops).
    for (const std::string& a : SubFolders("/media"))
    {
        const std::string path = "/media/" + a;
        const std::vector<std::string> inner = SubFolders(path);
        struct stat self, parent;
        const bool mount_point =
            stat(path.c_str(), &self) == 0 && stat("/media", &parent) == 0 && self.st_dev != parent.st_dev;
        if (mount_point || inner.empty())
            targets.push_back({a, path});
        else
            for (const std::string& b : inner)
                targets.push_back({b, path + "/" + b});
    }
    if (const char* home = std::getenv("HOME"); home && *home && IsDirectory(home))
        targets.push_back({std::string(), home});
    return targets;
}

bool AdminSession::WatchCorner(const core::CornerGeometry& corner, bool mouse_down, float x, float y, double now,
                               const core::ContentPack* pack, RecordedVisits& visits)
{
    if (IsOpen())
        return false;
    if (core::UpdateCornerPress(m_corner, corner, mouse_down, x, y, now))
        Open(pack, visits, now);
    return m_corner.tracking;
}

void AdminSession::Open(const core::ContentPack* pack, RecordedVisits& visits, double now)
{
    core::OpenAdmin(m_view);
    m_pin_hash = pack ? pack->settings.admin_pin_hash : std::string();
    m_model = core::AdminModel{};
    m_model.content_folder = m_content_dir;
    m_model.pack_loaded = pack != nullptr;
    if (pack)
    {
        m_model.kiosk_name = pack->settings.kiosk_name;
        m_model.diagnostics = pack->warnings;
        m_model.hold_max_s = pack->settings.timings.hold_max_minutes * 60.0;
    }
    const core::PinPolicy policy = core::CheckStoredPin(m_pin_hash, core::ExamplePins());
    m_model.pin_policy = policy;
    if (policy != core::PinPolicy::Ok)
    {
        if (!m_locked) // outside kiosk mode there is nothing to protect: straight to the panel
            core::ApplyPinAttempt(m_view, core::PinAttempt::Accepted);
    }
    m_model.export_targets = FindExportTargets();
    RefreshStats(pack, visits);
    RefreshLive(visits, now);
}

void AdminSession::RefreshStats(const core::ContentPack* pack, RecordedVisits& visits)
{
    if (visits.store)
        visits.store->Flush(1.0); // count what was just recorded
    std::vector<core::StatsEvent> events;
    std::string error;
    if (visits.stats_path.empty() || !core::ReadStatsDatabase(visits.stats_path, &events, &error))
        events.clear();
    // Chart labels (role titles, captions, terms) and the event's name in the panel's language.
    std::string language = m_view.language;
    if (language.empty())
        language = pack && !pack->settings.languages.empty() ? pack->settings.languages[0].code : "en";
    if (pack)
        m_model.event_name = pack->settings.event.name.Get(language);
    m_model.all_time = core::MakeAdminStats(core::Summarize(events), pack, language);
    // Today: from local midnight.
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    local.tm_hour = local.tm_min = local.tm_sec = 0;
    core::SummaryOptions today;
    today.from_wall = (double)std::mktime(&local);
    m_model.today = core::MakeAdminStats(core::Summarize(events, today), pack, language);
}

void AdminSession::RefreshLive(RecordedVisits& visits, double now)
{
    m_model.pin_locked_s = m_throttle.LockedFor(now);
    m_model.pin_failures = m_throttle.Failures();
    m_model.hold_active = visits.visit.Holding();
    m_model.hold_seconds_left = visits.visit.HoldRemaining();
    if (visits.store)
        m_model.stats_status = visits.store->Status();
}

void AdminSession::Export(const std::string& folder, RecordedVisits& visits)
{
    m_model.export_failed = true;
    if (visits.stats_path.empty())
    {
        m_model.export_message = {"admin.export.no_database", {}};
        return;
    }
    if (visits.store)
        visits.store->Flush(2.0);
    char stamp[32];
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    std::strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &local);
    const std::string base =
        folder + "/careers-kiosk-" + (m_model.kiosk_name.empty() ? "stats" : m_model.kiosk_name) + "-" + stamp;
    std::string error;
    if (!core::CopyStatsDatabase(visits.stats_path, base + ".db", &error))
    {
        m_model.export_message = {"admin.export.failed", {{"error", error}}};
        return;
    }
    std::vector<core::StatsEvent> events;
    if (core::ReadStatsDatabase(base + ".db", &events, &error))
    {
        std::ofstream csv(base + ".csv", std::ios::binary);
        core::WriteStatsCsv(events, csv);
        if (!csv.flush())
        {
            m_model.export_message = {"admin.export.csv_failed", {{"path", base}}};
            return;
        }
    }
    m_model.export_failed = false;
    m_model.export_message = {"admin.export.done", {{"path", base}, {"n", std::to_string(events.size())}}};
}

AdminRequests AdminSession::Handle(const std::vector<core::AdminAction>& actions, const core::ContentPack* pack,
                                   RecordedVisits& visits, core::VisitTime t)
{
    const double now = t.mono;
    AdminRequests requests;
    for (const core::AdminAction& action : actions)
    {
        if (std::holds_alternative<core::AdminPinSubmit>(action))
        {
            const core::PinAttempt attempt = core::TryPin(m_throttle, m_view.pin, m_pin_hash, now);
            core::ApplyPinAttempt(m_view, attempt);
            if (attempt == core::PinAttempt::Accepted)
                RefreshStats(pack, visits);
        }
        else if (std::holds_alternative<core::AdminReloadContent>(action))
            requests.reload_content = true;
        else if (const auto* e = std::get_if<core::AdminExportStats>(&action))
            Export(e->folder, visits);
        else if (std::holds_alternative<core::AdminStartHold>(action))
            visits.visit.StartHold(t, m_model.hold_max_s);
        else if (std::holds_alternative<core::AdminEndHold>(action))
            visits.visit.EndHold(t);
        else if (std::holds_alternative<core::AdminExitApp>(action))
            requests.exit_app = true;
        else if (std::holds_alternative<core::AdminShowTab>(action) ||
                 std::holds_alternative<core::AdminSetLanguage>(action))
            RefreshStats(pack, visits);
    }
    RefreshLive(visits, now);
    return requests;
}

void AdminSession::ContentReloaded(bool ok, const core::AdminMessage& message, const core::DiagnosticList& diagnostics)
{
    m_model.reload_failed = !ok;
    m_model.reload_message = message;
    m_model.diagnostics = diagnostics;
    m_model.pack_loaded = m_model.pack_loaded || ok;
}

std::string AdminSession::ScreenName() const
{
    switch (m_view.mode)
    {
    case core::AdminMode::PinEntry:
        return "admin:pin";
    case core::AdminMode::Panel:
        return "admin:panel";
    case core::AdminMode::TouchTest:
        return "admin:touch-test";
    case core::AdminMode::Closed:
        break;
    }
    return "closed";
}
} // namespace kiosk::app
