// Cycle breaking and network-simplex layer assignment for the layered layout.
//
// Sections
//   1. Cycle breaking (depth-first search)
//   2. Network simplex: initial ranks, feasible tight tree, tree structure and cut values, pivots
//   3. AssignRanks: balancing, then per weakly connected component
#include "core/layout/graph_ranking.h"

#include <algorithm>
#include <climits>

namespace kiosk::core::graph_detail
{
// --- 1. Cycle breaking ----------------------------------------------------------------------------------

std::vector<char> FindEdgesToReverse(int node_count, const std::vector<LayoutEdge>& edges, CycleSearch search)
{
    std::vector<char> reverse(edges.size(), 0);
    std::vector<std::vector<int>> out(static_cast<size_t>(node_count));
    std::vector<int> in_degree(static_cast<size_t>(node_count), 0);
    for (size_t e = 0; e < edges.size(); e++)
    {
        if (edges[e].from == edges[e].to)
            continue;
        out[static_cast<size_t>(edges[e].from)].push_back(static_cast<int>(e));
        in_degree[static_cast<size_t>(edges[e].to)]++;
    }
    if (search == CycleSearch::InputOrder)
        for (std::vector<int>& list : out)
            std::reverse(list.begin(), list.end());
    // 0 = not reached, 1 = on the stack, 2 = finished.
    std::vector<char> state(static_cast<size_t>(node_count), 0);
    std::vector<std::pair<int, size_t>> stack; // node, next out-edge slot
    auto run_from = [&](int root)
    {
        state[static_cast<size_t>(root)] = 1;
        stack.emplace_back(root, 0);
        while (!stack.empty())
        {
            auto& [v, next] = stack.back();
            const std::vector<int>& list = out[static_cast<size_t>(v)];
            if (next == list.size())
            {
                state[static_cast<size_t>(v)] = 2;
                stack.pop_back();
                continue;
            }
            int e = list[next++];
            int w = edges[static_cast<size_t>(e)].to;
            if (state[static_cast<size_t>(w)] == 1)
                reverse[static_cast<size_t>(e)] = 1;
            else if (state[static_cast<size_t>(w)] == 0)
            {
                state[static_cast<size_t>(w)] = 1;
                stack.emplace_back(w, 0);
            }
        }
    };
    for (int v = 0; v < node_count && search == CycleSearch::SourcesFirst; v++)
        if (in_degree[static_cast<size_t>(v)] == 0 && state[static_cast<size_t>(v)] == 0)
            run_from(v);
    for (int v = 0; v < node_count; v++)
        if (state[static_cast<size_t>(v)] == 0)
            run_from(v);
    return reverse;
}

// --- 2. Network simplex -----------------------------------------------------------------------------------
// Gansner, Koutsofios, North, Vo, "A technique for drawing directed graphs" (1993), section 2. Every edge
// has weight 1 and minimum length 1. The tree is numbered once; after that a pivot lists the smaller of
// the two parts the leaving edge separates (subtree sizes are kept per node), searches only that part
// for the entering edge (stopping at the first tight one), and updates cut values, sizes and parent links
// along the entering edge's cycle, so a pivot never renumbers the whole tree. The leaving edge is the one
// whose smaller part is smallest among a few candidates, so pivots stay cheap (see LeavingEdge).

namespace
{
class NetworkSimplex
{
public:
    NetworkSimplex(int n, const std::vector<LayoutEdge>& edges) : m_n(n), m_edges(edges)
    {
        m_incident.resize(static_cast<size_t>(n));
        m_net_flow.assign(static_cast<size_t>(n), 0);
        for (size_t e = 0; e < edges.size(); e++)
        {
            m_incident[static_cast<size_t>(edges[e].from)].push_back(static_cast<int>(e));
            m_incident[static_cast<size_t>(edges[e].to)].push_back(static_cast<int>(e));
            m_net_flow[static_cast<size_t>(edges[e].from)]++;
            m_net_flow[static_cast<size_t>(edges[e].to)]--;
        }
    }

