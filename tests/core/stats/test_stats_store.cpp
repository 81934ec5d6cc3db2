// StatsStore: rows as written, counters across reopen, the wall-clock flag, recovery from bad
// files and a full disk, a writer that never blocks the caller, and durability under kill -9.
#include "core/stats/stats_store.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <poll.h>
#include <random>
#include <sqlite3.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace kiosk::core;
namespace fs = std::filesystem;

namespace
{
constexpr double kWall = 1763719200.0; // 2025-11-21T10:00:00Z

// A scratch folder named for this file's tests.
struct TempDir : kiosk::test::TempDir
{
    TempDir() : kiosk::test::TempDir("kiosk-stats-store") {}
};

StatsStoreOptions Options(const std::string& path, std::vector<std::string>* log = nullptr)
{
    StatsStoreOptions o;
    o.path = path;
    o.kiosk_name = "Stand A";
    o.event_name = "Open Day 2025";
    o.log = [log](const std::string& line)
    {
        if (log)
            log->push_back(line);
    };
    return o;
}

StatsEvent Event(EventKind kind, double t)
{
    StatsEvent e;
    e.kind = kind;
    e.wall_time = kWall + t;
    e.mono_time = 100 + t;
    return e;
}

// Runs one query returning a single integer (or text as integer 0) on a separate connection.
std::int64_t QueryInt(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
    const std::int64_t v = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return v;
}

std::string QueryString(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::string v;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        v = (const char*)sqlite3_column_text(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return v;
}

std::vector<fs::path> BrokenFiles(const TempDir& dir)
{
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(dir.path))
    {
        const std::string name = entry.path().filename().string();
        if (name.find(".broken-") != std::string::npos && name.find("-wal") == std::string::npos &&
            name.find("-shm") == std::string::npos)
            out.push_back(entry.path());
    }
    return out;
}
} // namespace

