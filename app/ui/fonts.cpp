#include "ui/fonts.h"

#include <cmath>
#include <cstdio>

namespace kiosk::ui
{
namespace
{
// Welsh letters with circumflex, acute, grave and diaeresis beyond Latin-1, and the marks
// editors type: en/em dash, curly quotes, ellipsis, bullet, pound, middle dot.
const char* kExtraText = "ŴŵŶŷŸẀẁẂẃẄẅỲỳ–—‘’‚“”„…•£·×→←";

std::vector<ImWchar> BuildRanges(ImFontAtlas* atlas, const std::string& all_text)
{
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(atlas->GetGlyphRangesDefault()); // ASCII + Latin-1
    builder.AddText(kExtraText);
    builder.AddText(UiFixedText());
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

void AddText(std::string& out, const kiosk::core::LocalizedText& text)
{
    for (const auto& [lang, s] : text.by_language)
    {
        out += s;
        out += '\n';
    }
}
} // namespace

const char* UiFixedText()
{
    return "Content could not be loaded. Try again. Back Home Larger text High contrast English Cymraeg of "
           "Loading image";
}

Fonts BuildFonts(ImFontAtlas* atlas, const std::string& regular_ttf, const std::string& bold_ttf,
                 const Metrics& metrics, const std::string& all_text_utf8)
{
    Fonts fonts;
    fonts.em = metrics.em;
    for (const std::string* path : {&regular_ttf, &bold_ttf})
        if (!FileReadable(*path))
        {
            fonts.error = "cannot read font file '" + *path + "'";
            return fonts;
        }
    fonts.ranges = std::make_shared<std::vector<ImWchar>>(BuildRanges(atlas, all_text_utf8));
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

std::string CollectPackText(const kiosk::core::ContentPack& pack)
{
    std::string out;
    AddText(out, pack.settings.event.name);
    AddText(out, pack.settings.event.organiser);
    for (const auto& lang : pack.settings.languages)
        out += lang.name + '\n';
    for (const auto& family : pack.settings.families)
        AddText(out, family.title);
    for (const auto& role : pack.roles)
    {
        for (const auto* t : {&role.title, &role.tagline, &role.summary, &role.hours})
            AddText(out, *t);
        for (const auto* list : {&role.also_known_as, &role.what_you_do, &role.where_you_work, &role.skills,
                                 &role.working_patterns, &role.good_to_know, &role.professional_bodies})
            for (const auto& t : *list)
                AddText(out, t);
        for (const auto& pay : role.pay)
        {
            AddText(out, pay.label);
            AddText(out, pay.range);
            out += pay.band + '\n';
        }
        for (const auto& route : role.entry_routes)
        {
            AddText(out, route.title);
            AddText(out, route.text);
        }
    }
    for (const auto& photo : pack.photos)
    {
        AddText(out, photo.caption);
        AddText(out, photo.description);
    }
    for (const auto& [key, text] : pack.strings.by_key)
        AddText(out, text);
    for (const auto& node : pack.pathway.nodes)
        for (const auto* t : {&node.title, &node.detail, &node.duration, &node.requirements})
            AddText(out, *t);
    for (const auto& edge : pack.pathway.edges)
        AddText(out, edge.condition);
    for (const auto& start : pack.pathway.starts)
        AddText(out, start.title);
    for (const auto& term : pack.glossary.terms)
    {
        AddText(out, term.term);
        AddText(out, term.definition);
    }
    return out;
}
} // namespace kiosk::ui