    std::vector<int> Solve(int max_pivots)
    {
        InitRanks();
        if (m_n <= 1 || m_edges.empty())
            return m_rank;
        FeasibleTree();
        m_parent_edge.assign(static_cast<size_t>(m_n), -1);
        m_low.assign(static_cast<size_t>(m_n), 0);
        m_lim.assign(static_cast<size_t>(m_n), 0);
        m_cut.assign(m_edges.size(), 0);
        m_subtree_flow.assign(static_cast<size_t>(m_n), 0);
        m_stack_node.assign(static_cast<size_t>(m_n), 0);
        m_stack_next.assign(static_cast<size_t>(m_n), 0);
        m_in_side.assign(static_cast<size_t>(m_n), 0);
        m_path_mark.assign(static_cast<size_t>(m_n), 0);
        m_side.reserve(static_cast<size_t>(m_n));
        m_tree_adjacent.assign(static_cast<size_t>(m_n), {});
        for (size_t e = 0; e < m_edges.size(); e++)
            if (m_in_tree_edge[e])
            {
                m_tree_adjacent[static_cast<size_t>(m_edges[e].from)].push_back(static_cast<int>(e));
                m_tree_adjacent[static_cast<size_t>(m_edges[e].to)].push_back(static_cast<int>(e));
            }
        // Root the tree at its centroid, which keeps the paths each pivot climbs short.
        ComputeTree(0, 0);
        m_root = Centroid();
        if (m_root != 0)
        {
            m_parent_edge.assign(static_cast<size_t>(m_n), -1);
            ComputeTree(m_root, 0);
        }
        m_size.resize(static_cast<size_t>(m_n));
        for (size_t v = 0; v < m_size.size(); v++)
            m_size[v] = m_lim[v] - m_low[v] + 1;
        m_in_negative.assign(m_edges.size(), 0);
        for (size_t e = 0; e < m_edges.size(); e++)
            NoteCut(static_cast<int>(e));
        for (int pivot = 0; pivot < max_pivots; pivot++)
        {
            int leave = LeavingEdge();
            if (leave < 0)
                break;
            int child = ChildOf(leave);
            CollectSide(leave, child);
            int enter = EnteringEdge(m_edges[static_cast<size_t>(leave)].from == child);
            if (enter < 0)
                break; // cannot happen on a connected graph; kept as a guard
            Exchange(leave, enter);
        }
        return m_rank;
    }

private:
    int Slack(int e) const
    {
        const LayoutEdge& edge = m_edges[static_cast<size_t>(e)];
        return m_rank[static_cast<size_t>(edge.to)] - m_rank[static_cast<size_t>(edge.from)] - 1;
    }

    // Longest path from the sources: every source at rank 0.
    void InitRanks()
    {
        m_rank.assign(static_cast<size_t>(m_n), 0);
        std::vector<int> in_degree(static_cast<size_t>(m_n), 0);
        for (const LayoutEdge& e : m_edges)
            in_degree[static_cast<size_t>(e.to)]++;
        std::vector<int> queue;
        queue.reserve(static_cast<size_t>(m_n));
        for (int v = 0; v < m_n; v++)
            if (in_degree[static_cast<size_t>(v)] == 0)
                queue.push_back(v);
        for (size_t head = 0; head < queue.size(); head++)
        {
            int v = queue[head];
            for (int e : m_incident[static_cast<size_t>(v)])
            {
                const LayoutEdge& edge = m_edges[static_cast<size_t>(e)];
                if (edge.from != v)
                    continue;
                int w = edge.to;
                m_rank[static_cast<size_t>(w)] =
                    std::max(m_rank[static_cast<size_t>(w)], m_rank[static_cast<size_t>(v)] + 1);
                if (--in_degree[static_cast<size_t>(w)] == 0)
                    queue.push_back(w);
            }
        }
        // Nodes with more out-edges than in-edges sink as far as their successors allow (last first),
        // which shortens edges before the simplex starts and saves it many pivots.
        for (size_t i = queue.size(); i-- > 0;)
        {
            int v = queue[i];
            int balance = 0;
            int lowest = INT_MAX;
            for (int e : m_incident[static_cast<size_t>(v)])
            {
                const LayoutEdge& edge = m_edges[static_cast<size_t>(e)];
                if (edge.from == v)
                {
                    balance++;
                    lowest = std::min(lowest, m_rank[static_cast<size_t>(edge.to)] - 1);
                }
                else
                    balance--;
            }
            if (balance > 0 && lowest != INT_MAX && lowest > m_rank[static_cast<size_t>(v)])
                m_rank[static_cast<size_t>(v)] = lowest;
        }
    }

