// careers-kiosk-bench: runs the registered benchmarks and prints JSON lines.
#include "bench.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace kiosk::bench
{
static std::map<std::string, BenchFn>& Registry()
{
    static std::map<std::string, BenchFn> registry;
    return registry;
}

bool RegisterBench(const char* name, BenchFn fn)
{
    Registry()[name] = fn;
    return true;
}

void PrintFigure(const std::string& name, double value, const std::string& unit)
{
    std::printf("{\"bench\": \"%s\", \"value\": %.6g, \"unit\": \"%s\"}\n", name.c_str(), value, unit.c_str());
    std::fflush(stdout);
}

double Median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

double ThreadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}
} // namespace kiosk::bench

int main(int argc, char** argv)
{
    using namespace kiosk::bench;
    BenchContext ctx;
    ctx.binary_dir = KIOSK_BINARY_DIR;
    ctx.source_dir = KIOSK_SOURCE_DIR;
    ctx.kiosk_binary = ctx.binary_dir + "/careers-kiosk";
    // The plugin modules (careers-kiosk-svg.so: the image benchmarks' SVGs) are built at the top of
    // the build tree, not beside this program (core/plugins/plugin_module.h).
    setenv("KIOSK_PLUGIN_DIR", ctx.binary_dir.c_str(), 0);
    std::vector<std::string> prefixes;
    bool list_only = false;
    for (int i = 1; i < argc; i++)
    {
        if (std::strcmp(argv[i], "--list") == 0)
            list_only = true;
        else if (std::strcmp(argv[i], "--kiosk") == 0 && i + 1 < argc)
            ctx.kiosk_binary = argv[++i];
        else if (argv[i][0] == '-')
        {
            std::fprintf(stderr,
                         "careers-kiosk-bench: unknown option '%s'\nusage: careers-kiosk-bench [--list] [--kiosk PATH] "
                         "[NAME_PREFIX ...]\n",
                         argv[i]);
            return 2;
        }
        else
            prefixes.push_back(argv[i]);
    }
    int ran = 0;
    for (const auto& [name, fn] : Registry())
    {
        bool wanted = prefixes.empty();
        for (const std::string& p : prefixes)
            wanted |= name.compare(0, p.size(), p) == 0;
        if (!wanted)
            continue;
        if (list_only)
            std::printf("%s\n", name.c_str());
        else
            fn(ctx);
        ran++;
    }
    if (ran == 0 && !prefixes.empty())
    {
        std::fprintf(stderr, "careers-kiosk-bench: no benchmark matches\n");
        return 2;
    }
    return 0;
}
