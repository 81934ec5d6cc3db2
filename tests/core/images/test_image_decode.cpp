// Image decoding: the whole PngSuite corpus, corrupt and oversized files, JPEG, SVG, fitting.
// Every input here is treated as hostile: the assertion that matters most is "no crash", which
// the sanitizer build of this file (tests/sanitize) checks under ASan and UBSan.
// This file depends only on core/image_decode (the sanitizer target compiles just that).
//
// Sections
//   1. Helpers (temp folder, PNG chunk writer, fixtures)
//   2. PngSuite
//   3. Bad files
//   4. Fitting and scaling
//   5. JPEG
//   6. SVG
//   7. Threads
#include "core/images/image_decode.h"
#include "support/temp_dir.h"

#include <algorithm>
#include <atomic>
#include <catch2/catch.hpp>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ios>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <random>
#include <stb/stb_image_write.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace kiosk::core;
namespace fs = std::filesystem;

namespace
{
// --- 1. Helpers -------------------------------------------------------------------------------

const std::string kPngSuite = std::string(KIOSK_SHARED_DIR) + "/corpora/pngsuite";

// A fresh folder under the system temp folder, removed with everything in it at the end.
// A scratch folder named for this file's tests.
struct TempDir : kiosk::test::TempDir
{
    TempDir() : kiosk::test::TempDir("kiosk-image-tests") {}
};

std::vector<unsigned char> ReadBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::vector<unsigned char>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteBytes(const std::string& path, const std::vector<unsigned char>& bytes)
{
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::string ReadText(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteText(const std::string& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
}

uint32_t TestCrc32(const unsigned char* p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++)
    {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

void PutBe32(std::vector<unsigned char>& out, uint32_t v)
{
    out.push_back(static_cast<unsigned char>(v >> 24));
    out.push_back(static_cast<unsigned char>(v >> 16));
    out.push_back(static_cast<unsigned char>(v >> 8));
    out.push_back(static_cast<unsigned char>(v));
}

void PutChunk(std::vector<unsigned char>& out, const char* type, const std::vector<unsigned char>& data)
{
    PutBe32(out, static_cast<uint32_t>(data.size()));
    size_t start = out.size();
    out.insert(out.end(), type, type + 4);
    out.insert(out.end(), data.begin(), data.end());
    PutBe32(out, TestCrc32(&out[start], data.size() + 4));
}

// A structurally valid PNG (right CRCs) whose header claims w x h RGBA pixels, with a tiny
// IDAT that could never hold them. Probing must refuse it on the dimensions alone.
std::vector<unsigned char> PngClaiming(uint32_t w, uint32_t h)
{
    std::vector<unsigned char> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    std::vector<unsigned char> ihdr;
    PutBe32(ihdr, w);
    PutBe32(ihdr, h);
    ihdr.insert(ihdr.end(), {8, 6, 0, 0, 0}); // 8-bit RGBA, deflate, no filter, no interlace
    PutChunk(png, "IHDR", ihdr);
    PutChunk(png, "IDAT", {0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01});
    PutChunk(png, "IEND", {});
    return png;
}

// Recomputes every chunk's CRC, so that a mutated file gets past the CRC check and reaches the
// decoder itself.
void FixPngCrcs(std::vector<unsigned char>& png)
{
    size_t pos = 8;
    while (pos + 12 <= png.size())
    {
        uint32_t len = (uint32_t(png[pos]) << 24) | (uint32_t(png[pos + 1]) << 16) | (uint32_t(png[pos + 2]) << 8) |
                       uint32_t(png[pos + 3]);
        if (len > png.size() || pos + 12 + len > png.size())
            return;
        uint32_t crc = TestCrc32(&png[pos + 4], size_t(len) + 4);
        size_t at = pos + 8 + len;
        png[at] = static_cast<unsigned char>(crc >> 24);
        png[at + 1] = static_cast<unsigned char>(crc >> 16);
        png[at + 2] = static_cast<unsigned char>(crc >> 8);
        png[at + 3] = static_cast<unsigned char>(crc);
        pos += 12 + len;
    }
}

// A w x h image, left half colour a, right half colour b (RGBA).
std::vector<unsigned char> TwoTone(int w, int h, const unsigned char a[4], const unsigned char b[4])
{
    std::vector<unsigned char> px(size_t(w) * size_t(h) * 4);
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            std::copy(x < w / 2 ? a : b, (x < w / 2 ? a : b) + 4, &px[(size_t(y) * size_t(w) + size_t(x)) * 4]);
    return px;
}

const unsigned char* PixelAt(const ImageRgba& img, int x, int y)
{
    return &img.pixels[(size_t(y) * size_t(img.width) + size_t(x)) * 4];
}

// PngSuite encodes the size in the name: sNN* files are NNxNN; the cd* files (physical pixel
// dimensions) are 8x32, 32x8 and 8x8 as the suite documents; everything else is 32x32.
std::pair<int, int> ExpectedPngSuiteSize(const std::string& name)
{
    if (name.size() > 3 && name[0] == 's' && std::isdigit(static_cast<unsigned char>(name[1])) &&
        std::isdigit(static_cast<unsigned char>(name[2])))
    {
        int n = std::stoi(name.substr(1, 2));
        return {n, n};
    }
    if (name.rfind("cdfn", 0) == 0)
        return {8, 32};
    if (name.rfind("cdhn", 0) == 0)
        return {32, 8};
    if (name.rfind("cdsn", 0) == 0)
        return {8, 8};
    return {32, 32};
}

std::vector<fs::path> PngSuiteFiles()
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(kPngSuite))
        if (entry.path().extension() == ".png")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

const char* kRedSvg = R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">
  <rect x="0" y="0" width="100" height="50" fill="#ff0000"/>
</svg>)";
} // namespace

// --- 2. PngSuite ------------------------------------------------------------------------------

TEST_CASE("every valid PngSuite image decodes at the size its name gives", "[images]")
{
    std::vector<fs::path> files = PngSuiteFiles();
    REQUIRE(files.size() >= 170); // the corpus is there: 175 PNGs
    int valid = 0;
    for (const fs::path& file : files)
    {
        std::string name = file.filename().string();
        if (name[0] == 'x')
            continue;
        valid++;
        INFO(name);
        auto [w, h] = ExpectedPngSuiteSize(name);
        ImageProbe probe = ProbeImage(file.string());
        CHECK(probe.ok);
        CHECK(probe.error.empty());
        CHECK(probe.format == ImageFormat::Png);
        CHECK(probe.width == w);
        CHECK(probe.height == h);
        DecodedImage decoded = DecodeImage(file.string(), ImageLimits{}, 0, 0);
        CHECK(decoded.ok);
        CHECK(decoded.image.width == w);
        CHECK(decoded.image.height == h);
        CHECK(decoded.image.pixels.size() == size_t(w) * size_t(h) * 4);
    }
    CHECK(valid >= 160);
}

TEST_CASE("every corrupt PngSuite image (x*.png) is refused with a reason, never a crash", "[images]")
{
    int corrupt = 0;
    for (const fs::path& file : PngSuiteFiles())
    {
        std::string name = file.filename().string();
        if (name[0] != 'x')
            continue;
        corrupt++;
        INFO(name);
        ImageProbe probe = ProbeImage(file.string());
        CHECK_FALSE(probe.ok);
        CHECK_FALSE(probe.error.empty());
        DecodedImage decoded = DecodeImage(file.string(), ImageLimits{}, 64, 64);
        CHECK_FALSE(decoded.ok);
        CHECK_FALSE(decoded.error.empty());
        CHECK(decoded.image.pixels.empty());
    }
    CHECK(corrupt == 14);
}

TEST_CASE("corrupt PngSuite images get specific reasons", "[images]")
{
    auto error_of = [](const char* name) { return ProbeImage(kPngSuite + "/" + name).error; };
    CHECK(error_of("xs1n0g01.png") == "not a PNG, JPEG or SVG file"); // signature byte 1 wrong
    CHECK(error_of("xcrn0g04.png") == "not a PNG, JPEG or SVG file"); // CR in signature mangled
    CHECK(error_of("xcsn0g01.png") == "corrupt PNG: chunk 'IDAT' has a bad checksum (CRC)");
    CHECK(error_of("xhdn0g08.png") == "corrupt PNG: chunk 'IHDR' has a bad checksum (CRC)");
    CHECK(error_of("xdtn0g01.png") == "corrupt PNG: it has no image data (IDAT chunk)");
    CHECK_THAT(error_of("xc1n0g08.png"), Catch::StartsWith("corrupt PNG: "));
    CHECK_THAT(error_of("xd0n2c08.png"), Catch::StartsWith("corrupt PNG: "));
}

TEST_CASE("mutated PngSuite images with repaired CRCs never crash the decoder", "[images]")
{
    // Deterministic fuzzing: flip bytes after the signature of every valid file, repair the
    // CRCs so the damage reaches stb_image, and decode. Either outcome is fine; a crash is not.
    TempDir dir;
    std::mt19937 rng(20261121);
    int decoded_ok = 0, refused = 0;
    for (const fs::path& file : PngSuiteFiles())
    {
        if (file.filename().string()[0] == 'x')
            continue;
        std::vector<unsigned char> original = ReadBytes(file.string());
        for (int round = 0; round < 8; round++)
        {
            std::vector<unsigned char> png = original;
            int flips = 1 + static_cast<int>(rng() % 8);
            for (int i = 0; i < flips; i++)
            {
                size_t at = 8 + rng() % (png.size() - 8);
                png[at] = static_cast<unsigned char>(rng());
            }
            FixPngCrcs(png);
            std::string path = dir.File("mutant.png");
            WriteBytes(path, png);
            DecodedImage d = DecodeImage(path, ImageLimits{}, 48, 48);
            if (d.ok)
            {
                decoded_ok++;
                CHECK(d.image.pixels.size() == size_t(d.image.width) * size_t(d.image.height) * 4);
            }
            else
            {
                refused++;
                CHECK_FALSE(d.error.empty());
            }
        }
    }
    CHECK(decoded_ok + refused > 1000);
}

// --- 3. Bad files -------------------------------------------------------------------------------

TEST_CASE("oversized dimensions are refused from the header, before decoding", "[images]")
{
    TempDir dir;
    std::string huge = dir.File("huge.png");
    WriteBytes(huge, PngClaiming(20000, 20000));
    ImageProbe probe = ProbeImage(huge);
    CHECK_FALSE(probe.ok);
    CHECK(probe.error == "image is 20000x20000 pixels, larger than the 8192x8192 limit");
    DecodedImage decoded = DecodeImage(huge, ImageLimits{}, 512, 512);
    CHECK_FALSE(decoded.ok);
    CHECK(decoded.error == probe.error);

    // Within each side's limit but too many pixels in all.
    std::string wide = dir.File("many.png");
    WriteBytes(wide, PngClaiming(8000, 8000));
    CHECK(ProbeImage(wide).error == "image is 8000x8000 pixels (64.0 megapixels), more than the 40.0 megapixel limit");

    // Dimensions PNG allows but stb_image would never take (2^31 - 1).
    std::string absurd = dir.File("absurd.png");
    WriteBytes(absurd, PngClaiming(0x7FFFFFFF, 1));
    CHECK_THAT(ProbeImage(absurd).error, Catch::StartsWith("image is 2147483647x1 pixels, larger than"));
    CHECK_FALSE(DecodeImage(absurd, ImageLimits{}, 0, 0).ok);

    // Limits are the caller's: a small limit refuses an ordinary PngSuite image.
    ImageLimits small;
    small.max_width = 16;
    small.max_height = 16;
    CHECK(ProbeImage(kPngSuite + "/basn6a08.png", small).error == "image is 32x32 pixels, larger than the 16x16 limit");

    // A zero-sized header is corrupt, not "small".
    std::string zero = dir.File("zero.png");
    WriteBytes(zero, PngClaiming(0, 10));
    CHECK(ProbeImage(zero).error == "corrupt PNG: the header gives a zero width or height");
}

TEST_CASE("truncated, empty, missing, foreign and too-large files give clear errors", "[images]")
{
    TempDir dir;
    std::vector<unsigned char> good = ReadBytes(kPngSuite + "/basn6a08.png");
    REQUIRE(good.size() > 100);

    SECTION("truncated at every length")
    {
        // Cutting the file anywhere must give an error (or, past IEND, the full image).
        std::string path = dir.File("cut.png");
        for (size_t len = 1; len < good.size(); len += 7)
        {
            INFO("length " << len);
            WriteBytes(path, std::vector<unsigned char>(good.begin(), good.begin() + static_cast<long>(len)));
            DecodedImage d = DecodeImage(path, ImageLimits{}, 0, 0);
            CHECK_FALSE(d.ok);
            CHECK_FALSE(d.error.empty());
        }
        WriteBytes(path, std::vector<unsigned char>(good.begin(), good.begin() + static_cast<long>(good.size() / 2)));
        CHECK(ProbeImage(path).error == "corrupt PNG: the file ends inside chunk 'IDAT' (truncated?)");
    }
    SECTION("empty")
    {
        std::string path = dir.File("empty.png");
        WriteBytes(path, {});
        CHECK(ProbeImage(path).error == "file is empty");
        CHECK(DecodeImage(path, ImageLimits{}, 10, 10).error == "file is empty");
    }
    SECTION("missing")
    {
        CHECK(ProbeImage(dir.File("nope.png")).error == "file not found");
        CHECK(DecodeImage(dir.File("nope.png"), ImageLimits{}, 10, 10).error == "file not found");
    }
    SECTION("a folder")
    {
        CHECK(ProbeImage(dir.path.string()).error == "is a folder, not an image file");
    }
    SECTION("not an image (whatever the name says)")
    {
        std::string path = dir.File("notes.png");
        WriteText(path, "Just some text, not a picture.\n");
        CHECK(ProbeImage(path).error == "not a PNG, JPEG or SVG file");
        std::string gif = dir.File("anim.gif");
        WriteText(gif, "GIF89a\x01\x00\x01\x00");
        CHECK(DecodeImage(gif, ImageLimits{}, 1, 1).error == "not a PNG, JPEG or SVG file");
    }
    SECTION("file larger than the byte limit")
    {
        ImageLimits limits;
        limits.max_file_bytes = 1024 * 1024;
        std::string path = dir.File("big.png");
        WriteBytes(path, std::vector<unsigned char>(1024 * 1024 + 1, 0));
        CHECK(ProbeImage(path, limits).error == "file is 1.0 MiB, larger than the 1 MiB limit");
    }
    SECTION("compressed data zeroed, CRCs repaired")
    {
        std::vector<unsigned char> png = PngClaiming(4, 4);
        for (size_t i = 0; i + 4 < png.size(); i++)
            if (std::equal(png.begin() + static_cast<long>(i), png.begin() + static_cast<long>(i) + 4, "IDAT"))
                std::fill(png.begin() + static_cast<long>(i) + 4, png.begin() + static_cast<long>(i) + 13, 0);
        FixPngCrcs(png);
        std::string path = dir.File("zeroed.png");
        WriteBytes(path, png);
        CHECK(ProbeImage(path).ok); // the structure is sound: only decoding finds out
        DecodedImage d = DecodeImage(path, ImageLimits{}, 0, 0);
        CHECK_FALSE(d.ok);
        CHECK_THAT(d.error, Catch::StartsWith("corrupt PNG: "));
    }
}

// --- 4. Fitting and scaling ---------------------------------------------------------------------

TEST_CASE("PlanFit keeps the aspect for contain and fills the box for cover", "[images]")
{
    FitPlan p = PlanFit(200, 100, 100, 100, ImageFit::Contain, false);
    CHECK((p.out_w == 100 && p.out_h == 50 && p.crop_w == 200 && p.crop_h == 100));

    p = PlanFit(200, 100, 1000, 1000, ImageFit::Contain, false); // never upscaled
    CHECK((p.out_w == 200 && p.out_h == 100));
    p = PlanFit(200, 100, 1000, 1000, ImageFit::Contain, true);
    CHECK((p.out_w == 1000 && p.out_h == 500));

    p = PlanFit(200, 100, 50, 50, ImageFit::Cover, false); // centre square, scaled down
    CHECK((p.crop_x == 50 && p.crop_y == 0 && p.crop_w == 100 && p.crop_h == 100));
    CHECK((p.out_w == 50 && p.out_h == 50));

    p = PlanFit(200, 100, 400, 400, ImageFit::Cover, false); // box bigger: crop, keep source pixels
    CHECK((p.crop_w == 100 && p.crop_h == 100 && p.out_w == 100 && p.out_h == 100));

    p = PlanFit(1920, 1080, 800, 480, ImageFit::Cover, false);
    CHECK((p.out_w == 800 && p.out_h == 480 && p.crop_h == 1080 && p.crop_w == 1800 && p.crop_x == 60));

    p = PlanFit(1, 10000, 64, 64, ImageFit::Contain, false); // a sliver stays at least 1 px wide
    CHECK((p.out_w == 1 && p.out_h == 64));
    CHECK(PlanFit(0, 10, 64, 64, ImageFit::Contain, false).out_w == 0);
}

TEST_CASE("PNG is scaled down to the shown size with straight alpha kept", "[images]")
{
    TempDir dir;
    const unsigned char red_half[4] = {255, 0, 0, 128};
    const unsigned char blue[4] = {0, 0, 255, 255};
    std::vector<unsigned char> px = TwoTone(400, 200, red_half, blue);
    std::string path = dir.File("two.png");
    REQUIRE(stbi_write_png(path.c_str(), 400, 200, 4, px.data(), 400 * 4));

    DecodedImage d = DecodeImage(path, ImageLimits{}, 100, 100, ImageFit::Contain);
    REQUIRE(d.ok);
    CHECK(d.format == ImageFormat::Png);
    CHECK((d.source_width == 400 && d.source_height == 200));
    CHECK((d.image.width == 100 && d.image.height == 50));
    const unsigned char* left = PixelAt(d.image, 10, 25);
    CHECK((left[0] == 255 && left[1] == 0 && left[2] == 0)); // straight, not premultiplied (would be ~128)
    CHECK(std::abs(int(left[3]) - 128) <= 1);
    const unsigned char* right = PixelAt(d.image, 90, 25);
    CHECK((right[0] == 0 && right[2] == 255 && right[3] == 255));

    d = DecodeImage(path, ImageLimits{}, 100, 100, ImageFit::Cover); // centre 200x200, halved
    REQUIRE(d.ok);
    CHECK((d.image.width == 100 && d.image.height == 100));
    CHECK(PixelAt(d.image, 5, 50)[0] == 255);  // left of centre is the red half
    CHECK(PixelAt(d.image, 95, 50)[2] == 255); // right of centre is the blue half

    d = DecodeImage(path, ImageLimits{}, 4000, 4000, ImageFit::Contain); // no upscaling
    REQUIRE(d.ok);
    CHECK((d.image.width == 400 && d.image.height == 200));
    CHECK(d.image.pixels == px);
}

TEST_CASE("downscaling averages in linear light and keeps flat colours", "[images]")
{
    TempDir dir;
    // A one-pixel black and white checkerboard is, from a distance, 50% light: sRGB 188, not 128.
    std::vector<unsigned char> px(size_t(256) * 256 * 4);
    for (int y = 0; y < 256; y++)
        for (int x = 0; x < 256; x++)
        {
            unsigned char v = ((x + y) % 2) ? 255 : 0;
            unsigned char* p = &px[(size_t(y) * 256 + size_t(x)) * 4];
            p[0] = p[1] = p[2] = v;
            p[3] = 255;
        }
    std::string path = dir.File("checker.png");
    REQUIRE(stbi_write_png(path.c_str(), 256, 256, 4, px.data(), 256 * 4));
    for (int target : {128, 64, 100}) // halving only, halving twice, halving then resampling
    {
        INFO("target " << target);
        DecodedImage d = DecodeImage(path, ImageLimits{}, target, target);
        REQUIRE(d.ok);
        CHECK((d.image.width == target && d.image.height == target));
        const unsigned char* c = PixelAt(d.image, target / 2, target / 2);
        CHECK(std::abs(int(c[0]) - 188) <= 2);
        CHECK(c[3] == 255);
    }

    // A flat colour stays that colour, and odd sizes reduce to the planned size.
    const unsigned char teal[4] = {20, 140, 160, 255};
    std::vector<unsigned char> flat = TwoTone(1921, 1081, teal, teal);
    std::string flat_path = dir.File("flat.png");
    REQUIRE(stbi_write_png(flat_path.c_str(), 1921, 1081, 4, flat.data(), 1921 * 4));
    for (auto [tw, th] : {std::pair{800, 480}, std::pair{480, 270}, std::pair{960, 540}})
    {
        INFO(tw << "x" << th);
        DecodedImage d = DecodeImage(flat_path, ImageLimits{}, tw, th, ImageFit::Cover);
        REQUIRE(d.ok);
        CHECK((d.image.width == tw && d.image.height == th));
        for (int k = 0; k < 4; k++)
        {
            const unsigned char* c = PixelAt(d.image, (k * 97) % tw, (k * 53) % th);
            CHECK(std::abs(int(c[0]) - 20) <= 1);
            CHECK(std::abs(int(c[1]) - 140) <= 1);
            CHECK(std::abs(int(c[2]) - 160) <= 1);
            CHECK(c[3] == 255);
        }
    }

    // Fully transparent pixels do not darken their visible neighbours.
    const unsigned char clear_black[4] = {0, 0, 0, 0};
    const unsigned char white[4] = {255, 255, 255, 255};
    std::vector<unsigned char> edge(size_t(64) * 64 * 4);
    for (int y = 0; y < 64; y++)
        for (int x = 0; x < 64; x++)
            std::copy(x % 2 ? white : clear_black, (x % 2 ? white : clear_black) + 4,
                      &edge[(size_t(y) * 64 + size_t(x)) * 4]);
    std::string edge_path = dir.File("edge.png");
    REQUIRE(stbi_write_png(edge_path.c_str(), 64, 64, 4, edge.data(), 64 * 4));
    DecodedImage d = DecodeImage(edge_path, ImageLimits{}, 32, 32);
    REQUIRE(d.ok);
    const unsigned char* c = PixelAt(d.image, 10, 10);
    CHECK((c[0] == 255 && c[1] == 255 && c[2] == 255));
    CHECK(std::abs(int(c[3]) - 128) <= 1);
}

// --- 5. JPEG ------------------------------------------------------------------------------------

TEST_CASE("JPEG decodes, scales and survives truncation", "[images]")
{
    TempDir dir;
    const unsigned char grey[4] = {128, 128, 128, 255};
    const unsigned char green[4] = {0, 200, 0, 255};
    std::vector<unsigned char> px = TwoTone(320, 240, grey, green);
    std::string path = dir.File("photo.jpg");
    REQUIRE(stbi_write_jpg(path.c_str(), 320, 240, 4, px.data(), 90));

    ImageProbe probe = ProbeImage(path);
    CHECK(probe.ok);
    CHECK(probe.format == ImageFormat::Jpeg);
    CHECK((probe.width == 320 && probe.height == 240));
    DecodedImage d = DecodeImage(path, ImageLimits{}, 160, 160);
    REQUIRE(d.ok);
    CHECK((d.image.width == 160 && d.image.height == 120));
    CHECK(PixelAt(d.image, 150, 60)[3] == 255);
    CHECK(PixelAt(d.image, 150, 60)[1] > 150);

    std::vector<unsigned char> bytes = ReadBytes(path);
    std::string cut = dir.File("cut.jpg");
    for (size_t len = 3; len < bytes.size(); len += 97)
    {
        WriteBytes(cut, std::vector<unsigned char>(bytes.begin(), bytes.begin() + static_cast<long>(len)));
        DecodedImage t = DecodeImage(cut, ImageLimits{}, 64, 64); // error or partial image: no crash
        CHECK((t.ok || !t.error.empty()));
    }
}

// A copy of a JPEG with an EXIF APP1 segment saying `orientation`, in big- or little-endian TIFF.
std::vector<unsigned char> WithExifOrientation(const std::vector<unsigned char>& jpeg, int orientation, bool little)
{
    std::vector<unsigned char> tiff;
    auto u16 = [&](unsigned v)
    {
        if (little)
            tiff.insert(tiff.end(), {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8)});
        else
            tiff.insert(tiff.end(), {static_cast<unsigned char>(v >> 8), static_cast<unsigned char>(v)});
    };
    auto u32 = [&](uint32_t v)
    {
        if (little)
        {
            u16(v & 0xFFFF);
            u16(v >> 16);
        }
        else
        {
            u16(v >> 16);
            u16(v & 0xFFFF);
        }
    };
    tiff.insert(tiff.end(), little ? "II" : "MM", (little ? "II" : "MM") + 2);
    u16(42);
    u32(8);      // IFD0 right after the header
    u16(2);      // two entries: a harmless one, then Orientation
    u16(0x010F); // Make, ASCII, 4 bytes inline
    u16(2);
    u32(4);
    tiff.insert(tiff.end(), {'K', 'S', 'K', 0});
    u16(0x0112); // Orientation, SHORT, 1 value, inline
    u16(3);
    u32(1);
    u16(static_cast<unsigned>(orientation));
    u16(0);
    u32(0); // no next IFD
    std::vector<unsigned char> app1 = {0xFF, 0xE1, 0, 0, 'E', 'x', 'i', 'f', 0, 0};
    app1.insert(app1.end(), tiff.begin(), tiff.end());
    size_t len = app1.size() - 2;
    app1[2] = static_cast<unsigned char>(len >> 8);
    app1[3] = static_cast<unsigned char>(len);
    std::vector<unsigned char> out(jpeg.begin(), jpeg.begin() + 2); // SOI
    out.insert(out.end(), app1.begin(), app1.end());
    out.insert(out.end(), jpeg.begin() + 2, jpeg.end());
    return out;
}

