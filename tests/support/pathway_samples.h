// Flowcharts an editor might write, generated: seeded layered pathways of any size with every node
// kind (in the order a route runs: school first, registration last), English and Welsh titles of
// mixed lengths, condition labels, roles on the jobs, and several "Where are you now?" start points,
// some deep inside the chart and off its centre line (as "Have a degree" is in the bundled one).
// They load with no errors or warnings (tests/core/pathway/test_pathway_samples.cpp), and
// make-flowchart-pack (tests/support/make_flowchart_pack.cpp) writes them into a copy of a pack
// for --validate and --screenshot. Deterministic on every platform (SplitMix64).
#pragma once
#include "core/pathway/pathway_model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core
{
// node_count nodes over about sqrt(node_count / 2) layers (at least 2). The first layer is small
// (1 to 4 nodes, all named by the first start point); every later node has a parent (in the layer
// above 80% of the time, else further up), then extra arrows up to about 1.3 per node, a
// condition on every fourth arrow. Start points: the first layer, then one or two nodes in the
// second layer and at a third and two thirds of the way down. Job and registration nodes name
// `role_ids` in turn (none when it is empty). Nodes spread down the chart take the ids in
// `keep_ids` (those a pack's role pages name), the rest are "step-<n>". Every node is reachable;
// there are no loops.
Pathway GenerateEditorPathway(std::uint64_t seed, int node_count, const std::vector<std::string>& role_ids,
                              const std::vector<std::string>& keep_ids = {});

// pathway.json for `pathway`, as an editor would write it (schema reference, two-space indent).
std::string PathwayJsonText(const Pathway& pathway);

// Copies the pack in `content` to `out` and replaces its pathway.json with
// GenerateEditorPathway(seed, node_count, the copy's role ids, the nodes its role pages name).
// Returns an empty string, or what went wrong.
std::string WriteGeneratedPathwayPack(const std::string& content, const std::string& out, int node_count,
                                      std::uint64_t seed);
} // namespace kiosk::core
