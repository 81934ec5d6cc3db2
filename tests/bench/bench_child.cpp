#include "bench_child.h"

#include <csignal>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>

namespace kiosk::bench
{
Child Spawn(const std::string& binary, const std::vector<std::string>& args, bool report_first_frame)
{
    int fds[2];
    Child child;
    if (pipe(fds) != 0)
        return child;
    child.pid = fork();
    if (child.pid == 0)
    {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        std::freopen("/dev/null", "w", stderr);
        if (report_first_frame)
            setenv("KIOSK_REPORT_FIRST_FRAME", "1", 1);
        std::vector<char*> argv = {const_cast<char*>(binary.c_str())};
        for (const std::string& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        execv(binary.c_str(), argv.data());
        _exit(127);
    }
    close(fds[1]);
    child.out = fdopen(fds[0], "r");
    return child;
}

void Stop(Child& child)
{
    if (child.pid > 0)
    {
        kill(child.pid, SIGTERM);
        int status = 0;
        waitpid(child.pid, &status, 0);
    }
    if (child.out)
        std::fclose(child.out);
    child = {};
}

std::string ReadLine(FILE* f)
{
    char buffer[512];
    if (!f || !std::fgets(buffer, sizeof(buffer), f))
        return {};
    return buffer;
}
} // namespace kiosk::bench
