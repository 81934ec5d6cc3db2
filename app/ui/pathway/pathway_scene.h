// The flowchart as geometry: node boxes sized from their measured text, laid out by the core
// layout engine (graph_layout.h), and edge curves with their condition labels, all in world
// units (pixels at zoom 1 for the current font size). Built once per pathway, language, font
// size and direction and kept in a small cache; the screen only transforms and draws it.
//
// Threading: the cache lives on the UI thread. Graphs larger than kAsyncNodeCount are laid out
// with ComputeLayoutAsync on a worker thread; until the result arrives Get() returns null and the
// screen keeps drawing frames (nothing blocks the UI thread).
#pragma once
#include "core/content/content_model.h"
#include "core/layout/graph_layout.h"
#include "core/pathway/pathway_highlight.h"
#include "ui/ui_context.h"

#include <cstdint>
#include <future>
#include <imgui.h>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::ui
{
inline constexpr size_t kAsyncNodeCount = 150;

struct SceneNode
{
    ImVec2 min, max;                      // world box
    std::string title;                    // as written (for the drawn-text record)
    std::vector<std::string> title_lines; // the title wrapped to the box
    std::string kind_label;               // the kind's name on the header band
};

struct SceneEdge
{
    int index = -1;             // in Pathway::edges
    int from = -1, to = -1;     // node indices
    std::vector<ImVec2> points; // chain of cubic Beziers (3k + 1 points), world units
    ImVec2 bb_min, bb_max;      // box around all points
    bool reversed = false;
    bool self_loop = false;
    std::vector<std::string> label_lines; // the condition, wrapped; empty = none
    ImVec2 label_centre;                  // world
    ImVec2 label_size;                    // world, padding included
};

// Sizes of a node's parts in world units (ems at zoom 1), shared by the measuring and the drawing.
struct SceneMetrics
{
    float em = 0.0f;
    float pad_x = 0.0f;    // text inset from the box sides
    float header_h = 0.0f; // kind band
    float pad_top = 0.0f;  // band to title
    float line_h = 0.0f;   // title line advance
    float pad_bottom = 0.0f;
    float rounding = 0.0f;
    float label_pad = 0.0f;
};

struct PathwayScene
{
    std::vector<SceneNode> nodes; // one per Pathway::nodes
    std::vector<SceneEdge> edges; // one per Pathway::edges that names two known nodes
    ImVec2 bounds_min, bounds_max;
    kiosk::core::LayoutDirection direction = kiosk::core::LayoutDirection::TopToBottom;
    SceneMetrics m;
    int crossings = 0;
    int layer_count = 0;
};

SceneMetrics MakeSceneMetrics(float em);

// Measures the nodes and labels with `font` (the bold body font) and lays the pathway out.
// Synchronous: for tests and small graphs.
PathwayScene BuildPathwayScene(const UiContext& ctx, kiosk::core::LayoutDirection direction);

class PathwaySceneCache
{
public:
    // The scene for this pathway, language, font and direction; null while a large graph is being
    // laid out on a worker thread (call again next frame).
    const PathwayScene* Get(const UiContext& ctx, kiosk::core::LayoutDirection direction);
    // True while a worker thread is laying out a scene that was asked for.
    bool Pending() const;
    // The lit part of the pathway for the view, memoised with the scene's pathway.
    const kiosk::core::PathwayHighlight& Highlight(const kiosk::core::ContentPack& pack,
                                                   const kiosk::core::PathwayFocus& view);
    void Clear();

    // The process-wide cache the pathway screen uses (UI thread only).
    static PathwaySceneCache& Shared();

private:
    struct Entry;
    std::vector<std::unique_ptr<Entry>> m_entries;
    std::uint64_t m_clock = 0;
    std::uint64_t m_highlight_key = 0;
    kiosk::core::PathwayHighlight m_highlight;

public:
    PathwaySceneCache();
    ~PathwaySceneCache();
    PathwaySceneCache(const PathwaySceneCache&) = delete;
    PathwaySceneCache& operator=(const PathwaySceneCache&) = delete;
};

// The highlight a pathway view asks for: start point, else a node's routes (narrowed to a role),
// else a role's routes, else nothing. Uncached.
kiosk::core::PathwayHighlight ComputePathwayHighlight(const kiosk::core::ContentPack& pack,
                                                      const kiosk::core::PathwayFocus& view);

// The ids of the nodes lit on the pathway screen for this visit (tests, logs).
std::vector<std::string> PathwayLitNodeIds(const kiosk::core::ContentPack& pack, const kiosk::core::VisitState& visit);
} // namespace kiosk::ui