    // Grows a spanning tree of tight edges from node 0, shifting the tree's ranks to make the
    // least-slack incident edge tight whenever growth stops.
    void FeasibleTree()
    {
        m_in_tree_edge.assign(m_edges.size(), 0);
        std::vector<char> in_tree(static_cast<size_t>(m_n), 0);
        std::vector<int> tree_nodes;
        tree_nodes.reserve(static_cast<size_t>(m_n));
        std::vector<int> stack;
        auto grow_from = [&](int start)
        {
            stack.push_back(start);
            while (!stack.empty())
            {
                int v = stack.back();
                stack.pop_back();
                for (int e : m_incident[static_cast<size_t>(v)])
                {
                    const LayoutEdge& edge = m_edges[static_cast<size_t>(e)];
                    int w = edge.from == v ? edge.to : edge.from;
                    if (in_tree[static_cast<size_t>(w)] || Slack(e) != 0)
                        continue;
                    in_tree[static_cast<size_t>(w)] = 1;
                    tree_nodes.push_back(w);
                    m_in_tree_edge[static_cast<size_t>(e)] = 1;
                    stack.push_back(w);
                }
            }
        };
        in_tree[0] = 1;
        tree_nodes.push_back(0);
        grow_from(0);
        while (static_cast<int>(tree_nodes.size()) < m_n)
        {
            int best = -1;
            int best_slack = INT_MAX;
            for (size_t e = 0; e < m_edges.size(); e++)
            {
                bool a = in_tree[static_cast<size_t>(m_edges[e].from)] != 0;
                bool b = in_tree[static_cast<size_t>(m_edges[e].to)] != 0;
                if (a == b)
                    continue;
                int s = Slack(static_cast<int>(e));
                if (s < best_slack)
                {
                    best_slack = s;
                    best = static_cast<int>(e);
                }
            }
            if (best < 0)
                break; // disconnected input: the caller passes one component, so this is a guard
            const LayoutEdge& edge = m_edges[static_cast<size_t>(best)];
            int delta = in_tree[static_cast<size_t>(edge.from)] ? best_slack : -best_slack;
            for (int v : tree_nodes)
                m_rank[static_cast<size_t>(v)] += delta;
            int w = in_tree[static_cast<size_t>(edge.from)] ? edge.to : edge.from;
            in_tree[static_cast<size_t>(w)] = 1;
            tree_nodes.push_back(w);
            m_in_tree_edge[static_cast<size_t>(best)] = 1;
            grow_from(w);
        }
    }

    // Parent links, postorder numbers (lim) with subtree minimum (low), and cut values, for the subtree
    // of 'root' (whose own parent edge is kept), numbering from first_lim. The subtree below v holds
    // exactly the nodes w with low[v] <= lim[w] <= lim[v]. A subtree's net out-flow (out-degree minus
    // in-degree summed over its nodes) is the cut value of its parent edge, negated when that edge points
    // into the subtree.
    void ComputeTree(int root, int first_lim)
    {
        // Explicit stack in preallocated arrays: trees can be deep. Runs once, before the pivots, which
        // then keep parent links and cut values up to date themselves.
        int* stack_node = m_stack_node.data();
        int* stack_next = m_stack_next.data();
        int* low = m_low.data();
        int* lim = m_lim.data();
        int* parent_edge = m_parent_edge.data();
        int* flow = m_subtree_flow.data();
        const LayoutEdge* edges = m_edges.data();
        int top = 0;
        stack_node[0] = root;
        stack_next[0] = 0;
        low[root] = first_lim;
        flow[root] = m_net_flow[static_cast<size_t>(root)];
        int counter = first_lim;
        while (top >= 0)
        {
            int v = stack_node[top];
            const std::vector<int>& list = m_tree_adjacent[static_cast<size_t>(v)];
            int size = static_cast<int>(list.size());
            int next = stack_next[top];
            int child = -1;
            while (next < size)
            {
                int e = list[static_cast<size_t>(next++)];
                if (e == parent_edge[v])
                    continue;
                child = edges[e].from == v ? edges[e].to : edges[e].from;
                parent_edge[child] = e;
                break;
            }
            stack_next[top] = next;
            if (child >= 0)
            {
                ++top;
                stack_node[top] = child;
                stack_next[top] = 0;
                low[child] = counter;
                flow[child] = m_net_flow[static_cast<size_t>(child)];
                continue;
            }
            lim[v] = counter;
            counter++;
            --top;
            if (v != root)
            {
                int pe = parent_edge[v];
                bool tail = edges[pe].from == v;
                m_cut[static_cast<size_t>(pe)] = tail ? flow[v] : -flow[v];
                flow[tail ? edges[pe].to : edges[pe].from] += flow[v];
            }
        }
    }

