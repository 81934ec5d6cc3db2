// Checks on the pathway graph that need the whole file: duplicate ids, edges and start points
// naming unknown nodes, nodes no start point reaches (errors), and cycles (a warning: the
// layout still draws them by reversing an edge).
#pragma once
#include "core/pathway/pathway_model.h"

#include <string>
#include <vector>

namespace kiosk::core
{
// `edge_from_where[i]`, `edge_to_where[i]` locate edge i's "from" and "to" values and
// `start_nodes_where[i]` start i's "nodes" list; missing entries fall back to the item.
void CheckPathway(const Pathway& pathway, const std::vector<SourceLocation>& edge_from_where,
                  const std::vector<SourceLocation>& edge_to_where,
                  const std::vector<SourceLocation>& start_nodes_where, DiagnosticList& diags);
} // namespace kiosk::core
