// A child process for the app benchmarks: the kiosk (or the bare-window anchor) with its stdout on
// a pipe. Stop() stops only the process Spawn() started, by PID.
#pragma once
#include <cstdio>
#include <string>
#include <sys/types.h>
#include <vector>

namespace kiosk::bench
{
struct Child
{
    pid_t pid = -1;
    FILE* out = nullptr;
};

// Starts `binary` with `args`, stdout on a pipe and stderr to /dev/null; with `report_first_frame`
// the child sees $KIOSK_REPORT_FIRST_FRAME (it prints its start-up profile and "first-frame").
Child Spawn(const std::string& binary, const std::vector<std::string>& args, bool report_first_frame);
// SIGTERM, then waits for it.
void Stop(Child& child);
// One line of the child's stdout, "" at its end.
std::string ReadLine(FILE* f);
} // namespace kiosk::bench
