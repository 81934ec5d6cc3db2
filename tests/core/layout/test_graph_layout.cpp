// Property tests for the layered graph layout (app/core/graph_layout.h): geometry, layering, crossing
// counting, optimality on graphs whose best drawing has no crossings, cycles, determinism, edge cases.
//
// Sections
//   1. Helpers (box checks, curve sampling, hand-made graphs)
//   2. Edge cases: empty, single node, self-loop, invalid edges, disconnected components
//   3. Geometry: no overlaps, layers in order, edges forward, curves avoid nodes, both directions
//   4. Crossing counter on hand-made graphs with known counts
//   5. Optimal drawings: graphs whose optimum is zero crossings
//   6. Ranking: optimal total edge length
//   7. Cycles, determinism, async
#include "core/layout/graph_canonical.h"
#include "core/layout/graph_coordinates.h"
#include "core/layout/graph_layout.h"
#include "core/layout/graph_ranking.h"
#include "support/graph_samples.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

using namespace kiosk::core;

namespace
{
// --- 1. Helpers ---------------------------------------------------------------------------------------------

LayoutOptions Options(LayoutDirection direction = LayoutDirection::TopToBottom)
{
    LayoutOptions options;
    options.direction = direction;
    return options;
}

struct Box
{
    float x0, y0, x1, y1;
};

Box BoxOf(const NodePlacement& n)
{
    return {n.centre.x - n.width / 2, n.centre.y - n.height / 2, n.centre.x + n.width / 2, n.centre.y + n.height / 2};
}

// True when the boxes share interior area (touching edges do not count).
bool Overlap(const Box& a, const Box& b, float eps = 1e-3f)
{
    return a.x0 < b.x1 - eps && b.x0 < a.x1 - eps && a.y0 < b.y1 - eps && b.y0 < a.y1 - eps;
}

bool StrictlyInside(const LayoutPoint& p, const Box& b, float margin)
{
    return p.x > b.x0 + margin && p.x < b.x1 - margin && p.y > b.y0 + margin && p.y < b.y1 - margin;
}

LayoutPoint Bezier(const std::vector<LayoutPoint>& pts, size_t segment, float t)
{
    const LayoutPoint* p = &pts[segment * 3];
    float u = 1 - t;
    return {u * u * u * p[0].x + 3 * u * u * t * p[1].x + 3 * u * t * t * p[2].x + t * t * t * p[3].x,
            u * u * u * p[0].y + 3 * u * u * t * p[1].y + 3 * u * t * t * p[2].y + t * t * t * p[3].y};
}

void CheckNoOverlaps(const GraphLayout& layout)
{
    for (size_t a = 0; a < layout.nodes.size(); a++)
        for (size_t b = a + 1; b < layout.nodes.size(); b++)
            if (Overlap(BoxOf(layout.nodes[a]), BoxOf(layout.nodes[b])))
                FAIL("nodes " << a << " and " << b << " overlap");
}

// After cycle breaking every edge (reversed where reported) goes from a lower layer to a higher one.
void CheckEdgesForward(const GraphLayout& layout, const std::vector<LayoutEdge>& edges)
{
    for (size_t e = 0; e < edges.size(); e++)
    {
        if (edges[e].from == edges[e].to)
            continue;
        int from = layout.nodes[static_cast<size_t>(edges[e].from)].layer;
        int to = layout.nodes[static_cast<size_t>(edges[e].to)].layer;
        if (layout.edges[e].reversed)
            std::swap(from, to);
        if (!(from < to))
            FAIL("edge " << e << " does not point forward: layers " << from << " -> " << to);
    }
}

// Layers occupy disjoint bands along the rank axis, in layer order; within a layer, 'order' follows the
// coordinate across the layers.
void CheckLayerOrder(const GraphLayout& layout, LayoutDirection direction)
{
    bool ltr = direction == LayoutDirection::LeftToRight;
    std::vector<float> band_min(static_cast<size_t>(layout.layer_count), 1e30f);
    std::vector<float> band_max(static_cast<size_t>(layout.layer_count), -1e30f);
    for (const NodePlacement& n : layout.nodes)
    {
        REQUIRE(n.layer >= 0);
        REQUIRE(n.layer < layout.layer_count);
        Box b = BoxOf(n);
        band_min[static_cast<size_t>(n.layer)] = std::min(band_min[static_cast<size_t>(n.layer)], ltr ? b.x0 : b.y0);
        band_max[static_cast<size_t>(n.layer)] = std::max(band_max[static_cast<size_t>(n.layer)], ltr ? b.x1 : b.y1);
    }
    for (size_t k = 0; k + 1 < band_min.size(); k++)
        if (band_max[k] < band_min[k] || band_max[k + 1] < band_min[k + 1])
            continue; // an empty layer
        else
            REQUIRE(band_max[k] < band_min[k + 1]);
    for (const NodePlacement& a : layout.nodes)
        for (const NodePlacement& b : layout.nodes)
            if (a.layer == b.layer && a.order < b.order)
                REQUIRE((ltr ? a.centre.y < b.centre.y : a.centre.x < b.centre.x));
}

// Every curve is a Bezier chain that starts on its 'from' box, ends on its 'to' box and enters no box.
void CheckCurves(const GraphLayout& layout, const std::vector<LayoutEdge>& edges)
{
    for (size_t e = 0; e < edges.size(); e++)
    {
        const std::vector<LayoutPoint>& pts = layout.edges[e].points;
        REQUIRE(pts.size() >= 4);
        REQUIRE(pts.size() % 3 == 1);
        if (layout.edges[e].self_loop)
            continue;
        Box from = BoxOf(layout.nodes[static_cast<size_t>(edges[e].from)]);
        Box to = BoxOf(layout.nodes[static_cast<size_t>(edges[e].to)]);
        const float eps = 1e-3f;
        auto on_boundary = [&](const LayoutPoint& p, const Box& b)
        {
            bool within = p.x >= b.x0 - eps && p.x <= b.x1 + eps && p.y >= b.y0 - eps && p.y <= b.y1 + eps;
            return within && !StrictlyInside(p, b, eps);
        };
        REQUIRE(on_boundary(pts.front(), from));
        REQUIRE(on_boundary(pts.back(), to));
        for (size_t s = 0; s + 1 < pts.size(); s += 3)
            for (int i = 0; i <= 16; i++)
            {
                LayoutPoint p = Bezier(pts, s / 3, static_cast<float>(i) / 16.0f);
                for (size_t v = 0; v < layout.nodes.size(); v++)
                    if (StrictlyInside(p, BoxOf(layout.nodes[v]), 0.01f))
                        FAIL("edge " << e << " passes through node " << v);
            }
    }
}

long long GeometricCrossings(const GraphLayout& layout, const std::vector<LayoutEdge>& edges, LayoutDirection direction)
{
    std::vector<LayoutPoint> centres;
    std::vector<std::vector<LayoutPoint>> curves;
    for (const NodePlacement& n : layout.nodes)
        centres.push_back(n.centre);
    for (const EdgeRoute& r : layout.edges)
        curves.push_back(r.points);
    return CountCrossingsGeometric(centres, edges, curves, direction);
}

std::vector<LayoutNode> Boxes(size_t count, float width = 4.0f, float height = 1.5f)
{
    return std::vector<LayoutNode>(count, LayoutNode{width, height});
}

// A complete binary tree of the given depth with node indices scrambled, so input order gives no hint.
void ScrambledTree(int depth, std::vector<LayoutNode>& nodes, std::vector<LayoutEdge>& edges)
{
    int count = (1 << depth) - 1;
    std::vector<int> label(static_cast<size_t>(count));
    for (int i = 0; i < count; i++)
        label[static_cast<size_t>(i)] = (i * 37 + 11) % count; // 37 is coprime with 2^d - 1 for d <= 6
    nodes = Boxes(static_cast<size_t>(count), 3.0f, 1.0f);
    edges.clear();
    for (int i = 1; i < count; i++)
        edges.push_back({label[static_cast<size_t>((i - 1) / 2)], label[static_cast<size_t>(i)]});
}
} // namespace