TEST_CASE("events are stored with their fields, sequence and visit numbers", "[stats_store]")
{
    TempDir dir;
    const std::string path = dir.File("stats.db");
    {
        StatsStore store(Options(path));
        REQUIRE(store.Open(kWall));
        StatsEvent start = Event(EventKind::VisitStarted, 0);
        CHECK(store.Append(start) == 1);
        StatsEvent role = Event(EventKind::RoleOpened, 3);
        role.role_id = "clinical-engineer";
        store.Append(role);
        StatsEvent screen = Event(EventKind::ScreenViewed, 4);
        screen.screen_id = "role";
        screen.dwell_ms = 1234;
        store.Append(screen);
        StatsEvent end = Event(EventKind::VisitEnded, 80);
        end.visit_duration_ms = 80000;
        end.idle_ms = 70000;
        end.end_reason = "idle_timeout";
        store.Append(end);
        store.Append(Event(EventKind::IdleReset, 80));
        REQUIRE(store.Flush(10));
        const StatsStoreStatus st = store.Status();
        CHECK(st.appended_seq == 5);
        CHECK(st.committed_seq == 5);
        CHECK(st.dropped == 0);
        CHECK(st.database_ok);
        CHECK(st.db_id.size() == 32);
    }
    CHECK(QueryString(path, "PRAGMA journal_mode") == "wal");
    CHECK(QueryInt(path, "SELECT count(*) FROM events") == 5);
    CHECK(QueryString(path, "SELECT group_concat(kind, ',') FROM (SELECT kind FROM events ORDER BY seq)") ==
          "visit_started,role_opened,screen_viewed,visit_ended,idle_reset");
    CHECK(QueryString(path, "SELECT role_id FROM events WHERE seq = 2") == "clinical-engineer");
    CHECK(QueryInt(path, "SELECT dwell_ms FROM events WHERE seq = 3") == 1234);
    CHECK(QueryInt(path, "SELECT dwell_ms IS NULL FROM events WHERE seq = 2") == 1);
    CHECK(QueryInt(path, "SELECT visit_duration_ms FROM events WHERE seq = 4") == 80000);
    CHECK(QueryInt(path, "SELECT idle_ms FROM events WHERE seq = 4") == 70000);
    CHECK(QueryString(path, "SELECT end_reason FROM events WHERE seq = 4") == "idle_timeout");
    CHECK(QueryInt(path, "SELECT count(*) FROM events WHERE visit_id = 1") == 4);
    CHECK(QueryInt(path, "SELECT visit_id IS NULL FROM events WHERE seq = 5") == 1);
    CHECK(QueryString(path, "SELECT kiosk || '|' || event_name FROM events WHERE seq = 1") == "Stand A|Open Day 2025");
    CHECK(QueryInt(path, "SELECT count(DISTINCT db_id) FROM events") == 1);
    CHECK(QueryString(path, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("visit state machine effects map to the rows the store records", "[stats_store]")
{
    VisitPhaseMachine m;
    std::vector<StatsEvent> rows;
    auto record = [&](const VisitOutput& out, double t)
    {
        for (const VisitEffect& effect : out.effects)
            if (auto e = StatsEventForVisitEffect(effect, kWall + t, t))
                rows.push_back(*e);
    };
    record(m.Touch(0), 0);
    for (double t = 0; t < 12; t += 0.5)
        record(m.Tick(t), t);
    record(m.Touch(12), 12);
    for (double t = 12; t <= 100; t += 0.5)
        record(m.Tick(t), t);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].kind == EventKind::VisitStarted);
    CHECK(rows[1].kind == EventKind::VisitEnded);
    CHECK(rows[1].visit_duration_ms == 92000); // 60 s idle and the 20 s countdown after the touch at 12
    CHECK(rows[1].idle_ms == 80000);
    CHECK(rows[1].end_reason == "idle_timeout");
    CHECK(rows[2].kind == EventKind::IdleReset);
    CHECK(EventKindName(rows[2].kind) == std::string("idle_reset"));
    CHECK(ParseEventKind("pathway_node_tapped") == EventKind::PathwayNodeTapped);
    CHECK_FALSE(ParseEventKind("typed_text").has_value());
}

TEST_CASE("reopening continues the sequence and visit numbers and keeps the database id", "[stats_store]")
{
    TempDir dir;
    const std::string path = dir.File("stats.db");
    std::string first_id;
    {
        StatsStore store(Options(path));
        REQUIRE(store.Open(kWall));
        store.Append(Event(EventKind::VisitStarted, 0));
        store.Append(Event(EventKind::VisitEnded, 10));
        REQUIRE(store.Flush(10));
        first_id = store.Status().db_id;
    }
    StatsStore store(Options(path));
    REQUIRE(store.Open(kWall + 100));
    CHECK(store.Status().db_id == first_id);
    CHECK(store.Append(Event(EventKind::VisitStarted, 100)) == 3);
    REQUIRE(store.Flush(10));
    CHECK(QueryInt(path, "SELECT visit_id FROM events WHERE seq = 3") == 2);
}

TEST_CASE("the table is append-only", "[stats_store]")
{
    TempDir dir;
    const std::string path = dir.File("stats.db");
    {
        StatsStore store(Options(path));
        REQUIRE(store.Open(kWall));
        store.Append(Event(EventKind::VisitStarted, 0));
        REQUIRE(store.Flush(10));
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "UPDATE events SET kind = 'x'", nullptr, nullptr, nullptr) != SQLITE_OK);
    CHECK(sqlite3_exec(db, "DELETE FROM events", nullptr, nullptr, nullptr) != SQLITE_OK);
    sqlite3_close(db);
    CHECK(QueryInt(path, "SELECT count(*) FROM events WHERE kind = 'visit_started'") == 1);
}

TEST_CASE("id fields cannot carry free text", "[stats_store]")
{
    TempDir dir;
    const std::string path = dir.File("stats.db");
    {
        StatsStore store(Options(path));
        REQUIRE(store.Open(kWall));
        StatsEvent e = Event(EventKind::RoleOpened, 0);
        e.role_id = "my name is Jo, call me on 07700 900000; " + std::string(200, 'x');
        store.Append(e);
        REQUIRE(store.Flush(10));
    }
    const std::string stored = QueryString(path, "SELECT role_id FROM events");
    CHECK(stored.size() == 64);
    CHECK(stored.find(' ') == std::string::npos);
    CHECK(stored.find(',') == std::string::npos);
}

