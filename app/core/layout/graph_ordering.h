// Internal step of the layered layout: crossing minimisation on a proper layered graph (every edge joins
// consecutive layers; long edges already split by dummy nodes). Used by graph_layout.cpp and tests.
#pragma once
#include <vector>

namespace kiosk::core::graph_detail
{
struct OrderGraph
{
    std::vector<int> layer;               // per node
    std::vector<std::vector<int>> up;     // neighbours in layer - 1, one entry per edge
    std::vector<std::vector<int>> down;   // neighbours in layer + 1, one entry per edge
    std::vector<std::vector<int>> layers; // node order within each layer (the result)
    int real_count = 0;                   // nodes [0, real_count) are real, the rest dummies
};

// Adds the edge from -> to (a real node to one on a later layer) as a chain: a dummy node on every
// layer between, appended to that layer, and an edge between each neighbouring pair. Returns the chain's
// nodes from top to bottom.
std::vector<int> AddChain(OrderGraph& graph, int from, int to);

// Crossings between neighbouring layers of graph.layers (edges sharing an end never cross).
long long CountOrderCrossings(const OrderGraph& graph);

// One pass of chain sifting over graph.layers: each long edge's dummies are moved together, each at most
// 16 places, to where its pieces cross the fewest other edges, the rest of each layer keeping its
// order. Never adds a crossing; returns how many it removed. A step of MinimiseCrossings.
long long SiftChains(OrderGraph& graph);

// Reorders graph.layers to reduce crossings: start orders from searches (breadth and depth first from the
// top and from the bottom, following edges both ways; the given order only decides where each search
// starts; two of the four on large graphs), two spectral orders (every layer sorted by one power-iterated
// vector for the whole graph; none on graphs small enough for one thread) and seeded shuffles of the given
// order as a fixed work budget allows (many on small graphs, none on large ones; always an even number);
// when a search start has no crossings, only the searches go on. The starts are improved by
// weighted-median sweeps with transposition in rounds of four sweeps, on two threads, the worse half of
// the starts dropped after each round until a quarter (at least two) are left; each of those gets a round
// of sifting, the best two of them on small graphs rounds of shaking (a few nodes of one layer shuffled,
// the layers around sifted again, kept when no worse; ended by kShakePatience rounds in a row without a
// gain, set in graph_ordering.cpp), then every one a round of chain sifting (with a sift and transposition
// after it when it gained), and the best order found is kept.
// The same algorithm for every size; work depends only on the graph. 'sweeps' caps the sweeps per start,
// 'max_shuffles' the seeded shuffles (rounded down to an even number). Returns the crossing count of the
// result. Deterministic.
long long MinimiseCrossings(OrderGraph& graph, int sweeps, int max_shuffles = 8);
} // namespace kiosk::core::graph_detail