// --- 2. Edge cases ----------------------------------------------------------------------------------------------

TEST_CASE("layout: empty graph", "[layout]")
{
    GraphLayout layout = ComputeLayout({}, {}, Options());
    CHECK(layout.nodes.empty());
    CHECK(layout.edges.empty());
    CHECK(layout.layer_count == 0);
    CHECK(layout.crossings == 0);
    CHECK(layout.reversed_edges.empty());
    CHECK_FALSE(layout.invalid_input);
}

TEST_CASE("layout: single node", "[layout]")
{
    GraphLayout layout = ComputeLayout({{5.0f, 2.0f}}, {}, Options());
    REQUIRE(layout.nodes.size() == 1);
    CHECK(layout.layer_count == 1);
    CHECK(layout.nodes[0].layer == 0);
    CHECK(layout.nodes[0].order == 0);
    CHECK(layout.nodes[0].width == 5.0f);
    Box b = BoxOf(layout.nodes[0]);
    CHECK(b.x0 >= layout.bounds_min.x - 1e-4f);
    CHECK(b.y0 >= layout.bounds_min.y - 1e-4f);
    CHECK(b.x1 <= layout.bounds_max.x + 1e-4f);
    CHECK(b.y1 <= layout.bounds_max.y + 1e-4f);
}

TEST_CASE("layout: self-loop is drawn beside its node and breaks nothing", "[layout]")
{
    std::vector<LayoutNode> nodes = Boxes(3);
    std::vector<LayoutEdge> edges = {{0, 0}, {0, 1}, {1, 2}, {1, 1}};
    for (LayoutDirection d : {LayoutDirection::TopToBottom, LayoutDirection::LeftToRight})
    {
        GraphLayout layout = ComputeLayout(nodes, edges, Options(d));
        CHECK(layout.edges[0].self_loop);
        CHECK(layout.edges[3].self_loop);
        CHECK_FALSE(layout.edges[0].reversed);
        CHECK(layout.reversed_edges.empty());
        CHECK(layout.nodes[0].layer == 0);
        CHECK(layout.nodes[1].layer == 1);
        CHECK(layout.nodes[2].layer == 2);
        REQUIRE(layout.edges[0].points.size() == 4);
        // The loop leaves from the node's side and bulges outside it.
        Box b = BoxOf(layout.nodes[0]);
        LayoutPoint mid = Bezier(layout.edges[0].points, 0, 0.5f);
        CHECK_FALSE(StrictlyInside(mid, b, 0.0f));
        CheckNoOverlaps(layout);
        CheckCurves(layout, edges);
    }
}

TEST_CASE("layout: out-of-range edges are flagged, not fatal", "[layout]")
{
    GraphLayout layout = ComputeLayout(Boxes(2), {{0, 1}, {0, 7}, {-1, 0}}, Options());
    CHECK(layout.invalid_input);
    CHECK(layout.edges[0].points.size() >= 4);
    CHECK(layout.edges[1].points.empty());
    CHECK(layout.edges[2].points.empty());
}

TEST_CASE("layout: odd sizes and options do not break the layout", "[layout]")
{
    std::vector<LayoutNode> nodes = {{0.0f, 0.0f}, {-3.0f, NAN}, {INFINITY, 2.0f}, {4.0f, 1.0f}};
    LayoutOptions options;
    options.node_gap = -1.0f;
    options.layer_gap = NAN;
    GraphLayout layout = ComputeLayout(nodes, {{0, 1}, {1, 2}, {2, 3}, {0, 3}}, options);
    for (const NodePlacement& n : layout.nodes)
    {
        CHECK(std::isfinite(n.centre.x));
        CHECK(std::isfinite(n.centre.y));
    }
    CHECK(std::isfinite(layout.bounds_max.x));
}

TEST_CASE("layout: disconnected components sit side by side without overlap", "[layout]")
{
    // Component A: 0 -> 1 -> 2; component B: 3 -> 4, 3 -> 5; isolated node 6.
    std::vector<LayoutNode> nodes = Boxes(7);
    std::vector<LayoutEdge> edges = {{0, 1}, {1, 2}, {3, 4}, {3, 5}};
    GraphLayout layout = ComputeLayout(nodes, edges, Options());
    CheckNoOverlaps(layout);
    CheckEdgesForward(layout, edges);
    CheckCurves(layout, edges);
    CHECK(layout.crossings == 0);
    // Components in order of their first node, left to right, separated.
    auto right_of = [&](std::initializer_list<int> left, std::initializer_list<int> right)
    {
        float max_left = -1e30f, min_right = 1e30f;
        for (int v : left)
            max_left = std::max(max_left, BoxOf(layout.nodes[static_cast<size_t>(v)]).x1);
        for (int v : right)
            min_right = std::min(min_right, BoxOf(layout.nodes[static_cast<size_t>(v)]).x0);
        return max_left < min_right;
    };
    CHECK(right_of({0, 1, 2}, {3, 4, 5}));
    CHECK(right_of({3, 4, 5}, {6}));
    // Every component starts in the first layer.
    CHECK(layout.nodes[3].layer == 0);
    CHECK(layout.nodes[6].layer == 0);
}

TEST_CASE("layout: ChooseDirection follows the screen's aspect", "[layout]")
{
    CHECK(ChooseDirection(1920, 1080) == LayoutDirection::LeftToRight);
    CHECK(ChooseDirection(800, 480) == LayoutDirection::LeftToRight);
    CHECK(ChooseDirection(1080, 1920) == LayoutDirection::TopToBottom);
    CHECK(ChooseDirection(1000, 1000) == LayoutDirection::TopToBottom);
    CHECK(ChooseDirection(0, 0) == LayoutDirection::TopToBottom);
}

// --- 3. Geometry ------------------------------------------------------------------------------------------------

TEST_CASE("layout: properties hold on sample graphs in both directions", "[layout]")
{
    // GenerateLayeredDag(5336, 52) is one where chain sifting draws fewer crossings but the order before
    // it is kept (fewer crossings by the drawn and straight-line counts together): the engine's count
    // must then be the kept order's.
    std::vector<SampleGraph> graphs = {PathwayLikeGraph(), GenerateLayeredDag(7, 10), GenerateLayeredDag(8, 100),
                                       GenerateLayeredDag(9, 250), GenerateLayeredDag(5336, 52)};
    for (const SampleGraph& g : graphs)
        for (LayoutDirection d : {LayoutDirection::TopToBottom, LayoutDirection::LeftToRight})
        {
            INFO(g.name << (d == LayoutDirection::LeftToRight ? " left-to-right" : " top-to-bottom"));
            GraphLayout layout = ComputeLayout(g.nodes, g.edges, Options(d));
            REQUIRE(layout.nodes.size() == g.nodes.size());
            REQUIRE(layout.edges.size() == g.edges.size());
            CHECK(layout.reversed_edges.empty());
            CheckNoOverlaps(layout);
            CheckEdgesForward(layout, g.edges);
            CheckLayerOrder(layout, d);
            CheckCurves(layout, g.edges);
            // The engine's own count agrees with the geometric counter on its output.
            CHECK(GeometricCrossings(layout, g.edges, d) == layout.crossings);
            // Bounds hold every box.
            for (const NodePlacement& n : layout.nodes)
            {
                Box b = BoxOf(n);
                CHECK(b.x0 >= layout.bounds_min.x - 1e-3f);
                CHECK(b.x1 <= layout.bounds_max.x + 1e-3f);
                CHECK(b.y0 >= layout.bounds_min.y - 1e-3f);
                CHECK(b.y1 <= layout.bounds_max.y + 1e-3f);
            }
        }
}

