// StatsStore: the background writer for usage statistics, and the schema it shares with merge.
//
// Sections
//   1. Durability settings and why
//   2. Small helpers (ids, stamps, sanitising, wall-clock check)
//   3. Schema
//   4. Opening, checking and moving aside a database
//   5. The writer thread
//   6. Public StatsStore methods
#include "core/stats/stats_store.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <deque>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <random>
#include <sqlite3.h>
#include <sys/statvfs.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace kiosk::core
{
// --- 1. Durability settings and why -------------------------------------------------------------
//
// WAL with synchronous=FULL: every COMMIT appends the transaction to the WAL and fsyncs the WAL
// before returning. So a committed event is on stable storage: it survives kill -9 (it was in the
// OS page cache anyway) and power loss. synchronous=NORMAL would survive kill -9 too but only
// fsyncs at checkpoints, so a power cut could lose every commit since the last checkpoint (up to
// 1000 pages: minutes of events), which breaks the two-second promise.
//
// Commit cadence: the writer commits as soon as it has events. Whatever arrives while one commit
// is being fsynced becomes the next batch (group commit), so the fsync rate stays at most one per
// fsync time even when events come in bursts, and an event waits at most two fsyncs (milliseconds
// on an SSD, tens of milliseconds on an SD card) before it is durable: far inside the 2 s budget.
//
// Checkpoints: automatic every 1000 WAL pages (SQLite's default), run by the writer itself after a
// commit; in WAL mode a checkpoint is crash-safe at any point. journal_size_limit truncates the WAL
// back to 4 MiB after a checkpoint so it does not keep its high-water size forever.
constexpr const char* kSynchronous = "FULL";
constexpr int kAutoCheckpointPages = 1000;
constexpr int kJournalSizeLimit = 4 * 1024 * 1024;
// The page cache holds up to 8 MiB of the database (SQLite's default is 2000 KiB). Beyond speed,
// it is what lets a database overwritten in place under the kiosk be written back whole
// (RecoverReplaced reads through it): a day at a busy stand is well under this size.
constexpr int kCacheKiB = 8 * 1024;
constexpr int kBusyTimeoutMs = 2000;       // a reader (admin panel, `stats` CLI) never blocks a WAL writer long
constexpr int kBusyRetries = 15;           // 15 x 2 s of another writer holding the lock, then drop
constexpr int kApplicationId = 0x4B696F53; // "KioS": marks a careers-kiosk statistics database
constexpr int kSchemaVersion = 2;          // 2: events.glossary_term_id (1 kept the term in setting)
// While the disk is full or read-only, events wait in memory (up to max_queue) and the writer tries
// again after 1 s, then less and less often, but at least every kHoldRetryMaxS: space freed at the
// stand is used within seconds, and a disk that stays read-only costs one failed write now and then.
constexpr double kHoldRetryFirstS = 1.0;
constexpr double kHoldRetryMaxS = 8.0;

// --- 2. Small helpers ------------------------------------------------------------------------------
namespace
{
// Content ids and language codes: letters, digits and a few punctuation marks, at most 64 chars.
// Anything else is replaced, so free text can never reach the database through an id field.
std::string SanitizeId(const std::string& s)
{
    std::string out = s.substr(0, 64);
    for (char& c : out)
    {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
                        c == '-' || c == '.' || c == ':' || c == '=' || c == '/';
        if (!ok)
            c = '_';
    }
    return out;
}

// Kiosk and event names come from the configuration: keep them, minus control characters.
std::string SanitizeName(const std::string& s)
{
    std::string out = s.substr(0, 100);
    for (char& c : out)
        if ((unsigned char)c < 0x20 || c == 0x7f)
            c = ' ';
    return out;
}

void DefaultLog(const std::string& line)
{
    std::fprintf(stderr, "careers-kiosk: %s\n", line.c_str());
}

// Faults of the place, not of the file: the disk is full, the folder or its file system went
// read-only, an I/O error, the file cannot be opened. The database may well be fine, and moving it
// aside would not help (a full disk stays full, a read-only folder refuses the rename), so events
// wait in memory and are written when the place works again.
bool IsPlaceFault(int code)
{
    return code == SQLITE_FULL || code == SQLITE_READONLY || code == SQLITE_IOERR || code == SQLITE_CANTOPEN ||
           code == SQLITE_PERM;
}

const char* PlaceFaultName(int code)
{
    switch (code)
    {
    case SQLITE_FULL:
        return "the disk is full";
    case SQLITE_READONLY:
        return "the folder is read-only";
    case SQLITE_IOERR:
        return "a read-only or failing disk";
    default:
        return "the file cannot be opened";
    }
}

bool Exec(sqlite3* db, const char* sql, std::string* error)
{
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) == SQLITE_OK)
        return true;
    if (error)
        *error = msg ? msg : sqlite3_errmsg(db);
    sqlite3_free(msg);
    return false;
}

