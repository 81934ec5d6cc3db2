// Which parts of the pathway to light up: every route from a start point, every route into a role,
// every route through one node. Pure functions of the Pathway (no ImGui, no clock); the flowchart
// screen draws lit nodes and edges in full and dims the rest.
//
// Reachability follows the edges as written (a cycle is simply followed round once), so the result
// does not depend on how the layout broke cycles. Edges naming unknown nodes are never lit.
#pragma once
#include "core/content/content_model.h"
#include "core/pathway/pathway_model.h"

#include <string>
#include <vector>

namespace kiosk::core
{
struct PathwayHighlight
{
    bool active = false;          // false: nothing is lit and nothing is dimmed
    std::vector<char> node_lit;   // one per Pathway::nodes, 1 = lit
    std::vector<char> edge_lit;   // one per Pathway::edges, 1 = lit
    std::vector<int> focus_nodes; // the nodes the highlight was asked about (start nodes, role nodes), ascending
};

// Every route from the start's nodes onwards: the start's nodes and every node reachable from
// them, and every edge leaving a lit node. An unknown start id gives an inactive highlight.
PathwayHighlight HighlightFromStart(const Pathway& pathway, const std::string& start_id);

// Every route into a role. The role's nodes are those whose `roles` list names it, plus the nodes
// its entry routes name (a role page may point at a step, such as "A levels", that the pathway
// does not tag with the role). Lit: those nodes and all their ancestors, and every edge arriving
// at a lit node, so each route is lit from its first step to the role. Nodes after the role's
// nodes (a later senior post) stay dim. When no node is linked to the role, a specialism falls
// back to its parent role's nodes. `pack` supplies the roles; nothing found gives an inactive
// highlight.
PathwayHighlight HighlightToRole(const ContentPack& pack, const std::string& role_id);

// Every route through one node: its ancestors, the node, and its descendants, with the edges on
// those routes. With a non-empty `role_id` that has nodes (as in HighlightToRole), descendants are
// kept only when they lie on a route on to one of the role's nodes: an entry route on a role page
// then lights "this step, how to reach it, and where it leads for this role". An unknown node id
// gives an inactive highlight.
PathwayHighlight HighlightNode(const ContentPack& pack, const std::string& node_id,
                               const std::string& role_id = std::string());

// The routes from a start point to a role (the quiz's "Show my route"): the nodes both reachable
// from the start and leading into the role, and the edges between them. When the start does not
// lead to the role at all, the routes into the role alone (so something useful is always lit).
PathwayHighlight HighlightFromStartToRole(const ContentPack& pack, const std::string& start_id,
                                          const std::string& role_id);

// The ids of the lit nodes, in Pathway::nodes order (for tests and logs).
std::vector<std::string> LitNodeIds(const Pathway& pathway, const PathwayHighlight& highlight);

// Index of a node by id, or -1.
int PathwayNodeIndex(const Pathway& pathway, const std::string& id);
} // namespace kiosk::core
