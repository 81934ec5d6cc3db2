// Statistics reports: reading databases, the summary, CSV export, merge and copy.
//
// Sections
//   1. Reading a database
//   2. Summary figures
//   3. Summary text
//   4. CSV
//   5. Merge and copy
#include "core/stats/stats_report.h"

#include "core/stats/stats_store.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iomanip>
#include <map>
#include <sqlite3.h>
#include <sstream>

namespace kiosk::core
{
namespace fs = std::filesystem;

// --- 1. Reading a database --------------------------------------------------------------------------
namespace
{
// Opens an existing file read-only. SQLite would happily "open" a missing path or a directory and
// fail later with a vaguer message, so those are checked first.
bool OpenExisting(const std::string& path, int flags, sqlite3** db, std::string* error)
{
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st))
    {
        *error = "no such file";
        return false;
    }
    if (fs::is_directory(st))
    {
        *error = "is a directory, not a statistics database";
        return false;
    }
    if (sqlite3_open_v2(path.c_str(), db, flags, nullptr) != SQLITE_OK)
    {
        *error = *db ? sqlite3_errmsg(*db) : "cannot open";
        sqlite3_close(*db);
        *db = nullptr;
        return false;
    }
    sqlite3_busy_timeout(*db, 5000);
    return true;
}

std::string ColumnText(sqlite3_stmt* stmt, int col)
{
    const unsigned char* text = sqlite3_column_text(stmt, col);
    return text ? (const char*)text : "";
}

std::int64_t ColumnInt(sqlite3_stmt* stmt, int col)
{
    return sqlite3_column_type(stmt, col) == SQLITE_NULL ? -1 : sqlite3_column_int64(stmt, col);
}
} // namespace