bool IsRedish(const unsigned char* p)
{
    return p[0] > 180 && p[2] < 90;
}
bool IsBlueish(const unsigned char* p)
{
    return p[2] > 180 && p[0] < 90;
}

TEST_CASE("JPEG photos are turned upright by their EXIF orientation", "[images]")
{
    TempDir dir;
    const unsigned char red[4] = {255, 0, 0, 255};
    const unsigned char blue[4] = {0, 0, 255, 255};
    std::vector<unsigned char> px = TwoTone(64, 32, red, blue); // red left, blue right
    std::string plain = dir.File("plain.jpg");
    REQUIRE(stbi_write_jpg(plain.c_str(), 64, 32, 4, px.data(), 95));
    std::vector<unsigned char> jpeg = ReadBytes(plain);
    std::string path = dir.File("turned.jpg");

    for (bool little : {false, true})
    {
        INFO((little ? "little-endian" : "big-endian"));
        WriteBytes(path, WithExifOrientation(jpeg, 6, little)); // needs a quarter turn clockwise
        ImageProbe probe = ProbeImage(path);
        CHECK((probe.ok && probe.width == 32 && probe.height == 64));
        DecodedImage d = DecodeImage(path, ImageLimits{}, 0, 0);
        REQUIRE(d.ok);
        CHECK((d.image.width == 32 && d.image.height == 64));
        CHECK((d.source_width == 32 && d.source_height == 64));
        CHECK(IsRedish(PixelAt(d.image, 16, 4)));   // the left side is now on top
        CHECK(IsBlueish(PixelAt(d.image, 16, 60))); // and the right side at the bottom
    }

    WriteBytes(path, WithExifOrientation(jpeg, 8, false)); // a quarter turn anticlockwise
    DecodedImage d = DecodeImage(path, ImageLimits{}, 0, 0);
    REQUIRE(d.ok);
    CHECK(IsBlueish(PixelAt(d.image, 16, 4)));
    CHECK(IsRedish(PixelAt(d.image, 16, 60)));

    WriteBytes(path, WithExifOrientation(jpeg, 3, false)); // upside down
    d = DecodeImage(path, ImageLimits{}, 0, 0);
    REQUIRE(d.ok);
    CHECK((d.image.width == 64 && d.image.height == 32));
    CHECK(IsBlueish(PixelAt(d.image, 4, 16)));
    CHECK(IsRedish(PixelAt(d.image, 60, 16)));

    WriteBytes(path, WithExifOrientation(jpeg, 6, false)); // fitted in the upright frame
    d = DecodeImage(path, ImageLimits{}, 16, 64, ImageFit::Contain);
    REQUIRE(d.ok);
    CHECK((d.image.width == 16 && d.image.height == 32));

    // Nonsense orientations and broken EXIF are ignored, never an error.
    for (int bad : {0, 9, 300})
    {
        WriteBytes(path, WithExifOrientation(jpeg, bad, true));
        d = DecodeImage(path, ImageLimits{}, 0, 0);
        REQUIRE(d.ok);
        CHECK((d.image.width == 64 && d.image.height == 32));
    }
    std::vector<unsigned char> broken = WithExifOrientation(jpeg, 6, false);
    broken[4 + 8 + 2 + 4 + 1] = 0xFF; // IFD0 offset far beyond the segment
    WriteBytes(path, broken);
    d = DecodeImage(path, ImageLimits{}, 0, 0);
    REQUIRE(d.ok);
    CHECK((d.image.width == 64 && d.image.height == 32));
}

