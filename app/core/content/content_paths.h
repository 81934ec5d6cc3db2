// Content paths: every file a content pack names must stay inside the pack's folder.
#pragma once
#include <string>

namespace kiosk::core
{
// Checks a content-relative path as written in JSON: relative, '/'-separated, no "..", no empty
// or "." components, and (when the file exists) its real path, links resolved, is inside
// `root`. Returns an empty string when the path is acceptable, else the reason.
std::string CheckContentPath(const std::string& root, const std::string& relative);
// Absolute path of `relative` inside `root` (no checks: call CheckContentPath first).
std::string JoinContentPath(const std::string& root, const std::string& relative);
bool FileExists(const std::string& absolute_path);
} // namespace kiosk::core
