// Reading statistics databases: summary figures, CSV export, merge, and a self-contained copy.
// Used by `careers-kiosk stats ...` (stats_cli.h) and by the admin panel. No UI here.
#pragma once
#include "core/stats/stats_event.h"

#include <cstdint>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk::core
{
// Reads every event of a statistics database (opened read-only; a missing file is an error, never
// created). Events come back sorted by (kiosk, db_id, seq). Rows of a kind this version does not
// know are skipped and counted in *skipped. On failure *error says why (without the path).
bool ReadStatsDatabase(const std::string& path, std::vector<StatsEvent>* events, std::string* error,
                       std::int64_t* skipped = nullptr);

struct CountItem
{
    std::string key;
    std::int64_t count = 0;
};

// Figures for one (event, kiosk) pair, or for everything (event_name and kiosk empty).
struct StatsGroupSummary
{
    std::string event_name;
    std::string kiosk;
    std::int64_t events = 0;
    std::int64_t visits = 0;                       // visits started
    std::int64_t visits_ended = 0;                 // visits with a recorded end (a power cut leaves a visit open)
    double median_visit_s = 0;                     // median visit length, first touch to reset
    double median_engaged_s = 0;                   // the same without the walk-away idle time at the end
    std::vector<CountItem> roles;                  // role_opened by role_id, most first
    std::vector<CountItem> photos;                 // photo_viewed by photo_id, most first
    std::vector<CountItem> start_points;           // start_point_chosen by start_point_id, most first
    std::vector<CountItem> languages;              // language_switched by language, most first
    std::vector<CountItem> end_reasons;            // visit_ended by end_reason, most first
    std::vector<CountItem> visits_per_hour;        // "YYYY-MM-DD HH:00" (local or UTC), in time order
    std::vector<CountItem> visits_per_hour_of_day; // "HH:00", all days together, in time order
    std::int64_t untrusted_time_events = 0;        // events whose wall clock was flagged (not in per-hour counts)
    double first_wall = 0;                         // earliest and latest trusted wall time (0 if none)
    double last_wall = 0;
    std::vector<CountItem> glossary_terms; // glossary_term_opened by term id, most first
    // The quiz.
    std::int64_t quiz_started = 0;
    std::int64_t quiz_finished = 0;
    std::vector<CountItem> quiz_abandoned_at; // quiz_abandoned by question id, most first
    std::vector<CountItem> quiz_top_results;  // quiz_result rank=1 by role id, most first
    std::vector<CountItem> quiz_opened;       // quiz_result_opened by role id, most first
    // Finished quizzes per quiz started, 0..1 (0 when none started).
    double QuizCompletion() const { return quiz_started > 0 ? (double)quiz_finished / (double)quiz_started : 0.0; }
};

struct StatsSummary
{
    StatsGroupSummary total;               // everything
    std::vector<StatsGroupSummary> groups; // one per (event_name, kiosk), sorted by names
};

struct SummaryOptions
{
    // Only events with from_wall <= wall_time < to_wall count (untrusted ones too, at face value).
    double from_wall = -std::numeric_limits<double>::infinity();
    double to_wall = std::numeric_limits<double>::infinity();
    bool utc = false; // hour buckets in UTC instead of the local time zone (TZ)
    int top = 10;     // longest list FormatSummary prints; Summarize keeps every item
};

StatsSummary Summarize(const std::vector<StatsEvent>& events, const SummaryOptions& options = {});
// Plain text for a terminal: one section per (event, kiosk), then the total when there are several.
std::string FormatSummary(const StatsSummary& summary, const SummaryOptions& options = {});

// CSV for a spreadsheet (RFC 4180): a header row, CRLF line ends, fields with a comma, quote, CR or
// LF quoted with quotes doubled. time_utc is ISO 8601 ("2025-11-21T10:00:00Z"); time_local is
// "2025-11-21 10:00:00" in the local zone, which spreadsheets read as a date and time.
void WriteStatsCsv(const std::vector<StatsEvent>& events, std::ostream& out);
std::string CsvField(const std::string& field);
std::string IsoUtc(double unix_seconds); // "2025-11-21T10:00:00Z"

struct MergeInputResult
{
    std::string path;
    std::int64_t events = 0;  // events in the input
    std::int64_t added = 0;   // events that were new to the output
    std::int64_t skipped = 0; // rows of unknown kinds (from a newer version), not merged
};

// Merges the inputs into out_path (created when missing; otherwise it must be a statistics
// database). Events are identified by (kiosk, db_id, seq), so merging a file twice adds nothing.
// All inputs are read and checked before anything is written, and the output is written in one
// transaction: on any error nothing changes. *error_path names the file at fault.
bool MergeStatsDatabases(const std::string& out_path, const std::vector<std::string>& in_paths,
                         std::vector<MergeInputResult>* results, std::string* error_path, std::string* error);

// Copies a statistics database (which may be in use by the writer) into one self-contained file
// (no -wal beside it), e.g. onto a USB stick. Fails if dst_path exists.
bool CopyStatsDatabase(const std::string& src_path, const std::string& dst_path, std::string* error);
} // namespace kiosk::core