// The JPEG's segments in order, each from its marker to the next; a scan (SOS) runs to the end of
// its entropy-coded data, restart markers included.
std::vector<std::vector<unsigned char>> JpegSegments(const std::vector<unsigned char>& jpeg)
{
    std::vector<std::vector<unsigned char>> segments;
    size_t pos = 2; // after SOI
    while (pos + 1 < jpeg.size() && jpeg[pos] == 0xFF)
    {
        size_t end = pos + 2;
        if (jpeg[pos + 1] != 0xD9)
        {
            end = pos + 2 + ((size_t(jpeg[pos + 2]) << 8) | jpeg[pos + 3]);
            if (jpeg[pos + 1] == 0xDA)
                while (end + 1 < jpeg.size() &&
                       !(jpeg[end] == 0xFF && jpeg[end + 1] != 0 && (jpeg[end + 1] < 0xD0 || jpeg[end + 1] > 0xD7)))
                    end++;
        }
        segments.emplace_back(jpeg.begin() + long(pos), jpeg.begin() + long(std::min(end, jpeg.size())));
        pos = end;
    }
    return segments;
}

// A whole, well-formed 48x32 baseline JPEG (red and blue halves), written by stb_image_write to
// DIR/whole.jpg; its bytes.
std::vector<unsigned char> TwoToneJpeg(const TempDir& dir)
{
    const unsigned char red[4] = {255, 0, 0, 255}, blue[4] = {0, 0, 255, 255};
    std::vector<unsigned char> px = TwoTone(48, 32, red, blue);
    const std::string whole = dir.File("whole.jpg");
    REQUIRE(stbi_write_jpg(whole.c_str(), 48, 32, 4, px.data(), 90));
    return ReadBytes(whole);
}