    // The node whose removal leaves no part larger than half the tree (tree numbered from node 0).
    int Centroid() const
    {
        int v = 0;
        for (;;)
        {
            int heavy = -1;
            int heavy_size = 0;
            for (int e : m_tree_adjacent[static_cast<size_t>(v)])
            {
                if (e == m_parent_edge[static_cast<size_t>(v)])
                    continue;
                const LayoutEdge& edge = m_edges[static_cast<size_t>(e)];
                int child = edge.from == v ? edge.to : edge.from;
                int size = m_lim[static_cast<size_t>(child)] - m_low[static_cast<size_t>(child)] + 1;
                if (size > heavy_size)
                {
                    heavy_size = size;
                    heavy = child;
                }
            }
            if (heavy < 0 || 2 * heavy_size <= m_n)
                return v;
            v = heavy;
        }
    }

    // Lists a tree edge whose cut value is negative among the leaving-edge candidates (once).
    void NoteCut(int e)
    {
        if (m_in_tree_edge[static_cast<size_t>(e)] && m_cut[static_cast<size_t>(e)] < 0 &&
            !m_in_negative[static_cast<size_t>(e)])
        {
            m_in_negative[static_cast<size_t>(e)] = 1;
            m_negative.push_back(e);
        }
    }

    // The pivot's cost: the smaller of the two parts the edge's removal leaves (CollectSide lists it).
    int SideCost(int e) const
    {
        int size = m_size[static_cast<size_t>(ChildOf(e))];
        return std::min(size, m_n - size);
    }

    // A tree edge with negative cut value: among the first 30 candidates still valid, searching cyclically
    // through the candidate list from where the last search stopped (as dot searches its edges), the one
    // leaving the smallest part (the most negative cut value on ties). Candidates that are no longer
    // negative tree edges are dropped as they are met, so a search never scans the whole edge list. Taking
    // the cheapest pivot rather than dot's most negative cut value gives the same total edge length (the
    // simplex still ends at an optimum) with fewer and cheaper pivots: at 8000 nodes 3477 pivots over parts
    // of 82 nodes on average, where the most negative cut took 9975 over parts of 1241.
    int LeavingEdge()
    {
        int best = -1;
        int best_cost = 0;
        int found = 0;
        if (m_negative_cursor >= m_negative.size())
            m_negative_cursor = 0;
        size_t i = m_negative_cursor;
        size_t visited = 0;
        while (!m_negative.empty() && visited < m_negative.size() && found < 30)
        {
            if (i >= m_negative.size())
                i = 0;
            int e = m_negative[i];
            if (!m_in_tree_edge[static_cast<size_t>(e)] || m_cut[static_cast<size_t>(e)] >= 0)
            {
                m_in_negative[static_cast<size_t>(e)] = 0;
                m_negative[i] = m_negative.back();
                m_negative.pop_back();
                continue; // slot i now holds the moved entry (or is past the end)
            }
            int cost = SideCost(e);
            if (best < 0 || cost < best_cost ||
                (cost == best_cost && m_cut[static_cast<size_t>(e)] < m_cut[static_cast<size_t>(best)]))
            {
                best = e;
                best_cost = cost;
            }
            found++;
            visited++;
            i++;
        }
        m_negative_cursor = i;
        return best;
    }

    // The child end of a tree edge.
    int ChildOf(int e) const
    {
        const LayoutEdge& edge = m_edges[static_cast<size_t>(e)];
        return m_parent_edge[static_cast<size_t>(edge.from)] == e ? edge.from : edge.to;
    }