// Runs a statement that returns one value in one row (PRAGMAs, COUNT) and returns it as text.
bool QueryText(sqlite3* db, const char* sql, std::string* value, std::string* error)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
    {
        *error = sqlite3_errmsg(db);
        return false;
    }
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
    {
        const unsigned char* text = sqlite3_column_text(stmt, 0);
        *value = text ? (const char*)text : "";
    }
    else if (rc == SQLITE_DONE)
        value->clear();
    else
        *error = sqlite3_errmsg(db);
    sqlite3_finalize(stmt);
    return rc == SQLITE_ROW || rc == SQLITE_DONE;
}
} // namespace

std::string NewDatabaseId()
{
    std::random_device rd;
    static const char* hex = "0123456789abcdef";
    std::string id;
    for (int i = 0; i < 4; i++) // 128 random bits
    {
        std::uint32_t v = rd();
        for (int j = 0; j < 4; j++)
        {
            id += hex[(v >> 4) & 15];
            id += hex[v & 15];
            v >>= 8;
        }
    }
    return id;
}

std::string CompactUtcStamp(double unix_seconds)
{
    const std::time_t t = std::isfinite(unix_seconds) ? (std::time_t)unix_seconds : 0;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

bool WallClockCheck::Untrusted(double wall_time, double mono_time)
{
    if (!std::isfinite(wall_time) || !std::isfinite(mono_time) || wall_time < kEarliestTrustedWallTime)
        return true;
    const double offset = wall_time - mono_time;
    if (!m_has_reference)
    {
        m_has_reference = true;
        m_offset = offset;
        return false;
    }
    return std::fabs(offset - m_offset) > kWallClockJumpTolerance;
}

double WallClockCheck::Drift(double wall_time, double mono_time) const
{
    return m_has_reference ? (wall_time - mono_time) - m_offset : 0.0;
}

namespace
{
// The one log line a change of the wall clock's trust gets (Append): when it jumps or reads before
// 2020, and when it agrees with the monotonic clock again.
std::string DescribeClockChange(bool untrusted, double wall_time, double drift)
{
    if (!untrusted)
        return "stats: the wall clock agrees with the monotonic clock again; events are no longer flagged "
               "wall_untrusted";
    if (!std::isfinite(wall_time) || wall_time < kEarliestTrustedWallTime)
        return "stats: the wall clock reads " + CompactUtcStamp(wall_time) +
               ", before 2020 (no clock battery?); events are flagged wall_untrusted until it is right";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%+.0f s (%+.1f days)", drift, drift / 86400.0);
    return std::string("stats: the wall clock jumped by ") + buf + " against the monotonic clock (now " +
           CompactUtcStamp(wall_time) +
           "); events are flagged wall_untrusted until it agrees again (visit and dwell times use the monotonic "
           "clock and are not affected)";
}
} // namespace

// --- 3. Schema ------------------------------------------------------------------------------------
namespace
{
// Events are identified across databases by (kiosk, db_id, seq): merge relies on the UNIQUE
// constraint to skip events it already has. The triggers make the table append-only.
constexpr const char* kCreateSchema = R"SQL(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events(
  db_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kiosk TEXT NOT NULL,
  event_name TEXT NOT NULL,
  wall_time REAL NOT NULL,
  wall_untrusted INTEGER NOT NULL,
  mono_time REAL NOT NULL,
  kind TEXT NOT NULL,
  visit_id INTEGER,
  role_id TEXT,
  photo_id TEXT,
  node_id TEXT,
  start_point_id TEXT,
  screen_id TEXT,
  language TEXT,
  setting TEXT,
  dwell_ms INTEGER,
  visit_duration_ms INTEGER,
  idle_ms INTEGER,
  end_reason TEXT,
  glossary_term_id TEXT,
  UNIQUE(kiosk, db_id, seq)
);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
)SQL";

// Schema 1 -> 2, in one transaction (all or nothing: a power cut leaves schema 1 intact): the new
// column goes last, as in kCreateSchema, and glossary rows move their term out of `setting`. The
// append-only trigger is lifted for that one UPDATE and put back before the commit; no row is
// added or removed.
constexpr const char* kMigrate1To2 = R"SQL(
BEGIN IMMEDIATE;
ALTER TABLE events ADD COLUMN glossary_term_id TEXT;
DROP TRIGGER events_no_update;
UPDATE events SET glossary_term_id = setting, setting = NULL WHERE kind = 'glossary_term_opened';
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
UPDATE meta SET value = '2' WHERE key = 'schema_version';
COMMIT;
)SQL";

constexpr const char* kInsertSql =
    "INSERT OR IGNORE INTO events(db_id, seq, kiosk, event_name, wall_time, wall_untrusted, mono_time, kind, "
    "visit_id, role_id, photo_id, node_id, start_point_id, screen_id, language, setting, dwell_ms, "
    "visit_duration_ms, idle_ms, end_reason, glossary_term_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

void BindText(sqlite3_stmt* stmt, int index, const std::string& s)
{
    if (s.empty())
        sqlite3_bind_null(stmt, index);
    else
        sqlite3_bind_text(stmt, index, s.c_str(), (int)s.size(), SQLITE_TRANSIENT);
}

