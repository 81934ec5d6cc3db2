// Scratch folder and file writing for the fuzz targets (see fuzz_check.h).
#include "fuzz_check.h"

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace kiosk::fuzz
{
bool WriteInputFile(const std::string& path, const std::uint8_t* data, std::size_t size)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return static_cast<bool>(out);
}

namespace
{
struct Scratch
{
    std::string path;
    Scratch()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "kiosk-fuzz-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
        {
            std::perror("kiosk fuzz: mkdtemp");
            std::abort();
        }
        path = pattern;
    }
    ~Scratch()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};
} // namespace

const std::string& ScratchDir()
{
    // Removed when the process exits normally; libFuzzer's -fork/-jobs children each get their own.
    static Scratch scratch;
    return scratch.path;
}
} // namespace kiosk::fuzz