// A copy of a JPEG without its segments of one kind (0xC4 Huffman tables, 0xDB quantisation
// tables, 0xDA scans).
std::vector<unsigned char> WithoutSegments(const std::vector<unsigned char>& jpeg, unsigned char marker)
{
    std::vector<unsigned char> out(jpeg.begin(), jpeg.begin() + 2);
    for (const std::vector<unsigned char>& segment : JpegSegments(jpeg))
        if (segment[1] != marker)
            out.insert(out.end(), segment.begin(), segment.end());
    return out;
}

// A copy of a JPEG without its `n`th restart marker (counting from 0).
std::vector<unsigned char> WithoutRestartMarker(const std::vector<unsigned char>& jpeg, int n)
{
    for (size_t i = 0; i + 1 < jpeg.size(); i++)
        if (jpeg[i] == 0xFF && jpeg[i + 1] >= 0xD0 && jpeg[i + 1] <= 0xD7 && n-- == 0)
        {
            std::vector<unsigned char> out(jpeg.begin(), jpeg.begin() + long(i));
            out.insert(out.end(), jpeg.begin() + long(i) + 2, jpeg.end());
            return out;
        }
    return jpeg;
}

// Found by fuzzing: Debian's stb_image decodes a JPEG in memory it does not clear, so a file that
// leaves some of it unwritten decoded differently from one call to the next. Such files are
// refused, saying why (image_decode.cpp, "the JPEG scan walk").
TEST_CASE("JPEGs that leave stb_image's memory unwritten are refused, saying why", "[images]")
{
    const std::string fuzz_found =
        std::string(KIOSK_FIXTURES_DIR) + "/fuzz/image/jpeg-corrupt-decode-depends-on-history.jpg";
    const std::string huffman = "corrupt JPEG: a scan uses a Huffman table that the file does not define before it";
    CHECK(ProbeImage(fuzz_found).error == huffman); // its scan uses AC table 0; it defines AC table 3
    CHECK(DecodeImage(fuzz_found, ImageLimits{}, 192, 144).error == huffman);
    CHECK(DecodeImage(fuzz_found, ImageLimits{}, 80, 120, ImageFit::Cover).error == huffman);

    TempDir dir;
    const std::vector<unsigned char> jpeg = TwoToneJpeg(dir);
    REQUIRE(ProbeImage(dir.File("whole.jpg")).ok);
    const std::pair<unsigned char, std::string> cases[] = {
        {0xC4, huffman},
        {0xDB, "corrupt JPEG: a scan uses a quantisation table that the file does not define before it"},
        {0xDA, "corrupt JPEG: colour component 1 has no image data (no scan covers it)"},
    };
    std::string path = dir.File("cut.jpg");
    for (const auto& [marker, error] : cases)
    {
        INFO("without segments " << std::hex << int(marker));
        WriteBytes(path, WithoutSegments(jpeg, marker));
        CHECK(ProbeImage(path).error == error);
        DecodedImage d = DecodeImage(path, ImageLimits{}, 0, 0);
        CHECK(d.error == error);
        CHECK(d.image.pixels.empty());
    }

    // Restart markers (made with cjpeg -restart 1B, baseline and progressive): the files decode;
    // without any one marker stb_image would end that scan early and leave the rest unwritten.
    for (const char* name : {"restart-interval.jpg", "progressive-restart.jpg"})
    {
        INFO(name);
        const std::string fixture = std::string(KIOSK_FIXTURES_DIR) + "/jpeg/" + name;
        DecodedImage d = DecodeImage(fixture, ImageLimits{}, 0, 0);
        REQUIRE(d.ok);
        CHECK((d.image.width == 48 && d.image.height == 32));
        const std::vector<unsigned char> bytes = ReadBytes(fixture);
        for (int n : {0, 2, 4})
        {
            INFO("without restart marker " << n);
            WriteBytes(path, WithoutRestartMarker(bytes, n));
            CHECK(ProbeImage(path).error ==
                  "corrupt JPEG: a scan has fewer restart markers than its restart interval calls for");
        }
    }
}

