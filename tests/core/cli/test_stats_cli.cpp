// `careers-kiosk stats ...` on good and bad input: summary figures, CSV export, merge without
// duplicates, and clear errors with non-zero exits for bad arguments and bad files.
#include "core/cli/stats_cli.h"
#include "core/stats/stats_report.h"
#include "core/stats/stats_store.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sqlite3.h>
#include <sstream>
#include <unistd.h>

using namespace kiosk::core;
namespace fs = std::filesystem;

namespace
{
constexpr double kWall = 1763719200.0; // 2025-11-21T10:00:00Z

// A scratch folder named for this file's tests.
struct TempDir : kiosk::test::TempDir
{
    TempDir() : kiosk::test::TempDir("kiosk-stats-cli") {}
};

struct Run
{
    int status = -1;
    std::string out;
    std::string err;
};

Run Stats(const std::vector<std::string>& args)
{
    std::ostringstream out, err;
    Run r;
    r.status = RunStatsCommand(args, out, err);
    r.out = out.str();
    r.err = err.str();
    return r;
}

std::string Fixture(const std::string& name)
{
    return std::string(KIOSK_FIXTURES_DIR) + "/stats/" + name;
}

struct Visit
{
    double start;    // seconds after kWall
    double length_s; // visit length
    double idle_s;   // walk-away idle at the end
    std::vector<std::string> roles;
    std::string start_point;
    std::string photo;
};

// Writes a statistics database the way the kiosk does.
void MakeDatabase(const std::string& path, const std::string& kiosk, const std::string& event,
                  const std::vector<Visit>& visits)
{
    StatsStoreOptions o;
    o.path = path;
    o.kiosk_name = kiosk;
    o.event_name = event;
    StatsStore store(o);
    REQUIRE(store.Open(kWall));
    for (const Visit& v : visits)
    {
        auto ev = [&](EventKind kind, double t)
        {
            StatsEvent e;
            e.kind = kind;
            e.wall_time = kWall + t;
            e.mono_time = 50 + t;
            return e;
        };
        store.Append(ev(EventKind::VisitStarted, v.start));
        for (const std::string& role : v.roles)
        {
            StatsEvent e = ev(EventKind::RoleOpened, v.start + 5);
            e.role_id = role;
            store.Append(e);
        }
        if (!v.start_point.empty())
        {
            StatsEvent e = ev(EventKind::StartPointChosen, v.start + 6);
            e.start_point_id = v.start_point;
            store.Append(e);
        }
        if (!v.photo.empty())
        {
            StatsEvent e = ev(EventKind::PhotoViewed, v.start + 7);
            e.photo_id = v.photo;
            e.dwell_ms = 4000;
            store.Append(e);
        }
        StatsEvent end = ev(EventKind::VisitEnded, v.start + v.length_s);
        end.visit_duration_ms = (std::int64_t)(v.length_s * 1000);
        end.idle_ms = (std::int64_t)(v.idle_s * 1000);
        end.end_reason = "idle_timeout";
        store.Append(end);
        store.Append(ev(EventKind::IdleReset, v.start + v.length_s));
    }
    REQUIRE(store.Flush(10));
}

std::vector<Visit> StandA()
{
    return {
        {0, 100, 70, {"clinical-engineer", "clinical-technologist"}, "gcse", "workshop"},
        {3600, 160, 70, {"clinical-engineer"}, "a-levels", ""},
        {3700, 75, 70, {"renal-technologist"}, "gcse", "workshop"},
    };
}

std::vector<Visit> StandB()
{
    return {
        {7200, 300, 70, {"clinical-engineer"}, "degree", "dialysis"}, {86400, 90, 0, {}, "", ""}, // the next day
    };
}

std::string ReadFile(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::ostringstream s;
    s << f.rdbuf();
    return s.str();
}

int Lines(const std::string& text)
{
    return (int)std::count(text.begin(), text.end(), '\n');
}
} // namespace

