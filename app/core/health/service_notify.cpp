#include "core/health/service_notify.h"

#include <cstdlib>
#include <systemd/sd-daemon.h>

namespace kiosk::core
{
bool ServiceNotifier::Beat(double now_s)
{
    const char* socket = std::getenv("NOTIFY_SOCKET");
    if (socket == nullptr || *socket == '\0')
        return false;
    if (m_ready_sent && now_s - m_last_beat_s < m_interval_s)
        return false;
    // kiosk-session hands over to the app with exec, so it is the service's main process
    // (NotifyAccess=main). sd_notify's "unset environment" argument stays 0 so that a later
    // beat still finds the socket.
    const char* message = m_ready_sent ? "WATCHDOG=1" : "READY=1\nWATCHDOG=1\nSTATUS=Showing the kiosk";
    if (sd_notify(0, message) <= 0)
        return false;
    m_ready_sent = true;
    m_last_beat_s = now_s;
    m_beats_sent++;
    return true;
}

void NotifyServiceAlive(double now_s)
{
    static ServiceNotifier notifier;
    notifier.Beat(now_s);
}
} // namespace kiosk::core
