// Internal step of the layered layout: positions across the layers for a fixed order. Used by
// graph_layout.cpp; not part of the public API.
#pragma once
#include "core/layout/graph_ordering.h"

#include <vector>

namespace kiosk::core::graph_detail
{
// How hard the placement pulls: a piece of an edge, weight * (x_u - x_v)^2, by what it joins (1
// between two real nodes), and a bend of a long edge at a dummy d between a and b,
// bend * (x_a - 2 x_d + x_b)^2, which costs nothing when the edge runs straight at any slope.
struct PlacementWeights
{
    double dummy_dummy = 64.0;
    double real_dummy = 16.0;
    double bend = 0.0;
};

// Extents of each node across the layer (left and right of its centre) and the gap rules.
struct PlacementInput
{
    std::vector<float> left;  // per node of the OrderGraph
    std::vector<float> right; // per node
    float node_gap = 1.0f;    // between two real nodes
    float edge_gap = 0.5f;    // when either neighbour is a dummy
    int passes = 24;
    PlacementWeights weights;
};

// Positions across the layers that minimise the weighted pulls above (a real node's pull along a
// long edge aims at the line of the edge's first two pieces), subject to the order and gaps within
// each layer. Block coordinate descent: each pass visits every layer (top down on even passes, bottom
// up on odd ones) and solves that layer's constrained problem exactly with pool-adjacent-violators.
// Deterministic; a fixed number of passes. The result is shifted so the smallest left edge is at 0.
std::vector<double> PlaceAcrossLayers(const OrderGraph& graph, const PlacementInput& input);

// Crossings when every edge is drawn as one straight line between its real ends (the layered count on
// real node positions: each edge cut at every layer it spans, inversions between adjacent layers).
// 'chains' lists each edge's nodes from top to bottom; x is a placement of 'graph'. Defined in
// graph_crossings.cpp, whose inversion counter it shares with the public counters.
long long CountStraightCrossings(const OrderGraph& graph, const std::vector<std::vector<int>>& chains,
                                 const std::vector<double>& x);

// PlaceAcrossLayers under a few weightings (input.weights is ignored), keeping the placement whose
// edges, read as straight lines between their real ends, cross least (ties to the earlier weighting).
// The order fixes the crossings of the edges as drawn through their dummies; how straight a long edge
// can run depends on where its ends sit, and no one weighting suits every graph. A graph with no
// long edge is placed once; on larger graphs one weighting runs on a second thread. The result does
// not depend on the threads. When the graph has a dummy, *straight_crossings (if given) receives the
// kept placement's straight-line count; otherwise it is not computed and is left as it is.
std::vector<double> PlaceAcrossLayersStraightest(const OrderGraph& graph, const std::vector<std::vector<int>>& chains,
                                                 const PlacementInput& input, long long* straight_crossings = nullptr);
} // namespace kiosk::core::graph_detail
