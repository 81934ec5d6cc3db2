// careers-kiosk-bench app.startup: process start to the first complete frame at 1080p, the kiosk
// beside its anchor, a bare Dear ImGui + GLFW + OpenGL window (careers-kiosk-bare-window, built
// from the same Debian packages and backend glue), started alternately in the same run under the
// same private Xvfb. Prints the medians, their ratio (wall and CPU), and the kiosk's start-up
// profile: the median start, length and CPU time of each phase before its first frame
// (shell/startup_profile.h; CPU: of the thread that ran the phase, so Mesa's own threads are not in
// it), then the CPU of each thread (by name: the main thread, Mesa's llvmpipe rasterisers, ...).
// Figures only; nothing is asserted.
#include "bench.h"
#include "bench_child.h"
#include "platform/headless_display.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace kiosk;

namespace
{
constexpr int kRounds = 9;

struct PhaseTimes
{
    double begin_ms = 0; // from the fork
    double length_ms = 0;
    double cpu_ms = 0; // the CPU time of the thread that ran it
};

struct StartRun
{
    double first_frame_ms = 0; // fork to the first frame presented
    double cpu_ms = 0;         // the child's CPU (every thread) up to then; 0 if it did not say
    double main_ms = 0;        // fork to main(): exec, dynamic linking, static initialisers
    std::map<std::string, PhaseTimes> phases;
    std::vector<std::string> order;              // phase names in the order they were reported
    std::map<std::string, double> thread_cpu_ms; // CPU by thread name up to the first frame
};

double SteadySeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Starts `binary`, reads its profile up to "first-frame", stops it. False if it never drew.
bool TimeOneStart(const std::string& binary, const std::vector<std::string>& args, StartRun* run)
{
    const double t0 = SteadySeconds();
    bench::Child child = bench::Spawn(binary, args, true);
    bool drawn = false;
    for (std::string line; !(line = bench::ReadLine(child.out)).empty();)
    {
        std::istringstream in(line);
        std::string tag;
        in >> tag;
        if (tag == "startup-main")
        {
            double t = 0;
            in >> t;
            run->main_ms = (t - t0) * 1e3;
        }
        else if (tag == "startup-phase")
        {
            std::string name;
            double b = 0, e = 0, cpu = 0;
            in >> name >> b >> e >> cpu;
            if (!run->phases.count(name))
                run->order.push_back(name);
            PhaseTimes& p = run->phases[name];
            if (p.length_ms == 0)
                p.begin_ms = (b - t0) * 1e3;
            p.length_ms += (e - b) * 1e3; // a phase that runs twice counts both times
            p.cpu_ms += cpu * 1e3;
        }
        else if (tag == "startup-thread")
        {
            std::string name;
            double cpu = 0;
            in >> name >> cpu;
            run->thread_cpu_ms[name] += cpu * 1e3;
        }
        else if (tag == "first-frame")
        {
            double mono = 0, cpu = 0;
            // An older kiosk says only "first-frame": then the moment it was read counts.
            run->first_frame_ms = (in >> mono >> cpu) ? (mono - t0) * 1e3 : (SteadySeconds() - t0) * 1e3;
            run->cpu_ms = cpu * 1e3;
            drawn = true;
            break;
        }
    }
    bench::Stop(child);
    return drawn;
}

using bench::Median;

// The median of each phase over the runs, printed as figures and as a table on stderr.
void PrintProfile(const std::string& who, const std::vector<StartRun>& runs)
{
    std::vector<double> main_ms, first_ms;
    for (const StartRun& r : runs)
    {
        main_ms.push_back(r.main_ms);
        first_ms.push_back(r.first_frame_ms);
    }
    std::fprintf(stderr, "\n%s: start-up profile, median of %zu starts (ms from the fork)\n", who.c_str(), runs.size());
    std::fprintf(stderr, "  %-28s %8s %8s %8s\n", "phase", "from", "length", "cpu");
    std::fprintf(stderr, "  %-28s %8.1f %8.1f\n", "process_start", 0.0, Median(main_ms));
    bench::PrintFigure("startup_" + who + "_process_start", Median(main_ms), "ms");
    for (const std::string& name : runs.front().order)
    {
        std::vector<double> begin, length, cpu;
        for (const StartRun& r : runs)
            if (auto it = r.phases.find(name); it != r.phases.end())
            {
                begin.push_back(it->second.begin_ms);
                length.push_back(it->second.length_ms);
                cpu.push_back(it->second.cpu_ms);
            }
        std::fprintf(stderr, "  %-28s %8.1f %8.1f %8.1f\n", name.c_str(), Median(begin), Median(length), Median(cpu));
        bench::PrintFigure("startup_" + who + "_" + name, Median(length), "ms");
        bench::PrintFigure("startup_" + who + "_" + name + "_cpu", Median(cpu), "ms");
    }
    std::map<std::string, std::vector<double>> thread_ms;
    for (const StartRun& r : runs)
        for (const auto& [name, ms] : r.thread_cpu_ms)
            thread_ms[name].push_back(ms);
    for (const auto& [name, ms] : thread_ms)
    {
        std::fprintf(stderr, "  %-28s %8s %8s %8.1f (threads named so, in %zu of %zu starts)\n",
                     ("thread " + name).c_str(), "", "", Median(ms), ms.size(), runs.size());
        bench::PrintFigure("startup_" + who + "_thread_" + name + "_cpu", Median(ms), "ms");
    }
    std::vector<double> cpu_ms;
    for (const StartRun& r : runs)
        cpu_ms.push_back(r.cpu_ms);
    std::fprintf(stderr, "  %-28s %8.1f %8s %8.1f (process, every thread)\n", "first frame presented", Median(first_ms),
                 "", Median(cpu_ms));
}
} // namespace

