// Fuzz target: an image file from the content folder (PNG, JPEG or SVG, told apart by its bytes),
// through the kiosk's own path: ProbeImage on the file (what validation does) and DecodeImageData
// with the default size caps, scaled into a box as a screen asks (what the raster cache does).
#include "core/images/image_decode.h"
#include "fuzz_check.h"

#include <string>
#include <vector>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace
{
// The size caps bind a PNG's or JPEG's own size. An SVG's intrinsic size is only a hint (it is
// rasterised at the size shown, and the rendered size is capped), so ProbeSvg promises no more than
// a size at or below 1e9 each way (image_decode.cpp). Found by this target: a 1x26120 SVG.
bool WithinCaps(kiosk::core::ImageFormat format, long long w, long long h, const kiosk::core::ImageLimits& limits)
{
    if (format == kiosk::core::ImageFormat::Svg)
        return w <= 1000000000LL && h <= 1000000000LL;
    return w <= limits.max_width && h <= limits.max_height;
}

void CheckDecoded(const kiosk::core::DecodedImage& d, int box_w, int box_h, const kiosk::core::ImageLimits& limits)
{
    if (!d.ok)
    {
        KIOSK_FUZZ_CHECK(!d.error.empty(), "a failed decode says why");
        KIOSK_FUZZ_CHECK(d.image.pixels.empty(), "a failed decode holds no pixels");
        return;
    }
    KIOSK_FUZZ_CHECK(!d.image.Empty(), "a decoded image has pixels");
    KIOSK_FUZZ_CHECK(d.image.pixels.size() == size_t(d.image.width) * size_t(d.image.height) * 4,
                     "RGBA8 with no padding");
    KIOSK_FUZZ_CHECK(d.image.width <= box_w && d.image.height <= box_h,
                     "scaled into the box: " + std::to_string(d.image.width) + "x" + std::to_string(d.image.height));
    KIOSK_FUZZ_CHECK(d.source_width > 0 && d.source_height > 0, "the source size is known");
    KIOSK_FUZZ_CHECK(WithinCaps(d.format, d.source_width, d.source_height, limits),
                     "within the size caps: " + std::to_string(d.source_width) + "x" + std::to_string(d.source_height));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace kiosk::core;
    const ImageLimits limits; // the kiosk's defaults
    const std::string path = kiosk::fuzz::ScratchDir() + "/image";
    KIOSK_FUZZ_CHECK(kiosk::fuzz::WriteInputFile(path, data, size), "writing the image file");
    const ImageProbe probe = ProbeImage(path, limits);
    KIOSK_FUZZ_CHECK(probe.ok || !probe.error.empty(), "a failed probe says why");
    if (probe.ok)
        KIOSK_FUZZ_CHECK(probe.width > 0 && probe.height > 0 &&
                             WithinCaps(probe.format, probe.width, probe.height, limits),
                         "a probed image has a size within the caps");

    const std::vector<unsigned char> bytes(data, data + size);
    // A card's illustration (contain) and a photo strip's thumbnail (cover), as the screens ask.
    const DecodedImage contained = DecodeImageData(bytes, limits, 192, 144, ImageFit::Contain);
    CheckDecoded(contained, 192, 144, limits);
    const DecodedImage covered = DecodeImageData(bytes, limits, 80, 120, ImageFit::Cover);
    CheckDecoded(covered, 80, 120, limits);
    KIOSK_FUZZ_CHECK(contained.ok == covered.ok, "the box does not decide whether an image decodes");
    // The same bytes decode to the same pixels every time, whatever the heap held. Debian's
    // stb_image decodes in memory it does not clear, and some corrupt JPEGs left part of it
    // unwritten (image_decode.cpp, "the JPEG scan walk"); this target found that only after 256,000
    // inputs, through the check above. Decoding again with glibc's M_PERTURB filling every new
    // allocation shows it at once in the gcc replay (fuzz-replay: image); ASan ignores mallopt,
    // but its second decode gets other, recycled memory.
#ifdef __GLIBC__
    mallopt(M_PERTURB, 0xA5);
#endif
    const DecodedImage again = DecodeImageData(bytes, limits, 192, 144, ImageFit::Contain);
#ifdef __GLIBC__
    mallopt(M_PERTURB, 0);
#endif
    KIOSK_FUZZ_CHECK(again.ok == contained.ok && again.error == contained.error &&
                         again.image.pixels == contained.image.pixels,
                     "the same bytes decode the same every time");
    if (contained.ok)
        KIOSK_FUZZ_CHECK(probe.ok && probe.format == contained.format,
                         std::string("what decodes also probes, as the same format: probe ") +
                             (probe.ok ? ImageFormatName(probe.format) : probe.error));
    return 0;
}
