// How a monkey run fails: every failure (an invariant, an ImGui assertion, an assert() in
// libimgui, a sanitizer report) prints one line naming the seed and the frame, and the command
// that replays the run up to that frame, then stops the process.
#pragma once
#include <cstdint>
#include <string>

namespace kiosk::monkey
{
// Where the run is: set by the runner as it goes, read by the failure handlers.
struct ReplayPoint
{
    std::uint64_t seed = 0;
    std::int64_t frame = 0; // frames drawn so far in this seed's run
    const char* program = "kiosk_monkey";
};
ReplayPoint& CurrentReplayPoint();

// Installs the SIGABRT handler and the sanitizers' death callback (once per process).
void InstallFailureHandlers();
// The replay line: "monkey: replay with: kiosk_monkey --seed S --frames F".
std::string ReplayLine();
// An invariant broke: prints `why` and the replay line, then exits with status 3.
[[noreturn]] void Fail(const std::string& why);
} // namespace kiosk::monkey
