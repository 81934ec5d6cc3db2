// Statistics write latency with the shipped durability settings (WAL, synchronous=FULL, commit as
// soon as events are queued). One event at a time, as at a stand: the time from Append to the
// event being committed (fsynced), and the time the caller spends inside Append.
#include "bench.h"
#include "core/stats/stats_store.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <unistd.h>
#include <vector>

namespace
{
using Clock = std::chrono::steady_clock;

double Percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, (size_t)(p / 100.0 * (double)v.size()));
    return v[i];
}

double Ms(Clock::duration d)
{
    return std::chrono::duration<double, std::milli>(d).count();
}

void BenchStatsWrite(const kiosk::bench::BenchContext& ctx)
{
    namespace fs = std::filesystem;
    using namespace kiosk::core;
    // On the build folder's disk, not /tmp (which may be RAM): fsync cost is the point.
    const fs::path dir = fs::path(ctx.binary_dir) / ("bench-stats-" + std::to_string(getpid()));
    std::error_code ec;
    fs::remove_all(dir, ec);
    fs::create_directories(dir);

    StatsStoreOptions options;
    options.path = (dir / "stats.db").string();
    options.kiosk_name = "bench";
    options.event_name = "bench";
    std::vector<double> commit_ms, append_ms;
    {
        StatsStore store(options);
        const double wall = (double)std::time(nullptr);
        store.Open(wall);
        const auto start = Clock::now();
        const int warmup = 20, n = 500;
        for (int i = 0; i < warmup + n; i++)
        {
            StatsEvent e;
            e.kind = i % 2 ? EventKind::ScreenViewed : EventKind::RoleOpened;
            e.mono_time = std::chrono::duration<double>(Clock::now() - start).count();
            e.wall_time = wall + e.mono_time;
            e.role_id = "clinical-engineer";
            e.screen_id = "role";
            e.dwell_ms = 1234;
            const auto t0 = Clock::now();
            const std::int64_t seq = store.Append(e);
            const auto t1 = Clock::now();
            store.WaitForCommit(seq, 30);
            const auto t2 = Clock::now();
            if (i >= warmup)
            {
                append_ms.push_back(Ms(t1 - t0));
                commit_ms.push_back(Ms(t2 - t0));
            }
        }
    }
    fs::remove_all(dir, ec);
    kiosk::bench::PrintFigure("stats_write_latency_p50", Percentile(commit_ms, 50), "ms");
    kiosk::bench::PrintFigure("stats_write_latency_p99", Percentile(commit_ms, 99), "ms");
    kiosk::bench::PrintFigure("stats_append_call_p99", Percentile(append_ms, 99), "ms");
}
} // namespace

KIOSK_BENCH("stats", BenchStatsWrite);