static void BenchStartup(const bench::BenchContext& ctx)
{
    const int w = 1920, h = 1080;
    platform::HeadlessDisplay display;
    std::string error;
    if (!display.Start(w, h, &error))
    {
        std::fprintf(stderr, "bench app.startup: %s\n", error.c_str());
        return;
    }
    const std::string scratch = "/tmp/careers-kiosk-bench-startup-" + std::to_string(getpid());
    // The kiosk's own state, in a scratch folder: its statistics and its illustration cache (warm
    // after the first start, as on a kiosk that has run before; the first start is not counted).
    setenv("KIOSK_CACHE_DIR", (scratch + "-cache").c_str(), 1);
    const std::vector<std::string> kiosk_args = {"--content", ctx.source_dir + "/content",
                                                 "--size",    std::to_string(w) + "x" + std::to_string(h),
                                                 "--stats",   scratch + ".db"};
    const std::string bare_binary = ctx.binary_dir + "/tests/careers-kiosk-bare-window";
    const std::vector<std::string> bare_args = {std::to_string(w), std::to_string(h)};

    std::vector<StartRun> kiosk_runs, bare_runs;
    for (int round = -1; round < kRounds; round++)
    {
        // Alternate which goes first, so neither always inherits the other's warm caches.
        for (int k = 0; k < 2; k++)
        {
            const bool kiosk = (k == 0) == (round % 2 == 0);
            StartRun run;
            if (!TimeOneStart(kiosk ? ctx.kiosk_binary : bare_binary, kiosk ? kiosk_args : bare_args, &run))
            {
                std::fprintf(stderr, "bench app.startup: %s did not draw a frame\n",
                             kiosk ? ctx.kiosk_binary.c_str() : bare_binary.c_str());
                unsetenv("KIOSK_CACHE_DIR");
                return;
            }
            if (round >= 0)
                (kiosk ? kiosk_runs : bare_runs).push_back(run);
        }
    }
    unsetenv("KIOSK_CACHE_DIR");
    (void)std::system(
        ("rm -rf '" + scratch + "-cache' '" + scratch + ".db' '" + scratch + ".db-wal' '" + scratch + ".db-shm'")
            .c_str());

    auto median_of = [](const std::vector<StartRun>& runs, double StartRun::*field)
    {
        std::vector<double> v;
        for (const StartRun& r : runs)
            v.push_back(r.*field);
        return Median(v);
    };
    const double kiosk_ms = median_of(kiosk_runs, &StartRun::first_frame_ms);
    const double bare_ms = median_of(bare_runs, &StartRun::first_frame_ms);
    const double kiosk_cpu = median_of(kiosk_runs, &StartRun::cpu_ms);
    const double bare_cpu = median_of(bare_runs, &StartRun::cpu_ms);
    PrintProfile("bare", bare_runs);
    PrintProfile("kiosk", kiosk_runs);
    bench::PrintFigure("start_to_first_frame_1080p", kiosk_ms, "ms");
    bench::PrintFigure("bare_window_start_to_first_frame_1080p", bare_ms, "ms");
    bench::PrintFigure("start_to_first_frame_ratio_1080p", bare_ms > 0 ? kiosk_ms / bare_ms : 0, "x");
    bench::PrintFigure("start_cpu_1080p", kiosk_cpu, "ms");
    bench::PrintFigure("bare_window_start_cpu_1080p", bare_cpu, "ms");
    bench::PrintFigure("start_cpu_ratio_1080p", bare_cpu > 0 ? kiosk_cpu / bare_cpu : 0, "x");
}

KIOSK_BENCH("app.startup", BenchStartup);