TEST_CASE("wall-clock readings before 2020 or after a jump are flagged", "[stats_store]")
{
    WallClockCheck check;
    CHECK(check.Untrusted(86400, 10));               // 1970: no clock battery
    CHECK_FALSE(check.Untrusted(kWall, 20));         // first plausible reading sets the reference
    CHECK_FALSE(check.Untrusted(kWall + 100, 120));  // consistent with the monotonic clock
    CHECK_FALSE(check.Untrusted(kWall + 160, 200));  // NTP slewing stays inside the tolerance
    CHECK(check.Untrusted(kWall + 3600 + 200, 220)); // set forward by an hour
    CHECK(check.Untrusted(kWall - 5000, 230));       // set back
    CHECK(check.Untrusted(std::numeric_limits<double>::quiet_NaN(), 240));

    TempDir dir;
    const std::string path = dir.File("stats.db");
    {
        StatsStore store(Options(path));
        REQUIRE(store.Open(0));
        StatsEvent bad = Event(EventKind::VisitStarted, 0);
        bad.wall_time = 1000;
        store.Append(bad);
        store.Append(Event(EventKind::VisitEnded, 10));
        REQUIRE(store.Flush(10));
    }
    CHECK(QueryInt(path, "SELECT wall_untrusted FROM events WHERE seq = 1") == 1);
    CHECK(QueryInt(path, "SELECT wall_untrusted FROM events WHERE seq = 2") == 0);
}

TEST_CASE("a corrupt database is moved aside and a fresh one started", "[stats_store]")
{
    TempDir dir;
    const std::string path = dir.File("stats.db");
    {
        std::ofstream junk(path, std::ios::binary);
        junk << "this is not an SQLite database, just some bytes from a half-written copy\n";
        for (int i = 0; i < 5000; i++)
            junk << char(i * 7);
    }
    std::vector<std::string> log;
    StatsStore store(Options(path, &log));
    REQUIRE(store.Open(kWall));
    CHECK(store.Status().moved_aside == 1);
    REQUIRE(log.size() == 1);
    CHECK(log[0].find("moved aside to") != std::string::npos);
    CHECK(log[0].find(".broken-20251121T100000Z") != std::string::npos);
    const auto broken = BrokenFiles(dir);
    REQUIRE(broken.size() == 1);
    CHECK(fs::file_size(broken[0]) > 5000); // the bad file is kept for inspection, not deleted
    store.Append(Event(EventKind::VisitStarted, 0));
    REQUIRE(store.Flush(10));
    CHECK(QueryInt(path, "SELECT count(*) FROM events") == 1);
}

TEST_CASE("a damaged database file is moved aside", "[stats_store]")
{
    TempDir dir;
    const std::string path = dir.File("stats.db");
    {
        StatsStore store(Options(path));
        REQUIRE(store.Open(kWall));
        for (int i = 0; i < 2000; i++)
        {
            StatsEvent e = Event(EventKind::RoleOpened, i);
            e.role_id = "role-" + std::to_string(i % 11);
            store.Append(e);
        }
        REQUIRE(store.Flush(10));
    }
    // Overwrite the middle of the file with garbage (a bad sector, a yanked USB stick).
    {
        const auto size = fs::file_size(path);
        REQUIRE(size > 8192);
        std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
        f.seekp((std::streamoff)(size / 2));
        for (int i = 0; i < 4096; i++)
            f.put(char(0xA5 ^ i));
    }
    std::vector<std::string> log;
    StatsStore store(Options(path, &log));
    store.Open(kWall);
    CHECK(store.Status().moved_aside == 1);
    CHECK(BrokenFiles(dir).size() == 1);
    store.Append(Event(EventKind::VisitStarted, 0));
    REQUIRE(store.Flush(10));
    CHECK(QueryString(path, "PRAGMA integrity_check") == "ok");
}

