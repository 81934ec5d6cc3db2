// Content load and validation of the bundled pack: wall time, and the CPU time of the loading
// thread (the machine is shared, so CPU time is the steadier figure) for the full load and for the
// kiosk's start, which defers the checks that can only warn until after its first frame (median of
// several runs each).
#include "bench.h"
#include "core/content/content_loader.h"

#include <chrono>
#include <vector>

using namespace kiosk;

using bench::Median;
using bench::ThreadCpuMs;

static void BenchContentLoad(const bench::BenchContext& ctx)
{
    const std::string folder = ctx.source_dir + "/content";
    std::vector<double> ms, cpu, early_cpu, later_cpu;
    core::ContentLoadOptions deferred;
    deferred.defer_warning_checks = true;
    for (int i = 0; i < 15; i++)
    {
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = ThreadCpuMs();
        const core::ContentLoadResult result = core::LoadContentPack(folder);
        const auto t1 = std::chrono::steady_clock::now();
        cpu.push_back(ThreadCpuMs() - c0);
        if (!result.pack)
            return bench::PrintFigure("content_load_failed", 1, "count");
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());

        const double c1 = ThreadCpuMs();
        const core::ContentLoadResult early = core::LoadContentPack(folder, deferred);
        const double c2 = ThreadCpuMs();
        if (!early.pack || !early.later_checks)
            return bench::PrintFigure("content_load_failed", 1, "count");
        early.later_checks();
        early_cpu.push_back(c2 - c1);
        later_cpu.push_back(ThreadCpuMs() - c2);
    }
    bench::PrintFigure("content_load_and_validate_median", Median(ms), "ms");
    bench::PrintFigure("content_load_and_validate_cpu_median", Median(cpu), "ms");
    bench::PrintFigure("content_load_at_start_cpu_median", Median(early_cpu), "ms");
    bench::PrintFigure("content_later_checks_cpu_median", Median(later_cpu), "ms");
}

KIOSK_BENCH("content", BenchContentLoad);
