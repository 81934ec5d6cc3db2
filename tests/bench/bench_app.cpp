// The real careers-kiosk under a private Xvfb: the attract loop's CPU, CPU per frame on each screen,
// idle CPU over 10 s, and peak resident memory (start-up itself: bench_startup.cpp). Figures only;
// nothing is asserted.
#include "bench.h"
#include "bench_child.h"
#include "core/images/raster_cache.h"
#include "platform/headless_display.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace kiosk;
using bench::Child;
using bench::ReadLine;
using bench::Spawn;
using bench::Stop;

namespace
{
constexpr int kWidth = 1920;
constexpr int kHeight = 1080;

// Total user + system CPU seconds of process `pid` from /proc/PID/stat.
double ProcessCpuSeconds(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t close = text.rfind(')');
    if (close == std::string::npos)
        return 0;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    unsigned long long utime = 0, stime = 0;
    for (int i = 3; fields >> field; i++)
    {
        if (i == 14)
            utime = std::stoull(field);
        if (i == 15)
        {
            stime = std::stoull(field);
            break;
        }
    }
    return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

// A /proc/PID/status value in kB ("VmHWM", "VmRSS").
double StatusKb(pid_t pid, const std::string& key)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);)
        if (line.compare(0, key.size() + 1, key + ":") == 0)
            return std::atof(line.c_str() + key.size() + 1);
    return 0;
}

} // namespace

static void BenchApp(const bench::BenchContext& ctx)
{
    platform::HeadlessDisplay display;
    std::string error;
    // Always a private Xvfb, so figures do not depend on the developer's screen.
    if (!display.Start(kWidth, kHeight, &error))
    {
        std::fprintf(stderr, "bench app: %s\n", error.c_str());
        return;
    }
    const std::string content = ctx.source_dir + "/content";
    const std::string stats = "/tmp/careers-kiosk-bench-" + std::to_string(getpid()) + ".db";
    // Its illustration cache in a scratch folder, never the developer's own.
    const std::string cache = "/tmp/careers-kiosk-bench-cache-app-" + std::to_string(getpid());
    setenv("KIOSK_CACHE_DIR", cache.c_str(), 1);
    const std::vector<std::string> run_args = {
        "--content", content, "--size", std::to_string(kWidth) + "x" + std::to_string(kHeight), "--stats", stats};

    // One start (start-up itself is measured by app.startup): the attract loop's CPU, idle CPU
    // and peak RSS.
    {
        Child child = Spawn(ctx.kiosk_binary, run_args, true);
        std::string line;
        while (!(line = ReadLine(child.out)).empty() && line.compare(0, 11, "first-frame") != 0)
        {
        }
        if (line.empty())
        {
            Stop(child);
            std::fprintf(stderr, "bench app: the kiosk did not start\n");
            return;
        }
        {
            // The kiosk starts in the attract loop, which animates (capped at 30 fps).
            std::this_thread::sleep_for(std::chrono::seconds(3)); // let images arrive and settle
            double cpu0 = ProcessCpuSeconds(child.pid);
            std::this_thread::sleep_for(std::chrono::seconds(30));
            double cpu1 = ProcessCpuSeconds(child.pid);
            bench::PrintFigure("attract_loop_cpu_30s_1080p", 100.0 * (cpu1 - cpu0) / 30.0, "percent_of_one_core");
            // A visit with nobody touching: nothing moves, so no frames and no CPU. The first touch
            // (a key press) wakes the kiosk onto the home screen; the idle timeout is 60 s.
            if (std::system(
                    ("DISPLAY=" + std::string(std::getenv("DISPLAY")) + " xdotool key space 2>/dev/null").c_str()) == 0)
            {
                std::this_thread::sleep_for(std::chrono::seconds(3));
                cpu0 = ProcessCpuSeconds(child.pid);
                std::this_thread::sleep_for(std::chrono::seconds(10));
                cpu1 = ProcessCpuSeconds(child.pid);
                bench::PrintFigure("idle_cpu_10s_home_1080p", 100.0 * (cpu1 - cpu0) / 10.0, "percent_of_one_core");
            }
            bench::PrintFigure("peak_rss_1080p", StatusKb(child.pid, "VmHWM") / 1024.0, "MiB");
        }
        Stop(child);
    }

    // CPU per frame on each screen (screenshot mode draws the screen, then 60 timed frames).
    for (const char* screen : {"home", "role:clinical-technologist", "gallery:0", "pathway"})
    {
        Child child = Spawn(ctx.kiosk_binary,
                            {"--screenshot", "/tmp/careers-kiosk-bench-" + std::to_string(getpid()) + ".png", "--size",
                             std::to_string(kWidth) + "x" + std::to_string(kHeight), "--screen", screen, "--content",
                             content, "--bench-frames", "60"},
                            false);
        for (std::string line; !(line = ReadLine(child.out)).empty();)
            if (line.compare(0, 13, "frame_cpu_ms ") == 0)
                bench::PrintFigure(std::string("frame_cpu_1080p_") + screen, std::atof(line.c_str() + 13), "ms");
        int status = 0;
        waitpid(child.pid, &status, 0);
        std::fclose(child.out);
    }
    std::remove(stats.c_str());
    std::remove(("/tmp/careers-kiosk-bench-" + std::to_string(getpid()) + ".png").c_str());
    unsetenv("KIOSK_CACHE_DIR");
    (void)std::system(("rm -rf '" + cache + "'").c_str());
}

