// Fuzz target: the layered layout engine (core/layout/graph_layout.h) on arbitrary graphs.
// The bytes decode into options, up to 24 nodes with sizes and up to 64 edges (cycles, self-loops,
// repeats, and now and then an index out of range); the promises of graph_layout.h are checked:
// every coordinate finite, no two node boxes overlapping, every node inside the bounds and in a
// layer, every routed edge a Bezier chain that starts on its 'from' box, ends on its 'to' box and
// points forward once the reversals made to break cycles are undone.
#include "core/layout/graph_layout.h"
#include "fuzz_check.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace
{
using namespace kiosk::core;

// Reads bytes in order; zeros once they run out.
struct ByteReader
{
    const std::uint8_t* data;
    std::size_t size;
    std::size_t at = 0;
    bool More() const { return at < size; }
    int Next() { return at < size ? data[at++] : 0; }
    // A value in [lo, hi] from one byte.
    float Range(float lo, float hi) { return lo + (hi - lo) * static_cast<float>(Next()) / 255.0f; }
};

struct Box
{
    float x0, y0, x1, y1;
};

Box BoxOf(const NodePlacement& n)
{
    return {n.centre.x - n.width / 2, n.centre.y - n.height / 2, n.centre.x + n.width / 2, n.centre.y + n.height / 2};
}

bool Finite(const LayoutPoint& p)
{
    return std::isfinite(p.x) && std::isfinite(p.y);
}

// Float tolerance at a coordinate's magnitude (the layout sums many gaps).
float Tolerance(const LayoutPoint& p)
{
    return 1e-3f + 1e-5f * std::max(std::fabs(p.x), std::fabs(p.y));
}

bool OnBoundary(const LayoutPoint& p, const Box& b)
{
    const float eps = Tolerance(p);
    const bool within = p.x >= b.x0 - eps && p.x <= b.x1 + eps && p.y >= b.y0 - eps && p.y <= b.y1 + eps;
    const bool inside = p.x > b.x0 + eps && p.x < b.x1 - eps && p.y > b.y0 + eps && p.y < b.y1 - eps;
    return within && !inside;
}

std::string Where(std::size_t e, const LayoutPoint& p)
{
    return "edge " + std::to_string(e) + " at (" + std::to_string(p.x) + ", " + std::to_string(p.y) + ")";
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    ByteReader in{data, size};
    LayoutOptions options;
    const int flags = in.Next();
    options.direction = (flags & 1) ? LayoutDirection::LeftToRight : LayoutDirection::TopToBottom;
    options.node_gap = in.Range(0.1f, 4.0f);
    options.layer_gap = in.Range(0.5f, 8.0f);
    options.edge_gap = in.Range(0.1f, 2.0f);
    options.component_gap = in.Range(0.1f, 6.0f);
    options.ordering_sweeps = 1 + (flags >> 1) % 24;
    options.coordinate_passes = 1 + (flags >> 3) % 24;
    options.ordering_shuffles = (flags >> 4) % 9;

    const int node_count = in.Next() % 25;
    std::vector<LayoutNode> nodes(static_cast<std::size_t>(node_count));
    for (LayoutNode& n : nodes)
    {
        n.width = in.Range(0.25f, 12.0f);
        n.height = in.Range(0.25f, 6.0f);
    }
    // The rest are edges, two bytes each; an index past the last node tests invalid input.
    std::vector<LayoutEdge> edges;
    bool any_invalid = false;
    while (in.More() && edges.size() < 64)
    {
        LayoutEdge e{in.Next() % (node_count + 1), in.Next() % (node_count + 1)};
        any_invalid = any_invalid || e.from >= node_count || e.to >= node_count;
        edges.push_back(e);
    }

    const GraphLayout layout = ComputeLayout(nodes, edges, options);

    KIOSK_FUZZ_CHECK(layout.nodes.size() == nodes.size(), "one placement per node");
    KIOSK_FUZZ_CHECK(layout.edges.size() == edges.size(), "one route per edge");
    KIOSK_FUZZ_CHECK(layout.invalid_input == any_invalid, "invalid_input says whether an index was out of range");
    KIOSK_FUZZ_CHECK(Finite(layout.bounds_min) && Finite(layout.bounds_max), "finite bounds");
    for (std::size_t i = 0; i < layout.nodes.size(); i++)
    {
        const NodePlacement& n = layout.nodes[i];
        KIOSK_FUZZ_CHECK(Finite(n.centre), "node " + std::to_string(i) + " has a finite centre");
        KIOSK_FUZZ_CHECK(n.layer >= 0 && n.layer < layout.layer_count, "node " + std::to_string(i) + " in a layer");
        KIOSK_FUZZ_CHECK(n.width == nodes[i].width && n.height == nodes[i].height, "sizes as given");
        const Box b = BoxOf(n);
        const float eps = Tolerance(n.centre);
        KIOSK_FUZZ_CHECK(b.x0 >= layout.bounds_min.x - eps && b.y0 >= layout.bounds_min.y - eps &&
                             b.x1 <= layout.bounds_max.x + eps && b.y1 <= layout.bounds_max.y + eps,
                         "node " + std::to_string(i) + " inside the bounds");
    }
    for (std::size_t a = 0; a < layout.nodes.size(); a++)
        for (std::size_t b = a + 1; b < layout.nodes.size(); b++)
        {
            const Box p = BoxOf(layout.nodes[a]), q = BoxOf(layout.nodes[b]);
            const float eps = std::max(Tolerance(layout.nodes[a].centre), Tolerance(layout.nodes[b].centre));
            const bool overlap = p.x0 < q.x1 - eps && q.x0 < p.x1 - eps && p.y0 < q.y1 - eps && q.y0 < p.y1 - eps;
            KIOSK_FUZZ_CHECK(!overlap, "nodes " + std::to_string(a) + " and " + std::to_string(b) + " overlap");
        }
    for (std::size_t e = 0; e < edges.size(); e++)
    {
        const EdgeRoute& route = layout.edges[e];
        const bool valid = edges[e].from < node_count && edges[e].to < node_count;
        if (!valid)
        {
            KIOSK_FUZZ_CHECK(route.points.empty(), "an edge with a bad index is left unrouted");
            continue;
        }
        KIOSK_FUZZ_CHECK(route.points.size() >= 4 && route.points.size() % 3 == 1,
                         "edge " + std::to_string(e) + " is a Bezier chain");
        for (const LayoutPoint& p : route.points)
            KIOSK_FUZZ_CHECK(Finite(p), Where(e, p) + " is finite");
        KIOSK_FUZZ_CHECK(route.self_loop == (edges[e].from == edges[e].to), "self_loop marks a self-loop");
        if (route.self_loop)
            continue;
        const NodePlacement& from = layout.nodes[static_cast<std::size_t>(edges[e].from)];
        const NodePlacement& to = layout.nodes[static_cast<std::size_t>(edges[e].to)];
        KIOSK_FUZZ_CHECK(OnBoundary(route.points.front(), BoxOf(from)),
                         Where(e, route.points.front()) + " starts on its 'from' node");
        KIOSK_FUZZ_CHECK(OnBoundary(route.points.back(), BoxOf(to)),
                         Where(e, route.points.back()) + " ends on its 'to' node");
        const int first = route.reversed ? to.layer : from.layer;
        const int second = route.reversed ? from.layer : to.layer;
        KIOSK_FUZZ_CHECK(first < second, "edge " + std::to_string(e) + " points forward once reversals are undone");
    }
    return 0;
}
