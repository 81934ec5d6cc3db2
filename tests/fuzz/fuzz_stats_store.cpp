// Fuzz target: the kiosk's own statistics file (DATA/stats.db) holding any bytes at start-up,
// through StatsStore::Open as the running kiosk opens it. Whatever the file holds, the kiosk must
// end up with a database it writes to (a bad file moved aside, a good one kept) and an event
// recorded after start-up must be committed and readable by `stats summary`.
#include "core/cli/stats_cli.h"
#include "core/stats/stats_store.h"
#include "fuzz_check.h"

#include <filesystem>
#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace kiosk::core;
    const std::string dir = kiosk::fuzz::ScratchDir() + "/store";
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    std::filesystem::create_directories(dir, ec);
    const std::string path = dir + "/stats.db";
    KIOSK_FUZZ_CHECK(kiosk::fuzz::WriteInputFile(path, data, size), "writing the database file");

    std::string last_log;
    StatsStoreOptions options;
    options.path = path;
    options.kiosk_name = "fuzz";
    options.event_name = "fuzz";
    options.log = [&last_log](const std::string& line) { last_log = line; };
    {
        StatsStore store(options);
        const double now = 1764600000.0; // 2025-12-01
        KIOSK_FUZZ_CHECK(store.Open(now), "the kiosk opens a statistics database whatever the file held: " + last_log);
        StatsEvent started;
        started.kind = EventKind::VisitStarted;
        started.wall_time = now;
        started.mono_time = 1.0;
        const std::int64_t seq = store.Append(started);
        KIOSK_FUZZ_CHECK(store.WaitForCommit(seq, 20.0), "the first event is committed");
        const StatsStoreStatus status = store.Status();
        KIOSK_FUZZ_CHECK(status.database_ok && status.dropped == 0, "nothing dropped: " + status.last_error);
        store.Close();
    }
    std::ostringstream out, err;
    KIOSK_FUZZ_CHECK(RunStatsCommand({"summary", path}, out, err) == kStatsExitOk,
                     "the database the kiosk wrote summarises: " + err.str());
    return 0;
}
