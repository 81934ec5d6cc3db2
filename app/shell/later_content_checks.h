// LaterContentChecks: the content checks that can only warn, run on a worker once the kiosk's first
// frame is up (core::ContentLoadOptions::defer_warning_checks: issue 13, start-up next to a bare
// window), their warnings handed back to the main loop. Every check that can find an error has run
// before the pack was taken into use; what runs here can add warnings, never take a pack away.
//
// Threading: every member is called on the main thread. The worker runs below the main thread's
// priority (it must not slow the attract loop's frames) and calls `wake` when it is done, so a
// loop waiting for events sees the result at once.
#pragma once
#include "core/content/diagnostics.h"

#include <functional>
#include <future>

namespace kiosk::app
{
class LaterContentChecks
{
public:
    LaterContentChecks() = default;
    ~LaterContentChecks() { Cancel(); }
    LaterContentChecks(const LaterContentChecks&) = delete;
    LaterContentChecks& operator=(const LaterContentChecks&) = delete;

    // Starts `checks` (ContentLoadResult::later_checks) on a worker; a run still going is waited
    // for and dropped first.
    void Start(std::function<core::DiagnosticList()> checks, std::function<void()> wake);
    // True once, when the checks have finished: `*warnings` is what they found.
    bool Take(core::DiagnosticList* warnings);
    // Drops the run (another pack was taken into use), waiting for the worker if it is running.
    void Cancel();
    bool Running() const { return m_result.valid(); }

private:
    std::future<core::DiagnosticList> m_result;
};
} // namespace kiosk::app
