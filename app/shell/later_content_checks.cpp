#include "shell/later_content_checks.h"

#include <chrono>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace kiosk::app
{
void LaterContentChecks::Start(std::function<core::DiagnosticList()> checks, std::function<void()> wake)
{
    Cancel();
    m_result = std::async(std::launch::async,
                          [checks = std::move(checks), wake = std::move(wake)]
                          {
                              pthread_setname_np(pthread_self(), "kiosk-checks");
                              // Below the UI thread, as the decode workers are: frames come first.
                              setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
                              core::DiagnosticList warnings = checks();
                              if (wake)
                                  wake();
                              return warnings;
                          });
}

bool LaterContentChecks::Take(core::DiagnosticList* warnings)
{
    if (!m_result.valid() || m_result.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return false;
    *warnings = m_result.get();
    return true;
}

void LaterContentChecks::Cancel()
{
    if (m_result.valid())
        m_result.wait();
    m_result = {};
}
} // namespace kiosk::app
