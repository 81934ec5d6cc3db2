// HeadlessDisplay: a private Xvfb server for --screenshot when no display is available.
//
// Start() picks a free display number (no /tmp/.X<n>-lock, no socket), starts Xvfb there,
// waits until it accepts connections and sets $DISPLAY. The destructor stops exactly that
// Xvfb process, by PID, and nothing else; if the owner is killed before it can, the kernel
// stops the Xvfb (parent-death signal).
#pragma once
#include <string>
#include <sys/types.h>

namespace kiosk::platform
{
class HeadlessDisplay
{
public:
    HeadlessDisplay() = default;
    ~HeadlessDisplay();
    HeadlessDisplay(const HeadlessDisplay&) = delete;
    HeadlessDisplay& operator=(const HeadlessDisplay&) = delete;

    bool Start(int width, int height, std::string* error);
    void Stop();

private:
    pid_t m_pid = -1;
};
} // namespace kiosk::platform
