#include "shell/startup_profile.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <dirent.h>
#include <map>
#include <mutex>
#include <string>
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

// The CPU seconds of each of this process's threads so far, summed by thread name, from
// /proc/self/task/TID/schedstat (its first field: nanoseconds on a CPU, exact, where /stat
// counts in clock ticks of 10 ms). Threads that already ended are not there.
std::map<std::string, double> ThreadCpuByName()
{
    std::map<std::string, double> by_name;
    DIR* dir = opendir("/proc/self/task");
    if (!dir)
        return by_name;
    while (const dirent* e = readdir(dir))
    {
        if (e->d_name[0] == '.')
            continue;
        const std::string task = std::string("/proc/self/task/") + e->d_name;
        char name[64] = "?";
        unsigned long long ns = 0;
        if (FILE* f = std::fopen((task + "/comm").c_str(), "r"))
        {
            if (std::fscanf(f, "%63s", name) != 1)
                name[0] = '?', name[1] = 0;
            std::fclose(f);
        }
        if (FILE* f = std::fopen((task + "/schedstat").c_str(), "r"))
        {
            if (std::fscanf(f, "%llu", &ns) != 1)
                ns = 0;
            std::fclose(f);
        }
        by_name[name] += (double)ns / 1e9;
    }
    closedir(dir);
    return by_name;
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
    if (!p.reported && p.phases.size() < kMaxPhases)
        p.phases.push_back({name, begin_s, end_s, cpu_s});
}

std::size_t RecordedPhases()
{
    Profile& p = TheProfile();
    std::lock_guard<std::mutex> lock(p.mutex);
    return p.phases.size();
}

void ReportFirstFrame()
{
    Profile& p = TheProfile();
    std::lock_guard<std::mutex> lock(p.mutex);
    if (p.reported)
        return;
    p.reported = true;
    if (!std::getenv("KIOSK_REPORT_FIRST_FRAME"))
    {
        std::vector<Entry>().swap(p.phases);
        return;
    }
    timespec cpu{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
    std::printf("startup-main %.6f\n", p.main_s);
    for (const Entry& e : p.phases)
        std::printf("startup-phase %s %.6f %.6f %.6f\n", e.name, e.begin_s, e.end_s, e.cpu_s);
    for (const auto& [name, cpu_s] : ThreadCpuByName())
        std::printf("startup-thread %s %.6f\n", name.c_str(), cpu_s);
    std::printf("first-frame %.6f %.6f\n", MonoSeconds(), (double)cpu.tv_sec + (double)cpu.tv_nsec / 1e9);
    std::fflush(stdout);
    std::vector<Entry>().swap(p.phases);
}
} // namespace kiosk::app::startup
