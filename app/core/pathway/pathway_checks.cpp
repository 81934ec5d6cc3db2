#include "core/pathway/pathway_checks.h"

#include <map>
#include <set>

namespace kiosk::core
{
static SourceLocation At(const std::vector<SourceLocation>& where, size_t i, const SourceLocation& fallback)
{
    return i < where.size() ? where[i] : fallback;
}

void CheckPathway(const Pathway& pw, const std::vector<SourceLocation>& edge_from_where,
                  const std::vector<SourceLocation>& edge_to_where,
                  const std::vector<SourceLocation>& start_nodes_where, DiagnosticList& diags)
{
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < pw.nodes.size(); i++)
    {
        const PathwayNode& n = pw.nodes[i];
        if (n.id.empty())
            continue;
        if (!index.emplace(n.id, i).second)
            diags.Error(n.where, "node id '" + n.id + "' is used twice (first at line " +
                                     std::to_string(pw.nodes[index[n.id]].where.line) + ")");
    }
    std::vector<std::vector<size_t>> out(pw.nodes.size());
    std::set<std::pair<std::string, std::string>> seen_edges;
    for (size_t i = 0; i < pw.edges.size(); i++)
    {
        const PathwayEdge& e = pw.edges[i];
        const bool from_ok = index.count(e.from) != 0, to_ok = index.count(e.to) != 0;
        if (!e.from.empty() && !from_ok)
            diags.Error(At(edge_from_where, i, e.where), "edge starts at unknown node '" + e.from + "'");
        if (!e.to.empty() && !to_ok)
            diags.Error(At(edge_to_where, i, e.where), "edge points to unknown node '" + e.to + "'");
        if (from_ok && to_ok)
        {
            if (!seen_edges.insert({e.from, e.to}).second)
                diags.Warning(e.where, "edge from '" + e.from + "' to '" + e.to + "' is listed twice");
            out[index[e.from]].push_back(index[e.to]);
        }
    }
    std::set<std::string> start_ids;
    std::vector<size_t> roots;
    for (size_t i = 0; i < pw.starts.size(); i++)
    {
        const PathwayStart& s = pw.starts[i];
        if (!s.id.empty() && !start_ids.insert(s.id).second)
            diags.Error(s.where, "start point id '" + s.id + "' is used twice");
        if (s.nodes.empty())
            diags.Error(At(start_nodes_where, i, s.where), "start point '" + s.id + "' names no nodes");
        for (const std::string& id : s.nodes)
        {
            auto it = index.find(id);
            if (it == index.end())
                diags.Error(At(start_nodes_where, i, s.where),
                            "start point '" + s.id + "' names unknown node '" + id + "'");
            else
                roots.push_back(it->second);
        }
    }
    // Reachability from the start points.
    std::vector<char> reached(pw.nodes.size(), 0);
    std::vector<size_t> stack = roots;
    while (!stack.empty())
    {
        const size_t n = stack.back();
        stack.pop_back();
        if (reached[n])
            continue;
        reached[n] = 1;
        for (size_t m : out[n])
            stack.push_back(m);
    }
    if (!pw.starts.empty())
        for (size_t i = 0; i < pw.nodes.size(); i++)
            if (!reached[i] && !pw.nodes[i].id.empty() && index[pw.nodes[i].id] == i)
                diags.Error(pw.nodes[i].where, "node '" + pw.nodes[i].id + "' cannot be reached from any start point");
    // Cycles: iterative DFS with colours; each back edge is one cycle report.
    std::vector<int> colour(pw.nodes.size(), 0); // 0 new, 1 on stack, 2 done
    for (size_t s = 0; s < pw.nodes.size(); s++)
    {
        if (colour[s])
            continue;
        std::vector<std::pair<size_t, size_t>> dfs = {{s, 0}};
        colour[s] = 1;
        while (!dfs.empty())
        {
            auto& [node, next] = dfs.back();
            if (next < out[node].size())
            {
                const size_t m = out[node][next++];
                if (colour[m] == 1)
                {
                    for (size_t i = 0; i < pw.edges.size(); i++)
                        if (pw.edges[i].from == pw.nodes[node].id && pw.edges[i].to == pw.nodes[m].id)
                        {
                            diags.Warning(pw.edges[i].where, "edge from '" + pw.nodes[node].id + "' to '" +
                                                                 pw.nodes[m].id +
                                                                 "' closes a cycle; the flowchart draws it reversed");
                            break;
                        }
                }
                else if (colour[m] == 0)
                {
                    colour[m] = 1;
                    dfs.push_back({m, 0});
                }
            }
            else
            {
                colour[node] = 2;
                dfs.pop_back();
            }
        }
    }
}
} // namespace kiosk::core