TEST_CASE("stats --help documents every subcommand and exits 0", "[stats_cli]")
{
    for (const char* flag : {"--help", "-h", "help"})
    {
        Run r = Stats({flag});
        CHECK(r.status == 0);
        CHECK(r.out.find("stats summary") != std::string::npos);
        CHECK(r.out.find("stats export DB... --csv OUT.csv") != std::string::npos);
        CHECK(r.out.find("stats merge OUT.db IN.db...") != std::string::npos);
        CHECK(r.out.find("Exit status") != std::string::npos);
        CHECK(r.err.empty());
    }
    CHECK(Stats({"merge", "--help"}).status == 0);
}

TEST_CASE("bad arguments get one clear error and exit 2", "[stats_cli]")
{
    const std::vector<std::vector<std::string>> bad = {
        {},
        {"sumary", "a.db"},
        {"summary"},
        {"summary", "--from", "21/11/2025", "a.db"},
        {"summary", "--from", "2025-02-30", "a.db"},
        {"summary", "--to"},
        {"summary", "--from", "2025-11-22", "--to", "2025-11-21", "a.db"},
        {"summary", "--top", "many", "a.db"},
        {"summary", "--verbose", "a.db"},
        {"export", "a.db"},
        {"export", "--csv", "out.csv"},
        {"export", "a.db", "--csv"},
        {"export", "a.db", "--csv", "x.csv", "--csv", "y.csv"},
        {"merge", "out.db"},
        {"merge"},
        {"merge", "--force", "out.db", "in.db"},
    };
    for (const auto& args : bad)
    {
        Run r = Stats(args);
        INFO("args: " << (args.empty() ? std::string("(none)") : args[0]) << " ... (" << args.size() << " words)");
        CHECK(r.status == 2);
        CHECK(r.err.rfind("careers-kiosk stats: error: ", 0) == 0);
        CHECK(r.out.empty());
    }
}

