#include "core/pathway/pathway_highlight.h"

#include <algorithm>
#include <map>

namespace kiosk::core
{
namespace
{
// The pathway as index lists: edges with an unknown end are left out (edge_from/to = -1).
struct Adjacency
{
    std::vector<int> edge_from, edge_to;
    std::vector<std::vector<int>> out, in; // edge indices per node
};

Adjacency BuildAdjacency(const Pathway& pathway)
{
    std::map<std::string, int> index;
    for (size_t i = 0; i < pathway.nodes.size(); ++i)
        index.emplace(pathway.nodes[i].id, static_cast<int>(i)); // the first of duplicate ids wins
    Adjacency a;
    a.out.resize(pathway.nodes.size());
    a.in.resize(pathway.nodes.size());
    for (size_t e = 0; e < pathway.edges.size(); ++e)
    {
        const auto f = index.find(pathway.edges[e].from), t = index.find(pathway.edges[e].to);
        const int from = f == index.end() ? -1 : f->second, to = t == index.end() ? -1 : t->second;
        a.edge_from.push_back(from);
        a.edge_to.push_back(to);
        if (from >= 0 && to >= 0)
        {
            a.out[static_cast<size_t>(from)].push_back(static_cast<int>(e));
            a.in[static_cast<size_t>(to)].push_back(static_cast<int>(e));
        }
    }
    return a;
}

// Marks every node reachable from `seeds` (seeds included), forwards or backwards.
std::vector<char> Reach(const Adjacency& a, const std::vector<int>& seeds, bool forwards)
{
    std::vector<char> seen(a.out.size(), 0);
    std::vector<int> stack;
    for (int s : seeds)
        if (s >= 0 && static_cast<size_t>(s) < seen.size() && !seen[static_cast<size_t>(s)])
        {
            seen[static_cast<size_t>(s)] = 1;
            stack.push_back(s);
        }
    while (!stack.empty())
    {
        const int v = stack.back();
        stack.pop_back();
        for (int e : (forwards ? a.out : a.in)[static_cast<size_t>(v)])
        {
            const int w = forwards ? a.edge_to[static_cast<size_t>(e)] : a.edge_from[static_cast<size_t>(e)];
            if (!seen[static_cast<size_t>(w)])
            {
                seen[static_cast<size_t>(w)] = 1;
                stack.push_back(w);
            }
        }
    }
    return seen;
}

std::vector<int> Sorted(std::vector<int> v)
{
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
}

// The nodes linked to a role (see HighlightToRole), without the parent fallback.
std::vector<int> RoleNodesDirect(const ContentPack& pack, const std::string& role_id)
{
    std::vector<int> nodes;
    const Pathway& p = pack.pathway;
    for (size_t i = 0; i < p.nodes.size(); ++i)
        if (std::find(p.nodes[i].roles.begin(), p.nodes[i].roles.end(), role_id) != p.nodes[i].roles.end())
            nodes.push_back(static_cast<int>(i));
    if (const Role* role = pack.FindRole(role_id))
        for (const EntryRoute& route : role->entry_routes)
            if (const int n = PathwayNodeIndex(p, route.pathway_node); n >= 0)
                nodes.push_back(n);
    return Sorted(nodes);
}

std::vector<int> RoleNodes(const ContentPack& pack, const std::string& role_id)
{
    std::vector<int> nodes = RoleNodesDirect(pack, role_id);
    if (nodes.empty())
        if (const Role* role = pack.FindRole(role_id); role && !role->parent.empty())
            nodes = RoleNodesDirect(pack, role->parent);
    return nodes;
}

PathwayHighlight Empty(const Pathway& pathway)
{
    PathwayHighlight h;
    h.node_lit.assign(pathway.nodes.size(), 0);
    h.edge_lit.assign(pathway.edges.size(), 0);
    return h;
}
} // namespace

int PathwayNodeIndex(const Pathway& pathway, const std::string& id)
{
    for (size_t i = 0; i < pathway.nodes.size(); ++i)
        if (pathway.nodes[i].id == id)
            return static_cast<int>(i);
    return -1;
}

PathwayHighlight HighlightFromStart(const Pathway& pathway, const std::string& start_id)
{
    PathwayHighlight h = Empty(pathway);
    std::vector<int> seeds;
    for (const PathwayStart& s : pathway.starts)
        if (s.id == start_id)
            for (const std::string& id : s.nodes)
                if (const int n = PathwayNodeIndex(pathway, id); n >= 0)
                    seeds.push_back(n);
    if (seeds.empty())
        return h;
    const Adjacency a = BuildAdjacency(pathway);
    h.active = true;
    h.node_lit = Reach(a, seeds, true);
    for (size_t e = 0; e < pathway.edges.size(); ++e)
        h.edge_lit[e] = a.edge_from[e] >= 0 && a.edge_to[e] >= 0 && h.node_lit[static_cast<size_t>(a.edge_from[e])];
    h.focus_nodes = Sorted(seeds);
    return h;
}

PathwayHighlight HighlightToRole(const ContentPack& pack, const std::string& role_id)
{
    const Pathway& pathway = pack.pathway;
    PathwayHighlight h = Empty(pathway);
    const std::vector<int> targets = RoleNodes(pack, role_id);
    if (targets.empty())
        return h;
    const Adjacency a = BuildAdjacency(pathway);
    h.active = true;
    // The lit set is closed under "parent of": an edge is on a route into the role exactly when
    // it arrives at a lit node.
    h.node_lit = Reach(a, targets, false);
    for (size_t e = 0; e < pathway.edges.size(); ++e)
        h.edge_lit[e] = a.edge_from[e] >= 0 && a.edge_to[e] >= 0 && h.node_lit[static_cast<size_t>(a.edge_to[e])];
    h.focus_nodes = targets;
    return h;
}

PathwayHighlight HighlightNode(const ContentPack& pack, const std::string& node_id, const std::string& role_id)
{
    const Pathway& pathway = pack.pathway;
    PathwayHighlight h = Empty(pathway);
    const int node = PathwayNodeIndex(pathway, node_id);
    if (node < 0)
        return h;
    const Adjacency a = BuildAdjacency(pathway);
    const std::vector<char> up = Reach(a, {node}, false);
    std::vector<char> down = Reach(a, {node}, true);
    const std::vector<int> targets = role_id.empty() ? std::vector<int>{} : RoleNodes(pack, role_id);
    if (!targets.empty())
    {
        // Keep the node's descendants that still lead on to the role (the targets themselves included).
        const std::vector<char> into_role = Reach(a, targets, false);
        for (size_t v = 0; v < down.size(); ++v)
            down[v] = down[v] && (into_role[v] || static_cast<int>(v) == node);
    }
    h.active = true;
    for (size_t v = 0; v < pathway.nodes.size(); ++v)
        h.node_lit[v] = up[v] || down[v];
    // An edge is on a route through the node when it climbs towards the node (both ends
    // ancestors) or runs on from it (both ends kept descendants).
    for (size_t e = 0; e < pathway.edges.size(); ++e)
    {
        const int f = a.edge_from[e], t = a.edge_to[e];
        if (f < 0 || t < 0)
            continue;
        const size_t fu = static_cast<size_t>(f), tu = static_cast<size_t>(t);
        h.edge_lit[e] = (up[fu] && up[tu]) || (down[fu] && down[tu]);
    }
    h.focus_nodes = {node};
    return h;
}

PathwayHighlight HighlightFromStartToRole(const ContentPack& pack, const std::string& start_id,
                                          const std::string& role_id)
{
    const PathwayHighlight from = HighlightFromStart(pack.pathway, start_id);
    const PathwayHighlight into = HighlightToRole(pack, role_id);
    if (!from.active || !into.active)
        return from.active ? from : into;
    PathwayHighlight h = Empty(pack.pathway);
    for (size_t v = 0; v < h.node_lit.size(); ++v)
        h.node_lit[v] = from.node_lit[v] && into.node_lit[v];
    bool any = false;
    for (size_t e = 0; e < h.edge_lit.size(); ++e)
    {
        h.edge_lit[e] = from.edge_lit[e] && into.edge_lit[e];
        any |= h.edge_lit[e] != 0;
    }
    if (!any && std::none_of(h.node_lit.begin(), h.node_lit.end(), [](char c) { return c != 0; }))
        return into;
    h.active = true;
    h.focus_nodes = from.focus_nodes;
    return h;
}

std::vector<std::string> LitNodeIds(const Pathway& pathway, const PathwayHighlight& highlight)
{
    std::vector<std::string> ids;
    for (size_t i = 0; i < pathway.nodes.size() && i < highlight.node_lit.size(); ++i)
        if (highlight.node_lit[i])
            ids.push_back(pathway.nodes[i].id);
    return ids;
}
} // namespace kiosk::core
