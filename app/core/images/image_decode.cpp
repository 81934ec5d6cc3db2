// Image decoding for the kiosk: bounded file reads, format sniffing, PNG structure checks,
// stb_image for PNG/JPEG, librsvg + cairo for SVG (through our module careers-kiosk-svg.so, opened on
// the first SVG: core/images/svg_plugin_abi.h), and scaling to the displayed size.
//
// Sections
//   1. Small helpers (messages, file reading)
//   2. Format sniffing, the PNG chunk walk, JPEG EXIF orientation, the JPEG scan walk
//   3. Limits
//   4. Probing (header only), and the SVG module opened on first use
//   5. Fit planning
//   6. PNG/JPEG decode and scale
//   7. SVG rasterisation
//   8. DecodeImage
#include "core/images/image_decode.h"

#include "core/images/svg_plugin_abi.h"
#include "core/plugins/plugin_module.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stb_image.h>
#include <stb_image_resize.h>
#include <utility>

namespace kiosk::core
{
namespace
{
// --- 1. Small helpers ------------------------------------------------------------------------

std::string Format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
std::string Format(const char* fmt, ...)
{
    char buf[512];
    va_list args;
    va_start(args, fmt);
    std::vsnprintf(buf, sizeof(buf), fmt, args);
    va_end(args);
    return buf;
}

std::string MiB(long long bytes)
{
    double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
    if (mib >= 10.0 || std::floor(mib) == mib)
        return Format("%.0f MiB", mib);
    return Format("%.1f MiB", mib);
}

// Reads the whole file, refusing anything over max_bytes before reading it.
bool ReadFileCapped(const std::string& path, long long max_bytes, std::vector<unsigned char>& out, std::string& error)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::file_status status = fs::status(path, ec);
    if (ec || !fs::exists(status))
    {
        error = (ec && ec != std::errc::no_such_file_or_directory) ? "cannot read the file: " + ec.message()
                                                                   : "file not found";
        return false;
    }
    if (fs::is_directory(status))
    {
        error = "is a folder, not an image file";
        return false;
    }
    if (!fs::is_regular_file(status))
    {
        error = "is not a regular file";
        return false;
    }
    std::uintmax_t size = fs::file_size(path, ec);
    if (ec)
    {
        error = "cannot read the file: " + ec.message();
        return false;
    }
    if (size == 0)
    {
        error = "file is empty";
        return false;
    }
    if (size > static_cast<std::uintmax_t>(max_bytes))
    {
        error = "file is " + MiB(static_cast<long long>(size)) + ", larger than the " + MiB(max_bytes) + " limit";
        return false;
    }
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
    {
        error = std::string("cannot open the file: ") + std::strerror(errno);
        return false;
    }
    // Read one byte more than expected so that a file growing under us is noticed and capped.
    out.resize(static_cast<size_t>(size) + 1);
    size_t got = std::fread(out.data(), 1, out.size(), f);
    bool read_error = std::ferror(f) != 0;
    std::fclose(f);
    if (read_error)
    {
        error = "cannot read the file";
        return false;
    }
    if (got > static_cast<size_t>(max_bytes))
    {
        error = "file is larger than the " + MiB(max_bytes) + " limit";
        return false;
    }
    if (got == 0)
    {
        error = "file is empty";
        return false;
    }
    out.resize(got);
    return true;
}

uint32_t ReadBe32(const unsigned char* p)
{
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | uint32_t(p[3]);
}

// stb_image's reasons are terse ("bad zlib header"); keep them, but spell out memory failures.
std::string StbReason()
{
    const char* reason = stbi_failure_reason();
    if (!reason)
        return "unknown error";
    if (std::strcmp(reason, "outofmem") == 0)
        return "not enough memory to decode it";
    return reason;
}

// --- 2. Format sniffing and the PNG chunk walk -----------------------------------------------

const unsigned char kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

ImageFormat SniffFormat(const std::vector<unsigned char>& data)
{
    if (data.size() >= 8 && std::memcmp(data.data(), kPngSignature, 8) == 0)
        return ImageFormat::Png;
    if (data.size() >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        return ImageFormat::Jpeg;
    // SVG is XML text: after an optional UTF-8 BOM and white space it starts with '<', and an
    // <svg element appears early (after any XML declaration, comments and DOCTYPE).
    size_t i = 0;
    if (data.size() >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
        i = 3;
    while (i < data.size() && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
        i++;
    if (i < data.size() && data[i] == '<')
    {
        size_t window = std::min(data.size(), i + size_t(64 * 1024));
        static const char kSvgTag[] = "<svg";
        auto end = data.begin() + static_cast<std::ptrdiff_t>(window);
        if (std::search(data.begin() + static_cast<std::ptrdiff_t>(i), end, kSvgTag, kSvgTag + 4) != end)
            return ImageFormat::Svg;
    }
    return ImageFormat::Unknown;
}

// CRC-32 as PNG uses it, eight bytes at a time ("slicing by 8"): a big photo's chunks are
// checked in a few milliseconds rather than tens.
using CrcTables = std::array<std::array<uint32_t, 256>, 8>;

const CrcTables& CrcTable()
{
    static const CrcTables tables = []
    {
        CrcTables t{};
        for (uint32_t n = 0; n < 256; n++)
        {
            uint32_t c = n;
            for (int k = 0; k < 8; k++)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[0][n] = c;
        }
        for (uint32_t n = 0; n < 256; n++)
            for (size_t k = 1; k < 8; k++)
                t[k][n] = (t[k - 1][n] >> 8) ^ t[0][t[k - 1][n] & 0xFF];
        return t;
    }();
    return tables;
}

uint32_t Crc32(const unsigned char* p, size_t n)
{
    const CrcTables& t = CrcTable();
    uint32_t c = 0xFFFFFFFFu;
    while (n >= 8)
    {
        uint32_t lo = c ^ (uint32_t(p[0]) | (uint32_t(p[1]) << 8) | (uint32_t(p[2]) << 16) | (uint32_t(p[3]) << 24));
        uint32_t hi = uint32_t(p[4]) | (uint32_t(p[5]) << 8) | (uint32_t(p[6]) << 16) | (uint32_t(p[7]) << 24);
        c = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^ t[3][hi & 0xFF] ^
            t[2][(hi >> 8) & 0xFF] ^ t[1][(hi >> 16) & 0xFF] ^ t[0][hi >> 24];
        p += 8;
        n -= 8;
    }
    while (n-- > 0)
        c = t[0][(c ^ *p++) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::string ChunkName(const unsigned char* type)
{
    std::string name;
    for (int i = 0; i < 4; i++)
    {
        unsigned char ch = type[i];
        name += (ch >= 0x20 && ch < 0x7F) ? static_cast<char>(ch) : '?';
    }
    return name;
}

// Reads the PNG's IHDR dimensions (the signature is already checked).
bool PngHeaderSize(const std::vector<unsigned char>& data, uint32_t& w, uint32_t& h, std::string& error)
{
    if (data.size() < 33)
    {
        error = "corrupt PNG: the file is too short to hold a header";
        return false;
    }
    if (ReadBe32(&data[8]) != 13 || std::memcmp(&data[12], "IHDR", 4) != 0)
    {
        error = "corrupt PNG: the first chunk is not a valid IHDR header";
        return false;
    }
    w = ReadBe32(&data[16]);
    h = ReadBe32(&data[20]);
    if (w == 0 || h == 0)
    {
        error = "corrupt PNG: the header gives a zero width or height";
        return false;
    }
    return true;
}

// Walks every chunk: lengths within the file, CRCs right, an IDAT present, IEND at the end.
// stb_image ignores CRCs, so without this a damaged file could decode to garbage silently.
bool CheckPngChunks(const std::vector<unsigned char>& data, std::string& error)
{
    size_t pos = 8;
    bool seen_idat = false;
    int index = 0;
    while (true)
    {
        if (pos + 8 > data.size())
        {
            error = "corrupt PNG: the file ends before its IEND chunk (truncated?)";
            return false;
        }
        uint32_t length = ReadBe32(&data[pos]);
        const unsigned char* type = &data[pos + 4];
        std::string name = ChunkName(type);
        for (int i = 0; i < 4; i++)
        {
            bool letter = (type[i] >= 'A' && type[i] <= 'Z') || (type[i] >= 'a' && type[i] <= 'z');
            if (!letter)
            {
                error = Format("corrupt PNG: invalid chunk type '%s' at byte %zu", name.c_str(), pos + 4);
                return false;
            }
        }
        if (length > 0x7FFFFFFFu || data.size() - (pos + 8) < size_t(length) + 4)
        {
            error = "corrupt PNG: the file ends inside chunk '" + name + "' (truncated?)";
            return false;
        }
        uint32_t stored = ReadBe32(&data[pos + 8 + length]);
        if (Crc32(type, size_t(length) + 4) != stored)
        {
            error = "corrupt PNG: chunk '" + name + "' has a bad checksum (CRC)";
            return false;
        }
        if (index == 0 && name != "IHDR")
        {
            error = "corrupt PNG: the first chunk is not IHDR";
            return false;
        }
        if (name == "IDAT")
            seen_idat = true;
        if (name == "IEND")
            break;
        pos += 8 + size_t(length) + 4;
        index++;
    }
    if (!seen_idat)
    {
        error = "corrupt PNG: it has no image data (IDAT chunk)";
        return false;
    }
    return true;
}

// The EXIF orientation of a JPEG (1-8; 1 = as stored), from the APP1 "Exif" segment. Phone
// photos are stored sideways with this tag saying how to turn them; an organiser dropping one
// in expects it upright. Anything unreadable counts as 1: orientation is a nicety, not an error.
int JpegOrientation(const std::vector<unsigned char>& data)
{
    auto be16 = [&](size_t at) { return (unsigned(data[at]) << 8) | unsigned(data[at + 1]); };
    size_t pos = 2; // after SOI
    while (pos + 4 <= data.size())
    {
        if (data[pos] != 0xFF)
            return 1;
        unsigned marker = data[pos + 1];
        if (marker == 0xFF) // fill byte
        {
            pos++;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) // start of scan or end of image: no EXIF before it
            return 1;
        size_t length = be16(pos + 2);
        if (length < 2 || pos + 2 + length > data.size())
            return 1;
        const unsigned char* seg = &data[pos + 4];
        size_t seg_len = length - 2;
        if (marker == 0xE1 && seg_len >= 14 && std::memcmp(seg, "Exif\0\0", 6) == 0)
        {
            const unsigned char* tiff = seg + 6;
            size_t tiff_len = seg_len - 6;
            bool little = tiff[0] == 'I' && tiff[1] == 'I';
            if (!little && !(tiff[0] == 'M' && tiff[1] == 'M'))
                return 1;
            auto u16 = [&](size_t at) -> unsigned
            {
                return little ? unsigned(tiff[at]) | (unsigned(tiff[at + 1]) << 8)
                              : (unsigned(tiff[at]) << 8) | unsigned(tiff[at + 1]);
            };
            auto u32 = [&](size_t at) -> uint32_t
            {
                return little ? uint32_t(u16(at)) | (uint32_t(u16(at + 2)) << 16)
                              : (uint32_t(u16(at)) << 16) | uint32_t(u16(at + 2));
            };
            if (u16(2) != 42)
                return 1;
            size_t ifd = u32(4);
            if (ifd < 8 || ifd + 2 > tiff_len)
                return 1;
            size_t count = u16(ifd);
            for (size_t i = 0; i < count; i++)
            {
                size_t entry = ifd + 2 + i * 12;
                if (entry + 12 > tiff_len)
                    return 1;
                if (u16(entry) == 0x0112) // Orientation, SHORT
                {
                    unsigned value = u16(entry + 8);
                    return (u16(entry + 2) == 3 && value >= 1 && value <= 8) ? int(value) : 1;
                }
            }
            return 1;
        }
        pos += 2 + length;
    }
    return 1;
}

// Turns an image upright according to its EXIF orientation (5-8 swap width and height).
ImageRgba ApplyOrientation(const ImageRgba& in, int orientation)
{
    if (orientation <= 1 || orientation > 8)
        return in;
    const int w = in.width, h = in.height;
    const bool swap = orientation >= 5;
    ImageRgba out;
    out.width = swap ? h : w;
    out.height = swap ? w : h;
    out.pixels.resize(in.pixels.size());
    for (int y = 0; y < out.height; y++)
        for (int x = 0; x < out.width; x++)
        {
            int sx = x, sy = y;
            switch (orientation)
            {
            case 2:
                sx = w - 1 - x;
                break; // mirrored
            case 3:
                sx = w - 1 - x;
                sy = h - 1 - y;
                break; // upside down
            case 4:
                sy = h - 1 - y;
                break; // mirrored upside down
            case 5:
                sx = y;
                sy = x;
                break; // transposed
            case 6:
                sx = y;
                sy = h - 1 - x;
                break; // needs a quarter turn clockwise
            case 7:
                sx = w - 1 - y;
                sy = h - 1 - x;
                break; // transversed
            case 8:
                sx = w - 1 - y;
                sy = x;
                break; // needs a quarter turn anticlockwise
            default:
                break;
            }
            std::memcpy(&out.pixels[(size_t(y) * size_t(out.width) + size_t(x)) * 4],
                        &in.pixels[(size_t(sy) * size_t(w) + size_t(sx)) * 4], 4);
        }
    return out;
}

// The JPEG scan walk. Debian's stb_image (2.27) allocates its decoder state and its planes of
// pixels and coefficients without clearing them, and trusts the file to fill them: a scan using a
// Huffman or quantisation table the file never defined, a colour component no scan covers, or a
// scan cut short where a restart marker is missing decodes from whatever earlier allocations left
// in that memory. The same file then decodes on one call and fails, or shows other pixels, on the
// next (found by fuzzing: tests/fixtures/fuzz/image/jpeg-corrupt-decode-depends-on-history.jpg;
// valgrind names stb_image's own allocation). Its memory is not ours to clear, so such files are
// refused before it sees them. The walk reads markers exactly as stb_image 2.27 does
// (stbi__decode_jpeg_header, stbi__decode_jpeg_image, stbi__process_marker), so it sees the same
// tables and scans; wherever stb_image would stop with an error of its own, the walk stops and
// leaves that error to it.
class JpegScanWalk
{
public:
    explicit JpegScanWalk(const std::vector<unsigned char>& data) : m_data(data) {}

    // False, with the reason, when stb_image would read memory the file never wrote.
    bool Check(std::string& error)
    {
        if (NextMarker() != 0xD8) // SOI
            return true;
        unsigned m = NextMarker();
        while (m != 0xC0 && m != 0xC1 && m != 0xC2) // stb_image skips junk between segments before SOF
        {
            if (!Segment(m))
                return true;
            m = NextMarker();
            while (m == kNone)
            {
                if (m_pos >= m_data.size())
                    return true;
                m = NextMarker();
            }
        }
        m_progressive = m == 0xC2;
        if (!Frame())
            return true;
        for (m = NextMarker(); m != 0xD9; m = NextMarker()) // up to EOI; stb_image fails without one
        {
            if (m == 0xDA)
            {
                if (!Scan(error))
                    return error.empty();
            }
            else if (m == 0xDC) // DNL
            {
                if (Get16() != 4 || Get16() != m_height)
                    return true;
            }
            else if (!Segment(m))
                return true;
        }
        for (int i = 0; i < m_count; i++)
        {
            const Component& c = m_components[i];
            if (m_progressive ? !c.dc_first : !c.scanned)
            {
                error = Format("corrupt JPEG: colour component %d has no image data (no scan covers it)", i + 1);
                return false;
            }
            if (!m_quant[c.tq]) // a progressive file is dequantised at the end
            {
                error = "corrupt JPEG: it uses a quantisation table that it does not define";
                return false;
            }
        }
        return true;
    }

private:
    static constexpr unsigned kNone = 0xFF; // stb_image's "no marker"

    struct Component
    {
        unsigned id = 0, h = 1, v = 1, tq = 0;
        bool scanned = false, dc_first = false;
    };

    // stb_image's readers: zero past the end, never an error.
    unsigned Get8() { return m_pos < m_data.size() ? m_data[m_pos++] : 0u; }
    unsigned Get16()
    {
        unsigned hi = Get8();
        return (hi << 8) | Get8();
    }
    void Skip(long n)
    {
        if (n < 0)
            m_pos = m_data.size();
        else
            m_pos = std::min(m_data.size(), m_pos + size_t(n));
    }
    unsigned NextMarker()
    {
        if (m_cached != kNone)
            return std::exchange(m_cached, kNone);
        unsigned x = Get8();
        if (x != 0xFF)
            return kNone;
        while (x == 0xFF)
            x = Get8();
        return x;
    }

    // A table, restart interval, APPn or comment segment; false where stb_image fails.
    bool Segment(unsigned m)
    {
        if (m == 0xDD) // DRI
        {
            if (Get16() != 4)
                return false;
            m_restart_interval = Get16();
            return true;
        }
        if (m == 0xDB || m == 0xC4) // DQT, DHT
        {
            long left = long(Get16()) - 2;
            while (left > 0)
            {
                unsigned q = Get8(), kind = q >> 4, index = q & 15;
                if (kind > 1 || index > 3)
                    return false;
                long n = 0;
                if (m == 0xDB)
                {
                    n = kind ? 128 : 64;
                    m_quant[index] = true;
                    left -= 1;
                }
                else
                {
                    for (int i = 0; i < 16; i++)
                        n += Get8();
                    (kind ? m_ac : m_dc)[index] = true;
                    left -= 17;
                }
                Skip(n);
                left -= n;
            }
            return left == 0;
        }
        if ((m >= 0xE0 && m <= 0xEF) || m == 0xFE) // APPn, COM
        {
            long length = Get16();
            if (length < 2)
                return false;
            Skip(length - 2);
            return true;
        }
        return false;
    }

    bool Frame()
    {
        unsigned length = Get16();
        if (length < 11 || Get8() != 8)
            return false;
        m_height = Get16();
        m_width = Get16();
        m_count = int(Get8());
        if (m_height == 0 || m_width == 0 || (m_count != 1 && m_count != 3 && m_count != 4) ||
            length != 8 + 3 * unsigned(m_count))
            return false;
        for (int i = 0; i < m_count; i++)
        {
            Component& c = m_components[i];
            c.id = Get8();
            unsigned q = Get8();
            c.h = q >> 4;
            c.v = q & 15;
            c.tq = Get8();
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3)
                return false;
            m_h_max = std::max(m_h_max, c.h);
            m_v_max = std::max(m_v_max, c.v);
        }
        for (int i = 0; i < m_count; i++)
            if (m_h_max % m_components[i].h != 0 || m_v_max % m_components[i].v != 0)
                return false;
        return true;
    }

    // One scan: its header, the tables it uses, its entropy-coded data. False with an error to
    // refuse the file, false without one where stb_image fails by itself.
    bool Scan(std::string& error)
    {
        unsigned length = Get16();
        int n = int(Get8());
        if (n < 1 || n > 4 || n > m_count || length != 6 + 2 * unsigned(n))
            return false;
        int order[4] = {};
        unsigned dc_table[4] = {}, ac_table[4] = {};
        for (int i = 0; i < n; i++)
        {
            unsigned id = Get8(), q = Get8();
            int which = 0;
            while (which < m_count && m_components[which].id != id)
                which++;
            if (which == m_count || (q >> 4) > 3 || (q & 15) > 3)
                return false;
            order[i] = which;
            dc_table[i] = q >> 4;
            ac_table[i] = q & 15;
        }
        unsigned spectral_start = Get8(), spectral_end = Get8(), approx = Get8();
        unsigned approx_high = approx >> 4, approx_low = approx & 15;
        if (m_progressive ? (spectral_start > 63 || spectral_end > 63 || spectral_start > spectral_end ||
                             approx_high > 13 || approx_low > 13)
                          : (spectral_start != 0 || approx != 0))
            return false;
        for (int i = 0; i < n; i++)
        {
            Component& c = m_components[order[i]];
            // Baseline decodes with both Huffman tables and dequantises at once; a progressive
            // first DC scan uses the DC table (and clears the block), an AC scan the AC table.
            bool dc_used = !m_progressive || (spectral_start == 0 && approx_high == 0);
            bool ac_used = !m_progressive || spectral_start > 0;
            if ((dc_used && !m_dc[dc_table[i]]) || (ac_used && !m_ac[ac_table[i]]))
            {
                error = "corrupt JPEG: a scan uses a Huffman table that the file does not define before it";
                return false;
            }
            if (!m_progressive && !m_quant[c.tq])
            {
                error = "corrupt JPEG: a scan uses a quantisation table that the file does not define before it";
                return false;
            }
            c.scanned = true;
            if (m_progressive && spectral_start == 0 && approx_high == 0)
                c.dc_first = true;
        }
        // The entropy-coded data, up to the next marker other than a restart marker (RSTn).
        unsigned long restarts = 0;
        while (true)
        {
            // memchr: a photo's data is megabytes, and only 0xFF bytes matter here.
            const void* ff = m_pos < m_data.size() ? std::memchr(&m_data[m_pos], 0xFF, m_data.size() - m_pos) : nullptr;
            if (!ff)
                return false; // no marker, so no EOI: stb_image fails
            m_pos = size_t(static_cast<const unsigned char*>(ff) - m_data.data()) + 1;
            unsigned next = Get8();
            while (next == 0xFF)
                next = Get8();
            if (next == 0)
                continue;
            if (next >= 0xD0 && next <= 0xD7)
            {
                restarts++;
                continue;
            }
            m_cached = next;
            break;
        }
        // With a restart interval, stb_image ends the scan early, leaving the rest of the image
        // unwritten, wherever a restart marker is due but not yet read.
        if (m_restart_interval > 0)
        {
            unsigned long units = 0; // MCUs, or blocks of the one component
            if (n == 1)
            {
                const Component& c = m_components[order[0]];
                unsigned long w = (m_width * c.h + m_h_max - 1) / m_h_max, h = (m_height * c.v + m_v_max - 1) / m_v_max;
                units = ((w + 7) / 8) * ((h + 7) / 8);
            }
            else
                units = ((m_width + m_h_max * 8 - 1) / (m_h_max * 8)) * ((m_height + m_v_max * 8 - 1) / (m_v_max * 8));
            if (units > 0 && restarts < (units - 1) / m_restart_interval)
            {
                error = "corrupt JPEG: a scan has fewer restart markers than its restart interval calls for";
                return false;
            }
        }
        return true;
    }

    const std::vector<unsigned char>& m_data;
    size_t m_pos = 0;
    unsigned m_cached = kNone; // a marker that ended a scan's data, read next
    bool m_dc[4] = {}, m_ac[4] = {}, m_quant[4] = {};
    unsigned m_restart_interval = 0;
    bool m_progressive = false;
    unsigned m_width = 0, m_height = 0, m_h_max = 1, m_v_max = 1;
    int m_count = 0;
    Component m_components[4];
};

// --- 3. Limits -------------------------------------------------------------------------------

bool CheckDimensions(long long w, long long h, const ImageLimits& limits, std::string& error)
{
    if (w > limits.max_width || h > limits.max_height)
    {
        error =
            Format("image is %lldx%lld pixels, larger than the %dx%d limit", w, h, limits.max_width, limits.max_height);
        return false;
    }
    if (w * h > limits.max_pixels)
    {
        error = Format("image is %lldx%lld pixels (%.1f megapixels), more than the %.1f megapixel limit", w, h,
                       double(w) * double(h) / 1e6, double(limits.max_pixels) / 1e6);
        return false;
    }
    return true;
}

int StbLength(const std::vector<unsigned char>& data)
{
    return static_cast<int>(std::min<size_t>(data.size(), INT_MAX));
}

// --- 4. Probing ------------------------------------------------------------------------------

// Everything about a raster file short of decoding it: format, structure, dimensions, limits.
ImageProbe ProbeRaster(const std::vector<unsigned char>& data, ImageFormat format, const ImageLimits& limits)
{
    ImageProbe probe;
    probe.format = format;
    const char* kind = ImageFormatName(format);
    if (format == ImageFormat::Png)
    {
        uint32_t w = 0, h = 0;
        if (!PngHeaderSize(data, w, h, probe.error))
            return probe;
        // Dimensions first: "too big" is the most useful thing to tell an editor.
        if (!CheckDimensions(w, h, limits, probe.error))
            return probe;
        if (!CheckPngChunks(data, probe.error))
            return probe;
    }
    int w = 0, h = 0, comp = 0;
    if (!stbi_info_from_memory(data.data(), StbLength(data), &w, &h, &comp))
    {
        probe.error = std::string("corrupt ") + kind + ": " + StbReason();
        return probe;
    }
    if (w <= 0 || h <= 0)
    {
        probe.error = std::string("corrupt ") + kind + ": zero width or height";
        return probe;
    }
    if (!CheckDimensions(w, h, limits, probe.error))
        return probe;
    if (format == ImageFormat::Jpeg && !JpegScanWalk(data).Check(probe.error))
        return probe;
    probe.ok = true;
    probe.width = w; // as stored; see UprightProbe
    probe.height = h;
    return probe;
}

// A JPEG's orientation, and the probe with the dimensions as the image is shown (upright).
int OrientationOf(const std::vector<unsigned char>& data, ImageFormat format)
{
    return format == ImageFormat::Jpeg ? JpegOrientation(data) : 1;
}

ImageProbe UprightProbe(ImageProbe probe, int orientation)
{
    if (probe.ok && orientation >= 5)
        std::swap(probe.width, probe.height);
    return probe;
}

// librsvg and the ~45 libraries it brings live in careers-kiosk-svg.so, opened here on the first
// SVG that is not in the illustration cache, on the thread that meets it (a decode worker, the
// content checks, or the main thread before the first frame when that frame needs the picture).
// A missing or refused module is said once in the log; every SVG then fails with the same
// reason, so it shows its placeholder, as any picture that cannot be decoded does.
struct SvgModule
{
    const KioskSvgPlugin* table = nullptr;
    std::string error; // each SVG's error when table is null
};

SvgModule OpenSvgModule()
{
    SvgModule svg;
    svg.table = PluginTable<KioskSvgPlugin>(
        OpenPluginModule(KIOSK_SVG_PLUGIN_FILE), KIOSK_SVG_PLUGIN_SYMBOL, KIOSK_SVG_PLUGIN_ABI,
        [](const KioskSvgPlugin& t) { return t.open && t.render && t.close; }, svg.error);
    if (!svg.table)
    {
        // The details once, in the log; each SVG's own error (in the log, --validate and the admin
        // panel) stays short.
        std::fprintf(stderr,
                     "careers-kiosk: SVG support is off: %s; SVG pictures show placeholders (reinstall "
                     "careers-kiosk)\n",
                     svg.error.c_str());
        svg.error = "SVG support is off (its module " KIOSK_SVG_PLUGIN_FILE " cannot be used)";
    }
    return svg;
}

const SvgModule& Svg()
{
    static const SvgModule svg = OpenSvgModule(); // thread-safe, once per process
    return svg;
}

struct SvgDocumentCloser
{
    void operator()(void* document) const { Svg().table->close(document); }
};
using SvgDocument = std::unique_ptr<void, SvgDocumentCloser>;

// Parses an SVG from memory (no base file: it cannot reference other files) and finds its size.
SvgDocument LoadSvg(const std::vector<unsigned char>& data, double& w, double& h, std::string& error)
{
    const SvgModule& svg = Svg();
    if (!svg.table)
    {
        error = svg.error;
        return nullptr;
    }
    char why[512] = {};
    w = h = 0.0;
    SvgDocument document(svg.table->open(data.data(), data.size(), &w, &h, why, sizeof(why)));
    if (!document)
    {
        error = std::string("corrupt SVG: ") + (why[0] ? why : "cannot parse it");
        return nullptr;
    }
    if (!(std::isfinite(w) && std::isfinite(h) && w > 0.0 && h > 0.0))
    {
        error = "SVG has no usable size: give the <svg> element a viewBox (or width and height)";
        return nullptr;
    }
    // Refused here, for the probe (which reports the size as whole pixels) and the decode alike:
    // validation and display must agree on every file (fuzz_image found a 233333333340-wide
    // viewBox that the probe refused and the decode drew as a hairline).
    if (w > 1e9 || h > 1e9)
    {
        error = Format("SVG size %.0fx%.0f is absurd", w, h);
        return nullptr;
    }
    return document;
}

ImageProbe ProbeSvg(const std::vector<unsigned char>& data, const ImageLimits& limits)
{
    ImageProbe probe;
    probe.format = ImageFormat::Svg;
    double w = 0, h = 0;
    if (!LoadSvg(data, w, h, probe.error))
        return probe;
    // The intrinsic size is only a hint (SVG is rasterised at the size shown), so it is not held
    // to the pixel limits; the rendered size is.
    (void)limits;
    probe.ok = true;
    probe.width = std::max(1, static_cast<int>(std::ceil(w)));
    probe.height = std::max(1, static_cast<int>(std::ceil(h)));
    return probe;
}

ImageProbe ProbeData(const std::vector<unsigned char>& data, const ImageLimits& limits)
{
    ImageFormat format = SniffFormat(data);
    if (format == ImageFormat::Unknown)
    {
        ImageProbe probe;
        probe.error = "not a PNG, JPEG or SVG file";
        return probe;
    }
    if (format == ImageFormat::Svg)
        return ProbeSvg(data, limits);
    return UprightProbe(ProbeRaster(data, format, limits), OrientationOf(data, format));
}

// --- 5. Fit planning -------------------------------------------------------------------------

int RoundPositive(double v)
{
    if (!(v >= 1.0))
        return 1;
    if (v > double(INT_MAX / 2))
        return INT_MAX / 2;
    return static_cast<int>(std::lround(v));
}

// --- 6. PNG/JPEG decode and scale ------------------------------------------------------------

// sRGB <-> linear light, for the halving pass: 8-bit sRGB to 16-bit linear, and back from
// 12-bit linear (enough: one step is under one 8-bit sRGB level except in the deepest shadows).
struct SrgbTables
{
    std::array<uint16_t, 256> to_linear{};
    std::array<uint8_t, 4096> to_srgb{};
};

const SrgbTables& Srgb()
{
    static const SrgbTables tables = []
    {
        SrgbTables t;
        for (int i = 0; i < 256; i++)
        {
            double c = i / 255.0;
            double lin = c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
            t.to_linear[size_t(i)] = static_cast<uint16_t>(std::lround(lin * 65535.0));
        }
        for (int i = 0; i < 4096; i++)
        {
            double lin = (i + 0.5) / 4096.0;
            double c = lin <= 0.0031308 ? lin * 12.92 : 1.055 * std::pow(lin, 1.0 / 2.4) - 0.055;
            t.to_srgb[size_t(i)] = static_cast<uint8_t>(std::clamp(std::lround(c * 255.0), 0l, 255l));
        }
        return t;
    }();
    return tables;
}

// Halves an image (2x2 boxes; an odd last row or column is dropped) in linear light, weighting
// colour by alpha so transparent pixels do not darken their neighbours; straight alpha out.
// Used while the image is at least twice the target: it is several times cheaper than the
// general resampler on a big photo, and a box is exact for a 2:1 reduction.
ImageRgba HalveLinear(const unsigned char* src, int w, int h, size_t stride)
{
    const SrgbTables& t = Srgb();
    ImageRgba out;
    out.width = w / 2;
    out.height = h / 2;
    out.pixels.resize(size_t(out.width) * size_t(out.height) * 4);
    for (int y = 0; y < out.height; y++)
    {
        const unsigned char* r0 = src + size_t(2 * y) * stride;
        const unsigned char* r1 = r0 + stride;
        unsigned char* d = &out.pixels[size_t(y) * size_t(out.width) * 4];
        for (int x = 0; x < out.width; x++, r0 += 8, r1 += 8, d += 4)
        {
            const unsigned char* p[4] = {r0, r0 + 4, r1, r1 + 4};
            uint32_t a_sum = uint32_t(p[0][3]) + p[1][3] + p[2][3] + p[3][3];
            d[3] = static_cast<unsigned char>((a_sum + 2) / 4);
            for (int c = 0; c < 3; c++)
            {
                uint32_t lin = 0;
                if (a_sum == 4 * 255) // opaque: the common case for photographs
                    lin = (uint32_t(t.to_linear[p[0][c]]) + t.to_linear[p[1][c]] + t.to_linear[p[2][c]] +
                           t.to_linear[p[3][c]]) /
                          4;
                else if (a_sum != 0)
                    lin =
                        uint32_t((uint64_t(t.to_linear[p[0][c]]) * p[0][3] + uint64_t(t.to_linear[p[1][c]]) * p[1][3] +
                                  uint64_t(t.to_linear[p[2][c]]) * p[2][3] + uint64_t(t.to_linear[p[3][c]]) * p[3][3]) /
                                 a_sum);
                d[c] = t.to_srgb[lin >> 4];
            }
        }
    }
    return out;
}

// Crops and scales `pixels` (RGBA8, `w` pixels a row) as `plan` says, into `out`.
bool FitPixels(const unsigned char* pixels, int w, const FitPlan& plan, ImageRgba& out, std::string& error)
{
    out.width = plan.out_w;
    out.height = plan.out_h;
    out.pixels.resize(size_t(plan.out_w) * size_t(plan.out_h) * 4);
    const unsigned char* src = pixels + (size_t(plan.crop_y) * size_t(w) + size_t(plan.crop_x)) * 4;
    size_t stride = size_t(w) * 4;
    int cw = plan.crop_w, ch = plan.crop_h;
    ImageRgba halved;
    while (cw >= 2 * plan.out_w && ch >= 2 * plan.out_h && cw >= 2 && ch >= 2)
    {
        halved = HalveLinear(src, cw, ch, stride);
        src = halved.pixels.data();
        cw = halved.width;
        ch = halved.height;
        stride = size_t(cw) * 4;
    }
    if (plan.out_w == cw && plan.out_h == ch)
    {
        if (!halved.Empty())
            out = std::move(halved);
        else
            for (int y = 0; y < plan.out_h; y++)
                std::memcpy(&out.pixels[size_t(y) * size_t(plan.out_w) * 4], src + size_t(y) * stride,
                            size_t(plan.out_w) * 4);
    }
    // Otherwise scale: sRGB-correct, alpha-weighted filtering of straight-alpha pixels (flags 0).
    else if (!stbir_resize_uint8_srgb(src, cw, ch, static_cast<int>(stride), out.pixels.data(), plan.out_w, plan.out_h,
                                      plan.out_w * 4, 4, 3, 0))
    {
        error = "not enough memory to scale the image";
        return false;
    }
    return true;
}

struct StbiDeleter
{
    void operator()(unsigned char* p) const { stbi_image_free(p); }
};

// Decodes at the stored orientation, scales, then turns the (smaller) result upright. Planning
// the fit with the box turned the same way gives the same result as turning first, because
// contain and centred cover crops commute with quarter turns and flips.
bool DecodeRaster(const std::vector<unsigned char>& data, const ImageProbe& probe, int orientation, int target_w,
                  int target_h, ImageFit fit, DecodedImage& result)
{
    if (orientation >= 5)
        std::swap(target_w, target_h);
    const char* kind = ImageFormatName(probe.format);
    int w = 0, h = 0, comp = 0;
    std::unique_ptr<unsigned char, StbiDeleter> pixels(
        stbi_load_from_memory(data.data(), StbLength(data), &w, &h, &comp, 4));
    if (!pixels)
    {
        result.error = std::string("corrupt ") + kind + ": " + StbReason();
        return false;
    }
    if (w != probe.width || h != probe.height)
    {
        result.error = std::string("corrupt ") + kind + ": the decoded size differs from the header";
        return false;
    }
    FitPlan plan =
        (target_w > 0 && target_h > 0) ? PlanFit(w, h, target_w, target_h, fit, false) : FitPlan{0, 0, w, h, w, h};
    ImageRgba& out = result.image;
    if (!FitPixels(pixels.get(), w, plan, out, result.error))
        return false;
    pixels.reset();
    if (orientation > 1)
        out = ApplyOrientation(out, orientation);
    return true;
}

// --- 7. SVG rasterisation --------------------------------------------------------------------

bool RasteriseSvg(const std::vector<unsigned char>& data, const ImageLimits& limits, int target_w, int target_h,
                  ImageFit fit, DecodedImage& result)
{
    double sw = 0, sh = 0;
    SvgDocument document = LoadSvg(data, sw, sh, result.error);
    if (!document)
        return false;
    result.source_width = std::max(1, static_cast<int>(std::ceil(std::min(sw, 1e9))));
    result.source_height = std::max(1, static_cast<int>(std::ceil(std::min(sh, 1e9))));

    // The output size and where the document's viewport sits inside it.
    struct Viewport
    {
        double x, y, w, h;
    };
    int out_w = 0, out_h = 0;
    Viewport viewport{};
    if (target_w <= 0 || target_h <= 0)
    {
        out_w = result.source_width;
        out_h = result.source_height;
        viewport = {0, 0, double(out_w), double(out_h)};
    }
    else if (fit == ImageFit::Contain)
    {
        double scale = std::min(target_w / sw, target_h / sh);
        out_w = std::min(target_w, RoundPositive(sw * scale));
        out_h = std::min(target_h, RoundPositive(sh * scale));
        viewport = {0, 0, double(out_w), double(out_h)};
    }
    else
    {
        double scale = std::max(target_w / sw, target_h / sh);
        out_w = target_w;
        out_h = target_h;
        double vw = sw * scale, vh = sh * scale;
        viewport = {(out_w - vw) / 2.0, (out_h - vh) / 2.0, vw, vh};
    }
    if (!CheckDimensions(out_w, out_h, limits, result.error))
    {
        result.error = "rendered size refused: " + result.error;
        return false;
    }

    // Rendered straight into the picture's own buffer, then converted in place.
    ImageRgba& out = result.image;
    out.width = out_w;
    out.height = out_h;
    out.pixels.assign(size_t(out_w) * size_t(out_h) * 4, 0);
    char why[512] = {};
    if (!Svg().table->render(document.get(), out.pixels.data(), out_w, out_h, viewport.x, viewport.y, viewport.w,
                             viewport.h, why, sizeof(why)))
    {
        out = ImageRgba{};
        result.error = std::string("cannot render the SVG: ") + (why[0] ? why : "unknown error");
        // librsvg draws an element with opacity or a filter through an offscreen surface as big as
        // the element at the rendered scale, and refuses one beyond cairo's 32767 pixels. A cover
        // fit enlarges a long thin drawing until it fills the box, past that, where a contain fit
        // of the same drawing renders (found by fuzzing: svg-cover-of-thin-drawing.svg in
        // tests/fixtures/fuzz/image/). So that the box does not decide whether an SVG shows, such
        // a cover is cut from the contain rendering, scaled up.
        if (fit != ImageFit::Cover || target_w <= 0 || target_h <= 0)
            return false;
        DecodedImage contained;
        if (!RasteriseSvg(data, limits, target_w, target_h, ImageFit::Contain, contained))
            return false;
        result.error.clear();
        FitPlan plan =
            PlanFit(contained.image.width, contained.image.height, target_w, target_h, ImageFit::Cover, true);
        return FitPixels(contained.image.pixels.data(), contained.image.width, plan, result.image, result.error);
    }
    document.reset();

    // Cairo's ARGB32 is premultiplied, one native-endian uint32 per pixel: convert to straight RGBA8.
    for (int y = 0; y < out_h; y++)
    {
        unsigned char* dst = &out.pixels[size_t(y) * size_t(out_w) * 4];
        for (int x = 0; x < out_w; x++)
        {
            uint32_t argb;
            std::memcpy(&argb, dst + size_t(x) * 4, 4);
            uint32_t a = argb >> 24;
            uint32_t r = (argb >> 16) & 0xFF, g = (argb >> 8) & 0xFF, b = argb & 0xFF;
            if (a != 0 && a != 255)
            {
                r = std::min<uint32_t>(255, (r * 255 + a / 2) / a);
                g = std::min<uint32_t>(255, (g * 255 + a / 2) / a);
                b = std::min<uint32_t>(255, (b * 255 + a / 2) / a);
            }
            dst[x * 4 + 0] = static_cast<unsigned char>(r);
            dst[x * 4 + 1] = static_cast<unsigned char>(g);
            dst[x * 4 + 2] = static_cast<unsigned char>(b);
            dst[x * 4 + 3] = static_cast<unsigned char>(a);
        }
    }
    return true;
}
} // namespace

ImageFormat SniffImageFormat(const std::vector<unsigned char>& data)
{
    return SniffFormat(data);
}

// --- public API ------------------------------------------------------------------------------

const char* ImageFormatName(ImageFormat format)
{
    switch (format)
    {
    case ImageFormat::Png:
        return "PNG";
    case ImageFormat::Jpeg:
        return "JPEG";
    case ImageFormat::Svg:
        return "SVG";
    case ImageFormat::Unknown:
        break;
    }
    return "unknown";
}

ImageProbe ProbeImage(const std::string& path, const ImageLimits& limits)
{
    ImageProbe probe;
    std::vector<unsigned char> data;
    if (!ReadFileCapped(path, limits.max_file_bytes, data, probe.error))
        return probe;
    return ProbeData(data, limits);
}

FitPlan PlanFit(int source_w, int source_h, int target_w, int target_h, ImageFit fit, bool allow_upscale)
{
    FitPlan plan;
    if (source_w <= 0 || source_h <= 0)
        return plan;
    plan.crop_w = source_w;
    plan.crop_h = source_h;
    plan.out_w = source_w;
    plan.out_h = source_h;
    if (target_w <= 0 || target_h <= 0)
        return plan;
    double sx = double(target_w) / source_w, sy = double(target_h) / source_h;
    if (fit == ImageFit::Contain)
    {
        double scale = std::min(sx, sy);
        if (scale >= 1.0 && !allow_upscale)
            return plan;
        plan.out_w = std::min(target_w, RoundPositive(source_w * scale));
        plan.out_h = std::min(target_h, RoundPositive(source_h * scale));
        return plan;
    }
    // Cover: keep the centre part of the source that has the box's aspect.
    double scale = std::max(sx, sy);
    plan.crop_w = std::min(source_w, RoundPositive(target_w / scale));
    plan.crop_h = std::min(source_h, RoundPositive(target_h / scale));
    plan.crop_x = (source_w - plan.crop_w) / 2;
    plan.crop_y = (source_h - plan.crop_h) / 2;
    if (scale >= 1.0 && !allow_upscale)
    {
        plan.out_w = plan.crop_w;
        plan.out_h = plan.crop_h;
    }
    else
    {
        plan.out_w = target_w;
        plan.out_h = target_h;
    }
    return plan;
}

// --- 8. DecodeImage --------------------------------------------------------------------------

DecodedImage DecodeImage(const std::string& path, const ImageLimits& limits, int target_w, int target_h, ImageFit fit)
{
    std::vector<unsigned char> data;
    std::string error;
    if (!ReadFileCapped(path, limits.max_file_bytes, data, error))
    {
        DecodedImage result;
        result.error = error;
        return result;
    }
    return DecodeImageData(data, limits, target_w, target_h, fit);
}

DecodedImage DecodeImageData(const std::vector<unsigned char>& data, const ImageLimits& limits, int target_w,
                             int target_h, ImageFit fit)
{
    DecodedImage result;
    result.format = SniffFormat(data);
    bool ok = false;
    if (result.format == ImageFormat::Unknown)
        result.error = "not a PNG, JPEG or SVG file";
    else if (result.format == ImageFormat::Svg)
        ok = RasteriseSvg(data, limits, target_w, target_h, fit, result); // parses once, not twice
    else
    {
        ImageProbe probe = ProbeRaster(data, result.format, limits);
        int orientation = OrientationOf(data, result.format);
        if (!probe.ok)
            result.error = probe.error;
        else
        {
            ImageProbe upright = UprightProbe(probe, orientation);
            result.source_width = upright.width;
            result.source_height = upright.height;
            ok = DecodeRaster(data, probe, orientation, target_w, target_h, fit, result);
        }
    }
    if (!ok)
    {
        result.image = ImageRgba{};
        return result;
    }
    result.ok = true;
    return result;
}
} // namespace kiosk::core
