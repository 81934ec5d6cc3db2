// Tells systemd that the kiosk is alive, so the service's watchdog (WatchdogSec=) restarts a
// hung app, not only a dead one. Uses Debian's libsystemd (sd_notify). Outside systemd
// ($NOTIFY_SOCKET unset) every call does nothing.
//
// Promise: READY=1 is sent once, on the first beat; WATCHDOG=1 on that beat and then at most
// once per `interval_s` of the time given. The caller is the main loop, which never sleeps
// longer than half a second, so a beat stops only when the loop itself stops turning.
#pragma once

namespace kiosk::core
{
class ServiceNotifier
{
public:
    explicit ServiceNotifier(double interval_s = 1.0) : m_interval_s(interval_s) {}

    // Returns true when a message was sent to systemd.
    bool Beat(double now_s);
    int BeatsSent() const { return m_beats_sent; }

private:
    double m_interval_s;
    double m_last_beat_s = 0.0;
    bool m_ready_sent = false;
    int m_beats_sent = 0;
};

// The process-wide notifier the kiosk loop calls once per pass (`now_s`: monotonic seconds).
void NotifyServiceAlive(double now_s);
} // namespace kiosk::core
