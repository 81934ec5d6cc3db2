#include "platform/headless_display.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <string>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace kiosk::platform
{
static bool Exists(const std::string& path)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0;
}

HeadlessDisplay::~HeadlessDisplay()
{
    Stop();
}

bool HeadlessDisplay::Start(int width, int height, std::string* error)
{
    if (access("/usr/bin/Xvfb", X_OK) != 0)
    {
        *error = "no display, and Xvfb is not installed (apt-get install xvfb)";
        return false;
    }
    // Start from a number derived from our PID so parallel test runs rarely collide; a collision
    // only costs a retry because Xvfb itself refuses a display that is in use.
    const int first = 100 + (int)(getpid() % 400);
    for (int attempt = 0; attempt < 20; attempt++)
    {
        const int n = first + attempt;
        if (Exists("/tmp/.X" + std::to_string(n) + "-lock") || Exists("/tmp/.X11-unix/X" + std::to_string(n)))
            continue;
        const std::string display = ":" + std::to_string(n);
        const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
        const pid_t pid = fork();
        if (pid < 0)
        {
            *error = "cannot start Xvfb (fork failed)";
            return false;
        }
        if (pid == 0)
        {
            // If we are killed outright (SIGKILL, SIGPIPE) no destructor runs: the kernel then
            // stops this Xvfb for us, so a private server never outlives its owner.
            prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (getppid() == 1)
                _exit(127); // the parent already died between fork and prctl
            // Quiet child: Xvfb's own chatter is not ours to print. Should /dev/null not open,
            // the inherited stream stays (checked: Debian's _FORTIFY_SOURCE build warns otherwise).
            if (freopen("/dev/null", "w", stdout) == nullptr || freopen("/dev/null", "w", stderr) == nullptr)
            {
            }
            execl("/usr/bin/Xvfb", "Xvfb", display.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp",
                  "-noreset", (char*)nullptr);
            _exit(127);
        }
        m_pid = pid;
        for (int wait = 0; wait < 100; wait++) // up to 5 s
        {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            int status = 0;
            if (waitpid(pid, &status, WNOHANG) == pid)
            {
                m_pid = -1; // it exited: display taken after all; try the next one
                break;
            }
            if (Exists("/tmp/.X11-unix/X" + std::to_string(n)))
            {
                setenv("DISPLAY", display.c_str(), 1);
                unsetenv("WAYLAND_DISPLAY");
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                return true;
            }
        }
        Stop();
    }
    *error = "could not start Xvfb on any free display";
    return false;
}

void HeadlessDisplay::Stop()
{
    if (m_pid <= 0)
        return;
    kill(m_pid, SIGTERM);
    int status = 0;
    for (int i = 0; i < 40 && waitpid(m_pid, &status, WNOHANG) == 0; i++)
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    if (waitpid(m_pid, &status, WNOHANG) == 0)
    {
        kill(m_pid, SIGKILL);
        waitpid(m_pid, &status, 0);
    }
    m_pid = -1;
}
} // namespace kiosk::platform
