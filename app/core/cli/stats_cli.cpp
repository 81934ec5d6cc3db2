// `careers-kiosk stats ...`: argument parsing and the three subcommands.
//
// Sections
//   1. Help text and error lines
//   2. Reading several databases without duplicates
//   3. summary
//   4. export
//   5. merge
//   6. Dispatch
#include "core/cli/stats_cli.h"

#include "core/content/diagnostics.h"
#include "core/stats/stats_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

namespace kiosk::core
{
namespace fs = std::filesystem;

// --- 1. Help text and error lines ------------------------------------------------------------------
std::string StatsCommandHelp()
{
    return "Usage: careers-kiosk stats COMMAND ...\n"
           "\n"
           "Reports on the kiosk's usage statistics (SQLite files, e.g. stats.db in the data folder).\n"
           "Several files may be given; an event found in more than one is counted once.\n"
           "\n"
           "  careers-kiosk stats summary [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--utc] [--top N] DB...\n"
           "      Visits, median visit length (also without the walk-away idle time at the end),\n"
           "      top roles and photographs, pathway start points, visits per hour; one section per\n"
           "      event and kiosk, then a total. --from and --to are inclusive days in local time\n"
           "      (UTC with --utc); --top N lists N items per list (default 10).\n"
           "\n"
           "  careers-kiosk stats export DB... --csv OUT.csv\n"
           "      Writes every event to a CSV file for a spreadsheet (RFC 4180, header row,\n"
           "      times in ISO 8601 UTC and in local time). OUT.csv '-' writes to standard output.\n"
           "\n"
           "  careers-kiosk stats merge OUT.db IN.db...\n"
           "      Adds the events of each IN.db to OUT.db (created if missing), without duplicates:\n"
           "      merging the same file twice adds nothing. Nothing is written if any file is bad.\n"
           "\n"
           "  careers-kiosk stats --help\n"
           "\n"
           "Exit status: 0 success, 1 a file could not be read or written, 2 bad arguments.\n";
}

namespace
{
int UsageError(std::ostream& err, const std::string& message)
{
    err << "careers-kiosk stats: error: " << message << "\n"
        << "Try 'careers-kiosk stats --help'.\n";
    return kStatsExitUsage;
}

int FileError(std::ostream& err, const std::string& path, const std::string& message)
{
    Diagnostic d;
    d.where.file = path;
    d.message = message;
    err << FormatDiagnostic(d) << "\n";
    return kStatsExitFileError;
}

void FileWarning(std::ostream& err, const std::string& path, const std::string& message)
{
    Diagnostic d;
    d.severity = Severity::Warning;
    d.where.file = path;
    d.message = message;
    err << FormatDiagnostic(d) << "\n";
}

bool IsHelp(const std::string& a)
{
    return a == "--help" || a == "-h" || a == "help";
}

// --- 2. Reading several databases without duplicates ----------------------------------------------
// Returns false after printing the error for the first bad file.
bool ReadAll(const std::vector<std::string>& paths, std::vector<StatsEvent>* events, std::ostream& err)
{
    std::set<std::tuple<std::string, std::string, std::int64_t>> seen;
    for (const std::string& path : paths)
    {
        std::vector<StatsEvent> rows;
        std::string error;
        std::int64_t skipped = 0;
        if (!ReadStatsDatabase(path, &rows, &error, &skipped))
        {
            FileError(err, path, error);
            return false;
        }
        if (skipped > 0)
            FileWarning(err, path,
                        std::to_string(skipped) + " events of unknown kinds skipped (written by a newer version?)");
        for (StatsEvent& e : rows)
            if (seen.insert({e.kiosk, e.db_id, e.seq}).second)
                events->push_back(std::move(e));
    }
    std::stable_sort(
        events->begin(), events->end(),
        [](const StatsEvent& a, const StatsEvent& b)
        { return std::tie(a.event_name, a.kiosk, a.db_id, a.seq) < std::tie(b.event_name, b.kiosk, b.db_id, b.seq); });
    return true;
}

// "2025-11-21" -> unix seconds of that midnight (local, or UTC).
bool ParseDay(const std::string& text, bool utc, double* out)
{
    int y = 0, m = 0, d = 0;
    char extra = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31 || y < 1970)
        return false;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_isdst = -1;
    const std::time_t t = utc ? timegm(&tm) : std::mktime(&tm);
    if (t == (std::time_t)-1 || tm.tm_mday != d) // mktime normalises 2025-02-31 to March
        return false;
    *out = (double)t;
    return true;
}

// --- 3. summary ------------------------------------------------------------------------------------------
int RunSummary(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    SummaryOptions options;
    std::string from, to;
    std::vector<std::string> paths;
    bool options_done = false;
    for (size_t i = 0; i < args.size(); i++)
    {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (options_done || a.empty() || a[0] != '-' || a == "-")
            paths.push_back(a);
        else if (a == "--")
            options_done = true;
        else if (IsHelp(a))
        {
            out << StatsCommandHelp();
            return kStatsExitOk;
        }
        else if (a == "--utc")
            options.utc = true;
        else if ((a == "--from" || a == "--to" || a == "--top") && !has_value)
            return UsageError(err, "'" + a + "' needs a value");
        else if (a == "--from")
            from = args[++i];
        else if (a == "--to")
            to = args[++i];
        else if (a == "--top")
        {
            const std::string& v = args[++i];
            char* end = nullptr;
            const long n = std::strtol(v.c_str(), &end, 10);
            if (v.empty() || *end != '\0' || n < 1 || n > 1000)
                return UsageError(err, "--top needs a whole number from 1 to 1000, not '" + v + "'");
            options.top = (int)n;
        }
        else
            return UsageError(err, "unknown option '" + a + "' for 'summary'");
    }
    if (!from.empty() && !ParseDay(from, options.utc, &options.from_wall))
        return UsageError(err, "--from needs a date as YYYY-MM-DD, not '" + from + "'");
    if (!to.empty())
    {
        if (!ParseDay(to, options.utc, &options.to_wall))
            return UsageError(err, "--to needs a date as YYYY-MM-DD, not '" + to + "'");
        options.to_wall += 86400; // inclusive: up to the end of that day
    }
    if (options.from_wall >= options.to_wall)
        return UsageError(err, "--from is after --to");
    if (paths.empty())
        return UsageError(err, "'summary' needs at least one statistics database");
    std::vector<StatsEvent> events;
    if (!ReadAll(paths, &events, err))
        return kStatsExitFileError;
    out << "Statistics from " << paths.size() << (paths.size() == 1 ? " file" : " files") << "\n\n";
    out << FormatSummary(Summarize(events, options), options);
    return kStatsExitOk;
}

// --- 4. export -------------------------------------------------------------------------------------------
int RunExport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    std::string csv;
    bool have_csv = false;
    std::vector<std::string> paths;
    for (size_t i = 0; i < args.size(); i++)
    {
        const std::string& a = args[i];
        if (IsHelp(a))
        {
            out << StatsCommandHelp();
            return kStatsExitOk;
        }
        if (a == "--csv")
        {
            if (i + 1 >= args.size())
                return UsageError(err, "'--csv' needs an output file (or '-' for standard output)");
            if (have_csv)
                return UsageError(err, "'--csv' given twice");
            csv = args[++i];
            have_csv = true;
        }
        else if (!a.empty() && a[0] == '-')
            return UsageError(err, "unknown option '" + a + "' for 'export'");
        else
            paths.push_back(a);
    }
    if (!have_csv)
        return UsageError(err, "'export' needs '--csv OUT.csv'");
    if (csv.empty())
        return UsageError(err, "'--csv' needs an output file name");
    if (paths.empty())
        return UsageError(err, "'export' needs at least one statistics database");
    std::vector<StatsEvent> events;
    if (!ReadAll(paths, &events, err))
        return kStatsExitFileError;
    if (csv == "-")
    {
        WriteStatsCsv(events, out);
        return kStatsExitOk;
    }
    for (const std::string& p : paths)
    {
        std::error_code ec;
        if (fs::equivalent(p, csv, ec))
            return FileError(err, csv, "is one of the databases being exported; choose another output file");
    }
    // Write beside the target and rename, so a failed export never leaves half a file.
    const std::string tmp = csv + ".part";
    {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        if (!file)
            return FileError(err, csv, "cannot create the CSV file (does the folder exist and is it writable?)");
        WriteStatsCsv(events, file);
        file.flush();
        if (!file)
        {
            std::error_code ec;
            fs::remove(tmp, ec);
            return FileError(err, csv, "cannot write the CSV file (disk full?)");
        }
    }
    std::error_code ec;
    fs::rename(tmp, csv, ec);
    if (ec)
    {
        fs::remove(tmp, ec);
        return FileError(err, csv, "cannot write the CSV file: " + ec.message());
    }
    out << "Wrote " << events.size() << " events to " << csv << "\n";
    return kStatsExitOk;
}

