#include "ui/pathway/pathway_regions.h"

#include "ui/pathway/pathway_panels.h"

#include <algorithm>

namespace kiosk::ui
{
PathwayRegions LayoutPathwayRegions(const UiContext& ctx, const ChromeLayout& chrome,
                                    const kiosk::core::PathwayNode* selected)
{
    const Metrics& m = ctx.metrics;
    PathwayRegions r;
    r.bar_h = chrome.content_top;
    const float bottom = chrome.content_bottom;
    const float chips_h = StartChipsHeight(ctx, m.screen_w);
    r.chips = chips_h > 0.0f;
    float legend_h = LegendHeight(ctx, m.screen_w, m.portrait() ? 2 : 1);
    // The legend is a help, the canvas is the point: keep at least 14 em of flowchart.
    if (bottom - r.bar_h - chips_h - legend_h < 14.0f * m.em)
        legend_h = 0.0f;
    r.legend = legend_h > 0.0f;
    r.legend_min = ImVec2(0.0f, r.bar_h);
    r.legend_max = ImVec2(m.screen_w, r.bar_h + legend_h);
    r.canvas_min = ImVec2(0.0f, r.bar_h + legend_h);
    r.canvas_max = ImVec2(m.screen_w, bottom - chips_h);
    r.chips_min = ImVec2(0.0f, bottom - chips_h);
    r.chips_max = ImVec2(m.screen_w, bottom);
    r.sheet_open = selected != nullptr;
    if (selected)
        r.sheet = PlacePathwaySheet(ctx, *selected, r.bar_h, r.chips_min.y, r.chips_min.y);
    r.view_min = r.canvas_min;
    r.view_max = r.canvas_max;
    if (r.sheet_open)
    {
        if (r.sheet.side)
            r.view_max.x = r.sheet.min.x;
        else
            r.view_max.y = std::min(r.view_max.y, r.sheet.min.y);
    }
    const ImVec2 size = ZoomControlsSize(ctx);
    r.controls_min = ZoomControlsPos(ctx, r.chips_min, r.chips_max);
    r.controls_max = ImVec2(r.controls_min.x + size.x, r.controls_min.y + size.y);
    return r;
}

CameraFrame PathwayCameraFrame(const PathwayRegions& r, const Metrics& m)
{
    CameraFrame f;
    f.anchor = ImVec2(0.5f * (r.canvas_min.x + r.canvas_max.x), 0.5f * (r.canvas_min.y + r.canvas_max.y));
    f.view_min = r.view_min;
    f.view_max = r.view_max;
    f.margin = 0.8f * m.em;
    return f;
}
} // namespace kiosk::ui
