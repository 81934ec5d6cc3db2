// Benchmark harness: each bench_*.cpp registers named benchmarks with KIOSK_BENCH.
// A benchmark prints JSON lines to stdout, one object per figure; it never asserts a time.
// Usage: careers-kiosk-bench [--list] [NAME_PREFIX ...]   (no prefix: run everything)
#pragma once
#include <string>
#include <vector>

namespace kiosk::bench
{
struct BenchContext
{
    std::string binary_dir;   // build folder (careers-kiosk lives here)
    std::string source_dir;   // project root
    std::string kiosk_binary; // path of careers-kiosk, for start-up and frame benchmarks
};

using BenchFn = void (*)(const BenchContext& ctx);
bool RegisterBench(const char* name, BenchFn fn);

// Prints {"bench": NAME, "value": VALUE, "unit": UNIT} on its own line and flushes.
void PrintFigure(const std::string& name, double value, const std::string& unit);

// The middle value (the mean of the two middle ones for an even count); 0 when there is none.
double Median(std::vector<double> values);

// This thread's CPU time in ms: the steadier figure on a shared machine.
double ThreadCpuMs();
} // namespace kiosk::bench

#define KIOSK_BENCH_CONCAT2(a, b) a##b
#define KIOSK_BENCH_CONCAT(a, b) KIOSK_BENCH_CONCAT2(a, b)
#define KIOSK_BENCH(NAME, FN)                                                                                          \
    static const bool KIOSK_BENCH_CONCAT(kiosk_bench_registered_, __LINE__) = ::kiosk::bench::RegisterBench(NAME, FN)
