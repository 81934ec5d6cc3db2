// Image decode throughput (CPU time of the decoding thread): PNG and JPEG at 1080p (natural size and scaled to half),
// SVG rasterisation at 1080p and 4K, and images through the one-worker DecodeQueue. The test images are generated at
// bench time into a temp folder (a noisy gradient, so PNG and JPEG compress about as photographs do); nothing is
// asserted.
#include "bench.h"
#include "core/images/decode_queue.h"
#include "core/images/image_decode.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <stb/stb_image_write.h>
#include <string>
#include <time.h>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace
{
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
using namespace kiosk::core;

struct BenchDir
{
    fs::path path = fs::temp_directory_path() / ("kiosk-bench-images-" + std::to_string(::getpid()));
    BenchDir() { fs::create_directories(path); }
    ~BenchDir()
    {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// A 1920x1080 picture with smooth gradients, soft shapes and a little noise.
std::vector<unsigned char> PhotoLike(int w, int h)
{
    std::vector<unsigned char> px(size_t(w) * size_t(h) * 4);
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> noise(-6, 6);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
        {
            double fx = double(x) / w, fy = double(y) / h;
            double blob = std::exp(-((fx - 0.6) * (fx - 0.6) + (fy - 0.4) * (fy - 0.4)) * 12.0);
            int r = int(40 + 150 * fx + 60 * blob) + noise(rng);
            int g = int(90 + 100 * fy + 40 * std::sin(fx * 20.0)) + noise(rng);
            int b = int(180 - 80 * fx * fy + 70 * blob) + noise(rng);
            unsigned char* p = &px[(size_t(y) * size_t(w) + size_t(x)) * 4];
            p[0] = static_cast<unsigned char>(std::clamp(r, 0, 255));
            p[1] = static_cast<unsigned char>(std::clamp(g, 0, 255));
            p[2] = static_cast<unsigned char>(std::clamp(b, 0, 255));
            p[3] = 255;
        }
    return px;
}

// An illustration like the role cards: gradients, curves, strokes, some transparency.
std::string IllustrationSvg()
{
    std::string svg = R"svg(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1600 900">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
<stop offset="0" stop-color="#e8f1fb"/><stop offset="1" stop-color="#b7d3f2"/></linearGradient>
<radialGradient id="glow"><stop offset="0" stop-color="#ffffff" stop-opacity="0.9"/>
<stop offset="1" stop-color="#ffffff" stop-opacity="0"/></radialGradient></defs>
<rect width="1600" height="900" fill="url(#sky)"/>
)svg";
    std::mt19937 rng(3);
    for (int i = 0; i < 60; i++)
    {
        int x = int(rng() % 1600), y = int(rng() % 900), r = 20 + int(rng() % 120);
        char buf[400];
        std::snprintf(buf, sizeof(buf),
                      "<path d=\"M%d %d q %d %d %d %d t %d %d\" fill=\"none\" stroke=\"#005eb8\" "
                      "stroke-width=\"%d\" stroke-linecap=\"round\" opacity=\"0.6\"/>\n"
                      "<circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"url(#glow)\"/>\n",
                      x, y, r, -r, 2 * r, 0, 2 * r, r, 2 + i % 9, (x + 300) % 1600, (y + 200) % 900, r);
        svg += buf;
    }
    svg += "<rect x=\"200\" y=\"500\" width=\"1200\" height=\"300\" rx=\"40\" fill=\"#41b6e6\" "
           "stroke=\"#003087\" stroke-width=\"12\"/>\n</svg>\n";
    return svg;
}

// Runs fn at least `min_runs` times and until `min_seconds` of wall time have passed (capped at
// max_runs); returns the CPU seconds per run of this thread. CPU time, not wall time, because
// the machine is shared: a busy neighbour inflates wall time but hardly the CPU time we use.
template <typename Fn> double CpuPerRun(Fn fn, int min_runs = 3, int max_runs = 50, double min_seconds = 1.0)
{
    fn(); // warm-up: page cache, librsvg/fontconfig initialisation
    auto start = Clock::now();
    double cpu_start = kiosk::bench::ThreadCpuMs();
    int runs = 0;
    while (runs < max_runs &&
           (runs < min_runs || std::chrono::duration<double>(Clock::now() - start).count() < min_seconds))
    {
        fn();
        runs++;
    }
    return (kiosk::bench::ThreadCpuMs() - cpu_start) / 1e3 / runs;
}

void ReportDecode(const std::string& name, const std::string& path, int target_w, int target_h)
{
    size_t pixel_bytes = 0;
    bool ok = true;
    double s = CpuPerRun(
        [&]
        {
            DecodedImage d = DecodeImage(path, ImageLimits{}, target_w, target_h);
            ok = ok && d.ok;
            // Throughput counts the source pixels decoded, whatever size they are scaled to.
            pixel_bytes = size_t(d.source_width) * size_t(d.source_height) * 4;
        });
    if (!ok)
    {
        std::fprintf(stderr, "bench images: %s failed to decode\n", name.c_str());
        return;
    }
    kiosk::bench::PrintFigure(name + "_cpu_ms", s * 1000.0, "ms");
    kiosk::bench::PrintFigure(name + "_throughput", double(pixel_bytes) / (1024.0 * 1024.0) / s, "MiB/s");
    kiosk::bench::PrintFigure(name + "_rate", 1.0 / s, "images/s");
}

void BenchImages(const kiosk::bench::BenchContext&)
{
    BenchDir dir;
    const int w = 1920, h = 1080;
    std::vector<unsigned char> px = PhotoLike(w, h);
    std::string png = (dir.path / "photo.png").string();
    std::string jpg = (dir.path / "photo.jpg").string();
    std::string svg = (dir.path / "card.svg").string();
    if (!stbi_write_png(png.c_str(), w, h, 4, px.data(), w * 4) || !stbi_write_jpg(jpg.c_str(), w, h, 4, px.data(), 90))
    {
        std::fprintf(stderr, "bench images: cannot write test images to %s\n", dir.path.c_str());
        return;
    }
    std::ofstream(svg) << IllustrationSvg();

    // Natural size: the decoder alone. Smaller: decode plus scaling, as a gallery photo on an
    // 800x480 or 1280x800 screen goes (exact halves use only the linear-light halving pass).
    ReportDecode("images.png_1080p_decode", png, 0, 0);
    ReportDecode("images.png_1080p_to_960x540", png, 960, 540);
    ReportDecode("images.jpeg_1080p_decode", jpg, 0, 0);
    ReportDecode("images.jpeg_1080p_to_960x540", jpg, 960, 540);
    ReportDecode("images.jpeg_1080p_to_800x450", jpg, 800, 450); // halving, then the resampler

    for (auto [name, sw, sh] : {std::tuple{"images.svg_raster_1080p_cpu_ms", 1920, 1080},
                                std::tuple{"images.svg_raster_4k_cpu_ms", 3840, 2160},
                                std::tuple{"images.svg_raster_480x270_cpu_ms", 480, 270}})
    {
        double s = CpuPerRun([&] { DecodeImage(svg, ImageLimits{}, sw, sh); });
        kiosk::bench::PrintFigure(name, s * 1000.0, "ms");
    }

    // End to end through the worker: 8 gallery photos (alternating PNG and JPEG) scaled to
    // 1280x720, submitted at once, measured in wall time until the last result is taken.
    {
        DecodeQueue queue;
        const int count = 8;
        auto start = Clock::now();
        for (int i = 0; i < count; i++)
            queue.Submit(i % 2 ? jpg : png, 1280, 720);
        int taken = 0;
        DecodeJobResult r;
        while (taken < count)
        {
            if (queue.TakeResult(r))
                taken++;
            else
                queue.WaitForResult(std::chrono::milliseconds(50));
        }
        double s = std::chrono::duration<double>(Clock::now() - start).count();
        kiosk::bench::PrintFigure("images.queue_8_photos_ms", s * 1000.0, "ms");
        kiosk::bench::PrintFigure("images.queue_rate", count / s, "images/s");
    }
}
} // namespace

KIOSK_BENCH("images", BenchImages);