    // Without 'leave' the tree falls into the child's subtree S and the rest. The smaller part is listed
    // in m_side and stamped in m_in_side (m_side_is_subtree says which part it is), so a pivot costs the
    // smaller part, never the whole tree.
    void CollectSide(int leave, int child)
    {
        m_side_stamp++;
        m_side.clear();
        m_side_is_subtree = 2 * m_size[static_cast<size_t>(child)] <= m_n;
        int start = m_side_is_subtree ? child : m_root;
        m_side.push_back(start);
        m_in_side[static_cast<size_t>(start)] = m_side_stamp;
        for (size_t head = 0; head < m_side.size(); head++)
        {
            int v = m_side[head];
            for (int e : m_tree_adjacent[static_cast<size_t>(v)])
            {
                const LayoutEdge& edge = m_edges[static_cast<size_t>(e)];
                int w = edge.from == v ? edge.to : edge.from;
                if (e == leave || m_in_side[static_cast<size_t>(w)] == m_side_stamp)
                    continue;
                m_in_side[static_cast<size_t>(w)] = m_side_stamp;
                m_side.push_back(w);
            }
        }
    }

    bool InSubtree(int v) const { return (m_in_side[static_cast<size_t>(v)] == m_side_stamp) == m_side_is_subtree; }

    // The non-tree edge of least slack going from the head component of 'leave' to its tail component:
    // the first tight one met, else the lowest index among the least slack. One end of such an edge lies in
    // the listed side, so only its nodes are searched, and a tight edge (slack 0 is the least possible)
    // ends the search.
    int EnteringEdge(bool child_is_tail) const
    {
        int best = -1;
        int best_slack = INT_MAX;
        for (int v : m_side)
        {
            for (int e : m_incident[static_cast<size_t>(v)])
            {
                if (m_in_tree_edge[static_cast<size_t>(e)])
                    continue;
                const LayoutEdge& edge = m_edges[static_cast<size_t>(e)];
                // The tail component is the subtree when the child is the tail; the edge must enter it.
                bool head_in_tail = InSubtree(edge.to) == child_is_tail;
                bool tail_in_tail = InSubtree(edge.from) == child_is_tail;
                if (!head_in_tail || tail_in_tail)
                    continue;
                int slack = Slack(e);
                if (slack < best_slack || (slack == best_slack && e < best))
                {
                    best_slack = slack;
                    best = e;
                    if (slack == 0)
                        return best;
                }
            }
        }
        return best;
    }

    int ParentOf(int v) const
    {
        const LayoutEdge& edge = m_edges[static_cast<size_t>(m_parent_edge[static_cast<size_t>(v)])];
        return edge.from == v ? edge.to : edge.from;
    }

    // The lowest common ancestor of a and b: both climb in turn, marking what they pass, until one reaches
    // a node the other passed (or both meet at the root). Costs the two paths' lengths, not the depth.
    int CommonAncestor(int a, int b)
    {
        m_path_stamp += 2;
        int mark_a = m_path_stamp - 1;
        int mark_b = m_path_stamp;
        m_path_mark[static_cast<size_t>(a)] = mark_a;
        if (m_path_mark[static_cast<size_t>(b)] == mark_a)
            return b;
        m_path_mark[static_cast<size_t>(b)] = mark_b;
        for (;;)
        {
            if (m_parent_edge[static_cast<size_t>(a)] >= 0)
            {
                a = ParentOf(a);
                if (m_path_mark[static_cast<size_t>(a)] == mark_b)
                    return a;
                m_path_mark[static_cast<size_t>(a)] = mark_a;
            }
            if (m_parent_edge[static_cast<size_t>(b)] >= 0)
            {
                b = ParentOf(b);
                if (m_path_mark[static_cast<size_t>(b)] == mark_a)
                    return b;
                m_path_mark[static_cast<size_t>(b)] = mark_b;
            }
        }
    }

    // Adds 'amount' to the cut values of the tree edges from v up to (not past) 'top', with the sign
    // given by each edge's direction (Gansner et al.'s update): +amount when the edge's tail is the lower
    // end and 'tail_sign' is set, and so on.
    void UpdatePath(int v, int top, int amount, bool tail_sign)
    {
        while (v != top)
        {
            int e = m_parent_edge[static_cast<size_t>(v)];
            bool d = m_edges[static_cast<size_t>(e)].from == v ? tail_sign : !tail_sign;
            m_cut[static_cast<size_t>(e)] += d ? amount : -amount;
            NoteCut(e);
            v = ParentOf(v);
        }
    }

