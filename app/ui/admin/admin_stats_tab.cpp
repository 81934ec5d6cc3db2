// The Today and All time tabs: four figure tiles (visits, median visit, median without the
// walk-away time, visits finished), visits per hour of the day as 24 columns, and bars for the
// roles opened, photographs viewed, start points chosen, glossary words looked up and the quiz. Two columns on wide
// screens, one on narrow ones (the body scrolls).
#include "ui/admin/admin_parts.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets/bar_chart.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui::admin
{
namespace
{
struct Tile
{
    std::string value;
    std::string label;
};

float DrawTiles(const UiContext& ctx, const std::vector<Tile>& tiles, float x0, float x1, float top)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const float em = m.em;
    const int per_row = (x1 - x0) >= 4.0f * 11.0f * em ? 4 : 2;
    const float w = std::floor(((x1 - x0) - (per_row - 1) * m.gap) / per_row);
    float label_h = 0.0f;
    for (const Tile& t : tiles)
        label_h = std::max(label_h, TextHeight(ctx.fonts->body, t.label, w - 1.6f * em));
    const float h = 0.8f * em + ctx.fonts->title->FontSize + 0.3f * em + label_h + 0.8f * em;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float y = top;
    for (size_t i = 0; i < tiles.size(); ++i)
    {
        const int col = static_cast<int>(i) % per_row;
        if (i > 0 && col == 0)
            y += h + m.gap;
        const ImVec2 a(x0 + col * (w + m.gap), y), b(a.x + w, y + h);
        dl->AddRectFilled(a, b, p.surface, 0.4f * em);
        dl->AddRect(a, b, p.border, 0.4f * em, 0, std::max(1.0f, 0.06f * em));
        DrawText(ctx.fonts->title, ImVec2(a.x + 0.8f * em, a.y + 0.8f * em), p.text, tiles[i].value, 0.0f);
        DrawText(ctx.fonts->body, ImVec2(a.x + 0.8f * em, a.y + 0.8f * em + ctx.fonts->title->FontSize + 0.3f * em),
                 p.text_muted, tiles[i].label, w - 1.6f * em);
    }
    return y + h - top;
}

// A heading with an optional note under it; returns the height.
float Heading(const UiContext& ctx, float x, float y, float w, const std::string& title, const std::string& note)
{
    float h = DrawText(ctx.fonts->heading, ImVec2(x, y), ctx.palette->text, title, w);
    if (!note.empty())
        h += DrawText(ctx.fonts->body, ImVec2(x, y + h), ctx.palette->text_muted, note, w);
    return h + 0.4f * ctx.metrics.em;
}

float DrawHourChart(const UiContext& ctx, const core::AdminStats& stats, float x0, float x1, float top)
{
    const float em = ctx.metrics.em;
    std::vector<BarChartItem> items;
    int busiest = -1;
    for (int h = 0; h < 24; ++h)
    {
        items.push_back(BarChartItem{std::to_string(h), stats.visits_per_hour[static_cast<size_t>(h)]});
        if (items.back().value > 0 && (busiest < 0 || items.back().value > items[static_cast<size_t>(busiest)].value))
            busiest = h;
    }
    std::string note = Tr(ctx, "admin.stats.no_visits");
    if (busiest >= 0)
        note = Format(Format(Tr(ctx, "admin.stats.busiest"), "hour",
                             std::string(busiest < 10 ? "0" : "") + std::to_string(busiest) + ":00"),
                      "n", FormatCount(items[static_cast<size_t>(busiest)].value));
    float y = top + Heading(ctx, x0, top, x1 - x0, Tr(ctx, "admin.stats.per_hour"), note);
    const float chart_h = 10.0f * em;
    const float col_w = (x1 - x0) / 24.0f;
    const int label_every = col_w >= 2.2f * em ? 1 : (col_w >= 1.1f * em ? 2 : 3);
    DrawColumnChart(ctx, ImVec2(x0, y), ImVec2(x1, y + chart_h), items, label_every, ctx.palette->accent);
    return y + chart_h - top;
}

float DrawItemChart(const UiContext& ctx, const std::string& title, const std::vector<core::AdminChartItem>& chart,
                    float x0, float x1, float top)
{
    std::vector<BarChartItem> items;
    for (const auto& c : chart)
        items.push_back(BarChartItem{c.label, c.count});
    float y = top + Heading(ctx, x0, top, x1 - x0, title, items.empty() ? Tr(ctx, "admin.stats.none") : "");
    if (!items.empty())
    {
        const float h = items.size() * BarChartRowHeight(ctx.metrics);
        y += DrawBarChart(ctx, ImVec2(x0, y), ImVec2(x1, y + h), items, ctx.palette->accent);
    }
    return y - top;
}
// The quiz: starts, completion rate, where people stop, the most frequent top matches.
float DrawQuizStats(const UiContext& ctx, const core::AdminStats& stats, float x0, float x1, float top,
                    bool two_columns)
{
    const Metrics& m = ctx.metrics;
    const auto& total = stats.summary.total;
    float y = top;
    const std::vector<Tile> tiles = {
        {FormatCount(total.quiz_started), Tr(ctx, "admin.stats.quiz_started")},
        {FormatCount(total.quiz_finished), Tr(ctx, "admin.stats.quiz_finished")},
        {total.quiz_started > 0 ? std::to_string((int)std::lround(100.0 * total.QuizCompletion())) + "%" : "–",
         Tr(ctx, "admin.stats.quiz_completion")},
    };
    y += DrawTiles(ctx, tiles, x0, x1, y) + 1.2f * m.em;
    if (two_columns)
    {
        const float half = std::floor(0.5f * (x0 + x1));
        const float a = DrawItemChart(ctx, Tr(ctx, "admin.stats.quiz_stops"), stats.quiz_stops, x0, half - m.gap, y);
        const float b =
            DrawItemChart(ctx, Tr(ctx, "admin.stats.quiz_results"), stats.quiz_results, half + m.gap, x1, y);
        return y + std::max(a, b) - top;
    }
    y += DrawItemChart(ctx, Tr(ctx, "admin.stats.quiz_stops"), stats.quiz_stops, x0, x1, y) + 1.2f * m.em;
    y += DrawItemChart(ctx, Tr(ctx, "admin.stats.quiz_results"), stats.quiz_results, x0, x1, y);
    return y - top;
}

} // namespace