void BindInt(sqlite3_stmt* stmt, int index, std::int64_t v)
{
    if (v < 0)
        sqlite3_bind_null(stmt, index);
    else
        sqlite3_bind_int64(stmt, index, v);
}

void BindEvent(sqlite3_stmt* stmt, const StatsEvent& e)
{
    sqlite3_bind_text(stmt, 1, e.db_id.c_str(), (int)e.db_id.size(), SQLITE_TRANSIENT);
    sqlite3_bind_int64(stmt, 2, e.seq);
    sqlite3_bind_text(stmt, 3, e.kiosk.c_str(), (int)e.kiosk.size(), SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 4, e.event_name.c_str(), (int)e.event_name.size(), SQLITE_TRANSIENT);
    sqlite3_bind_double(stmt, 5, std::isfinite(e.wall_time) ? e.wall_time : 0.0);
    sqlite3_bind_int(stmt, 6, e.wall_untrusted ? 1 : 0);
    sqlite3_bind_double(stmt, 7, std::isfinite(e.mono_time) ? e.mono_time : 0.0);
    sqlite3_bind_text(stmt, 8, EventKindName(e.kind), -1, SQLITE_STATIC);
    BindInt(stmt, 9, e.visit_id > 0 ? e.visit_id : -1);
    BindText(stmt, 10, e.role_id);
    BindText(stmt, 11, e.photo_id);
    BindText(stmt, 12, e.node_id);
    BindText(stmt, 13, e.start_point_id);
    BindText(stmt, 14, e.screen_id);
    BindText(stmt, 15, e.language);
    BindText(stmt, 16, e.setting);
    BindInt(stmt, 17, e.dwell_ms);
    BindInt(stmt, 18, e.visit_duration_ms);
    BindInt(stmt, 19, e.idle_ms);
    BindText(stmt, 20, e.end_reason);
    BindText(stmt, 21, e.glossary_term_id);
}
} // namespace

bool PrepareStatsSchema(sqlite3* db, bool create, std::string* db_id, std::string* error, int* schema_version)
{
    if (schema_version)
        *schema_version = kSchemaVersion;
    std::string app_id, tables;
    if (!QueryText(db, "PRAGMA application_id", &app_id, error) ||
        !QueryText(db, "SELECT count(*) FROM sqlite_master", &tables, error))
        return false;
    if (app_id == std::to_string(kApplicationId))
    {
        std::string version;
        if (!QueryText(db, "SELECT value FROM meta WHERE key = 'schema_version'", &version, error) ||
            !QueryText(db, "SELECT value FROM meta WHERE key = 'db_id'", db_id, error))
            return false;
        if (version == "1" && create) // a database this kiosk writes to: bring it up to date
        {
            if (!Exec(db, kMigrate1To2, error))
            {
                Exec(db, "ROLLBACK", nullptr);
                *error = "could not update the statistics database from schema 1: " + *error;
                return false;
            }
            version = std::to_string(kSchemaVersion);
        }
        if (version == "1" && schema_version) // read as it is: the reader maps setting to the term
            *schema_version = 1;
        else if (version != std::to_string(kSchemaVersion))
        {
            *error = "statistics schema version '" + version + "' is not supported (expected " +
                     std::to_string(kSchemaVersion) + ")";
            return false;
        }
        if (db_id->empty())
        {
            *error = "statistics database has no db_id";
            return false;
        }
        return true;
    }
    if (app_id != "0" || tables != "0")
    {
        *error = "not a careers-kiosk statistics database";
        return false;
    }
    if (!create)
    {
        *error = "empty database, not a careers-kiosk statistics database";
        return false;
    }
    const std::string id = NewDatabaseId(); // hex only: safe to place in the SQL text
    const std::string sql = std::string("BEGIN IMMEDIATE;") + kCreateSchema +
                            "INSERT INTO meta VALUES('schema_version','" + std::to_string(kSchemaVersion) +
                            "'),('db_id','" + id + "'),('created_by','careers-kiosk');" +
                            "PRAGMA application_id=" + std::to_string(kApplicationId) + ";COMMIT;";
    if (!Exec(db, sql.c_str(), error))
    {
        Exec(db, "ROLLBACK", nullptr);
        return false;
    }
    *db_id = id;
    return true;
}

bool InsertStatsEvents(sqlite3* db, const std::vector<StatsEvent>& events, std::int64_t* inserted, std::string* error)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, kInsertSql, -1, &stmt, nullptr) != SQLITE_OK)
    {
        *error = sqlite3_errmsg(db);
        return false;
    }
    *inserted = 0;
    for (const StatsEvent& e : events)
    {
        BindEvent(stmt, e);
        const int rc = sqlite3_step(stmt);
        sqlite3_reset(stmt);
        if (rc != SQLITE_DONE)
        {
            *error = sqlite3_errmsg(db);
            sqlite3_finalize(stmt);
            return false;
        }
        *inserted += sqlite3_changes(db);
    }
    sqlite3_finalize(stmt);
    return true;
}