    // Swaps the tree edges: the subtree below the leaving edge is shifted to make 'enter' tight, the cut
    // values on the cycle 'enter' closes are updated along its two paths, and the subtree is re-hung from
    // enter's end inside it (its parent links reversed along the path up to its old top). Costs the
    // subtree plus the cycle, so time grows smoothly with the graph.
    void Exchange(int leave, int enter)
    {
        int child = ChildOf(leave);
        bool child_is_tail = m_edges[static_cast<size_t>(leave)].from == child;
        int delta = Slack(enter);
        int shift = child_is_tail ? -delta : delta;
        if (shift != 0)
            for (int v : m_side)
                m_rank[static_cast<size_t>(v)] += m_side_is_subtree ? shift : -shift;
        const LayoutEdge edge = m_edges[static_cast<size_t>(enter)];
        int cut = m_cut[static_cast<size_t>(leave)];
        int lca = CommonAncestor(edge.from, edge.to);
        UpdatePath(edge.from, lca, cut, true);
        UpdatePath(edge.to, lca, cut, false);
        m_cut[static_cast<size_t>(enter)] = -cut;
        m_cut[static_cast<size_t>(leave)] = 0;
        // Subtree sizes: the subtree leaves the path from its old parent up to the common ancestor and
        // joins the path from enter's outer end; inside it, sizes change along the path that re-hangs.
        int size = m_size[static_cast<size_t>(child)];
        int inner = InSubtree(edge.from) ? edge.from : edge.to;
        int outer = inner == edge.from ? edge.to : edge.from;
        for (int v = ParentOf(child); v != lca; v = ParentOf(v))
            m_size[static_cast<size_t>(v)] -= size;
        for (int v = outer; v != lca; v = ParentOf(v))
            m_size[static_cast<size_t>(v)] += size;
        m_path.clear();
        for (int v = inner; v != child; v = ParentOf(v))
            m_path.push_back(v);
        m_path.push_back(child);
        for (size_t i = m_path.size(); i-- > 1;)
            m_size[static_cast<size_t>(m_path[i])] = size - m_size[static_cast<size_t>(m_path[i - 1])];
        m_size[static_cast<size_t>(inner)] = size;
        // Re-hang the subtree from 'inner': the parent links along the path reverse.
        int incoming = enter;
        for (int v : m_path)
        {
            int old = m_parent_edge[static_cast<size_t>(v)];
            m_parent_edge[static_cast<size_t>(v)] = incoming;
            incoming = old;
        }
        m_in_tree_edge[static_cast<size_t>(leave)] = 0;
        m_in_tree_edge[static_cast<size_t>(enter)] = 1;
        for (int end : {m_edges[static_cast<size_t>(leave)].from, m_edges[static_cast<size_t>(leave)].to})
        {
            std::vector<int>& list = m_tree_adjacent[static_cast<size_t>(end)];
            list.erase(std::find(list.begin(), list.end(), leave));
        }
        m_tree_adjacent[static_cast<size_t>(edge.from)].push_back(enter);
        m_tree_adjacent[static_cast<size_t>(edge.to)].push_back(enter);
    }