TEST_CASE("bad files get a FILE: error line and exit 1", "[stats_cli]")
{
    TempDir dir;
    const std::string foreign = dir.File("recipes.db");
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(foreign.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "CREATE TABLE recipes(name TEXT)", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    const std::string missing = dir.File("missing.db");
    struct Case
    {
        std::string path;
        std::string message;
    };
    const std::vector<Case> cases = {
        {missing, "no such file"},
        {dir.path.string(), "is a directory"},
        {Fixture("not-a-database.db"), "not an SQLite database"},
        {Fixture("empty.db"), "not a careers-kiosk statistics database"},
        {foreign, "not a careers-kiosk statistics database"},
    };
    for (const Case& c : cases)
    {
        INFO(c.path);
        for (const std::vector<std::string>& args :
             std::vector<std::vector<std::string>>{{"summary", c.path},
                                                   {"export", c.path, "--csv", dir.File("x.csv")},
                                                   {"merge", dir.File("m.db"), c.path}})
        {
            Run r = Stats(args);
            CHECK(r.status == 1);
            CHECK(r.err.rfind(c.path + ": error: ", 0) == 0);
            CHECK(r.err.find(c.message) != std::string::npos);
            CHECK(Lines(r.err) == 1);
        }
        CHECK_FALSE(fs::exists(dir.File("x.csv")));
        CHECK_FALSE(fs::exists(dir.File("m.db"))); // a failed merge leaves no output behind
    }
    CHECK_FALSE(fs::exists(missing)); // reading never creates a file
    CHECK(fs::file_size(Fixture("empty.db")) == 0);
}

TEST_CASE("summary reports visits, medians, top lists and visits per hour", "[stats_cli]")
{
    TempDir dir;
    const std::string a = dir.File("a.db");
    MakeDatabase(a, "Stand A", "Open Day", StandA());
    Run r = Stats({"summary", "--utc", a});
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    const std::string& t = r.out;
    CHECK(t.find("Event: Open Day | Kiosk: Stand A") != std::string::npos);
    CHECK(t.find("Visits: 3 (3 with a recorded end)") != std::string::npos);
    CHECK(t.find("Median visit length: 1 min 40 s") != std::string::npos);
    CHECK(t.find("Median visit length without walk-away idle time: 30 s") != std::string::npos);
    CHECK(t.find("       2  clinical-engineer") != std::string::npos);
    CHECK(t.find("clinical-engineer") < t.find("renal-technologist"));
    CHECK(t.find("       2  gcse") != std::string::npos);
    CHECK(t.find("       2  workshop") != std::string::npos);
    CHECK(t.find("2025-11-21 10:00      1  #") != std::string::npos);
    CHECK(t.find("2025-11-21 11:00      2  #") != std::string::npos);
    CHECK(t.find("All events and kiosks") == std::string::npos); // only one group
}

TEST_CASE("Summarize groups by event and kiosk and counts each event once across files", "[stats_cli]")
{
    TempDir dir;
    const std::string a = dir.File("a.db"), b = dir.File("b.db"), merged = dir.File("merged.db");
    MakeDatabase(a, "Stand A", "Open Day", StandA());
    MakeDatabase(b, "Stand B", "Open Day", StandB());
    REQUIRE(Stats({"merge", merged, a, b}).status == 0);

    std::vector<StatsEvent> events;
    std::string error;
    REQUIRE(ReadStatsDatabase(merged, &events, &error));
    SummaryOptions utc;
    utc.utc = true;
    const StatsSummary s = Summarize(events, utc);
    REQUIRE(s.groups.size() == 2);
    CHECK(s.groups[0].kiosk == "Stand A");
    CHECK(s.groups[1].kiosk == "Stand B");
    CHECK(s.groups[1].visits == 2);
    CHECK(s.groups[1].median_visit_s == Approx(195));
    CHECK(s.total.visits == 5);
    CHECK(s.total.median_visit_s == Approx(100));
    REQUIRE_FALSE(s.total.roles.empty());
    CHECK(s.total.roles[0].key == "clinical-engineer");
    CHECK(s.total.roles[0].count == 3);
    CHECK(s.total.visits_per_hour.size() == 4);
    CHECK(s.total.visits_per_hour_of_day.front().key == "10:00");
    CHECK(s.total.visits_per_hour_of_day.front().count == 2);

    // The originals and the merged file together: still five visits, not ten.
    Run r = Stats({"summary", "--utc", a, b, merged});
    REQUIRE(r.status == 0);
    CHECK(r.out.find("== All events and kiosks ==") != std::string::npos);
    CHECK(r.out.find("Visits: 5 (5 with a recorded end)") != std::string::npos);

    // Date filter: only the second day.
    Run day2 = Stats({"summary", "--utc", "--from", "2025-11-22", "--to", "2025-11-22", merged});
    REQUIRE(day2.status == 0);
    CHECK(day2.out.find("Visits: 1 (1 with a recorded end)") != std::string::npos);
    CHECK(day2.out.find("Stand A") == std::string::npos);
    Run none = Stats({"summary", "--utc", "--from", "2030-01-01", merged});
    CHECK(none.status == 0);
    CHECK(none.out.find("No events recorded in the chosen dates.") != std::string::npos);
}

TEST_CASE("export writes RFC 4180 CSV with ISO 8601 times", "[stats_cli]")
{
    TempDir dir;
    const std::string a = dir.File("a.db");
    MakeDatabase(a, "Stand \"A\", Hall 2", "Open Day", StandA());
    const std::string csv = dir.File("out.csv");
    Run r = Stats({"export", a, "--csv", csv});
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("Wrote 18 events to") != std::string::npos);
    const std::string text = ReadFile(csv);
    CHECK(text.rfind("event,kiosk,database_id,sequence,time_utc,time_local,time_trusted,", 0) == 0);
    CHECK(Lines(text) == 19);
    CHECK(std::count(text.begin(), text.end(), '\r') == 19); // every line ends CRLF
    CHECK(text.find("Open Day,\"Stand \"\"A\"\", Hall 2\",") != std::string::npos);
    CHECK(text.find(",1,2025-11-21T10:00:00Z,") != std::string::npos);
    CHECK(text.find(",yes,50.000,visit_started,1,") != std::string::npos);
    CHECK(text.find("visit_ended,1,,,,,,,,,100000,70000,idle_timeout,\r\n") != std::string::npos);
    CHECK_FALSE(fs::exists(csv + ".part"));

    // Every data row has the header's number of fields once quoted commas are accounted for.
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
    {
        int fields = 1;
        bool quoted = false;
        for (char c : line)
        {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                fields++;
        }
        CHECK(fields == 22); // glossary_term_id last, since schema 2
    }

    Run to_stdout = Stats({"export", a, "--csv", "-"});
    CHECK(to_stdout.status == 0);
    CHECK(to_stdout.out == text);
}