// --- 4. Opening, checking and moving aside a database ------------------------------------------
struct StatsStore::Impl
{
    StatsStoreOptions options;

    // Shared state, guarded by mutex.
    mutable std::mutex mutex;
    std::condition_variable work_cv; // the writer waits for events
    std::condition_variable done_cv; // WaitForCommit waits for the writer
    std::deque<StatsEvent> queue;
    bool stop = false;
    bool running = false;
    std::int64_t next_seq = 1;
    std::int64_t visit_counter = 0;
    bool in_visit = false;
    WallClockCheck wall_check;
    bool wall_untrusted = false;    // the last event's flag: a change gets one log line
    double last_wall = 0;           // newest wall time seen: names moved-aside files
    std::int64_t committed_seq = 0; // all seq <= this are committed
    std::int64_t done_seq = 0;      // all seq <= this are committed or dropped
    std::int64_t dropped = 0;
    int moved_aside = 0;
    bool database_ok = false;
    std::string db_id;
    std::string last_error;

    // Writer-thread state (also touched by Open and Close before and after the thread runs).
    sqlite3* db = nullptr;
    sqlite3_stmt* insert = nullptr;
    int open_backoff = 0; // batches to skip before trying to open again after a failed fresh database
    int open_backoff_next = 1;
    bool holding = false;      // the place cannot be written (disk full, read-only): events wait
    int last_system_errno = 0; // errno behind WriteBatch's last failure (0: none or not known)
    double hold_retry_s = 0;   // the wait before the next try while holding
    std::thread writer;

    void Log(const std::string& line)
    {
        if (options.log)
            options.log(line);
        else
            DefaultLog(line);
    }

    void CloseDatabase()
    {
        if (insert)
            sqlite3_finalize(insert);
        insert = nullptr;
        if (db)
            sqlite3_close_v2(db);
        db = nullptr;
    }

    // True when the database reached its own size cap (max_page_count), as opposed to a full disk:
    // a fresh file has room again, so that file is moved aside like a broken one.
    bool AtPageCap()
    {
        if (!db || options.max_page_count <= 0)
            return false;
        std::string value, err;
        return QueryText(db, "PRAGMA page_count", &value, &err) &&
               std::atoll(value.c_str()) >= options.max_page_count - 1;
    }

    // True when the file at path is no longer the database this connection writes: renamed over
    // (a copy tool's temporary file), deleted, or overwritten in place with something that is not
    // an SQLite database. SQLite itself would go on writing into the unlinked or clobbered file,
    // and every later event would be lost.
    bool FileReplaced(std::string* what)
    {
        int moved = 0;
        if (sqlite3_file_control(db, "main", SQLITE_FCNTL_HAS_MOVED, &moved) == SQLITE_OK && moved)
        {
            *what = "it was renamed, deleted or replaced by another file";
            return true;
        }
        char header[16] = {};
        std::FILE* f = std::fopen(options.path.c_str(), "rb");
        if (!f)
            return false; // unreadable now (a read-only or vanished disk): the write will say so
        const std::size_t got = std::fread(header, 1, sizeof header, f);
        std::fclose(f);
        if (got == sizeof header && std::memcmp(header, "SQLite format 3", 16) == 0)
            return false;
        *what = "it was overwritten with something that is not an SQLite database";
        return true;
    }

