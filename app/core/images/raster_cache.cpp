#include "core/images/raster_cache.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::core
{
namespace
{
// The file layout: this header, then width * height * 4 bytes of straight-alpha RGBA.
struct Header
{
    char magic[4] = {'K', 'R', 'C', '1'};
    std::uint32_t version = kRasterCacheVersion;
    std::uint64_t source_hash = 0;
    std::int32_t target_w = 0, target_h = 0, fit = 0;
    std::int32_t width = 0, height = 0;
    std::int32_t source_width = 0, source_height = 0;
    std::uint32_t reserved = 0;
    std::uint64_t pixel_hash = 0;
};
static_assert(sizeof(Header) == 56, "the header is written as it is in memory");

constexpr const char* kSuffix = ".rgba";

bool MakeFolders(const std::string& path)
{
    for (size_t at = 1; at <= path.size(); ++at)
        if (at == path.size() || path[at] == '/')
        {
            const std::string part = path.substr(0, at);
            if (mkdir(part.c_str(), 0755) != 0 && errno != EEXIST)
                return false;
        }
    struct stat st;
    return stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && access(path.c_str(), W_OK) == 0;
}

bool ReadAll(const std::string& path, std::vector<unsigned char>* out, long long max_bytes)
{
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    struct stat st;
    bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= max_bytes;
    if (ok)
    {
        out->resize(static_cast<size_t>(st.st_size));
        size_t done = 0;
        while (ok && done < out->size())
        {
            const ssize_t n = read(fd, out->data() + done, out->size() - done);
            ok = n > 0;
            done += ok ? static_cast<size_t>(n) : 0;
        }
    }
    close(fd);
    return ok;
}
} // namespace

std::uint64_t HashBytes(const std::vector<unsigned char>& data)
{
    std::uint64_t h = 1469598103934665603ull;
    for (unsigned char c : data)
    {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

RasterCache::RasterCache(std::string folder, long long max_bytes) : m_folder(std::move(folder)), m_max_bytes(max_bytes)
{
    m_usable = !m_folder.empty() && MakeFolders(m_folder);
    if (!m_usable && !m_folder.empty())
        std::fprintf(stderr, "careers-kiosk: illustration cache '%s' is not writable; illustrations are drawn afresh\n",
                     m_folder.c_str());
}

std::string RasterCache::PathFor(const RasterKey& key) const
{
    char name[96];
    std::snprintf(name, sizeof(name), "/%016llx-%dx%d-%d%s", static_cast<unsigned long long>(key.source_hash),
                  key.target_w, key.target_h, static_cast<int>(key.fit), kSuffix);
    return m_folder + name;
}

bool RasterCache::Load(const RasterKey& key, DecodedImage* out) const
{
    if (!m_usable)
        return false;
    const std::string path = PathFor(key);
    std::vector<unsigned char> data;
    if (!ReadAll(path, &data, m_max_bytes))
        return false;
    Header h;
    bool ok = data.size() >= sizeof(Header);
    if (ok)
    {
        std::memcpy(&h, data.data(), sizeof(Header));
        const Header expected;
        ok = std::memcmp(h.magic, expected.magic, 4) == 0 && h.version == kRasterCacheVersion &&
             h.source_hash == key.source_hash && h.target_w == key.target_w && h.target_h == key.target_h &&
             h.fit == static_cast<std::int32_t>(key.fit) && h.width > 0 && h.height > 0 && h.width <= 16384 &&
             h.height <= 16384 &&
             data.size() == sizeof(Header) + static_cast<size_t>(h.width) * static_cast<size_t>(h.height) * 4;
    }
    std::vector<unsigned char> pixels;
    if (ok)
    {
        pixels.assign(data.begin() + sizeof(Header), data.end());
        ok = HashBytes(pixels) == h.pixel_hash;
    }
    if (!ok)
    {
        unlink(path.c_str()); // stale or corrupt: rasterise again
        return false;
    }
    utimensat(AT_FDCWD, path.c_str(), nullptr, 0); // recently used: trimmed last
    out->ok = true;
    out->format = ImageFormat::Svg;
    out->source_width = h.source_width;
    out->source_height = h.source_height;
    out->image.width = h.width;
    out->image.height = h.height;
    out->image.pixels = std::move(pixels);
    out->error.clear();
    return true;
}

void RasterCache::Store(const RasterKey& key, const DecodedImage& image)
{
    if (!m_usable || !image.ok || image.image.Empty())
        return;
    Header h;
    h.source_hash = key.source_hash;
    h.target_w = key.target_w;
    h.target_h = key.target_h;
    h.fit = static_cast<std::int32_t>(key.fit);
    h.width = image.image.width;
    h.height = image.image.height;
    h.source_width = image.source_width;
    h.source_height = image.source_height;
    h.pixel_hash = HashBytes(image.image.pixels);
    if (static_cast<long long>(sizeof(Header) + image.image.pixels.size()) > m_max_bytes)
        return;
    // A name no other thread or process writes to, renamed over the entry once complete.
    static std::atomic<unsigned> counter{0};
    const std::string path = PathFor(key);
    const std::string tmp = path + ".tmp." + std::to_string(getpid()) + "." + std::to_string(counter++);
    FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f)
        return;
    bool ok = std::fwrite(&h, sizeof(h), 1, f) == 1 &&
              std::fwrite(image.image.pixels.data(), 1, image.image.pixels.size(), f) == image.image.pixels.size();
    ok = std::fflush(f) == 0 && ok;
    ok = fsync(fileno(f)) == 0 && ok;
    ok = std::fclose(f) == 0 && ok;
    if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0)
    {
        unlink(tmp.c_str()); // a full disk: no entry, and no half-written one either
        return;
    }
    Trim();
}

void RasterCache::Trim()
{
    std::lock_guard<std::mutex> lock(m_trim_mutex);
    struct Entry
    {
        std::string path;
        long long bytes;
        timespec used;
    };
    std::vector<Entry> entries;
    long long total = 0;
    if (DIR* d = opendir(m_folder.c_str()))
    {
        while (dirent* e = readdir(d))
        {
            const std::string name = e->d_name;
            if (name.size() <= std::strlen(kSuffix) ||
                name.compare(name.size() - std::strlen(kSuffix), std::string::npos, kSuffix) != 0)
                continue;
            const std::string path = m_folder + "/" + name;
            struct stat st;
            if (stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
                continue;
            entries.push_back({path, static_cast<long long>(st.st_size), st.st_mtim});
            total += st.st_size;
        }
        closedir(d);
    }
    if (total <= m_max_bytes)
        return;
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) {
                  return a.used.tv_sec != b.used.tv_sec ? a.used.tv_sec < b.used.tv_sec
                                                        : a.used.tv_nsec < b.used.tv_nsec;
              });
    for (const Entry& e : entries)
    {
        if (total <= m_max_bytes)
            break;
        if (unlink(e.path.c_str()) == 0)
            total -= e.bytes;
    }
}

DecodedImage DecodeImageCached(const std::string& path, const ImageLimits& limits, int target_w, int target_h,
                               ImageFit fit, RasterCache* cache)
{
    if (!cache || target_w <= 0 || target_h <= 0)
        return DecodeImage(path, limits, target_w, target_h, fit);
    std::vector<unsigned char> data;
    if (!ReadAll(path, &data, limits.max_file_bytes))
        return DecodeImage(path, limits, target_w, target_h, fit); // it says what is wrong
    // The bytes are read once: decoded from memory whether or not the cache is used.
    if (SniffImageFormat(data) != ImageFormat::Svg)
        return DecodeImageData(data, limits, target_w, target_h, fit);
    const RasterKey key{HashBytes(data), target_w, target_h, fit};
    DecodedImage hit;
    if (cache->Load(key, &hit))
        return hit;
    DecodedImage decoded = DecodeImageData(data, limits, target_w, target_h, fit);
    cache->Store(key, decoded);
    return decoded;
}
} // namespace kiosk::core
