// Durable, append-only usage statistics in SQLite, written by a background thread.
//
// Durability settings (see stats_store.cpp for the reasoning):
//   journal_mode=WAL, synchronous=FULL, one transaction per batch, the writer commits as soon as it
//   has events (a batch is whatever arrived while the previous commit was being fsynced), automatic
//   checkpoints every 1000 pages, WAL truncated to 4 MiB after a checkpoint.
// Result: an event is committed within one or two fsyncs of Append (well under the 2 s budget),
// a committed event survives kill -9 and power loss (the WAL is fsynced at every commit), and the
// database is never corrupt (SQLite's WAL guarantees, with the disk honouring fsync).
#pragma once
#include "core/stats/stats_event.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

struct sqlite3;

namespace kiosk::core
{
// Wall clock before this (2020-01-01T00:00:00Z) cannot be right: no clock battery, no network.
constexpr double kEarliestTrustedWallTime = 1577836800.0;
// The wall clock "jumped" when (wall - monotonic) moves by more than this from its reference.
// Large enough for NTP slewing over a long day, small enough to catch a clock being set.
constexpr double kWallClockJumpTolerance = 120.0;

// Decides whether a wall-clock reading can be trusted. The reference offset (wall - monotonic) is
// taken from the first plausible reading; later readings that disagree with it by more than the
// tolerance are flagged, because after a jump nobody can tell which side was right.
class WallClockCheck
{
public:
    bool Untrusted(double wall_time, double mono_time);
    // How far (wall - monotonic) is from the reference, in seconds (0 before the reference).
    double Drift(double wall_time, double mono_time) const;

private:
    bool m_has_reference = false;
    double m_offset = 0;
};

struct StatsStoreOptions
{
    std::string path;       // the database file, e.g. <data dir>/stats.db
    std::string kiosk_name; // from the configuration; stored in every row
    std::string event_name; // from the configuration; stored in every row
    // Receives one line per problem ("stats: database ... is corrupt; moved aside to ...").
    // Called from the caller's thread in Open and from the writer thread later. Default: stderr.
    std::function<void(const std::string&)> log;
    std::size_t max_queue = 100000;  // events waiting for the disk; beyond this new events are dropped
    std::int64_t max_page_count = 0; // > 0 caps the database size in pages (tests simulate a full disk)
};

struct StatsStoreStatus
{
    std::int64_t appended_seq = 0;  // last sequence number handed out by Append
    std::int64_t committed_seq = 0; // every event with seq <= this is durably in the database,
                                    // except events counted in dropped
    std::int64_t dropped = 0;       // events lost (queue full, or no database could be written)
    int moved_aside = 0;            // databases moved aside since Open
    bool database_ok = false;       // a database is open and the last write succeeded
    std::string path;
    std::string db_id;
    std::string last_error;
};

// Thread-safety: Append, CommittedSeq, WaitForCommit, Flush and Status may be called from any
// thread. Open and Close must not race with each other or with the destructor.
class StatsStore : public EventSink
{
public:
    explicit StatsStore(StatsStoreOptions options);
    ~StatsStore() override; // Close()
    StatsStore(const StatsStore&) = delete;
    StatsStore& operator=(const StatsStore&) = delete;

    // Opens (or creates) the database and starts the writer thread. A corrupt, unreadable or
    // foreign file is moved aside to "<path>.broken-<UTC time>" (with its -wal and -shm) and a
    // fresh database is created; wall_now names the moved file. Blocks on disk: call at start-up.
    // Returns false only when no database could be opened at all; Append still works then
    // (events are counted as dropped) and the writer tries again with each batch.
    bool Open(double wall_now);
    // Writes what is queued, stops the writer thread and closes the database.
    void Close();

    // Queues an event and returns its sequence number. Before Open or after Close the event is
    // counted as dropped. Never touches the disk: it takes a mutex
    // for a few microseconds. Fills seq, kiosk, event_name, wall_untrusted and visit_id (a
    // VisitStarted opens a visit, VisitEnded closes it); the writer fills db_id. Id fields are
    // reduced to [A-Za-z0-9_.:=/-] and 64 characters so no free text can be stored.
    std::int64_t Append(StatsEvent event);
    void Record(StatsEvent event) override { Append(std::move(event)); }

    std::int64_t CommittedSeq() const;
    // Waits until seq is committed (true) or dropped, or timeout_s passes (false).
    bool WaitForCommit(std::int64_t seq, double timeout_s);
    // WaitForCommit(last appended seq).
    bool Flush(double timeout_s);
    StatsStoreStatus Status() const;

    struct Impl;

private:
    std::unique_ptr<Impl> m_impl;
};

// Shared by the store and by merge: creates the schema in an empty database or checks that an
// existing one is a careers-kiosk statistics database. On success *db_id holds the database id.
// With create false, a database without the schema is an error. A schema 1 database (before
// events.glossary_term_id) is migrated in one transaction when `create` (a database we write to),
// and with create false is accepted as it is when `schema_version` is given (set to 1 or 2), so
// an older kiosk's export can be read without changing it.
bool PrepareStatsSchema(sqlite3* db, bool create, std::string* db_id, std::string* error,
                        int* schema_version = nullptr);

// Inserts events as they are (db_id and seq included), skipping any whose (kiosk, db_id, seq) is
// already present; *inserted counts the new rows. The caller owns the transaction.
bool InsertStatsEvents(sqlite3* db, const std::vector<StatsEvent>& events, std::int64_t* inserted, std::string* error);

// A new random database id: 32 lowercase hex digits (std::random_device, not a clock).
std::string NewDatabaseId();
// "20261121T101503Z" for unix seconds; used in the names of moved-aside files.
std::string CompactUtcStamp(double unix_seconds);
} // namespace kiosk::core
