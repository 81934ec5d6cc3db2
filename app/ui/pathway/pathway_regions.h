// Where each part of the pathway screen goes, as pure layout (no drawing): the legend band under
// the top bar, the flowchart's canvas, the start-chip panel along the bottom with the zoom
// controls on it, the details sheet, and the view (the canvas minus the sheet), plus the camera
// frame for that view. The screen draws into these rectangles and tests check against them that
// nothing covers the flowchart (tests/ui/pathway/test_pathway_first_view.cpp).
#pragma once
#include "core/pathway/pathway_model.h"
#include "ui/pathway/pathway_camera.h"
#include "ui/pathway/pathway_sheet.h"
#include "ui/screens/chrome.h"
#include "ui/ui_context.h"

#include <imgui.h>

namespace kiosk::ui
{
struct PathwayRegions
{
    float bar_h = 0.0f;
    bool legend = false;
    ImVec2 legend_min, legend_max;
    ImVec2 canvas_min, canvas_max; // between the legend (or bar) and the chips
    bool chips = false;
    ImVec2 chips_min, chips_max;
    bool sheet_open = false;
    SheetPlacement sheet;
    ImVec2 view_min, view_max; // the canvas minus the sheet: what the visitor sees of the flowchart
    ImVec2 controls_min, controls_max;
};

// The regions for this screen, with the details sheet of `selected` open (null: none).
PathwayRegions LayoutPathwayRegions(const UiContext& ctx, const ChromeLayout& chrome,
                                    const kiosk::core::PathwayNode* selected);

// The camera's frame: anchored at the canvas centre, seeing the view, with a margin of 0.8 em
// kept clear around framed content.
CameraFrame PathwayCameraFrame(const PathwayRegions& r, const Metrics& m);
} // namespace kiosk::ui
