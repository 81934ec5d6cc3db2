#include "core/content/content_paths.h"

#include <climits>
#include <cstdlib>
#include <sys/stat.h>

namespace kiosk::core
{
static std::string RealPath(const std::string& path)
{
    char buffer[PATH_MAX];
    if (!realpath(path.c_str(), buffer))
        return {};
    return buffer;
}

std::string CheckContentPath(const std::string& root, const std::string& relative)
{
    if (relative.empty())
        return "path is empty";
    if (relative[0] == '/' || relative[0] == '~' || (relative.size() > 1 && relative[1] == ':'))
        return "path '" + relative + "' is absolute; write it relative to the content folder";
    if (relative.find('\\') != std::string::npos)
        return "path '" + relative + "' uses '\\'; use '/' between folders";
    size_t start = 0;
    while (start <= relative.size())
    {
        size_t end = relative.find('/', start);
        if (end == std::string::npos)
            end = relative.size();
        const std::string part = relative.substr(start, end - start);
        if (part == "..")
            return "path '" + relative + "' leaves the content folder ('..' is not allowed)";
        if (part.empty() || part == ".")
            return "path '" + relative + "' has an empty or '.' folder name";
        start = end + 1;
    }
    const std::string full = JoinContentPath(root, relative);
    const std::string real_root = RealPath(root);
    const std::string real_full = RealPath(full);
    if (!real_full.empty() && !real_root.empty() && real_full.compare(0, real_root.size() + 1, real_root + "/") != 0)
        return "path '" + relative + "' is a link to a file outside the content folder";
    return {};
}

std::string JoinContentPath(const std::string& root, const std::string& relative)
{
    if (root.empty() || root.back() == '/')
        return root + relative;
    return root + "/" + relative;
}

bool FileExists(const std::string& absolute_path)
{
    struct stat st;
    return stat(absolute_path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
} // namespace kiosk::core
