// Statistics schema 1 -> 2 (events.glossary_term_id): a database written by an older kiosk
// (tests/fixtures/stats/schema-1.db, glossary terms in `setting`) is read as it is without being
// changed, and is migrated in place when a store opens it, losing no event; the term then shows
// in the summary, the CSV and the new rows' own column.
#include "core/stats/stats_report.h"
#include "core/stats/stats_store.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <sqlite3.h>
#include <sstream>

using namespace kiosk::core;
namespace fs = std::filesystem;

namespace
{
const std::string kFixture = std::string(KIOSK_FIXTURES_DIR) + "/stats/schema-1.db";

std::string Query(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
    std::string out;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        out += std::string(sqlite3_column_text(stmt, 0) ? (const char*)sqlite3_column_text(stmt, 0) : "NULL") + ";";
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return out;
}

std::int64_t Count(const StatsSummary& s, const std::string& term)
{
    for (const CountItem& c : s.total.glossary_terms)
        if (c.key == term)
            return c.count;
    return 0;
}
} // namespace

TEST_CASE("a schema 1 database is read as it is, its glossary terms taken from setting", "[stats_store][migration]")
{
    kiosk::test::TempDir dir("kiosk-stats-migration");
    const std::string path = dir.File("old.db");
    fs::copy_file(kFixture, path);
    std::vector<StatsEvent> events;
    std::string error;
    REQUIRE(ReadStatsDatabase(path, &events, &error));
    REQUIRE(events.size() == 7);
    CHECK(events[2].kind == EventKind::GlossaryTermOpened);
    CHECK(events[2].glossary_term_id == "ucas");
    CHECK(events[2].setting.empty());
    CHECK(events[5].setting == "large_text=on"); // other kinds keep their setting
    const StatsSummary s = Summarize(events);
    CHECK(Count(s, "ucas") == 2);
    CHECK(Count(s, "stp") == 1);
    // Reading changed nothing: still schema 1, the term still in setting.
    CHECK(Query(path, "SELECT value FROM meta WHERE key = 'schema_version'") == "1;");
    CHECK(Query(path, "SELECT setting FROM events WHERE seq = 3") == "ucas;");
}

TEST_CASE("opening a schema 1 database migrates it without losing an event", "[stats_store][migration]")
{
    kiosk::test::TempDir dir("kiosk-stats-migration");
    const std::string path = dir.File("stats.db");
    fs::copy_file(kFixture, path);
    const std::string before = Query(path, "SELECT kiosk || db_id || seq || kind || coalesce(role_id, '') FROM events "
                                           "ORDER BY seq");
    {
        StatsStoreOptions o;
        o.path = path;
        o.kiosk_name = "stand-1";
        o.event_name = "Open day";
        o.log = [](const std::string&) {};
        StatsStore store(o);
        REQUIRE(store.Open(1764590600.0));
        CHECK(store.Status().db_id == "0123456789abcdef0123456789abcdef"); // the same database, not moved aside
        StatsEvent e;
        e.kind = EventKind::GlossaryTermOpened;
        e.wall_time = 1764590600.0;
        e.mono_time = 200.0;
        e.glossary_term_id = "ucas";
        CHECK(store.Append(e) == 8); // the sequence carries on
        REQUIRE(store.Flush(10));
    }
    CHECK(Query(path, "SELECT value FROM meta WHERE key = 'schema_version'") == "2;");
    CHECK(Query(path, "SELECT kiosk || db_id || seq || kind || coalesce(role_id, '') FROM events WHERE seq <= 7 "
                      "ORDER BY seq") == before);
    CHECK(Query(path, "SELECT glossary_term_id FROM events WHERE kind = 'glossary_term_opened' ORDER BY seq") ==
          "ucas;stp;ucas;ucas;");
    CHECK(Query(path, "SELECT count(*) FROM events WHERE kind = 'glossary_term_opened' AND setting IS NOT NULL") ==
          "0;");
    CHECK(Query(path, "SELECT setting FROM events WHERE seq = 6") == "large_text=on;");
    // Still append-only after the migration.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
    CHECK(sqlite3_exec(db, "UPDATE events SET setting = 'x'", nullptr, nullptr, nullptr) != SQLITE_OK);
    CHECK(sqlite3_exec(db, "DELETE FROM events", nullptr, nullptr, nullptr) != SQLITE_OK);
    sqlite3_close(db);

    std::vector<StatsEvent> events;
    std::string error;
    REQUIRE(ReadStatsDatabase(path, &events, &error));
    REQUIRE(events.size() == 8);
    const StatsSummary s = Summarize(events);
    CHECK(Count(s, "ucas") == 3);
    CHECK(FormatSummary(s).find("ucas") != std::string::npos);
    std::ostringstream csv;
    WriteStatsCsv(events, csv);
    const std::string text = csv.str();
    CHECK(text.rfind("event,kiosk,", 0) == 0);
    CHECK(text.find(",end_reason,glossary_term_id\r\n") != std::string::npos);
    CHECK(text.find(",glossary_term_opened,1,,,,,,,,,,,,ucas\r\n") != std::string::npos);
}
