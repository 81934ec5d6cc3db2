// Draws a PathwayScene through a Camera into the current window's draw list, clipped to the
// camera's view, and takes taps on its nodes ("pathway:node:<id>").
//
// Only what intersects the view is submitted: nodes, edges (per Bezier segment) and labels
// outside it are skipped. ImGui 1.86 indexes vertices with 16 bits, so the drawing also keeps a
// vertex budget: below a readable text size, or once kFlowchartDetailBudget vertices are used,
// nodes become plain boxes and edges straight polylines; past kFlowchartHardBudget nothing more
// is drawn (taps still register). A 1000-node graph stays under 65,536 vertices at every zoom.
#pragma once
#include "core/pathway/pathway_highlight.h"
#include "ui/pathway/pathway_camera.h"
#include "ui/pathway/pathway_scene.h"
#include "ui/ui_context.h"

namespace kiosk::ui
{
inline constexpr int kFlowchartDetailBudget = 36000;
inline constexpr int kFlowchartHardBudget = 52000;

struct FlowchartInput
{
    const PathwayScene* scene = nullptr;
    const kiosk::core::Pathway* pathway = nullptr; // node ids and kinds, same order as scene nodes
    const kiosk::core::PathwayHighlight* highlight = nullptr;
    Camera camera;
    CameraFrame frame;
    int selected = -1; // node index with the open sheet, or -1
    bool taps = true;  // false while the canvas is being dragged or animated: nothing opens
};

struct FlowchartResult
{
    int tapped = -1; // node index tapped this frame, or -1
    int nodes_drawn = 0;
    int edges_drawn = 0;
    int labels_drawn = 0;
    int vertices = 0;     // vertices this drawing added to the draw list
    bool detailed = true; // false when the level of detail was lowered (small zoom or budget)
};

FlowchartResult DrawFlowchart(const UiContext& ctx, const FlowchartInput& in);

// The baked bold font closest above `pixel_size` (drawn scaled down to it), else the largest.
ImFont* FlowchartFont(const UiContext& ctx, float pixel_size);
} // namespace kiosk::ui