float DrawStatsTab(const UiContext& ctx, const core::AdminStats& stats, const std::string& period, float x0, float x1,
                   float top)
{
    const Metrics& m = ctx.metrics;
    const auto& total = stats.summary.total;
    float y = top;
    std::string note;
    if (total.untrusted_time_events > 0)
        note = Format(Tr(ctx, "admin.stats.untrusted"), "n", FormatCount(total.untrusted_time_events));
    y += Heading(ctx, x0, y, x1 - x0, period, note);
    const std::vector<Tile> tiles = {
        {FormatCount(total.visits), Tr(ctx, "admin.stats.visits")},
        {total.visits_ended > 0 ? FormatDuration(ctx, total.median_visit_s) : "–", Tr(ctx, "admin.stats.median_visit")},
        {total.visits_ended > 0 ? FormatDuration(ctx, total.median_engaged_s) : "–",
         Tr(ctx, "admin.stats.median_engaged")},
        {FormatCount(total.visits_ended), Tr(ctx, "admin.stats.visits_finished")},
    };
    y += DrawTiles(ctx, tiles, x0, x1, y) + 1.2f * m.em;

    const bool two_columns = (x1 - x0) >= 50.0f * m.em;
    if (two_columns)
    {
        const float mid = std::floor(x0 + 0.58f * (x1 - x0));
        const float left = DrawHourChart(ctx, stats, x0, mid - m.gap, y);
        const float right = DrawItemChart(ctx, Tr(ctx, "admin.stats.roles"), stats.top_roles, mid + m.gap, x1, y);
        y += std::max(left, right) + 1.2f * m.em;
        const float half = std::floor(0.5f * (x0 + x1));
        const float a = DrawItemChart(ctx, Tr(ctx, "admin.stats.photos"), stats.top_photos, x0, half - m.gap, y);
        const float b =
            DrawItemChart(ctx, Tr(ctx, "admin.stats.start_points"), stats.start_points, half + m.gap, x1, y);
        y += std::max(a, b) + 1.2f * m.em;
        y += DrawItemChart(ctx, Tr(ctx, "admin.stats.glossary"), stats.glossary_terms, x0, half - m.gap, y) +
             1.2f * m.em;
        y += DrawQuizStats(ctx, stats, x0, x1, y, true);
    }
    else
    {
        y += DrawHourChart(ctx, stats, x0, x1, y) + 1.2f * m.em;
        y += DrawItemChart(ctx, Tr(ctx, "admin.stats.roles"), stats.top_roles, x0, x1, y) + 1.2f * m.em;
        y += DrawItemChart(ctx, Tr(ctx, "admin.stats.photos"), stats.top_photos, x0, x1, y) + 1.2f * m.em;
        y += DrawItemChart(ctx, Tr(ctx, "admin.stats.start_points"), stats.start_points, x0, x1, y) + 1.2f * m.em;
        y += DrawItemChart(ctx, Tr(ctx, "admin.stats.glossary"), stats.glossary_terms, x0, x1, y) + 1.2f * m.em;
        y += DrawQuizStats(ctx, stats, x0, x1, y, false);
    }
    return y - top;
}
} // namespace kiosk::ui::admin