// Time to the first fully drawn home screen (every illustration on it decoded and uploaded:
// --screenshot draws until nothing is loading), with an empty illustration cache (cold: every
// SVG rasterised) and again with the cache the first run filled (warm), at 1080p and 4K.
static void BenchIllustrations(const bench::BenchContext& ctx)
{
    platform::HeadlessDisplay display;
    std::string error;
    if (!display.Start(3840, 2160, &error))
    {
        std::fprintf(stderr, "bench illustrations: %s\n", error.c_str());
        return;
    }
    const std::string scratch = "/tmp/careers-kiosk-bench-cache-" + std::to_string(getpid());
    const std::string png = scratch + ".png";
    auto timed_run = [&](const char* size)
    {
        const auto t0 = std::chrono::steady_clock::now();
        Child child = Spawn(
            ctx.kiosk_binary,
            {"--screenshot", png, "--size", size, "--screen", "home", "--content", ctx.source_dir + "/content"}, false);
        while (!ReadLine(child.out).empty())
        {
        }
        int status = 0;
        waitpid(child.pid, &status, 0);
        std::fclose(child.out);
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    };
    for (const char* size : {"1920x1080", "3840x2160"})
    {
        const std::string folder = scratch + "-" + size;
        setenv("KIOSK_CACHE_DIR", folder.c_str(), 1); // read by the child
        std::vector<double> cold, warm;
        for (int i = 0; i < 3; i++)
        {
            (void)std::system(("rm -rf '" + folder + "'").c_str());
            cold.push_back(timed_run(size));
            warm.push_back(timed_run(size));
        }
        unsetenv("KIOSK_CACHE_DIR");
        std::sort(cold.begin(), cold.end());
        std::sort(warm.begin(), warm.end());
        const std::string tag = std::string(size) == "1920x1080" ? "1080p" : "4k";
        bench::PrintFigure("home_fully_drawn_cold_cache_" + tag, cold[1], "ms");
        bench::PrintFigure("home_fully_drawn_warm_cache_" + tag, warm[1], "ms");
        (void)std::system(("rm -rf '" + folder + "'").c_str());
    }
    std::remove(png.c_str());

    // The rasterising alone, in this process: every illustration of the pack at a 4K card's size,
    // rasterised (cold) and read back from the cache (warm).
    std::vector<std::string> svgs;
    const std::string art = ctx.source_dir + "/content/illustrations";
    if (DIR* d = opendir(art.c_str()))
    {
        while (dirent* e = readdir(d))
            if (std::string(e->d_name).find(".svg") != std::string::npos)
                svgs.push_back(art + "/" + e->d_name);
        closedir(d);
    }
    core::RasterCache cache(scratch + "-inproc");
    for (const char* pass : {"cold", "warm"})
    {
        const auto t0 = std::chrono::steady_clock::now();
        for (const std::string& svg : svgs)
            core::DecodeImageCached(svg, core::ImageLimits{}, 1280, 960, core::ImageFit::Contain, &cache);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        bench::PrintFigure(std::string("illustrations_4k_") + pass + "_cache", ms, "ms");
    }
    (void)std::system(("rm -rf '" + scratch + "-inproc'").c_str());
}

KIOSK_BENCH("app", BenchApp);
KIOSK_BENCH("illustrations", BenchIllustrations);
