// The illustration cache on disk: a hit gives back exactly what was rasterised, anything stale,
// foreign or damaged is a miss (and is removed), the folder stays within its size, and decoding
// with several workers still delivers every job.
#include "core/images/decode_queue.h"
#include "core/images/raster_cache.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>

using namespace kiosk::core;
namespace fs = std::filesystem;

namespace
{
const std::string kSvg = std::string(KIOSK_CONTENT_DIR) + "/illustrations/clinical-engineer.svg";

std::vector<fs::path> Entries(const fs::path& folder)
{
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(folder))
        if (e.path().extension() == ".rgba")
            out.push_back(e.path());
    return out;
}

DecodedImage Solid(int w, int h, unsigned char v)
{
    DecodedImage d;
    d.ok = true;
    d.format = ImageFormat::Svg;
    d.source_width = w;
    d.source_height = h;
    d.image.width = w;
    d.image.height = h;
    d.image.pixels.assign(static_cast<size_t>(w * h * 4), v);
    return d;
}
} // namespace

TEST_CASE("an SVG rasterised once is read back from the cache, pixel for pixel", "[core][images][raster-cache]")
{
    kiosk::test::TempDir dir("raster-cache");
    RasterCache cache((dir.path / "cache").string());
    const DecodedImage first = DecodeImageCached(kSvg, ImageLimits{}, 320, 240, ImageFit::Contain, &cache);
    REQUIRE(first.ok);
    REQUIRE(Entries(dir.path / "cache").size() == 1);
    const DecodedImage second = DecodeImageCached(kSvg, ImageLimits{}, 320, 240, ImageFit::Contain, &cache);
    REQUIRE(second.ok);
    CHECK(second.image.width == first.image.width);
    CHECK(second.image.height == first.image.height);
    CHECK(second.source_width == first.source_width);
    CHECK(second.image.pixels == first.image.pixels);
    // Another size is another entry.
    REQUIRE(DecodeImageCached(kSvg, ImageLimits{}, 640, 480, ImageFit::Contain, &cache).ok);
    CHECK(Entries(dir.path / "cache").size() == 2);
}

TEST_CASE("a damaged, truncated or foreign cache file is a miss and is removed", "[core][images][raster-cache]")
{
    kiosk::test::TempDir dir("raster-cache");
    RasterCache cache(dir.path.string());
    const RasterKey key{0x1234, 8, 8, ImageFit::Contain};
    cache.Store(key, Solid(8, 8, 200));
    const auto entries = Entries(dir.path);
    REQUIRE(entries.size() == 1);
    DecodedImage out;
    REQUIRE(cache.Load(key, &out));
    CHECK(out.image.pixels == Solid(8, 8, 200).image.pixels);

    SECTION("a flipped pixel byte")
    {
        std::fstream f(entries[0], std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(-1, std::ios::end);
        f.put('\x01');
    }
    SECTION("cut short by a power cut")
    {
        fs::resize_file(entries[0], fs::file_size(entries[0]) / 2);
    }
    SECTION("another file under the entry's name")
    {
        std::ofstream(entries[0], std::ios::trunc) << "not a cache entry";
    }
    CHECK_FALSE(cache.Load(key, &out));
    CHECK_FALSE(fs::exists(entries[0]));
}

TEST_CASE("an edited SVG misses: the key is the file's bytes", "[core][images][raster-cache]")
{
    kiosk::test::TempDir dir("raster-cache");
    RasterCache cache((dir.path / "cache").string());
    const fs::path svg = dir.path / "art.svg";
    fs::copy_file(kSvg, svg);
    const DecodedImage a = DecodeImageCached(svg.string(), ImageLimits{}, 200, 200, ImageFit::Contain, &cache);
    REQUIRE(a.ok);
    std::ofstream(svg, std::ios::trunc) << "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'>"
                                           "<rect width='10' height='10' fill='#ff0000'/></svg>";
    const DecodedImage b = DecodeImageCached(svg.string(), ImageLimits{}, 200, 200, ImageFit::Contain, &cache);
    REQUIRE(b.ok);
    CHECK(b.image.pixels != a.image.pixels);
    CHECK(Entries(dir.path / "cache").size() == 2);
}

TEST_CASE("the cache folder stays within its size, dropping the least recently used", "[core][images][raster-cache]")
{
    kiosk::test::TempDir dir("raster-cache");
    const long long entry_bytes = 56 + 16 * 16 * 4;
    RasterCache cache(dir.path.string(), 3 * entry_bytes);
    for (std::uint64_t i = 1; i <= 10; ++i)
        cache.Store(RasterKey{i, 16, 16, ImageFit::Contain}, Solid(16, 16, static_cast<unsigned char>(i)));
    long long total = 0;
    for (const fs::path& p : Entries(dir.path))
        total += static_cast<long long>(fs::file_size(p));
    CHECK(total <= 3 * entry_bytes);
    DecodedImage out;
    CHECK(cache.Load(RasterKey{10, 16, 16, ImageFit::Contain}, &out)); // the newest stays
    CHECK_FALSE(cache.Load(RasterKey{1, 16, 16, ImageFit::Contain}, &out));
}

TEST_CASE("an unusable cache folder only costs speed", "[core][images][raster-cache]")
{
    kiosk::test::TempDir dir("raster-cache");
    std::ofstream(dir.path / "a-file") << "x";
    RasterCache cache((dir.path / "a-file" / "cache").string()); // a folder inside a file
    const DecodedImage d = DecodeImageCached(kSvg, ImageLimits{}, 100, 100, ImageFit::Contain, &cache);
    CHECK(d.ok);
    DecodedImage out;
    CHECK_FALSE(cache.Load(RasterKey{1, 1, 1, ImageFit::Contain}, &out));
}

TEST_CASE("several decode workers deliver every job once", "[core][images][raster-cache]")
{
    kiosk::test::TempDir dir("raster-cache");
    RasterCache cache((dir.path / "cache").string());
    DecodeQueue queue(ImageLimits{}, {}, 0, &cache);
    std::set<uint64_t> submitted;
    for (int i = 0; i < 12; ++i)
        submitted.insert(queue.Submit(kSvg, 64 + 16 * (i % 4), 64, ImageFit::Contain));
    std::set<uint64_t> delivered;
    for (int waited = 0; delivered.size() < submitted.size() && waited < 200; ++waited)
    {
        queue.WaitForResult(std::chrono::milliseconds(100));
        DecodeJobResult r;
        while (queue.TakeResult(r))
        {
            CHECK(r.decoded.ok);
            CHECK(delivered.insert(r.job.id).second);
        }
    }
    CHECK(delivered == submitted);
    CHECK(Entries(dir.path / "cache").size() == 4); // four sizes, each rasterised once or read back
}
