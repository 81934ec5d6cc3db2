#include "ui/fonts.h"

#include "core/content/interface_strings.h"

#include <cmath>
#include <cstdio>

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

bool FileReadable(const std::string& path)
{
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f)
        return false;
    std::fclose(f);
    return true;
}

ImFont* AddFont(ImFontAtlas* atlas, const std::string& path, float size_px, const ImWchar* ranges)
{
    ImFontConfig config;
    // Horizontal oversampling sharpens small text; at large sizes it only triples the atlas.
    config.OversampleH = size_px < 40.0f ? 2 : 1;
    config.OversampleV = 1;
    config.PixelSnapH = true;
    return atlas->AddFontFromFileTTF(path.c_str(), std::round(size_px), &config, ranges);
}

} // namespace

Fonts BuildFonts(ImFontAtlas* atlas, const std::string& regular_ttf, const std::string& bold_ttf,
                 const Metrics& metrics, const std::string& all_text_utf8, GlyphSet glyphs)
{
    Fonts fonts;
    fonts.em = metrics.em;
    fonts.partial = glyphs != GlyphSet::Everything;
    for (const std::string* path : {&regular_ttf, &bold_ttf})
        if (!FileReadable(*path))
        {
            fonts.error = "cannot read font file '" + *path + "'";
            return fonts;
        }
    fonts.ranges = std::make_shared<std::vector<ImWchar>>(BuildRanges(atlas, all_text_utf8, glyphs));
    const ImWchar* ranges = fonts.ranges->data();
    const float em = metrics.em;

    // Start with a 2048-wide atlas and widen to 4096 only if the glyphs need it.
    for (int width : {2048, kMaxAtlasSide})
    {
        atlas->Clear();
        atlas->TexDesiredWidth = width;
        atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
        fonts.body = AddFont(atlas, regular_ttf, em, ranges);
        fonts.body_bold = AddFont(atlas, bold_ttf, em, ranges);
        fonts.heading = AddFont(atlas, bold_ttf, 1.35f * em, ranges);
        fonts.title = AddFont(atlas, bold_ttf, 2.25f * em, ranges);
        fonts.display = AddFont(atlas, bold_ttf, 3.0f * em, ranges);
        if (!fonts.body || !fonts.body_bold || !fonts.heading || !fonts.title || !fonts.display || !atlas->Build())
        {
            fonts.error = "the font atlas could not be built from '" + regular_ttf + "' and '" + bold_ttf + "'";
            fonts.body = nullptr;
            return fonts;
        }
        fonts.atlas_width = atlas->TexWidth;
        fonts.atlas_height = atlas->TexHeight;
        if (atlas->TexHeight <= width)
            return fonts;
    }
    fonts.error = "the font atlas needs " + std::to_string(fonts.atlas_width) + "x" +
                  std::to_string(fonts.atlas_height) + " pixels, more than " + std::to_string(kMaxAtlasSide) + "x" +
                  std::to_string(kMaxAtlasSide);
    fonts.body = nullptr;
    return fonts;
}

bool FontsMatch(const Fonts& fonts, const Metrics& metrics)
{
    return fonts.Ok() && std::fabs(fonts.em - metrics.em) < 0.5f;
}

} // namespace kiosk::ui
