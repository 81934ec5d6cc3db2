#include "core/health/service_notify.h"

#include <cstdlib>
#include <dlfcn.h>
#include <systemd/sd-daemon.h>

namespace kiosk::core
{
namespace
{
// libsystemd (and the six libraries it brings) is loaded only under systemd, at the first beat
// after the first frame, not before main() in every run: the executable does not link it.
decltype(&sd_notify) SdNotify()
{
    static const decltype(&sd_notify) fn = []() -> decltype(&sd_notify)
    {
        void* handle = dlopen("libsystemd.so.0", RTLD_NOW | RTLD_LOCAL);
        return handle ? reinterpret_cast<decltype(&sd_notify)>(dlsym(handle, "sd_notify")) : nullptr;
    }();
    return fn;
}
} // namespace

bool ServiceNotifier::Beat(double now_s)
{
    const char* socket = std::getenv("NOTIFY_SOCKET");
    if (socket == nullptr || *socket == '\0')
        return false;
    if (m_ready_sent && now_s - m_last_beat_s < m_interval_s)
        return false;
    // The app runs under kiosk-launch and xinit, so it is not the service's main process:
    // the unit sets NotifyAccess=all. sd_notify's "unset environment" argument stays 0 so
    // that a later beat still finds the socket.
    const char* message = m_ready_sent ? "WATCHDOG=1" : "READY=1\nWATCHDOG=1\nSTATUS=Showing the kiosk";
    const auto notify = SdNotify();
    if (!notify || notify(0, message) <= 0)
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