TEST_CASE("layout: a 1000-node DAG has no overlaps and forward edges", "[layout]")
{
    SampleGraph g = GenerateLayeredDag(20262121u, 1000);
    GraphLayout layout = ComputeLayout(g.nodes, g.edges, Options());
    CheckNoOverlaps(layout);
    CheckEdgesForward(layout, g.edges);
    CHECK(GeometricCrossings(layout, g.edges, LayoutDirection::TopToBottom) == layout.crossings);
}

TEST_CASE("layout: long edges run near the straight line between their boxes", "[layout]")
{
    // A box pulled by a long edge aims at the line of the edge's first two pieces (graph_coordinates.cpp),
    // so a long edge reads as one line from box to box and the straight-line count the benchmark applies
    // to every engine sees what is drawn. Measured: the mean distance of each long edge's bends from the
    // line between its ends, over two seeded 100-node DAGs, was 7.7 and 6.6 units when boxes were pulled
    // straight at their dummies, 6.7 and 5.5 now; the bounds sit between.
    const std::pair<std::uint64_t, double> cases[] = {{3, 7.2}, {4, 6.0}};
    for (const auto& [seed, bound] : cases)
    {
        SampleGraph g = GenerateLayeredDag(seed, 100);
        GraphLayout layout = ComputeLayout(g.nodes, g.edges, Options());
        double total = 0.0;
        int long_edges = 0;
        for (size_t e = 0; e < g.edges.size(); e++)
        {
            const std::vector<LayoutPoint>& pts = layout.edges[e].points;
            if (pts.size() <= 4) // one segment: an edge between adjacent layers
                continue;
            LayoutPoint a = layout.nodes[static_cast<size_t>(g.edges[e].from)].centre;
            LayoutPoint b = layout.nodes[static_cast<size_t>(g.edges[e].to)].centre;
            double worst = 0.0;
            for (size_t i = 3; i + 3 < pts.size(); i += 3) // the bends: where segments meet
            {
                double t = (pts[i].y - a.y) / (b.y - a.y);
                worst = std::max(worst, std::fabs(pts[i].x - (a.x + (b.x - a.x) * t)));
            }
            total += worst;
            long_edges++;
        }
        INFO("seed " << seed << ": " << long_edges << " long edges");
        REQUIRE(long_edges > 10);
        CHECK(total / long_edges < bound);
    }
}

TEST_CASE("layout: left-to-right puts layers in columns with widths along x", "[layout]")
{
    std::vector<LayoutNode> nodes = {{10.0f, 2.0f}, {6.0f, 2.0f}, {6.0f, 2.0f}};
    GraphLayout layout = ComputeLayout(nodes, {{0, 1}, {0, 2}}, Options(LayoutDirection::LeftToRight));
    CHECK(layout.nodes[0].centre.x < layout.nodes[1].centre.x);
    CHECK(layout.nodes[1].centre.x == layout.nodes[2].centre.x);
    CHECK(layout.nodes[1].centre.y != layout.nodes[2].centre.y);
    // Column 0 is 10 wide: the next column starts after it plus the layer gap.
    CHECK(BoxOf(layout.nodes[1]).x0 >= BoxOf(layout.nodes[0]).x1 + Options().layer_gap - 1e-3f);
}

// --- 4. Crossing counter -------------------------------------------------------------------------------------------

TEST_CASE("layout: layered crossing counter on hand-made graphs", "[layout]")
{
    // Two layers: 0 1 over 2 3.
    std::vector<std::vector<int>> two = {{0, 1}, {2, 3}};
    CHECK(CountCrossings(two, {{0, 2}, {1, 3}}) == 0);
    CHECK(CountCrossings(two, {{0, 3}, {1, 2}}) == 1);
    CHECK(CountCrossings(two, {{0, 2}, {0, 3}}) == 0); // shared end: no crossing
    CHECK(CountCrossings(two, {{0, 3}, {1, 3}}) == 0);
    CHECK(CountCrossings(two, {{3, 0}, {2, 1}}) == 1); // direction does not matter
    // K3,3 drawn in any order has C(3,2) * C(3,2) = 9 crossings.
    std::vector<LayoutEdge> k33;
    for (int a = 0; a < 3; a++)
        for (int b = 3; b < 6; b++)
            k33.push_back({a, b});
    CHECK(CountCrossings({{0, 1, 2}, {3, 4, 5}}, k33) == 9);
    CHECK(CountCrossings({{2, 0, 1}, {4, 5, 3}}, k33) == 9);
    // A reversed permutation of n parallel edges has n(n-1)/2 crossings.
    std::vector<LayoutEdge> perm;
    for (int i = 0; i < 6; i++)
        perm.push_back({i, 6 + (5 - i)});
    CHECK(CountCrossings({{0, 1, 2, 3, 4, 5}, {6, 7, 8, 9, 10, 11}}, perm) == 15);
    // Three layers: crossings add up per gap; a long edge is interpolated through the middle layer.
    std::vector<std::vector<int>> three = {{0, 1}, {2, 3}, {4, 5}};
    CHECK(CountCrossings(three, {{0, 3}, {1, 2}, {2, 5}, {3, 4}}) == 2);
    CHECK(CountCrossings(three, {{0, 5}, {1, 4}}) == 1);
    // Edges within a layer and unknown nodes are ignored.
    CHECK(CountCrossings(two, {{0, 1}, {0, 3}, {1, 2}, {0, 99}}) == 1);
    CHECK(CountCrossings({}, {{0, 1}}) == 0);
}