#ifdef __GLIBC__
// The same bytes decode the same whatever the heap held before: glibc's M_PERTURB fills every
// new allocation with one byte, standing in for what earlier decodes left behind. Before the scan
// walk, a JPEG without its quantisation tables or its scan decoded to different pixels under each
// byte. (No effect under AddressSanitizer, whose allocator ignores mallopt.)
TEST_CASE("A JPEG decodes the same whatever the heap held before", "[images]")
{
    TempDir dir;
    const std::vector<unsigned char> jpeg = TwoToneJpeg(dir);
    for (int marker : {0x00, 0xC4, 0xDB, 0xDA}) // 0: the whole file
    {
        INFO("without segments " << std::hex << marker);
        const std::vector<unsigned char> bytes = WithoutSegments(jpeg, static_cast<unsigned char>(marker));
        std::vector<DecodedImage> results;
        for (int perturb : {0x01, 0x5A, 0xA5, 0xFE})
        {
            mallopt(M_PERTURB, perturb);
            results.push_back(DecodeImageData(bytes, ImageLimits{}, 24, 16, ImageFit::Contain));
            mallopt(M_PERTURB, 0);
        }
        for (const DecodedImage& d : results)
        {
            CHECK(d.ok == results[0].ok);
            CHECK(d.error == results[0].error);
            CHECK(d.image.pixels == results[0].image.pixels);
        }
        CHECK(results[0].ok == (marker == 0x00));
    }
}
#endif

