// StartupProfile: where the time goes between main() and the first complete frame on screen, for
// `careers-kiosk-bench app` (issue 13: start-up next to a bare window).
//
// Contract:
//   - Phases are recorded from any thread as steady-clock seconds (the benchmark's clock too, so
//     it can place them after its own fork). Recording costs two clock reads and a short lock.
//   - With $KIOSK_REPORT_FIRST_FRAME set, ReportFirstFrame() prints, once, "startup-main T", one
//     "startup-phase NAME BEGIN END CPU" line per phase recorded so far (CPU: seconds of the
//     recording thread's CPU time within the phase; 0 when recorded with Record), one
//     "startup-thread NAME CPU" line per thread name (the CPU seconds so far of the process's
//     threads of that name, summed: Mesa's llvmpipe rasterisers, the decode workers, main), and
//     then "first-frame MONO CPU" (CPU: the process's CPU seconds so far, every thread). Without
//     the variable nothing is printed. Phases that end after the report are not printed.
//   - Recording ends at the first frame: the kiosk calls ReportFirstFrame then with or without the
//     variable, and it empties the list; Record never holds more than kMaxPhases entries anyway.
//     (The phases wrap every frame's uploads and drawing: a profile that went on recording grew by
//     every frame all day. The soak found it, issue 14.)
#pragma once
#include <cstddef>

namespace kiosk::app::startup
{
double MonoSeconds();
double ThreadCpuSeconds(); // this thread's CPU time
// The first thing main() does: the end of "process start" (exec, dynamic linking, static init).
void MarkMain();
void Record(const char* name, double begin_s, double end_s, double cpu_s = 0);
inline constexpr std::size_t kMaxPhases = 4096; // a start-up records a few hundred at most
// Phases held now (tests).
std::size_t RecordedPhases();
// Prints the profile and the first-frame line (see above). Call right after the first complete
// frame was presented; later calls do nothing.
void ReportFirstFrame();

// Records the phase `name` from construction to destruction. `name` must be a string literal.
class Phase
{
public:
    explicit Phase(const char* name) : m_name(name), m_begin(MonoSeconds()), m_cpu(ThreadCpuSeconds()) {}
    ~Phase() { Record(m_name, m_begin, MonoSeconds(), ThreadCpuSeconds() - m_cpu); }
    Phase(const Phase&) = delete;
    Phase& operator=(const Phase&) = delete;

private:
    const char* m_name;
    double m_begin;
    double m_cpu;
};
} // namespace kiosk::app::startup
