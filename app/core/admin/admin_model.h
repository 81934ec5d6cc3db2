// What the admin panel shows, filled in by the app before each frame it draws the panel. Plain
// data: the panel only reads it. The app computes the statistics (core::Summarize over the
// database, once when the panel opens and after exports, not every frame), the content and
// store status, the hold and the PIN throttle. The PIN digits are never here (see AdminView).
#pragma once
#include "core/admin/admin_pin.h"
#include "core/content/content_model.h"
#include "core/content/diagnostics.h"
#include "core/stats/stats_report.h"
#include "core/stats/stats_store.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core
{
// One bar of a chart: a content id, the label to show (a role's title, a photo's caption) and
// its count.
struct AdminChartItem
{
    std::string id;
    std::string label;
    std::int64_t count = 0;
};

// One period (today or all time), ready to chart.
struct AdminStats
{
    kiosk::core::StatsSummary summary;              // summary.total is shown
    std::array<std::int64_t, 24> visits_per_hour{}; // visits started in each hour of the day (local)
    std::vector<AdminChartItem> top_roles;          // most opened first
    std::vector<AdminChartItem> top_photos;         // most viewed first
    std::vector<AdminChartItem> start_points;       // most chosen first
    std::vector<AdminChartItem> quiz_stops;         // quiz left at question (question text), most first
    std::vector<AdminChartItem> quiz_results;       // quiz top matches (role title), most first
    std::vector<AdminChartItem> glossary_terms;     // glossary definitions opened (the term), most first
};

// A result line the app leaves for the panel: an interface-string key ("admin.export.done") and
// the values of its "{name}" placeholders, so the panel says it in the panel's own language.
struct AdminMessage
{
    std::string key; // empty: nothing to say
    std::vector<std::pair<std::string, std::string>> values;
    bool Empty() const { return key.empty(); }
};

// A folder statistics can be exported to, e.g. a USB stick mounted under /media.
struct AdminExportTarget
{
    std::string stick; // the USB stick's name ("KINGSTON"); empty: the home folder (shown "admin.export.*")
    std::string path;  // "/media/kiosk/KINGSTON"
};

struct AdminModel
{
    std::string kiosk_name; // shown in the panel's title bar
    std::string event_name;

    AdminStats today;
    AdminStats all_time;

    // Content: the pack on screen (ctx.pack may be null when the fault screen shows).
    bool pack_loaded = false;
    std::string content_folder;
    kiosk::core::DiagnosticList diagnostics; // warnings of the loaded pack, or the errors of the last load
    AdminMessage reload_message;             // result of the last reload ("admin.content.reloaded", ...)
    bool reload_failed = false;              // the last reload kept the old content

    kiosk::core::StatsStoreStatus stats_status;

    bool hold_active = false;
    double hold_seconds_left = 0.0;
    double hold_max_s = 1200.0; // how long a new hold lasts

    std::vector<AdminExportTarget> export_targets;
    AdminMessage export_message; // result of the last export ("admin.export.done", ...)
    bool export_failed = false;

    // PIN pad.
    double pin_locked_s = 0.0;            // > 0: wrong PINs locked the pad for this many seconds
    int pin_failures = 0;                 // wrong PINs in a row (PinThrottle::Failures)
    PinPolicy pin_policy = PinPolicy::Ok; // CheckStoredPin: anything but Ok is explained on the pad
};

// Turns a summary into chart data: visits per hour of the day from visits_per_hour_of_day, and
// roles, photos and start points with their titles from the pack (in `language`; the id when
// the pack does not know it, or with no pack), at most `top` of each.
AdminStats MakeAdminStats(const kiosk::core::StatsSummary& summary, const kiosk::core::ContentPack* pack,
                          const std::string& language = "en", std::size_t top = 8);
} // namespace kiosk::core