// --- 6. SVG -------------------------------------------------------------------------------------

// Found by fuzzing: a long thin drawing (viewBox 2406x2) with a translucent circle renders into a
// contain box, but a cover fit enlarges it 60 times, and librsvg refuses the circle's offscreen
// surface beyond cairo's 32767 pixels ("InvalidSize"). The cover is then cut from the contain
// rendering, so the box does not decide whether the image shows.
TEST_CASE("A long thin SVG covers a box whenever it fits one", "[images]")
{
    const std::string path = std::string(KIOSK_FIXTURES_DIR) + "/fuzz/image/svg-cover-of-thin-drawing.svg";
    DecodedImage contained = DecodeImage(path, ImageLimits{}, 192, 144, ImageFit::Contain);
    REQUIRE(contained.ok);
    CHECK((contained.image.width == 192 && contained.image.height == 1));
    DecodedImage covered = DecodeImage(path, ImageLimits{}, 80, 120, ImageFit::Cover);
    INFO(covered.error);
    REQUIRE(covered.ok);
    CHECK((covered.image.width == 80 && covered.image.height == 120));
    CHECK((covered.source_width == 2406 && covered.source_height == 2));
    // A cover that librsvg renders itself is unchanged: the same drawing without its opacity.
    TempDir dir;
    std::string text = ReadText(path);
    const std::string opacity = " opacity=\"0.3\"";
    REQUIRE(text.find(opacity) != std::string::npos);
    text.erase(text.find(opacity), opacity.size());
    const std::string opaque = dir.File("opaque.svg");
    WriteText(opaque, text);
    DecodedImage direct = DecodeImage(opaque, ImageLimits{}, 80, 120, ImageFit::Cover);
    REQUIRE(direct.ok);
    CHECK((direct.image.width == 80 && direct.image.height == 120));
}

