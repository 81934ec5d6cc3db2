// The image cache's policy with a fake uploader: never blocks, placeholders until ready,
// per-frame upload budget, fallbacks while re-decoding, eviction, clean shutdown.
#include "core/images/image_cache.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <unistd.h>

using namespace kiosk::core;

namespace
{
const std::string kSuite = std::string(KIOSK_SHARED_DIR) + "/corpora/pngsuite/";

// Records textures as the GPU would hold them.
struct FakeUploader : TextureUploader
{
    uintptr_t next = 100;
    std::set<uintptr_t> alive;
    int created = 0;
    int destroyed = 0;
    bool fail = false;
    uintptr_t Create(const ImageRgba& image) override
    {
        if (fail || image.Empty())
            return 0;
        created++;
        alive.insert(next);
        return next++;
    }
    void Destroy(uintptr_t texture) override
    {
        destroyed++;
        CHECK(alive.erase(texture) == 1); // never a double or unknown destroy
    }
};

// Waits (bounded) until `n` decoded images are waiting for upload.
bool WaitDecoded(ImageCache& cache, size_t n)
{
    for (int i = 0; i < 2000; i++)
    {
        if (cache.Stats().decoded_waiting >= n)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

// Draws frames (ProcessUploads then Request) until the request is no longer loading.
ImageView RequestUntilSettled(ImageCache& cache, const std::string& path, int w, int h,
                              ImageFit fit = ImageFit::Contain)
{
    ImageView v;
    for (int i = 0; i < 2000; i++)
    {
        cache.ProcessUploads();
        v = cache.Request(path, w, h, fit);
        if (v.state != ImageState::Loading && cache.Idle())
            return v;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return v;
}
} // namespace

TEST_CASE("image cache: sizes are quantised up, keeping the aspect", "[images]")
{
    int w = 0, h = 0;
    ImageCache::QuantiseSize(500, 300, 64, w, h);
    CHECK((w == 512 && h == 307));
    ImageCache::QuantiseSize(510, 306, 64, w, h); // a small resize maps to the same texture size
    CHECK((w == 512 && h == 307));
    ImageCache::QuantiseSize(300, 500, 64, w, h);
    CHECK((w == 307 && h == 512));
    ImageCache::QuantiseSize(64, 64, 64, w, h);
    CHECK((w == 64 && h == 64));
    ImageCache::QuantiseSize(0, -5, 64, w, h);
    CHECK((w == 64 && h == 64));
    ImageCache::QuantiseSize(2147483647, 2147483647, 64, w, h); // no overflow
    CHECK((w == 16384 && h == 16384));
}

TEST_CASE("image cache: loading, then ready, with a wake from the worker", "[images]")
{
    FakeUploader gpu;
    std::atomic<int> wakes{0};
    {
        ImageCache cache(gpu, ImageCacheOptions{}, [&] { wakes++; });
        ImageView first = cache.Request(kSuite + "basn6a08.png", 20, 20);
        CHECK(first.state == ImageState::Loading); // never blocks
        CHECK(first.texture == 0);
        ImageView ready = RequestUntilSettled(cache, kSuite + "basn6a08.png", 20, 20);
        CHECK(ready.state == ImageState::Ready);
        CHECK(ready.texture != 0);
        CHECK((ready.width == 32 && ready.height == 32)); // quantised to 64: the 32 px source is not upscaled
        for (int i = 0; i < 1000 && wakes < 1; i++)       // the wake may trail the result by a moment
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        CHECK(wakes == 1);
        CHECK(gpu.created == 1);
        CHECK(cache.Stats().textures == 1);
        CHECK(cache.Stats().texture_bytes == 32 * 32 * 4);
    }
    CHECK(gpu.alive.empty()); // the destructor frees every texture
}

TEST_CASE("image cache: failures carry the reason and are not retried", "[images]")
{
    FakeUploader gpu;
    ImageCache cache(gpu);
    ImageView v = RequestUntilSettled(cache, kSuite + "xdtn0g01.png", 64, 64);
    CHECK(v.state == ImageState::Failed);
    CHECK(v.error == "corrupt PNG: it has no image data (IDAT chunk)");
    v = RequestUntilSettled(cache, "/nonexistent/photo.jpg", 64, 64);
    CHECK(v.state == ImageState::Failed);
    CHECK(v.error == "file not found");
    for (int i = 0; i < 10; i++)
        cache.ProcessUploads();
    CHECK(cache.Request(kSuite + "xdtn0g01.png", 64, 64).state == ImageState::Failed);
    CHECK(cache.Idle()); // no new decode was queued
    CHECK(cache.Stats().failed == 2);

    gpu.fail = true; // the GPU refuses the texture
    v = RequestUntilSettled(cache, kSuite + "basn0g08.png", 64, 64);
    CHECK(v.state == ImageState::Failed);
    CHECK_THAT(v.error, Catch::StartsWith("cannot create a texture"));
}

TEST_CASE("image cache: uploads stay within the per-frame budget", "[images]")
{
    FakeUploader gpu;
    ImageCache cache(gpu);
    const char* names[] = {"basn6a08.png", "basn2c08.png", "basn0g08.png", "basn4a08.png"};
    auto draw_all = [&] { // what the UI does every frame: ask for everything on screen
        for (const char* n : names)
            cache.Request(kSuite + n, 32, 32);
    };
    draw_all();
    REQUIRE(WaitDecoded(cache, 4));
    // Each image is 32*32*4 = 4096 bytes; a 1-byte budget still uploads one per frame.
    CHECK(cache.ProcessUploads(1) == true);
    CHECK(gpu.created == 1);
    draw_all();
    CHECK(cache.ProcessUploads(8192) == true); // two fit in 8 KiB
    CHECK(gpu.created == 3);
    draw_all();
    CHECK(cache.ProcessUploads(1) == false); // the last one; nothing more waiting
    CHECK(gpu.created == 4);
    CHECK(cache.Idle());
}

TEST_CASE("image cache: a new size re-decodes while the old texture is still shown", "[images]")
{
    FakeUploader gpu;
    ImageCache cache(gpu);
    const std::string path = kSuite + "basn6a08.png";
    ImageView small = RequestUntilSettled(cache, path, 16, 16);
    REQUIRE(small.state == ImageState::Ready);
    CHECK(small.width == 32); // quantised to 64, source is 32: kept at 32

    // A different fit never borrows the other fit's texture (its shape would be wrong).
    ImageView stand_in = cache.Request(path, 16, 8, ImageFit::Cover);
    CHECK(stand_in.state == ImageState::Loading);
    ImageView resized = RequestUntilSettled(cache, path, 16, 8, ImageFit::Cover);
    CHECK(resized.state == ImageState::Ready);
    CHECK((resized.width == 32 && resized.height == 16)); // 64x32 box, cropped from the 32x32 source
    CHECK(resized.texture != small.texture);
}

TEST_CASE("image cache: stand-in texture while a bigger SVG rendering is made", "[images]")
{
    FakeUploader gpu;
    ImageCache cache(gpu);
    const std::string svg =
        (std::filesystem::temp_directory_path() / ("kiosk-cache-test-" + std::to_string(::getpid()) + ".svg")).string();
    {
        FILE* f = std::fopen(svg.c_str(), "wb");
        REQUIRE(f);
        std::fputs("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" "
                   "r=\"5\"/></svg>",
                   f);
        std::fclose(f);
    }
    ImageView v64 = RequestUntilSettled(cache, svg, 64, 64);
    REQUIRE(v64.state == ImageState::Ready);
    CHECK(v64.width == 64);
    ImageView interim = cache.Request(svg, 1000, 1000);
    CHECK(interim.state == ImageState::Ready); // the 64 px one, not a placeholder
    CHECK(interim.texture == v64.texture);
    ImageView big = RequestUntilSettled(cache, svg, 1000, 1000);
    CHECK(big.width == 1024);
    CHECK(big.texture != v64.texture);
    std::remove(svg.c_str());
}

TEST_CASE("image cache: unused textures are evicted after N frames or over budget", "[images]")
{
    FakeUploader gpu;
    ImageCacheOptions opts;
    opts.evict_after_frames = 3;
    ImageCache cache(gpu, opts);
    const std::string a = kSuite + "basn6a08.png", b = kSuite + "basn2c08.png";
    REQUIRE(RequestUntilSettled(cache, a, 32, 32).state == ImageState::Ready);
    REQUIRE(RequestUntilSettled(cache, b, 32, 32).state == ImageState::Ready);
    CHECK(cache.Stats().textures == 2);
    for (int frame = 0; frame < 5; frame++) // only `a` stays on screen
    {
        cache.ProcessUploads();
        cache.Request(a, 32, 32);
    }
    CHECK(cache.Stats().textures == 1);
    CHECK(cache.Stats().evictions == 1);
    CHECK(gpu.alive.size() == 1);
    // Coming back to `b` just decodes it again.
    CHECK(RequestUntilSettled(cache, b, 32, 32).state == ImageState::Ready);

    SECTION("memory budget")
    {
        ImageCacheOptions tight;
        tight.memory_budget_bytes = 5000; // room for one 32x32 texture (4096 bytes)
        FakeUploader gpu2;
        ImageCache small(gpu2, tight);
        REQUIRE(RequestUntilSettled(small, a, 32, 32).state == ImageState::Ready);
        REQUIRE(RequestUntilSettled(small, b, 32, 32).state == ImageState::Ready);
        small.ProcessUploads();
        small.Request(b, 32, 32);
        small.ProcessUploads();
        CHECK(small.Stats().textures == 1);
        CHECK(small.Stats().texture_bytes <= 5000);
        CHECK(small.Request(b, 32, 32).state == ImageState::Ready); // the one in use survives
    }
}

TEST_CASE("image cache: decodes for images that left the screen are cancelled", "[images]")
{
    FakeUploader gpu;
    ImageCache cache(gpu);
    const std::string svg =
        (std::filesystem::temp_directory_path() / ("kiosk-cache-cancel-" + std::to_string(::getpid()) + ".svg"))
            .string();
    {
        FILE* f = std::fopen(svg.c_str(), "wb");
        REQUIRE(f);
        std::fputs("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><circle cx=\"5\" cy=\"5\" "
                   "r=\"5\" fill=\"#005eb8\"/></svg>",
                   f);
        std::fclose(f);
    }
    // Twenty large renderings requested once (a fast swipe past), then never again.
    for (int i = 0; i < 20; i++)
        cache.Request(svg, 1024 + 64 * i, 1024 + 64 * i);
    for (int frame = 0; frame < 4; frame++)
        cache.ProcessUploads();
    CHECK(cache.Stats().pending == 0);
    for (int i = 0; i < 2000 && !cache.Idle(); i++)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(cache.Idle());
    cache.ProcessUploads();
    CHECK(gpu.created < 20); // most were never decoded, none after the cancellation
    CHECK(cache.Stats().decoded_waiting == 0);
    std::remove(svg.c_str());
}

TEST_CASE("image cache: Clear forgets everything and frees textures", "[images]")
{
    FakeUploader gpu;
    ImageCache cache(gpu);
    REQUIRE(RequestUntilSettled(cache, kSuite + "basn6a08.png", 32, 32).state == ImageState::Ready);
    cache.Request(kSuite + "basn2c16.png", 32, 32); // still loading when cleared
    cache.Clear();
    CHECK(gpu.alive.empty());
    CHECK(cache.Stats().textures == 0);
    CHECK(cache.Request(kSuite + "basn6a08.png", 32, 32).state == ImageState::Loading);
}
