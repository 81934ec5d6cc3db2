// kiosk_monkey: a seeded random visitor on every screen of the headless kiosk, under ASan and
// UBSan, checking invariants on every frame (tests/monkey/CMakeLists.txt says how it is built).
//
//   kiosk_monkey [--seed N | --seeds A-B] [--frames M] [--require-coverage] [--inject FAULT]
//
// SIGUSR1 stops a long run after the seed under way, with the summary of the seeds run.
// --inject plants a fault (monkey_run.h) to prove the checks catch it: the run must fail.
// --frames is per seed. Prints one line per seed (size, frames, visits, resets, simulated and
// real time), then the screens, overlays and events reached over all seeds, and the share of the
// frames drawn on each screen. Exits 1 when
// --require-coverage is given and something required was not reached. Any broken invariant,
// ImGui assertion or sanitizer report stops the run with the line that replays it.
//
// A Catch2 program with one test case, so the shared headless harness (which checks with
// REQUIRE) runs as it does in the ui tests; Catch's own signal handlers are off, the monkey's
// report the seed and frame instead.
#define CATCH_CONFIG_RUNNER
#define CATCH_CONFIG_NO_POSIX_SIGNALS
#include "core/admin/admin_pin.h"
#include "monkey/monkey_failure.h"
#include "monkey/monkey_run.h"
#include "support/ui_harness.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace
{
// SIGUSR1: finish the seed under way, then print the summary of the seeds run (a long run that
// must stop early still reports what it reached).
volatile std::sig_atomic_t g_stop_after_seed = 0;
void OnStopAfterSeed(int)
{
    g_stop_after_seed = 1;
}

struct Options
{
    std::uint64_t first_seed = 0, last_seed = 0;
    std::int64_t frames = 2500;
    bool require_coverage = false;
    std::string inject;
};
Options g_options;

bool ParseArgs(int argc, char** argv, Options* o)
{
    for (int i = 1; i < argc; ++i)
    {
        const std::string a = argv[i];
        const char* value = i + 1 < argc ? argv[i + 1] : nullptr;
        if (a == "--seed" && value)
        {
            o->first_seed = o->last_seed = std::strtoull(value, nullptr, 10);
            ++i;
        }
        else if (a == "--seeds" && value && std::strchr(value, '-'))
        {
            o->first_seed = std::strtoull(value, nullptr, 10);
            o->last_seed = std::strtoull(std::strchr(value, '-') + 1, nullptr, 10);
            ++i;
        }
        else if (a == "--frames" && value)
        {
            o->frames = std::strtoll(value, nullptr, 10);
            ++i;
        }
        else if (a == "--inject" && value)
        {
            o->inject = value;
            ++i;
        }
        else if (a == "--require-coverage")
            o->require_coverage = true;
        else
        {
            std::fprintf(
                stderr,
                "usage: kiosk_monkey [--seed N | --seeds A-B] [--frames M] [--require-coverage] [--inject FAULT]\n");
            return false;
        }
    }
    return o->frames > 0 && o->last_seed >= o->first_seed;
}
} // namespace

TEST_CASE("monkey: a random visitor on every screen")
{
    using namespace kiosk::monkey;
    InstallFailureHandlers();
    // The bundled pack ships without a PIN; the monkey's is hashed with the fewest iterations
    // the checker accepts (the visitor types it often).
    RunOptions run;
    run.pin = "739164";
    run.pin_hash =
        kiosk::core::HashPin(run.pin, std::vector<std::uint8_t>(16, 0x5a), kiosk::core::kPinHashMinIterations);
    run.pack = WithPin(*kiosk::ui::test::BundledPack(), run.pin_hash);
    run.frames = g_options.frames;
    run.inject = g_options.inject;

    Coverage all;
    std::int64_t frames = 0;
    const auto start = std::chrono::steady_clock::now();
    std::signal(SIGUSR1, OnStopAfterSeed);
    std::uint64_t last_run = g_options.first_seed;
    for (std::uint64_t seed = g_options.first_seed; seed <= g_options.last_seed && !g_stop_after_seed; ++seed)
    {
        last_run = seed;
        run.seed = seed;
        const auto seed_start = std::chrono::steady_clock::now();
        const RunResult r = RunSeed(run);
        const double real_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - seed_start).count();
        std::printf("seed %llu: %dx%d%s, %lld frames, %.0f s of kiosk time in %.1f s, %d visits, %d idle resets "
                    "(%d compared with a fresh start, %d began in the quiz), %zu events, %d restarts, %d+%d reloads\n",
                    (unsigned long long)seed, r.width, r.height, r.started_broken ? " (broken content first)" : "",
                    (long long)r.frames, r.kiosk_seconds, real_s, r.visits, r.idle_resets, r.fresh_checks,
                    r.fresh_skipped, r.events, r.restarts, r.reloads_ok, r.reloads_failed);
        std::fflush(stdout);
        all.Merge(r.coverage);
        frames += r.frames;
    }
    const double total_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("monkey: %lld frames over seeds %llu-%llu in %.1f s; reached (frames or times):\n", (long long)frames,
                (unsigned long long)g_options.first_seed, (unsigned long long)last_run, total_s);
    if (last_run != g_options.last_seed)
        std::printf("monkey: stopped early (SIGUSR1) after seed %llu of %llu-%llu\n", (unsigned long long)last_run,
                    (unsigned long long)g_options.first_seed, (unsigned long long)g_options.last_seed);
    all.Print(stdout);
    std::printf("monkey: share of the %lld frames per screen:\n", (long long)frames);
    all.PrintShares(stdout);
    const std::vector<std::string> missing = all.Missing();
    for (const std::string& m : missing)
        std::printf("monkey: not reached: %s\n", m.c_str());
    std::printf("monkey: %zu of %zu required screens, overlays and events reached\n",
                RequiredCoverage().size() - missing.size(), RequiredCoverage().size());
    if (g_options.require_coverage)
        CHECK(missing.empty());
}

int main(int argc, char** argv)
{
    if (!ParseArgs(argc, argv, &g_options))
        return 2;
    kiosk::monkey::CurrentReplayPoint().program = argv[0];
    Catch::Session session;
    char* catch_argv[] = {argv[0], nullptr};
    return session.run(1, catch_argv);
}
