// Bar charts for the admin panel, drawn with the draw list: columns (visits per hour) and
// horizontal bars with labels (roles opened). Layout is computed first by pure functions
// (tested without drawing); sizes are in ems from the context's Metrics.
#pragma once
#include "ui/ui_context.h"

#include <cstdint>
#include <imgui.h>
#include <string>
#include <vector>

namespace kiosk::ui
{
struct BarChartItem
{
    std::string label;
    std::int64_t value = 0;
};

struct BarRect
{
    ImVec2 min, max;
};

// Column chart layout: n equal columns across [min.x, max.x] with gaps of a fifth of a column,
// heights proportional to value / max_value (at least a hairline for a non-zero value), bottoms
// on `baseline`, tops no higher than `top`.
std::vector<BarRect> LayoutColumns(const std::vector<BarChartItem>& items, float min_x, float max_x, float top,
                                   float baseline);

// Vertical columns with values above them (when they fit) and every `label_every`-th label
// underneath, on an axis line; fills [min, max].
void DrawColumnChart(const UiContext& ctx, ImVec2 min, ImVec2 max, const std::vector<BarChartItem>& items,
                     int label_every, ImU32 bar_color);

// Horizontal bars, one row per item (label on the left, bar, value at its end), as many as fit
// in the height; returns the height used.
float DrawBarChart(const UiContext& ctx, ImVec2 min, ImVec2 max, const std::vector<BarChartItem>& items,
                   ImU32 bar_color);

// Row height of DrawBarChart, for callers sizing their boxes.
float BarChartRowHeight(const Metrics& metrics);
} // namespace kiosk::ui