TEST_CASE("layout: geometric crossing counter on hand-made drawings", "[layout]")
{
    // Straight lines: an X crosses once, parallel lines do not.
    std::vector<LayoutPoint> centres = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};
    CHECK(CountCrossingsGeometric(centres, {{0, 3}, {1, 2}}, {}, LayoutDirection::TopToBottom) == 1);
    CHECK(CountCrossingsGeometric(centres, {{0, 2}, {1, 3}}, {}, LayoutDirection::TopToBottom) == 0);
    // Read left to right, ranks are x = 0 (nodes 0, 2) and x = 10 (nodes 1, 3): edges 0-2 and 1-3 lie
    // within a rank and are ignored, while 0-3 and 2-1 form an X across the ranks.
    CHECK(CountCrossingsGeometric(centres, {{0, 2}, {1, 3}}, {}, LayoutDirection::LeftToRight) == 0);
    CHECK(CountCrossingsGeometric(centres, {{0, 3}, {2, 1}}, {}, LayoutDirection::LeftToRight) == 1);

    // Three ranks (y = 0, 10, 20): a long edge 0-2 down the left side, and 4 -> 1 -> 3 down x = 10.
    std::vector<LayoutPoint> c3 = {{0, 0}, {10, 10}, {0, 20}, {10, 20}, {10, 0}};
    std::vector<LayoutEdge> e3 = {{0, 2}, {1, 3}, {4, 1}};
    // Straight, the long edge stays at x = 0: no crossings.
    CHECK(CountCrossingsGeometric(c3, e3, {}, LayoutDirection::TopToBottom) == 0);
    // Curved through x = 20 at y = 10: it passes right of node 1 (x = 10) at the middle rank, so it
    // crosses edge 4-1 above (x 0->20 vs 10->10) and edge 1-3 below (20->0 vs 10->10).
    std::vector<std::vector<LayoutPoint>> curves(3);
    curves[0] = {{0, 0}, {20, 5}, {20, 5}, {20, 10}, {20, 15}, {20, 15}, {0, 20}};
    CHECK(CountCrossingsGeometric(c3, e3, curves, LayoutDirection::TopToBottom) == 2);
    // Ranks closer than the tolerance merge.
    std::vector<LayoutPoint> jitter = {{0, 0}, {10, 0.0004f}, {0, 10}, {10, 10.0002f}};
    CHECK(CountCrossingsGeometric(jitter, {{0, 3}, {1, 2}}, {}, LayoutDirection::TopToBottom) == 1);
}

TEST_CASE("layout: layered counter from node positions (the benchmark's counter)", "[layout]")
{
    // Two ranks: an X crosses once; a shared end never counts.
    std::vector<LayoutPoint> c = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};
    CHECK(CountLayeredCrossings(c, {{0, 3}, {1, 2}}, LayoutDirection::TopToBottom) == 1);
    CHECK(CountLayeredCrossings(c, {{0, 2}, {0, 3}, {1, 3}}, LayoutDirection::TopToBottom) == 0);
    // A long edge is split at the middle rank on its straight line: 0 (x 0) -> 5 (x 40) passes x 20 at
    // y 10, right of node 2 (x 10) and left of node 3 (x 30). Edge 4 -> 2 (x 30 -> 10) crosses it above
    // rank 1, edge 2 -> 6 (x 10 -> 50) crosses it below: 2 crossings; edge 3 -> 7 (x 30 -> 50) stays right.
    std::vector<LayoutPoint> three = {{0, 0}, {0, 0}, {10, 10}, {30, 10}, {30, 0}, {40, 20}, {50, 20}, {50, 20}};
    three[7] = {60, 20};
    CHECK(CountLayeredCrossings(three, {{0, 5}, {4, 2}, {2, 6}, {3, 7}}, LayoutDirection::TopToBottom) == 2);
    // The same drawing read sideways (x and y swapped) gives the same count.
    std::vector<LayoutPoint> sideways;
    for (const LayoutPoint& p : three)
        sideways.push_back({p.y, p.x});
    CHECK(CountLayeredCrossings(sideways, {{0, 5}, {4, 2}, {2, 6}, {3, 7}}, LayoutDirection::LeftToRight) == 2);
    // K3,3 between two ranks: 9 crossings in any order.
    std::vector<LayoutPoint> k = {{0, 0}, {5, 0}, {9, 0}, {2, 8}, {3, 8}, {7, 8}};
    std::vector<LayoutEdge> k33;
    for (int a = 0; a < 3; a++)
        for (int b = 3; b < 6; b++)
            k33.push_back({a, b});
    CHECK(CountLayeredCrossings(k, k33, LayoutDirection::TopToBottom) == 9);
    // Edges within a rank and out-of-range ends are ignored.
    CHECK(CountLayeredCrossings(c, {{0, 1}, {0, 3}, {1, 2}, {0, 9}, {-1, 2}}, LayoutDirection::TopToBottom) == 1);
}

// A proper layered graph as the layout builds one: real nodes on every one of 'layers' layers, each
// edge as a chain with a dummy on every layer it passes (spans of one to three layers), layers in
// index order; and each edge as one (tail, head) pair of real nodes.
namespace
{
struct LayeredSample
{
    graph_detail::OrderGraph graph;
    std::vector<LayoutEdge> edges;
};

LayeredSample MakeLayeredSample(std::uint64_t seed, int layers, int per_layer)
{
    LayeredSample s;
    graph_detail::OrderGraph& g = s.graph;
    std::uint64_t state = seed;
    auto next = [&state](int below)
    {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(below));
    };
    g.layers.assign(static_cast<size_t>(layers), {});
    for (int k = 0; k < layers; k++)
        for (int i = 0; i < per_layer; i++)
        {
            g.layers[static_cast<size_t>(k)].push_back(static_cast<int>(g.layer.size()));
            g.layer.push_back(k);
        }
    g.real_count = static_cast<int>(g.layer.size());
    g.up.assign(g.layer.size(), {});
    g.down.assign(g.layer.size(), {});
    for (int from = 0; from < g.real_count; from++)
    {
        int k = g.layer[static_cast<size_t>(from)];
        for (int e = 0; e < 2 && k + 1 < layers; e++)
        {
            int head_layer = std::min(layers - 1, k + 1 + next(3));
            int to = head_layer * per_layer + next(per_layer);
            graph_detail::AddChain(g, from, to);
            s.edges.push_back({from, to});
        }
    }
    return s;
}

graph_detail::PlacementInput PlacementFor(const graph_detail::OrderGraph& g)
{
    graph_detail::PlacementInput input;
    input.left.assign(g.layer.size(), 0.0f);
    input.right.assign(g.layer.size(), 0.0f);
    for (int v = 0; v < g.real_count; v++)
    {
        input.left[static_cast<size_t>(v)] = 20.0f;
        input.right[static_cast<size_t>(v)] = 20.0f;
    }
    input.node_gap = 10.0f;
    input.edge_gap = 5.0f;
    return input;
}

// Sum over the dummies of (x_a - 2 x_d + x_b)^2: zero when every long edge runs straight.
double TotalBend(const graph_detail::OrderGraph& g, const std::vector<double>& x)
{
    double total = 0.0;
    for (size_t d = static_cast<size_t>(g.real_count); d < g.layer.size(); d++)
    {
        double bend = x[static_cast<size_t>(g.up[d][0])] - 2.0 * x[d] + x[static_cast<size_t>(g.down[d][0])];
        total += bend * bend;
    }
    return total;
}

// The layered count (the benchmark's) of a placement: the real nodes at their positions, layer k at
// y = 10 k, every edge a straight line between its real ends.
long long StraightCount(const LayeredSample& s, const std::vector<double>& x)
{
    std::vector<LayoutPoint> centres;
    for (int v = 0; v < s.graph.real_count; v++)
        centres.push_back({static_cast<float>(x[static_cast<size_t>(v)]),
                           10.0f * static_cast<float>(s.graph.layer[static_cast<size_t>(v)])});
    return CountLayeredCrossings(centres, s.edges, LayoutDirection::TopToBottom);
}
} // namespace

