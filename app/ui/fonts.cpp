#include "ui/fonts.h"

#include "core/content/interface_strings.h"
#include "ui/font_atlas_cache.h"

#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <imgui_internal.h> // ImFileLoadToMemory

namespace kiosk::ui
{
namespace
{
// Welsh letters with circumflex, acute, grave and diaeresis beyond Latin-1, and the marks
// editors type: en/em dash, curly quotes, ellipsis, bullet, pound, middle dot.
const char* kExtraText = "ŴŵŶŷŸẀẁẂẃẄẅỲỳ–—‘’‚“”„…•£·×→←";

std::vector<ImWchar> BuildRanges(ImFontAtlas* atlas, const std::string& all_text, GlyphSet glyphs)
{
    ImFontGlyphRangesBuilder builder;
    static const ImWchar kAscii[] = {0x0020, 0x007E, 0};
    builder.AddRanges(glyphs == GlyphSet::Everything ? atlas->GetGlyphRangesDefault() : kAscii); // + Latin-1
    builder.AddText(kExtraText); // "…" among them: FitLine's ellipsis
    // The interface strings' English fallbacks: drawn when the pack lacks a key, or by the
    // fault screen when there is no pack at all.
    if (glyphs == GlyphSet::Everything)
        for (const kiosk::core::InterfaceString& s : kiosk::core::InterfaceStrings())
            builder.AddText(s.english.c_str(), s.english.c_str() + s.english.size());
    builder.AddText(all_text.c_str(), all_text.c_str() + all_text.size());
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    return std::vector<ImWchar>(ranges.begin(), ranges.end());
}

// A font file in a buffer from ImGui's allocator, as the atlas frees it; null when the file cannot be
// read, is empty, or is not a whole and undamaged font (LooksLikeWholeFont).
struct FontFile
{
    void* data = nullptr;
    int size = 0;
};

// The big-endian 32-bit word at p (fonts store every number so).
std::uint32_t BigEndian32(const unsigned char* p)
{
    return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

// True when the bytes start as a TrueType or OpenType font (or a collection, whose first font is
// checked) whose table directory lies inside the file and whose every table matches the checksum the
// directory gives for it. ImGui's font baker asserts, ending the process, on data that is not a font,
// and stb_truetype trusts offsets and counts inside the tables: a font cut short, garbled, or with a
// few bytes changed inside a table by a failing disk (seen: a null dereference from 'loca', a
// negative memcpy from 'hhea', an assertion from 'cmap') would end the kiosk at every start. Such a
// file is turned away here instead. The checksums are part of every TrueType/OpenType file (each
// table's 32-bit sum, 'head' summed with its whole-file adjustment as zero); all 290 font files
// Debian installed on the development machine carry correct ones. Summing ~550 KB costs ~0.1 ms.
bool LooksLikeWholeFont(const unsigned char* bytes, size_t size)
{
    auto u16 = [&](size_t at) { return at + 2 <= size ? (bytes[at] << 8 | bytes[at + 1]) : -1; };
    auto u32 = [&](size_t at) { return at + 4 <= size ? std::int64_t{BigEndian32(bytes + at)} : -1; };
    std::int64_t font = 0;
    if (u32(0) == 0x74746366) // 'ttcf': a collection; ImGui takes its first font
        font = u32(12);
    const std::int64_t tag = font >= 0 ? u32(static_cast<size_t>(font)) : -1;
    if (tag != 0x00010000 && tag != 0x74727565 /* 'true' */ && tag != 0x4F54544F /* 'OTTO' */)
        return false;
    const size_t dir = static_cast<size_t>(font);
    const int tables = u16(dir + 4);
    if (tables <= 0)
        return false;
    for (int i = 0; i < tables; i++)
    {
        const size_t record = dir + 12 + 16 * static_cast<size_t>(i);
        const std::int64_t table_tag = u32(record);
        const std::int64_t checksum = u32(record + 4);
        const std::int64_t offset = u32(record + 8);
        const std::int64_t length = u32(record + 12);
        if (checksum < 0 || offset < 0 || length < 0 || offset + length > static_cast<std::int64_t>(size))
            return false;
        // The table's big-endian 32-bit words, the last one padded with zeros.
        std::uint32_t sum = 0;
        const unsigned char* p = bytes + offset;
        const size_t n = static_cast<size_t>(length);
        size_t at = 0;
        for (; at + 4 <= n; at += 4)
            sum += BigEndian32(p + at);
        for (size_t k = 0; at + k < n; k++)
            sum += std::uint32_t{p[at + k]} << (24 - 8 * k);
        if (table_tag == 0x68656164 /* 'head' */ && n >= 12) // checkSumAdjustment is not in its own sum
            sum -= BigEndian32(p + 8);
        if (sum != static_cast<std::uint32_t>(checksum))
            return false;
    }
    return true;
}

FontFile ReadFontFile(const std::string& path)
{
    FontFile file;
    size_t size = 0;
    file.data = ImFileLoadToMemory(path.c_str(), "rb", &size);
    if (file.data && (size == 0 || size > static_cast<size_t>(INT_MAX) ||
                      !LooksLikeWholeFont(static_cast<const unsigned char*>(file.data), size)))
    {
        IM_FREE(file.data);
        file.data = nullptr;
    }
    file.size = file.data ? static_cast<int>(size) : 0;
    return file;
}

// Every size of a face reads the one copy of its file. AddFontFromFileTTF reads the file again for each
// size (the bold face four times), and ImGui 1.86 copies any buffer the atlas is not given to own; at
// start-up, filling those fresh 500 KB buffers cost the start worker more CPU than baking the glyphs.
// So the atlas is given the buffer to own with the first size added, and the configs of the later
// sizes are then marked as not owning it, so that the atlas frees it once (ImFontAtlas::ClearInputData).
ImFont* AddFont(ImFontAtlas* atlas, const FontFile& file, bool first_size, float size_px, const ImWchar* ranges)
{
    ImFontConfig config;
    // Horizontal oversampling sharpens small text; at large sizes it only triples the atlas.
    config.OversampleH = size_px < 40.0f ? 2 : 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    ImFont* font = atlas->AddFontFromMemoryTTF(file.data, file.size, std::round(size_px), &config, ranges);
    atlas->ConfigData.back().FontDataOwnedByAtlas = first_size;
    return font;
}

// "'path'", or what stands for a path the locator could not fill.
std::string Quoted(const std::string& path)
{
    return path.empty() ? std::string("(no file found)") : "'" + path + "'";
}

// Dear ImGui's built-in font (ProggyClean: ASCII and Latin-1, no Welsh ŵ or ŷ) at the five sizes: the
// last resort when neither Noto face can be used, so that the kiosk still shows readable screens
// rather than nothing. It is compiled into libimgui, so it cannot be missing or damaged on disk.
void BuildBuiltInFonts(ImFontAtlas* atlas, Fonts& fonts, float em)
{
    atlas->Clear();
    atlas->TexDesiredWidth = 2048;
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    auto add = [&](float size_px)
    {
        ImFontConfig config;
        config.SizePixels = std::round(size_px);
        config.PixelSnapH = true;
        return atlas->AddFontDefault(&config);
    };
    fonts.body = add(em);
    fonts.body_bold = add(em);
    fonts.heading = add(1.35f * em);
    fonts.title = add(2.25f * em);
    fonts.display = add(3.0f * em);
    fonts.built_in = true;
    if (!atlas->Build())
    {
        fonts.error = fonts.warning + "; the built-in font could not be built either";
        fonts.body = nullptr;
    }
    fonts.atlas_width = atlas->TexWidth;
    fonts.atlas_height = atlas->TexHeight;
}

} // namespace

Fonts BuildFonts(ImFontAtlas* atlas, const std::string& regular_ttf, const std::string& bold_ttf,
                 const Metrics& metrics, const std::string& all_text_utf8, GlyphSet glyphs, core::FileCache* cache)
{
    Fonts fonts;
    fonts.em = metrics.em;
    fonts.partial = glyphs != GlyphSet::Everything;
    fonts.ranges = std::make_shared<std::vector<ImWchar>>(BuildRanges(atlas, all_text_utf8, glyphs));
    const ImWchar* ranges = fonts.ranges->data();
    const float em = metrics.em;
    const char* kWhy = " (missing, empty, damaged, or not a TrueType or OpenType font)";
    const std::string cache_key = cache ? FontAtlasCacheKey(regular_ttf, bold_ttf, em, *fonts.ranges) : std::string();
    if (cache && LoadFontAtlas(*cache, cache_key, atlas, &fonts))
        return fonts;

    // Start with a 2048-wide atlas and widen to 4096 only if the glyphs need it.
    for (int width : {2048, kMaxAtlasSide})
    {
        FontFile regular = ReadFontFile(regular_ttf);
        FontFile bold = ReadFontFile(bold_ttf);
        // One usable face stands in for the other: headings drawn regular, or body text bold, are
        // better than no screen at all.
        if (!regular.data && !bold.data)
        {
            fonts.warning = "cannot read font files " + Quoted(regular_ttf) + " and " + Quoted(bold_ttf) + kWhy +
                            "; drawing with Dear ImGui's built-in font, which lacks Welsh letters";
            BuildBuiltInFonts(atlas, fonts, em);
            return fonts;
        }
        if (!regular.data || !bold.data)
        {
            const std::string& bad = regular.data ? bold_ttf : regular_ttf;
            const std::string& good = regular.data ? regular_ttf : bold_ttf;
            fonts.warning =
                "cannot read font file " + Quoted(bad) + kWhy + "; drawing with '" + good + "' in its place";
            if (regular.data)
                bold = regular;
            else
                regular = bold;
        }
        // When one file stands in for both faces, the atlas is given its buffer to own once.
        const bool one_file = regular.data == bold.data;
        atlas->Clear(); // frees the files the atlas owned, of an earlier build or try
        atlas->TexDesiredWidth = width;
        atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
        fonts.body = AddFont(atlas, regular, true, em, ranges);
        fonts.body_bold = AddFont(atlas, bold, !one_file, em, ranges);
        fonts.heading = AddFont(atlas, bold, false, 1.35f * em, ranges);
        fonts.title = AddFont(atlas, bold, false, 2.25f * em, ranges);
        fonts.display = AddFont(atlas, bold, false, 3.0f * em, ranges);
        if (!fonts.body || !fonts.body_bold || !fonts.heading || !fonts.title || !fonts.display || !atlas->Build())
        {
            fonts.warning = "the font atlas could not be built from " + Quoted(regular_ttf) + " and " +
                            Quoted(bold_ttf) + "; drawing with Dear ImGui's built-in font, which lacks Welsh letters";
            BuildBuiltInFonts(atlas, fonts, em);
            return fonts;
        }
        fonts.atlas_width = atlas->TexWidth;
        fonts.atlas_height = atlas->TexHeight;
        if (atlas->TexHeight <= width)
        {
            if (cache)
                StoreFontAtlas(*cache, cache_key, *atlas, fonts);
            return fonts;
        }
    }
    fonts.warning = "the font atlas needs " + std::to_string(fonts.atlas_width) + "x" +
                    std::to_string(fonts.atlas_height) + " pixels, more than " + std::to_string(kMaxAtlasSide) + "x" +
                    std::to_string(kMaxAtlasSide) +
                    "; drawing with Dear ImGui's built-in font, which lacks Welsh letters";
    BuildBuiltInFonts(atlas, fonts, em);
    return fonts;
}

bool FontsMatch(const Fonts& fonts, const Metrics& metrics)
{
    return fonts.Ok() && std::fabs(fonts.em - metrics.em) < 0.5f;
}

} // namespace kiosk::ui