// --- 5. merge ---------------------------------------------------------------------------------------------
int RunMerge(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    std::vector<std::string> paths;
    for (const std::string& a : args)
    {
        if (IsHelp(a))
        {
            out << StatsCommandHelp();
            return kStatsExitOk;
        }
        if (!a.empty() && a[0] == '-')
            return UsageError(err, "unknown option '" + a + "' for 'merge'");
        paths.push_back(a);
    }
    if (paths.size() < 2)
        return UsageError(err, "'merge' needs an output database and at least one input: merge OUT.db IN.db...");
    const std::string out_path = paths[0];
    const std::vector<std::string> inputs(paths.begin() + 1, paths.end());
    std::vector<MergeInputResult> results;
    std::string error_path, error;
    if (!MergeStatsDatabases(out_path, inputs, &results, &error_path, &error))
        return FileError(err, error_path, error);
    std::int64_t added = 0;
    for (const MergeInputResult& r : results)
    {
        out << r.path << ": " << r.events << " events, " << r.added << " added, " << (r.events - r.added)
            << " already present\n";
        if (r.skipped > 0)
            FileWarning(err, r.path,
                        std::to_string(r.skipped) +
                            " events of unknown kinds not merged (written by a newer version?)");
        added += r.added;
    }
    out << out_path << ": " << added << " events added\n";
    return kStatsExitOk;
}
} // namespace

// --- 6. Dispatch -----------------------------------------------------------------------------------------
int RunStatsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err)
{
    if (args.empty())
        return UsageError(err, "missing command: summary, export or merge");
    const std::string& command = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (IsHelp(command))
    {
        out << StatsCommandHelp();
        return kStatsExitOk;
    }
    if (command == "summary")
        return RunSummary(rest, out, err);
    if (command == "export")
        return RunExport(rest, out, err);
    if (command == "merge")
        return RunMerge(rest, out, err);
    return UsageError(err, "unknown command '" + command + "': use summary, export or merge");
}
} // namespace kiosk::core
