// RasterCache: rasterised SVG illustrations kept on disk, so a kiosk (a Raspberry Pi above all)
// does not re-rasterise every illustration at every start.
//
// Contract:
//   - An entry is keyed by the SVG file's bytes (a 64-bit hash), the pixel size asked for, the fit
//     and kRasterCacheVersion: an edited file, a new screen size or a new rasteriser is a miss.
//   - Writes are atomic (a temporary file, then rename): a power cut leaves the old entry or the
//     new one, never half of one.
//   - Every read is checked (header, size, key, pixel checksum). A stale, foreign or corrupt file
//     is deleted and counts as a miss: the caller rasterises again. Nothing here throws.
//   - The folder stays under max_bytes: after each store the least recently used entries go.
//   - Thread-safe: decode workers Load and Store concurrently.
#pragma once
#include "core/images/file_cache.h"
#include "core/images/image_decode.h"

#include <cstdint>
#include <string>

namespace kiosk::core
{
inline constexpr std::uint32_t kRasterCacheVersion = 2; // bump when rasterising or HashBytes changes

struct RasterKey
{
    std::uint64_t source_hash = 0; // of the SVG file's bytes
    int target_w = 0;
    int target_h = 0;
    ImageFit fit = ImageFit::Contain;
};

class RasterCache
{
public:
    // `folder` is created (with its parents) when missing; an unusable folder makes every Load a
    // miss and every Store a no-op, with one line on stderr.
    explicit RasterCache(std::string folder, long long max_bytes = 64ll * 1024 * 1024);

    // A hit fills `out` (ok, Svg, source size, pixels) and returns true.
    bool Load(const RasterKey& key, DecodedImage* out) const;
    void Store(const RasterKey& key, const DecodedImage& image);

private:
    FileCache m_files;
};

// Decodes as DecodeImage does, but an SVG is looked up in `cache` first and stored after it was
// rasterised. PNG and JPEG go straight through (their decode is cheap next to reading them).
DecodedImage DecodeImageCached(const std::string& path, const ImageLimits& limits, int target_w, int target_h,
                               ImageFit fit, RasterCache* cache);
} // namespace kiosk::core
