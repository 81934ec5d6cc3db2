#include "monkey/monkey_failure.h"

#include "monkey/monkey_imconfig.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <sanitizer/common_interface_defs.h>
#include <unistd.h>

namespace kiosk::monkey
{
namespace
{
volatile std::sig_atomic_t g_reported = 0;

void PrintReplay(const char* what)
{
    if (g_reported)
        return;
    g_reported = 1;
    const ReplayPoint& p = CurrentReplayPoint();
    std::fprintf(stderr,
                 "monkey: FAILED (%s) at seed %llu, frame %lld\nmonkey: replay with: %s --seed %llu --frames %lld\n",
                 what, (unsigned long long)p.seed, (long long)p.frame, p.program, (unsigned long long)p.seed,
                 (long long)p.frame + 1);
    std::fflush(stderr);
}

void OnAbort(int)
{
    // assert() in libimgui.a (Debian builds it with asserts on), or any other abort().
    PrintReplay("abort: an assertion failed");
    std::signal(SIGABRT, SIG_DFL);
    std::raise(SIGABRT);
}

void OnSanitizerDeath()
{
    PrintReplay("sanitizer report above");
}
} // namespace

ReplayPoint& CurrentReplayPoint()
{
    static ReplayPoint point;
    return point;
}

void InstallFailureHandlers()
{
    std::signal(SIGABRT, OnAbort);
    __sanitizer_set_death_callback(OnSanitizerDeath);
}

std::string ReplayLine()
{
    const ReplayPoint& p = CurrentReplayPoint();
    return std::string("monkey: replay with: ") + p.program + " --seed " + std::to_string(p.seed) + " --frames " +
           std::to_string(p.frame + 1);
}

void Fail(const std::string& why)
{
    std::fprintf(stderr, "monkey: %s\n", why.c_str());
    PrintReplay("invariant");
    std::_Exit(3); // no core dump, no exit handlers: the state is broken
}

void ImGuiAssertFailed(const char* expression, const char* file, int line)
{
    std::fprintf(stderr, "monkey: IM_ASSERT(%s) failed at %s:%d\n", expression, file, line);
    PrintReplay("ImGui assertion");
    std::_Exit(3);
}
} // namespace kiosk::monkey
