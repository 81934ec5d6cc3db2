// Content load and validation time of the bundled pack (median of several runs).
#include "bench.h"
#include "core/content/content_loader.h"

#include <algorithm>
#include <chrono>
#include <vector>

using namespace kiosk;

static void BenchContentLoad(const bench::BenchContext& ctx)
{
    std::vector<double> ms;
    for (int i = 0; i < 15; i++)
    {
        const auto t0 = std::chrono::steady_clock::now();
        const core::ContentLoadResult result = core::LoadContentPack(ctx.source_dir + "/content");
        const auto t1 = std::chrono::steady_clock::now();
        if (!result.pack)
            return bench::PrintFigure("content_load_failed", 1, "count");
        ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    bench::PrintFigure("content_load_and_validate_median", ms[ms.size() / 2], "ms");
}

KIOSK_BENCH("content", BenchContentLoad);