TEST_CASE("layout: bends straighten long edges until they cross only what the order drew", "[layout]")
{
    for (std::uint64_t seed = 1; seed <= 4; seed++)
    {
        LayeredSample s = MakeLayeredSample(seed, 7, 6);
        long long drawn = graph_detail::MinimiseCrossings(s.graph, 24);
        graph_detail::PlacementInput input = PlacementFor(s.graph);
        input.weights.bend = 0.0;
        std::vector<double> plain = graph_detail::PlaceAcrossLayers(s.graph, input);
        input.weights = {};
        std::vector<double> bent = graph_detail::PlaceAcrossLayers(s.graph, input);
        // The same weights with far more passes: the momentum's 96 must already be near where they lead.
        input.passes = 2000;
        std::vector<double> settled = graph_detail::PlaceAcrossLayers(s.graph, input);
        INFO("seed " << seed);
        REQUIRE(s.graph.layer.size() > static_cast<size_t>(s.graph.real_count) + 10);
        double plain_bend = TotalBend(s.graph, plain);
        double bent_bend = TotalBend(s.graph, bent);
        double settled_bend = TotalBend(s.graph, settled);
        INFO("bends: plain " << plain_bend << ", 96 passes " << bent_bend << ", 2000 passes " << settled_bend);
        // Measured 0.003, 0.0004, 0.09 and 0.008 of the bends without the bend term; 0.9, 0.6, 3.4 and 3.7
        // times the bends left after 2000 passes (plain descent needed about 1000 passes for as much).
        CHECK(bent_bend < 0.2 * plain_bend);
        CHECK(bent_bend < 8.0 * settled_bend + 1.0);
        // The order, and so the gaps, hold under every weighting.
        for (const std::vector<int>& layer : s.graph.layers)
            for (size_t i = 0; i + 1 < layer.size(); i++)
                CHECK(bent[static_cast<size_t>(layer[i + 1])] > bent[static_cast<size_t>(layer[i])]);
        // Read as straight lines, the edges cross what the order drew, or nearly (measured: as drawn on
        // three seeds, 90 against 88 on the fourth, where plain placement read 102).
        long long straight = StraightCount(s, bent);
        long long straight_plain = StraightCount(s, plain);
        INFO("drawn " << drawn << ", straight " << straight << ", without bends " << straight_plain);
        CHECK(straight >= drawn);
        CHECK(straight - drawn <= (straight_plain - drawn) / 4);
        CHECK(bent == graph_detail::PlaceAcrossLayers(s.graph, PlacementFor(s.graph)));
    }
}

TEST_CASE("layout: chain sifting takes a long edge across a bundle in one move", "[layout]")
{
    // Layers 0 to 4: the long edge a0 -> a4 (node 0 to node 4) and a bundle of three long edges b_i ->
    // c_i (nodes 1-3 to 5-7). The ends of a sit right of the bundle, its three dummies left of it, so
    // each of its end pieces crosses all three bundle pieces: 6 crossings. Moving any one dummy alone
    // gains nothing (the piece it leaves uncrossed is replaced by one that crosses), moving the three
    // together removes all six.
    graph_detail::OrderGraph g;
    g.layer = {0, 0, 0, 0, 4, 4, 4, 4};
    g.real_count = 8;
    g.up.assign(8, {});
    g.down.assign(8, {});
    g.layers.assign(5, {});
    g.layers[0] = {1, 2, 3, 0};
    g.layers[4] = {5, 6, 7, 4};
    std::vector<int> a = graph_detail::AddChain(g, 0, 4); // its dummies first in layers 1-3
    for (int i = 1; i <= 3; i++)
        graph_detail::AddChain(g, i, i + 4);
    REQUIRE(graph_detail::CountOrderCrossings(g) == 6);
    CHECK(graph_detail::SiftChains(g) == 6);
    CHECK(graph_detail::CountOrderCrossings(g) == 0);
    for (int k = 1; k <= 3; k++)
        CHECK(g.layers[static_cast<size_t>(k)].back() == a[static_cast<size_t>(k)]);
    CHECK(g.layers[0] == std::vector<int>{1, 2, 3, 0}); // real nodes stay
    CHECK(graph_detail::SiftChains(g) == 0);
}

TEST_CASE("layout: chain sifting reports exactly what it removes and moves only dummies", "[layout]")
{
    for (std::uint64_t seed = 1; seed <= 12; seed++)
    {
        LayeredSample s = MakeLayeredSample(seed, 7, 6);
        // A poor order to start from: each layer reversed, then rotated.
        for (std::vector<int>& layer : s.graph.layers)
        {
            std::reverse(layer.begin(), layer.end());
            std::rotate(layer.begin(), layer.begin() + static_cast<std::ptrdiff_t>(seed % layer.size()), layer.end());
        }
        const std::vector<std::vector<int>> start = s.graph.layers;
        long long before = graph_detail::CountOrderCrossings(s.graph);
        long long removed = graph_detail::SiftChains(s.graph);
        INFO("seed " << seed);
        CHECK(removed >= 0);
        CHECK(graph_detail::CountOrderCrossings(s.graph) == before - removed);
        for (size_t k = 0; k < start.size(); k++)
        {
            // The same nodes, and the real ones in the same order.
            std::vector<int> real_before, real_after;
            for (int v : start[k])
                if (v < s.graph.real_count)
                    real_before.push_back(v);
            for (int v : s.graph.layers[k])
                if (v < s.graph.real_count)
                    real_after.push_back(v);
            CHECK(real_after == real_before);
            std::vector<int> sorted_before = start[k], sorted_after = s.graph.layers[k];
            std::sort(sorted_before.begin(), sorted_before.end());
            std::sort(sorted_after.begin(), sorted_after.end());
            CHECK(sorted_after == sorted_before);
        }
    }
}

TEST_CASE("layout: the ordering's count matches its order", "[layout]")
{
    for (std::uint64_t seed = 1; seed <= 12; seed++)
    {
        LayeredSample s = MakeLayeredSample(seed, 7, 6);
        long long count = graph_detail::MinimiseCrossings(s.graph, 24);
        INFO("seed " << seed);
        CHECK(count == graph_detail::CountOrderCrossings(s.graph));
    }
}

// --- 5. Optimal drawings --------------------------------------------------------------------------------------------

TEST_CASE("layout: finds zero crossings when a crossing-free drawing exists", "[layout]")
{
    SECTION("scrambled binary tree")
    {
        std::vector<LayoutNode> nodes;
        std::vector<LayoutEdge> edges;
        ScrambledTree(6, nodes, edges);
        GraphLayout layout = ComputeLayout(nodes, edges, Options());
        CHECK(layout.crossings == 0);
        CHECK(GeometricCrossings(layout, edges, LayoutDirection::TopToBottom) == 0);
    }
    SECTION("input given in the worst order: a reversed ladder")
    {
        // Two chains, a (nodes 11 down to 6) and b (nodes 0 to 5), with rungs a_i -> b_{i+1}: drawn
        // with a on one side and b on the other the rungs never cross, but the indices interleave the
        // chains to give the input order no hint.
        std::vector<LayoutNode> nodes = Boxes(12);
        std::vector<LayoutEdge> edges;
        for (int i = 0; i < 5; i++)
        {
            edges.push_back({11 - i, 11 - (i + 1)}); // chain a, indices descending
            edges.push_back({i, i + 1});             // chain b
            edges.push_back({11 - i, i + 1});        // rung a_i -> b_{i+1}
        }
        GraphLayout layout = ComputeLayout(nodes, edges, Options());
        CHECK(layout.crossings == 0);
    }
    SECTION("long edges that must route around a diamond")
    {
        // 0 -> 1 -> 2 -> 3 -> 4 with a bypass 0 -> 4 and side branches that fit on either side.
        std::vector<LayoutNode> nodes = Boxes(8);
        std::vector<LayoutEdge> edges = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {0, 4}, {1, 5}, {5, 6}, {6, 7}, {2, 6}};
        GraphLayout layout = ComputeLayout(nodes, edges, Options());
        CHECK(layout.crossings == 0);
        CheckCurves(layout, edges);
    }
    SECTION("the pathway-shaped graph")
    {
        SampleGraph g = PathwayLikeGraph();
        for (LayoutDirection d : {LayoutDirection::TopToBottom, LayoutDirection::LeftToRight})
        {
            GraphLayout layout = ComputeLayout(g.nodes, g.edges, Options(d));
            CHECK(layout.crossings == 0);
            CHECK(GeometricCrossings(layout, g.edges, d) == 0);
        }
    }
    SECTION("a grid DAG (each node to its right and lower neighbour)")
    {
        const int w = 5;
        std::vector<LayoutNode> nodes = Boxes(w * w);
        std::vector<LayoutEdge> edges;
        for (int r = 0; r < w; r++)
            for (int c = 0; c < w; c++)
            {
                int v = r * w + c;
                if (c + 1 < w)
                    edges.push_back({v, v + 1});
                if (r + 1 < w)
                    edges.push_back({v, v + w});
            }
        GraphLayout layout = ComputeLayout(nodes, edges, Options());
        CHECK(layout.crossings == 0);
    }
}