TEST_CASE("export to a folder that does not exist fails cleanly", "[stats_cli]")
{
    TempDir dir;
    const std::string a = dir.File("a.db");
    MakeDatabase(a, "Stand A", "Open Day", StandA());
    const std::string csv = dir.File("no-such-folder/out.csv");
    Run r = Stats({"export", a, "--csv", csv});
    CHECK(r.status == 1);
    CHECK(r.err.rfind(csv + ": error: cannot create", 0) == 0);
    Run self = Stats({"export", a, "--csv", a});
    CHECK(self.status == 1);
    CHECK(self.err.find("is one of the databases being exported") != std::string::npos);
}

TEST_CASE("merge adds each event once: merging the same file twice adds nothing", "[stats_cli]")
{
    TempDir dir;
    const std::string a = dir.File("a.db"), b = dir.File("b.db"), out = dir.File("all.db");
    MakeDatabase(a, "Stand A", "Open Day", StandA());
    MakeDatabase(b, "Stand B", "Open Day", StandB());

    Run first = Stats({"merge", out, a, b});
    REQUIRE(first.status == 0);
    CHECK(first.out.find(a + ": 18 events, 18 added, 0 already present") != std::string::npos);
    CHECK(first.out.find(b + ": 9 events, 9 added, 0 already present") != std::string::npos);

    Run again = Stats({"merge", out, a, a, b});
    REQUIRE(again.status == 0);
    CHECK(again.out.find(out + ": 0 events added") != std::string::npos);

    std::vector<StatsEvent> events;
    std::string error;
    REQUIRE(ReadStatsDatabase(out, &events, &error));
    CHECK(events.size() == 27);

    Run into_self = Stats({"merge", out, out});
    CHECK(into_self.status == 1);
    CHECK(into_self.err.find("is also the output") != std::string::npos);

    // A bad input anywhere in the list: nothing is written.
    Run bad = Stats({"merge", out, b, Fixture("not-a-database.db")});
    CHECK(bad.status == 1);
    events.clear();
    REQUIRE(ReadStatsDatabase(out, &events, &error));
    CHECK(events.size() == 27);

    // Merging into something that is not a statistics database is refused and leaves it alone.
    const std::string note = dir.File("note.db");
    std::ofstream(note) << "notes\n";
    Run not_stats = Stats({"merge", note, a});
    CHECK(not_stats.status == 1);
    CHECK(not_stats.err.rfind(note + ": error: ", 0) == 0);
    CHECK(ReadFile(note) == "notes\n");
}

TEST_CASE("a copy for a USB stick is one self-contained file", "[stats_cli]")
{
    TempDir dir;
    const std::string a = dir.File("a.db"), copy = dir.File("usb/stats-copy.db");
    MakeDatabase(a, "Stand A", "Open Day", StandA());
    fs::create_directories(dir.path / "usb");
    std::string error;
    REQUIRE(CopyStatsDatabase(a, copy, &error));
    CHECK_FALSE(fs::exists(copy + "-wal"));
    std::vector<StatsEvent> events;
    REQUIRE(ReadStatsDatabase(copy, &events, &error));
    CHECK(events.size() == 18);
    CHECK_FALSE(CopyStatsDatabase(a, copy, &error)); // never overwrites
}
