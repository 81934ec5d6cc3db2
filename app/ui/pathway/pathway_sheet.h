// The details sheet of a flowchart node: a side sheet on a landscape screen, a bottom sheet in
// portrait. A fixed header (the node's kind and Close) over a finger-scrolled body: title,
// detail, how long, what you need, the next steps, and the roles the step leads to, each a
// card that opens the role's page.
//
// Hit ids: "pathway:sheet-close", "pathway:sheet-role:<role id>", "pathway:sheet-next:<node id>".
#pragma once
#include "core/pathway/pathway_model.h"
#include "ui/screens/screens.h"
#include "ui/ui_context.h"

#include <imgui.h>

namespace kiosk::ui
{
struct SheetPlacement
{
    bool side = false; // true: along the right edge; false: along the bottom
    ImVec2 min, max;
};

// Where the sheet goes on this screen: a side sheet runs from `top` (under the top bar) down to
// `side_bottom` (above the start chips, which stay reachable); a bottom sheet rests on `bottom`
// (the screen's bottom, or the top of the control bar) and is as tall as the node's text needs,
// at most about half the space between `top` and `bottom`.
SheetPlacement PlacePathwaySheet(const UiContext& ctx, const kiosk::core::PathwayNode& node, float top,
                                 float side_bottom, float bottom);

// Draws the sheet. Actions: core::PathwayNodeOpened{""} (Close), core::PathwayNodeOpened{next id},
// core::OpenRole{id}. Scrolls with view.pathway.sheet_scroll_*; `animating` while it glides.
ScreenResult DrawPathwaySheet(const UiContext& ctx, VisitView& view, const kiosk::core::PathwayNode& node,
                              const SheetPlacement& sheet);
} // namespace kiosk::ui