TEST_CASE("layout: forced crossings are counted exactly", "[layout]")
{
    // K3,3 between two layers cannot do better than 9; K2,2 than 1.
    std::vector<LayoutEdge> k33;
    for (int a = 0; a < 3; a++)
        for (int b = 3; b < 6; b++)
            k33.push_back({a, b});
    CHECK(ComputeLayout(Boxes(6), k33, Options()).crossings == 9);
    CHECK(ComputeLayout(Boxes(4), {{0, 2}, {0, 3}, {1, 2}, {1, 3}}, Options()).crossings == 1);
}

// --- 6. Ranking: the network simplex is optimal ----------------------------------------------------------------

namespace
{
long long TotalLength(const std::vector<int>& rank, const std::vector<LayoutEdge>& edges)
{
    long long total = 0;
    for (const LayoutEdge& e : edges)
        total += rank[static_cast<size_t>(e.to)] - rank[static_cast<size_t>(e.from)];
    return total;
}

// The least total edge length over every ranking with ranks in [0, n) and every edge at least one rank
// long, by exhaustive search in index order (edges go from lower to higher index here).
long long BruteForceLength(int n, const std::vector<LayoutEdge>& edges)
{
    std::vector<int> rank(static_cast<size_t>(n), 0);
    long long best = -1;
    auto search = [&](auto&& self, int v) -> void
    {
        if (v == n)
        {
            long long total = TotalLength(rank, edges);
            if (best < 0 || total < best)
                best = total;
            return;
        }
        int lowest = 0;
        for (const LayoutEdge& e : edges)
            if (e.to == v)
                lowest = std::max(lowest, rank[static_cast<size_t>(e.from)] + 1);
        for (int r = lowest; r < n; r++)
        {
            rank[static_cast<size_t>(v)] = r;
            self(self, v + 1);
        }
    };
    search(search, 0);
    return best;
}
} // namespace

TEST_CASE("layout: ranking finds the least total edge length", "[layout]")
{
    // Random DAGs of up to 7 nodes (sometimes disconnected, sometimes with repeated edges) against an
    // exhaustive search: the simplex's pivots, cut-value updates and re-hung subtrees must reach the
    // optimum every time, with every edge pointing down at least one rank.
    std::uint64_t state = 12345;
    auto next = [&](int bound)
    {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(bound));
    };
    for (int trial = 0; trial < 300; trial++)
    {
        int n = 2 + next(6);
        std::vector<LayoutEdge> edges;
        int count = next(2 * n + 2);
        for (int i = 0; i < count; i++)
        {
            int a = next(n);
            int b = next(n);
            if (a != b)
                edges.push_back({std::min(a, b), std::max(a, b)});
        }
        INFO("trial " << trial << ": " << n << " nodes, " << edges.size() << " edges");
        std::vector<int> rank = graph_detail::AssignRanks(n, edges, 1000);
        for (const LayoutEdge& e : edges)
            REQUIRE(rank[static_cast<size_t>(e.to)] >= rank[static_cast<size_t>(e.from)] + 1);
        CHECK(TotalLength(rank, edges) == BruteForceLength(n, edges));
    }
}

TEST_CASE("layout: ranking a large layered DAG is feasible and not longer than its generated layers", "[layout]")
{
    // The generator's own layers are a feasible ranking; the simplex's must be at least as short.
    SampleGraph g = GenerateLayeredDag(77, 3000);
    std::vector<int> rank =
        graph_detail::AssignRanks(static_cast<int>(g.nodes.size()), g.edges, 100 + 20 * (3000 + 5000));
    for (const LayoutEdge& e : g.edges)
        REQUIRE(rank[static_cast<size_t>(e.to)] >= rank[static_cast<size_t>(e.from)] + 1);
    CHECK(*std::min_element(rank.begin(), rank.end()) == 0);
    // GenerateLayeredDag puts node v in layer v * layers / n with layers = round(sqrt(n / 2)).
    const long long layers = 39;
    long long generated = 0;
    for (const LayoutEdge& e : g.edges)
        generated += e.to * layers / 3000 - e.from * layers / 3000;
    CHECK(TotalLength(rank, g.edges) < generated);
}

TEST_CASE("layout: ranking large DAGs reaches the same least length in any input order", "[layout]")
{
    // The least total edge length is unique, so the simplex must reach the same length whatever order the
    // nodes and edges come in (its pivots then differ completely); and no node may sit where moving it one
    // rank, within its neighbours' bounds, would shorten its edges. A pivot rule that stalled, or hit the
    // pivot cap the layout passes, would break one or the other.
    for (int n : {2000, 6000})
    {
        SampleGraph g = GenerateLayeredDag(20261121u + static_cast<unsigned>(n), n);
        SampleGraph shuffled = PermutedGraph(g, 7u);
        long long lengths[2] = {0, 0};
        int which = 0;
        for (const SampleGraph* h : {&g, &shuffled})
        {
            INFO(n << " nodes, " << (which == 0 ? "given" : "shuffled") << " order");
            const int max_pivots = 100 + 20 * (n + static_cast<int>(h->edges.size()));
            std::vector<int> rank = graph_detail::AssignRanks(n, h->edges, max_pivots);
            std::vector<int> lowest(static_cast<size_t>(n), INT_MIN);
            std::vector<int> highest(static_cast<size_t>(n), INT_MAX);
            std::vector<int> balance(static_cast<size_t>(n), 0); // out-degree minus in-degree
            for (const LayoutEdge& e : h->edges)
            {
                REQUIRE(rank[static_cast<size_t>(e.to)] >= rank[static_cast<size_t>(e.from)] + 1);
                lowest[static_cast<size_t>(e.to)] =
                    std::max(lowest[static_cast<size_t>(e.to)], rank[static_cast<size_t>(e.from)] + 1);
                highest[static_cast<size_t>(e.from)] =
                    std::min(highest[static_cast<size_t>(e.from)], rank[static_cast<size_t>(e.to)] - 1);
                balance[static_cast<size_t>(e.from)]++;
                balance[static_cast<size_t>(e.to)]--;
            }
            int movable = 0;
            for (size_t v = 0; v < static_cast<size_t>(n); v++)
                if ((balance[v] > 0 && rank[v] < highest[v]) || (balance[v] < 0 && rank[v] > lowest[v]))
                    movable++;
            CHECK(movable == 0);
            lengths[which++] = TotalLength(rank, h->edges);
        }
        CHECK(lengths[0] == lengths[1]);
    }
}

