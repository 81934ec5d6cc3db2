// Sample graphs for the layout's tests and benchmark: a seeded generator of layered DAGs and a hand-made
// graph shaped like the careers pathway. Deterministic on every platform (own SplitMix64 generator, no
// std distributions, whose output differs between standard libraries).
#pragma once
#include "core/layout/graph_layout.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core
{
// SplitMix64: tiny, fast, and the same sequence everywhere (shared by the sample generators).
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t Next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // Uniform in [0, bound) (bound > 0); the tiny modulo bias does not matter here.
    int Below(int bound) { return static_cast<int>(Next() % static_cast<std::uint64_t>(bound)); }

    // True with probability percent / 100.
    bool Chance(int percent) { return Below(100) < percent; }

private:
    std::uint64_t m_state;
};

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

// The same graph with its nodes (and labels) and edges in a seeded shuffled order (SplitMix64):
// for checking that the layout does not depend much on input order.
SampleGraph PermutedGraph(const SampleGraph& g, std::uint64_t seed);
} // namespace kiosk::core
