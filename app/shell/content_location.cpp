#include "shell/content_location.h"

#include <climits>
#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::app
{
static bool IsDir(const std::string& path)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string DefaultContentDir()
{
    if (const char* env = std::getenv("KIOSK_CONTENT_DIR"); env && *env)
        return env;
    if (IsDir("/opt/careers-kiosk/content"))
        return "/opt/careers-kiosk/content";
    return KIOSK_SOURCE_CONTENT_DIR;
}

std::string DefaultStatsPath()
{
    if (const char* env = std::getenv("KIOSK_STATS_DB"); env && *env)
        return env;
    if (IsDir("/var/lib/careers-kiosk") && access("/var/lib/careers-kiosk", W_OK) == 0)
        return "/var/lib/careers-kiosk/stats.db";
    std::string base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = std::string(home) + "/.local/share";
    else
        base = "/tmp";
    const std::string dir = base + "/careers-kiosk";
    mkdir(base.c_str(), 0755);
    mkdir(dir.c_str(), 0755);
    return dir + "/stats.db";
}
std::string DefaultCacheDir(const char* kind)
{
    if (const char* env = std::getenv("KIOSK_CACHE_DIR"); env && *env)
        return std::string(kind) == kIllustrationCache ? std::string(env) : std::string(env) + "/" + kind;
    if (IsDir("/var/cache/careers-kiosk") && access("/var/cache/careers-kiosk", W_OK) == 0)
        return std::string("/var/cache/careers-kiosk/") + kind;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
        return std::string(xdg) + "/careers-kiosk/" + kind;
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::string(home) + "/.cache/careers-kiosk/" + kind;
    return {};
}

std::string ProgramIdentity()
{
    char path[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
    struct stat st;
    if (n <= 0 || stat("/proc/self/exe", &st) != 0)
        return {};
    path[n] = '\0';
    return std::string(path) + " " + std::to_string(st.st_dev) + " " + std::to_string(st.st_ino) + " " +
           std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
           std::to_string(st.st_mtim.tv_nsec);
}
} // namespace kiosk::app
