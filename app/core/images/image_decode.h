// Image decoding: PNG and JPEG through stb_image, SVG through librsvg, scaled to the size shown.
//
// Every image is untrusted input (an organiser may drop any file into the content folder):
// nothing here crashes or aborts on a bad file; every failure comes back as an error string.
// File size and pixel dimensions are checked against ImageLimits before any pixel is decoded
// (stbi_info for PNG and JPEG, the intrinsic size for SVG), and a PNG's chunk structure and CRCs
// are checked first too, because stb_image itself skips the CRCs.
//
// Error strings never name the file: the caller knows the content-relative path and puts it in
// the diagnostic's location, e.g. "photos/x.png: warning: image is 20000x20000 pixels, larger
// than the 8192x8192 limit".
//
// Threading: ProbeImage and DecodeImage may run on several threads at once. They never touch
// stb_image's global settings (stbi_set_flip_vertically_on_load and friends are global or
// per-thread state; we use none of them) and each SVG gets its own librsvg handle.
#pragma once
#include <string>
#include <vector>

namespace kiosk::core
{
// Decoded pixels: RGBA8, rows top to bottom, no padding (stride = width * 4).
// Alpha is STRAIGHT (not premultiplied): that is what ImGui's default blending
// (SRC_ALPHA, ONE_MINUS_SRC_ALPHA) expects.
struct ImageRgba
{
    int width = 0;
    int height = 0;
    std::vector<unsigned char> pixels; // width * height * 4 bytes

    bool Empty() const { return width <= 0 || height <= 0; }
    size_t ByteSize() const { return pixels.size(); }
};

// Bounds applied to every file before decoding. The defaults suit a kiosk with 1-2 GiB of RAM:
// a 40-megapixel image takes 160 MiB while decoding, before it is scaled down.
struct ImageLimits
{
    long long max_file_bytes = 32ll * 1024 * 1024;
    int max_width = 8192;
    int max_height = 8192;
    long long max_pixels = 40ll * 1000 * 1000;
};

enum class ImageFormat
{
    Unknown,
    Png,
    Jpeg,
    Svg,
};

const char* ImageFormatName(ImageFormat format); // "PNG", "JPEG", "SVG", "unknown"

// The format a file's bytes say it has (not its name); Unknown for anything else.
ImageFormat SniffImageFormat(const std::vector<unsigned char>& data);

// What a probe learns without decoding pixels. For SVG, width and height are the intrinsic size
// in CSS pixels at 96 dpi (rounded up), or the viewBox size when the document has no absolute size.
struct ImageProbe
{
    bool ok = false;
    ImageFormat format = ImageFormat::Unknown;
    int width = 0;
    int height = 0;
    std::string error; // set when !ok: a sentence for a content editor, no file name
};

// Checks that the file exists, is within the size limit, is a PNG, JPEG or SVG (by its bytes,
// not its name), has a sound structure (PNG chunks and CRCs, SVG parses) and dimensions within
// the limits. It does not decode pixels, so a PNG with corrupt compressed data can still probe
// ok and fail in DecodeImage; the UI shows a placeholder then.
ImageProbe ProbeImage(const std::string& path, const ImageLimits& limits = {});

// How an image is fitted into a target box of target_w x target_h pixels.
enum class ImageFit
{
    Contain, // whole image visible; the result has the image's aspect and fits inside the box
    Cover,   // box filled; the image is scaled to cover it and the overflow cropped from the centre
};

struct DecodedImage
{
    bool ok = false;
    ImageFormat format = ImageFormat::Unknown;
    int source_width = 0; // the file's own size (SVG: intrinsic size as in ImageProbe)
    int source_height = 0;
    ImageRgba image;   // valid when ok
    std::string error; // set when !ok
};

// Decodes a file and scales it to the size it is shown at.
//   - target_w, target_h > 0: PNG and JPEG are scaled DOWN (sRGB-correct, alpha-weighted) so
//     that the result is no larger than needed; they are never scaled up, because the GPU's
//     linear filtering does that for free. SVG is always rasterised at the target size, so
//     illustrations are crisp at every screen size.
//     Contain: result aspect = image aspect, result fits in the box (one side equal for SVG).
//     Cover: result aspect = box aspect (PNG/JPEG cropped from the centre; at most box size).
//   - target_w or target_h <= 0: the natural size (SVG: its intrinsic size).
// SVG documents are loaded from memory without a base file, so they cannot pull in other files.
DecodedImage DecodeImage(const std::string& path, const ImageLimits& limits, int target_w, int target_h,
                         ImageFit fit = ImageFit::Contain);
// The same for a file's bytes already read, within limits.max_file_bytes (the caller read them capped).
DecodedImage DecodeImageData(const std::vector<unsigned char>& data, const ImageLimits& limits, int target_w,
                             int target_h, ImageFit fit = ImageFit::Contain);

// The plan DecodeImage follows; exposed so that it can be tested on its own.
// crop_* is the part of the source that is kept (integer source pixels); out_* the result size.
struct FitPlan
{
    int crop_x = 0;
    int crop_y = 0;
    int crop_w = 0;
    int crop_h = 0;
    int out_w = 0;
    int out_h = 0;
};
FitPlan PlanFit(int source_w, int source_h, int target_w, int target_h, ImageFit fit, bool allow_upscale);
} // namespace kiosk::core
