#include "ui/widgets/term_text.h"

#include "core/content/glossary.h"
#include "ui/theme.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <map>

namespace kiosk::ui
{
namespace
{
// The matches of a text do not change between frames: keep them per pack, language and text, so
// a page drawn every frame does not search its texts again. A pack is known by its address and its
// load: a reloaded pack may be allocated where the one before was.
const std::vector<core::GlossaryHit>& CachedHits(const core::ContentPack& pack, const std::string& language,
                                                 const std::string& text)
{
    static const core::ContentPack* cached_pack = nullptr;
    static std::uint64_t cached_load = 0;
    static std::map<std::string, std::vector<core::GlossaryHit>> cache;
    if (cached_pack != &pack || cached_load != pack.load_id || cache.size() > 4096)
    {
        cache.clear();
        cached_pack = &pack;
        cached_load = pack.load_id;
    }
    const std::string key = language + '\n' + text;
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.emplace(key, core::FindGlossaryTerms(pack.glossary, text, language)).first;
    return it->second;
}

} // namespace

std::vector<WrappedLine> WrapLinesAsDrawn(ImFont* font, const std::string& text, float wrap_w)
{
    std::vector<WrappedLine> lines;
    const char* start = text.c_str();
    const char* s = start;
    const char* end = start + text.size();
    while (s < end)
    {
        const char* line_end = font->CalcWordWrapPositionA(1.0f, s, end, wrap_w);
        if (line_end == s)
            ++line_end;
        // CalcWordWrapPositionA reads on past a newline (it only restarts its widths there), but
        // RenderText breaks the line at it: so must we, or a term after a hard break is marked at
        // the end of the line before it.
        const char* newline = static_cast<const char*>(std::memchr(s, '\n', static_cast<size_t>(line_end - s)));
        if (newline)
            line_end = newline;
        lines.push_back({static_cast<size_t>(s - start), static_cast<size_t>(line_end - start)});
        s = line_end;
        if (newline)
        {
            ++s; // a hard break keeps the next line's leading blanks, as RenderText does
            continue;
        }
        while (s < end && (*s == ' ' || *s == '\t'))
            ++s;
        if (s < end && *s == '\n')
            ++s;
    }
    return lines;
}

void MarkGlossaryTerms(const UiContext& ctx, ImFont* font, ImVec2 pos, const std::string& text, float wrap_w,
                       TermMarks& marks)
{
    if (!ctx.pack || ctx.pack->glossary.Empty() || text.empty())
        return;
    const std::vector<core::GlossaryHit>& hits = CachedHits(*ctx.pack, ctx.visit->language, text);
    if (hits.empty())
        return;
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::vector<WrappedLine> lines = WrapLinesAsDrawn(font, text, wrap_w);
    const float line_h = font->FontSize;
    const float pad = 0.12f * m.em;
    const float underline = std::max(2.0f, 0.1f * m.em);
    for (const core::GlossaryHit& hit : hits)
    {
        if (!marks.seen.insert(hit.term).second)
            continue; // only the first use on the screen is tappable
        const std::string id = "term:" + ctx.pack->glossary.terms[hit.term].id;
        int part = 0;
        for (size_t li = 0; li < lines.size(); li++)
        {
            const WrappedLine& line = lines[li];
            const size_t b = std::max(hit.begin, line.begin), e = std::min(hit.end, line.end);
            if (b >= e)
                continue;
            const char* base = text.c_str();
            const float x0 = pos.x + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, base + line.begin, base + b).x;
            const float x1 = x0 + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, base + b, base + e).x;
            const float y0 = pos.y + static_cast<float>(li) * line_h;
            const float y1 = y0 + line_h;
            // Touch-sized: at least touch_min tall and wide, centred on the word.
            const float cx = 0.5f * (x0 + x1), cy = 0.5f * (y0 + y1);
            const float half_w = 0.5f * std::max(x1 - x0 + 2.0f * pad, m.touch_min);
            const float half_h = 0.5f * std::max(line_h, m.touch_min);
            const TouchState t = TouchArea(ctx, part == 0 ? id : id + ":" + std::to_string(part + 1),
                                           ImVec2(cx - half_w, cy - half_h), ImVec2(cx + half_w, cy + half_h));
            // Called before the text is drawn, so the tint lies under the glyphs (text stays at
            // least 4.5:1 on accent_soft); pressed adds an outline.
            const float r = 0.25f * m.em;
            dl->AddRectFilled(ImVec2(x0 - pad, y0), ImVec2(x1 + pad, y1), p.accent_soft, r);
            if (t.pressed)
                dl->AddRect(ImVec2(x0 - pad, y0), ImVec2(x1 + pad, y1), p.accent, r, 0, underline);
            dl->AddLine(ImVec2(x0, y1 - 0.5f * underline), ImVec2(x1, y1 - 0.5f * underline), p.accent, underline);
            if (t.tapped)
                marks.action = core::OpenGlossaryTerm{ctx.pack->glossary.terms[hit.term].id};
            part++;
        }
    }
}
} // namespace kiosk::ui
