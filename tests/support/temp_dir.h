// TempDir: a private scratch folder for one test, removed with everything in it when the test
// ends. The name carries the test's prefix, the process id and a random number, so parallel
// test runs on one machine never share a folder.
#pragma once
#include <filesystem>
#include <random>
#include <string>
#include <system_error>
#include <unistd.h>

namespace kiosk::test
{
struct TempDir
{
    std::filesystem::path path;

    explicit TempDir(const std::string& prefix = "kiosk-test")
    {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() /
               (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000));
        std::filesystem::create_directories(path);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string File(const std::string& name) const { return (path / name).string(); }
};
} // namespace kiosk::test
