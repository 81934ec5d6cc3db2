// Internal step of the layered layout: positions across the layers for a fixed order. Used by
// graph_layout.cpp; not part of the public API.
#pragma once
#include "core/layout/graph_ordering.h"

#include <vector>

namespace kiosk::core::graph_detail
{
// Extents of each node across the layer (left and right of its centre) and the gap rules.
struct PlacementInput
{
    std::vector<float> left;  // per node of the OrderGraph
    std::vector<float> right; // per node
    float node_gap = 1.0f;    // between two real nodes
    float edge_gap = 0.5f;    // when either neighbour is a dummy
    int passes = 24;
};

// Positions across the layers that pull each edge's ends into line, weight * (x_u - x_v)^2 per edge
// (weight 1 between real nodes, 16 between a real node and a dummy, 64 between dummies, so long edges
// run straight; a real node's pull along a long edge aims at the line of the edge's first two pieces),
// subject to the order and gaps within each layer. Block coordinate descent: each pass visits every
// layer (top down on even passes, bottom up on odd ones) and solves that layer's constrained problem
// exactly with pool-adjacent-violators. Deterministic; a fixed number of passes. The result is shifted
// so the smallest left edge is at 0.
std::vector<double> PlaceAcrossLayers(const OrderGraph& graph, const PlacementInput& input);
} // namespace kiosk::core::graph_detail
