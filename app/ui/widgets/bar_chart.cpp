#include "ui/widgets/bar_chart.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
std::int64_t MaxValue(const std::vector<BarChartItem>& items)
{
    std::int64_t m = 0;
    for (const auto& i : items)
        m = std::max(m, i.value);
    return m;
}

void AddText(ImFont* font, ImVec2 pos, ImU32 color, const std::string& text)
{
    NoteDrawnText(text);
    ImGui::GetWindowDrawList()->AddText(font, font->FontSize, ImVec2(std::floor(pos.x), std::floor(pos.y)), color,
                                        text.c_str(), text.c_str() + text.size());
}
} // namespace

std::vector<BarRect> LayoutColumns(const std::vector<BarChartItem>& items, float min_x, float max_x, float top,
                                   float baseline)
{
    std::vector<BarRect> rects;
    if (items.empty() || max_x <= min_x || baseline <= top)
        return rects;
    const float n = static_cast<float>(items.size());
    const float pitch = (max_x - min_x) / n;
    const float gap = std::floor(0.2f * pitch);
    const std::int64_t most = MaxValue(items);
    for (size_t i = 0; i < items.size(); ++i)
    {
        const float x0 = std::floor(min_x + pitch * static_cast<float>(i) + 0.5f * gap);
        const float x1 = std::max(x0 + 1.0f, std::floor(min_x + pitch * static_cast<float>(i + 1) - 0.5f * gap));
        float h = 0.0f;
        if (most > 0 && items[i].value > 0)
            h = std::max(2.0f, (baseline - top) * static_cast<float>(items[i].value) / static_cast<float>(most));
        rects.push_back(BarRect{ImVec2(x0, baseline - h), ImVec2(x1, baseline)});
    }
    return rects;
}

void DrawColumnChart(const UiContext& ctx, ImVec2 min, ImVec2 max, const std::vector<BarChartItem>& items,
                     int label_every, ImU32 bar_color)
{
    const Palette& p = *ctx.palette;
    const float em = ctx.metrics.em;
    ImFont* font = ctx.fonts->body;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float label_h = font->FontSize + 0.3f * em;
    const float baseline = max.y - label_h;
    const float top = min.y + font->FontSize + 0.2f * em; // room for the value above the tallest column
    const auto rects = LayoutColumns(items, min.x, max.x, top, baseline);
    dl->AddLine(ImVec2(min.x, baseline + 0.5f), ImVec2(max.x, baseline + 0.5f), p.border, std::max(1.0f, 0.06f * em));
    label_every = std::max(label_every, 1);
    for (size_t i = 0; i < rects.size(); ++i)
    {
        const BarRect& r = rects[i];
        const float cx = 0.5f * (r.min.x + r.max.x);
        if (r.max.y > r.min.y)
            dl->AddRectFilled(r.min, r.max, bar_color, std::min(0.15f * em, 0.5f * (r.max.x - r.min.x)),
                              ImDrawFlags_RoundCornersTop);
        if (items[i].value > 0)
        {
            const std::string v = std::to_string(items[i].value);
            const float w = TextWidth(font, v);
            if (w <= (r.max.x - r.min.x) + 0.25f * (rects.size() > 1 ? rects[1].min.x - rects[0].max.x : 0.0f) + 2.0f)
                AddText(font, ImVec2(cx - 0.5f * w, r.min.y - font->FontSize - 0.1f * em), p.text, v);
        }
        if (static_cast<int>(i) % label_every == 0)
        {
            const float w = TextWidth(font, items[i].label);
            AddText(font, ImVec2(cx - 0.5f * w, baseline + 0.2f * em), p.text_muted, items[i].label);
        }
    }
}

float BarChartRowHeight(const Metrics& metrics)
{
    return std::ceil(1.7f * metrics.em);
}

float DrawBarChart(const UiContext& ctx, ImVec2 min, ImVec2 max, const std::vector<BarChartItem>& items,
                   ImU32 bar_color)
{
    const Palette& p = *ctx.palette;
    const float em = ctx.metrics.em;
    ImFont* font = ctx.fonts->body;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float row_h = BarChartRowHeight(ctx.metrics);
    const float width = max.x - min.x;
    const float label_w = std::floor(std::clamp(0.42f * width, 5.0f * em, 16.0f * em));
    const std::int64_t most = MaxValue(items);
    float value_w = TextWidth(font, std::to_string(most)) + 0.5f * em;
    const float bar_x0 = min.x + label_w + 0.5f * em;
    const float bar_span = std::max(em, max.x - bar_x0 - value_w);
    float y = min.y;
    for (const auto& item : items)
    {
        if (y + row_h > max.y + 0.5f)
            break;
        const std::string label = FitLine(font, item.label, label_w);
        NoteDrawnText(item.label);
        dl->AddText(font, font->FontSize, ImVec2(min.x, std::floor(y + 0.5f * (row_h - font->FontSize))), p.text,
                    label.c_str(), label.c_str() + label.size());
        const float w = most > 0 ? bar_span * static_cast<float>(item.value) / static_cast<float>(most) : 0.0f;
        const float bar_h = std::floor(0.62f * row_h);
        const float by = std::floor(y + 0.5f * (row_h - bar_h));
        if (w > 0.0f)
            dl->AddRectFilled(ImVec2(bar_x0, by), ImVec2(bar_x0 + std::max(2.0f, w), by + bar_h), bar_color,
                              std::min(0.15f * em, 0.5f * bar_h), ImDrawFlags_RoundCornersRight);
        AddText(font, ImVec2(bar_x0 + std::max(2.0f, w) + 0.3f * em, std::floor(y + 0.5f * (row_h - font->FontSize))),
                p.text, std::to_string(item.value));
        y += row_h;
    }
    return y - min.y;
}
} // namespace kiosk::ui
