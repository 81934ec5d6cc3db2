#include "shell/startup_profile.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>
#include <vector>

namespace kiosk::app::startup
{
namespace
{
struct Entry
{
    const char* name;
    double begin_s, end_s, cpu_s;
};

struct Profile
{
    std::mutex mutex;
    double main_s = 0;
    std::vector<Entry> phases;
    bool reported = false;
};

Profile& TheProfile()
{
    static Profile profile;
    return profile;
}
} // namespace

double MonoSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double ThreadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

void MarkMain()
{
    Profile& p = TheProfile();
    std::lock_guard<std::mutex> lock(p.mutex);
    p.main_s = MonoSeconds();
}

void Record(const char* name, double begin_s, double end_s, double cpu_s)
{
    Profile& p = TheProfile();
    std::lock_guard<std::mutex> lock(p.mutex);
    if (!p.reported)
        p.phases.push_back({name, begin_s, end_s, cpu_s});
}

void ReportFirstFrame()
{
    Profile& p = TheProfile();
    std::lock_guard<std::mutex> lock(p.mutex);
    if (p.reported)
        return;
    p.reported = true;
    if (!std::getenv("KIOSK_REPORT_FIRST_FRAME"))
        return;
    timespec cpu{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    std::printf("startup-main %.6f\n", p.main_s);
    for (const Entry& e : p.phases)
        std::printf("startup-phase %s %.6f %.6f %.6f\n", e.name, e.begin_s, e.end_s, e.cpu_s);
    std::printf("first-frame %.6f %.6f\n", MonoSeconds(), (double)cpu.tv_sec + (double)cpu.tv_nsec / 1e9);
    std::fflush(stdout);
    p.phases.clear();
}
} // namespace kiosk::app::startup
