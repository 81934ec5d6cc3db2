// The parts of the pathway screen around the flowchart: the "Where are you now?" start chips
// (a panel along the bottom, within reach on a tall screen), the legend of node kinds (a band
// under the top bar when there is room), and the zoom controls (-, +, Show all) at the right end
// of the chip panel's first row, so they never cover a node. Each has a measuring function and a
// drawing function that share one layout, so what is measured is what is drawn.
#pragma once
#include "core/visit/visit_actions.h"
#include "ui/ui_context.h"

#include <imgui.h>

namespace kiosk::ui
{
// Height of the start-chip panel for this width (with no start points, the zoom controls' row).
float StartChipsHeight(const UiContext& ctx, float width);

// Where the zoom controls go in the panel [min, max]: the right end of its first row.
ImVec2 ZoomControlsPos(const UiContext& ctx, ImVec2 min, ImVec2 max);

// Draws the panel in [min, max]; a tapped chip returns PathwayStartChosen (the lit chip
// returns its own id, which clears it). Hit ids "pathway:start:<id>".
core::VisitAction DrawStartChips(const UiContext& ctx, ImVec2 min, ImVec2 max);

// Height of the legend band for this width: 0 when it would need more than `max_rows` rows.
float LegendHeight(const UiContext& ctx, float width, int max_rows);
void DrawLegend(const UiContext& ctx, ImVec2 min, ImVec2 max);

enum class ZoomCommand
{
    None,
    In,
    Out,
    Fit,
};

// Size of the zoom control row; drawn with its top-left at `min`. Hit ids "pathway:zoom-out",
// "pathway:zoom-in", "pathway:fit".
ImVec2 ZoomControlsSize(const UiContext& ctx);
ZoomCommand DrawZoomControls(const UiContext& ctx, ImVec2 min);
} // namespace kiosk::ui
