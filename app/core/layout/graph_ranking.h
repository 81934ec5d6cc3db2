// Internal steps of the layered layout: cycle breaking and layer assignment. Used by graph_layout.cpp and
// tests; not part of the public API.
#pragma once
#include "core/layout/graph_layout.h"

#include <vector>

namespace kiosk::core::graph_detail
{
// Where the depth-first search of FindEdgesToReverse starts and in which order it follows edges. Which
// edges it reverses depends on the order it meets them, and neither order suits every graph (see
// ComputeLayout, which tries both on a graph with a cycle).
enum class CycleSearch
{
    SourcesFirst, // from every source in index order, then from any node not yet reached; edges in order
    InputOrder,   // from every node in index order; each node's edges from the last to the first
};

// Returns, per edge, 1 when the edge must be reversed to make the graph acyclic: a depth-first search
// as 'search' says, reversing edges into a node still on the search stack. Self-loops are never marked
// (the caller sets them aside). All edge ends must be valid indices.
std::vector<char> FindEdgesToReverse(int node_count, const std::vector<LayoutEdge>& edges,
                                     CycleSearch search = CycleSearch::SourcesFirst);

// Ranks for an acyclic graph (edges from tail to head, minimum length 1) minimising the total edge
// length by network simplex, each weakly connected component separately, each starting at rank 0.
// max_pivots caps the simplex per component (results stay valid, only less compact, if reached).
std::vector<int> AssignRanks(int node_count, const std::vector<LayoutEdge>& dag_edges, int max_pivots);
} // namespace kiosk::core::graph_detail
