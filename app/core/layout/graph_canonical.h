// Internal to the layered layout: a canonical order of a graph's nodes, so the layout does not depend on
// the order in which the caller lists nodes and edges. Used by graph_layout.cpp and tests.
//
// Every step of the layout breaks ties by index (which node a search starts from, which start orders it
// seeds, which of two equal pivots the simplex takes), so the same graph listed in another order was laid
// out differently: on Graphviz's example graphs a shuffled order read up to 8.5 % more crossings than the
// given one. ComputeLayout lays out the graph relabelled in the order returned here, which depends only
// on the graph, so the same graph in any order gets the same layout, node for node.
#pragma once
#include "core/layout/graph_layout.h"

#include <cstdint>
#include <vector>

namespace kiosk::core::graph_detail
{
// Returns the nodes in canonical order: result[i] is the index of the node that comes i-th. 'keys' gives
// each node what the layout sees of it besides its edges (its size and self-loops, hashed by the caller);
// 'edges' are the graph's other edges, all with valid ends. The order is computed by colour refinement
// (Weisfeiler-Leman, in- and out-edges told apart): a node's colour starts as its key and is hashed with
// the multisets of its neighbours' colours until the classes stop splitting. Nodes whose colours still
// tie are then told apart by individualising one of them and refining again, except twins (the same key
// and the same in- and out-neighbours), whose order cannot change the relabelled graph.
//
// Promise: two listings of one graph (nodes and edges permuted) relabel to the same graph, so they are
// laid out the same (when tied nodes are symmetric, which of them is individualised follows the listing,
// and the layout maps them onto each other: the same picture), unless refinement leaves tied nodes that are not
// symmetric after kMaxIndividualised individualisations or kMaxRefinements rounds in all (rare outside long chains and
// regular graphs: none of Graphviz's example graphs nor the bench's seeded ones); the remaining ties go by input order.
// Work: at most kMaxRefinements rounds, each O((nodes + edges) + nodes log nodes).
std::vector<int> CanonicalOrder(const std::vector<std::uint64_t>& keys, const std::vector<LayoutEdge>& edges);

// ComputeLayout's steps on the graph as listed, without the relabelling: its cycle breaking, ranking and
// ordering break ties by index. Defined in graph_layout.cpp; ComputeLayout calls it on the relabelled
// graph, and tests call it to follow those steps in an order they choose.
GraphLayout LayOutInOrder(const std::vector<LayoutNode>& nodes, const std::vector<LayoutEdge>& edges,
                          const LayoutOptions& options);

// How many tied nodes CanonicalOrder individualises before the remaining ties go by input order.
constexpr int kMaxIndividualised = 32;

// How many refinement rounds CanonicalOrder runs in all, so a long chain (one more round for every two
// nodes) cannot cost more than the layout: 100 rounds of a 10000-node graph take about as long as one
// of its ordering sweeps.
constexpr int kMaxRefinements = 100;
} // namespace kiosk::core::graph_detail