// --- 7. Cycles, determinism, async
// -------------------------------------------------------------------------------------

TEST_CASE("layout: cycles are broken by reversing edges and still laid out", "[layout]")
{
    // A 3-cycle with a tail, and a 2-cycle.
    std::vector<LayoutNode> nodes = Boxes(6);
    std::vector<LayoutEdge> edges = {{0, 1}, {1, 2}, {2, 0}, {2, 3}, {4, 5}, {5, 4}};
    GraphLayout layout = ComputeLayout(nodes, edges, Options());
    REQUIRE(layout.reversed_edges.size() == 2);
    for (int e : layout.reversed_edges)
        CHECK(layout.edges[static_cast<size_t>(e)].reversed);
    // One edge of each cycle; which one follows the canonical order, not the listing. The tail 2 -> 3
    // is on no cycle.
    CHECK(layout.reversed_edges[0] <= 2);
    CHECK(layout.reversed_edges[1] >= 4);
    CheckEdgesForward(layout, edges);
    CheckNoOverlaps(layout);
    // Reversed edges still run from their 'from' node to their 'to' node.
    CheckCurves(layout, edges);
}

TEST_CASE("layout: a graph with cycles keeps the cycle breaking that leaves fewer crossings", "[layout]")
{
    // Both depth-first searches of FindEdgesToReverse, each applied by hand: the graph with those edges
    // turned round is acyclic and is laid out exactly as the layout's steps lay out the cyclic graph
    // with that choice, given half the shuffled start orders (at this size the two choices are laid out
    // side by side, each with half). The steps must come out at the lower of the two counts, with the
    // reversals of that choice. They are run as listed (LayOutInOrder): ComputeLayout runs them on the
    // graph relabelled in canonical order, which differs between a graph and its edges turned round. Seeded DAGs of 40
    // nodes with cycles closed: for every fifth edge u -> v, an edge from the head of v's first edge back to u.
    LayoutOptions half = Options();
    half.ordering_shuffles /= 2;
    int other_wins = 0;
    for (std::uint64_t seed = 1; seed <= 12; seed++)
    {
        SampleGraph g = GenerateLayeredDag(seed, 40);
        const size_t given = g.edges.size();
        for (size_t e = 0; e < given; e += 5)
            for (size_t f = 0; f < given; f++)
                if (g.edges[f].from == g.edges[e].to)
                {
                    g.edges.push_back({g.edges[f].to, g.edges[e].from});
                    break;
                }
        const int n = static_cast<int>(g.nodes.size());
        int counts[2];
        std::vector<int> reversed[2];
        int which = 0;
        for (graph_detail::CycleSearch search :
             {graph_detail::CycleSearch::SourcesFirst, graph_detail::CycleSearch::InputOrder})
        {
            std::vector<char> reverse = graph_detail::FindEdgesToReverse(n, g.edges, search);
            std::vector<LayoutEdge> turned = g.edges;
            for (size_t e = 0; e < turned.size(); e++)
                if (reverse[e])
                {
                    std::swap(turned[e].from, turned[e].to);
                    reversed[which].push_back(static_cast<int>(e));
                }
            GraphLayout acyclic = graph_detail::LayOutInOrder(g.nodes, turned, half);
            REQUIRE(acyclic.reversed_edges.empty());
            counts[which++] = acyclic.crossings;
        }
        INFO("seed " << seed << ": from the sources " << counts[0] << ", in input order " << counts[1]);
        REQUIRE_FALSE(reversed[0].empty());
        GraphLayout layout = graph_detail::LayOutInOrder(g.nodes, g.edges, Options());
        CHECK(layout.crossings == std::min(counts[0], counts[1]));
        CHECK(layout.reversed_edges == (counts[1] < counts[0] ? reversed[1] : reversed[0]));
        CheckEdgesForward(layout, g.edges);
        if (counts[1] < counts[0])
            other_wins++;
    }
    CHECK(other_wins > 0); // the second search is exercised, not only tried
}

TEST_CASE("layout: a graph that is one big cycle", "[layout]")
{
    std::vector<LayoutNode> nodes = Boxes(5);
    std::vector<LayoutEdge> edges = {{0, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 0}};
    GraphLayout layout = ComputeLayout(nodes, edges, Options());
    CHECK(layout.reversed_edges.size() == 1);
    CheckEdgesForward(layout, edges);
    CHECK(layout.crossings == 0);
    // Listed as the steps see it, the search from node 0 reverses the edge closing the cycle.
    CHECK(graph_detail::LayOutInOrder(nodes, edges, Options()).reversed_edges == std::vector<int>{4});
}

namespace
{
bool SameBits(const GraphLayout& a, const GraphLayout& b)
{
    if (a.nodes.size() != b.nodes.size() || a.edges.size() != b.edges.size() || a.crossings != b.crossings ||
        a.reversed_edges != b.reversed_edges || a.layer_count != b.layer_count)
        return false;
    for (size_t i = 0; i < a.nodes.size(); i++)
        if (std::memcmp(&a.nodes[i].centre, &b.nodes[i].centre, sizeof(LayoutPoint)) != 0 ||
            a.nodes[i].layer != b.nodes[i].layer || a.nodes[i].order != b.nodes[i].order)
            return false;
    for (size_t i = 0; i < a.edges.size(); i++)
    {
        const auto& pa = a.edges[i].points;
        const auto& pb = b.edges[i].points;
        if (pa.size() != pb.size() ||
            (!pa.empty() && std::memcmp(pa.data(), pb.data(), pa.size() * sizeof(LayoutPoint)) != 0))
            return false;
    }
    return std::memcmp(&a.bounds_min, &b.bounds_min, sizeof(LayoutPoint)) == 0 &&
           std::memcmp(&a.bounds_max, &b.bounds_max, sizeof(LayoutPoint)) == 0;
}
} // namespace

TEST_CASE("layout: two runs give bit-identical results", "[layout]")
{
    for (const SampleGraph& g : {PathwayLikeGraph(), GenerateLayeredDag(3, 100), GenerateLayeredDag(4, 1000)})
    {
        INFO(g.name);
        GraphLayout a = ComputeLayout(g.nodes, g.edges, Options());
        GraphLayout b = ComputeLayout(g.nodes, g.edges, Options());
        CHECK(SameBits(a, b));
    }
}

namespace
{
// True when 'b' is 'a' laid out for the graph listed as PermutedGraph put it: every node and edge in its
// new place with the same bits, the reversed edges renumbered.
bool SameUnderPermutation(const GraphLayout& a, const GraphLayout& b, const Permutation& map)
{
    GraphLayout mapped = a;
    for (size_t v = 0; v < a.nodes.size(); v++)
        mapped.nodes[static_cast<size_t>(map.node[v])] = a.nodes[v];
    for (size_t e = 0; e < a.edges.size(); e++)
        mapped.edges[static_cast<size_t>(map.edge[e])] = a.edges[e];
    mapped.reversed_edges.clear();
    for (int e : a.reversed_edges)
        mapped.reversed_edges.push_back(map.edge[static_cast<size_t>(e)]);
    std::sort(mapped.reversed_edges.begin(), mapped.reversed_edges.end());
    return SameBits(mapped, b);
}
} // namespace