TEST_CASE("a foreign database or a directory in the way is moved aside", "[stats_store]")
{
    TempDir dir;
    const std::string path = dir.File("stats.db");
    SECTION("another program's database")
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
        REQUIRE(sqlite3_exec(db, "CREATE TABLE recipes(name TEXT)", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(db);
    }
    SECTION("a directory")
    {
        fs::create_directories(path);
    }
    std::vector<std::string> log;
    StatsStore store(Options(path, &log));
    REQUIRE(store.Open(kWall));
    CHECK(store.Status().moved_aside == 1);
    CHECK(BrokenFiles(dir).size() == 1);
    store.Append(Event(EventKind::VisitStarted, 0));
    REQUIRE(store.Flush(10));
    CHECK(QueryInt(path, "SELECT count(*) FROM events") == 1);
}

TEST_CASE("a full disk moves the database aside and recording carries on", "[stats_store]")
{
    TempDir dir;
    const std::string path = dir.File("stats.db");
    std::vector<std::string> log;
    StatsStoreOptions options = Options(path, &log);
    options.max_page_count = 12; // a tiny "disk"
    StatsStore store(options);
    REQUIRE(store.Open(kWall));
    const int n = 400;
    for (int i = 0; i < n; i++)
    {
        StatsEvent e = Event(EventKind::ScreenViewed, i);
        e.screen_id = "screen-with-a-longish-id-" + std::to_string(i);
        store.Append(e);
        if (i % 10 == 0)
            store.Flush(10); // small batches, as at a real stand
    }
    store.Flush(10);
    const StatsStoreStatus st = store.Status();
    CHECK(st.moved_aside >= 1);
    CHECK(st.appended_seq == n);
    bool logged = false;
    for (const std::string& line : log)
        logged |= line.find("full") != std::string::npos && line.find("moved aside") != std::string::npos;
    CHECK(logged);
    // Every event is either in one of the database files or counted as dropped.
    std::int64_t rows = QueryInt(path, "SELECT count(*) FROM events");
    for (const fs::path& p : BrokenFiles(dir))
        rows += QueryInt(p.string(), "SELECT count(*) FROM events");
    CHECK(rows + st.dropped == n);
    CHECK(st.dropped < n / 4);
}

TEST_CASE("Append does not wait while another process holds the write lock", "[stats_store]")
{
    TempDir dir;
    const std::string path = dir.File("stats.db");
    StatsStore store(Options(path));
    REQUIRE(store.Open(kWall));
    store.Append(Event(EventKind::VisitStarted, 0));
    REQUIRE(store.Flush(10));

    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
    for (int i = 0; i < 50; i++)
        store.Append(Event(EventKind::ScreenViewed, i)); // must return although the disk is locked
    CHECK(store.Status().appended_seq == 51);
    CHECK_FALSE(store.WaitForCommit(51, 0.2));
    REQUIRE(sqlite3_exec(other, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(other);
    CHECK(store.Flush(10));
    CHECK(store.Status().dropped == 0);
    CHECK(QueryInt(path, "SELECT count(*) FROM events") == 51);
}

// --- durability under kill -9 ----------------------------------------------------------------------
namespace
{
// The child: opens the store, appends events in bursts and reports every newly committed sequence
// number to the parent as 8 raw bytes (atomic on a pipe). Never returns: killed, or _exit.
[[noreturn]] void DurabilityChild(const std::string& path, int fd, unsigned seed)
{
    std::mt19937 rng(seed);
    StatsStoreOptions options = Options(path);
    StatsStore store(options);
    store.Open(kWall);
    std::int64_t reported = 0;
    for (int round = 0; round < 100000; round++)
    {
        const int burst = 1 + (int)(rng() % 8);
        std::int64_t last = 0;
        for (int i = 0; i < burst; i++)
        {
            StatsEvent e = Event(i == 0 ? EventKind::VisitStarted : EventKind::RoleOpened, round);
            e.role_id = "role-" + std::to_string(rng() % 11);
            last = store.Append(e);
        }
        store.WaitForCommit(last, 5);
        const std::int64_t committed = store.CommittedSeq();
        if (committed > reported)
        {
            reported = committed;
            if (write(fd, &committed, sizeof committed) != (ssize_t)sizeof committed)
                _exit(3);
        }
    }
    _exit(0);
}
} // namespace

TEST_CASE("no committed event is lost when the writer is killed at random moments", "[stats_store][durability]")
{
    TempDir dir;
    const std::string path = dir.File("stats.db");
    std::mt19937 rng(20251121);
    const int trials = 200;
    std::int64_t total_acks = 0;
    int trials_with_acks = 0;
    for (int trial = 0; trial < trials; trial++)
    {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        const pid_t pid = fork();
        REQUIRE(pid >= 0);
        if (pid == 0)
        {
            close(fds[0]);
            DurabilityChild(path, fds[1], (unsigned)rng());
        }
        close(fds[1]);
        // Most trials kill a child that is committing: wait for its first acknowledgement, then a random
        // 0-12 ms. One trial in six kills at a random moment of start-up instead (open, WAL recovery,
        // schema creation).
        const bool early = rng() % 6 == 0;
        std::int64_t max_ack = 0;
        std::string pending;
        auto drain = [&](int timeout_ms)
        {
            pollfd p{fds[0], POLLIN, 0};
            if (poll(&p, 1, timeout_ms) <= 0)
                return false;
            char buf[512];
            const ssize_t n = read(fds[0], buf, sizeof buf);
            if (n <= 0)
                return false;
            pending.append(buf, (size_t)n);
            while (pending.size() >= sizeof(std::int64_t))
            {
                std::int64_t v = 0;
                std::memcpy(&v, pending.data(), sizeof v);
                pending.erase(0, sizeof v);
                max_ack = std::max(max_ack, v);
                total_acks++;
            }
            return true;
        };
        if (!early)
        {
            const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
            while (max_ack == 0 && std::chrono::steady_clock::now() < give_up)
                drain(50);
        }
        const auto deadline =
            std::chrono::steady_clock::now() + std::chrono::microseconds(rng() % (early ? 30000 : 12000));
        while (std::chrono::steady_clock::now() < deadline)
        {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            drain((int)std::max<std::int64_t>(0, left.count()));
        }
        kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        while (drain(0)) // what was acknowledged before death is still in the pipe
        {
        }
        close(fds[0]);
        REQUIRE(WIFSIGNALED(status));
        trials_with_acks += max_ack > 0 ? 1 : 0;
        if (!fs::exists(path) || QueryInt(path, "SELECT count(*) FROM sqlite_master WHERE name = 'events'") == 0)
        {
            // Killed before the schema was committed: then nothing can have been acknowledged.
            REQUIRE(max_ack == 0);
            continue;
        }
        // Every acknowledged event is there, and sequence numbers have no holes.
        const std::int64_t count = QueryInt(path, "SELECT count(*) FROM events");
        const std::int64_t max_seq = QueryInt(path, "SELECT coalesce(max(seq), 0) FROM events");
        INFO("trial " << trial << ": acknowledged up to " << max_ack << ", database has " << count << " rows, max seq "
                      << max_seq);
        REQUIRE(count == max_seq);
        REQUIRE(max_ack <= max_seq);
        if (trial % 50 == 49)
            REQUIRE(QueryString(path, "PRAGMA integrity_check") == "ok");
    }
    CHECK(QueryString(path, "PRAGMA integrity_check") == "ok");
    CHECK(BrokenFiles(dir).empty());
    CHECK(trials_with_acks > trials / 4); // the test really killed writers that were committing
    INFO("acknowledgements: " << total_acks);
    CHECK(total_acks > 0);
}

TEST_CASE("a database replaced under the running store is kept aside and its events written back",
          "[stats_store][faults]")
{
    TempDir dir;
    const std::string path = dir.File("stats.db");
    std::vector<std::string> log;
    StatsStore store(Options(path, &log));
    REQUIRE(store.Open(kWall));
    for (int i = 0; i < 5; i++)
    {
        StatsEvent e = Event(EventKind::RoleOpened, i);
        e.role_id = "role-" + std::to_string(i);
        store.Append(e);
    }
    REQUIRE(store.Flush(10));
    const std::string garbage(20000, '\x5a');
    std::string what;
    SECTION("renamed over by another file")
    {
        std::ofstream(dir.File("incoming"), std::ios::binary) << garbage;
        fs::rename(dir.File("incoming"), path);
        what = "renamed, deleted or replaced";
    }
    SECTION("deleted")
    {
        fs::remove(path);
        what = "renamed, deleted or replaced";
    }
    SECTION("overwritten in place")
    {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << garbage;
        what = "overwritten with something that is not an SQLite database";
    }
    store.Append(Event(EventKind::VisitStarted, 10));
    REQUIRE(store.Flush(10));
    CHECK(store.Status().database_ok);
    CHECK(QueryString(path, "PRAGMA integrity_check") == "ok");
    CHECK(QueryInt(path, "SELECT count(*) FROM events") == 6); // the 5 written back, and the new one
    REQUIRE(log.size() == 1);
    CHECK(log[0].find("changed under the running kiosk: it was " + what) != std::string::npos);
    CHECK(log[0].find("wrote back the 5 events recorded so far") != std::string::npos);
    // Whatever was found at the path is kept for inspection, as it was.
    for (const fs::path& p : BrokenFiles(dir))
        CHECK(fs::file_size(p) == garbage.size());
}

TEST_CASE("a wall-clock jump and its return each get one log line", "[stats_store][faults]")
{
    TempDir dir;
    const std::string path = dir.File("stats.db");
    std::vector<std::string> log;
    {
        StatsStore store(Options(path, &log));
        REQUIRE(store.Open(kWall));
        store.Append(Event(EventKind::VisitStarted, 0));
        for (int i = 1; i <= 2; i++) // the clock set back a year, the monotonic clock going on
        {
            StatsEvent back = Event(EventKind::RoleOpened, i);
            back.wall_time -= 365 * 86400.0;
            store.Append(back);
        }
        store.Append(Event(EventKind::VisitEnded, 3)); // and set right again
        REQUIRE(store.Flush(10));
    }
    REQUIRE(log.size() == 2);
    CHECK(log[0].find("the wall clock jumped by -31536000 s (-365.0 days)") != std::string::npos);
    CHECK(log[1].find("the wall clock agrees with the monotonic clock again") != std::string::npos);
    CHECK(QueryInt(path,
                   "SELECT group_concat(wall_untrusted, '') FROM (SELECT wall_untrusted FROM events ORDER BY seq)") ==
          110); // "0110" read as a number
}

TEST_CASE("a long-running database overwritten in place is still written back whole", "[stats_store][faults]")
{
    // Thousands of events, beyond SQLite's default page cache: the WAL has been checkpointed into
    // the file many times, so most pages exist only in the file that gets overwritten. The store
    // was restarted since (as a kiosk is each morning), so they are in its cache only because
    // opening reads every page (quick_check) into a cache sized for a day's database.
    TempDir dir;
    const std::string path = dir.File("stats.db");
    const int n = 24000;
    {
        StatsStore first_day(Options(path));
        REQUIRE(first_day.Open(kWall));
        for (int i = 0; i < n; i++)
        {
            StatsEvent e = Event(EventKind::ScreenViewed, i);
            e.screen_id = "screen-with-a-longish-id-" + std::to_string(i);
            first_day.Append(e);
            if (i % 50 == 0)
                REQUIRE(first_day.Flush(10));
        }
        REQUIRE(first_day.Flush(10));
    }
    REQUIRE(fs::file_size(path) > 2200 * 1024);
    std::vector<std::string> log;
    StatsStore store(Options(path, &log));
    REQUIRE(store.Open(kWall + n));
    store.Append(Event(EventKind::VisitStarted, n));
    REQUIRE(store.Flush(10));
    {
        std::ofstream f(path, std::ios::binary | std::ios::trunc);
        for (int i = 0; i < 40000; i++)
            f.put(char(i * 31));
    }
    store.Append(Event(EventKind::VisitEnded, n + 1));
    REQUIRE(store.Flush(10));
    REQUIRE(log.size() == 1);
    CHECK(log[0].find("wrote back the " + std::to_string(n + 1) + " events") != std::string::npos);
    CHECK(QueryString(path, "PRAGMA integrity_check") == "ok");
    CHECK(QueryInt(path, "SELECT count(*) FROM events") == n + 2);
}