bool ReadStatsDatabase(const std::string& path, std::vector<StatsEvent>* events, std::string* error,
                       std::int64_t* skipped)
{
    sqlite3* db = nullptr;
    if (!OpenExisting(path, SQLITE_OPEN_READONLY, &db, error))
        return false;
    std::string db_id;
    int version = 0;
    bool ok = PrepareStatsSchema(db, false, &db_id, error, &version);
    if (!ok && (error->find("file is not a database") != std::string::npos))
        *error = "not an SQLite database (damaged, or some other kind of file)";
    sqlite3_stmt* stmt = nullptr;
    if (ok)
    {
        const std::string sql = std::string("SELECT db_id, seq, kiosk, event_name, wall_time, wall_untrusted, "
                                            "mono_time, kind, visit_id, role_id, photo_id, node_id, start_point_id, "
                                            "screen_id, language, setting, dwell_ms, visit_duration_ms, idle_ms, "
                                            "end_reason, ") +
                                (version == 1 ? "NULL" : "glossary_term_id") +
                                " FROM events ORDER BY kiosk, db_id, seq";
        ok = sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK;
        if (!ok)
            *error = sqlite3_errmsg(db);
    }
    std::int64_t unknown = 0;
    std::vector<StatsEvent> rows;
    int rc = SQLITE_DONE;
    while (ok && (rc = sqlite3_step(stmt)) == SQLITE_ROW)
    {
        const std::optional<EventKind> kind = ParseEventKind(ColumnText(stmt, 7));
        if (!kind)
        {
            unknown++;
            continue;
        }
        StatsEvent e;
        e.db_id = ColumnText(stmt, 0);
        e.seq = sqlite3_column_int64(stmt, 1);
        e.kiosk = ColumnText(stmt, 2);
        e.event_name = ColumnText(stmt, 3);
        e.wall_time = sqlite3_column_double(stmt, 4);
        e.wall_untrusted = sqlite3_column_int(stmt, 5) != 0;
        e.mono_time = sqlite3_column_double(stmt, 6);
        e.kind = *kind;
        e.visit_id = std::max<std::int64_t>(0, ColumnInt(stmt, 8));
        e.role_id = ColumnText(stmt, 9);
        e.photo_id = ColumnText(stmt, 10);
        e.node_id = ColumnText(stmt, 11);
        e.start_point_id = ColumnText(stmt, 12);
        e.screen_id = ColumnText(stmt, 13);
        e.language = ColumnText(stmt, 14);
        e.setting = ColumnText(stmt, 15);
        e.dwell_ms = ColumnInt(stmt, 16);
        e.visit_duration_ms = ColumnInt(stmt, 17);
        e.idle_ms = ColumnInt(stmt, 18);
        e.end_reason = ColumnText(stmt, 19);
        e.glossary_term_id = ColumnText(stmt, 20);
        if (e.kind == EventKind::GlossaryTermOpened && e.glossary_term_id.empty()) // schema 1 kept it here
            std::swap(e.glossary_term_id, e.setting);
        rows.push_back(std::move(e));
    }
    if (ok && rc != SQLITE_DONE)
    {
        ok = false;
        *error = sqlite3_errmsg(db);
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    if (!ok)
        return false;
    events->insert(events->end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    if (skipped)
        *skipped = unknown;
    return true;
}

// --- 2. Summary figures ---------------------------------------------------------------------------
namespace
{
struct Accumulator
{
    StatsGroupSummary summary;
    std::vector<double> visit_s;
    std::vector<double> engaged_s;
    std::map<std::string, std::int64_t> roles, photos, start_points, languages, end_reasons, per_hour, per_hour_of_day;
    std::map<std::string, std::int64_t> glossary_terms;
    std::map<std::string, std::int64_t> quiz_abandoned_at, quiz_top_results, quiz_opened;
};

std::vector<CountItem> MostFirst(const std::map<std::string, std::int64_t>& counts)
{
    std::vector<CountItem> out;
    for (const auto& [key, n] : counts)
        out.push_back({key, n});
    std::stable_sort(out.begin(), out.end(), [](const CountItem& a, const CountItem& b) { return a.count > b.count; });
    return out;
}

std::vector<CountItem> InKeyOrder(const std::map<std::string, std::int64_t>& counts)
{
    std::vector<CountItem> out;
    for (const auto& [key, n] : counts)
        out.push_back({key, n});
    return out;
}

double Median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

std::tm Broken(double unix_seconds, bool utc)
{
    const std::time_t t = (std::time_t)std::floor(unix_seconds);
    std::tm tm{};
    if (utc)
        gmtime_r(&t, &tm);
    else
        localtime_r(&t, &tm);
    return tm;
}

std::string Format(const std::tm& tm, const char* format)
{
    std::ostringstream out;
    out << std::put_time(&tm, format);
    return out.str();
}

void Add(Accumulator& acc, const StatsEvent& e, bool utc)
{
    StatsGroupSummary& s = acc.summary;
    s.events++;
    if (e.wall_untrusted)
        s.untrusted_time_events++;
    else
    {
        s.first_wall = s.first_wall == 0 ? e.wall_time : std::min(s.first_wall, e.wall_time);
        s.last_wall = std::max(s.last_wall, e.wall_time);
    }
    switch (e.kind)
    {
    case EventKind::VisitStarted:
        s.visits++;
        if (!e.wall_untrusted)
        {
            const std::tm tm = Broken(e.wall_time, utc);
            acc.per_hour[Format(tm, "%Y-%m-%d %H:00")]++;
            acc.per_hour_of_day[Format(tm, "%H:00")]++;
        }
        break;
    case EventKind::VisitEnded:
        s.visits_ended++;
        if (e.visit_duration_ms >= 0)
        {
            const double visit = e.visit_duration_ms / 1000.0;
            acc.visit_s.push_back(visit);
            acc.engaged_s.push_back(std::max(0.0, visit - std::max<std::int64_t>(0, e.idle_ms) / 1000.0));
        }
        acc.end_reasons[e.end_reason.empty() ? "unknown" : e.end_reason]++;
        break;
    case EventKind::RoleOpened:
        acc.roles[e.role_id]++;
        break;
    case EventKind::PhotoViewed:
        acc.photos[e.photo_id]++;
        break;
    case EventKind::StartPointChosen:
        acc.start_points[e.start_point_id]++;
        break;
    case EventKind::LanguageSwitched:
        acc.languages[e.language]++;
        break;
    case EventKind::GlossaryTermOpened:
        acc.glossary_terms[e.glossary_term_id]++;
        break;
    case EventKind::QuizStarted:
        s.quiz_started++;
        break;
    case EventKind::QuizFinished:
        s.quiz_finished++;
        break;
    case EventKind::QuizAbandoned:
        acc.quiz_abandoned_at[e.setting.compare(0, 3, "at=") == 0 ? e.setting.substr(3) : e.setting]++;
        break;
    case EventKind::QuizResult:
        if (e.setting == "rank=1")
            acc.quiz_top_results[e.role_id]++;
        break;
    case EventKind::QuizResultOpened:
        acc.quiz_opened[e.role_id]++;
        break;
    default:
        break;
    }
}

StatsGroupSummary Finish(Accumulator& acc)
{
    StatsGroupSummary s = acc.summary;
    s.median_visit_s = Median(acc.visit_s);
    s.median_engaged_s = Median(acc.engaged_s);
    s.roles = MostFirst(acc.roles);
    s.photos = MostFirst(acc.photos);
    s.start_points = MostFirst(acc.start_points);
    s.languages = MostFirst(acc.languages);
    s.end_reasons = MostFirst(acc.end_reasons);
    s.glossary_terms = MostFirst(acc.glossary_terms);
    s.quiz_abandoned_at = MostFirst(acc.quiz_abandoned_at);
    s.quiz_top_results = MostFirst(acc.quiz_top_results);
    s.quiz_opened = MostFirst(acc.quiz_opened);
    s.visits_per_hour = InKeyOrder(acc.per_hour);
    s.visits_per_hour_of_day = InKeyOrder(acc.per_hour_of_day);
    return s;
}
} // namespace

StatsSummary Summarize(const std::vector<StatsEvent>& events, const SummaryOptions& options)
{
    Accumulator total;
    std::map<std::pair<std::string, std::string>, Accumulator> groups;
    for (const StatsEvent& e : events)
    {
        if (!(e.wall_time >= options.from_wall && e.wall_time < options.to_wall))
            continue;
        Add(total, e, options.utc);
        Accumulator& g = groups[{e.event_name, e.kiosk}];
        g.summary.event_name = e.event_name;
        g.summary.kiosk = e.kiosk;
        Add(g, e, options.utc);
    }
    StatsSummary out;
    out.total = Finish(total);
    for (auto& [key, acc] : groups)
        out.groups.push_back(Finish(acc));
    return out;
}

// --- 3. Summary text ------------------------------------------------------------------------------
namespace
{
std::string Duration(double s)
{
    char buf[48];
    const long total = std::lround(s);
    if (total < 60)
        std::snprintf(buf, sizeof buf, "%ld s", total);
    else if (total < 3600)
        std::snprintf(buf, sizeof buf, "%ld min %02ld s", total / 60, total % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld h %02ld min", total / 3600, (total % 3600) / 60);
    return buf;
}

void List(std::ostringstream& out, const char* title, const std::vector<CountItem>& items, int top)
{
    out << title << ":";
    if (items.empty())
    {
        out << " none\n";
        return;
    }
    out << "\n";
    int shown = 0;
    for (const CountItem& item : items)
    {
        if (shown++ == top)
        {
            out << "    ... and " << (items.size() - (size_t)top) << " more\n";
            break;
        }
        char count[32];
        std::snprintf(count, sizeof count, "%8lld", (long long)item.count);
        out << count << "  " << (item.key.empty() ? std::string("(none)") : item.key) << "\n";
    }
}

void Bars(std::ostringstream& out, const char* title, const std::vector<CountItem>& items)
{
    out << title << ":";
    if (items.empty())
    {
        out << " none\n";
        return;
    }
    out << "\n";
    std::int64_t most = 1;
    for (const CountItem& item : items)
        most = std::max(most, item.count);
    for (const CountItem& item : items)
    {
        char line[64];
        std::snprintf(line, sizeof line, "    %-16s %6lld  ", item.key.c_str(), (long long)item.count);
        out << line << std::string((size_t)((item.count * 40 + most - 1) / most), '#') << "\n";
    }
}

void Section(std::ostringstream& out, const StatsGroupSummary& s, const SummaryOptions& options,
             const std::string& title)
{
    out << "== " << title << " ==\n";
    if (s.first_wall > 0)
        out << "From " << Format(Broken(s.first_wall, options.utc), "%Y-%m-%d %H:%M") << " to "
            << Format(Broken(s.last_wall, options.utc), "%Y-%m-%d %H:%M") << (options.utc ? " UTC" : "") << "\n";
    out << "Events: " << s.events << "\n";
    out << "Visits: " << s.visits << " (" << s.visits_ended << " with a recorded end)\n";
    out << "Median visit length: " << (s.visits_ended ? Duration(s.median_visit_s) : "-") << "\n";
    out << "Median visit length without walk-away idle time: " << (s.visits_ended ? Duration(s.median_engaged_s) : "-")
        << "\n";
    List(out, "How visits ended", s.end_reasons, options.top);
    List(out, "Top roles opened", s.roles, options.top);
    List(out, "Top photographs viewed", s.photos, options.top);
    List(out, "Pathway start points chosen", s.start_points, options.top);
    List(out, "Languages switched to", s.languages, options.top);
    List(out, "Glossary terms opened (words that puzzled visitors)", s.glossary_terms, options.top);
    if (s.quiz_started > 0)
    {
        char completion[32];
        std::snprintf(completion, sizeof completion, "%.0f%%", 100.0 * s.QuizCompletion());
        out << "Quiz: " << s.quiz_started << " started, " << s.quiz_finished << " finished (" << completion
            << " completed)\n";
        List(out, "Quiz left at question", s.quiz_abandoned_at, options.top);
        List(out, "Quiz top matches", s.quiz_top_results, options.top);
        List(out, "Quiz results opened", s.quiz_opened, options.top);
    }
    Bars(out, options.utc ? "Visits per hour (UTC)" : "Visits per hour", s.visits_per_hour);
    if (s.untrusted_time_events > 0)
        out << "Events with an untrusted clock (not in visits per hour): " << s.untrusted_time_events << "\n";
    out << "\n";
}
} // namespace

std::string FormatSummary(const StatsSummary& summary, const SummaryOptions& options)
{
    std::ostringstream out;
    if (summary.groups.empty())
    {
        out << "No events recorded"
            << (std::isfinite(options.from_wall) || std::isfinite(options.to_wall) ? " in the chosen dates.\n" : ".\n");
        return out.str();
    }
    for (const StatsGroupSummary& g : summary.groups)
        Section(out, g, options, "Event: " + g.event_name + " | Kiosk: " + g.kiosk);
    if (summary.groups.size() > 1)
        Section(out, summary.total, options, "All events and kiosks");
    return out.str();
}

// --- 4. CSV -----------------------------------------------------------------------------------------
std::string CsvField(const std::string& field)
{
    if (field.find_first_of(",\"\r\n") == std::string::npos)
        return field;
    std::string out = "\"";
    for (char c : field)
    {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string IsoUtc(double unix_seconds)
{
    return Format(Broken(unix_seconds, true), "%Y-%m-%dT%H:%M:%SZ");
}

void WriteStatsCsv(const std::vector<StatsEvent>& events, std::ostream& out)
{
    out << "event,kiosk,database_id,sequence,time_utc,time_local,time_trusted,monotonic_s,kind,visit,role_id,"
           "photo_id,node_id,start_point_id,screen_id,language,setting,dwell_ms,visit_duration_ms,idle_ms,"
           "end_reason,glossary_term_id\r\n";
    auto num = [](std::int64_t v) { return v < 0 ? std::string() : std::to_string(v); };
    for (const StatsEvent& e : events)
    {
        char mono[32];
        std::snprintf(mono, sizeof mono, "%.3f", e.mono_time);
        out << CsvField(e.event_name) << ',' << CsvField(e.kiosk) << ',' << CsvField(e.db_id) << ',' << e.seq << ','
            << IsoUtc(e.wall_time) << ',' << Format(Broken(e.wall_time, false), "%Y-%m-%d %H:%M:%S") << ','
            << (e.wall_untrusted ? "no" : "yes") << ',' << mono << ',' << EventKindName(e.kind) << ','
            << (e.visit_id > 0 ? std::to_string(e.visit_id) : std::string()) << ',' << CsvField(e.role_id) << ','
            << CsvField(e.photo_id) << ',' << CsvField(e.node_id) << ',' << CsvField(e.start_point_id) << ','
            << CsvField(e.screen_id) << ',' << CsvField(e.language) << ',' << CsvField(e.setting) << ','
            << num(e.dwell_ms) << ',' << num(e.visit_duration_ms) << ',' << num(e.idle_ms) << ','
            << CsvField(e.end_reason) << ',' << CsvField(e.glossary_term_id) << "\r\n";
    }
}

// --- 5. Merge and copy ------------------------------------------------------------------------------
bool MergeStatsDatabases(const std::string& out_path, const std::vector<std::string>& in_paths,
                         std::vector<MergeInputResult>* results, std::string* error_path, std::string* error)
{
    results->clear();
    std::error_code ec;
    const bool out_exists = fs::exists(out_path, ec);
    std::vector<std::vector<StatsEvent>> inputs;
    for (const std::string& in : in_paths)
    {
        *error_path = in;
        if (out_exists && fs::equivalent(in, out_path, ec))
        {
            *error = "is also the output: merge into a new or different file";
            return false;
        }
        MergeInputResult r;
        r.path = in;
        std::vector<StatsEvent> events;
        if (!ReadStatsDatabase(in, &events, error, &r.skipped))
            return false;
        r.events = (std::int64_t)events.size();
        results->push_back(r);
        inputs.push_back(std::move(events));
    }

    *error_path = out_path;
    if (out_exists && fs::is_directory(out_path, ec))
    {
        *error = "is a directory";
        return false;
    }
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(out_path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    {
        *error = db ? sqlite3_errmsg(db) : "cannot open";
        sqlite3_close(db);
        return false;
    }
    sqlite3_busy_timeout(db, 5000);
    std::string db_id;
    bool ok = sqlite3_exec(db, "PRAGMA synchronous=FULL", nullptr, nullptr, nullptr) == SQLITE_OK &&
              PrepareStatsSchema(db, true, &db_id, error);
    if (ok && sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK)
    {
        ok = false;
        *error = sqlite3_errmsg(db);
    }
    for (size_t i = 0; ok && i < inputs.size(); i++)
        ok = InsertStatsEvents(db, inputs[i], &(*results)[i].added, error);
    if (ok && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
    {
        ok = false;
        *error = sqlite3_errmsg(db);
    }
    if (!ok)
    {
        if (error->find("file is not a database") != std::string::npos)
            *error = "not an SQLite database (damaged, or some other kind of file)";
        sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    }
    sqlite3_close(db);
    if (!ok && !out_exists)
        fs::remove(out_path, ec); // do not leave an empty file behind
    return ok;
}

bool CopyStatsDatabase(const std::string& src_path, const std::string& dst_path, std::string* error)
{
    std::error_code ec;
    if (fs::exists(dst_path, ec))
    {
        *error = "'" + dst_path + "' already exists";
        return false;
    }
    sqlite3* src = nullptr;
    if (!OpenExisting(src_path, SQLITE_OPEN_READONLY, &src, error))
        return false;
    std::string db_id;
    int version = 0; // a schema 1 database is copied as it is
    if (!PrepareStatsSchema(src, false, &db_id, error, &version))
    {
        sqlite3_close(src);
        return false;
    }
    sqlite3* dst = nullptr;
    bool ok = sqlite3_open_v2(dst_path.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK;
    if (ok)
    {
        sqlite3_backup* backup = sqlite3_backup_init(dst, "main", src, "main");
        ok = backup != nullptr;
        if (backup)
        {
            ok = sqlite3_backup_step(backup, -1) == SQLITE_DONE;
            ok = sqlite3_backup_finish(backup) == SQLITE_OK && ok;
        }
        // One self-contained file: the copy leaves WAL mode.
        ok = ok && sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) == SQLITE_OK;
    }
    if (!ok)
        *error = dst ? sqlite3_errmsg(dst) : "cannot create the copy";
    sqlite3_close(dst);
    sqlite3_close(src);
    if (!ok)
        fs::remove(dst_path, ec);
    return ok;
}
} // namespace kiosk::core
