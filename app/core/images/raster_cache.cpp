#include "core/images/raster_cache.h"

#include <cstdio>
#include <cstring>

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

std::string NameFor(const RasterKey& key)
{
    char name[96];
    std::snprintf(name, sizeof(name), "%016llx-%dx%d-%d", static_cast<unsigned long long>(key.source_hash),
                  key.target_w, key.target_h, static_cast<int>(key.fit));
    return name;
}
} // namespace

RasterCache::RasterCache(std::string folder, long long max_bytes)
    : m_files(std::move(folder), ".rgba", max_bytes, "illustration cache")
{
}

bool RasterCache::Load(const RasterKey& key, DecodedImage* out) const
{
    const std::string name = NameFor(key);
    std::vector<unsigned char> data;
    if (!m_files.Read(name, &data))
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
        m_files.Discard(name); // stale or corrupt: rasterise again
        return false;
    }
    m_files.MarkUsed(name);
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
    if (!image.ok || image.image.Empty())
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
    m_files.Write(NameFor(key), &h, sizeof(h), image.image.pixels.data(), image.image.pixels.size());
}

DecodedImage DecodeImageCached(const std::string& path, const ImageLimits& limits, int target_w, int target_h,
                               ImageFit fit, RasterCache* cache)
{
    if (!cache || target_w <= 0 || target_h <= 0)
        return DecodeImage(path, limits, target_w, target_h, fit);
    std::vector<unsigned char> data;
    if (!ReadWholeFile(path, &data, limits.max_file_bytes))
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