    int m_n;
    const std::vector<LayoutEdge>& m_edges;
    std::vector<std::vector<int>> m_incident;
    std::vector<int> m_net_flow; // out-degree minus in-degree
    std::vector<int> m_rank;
    std::vector<char> m_in_tree_edge;
    std::vector<int> m_parent_edge;
    std::vector<int> m_low;
    std::vector<int> m_lim;
    std::vector<int> m_cut;
    std::vector<std::vector<int>> m_tree_adjacent; // tree edges per node
    std::vector<int> m_subtree_flow;
    std::vector<int> m_stack_node; // depth-first search stack: node
    std::vector<int> m_stack_next; // and the next tree-adjacency slot to look at
    std::vector<int> m_size;       // per node: nodes in its subtree (itself included)
    int m_root = 0;
    std::vector<int> m_side;    // the smaller part of the tree without the leaving edge (CollectSide)
    std::vector<int> m_in_side; // per node: m_side_stamp when it is in m_side
    int m_side_stamp = 0;
    bool m_side_is_subtree = true;
    std::vector<int> m_negative;     // leaving-edge candidates: tree edges whose cut value went negative
    std::vector<char> m_in_negative; // per edge: listed in m_negative
    size_t m_negative_cursor = 0;    // where the next LeavingEdge search starts
    std::vector<int> m_path;         // scratch: the path a subtree re-hangs along
    std::vector<int> m_path_mark;    // per node: marks of the two climbs in CommonAncestor
    int m_path_stamp = 0;
};
} // namespace

// --- 3. AssignRanks ---------------------------------------------------------------------------------------
// After the simplex, nodes with as many in-edges as out-edges can move anywhere between their
// neighbours without changing the total length; like dot, each moves (in index order) to the rank in
// that range holding the fewest nodes, which narrows crowded layers.

namespace
{
void Balance(std::vector<int>& rank, const std::vector<LayoutEdge>& edges)
{
    size_t n = rank.size();
    if (n == 0)
        return;
    int lowest = *std::min_element(rank.begin(), rank.end());
    int highest = *std::max_element(rank.begin(), rank.end());
    std::vector<int> count(static_cast<size_t>(highest - lowest + 1), 0);
    for (int r : rank)
        count[static_cast<size_t>(r - lowest)]++;
    std::vector<int> balance(n, 0);
    std::vector<std::vector<int>> incident(n);
    for (size_t e = 0; e < edges.size(); e++)
    {
        balance[static_cast<size_t>(edges[e].from)]++;
        balance[static_cast<size_t>(edges[e].to)]--;
        incident[static_cast<size_t>(edges[e].from)].push_back(static_cast<int>(e));
        incident[static_cast<size_t>(edges[e].to)].push_back(static_cast<int>(e));
    }
    for (size_t v = 0; v < n; v++)
    {
        if (balance[v] != 0 || incident[v].empty())
            continue;
        int from = lowest;
        int to = highest;
        for (int id : incident[v])
        {
            const LayoutEdge& e = edges[static_cast<size_t>(id)];
            if (static_cast<size_t>(e.to) == v)
                from = std::max(from, rank[static_cast<size_t>(e.from)] + 1);
            else
                to = std::min(to, rank[static_cast<size_t>(e.to)] - 1);
        }
        int best = rank[v];
        for (int r = from; r <= to; r++)
            if (count[static_cast<size_t>(r - lowest)] < count[static_cast<size_t>(best - lowest)])
                best = r;
        if (best != rank[v])
        {
            count[static_cast<size_t>(rank[v] - lowest)]--;
            count[static_cast<size_t>(best - lowest)]++;
            rank[v] = best;
        }
    }
}
} // namespace

std::vector<int> AssignRanks(int node_count, const std::vector<LayoutEdge>& dag_edges, int max_pivots)
{
    size_t n = static_cast<size_t>(node_count);
    // Weakly connected components by union-find; components numbered by their smallest node.
    std::vector<int> root(n);
    for (size_t v = 0; v < n; v++)
        root[v] = static_cast<int>(v);
    auto find = [&](int v)
    {
        while (root[static_cast<size_t>(v)] != v)
        {
            root[static_cast<size_t>(v)] = root[static_cast<size_t>(root[static_cast<size_t>(v)])];
            v = root[static_cast<size_t>(v)];
        }
        return v;
    };
    for (const LayoutEdge& e : dag_edges)
    {
        int a = find(e.from);
        int b = find(e.to);
        if (a != b)
            root[static_cast<size_t>(std::max(a, b))] = std::min(a, b);
    }
    std::vector<int> local(n, -1);
    std::vector<std::vector<int>> members(n);
    for (size_t v = 0; v < n; v++)
    {
        int c = find(static_cast<int>(v));
        local[v] = static_cast<int>(members[static_cast<size_t>(c)].size());
        members[static_cast<size_t>(c)].push_back(static_cast<int>(v));
    }
    std::vector<std::vector<LayoutEdge>> component_edges(n);
    for (const LayoutEdge& e : dag_edges)
        component_edges[static_cast<size_t>(find(e.from))].push_back(
            {local[static_cast<size_t>(e.from)], local[static_cast<size_t>(e.to)]});

    std::vector<int> rank(n, 0);
    for (size_t c = 0; c < n; c++)
    {
        const std::vector<int>& nodes = members[c];
        if (nodes.empty())
            continue;
        NetworkSimplex simplex(static_cast<int>(nodes.size()), component_edges[c]);
        std::vector<int> r = simplex.Solve(max_pivots);
        Balance(r, component_edges[c]);
        int lowest = *std::min_element(r.begin(), r.end());
        for (size_t i = 0; i < nodes.size(); i++)
            rank[static_cast<size_t>(nodes[i])] = r[i] - lowest;
    }
    return rank;
}
} // namespace kiosk::core::graph_detail
