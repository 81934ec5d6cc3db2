// Sample graphs for the layout's tests and benchmark: a seeded generator of layered DAGs and a hand-made
// graph shaped like the careers pathway. Deterministic on every platform (core/seeded_random.h, no std
// distributions, whose output differs between standard libraries).
#pragma once
#include "core/layout/graph_layout.h"
#include "core/seeded_random.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core
{
struct SampleGraph
{
    std::string name;
    std::vector<std::string> labels; // one per node
    std::vector<LayoutNode> nodes;
    std::vector<LayoutEdge> edges;
};

// A random layered DAG: node_count nodes over about sqrt(node_count / 2) layers (at least 2); every node
// below the first layer gets one parent (from the layer above 80% of the time, from further up
// otherwise), then random extra edges (70% to the next layer, else up to four layers down, never
// repeated) until there are about 1.364 edges per node. Node boxes are 6-12 units wide, 2 high.
SampleGraph GenerateLayeredDag(std::uint64_t seed, int node_count);

// A hand-made graph shaped like the careers pathway (about 50 nodes): start points, GCSEs, A levels and
// equivalents through a "level 3" hub, degrees, training programmes, jobs, registration. A layered
// drawing with zero crossings exists.
SampleGraph PathwayLikeGraph();

// Where PermutedGraph put each node and edge: node[v] is the new index of node v, edge[e] that of edge e.
struct Permutation
{
    std::vector<int> node;
    std::vector<int> edge;
};

// The same graph with its nodes (and labels) and edges in a seeded shuffled order (SplitMix64): for
// checking that the layout does not depend on input order. 'map' (if given) receives where each went.
SampleGraph PermutedGraph(const SampleGraph& g, std::uint64_t seed, Permutation* map = nullptr);
} // namespace kiosk::core
