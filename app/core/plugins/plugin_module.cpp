#include "core/plugins/plugin_module.h"

#include <cstdlib>
#include <dlfcn.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef KIOSK_PLUGIN_INSTALL_DIR
#define KIOSK_PLUGIN_INSTALL_DIR "/usr/lib/careers-kiosk"
#endif

namespace kiosk::core
{
namespace
{
std::string ExecutableFolder()
{
    char buffer[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", buffer, sizeof(buffer) - 1);
    if (n <= 0)
        return {};
    std::string path(buffer, static_cast<size_t>(n));
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

bool IsFile(const std::string& path)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
} // namespace

std::vector<std::string> PluginSearchPath()
{
    if (const char* dir = std::getenv("KIOSK_PLUGIN_DIR"); dir && *dir)
        return {dir};
    std::vector<std::string> path;
    if (std::string exe = ExecutableFolder(); !exe.empty())
        path.push_back(exe);
    path.push_back(KIOSK_PLUGIN_INSTALL_DIR);
    return path;
}

PluginModule OpenPluginModule(const std::string& file_name)
{
    PluginModule module;
    std::string looked_in;
    for (const std::string& dir : PluginSearchPath())
    {
        module.path = dir + "/" + file_name;
        if (!IsFile(module.path))
        {
            looked_in += (looked_in.empty() ? "" : ", ") + dir;
            continue;
        }
        module.handle = dlopen(module.path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module.handle)
        {
            const char* why = dlerror();
            module.error = "cannot load " + module.path + " (" + (why ? why : "unknown error") + ")";
        }
        return module;
    }
    module.error = file_name + " is missing (looked in " + looked_in + ")";
    return module;
}

void* PluginSymbol(const PluginModule& module, const char* symbol)
{
    return module.handle ? dlsym(module.handle, symbol) : nullptr;
}
} // namespace kiosk::core
