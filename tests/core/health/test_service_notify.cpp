// ServiceNotifier against a real notification socket, as systemd provides one.
#include "core/health/service_notify.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace
{
struct NotifySocket
{
    int fd = -1;
    std::string path;
    NotifySocket()
    {
        path = "/tmp/kiosk-notify-test-" + std::to_string(getpid());
        unlink(path.c_str());
        fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        path.copy(addr.sun_path, sizeof(addr.sun_path) - 1);
        REQUIRE(bind(fd, (sockaddr*)&addr, sizeof(addr)) == 0);
        setenv("NOTIFY_SOCKET", path.c_str(), 1);
    }
    ~NotifySocket()
    {
        unsetenv("NOTIFY_SOCKET");
        close(fd);
        unlink(path.c_str());
    }
    // The next datagram, or "" when none is waiting.
    std::string Next() const
    {
        char buffer[512];
        const ssize_t n = recv(fd, buffer, sizeof(buffer), 0);
        return n > 0 ? std::string(buffer, (size_t)n) : std::string();
    }
};
} // namespace

TEST_CASE("ServiceNotifier sends READY once, then WATCHDOG at most once per interval")
{
    NotifySocket sock;
    kiosk::core::ServiceNotifier notifier(1.0);
    REQUIRE(notifier.Beat(100.0));
    const std::string first = sock.Next();
    CHECK(first.find("READY=1") != std::string::npos);
    CHECK(first.find("WATCHDOG=1") != std::string::npos);

    CHECK_FALSE(notifier.Beat(100.5)); // too soon
    CHECK(sock.Next().empty());
    REQUIRE(notifier.Beat(101.2));
    CHECK(sock.Next() == "WATCHDOG=1");
    CHECK(notifier.BeatsSent() == 2);
}

TEST_CASE("ServiceNotifier does nothing outside systemd")
{
    unsetenv("NOTIFY_SOCKET");
    kiosk::core::ServiceNotifier notifier;
    CHECK_FALSE(notifier.Beat(1.0));
    CHECK_FALSE(notifier.Beat(5.0));
    CHECK(notifier.BeatsSent() == 0);
}