// Found by fuzzing: an SVG whose viewBox is 233333333340 wide. The probe (what --validate runs)
// refused it as absurd while the decode drew it as a hairline, so a file the validator rejects
// would still have shown. Both now refuse it with the same reason.
TEST_CASE("an SVG of absurd size is refused by the probe and the decode alike", "[images]")
{
    const std::string path =
        std::string(KIOSK_FIXTURES_DIR) + "/fuzz/image/svg-absurd-viewbox-decoded-but-refused-by-probe.svg";
    const ImageProbe probe = ProbeImage(path);
    CHECK_FALSE(probe.ok);
    CHECK(probe.error.find("absurd") != std::string::npos);
    for (ImageFit fit : {ImageFit::Contain, ImageFit::Cover})
    {
        const DecodedImage d = DecodeImage(path, ImageLimits{}, 240, 240, fit);
        CHECK_FALSE(d.ok);
        CHECK(d.error == probe.error);
        CHECK(d.image.pixels.empty());
    }
}

TEST_CASE("SVG is rasterised at the requested size", "[images]")
{
    TempDir dir;
    std::string path = dir.File("card.svg");
    WriteText(path, kRedSvg);

    ImageProbe probe = ProbeImage(path);
    CHECK(probe.ok);
    CHECK(probe.format == ImageFormat::Svg);
    CHECK((probe.width == 100 && probe.height == 50)); // from the viewBox

    for (auto [w, h] : {std::pair{400, 400}, std::pair{800, 480}, std::pair{3840, 2160}})
    {
        INFO(w << "x" << h);
        DecodedImage d = DecodeImage(path, ImageLimits{}, w, h, ImageFit::Contain);
        REQUIRE(d.ok);
        double scale = std::min(w / 100.0, h / 50.0);
        CHECK(d.image.width == int(100 * scale));
        CHECK(d.image.height == int(50 * scale));
        const unsigned char* c = PixelAt(d.image, d.image.width / 2, d.image.height / 2);
        CHECK((c[0] == 255 && c[1] == 0 && c[2] == 0 && c[3] == 255));
    }
    DecodedImage cover = DecodeImage(path, ImageLimits{}, 300, 300, ImageFit::Cover);
    REQUIRE(cover.ok);
    CHECK((cover.image.width == 300 && cover.image.height == 300));
    CHECK(PixelAt(cover.image, 0, 0)[3] == 255); // filled to the corners

    DecodedImage natural = DecodeImage(path, ImageLimits{}, 0, 0);
    REQUIRE(natural.ok);
    CHECK((natural.image.width == 100 && natural.image.height == 50));
}