    // Opens path and leaves db ready for writing, or returns false with *error and *code set.
    // *reads_max fills the counters from the rows already present.
    bool TryOpen(std::string* error, int* code, std::string* id, std::int64_t* max_seq, std::int64_t* max_visit)
    {
        *code = SQLITE_OK;
        std::error_code ec;
        const std::filesystem::path parent = std::filesystem::path(options.path).parent_path();
        if (!parent.empty())
            std::filesystem::create_directories(parent, ec);
        int rc = sqlite3_open_v2(options.path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        auto fail = [&](const std::string& what)
        {
            *code = db ? (sqlite3_extended_errcode(db) & 0xff) : rc;
            if (*code == SQLITE_OK)
                *code = SQLITE_CORRUPT; // a check failed without an SQLite error: treat as unreadable
            *error = what;
            CloseDatabase();
            return false;
        };
        if (rc != SQLITE_OK)
            return fail(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_busy_timeout(db, kBusyTimeoutMs);
        sqlite3_extended_result_codes(db, 1);
        std::string value, err;
        // Before the check, so that the check's read of every page fills the cache (kCacheKiB).
        const std::string cache = "PRAGMA cache_size=-" + std::to_string(kCacheKiB);
        if (!Exec(db, cache.c_str(), &err))
            return fail(err);
        // integrity_check, not quick_check: quick_check does not compare the UNIQUE index with the
        // table, and a file with a broken index passed it, took new events and then could not be
        // read back (found by tests/fuzz/fuzz_stats_store). The full check reads every page once,
        // at start-up only.
        if (!QueryText(db, "PRAGMA integrity_check(1)", &value, &err))
            return fail(err);
        if (value != "ok")
            return fail("integrity check failed: " + value);
        if (!QueryText(db, "PRAGMA journal_mode=WAL", &value, &err))
            return fail(err);
        if (value != "wal")
            return fail("cannot switch to WAL mode (journal_mode is '" + value + "')");
        const std::string pragmas = std::string("PRAGMA synchronous=") + kSynchronous +
                                    ";PRAGMA wal_autocheckpoint=" + std::to_string(kAutoCheckpointPages) +
                                    ";PRAGMA journal_size_limit=" + std::to_string(kJournalSizeLimit) + ";";
        if (!Exec(db, pragmas.c_str(), &err))
            return fail(err);
        if (options.max_page_count > 0)
        {
            const std::string cap = "PRAGMA max_page_count=" + std::to_string(options.max_page_count);
            if (!QueryText(db, cap.c_str(), &value, &err))
                return fail(err);
        }
        if (!PrepareStatsSchema(db, true, id, &err))
            return fail(err);
        const std::string max_sql =
            "SELECT coalesce(max(seq),0), coalesce(max(visit_id),0) FROM events WHERE db_id = ?";
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(db, max_sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
            return fail(sqlite3_errmsg(db));
        sqlite3_bind_text(stmt, 1, id->c_str(), (int)id->size(), SQLITE_TRANSIENT);
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
        {
            *max_seq = sqlite3_column_int64(stmt, 0);
            *max_visit = sqlite3_column_int64(stmt, 1);
        }
        sqlite3_finalize(stmt);
        if (rc != SQLITE_ROW)
            return fail(sqlite3_errmsg(db));
        if (sqlite3_prepare_v2(db, kInsertSql, -1, &insert, nullptr) != SQLITE_OK)
            return fail(sqlite3_errmsg(db));
        return true;
    }

    // Renames path (and its -wal and -shm) to "<path>.broken-<stamp>[-N]". Returns what was done
    // ("moved aside to '...'") for the log, or "" when nothing could be renamed.
    std::string MoveAside(double wall)
    {
        namespace fs = std::filesystem;
        std::error_code ec;
        // An empty file holds nothing worth keeping (e.g. a fresh database that could not even be
        // created on a full disk): remove it rather than leave a trail of empty broken files.
        if (fs::is_regular_file(options.path, ec) && fs::file_size(options.path, ec) == 0 && !ec &&
            !fs::exists(options.path + "-wal", ec))
        {
            fs::remove(options.path, ec);
            if (!ec)
                return "removed it (it was empty)";
        }
        const std::string base = options.path + ".broken-" + CompactUtcStamp(wall);
        std::string target = base;
        for (int n = 2; fs::exists(target, ec) || fs::exists(target + "-wal", ec); n++)
            target = base + "-" + std::to_string(n);
        fs::rename(options.path, target, ec);
        if (ec)
        {
            Log("stats: could not move '" + options.path + "' aside: " + ec.message());
            return "";
        }
        for (const char* suffix : {"-wal", "-shm", "-journal"})
        {
            std::error_code ec2;
            if (fs::exists(options.path + suffix, ec2))
                fs::rename(options.path + suffix, target + suffix, ec2);
        }
        return "moved aside to '" + target + "'";
    }

    // Opens the database, moving a bad one aside and starting fresh. BUSY and LOCKED mean another
    // process holds the file: that file is fine, so it is never moved aside for those.
    bool OpenWithRecovery(double wall, int* code_out = nullptr)
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            std::string error, id;
            int code = SQLITE_OK;
            if (code_out)
                *code_out = SQLITE_OK;
            std::int64_t max_seq = 0, max_visit = 0;
            if (TryOpen(&error, &code, &id, &max_seq, &max_visit))
            {
                std::lock_guard<std::mutex> lock(mutex);
                db_id = id;
                // Sequence numbers only grow, also across a move-aside, so (db_id, seq) stays unique.
                next_seq = std::max(next_seq, max_seq + 1);
                visit_counter = std::max(visit_counter, max_visit);
                database_ok = true;
                return true;
            }
            {
                std::lock_guard<std::mutex> lock(mutex);
                last_error = error;
                database_ok = false;
            }
            // A directory (or anything but a file) at the path cannot be opened either, but that
            // is a thing in the way, moved aside like a broken file, not a fault of the place.
            std::error_code ec;
            const auto type = std::filesystem::status(options.path, ec).type();
            if (code == SQLITE_CANTOPEN && type != std::filesystem::file_type::not_found &&
                type != std::filesystem::file_type::regular && !ec)
                code = SQLITE_NOTADB;
            if (code_out)
                *code_out = code;
            if (IsPlaceFault(code))
                return false; // the caller holds the events and says so in one line
            if (code == SQLITE_BUSY || code == SQLITE_LOCKED || attempt > 0)
            {
                Log("stats: cannot open statistics database '" + options.path + "': " + error +
                    "; events are not being recorded");
                return false;
            }
            const std::string moved = MoveAside(wall);
            if (moved.empty())
                return false;
            {
                std::lock_guard<std::mutex> lock(mutex);
                moved_aside++;
            }
            Log("stats: statistics database '" + options.path + "' is unusable (" + error + "); " + moved +
                ", starting a fresh one");
        }
        return false;
    }

    // --- 5. The writer thread ----------------------------------------------------------------------
    int WriteBatch(const std::vector<StatsEvent>& batch, std::string* error)
    {
        last_system_errno = 0;
        if (!Exec(db, "BEGIN IMMEDIATE", error))
        {
            last_system_errno = sqlite3_system_errno(db);
            return sqlite3_extended_errcode(db) & 0xff;
        }
        for (const StatsEvent& e : batch)
        {
            BindEvent(insert, e);
            const int rc = sqlite3_step(insert);
            sqlite3_reset(insert);
            if (rc != SQLITE_DONE)
            {
                *error = sqlite3_errmsg(db);
                const int code = sqlite3_extended_errcode(db) & 0xff;
                last_system_errno = sqlite3_system_errno(db); // before ROLLBACK replaces it
                Exec(db, "ROLLBACK", nullptr);
                return code == SQLITE_OK ? rc & 0xff : code;
            }
        }
        if (!Exec(db, "COMMIT", error))
        {
            const int code = sqlite3_extended_errcode(db) & 0xff;
            last_system_errno = sqlite3_system_errno(db);
            Exec(db, "ROLLBACK", nullptr);
            return code;
        }
        return SQLITE_OK;
    }

    // Counts a batch that could not be written anywhere as dropped.
    void DropBatch(const std::vector<StatsEvent>& batch)
    {
        std::lock_guard<std::mutex> lock(mutex);
        dropped += (std::int64_t)batch.size();
        done_seq = batch.back().seq;
        done_cv.notify_all();
    }

    enum class Outcome
    {
        Written,
        Dropped,
        Held, // the place cannot be written now: the caller keeps the batch and tries again
    };

    // Says once, when the trouble starts, that events are waiting and why. system_errno is what
    // the operating system said (EROFS, ENOSPC), when SQLite passed it on.
    void StartHolding(int code, const std::string& error, int system_errno = 0)
    {
        if (holding)
            return;
        holding = true;
        hold_retry_s = kHoldRetryFirstS;
        std::string why = system_errno != 0 ? std::strerror(system_errno) : PlaceFaultName(code);
        // SQLite often passes no errno on (a failed fsync, ENOSPC): ask the file system itself.
        struct statvfs fs_info
        {
        };
        const std::string folder = std::filesystem::path(options.path).parent_path().string();
        if (system_errno == 0 && statvfs(folder.empty() ? "." : folder.c_str(), &fs_info) == 0)
        {
            if (fs_info.f_flag & ST_RDONLY)
                why = "the file system is read-only";
            else if (fs_info.f_bavail == 0)
                why = "the disk is full";
            else
            {
                // A file system the kernel stopped after an error (ext4's errors=remount-ro)
                // still looks writable to statvfs: try creating a file to hear what it says.
                const std::string probe = options.path + ".probe";
                const int fd = ::open(probe.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
                if (fd < 0)
                    why = std::strerror(errno);
                else
                {
                    ::close(fd);
                    ::unlink(probe.c_str());
                }
            }
        }
        Log("stats: cannot write statistics database '" + options.path + "': " + error + " (" + why +
            "); events wait in memory and are written as soon as it can be written again");
    }

    // The file at path is not this connection's any more (FileReplaced). Copies what the connection
    // still reads (every event recorded so far: SQLite reads the renamed or deleted file through its
    // open descriptor) into a new file at path, after moving whatever is there aside.
    void RecoverReplaced(double wall, const std::string& what)
    {
        namespace fs = std::filesystem;
        std::error_code ec;
        const std::string copy = options.path + ".recovering";
        fs::remove(copy, ec);
        std::string err, count;
        char* vacuum = sqlite3_mprintf("VACUUM INTO %Q", copy.c_str());
        bool copied = QueryText(db, "SELECT count(*) FROM events", &count, &err) && Exec(db, vacuum, &err);
        sqlite3_free(vacuum);
        // The file found at the path is kept as it was: no checkpoint into it on close.
        sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        CloseDatabase();
        if (copied)
            for (const char* suffix : {"-wal", "-shm"})
                fs::remove(options.path + suffix, ec); // this connection's: all in the copy now, and
                                                       // they must not be replayed onto it
        std::string moved;
        if (fs::exists(fs::symlink_status(options.path, ec)))
            moved = MoveAside(wall);
        if (!moved.empty())
        {
            std::lock_guard<std::mutex> lock(mutex);
            moved_aside++;
        }
        if (copied)
        {
            fs::rename(copy, options.path, ec);
            if (ec)
            {
                copied = false;
                err = ec.message();
            }
        }
        fs::remove(copy, ec);
        Log("stats: statistics database '" + options.path + "' changed under the running kiosk: " + what + "; " +
            (moved.empty() ? std::string() : moved + "; ") +
            (copied ? "wrote back the " + count + " events recorded so far"
                    : "the events recorded before could not be read back (" + err + "), starting a fresh one"));
    }

    Outcome WriteWithRecovery(std::vector<StatsEvent>& batch)
    {
        double wall = 0;
        {
            std::lock_guard<std::mutex> lock(mutex);
            wall = last_wall;
        }
        int busy_tries = 0;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            if (db)
            {
                std::string what;
                if (FileReplaced(&what))
                    RecoverReplaced(wall, what);
            }
            if (!db)
            {
                if (open_backoff > 0 && !holding)
                {
                    open_backoff--;
                    break;
                }
                int code = SQLITE_OK;
                if (!OpenWithRecovery(wall, &code))
                {
                    if (IsPlaceFault(code))
                    {
                        std::string error;
                        {
                            std::lock_guard<std::mutex> lock(mutex);
                            error = last_error;
                        }
                        StartHolding(code, error);
                        return Outcome::Held;
                    }
                    // Try again later, less and less often (1, 2, 4 ... 256 batches), never giving up.
                    open_backoff = open_backoff_next;
                    open_backoff_next = std::min(open_backoff_next * 2, 256);
                    break;
                }
            }
            std::string id;
            {
                std::lock_guard<std::mutex> lock(mutex);
                id = db_id;
            }
            for (StatsEvent& e : batch)
                e.db_id = id; // the database the event is first written to
            std::string error;
            const int code = WriteBatch(batch, &error);
            if (code == SQLITE_OK)
            {
                open_backoff_next = 1;
                if (holding)
                {
                    holding = false;
                    Log("stats: statistics database '" + options.path + "' can be written again: wrote the " +
                        std::to_string(batch.size()) + " events that were waiting");
                }
                std::lock_guard<std::mutex> lock(mutex);
                database_ok = true;
                committed_seq = batch.back().seq;
                done_seq = batch.back().seq;
                done_cv.notify_all();
                return Outcome::Written;
            }
            {
                std::lock_guard<std::mutex> lock(mutex);
                database_ok = false;
                last_error = error;
            }
            if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
            {
                // Another process holds the write lock (each try already waited kBusyTimeoutMs).
                // The file is fine: keep trying for a while, then give this batch up.
                if (++busy_tries < kBusyRetries)
                {
                    attempt--;
                    continue;
                }
                Log("stats: statistics database is busy (" + error + "); " + std::to_string(batch.size()) +
                    " events not recorded");
                break;
            }
            if (IsPlaceFault(code) && !(code == SQLITE_FULL && AtPageCap()))
            {
                // A full disk keeps its connection (space may come back any moment); anything
                // else reopens on the next try, which also finds a disk that was plugged in again.
                if (code != SQLITE_FULL)
                    CloseDatabase();
                StartHolding(code, error, last_system_errno);
                return Outcome::Held;
            }
            // Corrupt, at its size cap, deleted under us: move it aside, start fresh and write this
            // batch there.
            CloseDatabase();
            const std::string moved = MoveAside(wall);
            if (!moved.empty())
            {
                std::lock_guard<std::mutex> lock(mutex);
                moved_aside++;
            }
            Log("stats: writing to statistics database '" + options.path + "' failed (" + error + ")" +
                (moved.empty() ? std::string("; starting a fresh one") : "; " + moved + ", starting a fresh one"));
        }
        DropBatch(batch);
        return Outcome::Dropped;
    }

    void WriterLoop()
    {
        std::vector<StatsEvent> batch;
        bool loss_logged = false;
        for (;;)
        {
            bool stopping = false;
            {
                std::unique_lock<std::mutex> lock(mutex);
                work_cv.wait(lock, [this] { return stop || !queue.empty(); });
                if (queue.empty())
                    return; // stop requested and everything written
                batch.assign(std::make_move_iterator(queue.begin()), std::make_move_iterator(queue.end()));
                queue.clear();
                stopping = stop;
            }
            if (WriteWithRecovery(batch) == Outcome::Held)
            {
                if (stopping)
                {
                    // Closing (the kiosk stops) while the place still cannot be written: say what
                    // is lost rather than hold up the shutdown.
                    if (!loss_logged)
                        Log("stats: closing while statistics database '" + options.path +
                            "' cannot be written: " + std::to_string(batch.size()) + " events are lost");
                    loss_logged = true;
                    DropBatch(batch);
                }
                else
                {
                    std::unique_lock<std::mutex> lock(mutex);
                    queue.insert(queue.begin(), std::make_move_iterator(batch.begin()),
                                 std::make_move_iterator(batch.end()));
                    work_cv.wait_for(lock, std::chrono::duration<double>(hold_retry_s), [this] { return stop; });
                    hold_retry_s = std::min(hold_retry_s * 2, kHoldRetryMaxS);
                }
            }
            batch.clear();
        }
    }
};

// --- 6. Public StatsStore methods -------------------------------------------------------------------
StatsStore::StatsStore(StatsStoreOptions options) : m_impl(std::make_unique<Impl>())
{
    m_impl->options = std::move(options);
    m_impl->options.kiosk_name = SanitizeName(m_impl->options.kiosk_name);
    m_impl->options.event_name = SanitizeName(m_impl->options.event_name);
}

StatsStore::~StatsStore()
{
    Close();
}

bool StatsStore::Open(double wall_now)
{
    Impl& s = *m_impl;
    if (s.running)
        return Status().database_ok;
    {
        std::lock_guard<std::mutex> lock(s.mutex);
        s.last_wall = std::max(s.last_wall, wall_now);
        s.stop = false;
    }
    int code = SQLITE_OK;
    const bool ok = s.OpenWithRecovery(wall_now, &code);
    if (!ok && IsPlaceFault(code))
        s.StartHolding(code, Status().last_error);
    s.running = true;
    s.writer = std::thread([&s] { s.WriterLoop(); });
    return ok;
}

void StatsStore::Close()
{
    Impl& s = *m_impl;
    if (s.running)
    {
        {
            std::lock_guard<std::mutex> lock(s.mutex);
            s.stop = true;
        }
        s.work_cv.notify_all();
        s.writer.join();
        s.running = false;
    }
    s.CloseDatabase();
}

std::int64_t StatsStore::Append(StatsEvent event)
{
    Impl& s = *m_impl;
    event.role_id = SanitizeId(event.role_id);
    event.photo_id = SanitizeId(event.photo_id);
    event.node_id = SanitizeId(event.node_id);
    event.start_point_id = SanitizeId(event.start_point_id);
    event.screen_id = SanitizeId(event.screen_id);
    event.language = SanitizeId(event.language);
    event.setting = SanitizeId(event.setting);
    event.glossary_term_id = SanitizeId(event.glossary_term_id);
    event.end_reason = SanitizeId(event.end_reason);
    event.kiosk = s.options.kiosk_name;
    event.event_name = s.options.event_name;
    std::string clock_line;
    const std::int64_t seq = [&]
    {
        std::lock_guard<std::mutex> lock(s.mutex);
        event.seq = s.next_seq++;
        event.wall_untrusted = s.wall_check.Untrusted(event.wall_time, event.mono_time);
        if (event.wall_untrusted != s.wall_untrusted)
        {
            s.wall_untrusted = event.wall_untrusted;
            clock_line = DescribeClockChange(event.wall_untrusted, event.wall_time,
                                             s.wall_check.Drift(event.wall_time, event.mono_time));
        }
        if (!event.wall_untrusted)
            s.last_wall = std::max(s.last_wall, event.wall_time);
        if (event.kind == EventKind::VisitStarted)
        {
            s.visit_counter++;
            s.in_visit = true;
        }
        event.visit_id = s.in_visit ? s.visit_counter : 0;
        if (event.kind == EventKind::VisitEnded)
            s.in_visit = false;
        const std::int64_t event_seq = event.seq;
        if (s.queue.size() >= s.options.max_queue || !s.running)
        {
            // Nothing will write it: count it as dropped at once so waiters do not hang.
            s.dropped++;
            if (s.queue.empty() && s.done_seq == event_seq - 1)
                s.done_seq = event_seq;
            return event_seq;
        }
        s.queue.push_back(std::move(event));
        s.work_cv.notify_one();
        return event_seq;
    }();
    if (!clock_line.empty())
        s.Log(clock_line); // outside the lock: the log may write to a slow journal
    return seq;
}

std::int64_t StatsStore::CommittedSeq() const
{
    std::lock_guard<std::mutex> lock(m_impl->mutex);
    return m_impl->committed_seq;
}

bool StatsStore::WaitForCommit(std::int64_t seq, double timeout_s)
{
    Impl& s = *m_impl;
    std::unique_lock<std::mutex> lock(s.mutex);
    s.done_cv.wait_for(lock, std::chrono::duration<double>(timeout_s),
                       [&] { return s.done_seq >= seq || (!s.running && s.queue.empty()); });
    return s.committed_seq >= seq;
}

bool StatsStore::Flush(double timeout_s)
{
    std::int64_t last = 0;
    {
        std::lock_guard<std::mutex> lock(m_impl->mutex);
        last = m_impl->next_seq - 1;
    }
    return WaitForCommit(last, timeout_s);
}

StatsStoreStatus StatsStore::Status() const
{
    const Impl& s = *m_impl;
    std::lock_guard<std::mutex> lock(s.mutex);
    StatsStoreStatus st;
    st.appended_seq = s.next_seq - 1;
    st.committed_seq = s.committed_seq;
    st.dropped = s.dropped;
    st.moved_aside = s.moved_aside;
    st.database_ok = s.database_ok;
    st.path = s.options.path;
    st.db_id = s.db_id;
    st.last_error = s.last_error;
    return st;
}
} // namespace kiosk::core
