// Layered graph layout (Sugiyama style) for the pathway flowchart: plain structs in, plain structs out.
// The engine is pure and deterministic: the same input gives bit-identical output on every run; it reads
// no clock, no random device and iterates no unordered container. It knows nothing about ImGui: the UI
// passes node sizes in abstract units (em-based, from measured text) and draws what comes back.
//
// Pipeline (graph_layout.cpp drives it):
//   1. cycle breaking: depth-first search, back edges reversed (graph_ranking.cpp); when a search from
//      the sources and one in input order reverse different edges, steps 2-4 run for each (side by side
//      on two threads) and the order with fewer crossings is kept;
//   2. layer assignment: network simplex, minimum total edge length (graph_ranking.cpp);
//   3. long edges split by dummy nodes, one per layer crossed;
//   4. crossing minimisation: start orders from searches, spectral orders (a power iteration over the
//      whole graph) and seeded shuffles, weighted-median sweeps with transposition, then sifting, shaking
//      (iterated local search) and moving long edges whole, the best order kept (graph_ordering.cpp);
//   5. coordinates: per-layer exact quadratic placement (pool adjacent violators) iterated over the layers,
//      so parents sit over their children and long edges run straight, with no overlaps;
//   6. routing: each edge is a chain of cubic Bezier segments through its dummy points, kept out of every
//      node box.
// Connected components are laid out separately and placed side by side, in order of their first node.
#pragma once
#include <future>
#include <vector>

namespace kiosk::core
{
// A node's box in abstract units. Width runs across the reading direction of its text, so it stays the
// horizontal extent on screen whatever the layout direction.
struct LayoutNode
{
    float width = 1.0f;
    float height = 1.0f;
};

// A directed edge between node indices. Self-loops and repeated edges are allowed.
struct LayoutEdge
{
    int from = 0;
    int to = 0;
};

enum class LayoutDirection
{
    TopToBottom, // layers are rows; edges run downwards
    LeftToRight, // layers are columns; edges run rightwards
};

// Landscape screens (width > 1.2 x height) get LeftToRight, everything else TopToBottom. A route then
// reads in the screen's long direction: left to right on a wide screen, like text, and downwards in
// portrait, where a row of wide text boxes would not fit across. Non-positive sizes give TopToBottom.
LayoutDirection ChooseDirection(float screen_width, float screen_height);

struct LayoutOptions
{
    LayoutDirection direction = LayoutDirection::TopToBottom;
    float node_gap = 1.0f;      // minimum space between two node boxes in one layer
    float layer_gap = 3.0f;     // space between consecutive layers (between the largest boxes of each)
    float edge_gap = 0.5f;      // minimum space between a long edge passing through a layer and its neighbours
    float component_gap = 2.0f; // space between the boxes of disconnected components
    // Caps on the work done; results depend only on these numbers, never on time.
    int ordering_sweeps = 24;   // cap on weighted-median sweeps per start order
    int ordering_shuffles = 8;  // cap on seeded shuffles of the input order among the start orders (0-8);
                                // a graph with a cycle laid out under two cycle breakings side by side
                                // (from 64 nodes and edges) gives each half
    int coordinate_passes = 96; // cap on placement passes over all layers (large graphs get fewer)
};

struct LayoutPoint
{
    float x = 0.0f;
    float y = 0.0f;
};

struct NodePlacement
{
    LayoutPoint centre;
    float width = 0.0f;  // as given, for convenience
    float height = 0.0f; // as given
    int layer = 0;       // 0 = first layer (top or left)
    int order = 0;       // position within its layer counting only real nodes of its component, from 0
};

// A smooth curve as a chain of cubic Bezier segments: points[0] is the start, then each segment adds
// three points (control, control, end), so points.size() == 3 * segments + 1. The curve starts on the
// boundary of the 'from' node and ends on the boundary of the 'to' node (also for reversed edges), and
// crosses no node box other than at its ends.
struct EdgeRoute
{
    std::vector<LayoutPoint> points;
    bool reversed = false;  // the edge points backwards (it was reversed to break a cycle)
    bool self_loop = false; // from == to; drawn as a loop beside the node
};

struct GraphLayout
{
    std::vector<NodePlacement> nodes; // one per input node, same order
    std::vector<EdgeRoute> edges;     // one per input edge, same order
    std::vector<int> reversed_edges;  // indices of edges reversed to break cycles, ascending (no self-loops)
    int layer_count = 0;
    LayoutPoint bounds_min; // box around all nodes and curves (with control points); (0,0) when empty
    LayoutPoint bounds_max;
    int crossings = 0;          // edge crossings in the final layout, counted between consecutive layers
    bool invalid_input = false; // an edge named a node index out of range; such edges are left unrouted
};

// Lays out the graph. Never throws on bad indices: edges with out-of-range ends get an empty route and
// set invalid_input. The result does not depend on the order of the lists: the same graph with its
// nodes and edges listed in another order gets the same layout, node for node and edge for edge. Nodes
// the layout cannot tell apart may trade places in the same picture: repeated edges take their routes
// in the order they are listed, and symmetric parts (same sizes, edges mapped onto each other) are
// placed in the order their nodes are listed. The graph is laid out relabelled in a canonical order
// (graph_canonical.h, which states the one rare exception).
GraphLayout ComputeLayout(const std::vector<LayoutNode>& nodes, const std::vector<LayoutEdge>& edges,
                          const LayoutOptions& options);

// Runs ComputeLayout on a worker thread (the inputs are copied), for graphs large enough to miss a
// frame. The result is identical to the synchronous call.
std::future<GraphLayout> ComputeLayoutAsync(std::vector<LayoutNode> nodes, std::vector<LayoutEdge> edges,
                                            LayoutOptions options);

// --- Crossing counting (graph_crossings.cpp) -----------------------------------------------------------
// The same counter serves our layouts and any other engine's output, so comparisons are fair.

// Layered form: layers[k] lists the node indices of layer k from left to right (or top to bottom); a
// node's position is its index there. An edge joining layers i < j is taken as a straight line in
// that index space (join adjacent layers through dummy nodes to count routed edges). Edges within one
// layer and edges naming nodes that appear in no layer are ignored.
long long CountCrossings(const std::vector<std::vector<int>>& layers, const std::vector<LayoutEdge>& edges);

// Geometric form: node centres plus optional curves (chains of cubic Beziers as in EdgeRoute, or any
// polyline given as a chain with collinear controls; an empty curve means a straight line). Ranks are the
// distinct coordinates of node centres along the rank axis (y for TopToBottom, x for LeftToRight), merged
// when closer than rank_tolerance. Each edge's position at every rank it spans is the node centre at its
// ends and the point where its curve meets the rank line in between; two edges cross between consecutive
// ranks when their order there strictly inverts. Edges within one rank are ignored.
long long CountCrossingsGeometric(const std::vector<LayoutPoint>& centres, const std::vector<LayoutEdge>& edges,
                                  const std::vector<std::vector<LayoutPoint>>& curves, LayoutDirection direction,
                                  float rank_tolerance = 1e-3f);

// The standard layered count from node positions alone, the one counter the benchmark applies to every
// engine: ranks as in CountCrossingsGeometric, every long edge split at each rank it spans by a virtual
// point on the straight line between its ends, inversions counted between adjacent ranks. It is the
// geometric form with no curves.
long long CountLayeredCrossings(const std::vector<LayoutPoint>& centres, const std::vector<LayoutEdge>& edges,
                                LayoutDirection direction, float rank_tolerance = 1e-3f);
} // namespace kiosk::core