TEST_CASE("SVG transparency comes out as straight alpha", "[images]")
{
    TempDir dir;
    std::string path = dir.File("glass.svg");
    WriteText(path, R"(<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10">
      <rect width="20" height="10" fill="#0080ff" fill-opacity="0.5"/></svg>)");
    DecodedImage d = DecodeImage(path, ImageLimits{}, 0, 0);
    REQUIRE(d.ok);
    CHECK((d.image.width == 20 && d.image.height == 10));
    const unsigned char* c = PixelAt(d.image, 10, 5);
    CHECK(std::abs(int(c[3]) - 128) <= 1);
    CHECK(int(c[0]) <= 2);
    CHECK(std::abs(int(c[1]) - 128) <= 2); // premultiplied would be about 64
    CHECK(int(c[2]) >= 253);
}

TEST_CASE("bad SVG files give errors, never a crash", "[images]")
{
    TempDir dir;
    std::string path = dir.File("bad.svg");

    WriteText(path, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"");
    CHECK_THAT(ProbeImage(path).error, Catch::StartsWith("corrupt SVG: "));
    CHECK_FALSE(DecodeImage(path, ImageLimits{}, 64, 64).ok);

    WriteText(path, "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"10\" height=\"10\"/></svg>");
    CHECK(ProbeImage(path).error == "SVG has no usable size: give the <svg> element a viewBox (or width and height)");

    WriteText(path, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 0 0\"/>");
    CHECK_FALSE(ProbeImage(path).ok);

    // References to other files are not followed (no base file): the image renders without them.
    WriteText(path, R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
        viewBox="0 0 10 10"><image width="10" height="10" xlink:href="file:///etc/passwd"/>
        <image width="10" height="10" href=")" +
                        std::string(KIOSK_SHARED_DIR) + R"(/corpora/pngsuite/basn6a08.png"/></svg>)");
    DecodedImage d = DecodeImage(path, ImageLimits{}, 32, 32);
    REQUIRE(d.ok);
    CHECK(PixelAt(d.image, 16, 16)[3] == 0); // nothing was drawn

    // Asking for a rendering beyond the pixel limits is refused, not attempted.
    WriteText(path, kRedSvg);
    CHECK_THAT(DecodeImage(path, ImageLimits{}, 100000, 50000).error, Catch::StartsWith("rendered size refused: "));
}

// --- 7. Threads ---------------------------------------------------------------------------------

TEST_CASE("DecodeImage runs on several threads at once with the same results", "[images]")
{
    TempDir dir;
    std::vector<fs::path> files = PngSuiteFiles();
    for (int i = 0; i < 6; i++) // SVG too: each decode has its own librsvg handle
    {
        files.push_back(dir.path / ("card" + std::to_string(i) + ".svg"));
        WriteText(files.back().string(), kRedSvg);
    }
    std::vector<DecodedImage> expected;
    for (const fs::path& f : files)
        expected.push_back(DecodeImage(f.string(), ImageLimits{}, 24, 24));
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; t++)
        threads.emplace_back(
            [&, t]
            {
                for (size_t i = 0; i < files.size(); i++)
                {
                    size_t k = (i + size_t(t) * 37) % files.size();
                    DecodedImage d = DecodeImage(files[k].string(), ImageLimits{}, 24, 24);
                    if (d.ok != expected[k].ok || d.error != expected[k].error ||
                        d.image.pixels != expected[k].image.pixels)
                        mismatches++;
                }
            });
    for (auto& th : threads)
        th.join();
    CHECK(mismatches == 0);
}