TEST_CASE("layout: another input order of the same graph gives the same layout", "[layout]")
{
    // The input order used to decide which edges a cycle search reverses, which of the shortest
    // rankings the simplex reaches and where the ordering's searches start: a shuffled input landed in
    // another local minimum, up to 8.5 % more crossings on the bench's graphs. Laid out in canonical
    // order, every listing of a graph gets the same drawing.
    SampleGraph cyclic = GenerateLayeredDag(5, 40);
    for (size_t e = 0, given = cyclic.edges.size(); e < given; e += 5)
        cyclic.edges.push_back({cyclic.edges[e].to, cyclic.edges[e].from}); // a 2-cycle for every fifth edge
    cyclic.edges.push_back({3, 3});                                         // and a self-loop
    cyclic.name = "seeded 40 with cycles";
    for (const SampleGraph& g : {PathwayLikeGraph(), cyclic, GenerateLayeredDag(7, 100), GenerateLayeredDag(8, 300)})
    {
        INFO(g.name);
        GraphLayout base = ComputeLayout(g.nodes, g.edges, Options());
        for (std::uint64_t seed = 1; seed <= 3; seed++)
        {
            Permutation map;
            SampleGraph p = PermutedGraph(g, seed, &map);
            GraphLayout shuffled = ComputeLayout(p.nodes, p.edges, Options());
            INFO("seed " << seed << ": " << shuffled.crossings << " crossings against " << base.crossings);
            CHECK(SameUnderPermutation(base, shuffled, map));
        }
    }
}

TEST_CASE("layout: symmetric nodes give the same picture, and long chains stay bounded", "[layout]")
{
    // Two identical branches under one root, joined crosswise: the branches are symmetric (swapping
    // them maps the graph onto itself), so the drawing is the same picture for every listing, though
    // which branch goes left follows the listing: the layout sees only sizes and edges, and either
    // choice is the same graph.
    SampleGraph branches;
    branches.name = "two branches";
    branches.nodes = std::vector<LayoutNode>(7, LayoutNode{4.0f, 2.0f});
    branches.edges = {{0, 1}, {1, 2}, {2, 3}, {0, 4}, {4, 5}, {5, 6}, {1, 5}, {4, 2}};
    auto picture = [](const GraphLayout& layout)
    {
        std::vector<std::vector<float>> shapes;
        for (const NodePlacement& n : layout.nodes)
            shapes.push_back({n.centre.x, n.centre.y});
        for (const EdgeRoute& e : layout.edges)
        {
            std::vector<float> shape{-1.0f};
            for (const LayoutPoint& point : e.points)
                shape.insert(shape.end(), {point.x, point.y});
            shapes.push_back(shape);
        }
        std::sort(shapes.begin(), shapes.end());
        return shapes;
    };
    GraphLayout base = ComputeLayout(branches.nodes, branches.edges, Options());
    int mirrored = 0;
    for (std::uint64_t seed = 1; seed <= 8; seed++)
    {
        Permutation map;
        SampleGraph p = PermutedGraph(branches, seed, &map);
        GraphLayout shuffled = ComputeLayout(p.nodes, p.edges, Options());
        INFO("seed " << seed);
        CHECK(picture(shuffled) == picture(base));
        CHECK(shuffled.crossings == base.crossings);
        mirrored += SameUnderPermutation(base, shuffled, map) ? 0 : 1;
    }
    CHECK(mirrored > 0); // the symmetric case is exercised: some listings put the other branch left
    // A chain of 3000 nodes needs a refinement round for every two nodes to tell them all apart; the
    // rounds are capped, and the order is still a permutation of the nodes.
    std::vector<LayoutEdge> chain;
    for (int v = 0; v + 1 < 3000; v++)
        chain.push_back({v, v + 1});
    std::vector<int> order = graph_detail::CanonicalOrder(std::vector<std::uint64_t>(3000, 7u), chain);
    std::vector<int> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    for (int v = 0; v < 3000; v++)
        CHECK(sorted[static_cast<size_t>(v)] == v);
}

TEST_CASE("layout: the bench's 100-node DAG crosses no more than Graphviz dot draws it", "[layout]")
{
    // dot (Debian 12's graphviz 2.42, the bench's layout.dot) draws this graph with 154 crossings, and
    // its node positions read 163 by the layered count. Without the shaking of the best orders
    // (graph_ordering.cpp, section 6) this engine drew 155.
    SampleGraph g = GenerateLayeredDag(20261121u + 100u, 100);
    GraphLayout layout = ComputeLayout(g.nodes, g.edges, Options());
    std::vector<LayoutPoint> centres;
    for (const NodePlacement& n : layout.nodes)
        centres.push_back(n.centre);
    CHECK(layout.crossings <= 154);
    CHECK(CountLayeredCrossings(centres, g.edges, LayoutDirection::TopToBottom) <= 163);
}

TEST_CASE("layout: the bench's DAGs in any of its shuffled orders cross fewer edges than dot's drawing", "[layout]")
{
    // The bench's eight shuffles of its 100- and 1000-node DAGs (nodes and edges in seeded orders). dot
    // draws the given orders with 154 and 6548 crossings (layered count 163 and 6996). Before the spectral
    // starts (graph_ordering.cpp, section 2) the worst of these shuffles read 164 and 6968 by the layered
    // count; with them, 148 and 5787. The bounds sit below dot's counts, with room above today's worst.
    struct Case
    {
        int nodes;
        long long drawn;
        long long layered;
    };
    for (Case c : {Case{100, 150, 155}, Case{1000, 5800, 6300}})
    {
        SampleGraph g = GenerateLayeredDag(20261121u + static_cast<std::uint64_t>(c.nodes), c.nodes);
        for (std::uint64_t i = 0; i < 8; i++)
        {
            SampleGraph p = PermutedGraph(g, 20261201u + i);
            GraphLayout layout = ComputeLayout(p.nodes, p.edges, Options());
            std::vector<LayoutPoint> centres;
            for (const NodePlacement& n : layout.nodes)
                centres.push_back(n.centre);
            INFO(c.nodes << " nodes, shuffle " << i);
            CHECK(layout.crossings <= c.drawn);
            CHECK(CountLayeredCrossings(centres, p.edges, LayoutDirection::TopToBottom) <= c.layered);
        }
    }
}

TEST_CASE("layout: the async helper returns the same layout", "[layout]")
{
    SampleGraph g = GenerateLayeredDag(5, 300);
    std::future<GraphLayout> pending = ComputeLayoutAsync(g.nodes, g.edges, Options());
    GraphLayout sync = ComputeLayout(g.nodes, g.edges, Options());
    CHECK(SameBits(pending.get(), sync));
}

TEST_CASE("layout: sample generator is deterministic and shaped as documented", "[layout]")
{
    SampleGraph a = GenerateLayeredDag(42, 1000);
    SampleGraph b = GenerateLayeredDag(42, 1000);
    REQUIRE(a.edges.size() == b.edges.size());
    for (size_t i = 0; i < a.edges.size(); i++)
    {
        CHECK(a.edges[i].from == b.edges[i].from);
        CHECK(a.edges[i].to == b.edges[i].to);
    }
    CHECK(a.nodes.size() == 1000);
    CHECK(a.edges.size() == 1364);
    // Every edge goes from a lower index to a higher one (layers are index ranges): a DAG.
    for (const LayoutEdge& e : a.edges)
        CHECK(e.from < e.to);
}
