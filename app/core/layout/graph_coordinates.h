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
//
// The bend is what decides how the drawing reads: the layered count takes every edge as one straight
// line between its real ends, and when a long edge's dummies lie on that line it crosses exactly what
// the order drew through them. A bend of 4096 holds them there wherever the order allows. Over the
// bench's graphs in their given order (layout.dot, sixteenth session, before the canonical order) the layered total
// fell from 5927 to 5653, world.gv from 57 to 38, abstract.gv from 53 to 43, NaN.gv from 26 to 13 and sdh.gv from 30 to
// 4 (dot: 59, 58, 71, 30), against the best of three weightings with bends of at most 64, tried per graph before; a
// bend of 256 left world.gv and abstract.gv 14 crossings above their drawn counts even after 1000 passes.
struct PlacementWeights
{
    double dummy_dummy = 64.0;
    double real_dummy = 16.0;
    double bend = 4096.0;
};

// Extents of each node across the layer (left and right of its centre) and the gap rules.
struct PlacementInput
{
    std::vector<float> left;  // per node of the OrderGraph
    std::vector<float> right; // per node
    float node_gap = 1.0f;    // between two real nodes
    float edge_gap = 0.5f;    // when either neighbour is a dummy
    int passes = 96;
    PlacementWeights weights;
};

// Positions across the layers that minimise the weighted pulls above (a real node's pull along a
// long edge aims at the line of the edge's first two pieces), subject to the order and gaps within
// each layer. Block coordinate descent: each pass visits every layer (top down on even passes, bottom
// up on odd ones) and solves that layer's constrained problem exactly with pool-adjacent-violators;
// after every pair of passes the positions are pushed on along their last step (Nesterov's momentum,
// restarted whenever a step turns back against the one before). Stiff bends make plain descent crawl:
// straightening world.gv's long edges took 1000 plain passes and takes 96 with the momentum.
// Deterministic; a fixed number of passes. The result is shifted so the smallest left edge is at 0.
std::vector<double> PlaceAcrossLayers(const OrderGraph& graph, const PlacementInput& input);
} // namespace kiosk::core::graph_detail
