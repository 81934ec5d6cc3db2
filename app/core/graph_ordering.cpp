// Crossing minimisation for the layered layout: start orders, weighted-median sweeps, transposition.
//
// Sections
//   1. Crossing counting between two layers (accumulator tree)
//   2. Start orders
//   3. Weighted median sweep
//   4. Transposition
//   5. MinimiseCrossings: the driver, keeping the best order
#include "core/graph_ordering.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace kiosk::core::graph_detail
{
namespace
{
using Layers = std::vector<std::vector<int>>;

// Tuning knobs, read from the environment only while tuning (KIOSK_LAYOUT_TUNING builds).
int Knob(const char* name, int fallback)
{
#ifdef KIOSK_LAYOUT_TUNING
    const char* v = std::getenv(name);
    return v ? std::atoi(v) : fallback;
#else
    (void)name;
    return fallback;
#endif
}

void FillPositions(const Layers& layers, std::vector<int>& pos)
{
    for (const std::vector<int>& layer : layers)
        for (size_t i = 0; i < layer.size(); i++)
            pos[static_cast<size_t>(layer[i])] = static_cast<int>(i);
}

// --- 1. Crossing counting ----------------------------------------------------------------------------------

// Crossings between layer k and k + 1. Edges are visited by upper position; for each upper node its
// lower positions are queried against a Fenwick tree of the lower positions of edges seen so far (from
// nodes further left) before being inserted, so edges sharing an upper node never count.
long long CountBetween(const OrderGraph& graph, const Layers& layers, const std::vector<int>& pos, size_t k,
                       std::vector<int>& tree, std::vector<int>& scratch)
{
    const std::vector<int>& upper = layers[k];
    size_t lower_size = layers[k + 1].size();
    tree.assign(lower_size + 1, 0);
    long long crossings = 0;
    long long inserted = 0;
    for (int u : upper)
    {
        scratch.clear();
        for (int w : graph.down[static_cast<size_t>(u)])
            scratch.push_back(pos[static_cast<size_t>(w)]);
        for (int p : scratch)
        {
            // Count inserted positions <= p, so crossings are those strictly greater.
            long long not_greater = 0;
            for (size_t i = static_cast<size_t>(p) + 1; i > 0; i -= i & (~i + 1))
                not_greater += tree[i];
            crossings += inserted - not_greater;
        }
        for (int p : scratch)
        {
            for (size_t i = static_cast<size_t>(p) + 1; i <= lower_size; i += i & (~i + 1))
                tree[i]++;
            inserted++;
        }
    }
    return crossings;
}

long long CountAll(const OrderGraph& graph, const Layers& layers, const std::vector<int>& pos)
{
    std::vector<int> tree;
    std::vector<int> scratch;
    long long total = 0;
    for (size_t k = 0; k + 1 < layers.size(); k++)
        total += CountBetween(graph, layers, pos, k, tree, scratch);
    return total;
}

// --- 2. Start orders -------------------------------------------------------------------------------------------

// Visits nodes from roots (layer by layer, in the given order), following 'down' (or 'up' when
// from_bottom) depth first or breadth first; each node is appended to its layer when first reached.
Layers StartOrder(const OrderGraph& graph, const Layers& given, bool depth_first, bool from_bottom)
{
    size_t n = graph.layer.size();
    Layers result(given.size());
    std::vector<char> seen(n, 0);
    std::vector<int> work;
    const std::vector<std::vector<int>>& next = from_bottom ? graph.up : graph.down;
    auto visit_from = [&](int root)
    {
        seen[static_cast<size_t>(root)] = 1;
        work.assign(1, root);
        size_t head = 0;
        while (depth_first ? !work.empty() : head < work.size())
        {
            int v;
            if (depth_first)
            {
                v = work.back();
                work.pop_back();
            }
            else
                v = work[head++];
            result[static_cast<size_t>(graph.layer[static_cast<size_t>(v)])].push_back(v);
            const std::vector<int>& list = next[static_cast<size_t>(v)];
            // Depth first pops from the back: push in reverse so the first neighbour is visited first.
            if (depth_first)
            {
                for (size_t i = list.size(); i-- > 0;)
                    if (!seen[static_cast<size_t>(list[i])])
                    {
                        seen[static_cast<size_t>(list[i])] = 1;
                        work.push_back(list[i]);
                    }
            }
            else
            {
                for (int w : list)
                    if (!seen[static_cast<size_t>(w)])
                    {
                        seen[static_cast<size_t>(w)] = 1;
                        work.push_back(w);
                    }
            }
        }
    };
    if (from_bottom)
    {
        for (size_t k = given.size(); k-- > 0;)
            for (int v : given[k])
                if (!seen[static_cast<size_t>(v)])
                    visit_from(v);
    }
    else
    {
        for (const std::vector<int>& layer : given)
            for (int v : layer)
                if (!seen[static_cast<size_t>(v)])
                    visit_from(v);
    }
    return result;
}

// --- 3. Weighted median sweep ------------------------------------------------------------------------------------

// Median position of v's neighbours in the fixed layer, interpolated for even counts as in Gansner et
// al.; -1 when v has no neighbour there (such nodes keep their place).
double MedianValue(const std::vector<int>& neighbours, const std::vector<int>& pos, std::vector<int>& scratch)
{
    scratch.clear();
    for (int w : neighbours)
        scratch.push_back(pos[static_cast<size_t>(w)]);
    size_t m = scratch.size();
    if (m == 0)
        return -1.0;
    std::sort(scratch.begin(), scratch.end());
    size_t mid = m / 2;
    if (m % 2 == 1)
        return scratch[mid];
    if (m == 2)
        return (scratch[0] + scratch[1]) / 2.0;
    double left = scratch[mid - 1] - scratch[0];
    double right = scratch[m - 1] - scratch[mid];
    if (left + right <= 0.0)
        return (scratch[mid - 1] + scratch[mid]) / 2.0;
    return (scratch[mid - 1] * right + scratch[mid] * left) / (left + right);
}

void SweepLayer(const OrderGraph& graph, std::vector<int>& layer, bool use_up, std::vector<int>& pos,
                std::vector<int>& scratch, std::vector<std::pair<double, int>>& keyed)
{
    keyed.clear();
    std::vector<double> value(layer.size());
    for (size_t i = 0; i < layer.size(); i++)
    {
        int v = layer[i];
        value[i] =
            MedianValue(use_up ? graph.up[static_cast<size_t>(v)] : graph.down[static_cast<size_t>(v)], pos, scratch);
        if (value[i] >= 0.0)
            keyed.emplace_back(value[i], static_cast<int>(i));
    }
    // Ties keep the current relative order (the index is the second key).
    std::sort(keyed.begin(), keyed.end());
    std::vector<int> result(layer.size());
    size_t next = 0;
    for (size_t i = 0; i < layer.size(); i++)
        result[i] = value[i] < 0.0 ? layer[i] : layer[static_cast<size_t>(keyed[next++].second)];
    layer.swap(result);
    for (size_t i = 0; i < layer.size(); i++)
        pos[static_cast<size_t>(layer[i])] = static_cast<int>(i);
}

// --- 4. Transposition and sifting -----------------------------------------------------------------------------
// Both work on one layer at a time with its two neighbouring layers fixed, so each node's sorted
// neighbour positions are computed once per visit of its layer.

// For sorted position ranges a (neighbours of u) and b (neighbours of v) in one neighbouring layer:
// 'greater' counts pairs with a > b (the crossings when u is left of v), 'less' pairs with a < b (the
// crossings when v is left of u). One merge computes both.
struct PairCount
{
    long long greater = 0;
    long long less = 0;
};

inline void AddPairCounts(const int* a, const int* a_end, const int* b, const int* b_end, PairCount& out)
{
    const int* below = b; // first b >= *a
    const int* upto = b;  // first b > *a
    long long size_b = b_end - b;
    for (; a != a_end; ++a)
    {
        while (below != b_end && *below < *a)
            ++below;
        if (upto < below)
            upto = below;
        while (upto != b_end && *upto <= *a)
            ++upto;
        out.greater += below - b;
        out.less += size_b - (upto - b);
    }
}

class LayerNeighbours
{
public:
    void Build(const OrderGraph& graph, const std::vector<int>& layer, const std::vector<int>& pos)
    {
        m_slot.resize(graph.layer.size());
        m_up_begin.assign(1, 0);
        m_down_begin.assign(1, 0);
        m_up.clear();
        m_down.clear();
        for (size_t i = 0; i < layer.size(); i++)
        {
            int v = layer[i];
            m_slot[static_cast<size_t>(v)] = static_cast<int>(i);
            Append(graph.up[static_cast<size_t>(v)], pos, m_up, m_up_begin);
            Append(graph.down[static_cast<size_t>(v)], pos, m_down, m_down_begin);
        }
    }

    // Crossings between the edges of u and v (to both neighbouring layers): 'greater' when u is left of
    // v, 'less' when v is left of u.
    PairCount Crossings(int u, int v) const
    {
        size_t su = static_cast<size_t>(m_slot[static_cast<size_t>(u)]);
        size_t sv = static_cast<size_t>(m_slot[static_cast<size_t>(v)]);
        const int* up = m_up.data();
        const int* down = m_down.data();
        PairCount count;
        AddPairCounts(up + m_up_begin[su], up + m_up_begin[su + 1], up + m_up_begin[sv], up + m_up_begin[sv + 1],
                      count);
        AddPairCounts(down + m_down_begin[su], down + m_down_begin[su + 1], down + m_down_begin[sv],
                      down + m_down_begin[sv + 1], count);
        return count;
    }

    // The sorted positions of a node's neighbours in the layer above (up) or below.
    std::pair<const int*, const int*> Up(int v) const
    {
        size_t sv = static_cast<size_t>(m_slot[static_cast<size_t>(v)]);
        return {m_up.data() + m_up_begin[sv], m_up.data() + m_up_begin[sv + 1]};
    }
    std::pair<const int*, const int*> Down(int v) const
    {
        size_t sv = static_cast<size_t>(m_slot[static_cast<size_t>(v)]);
        return {m_down.data() + m_down_begin[sv], m_down.data() + m_down_begin[sv + 1]};
    }

private:
    static void Append(const std::vector<int>& neighbours, const std::vector<int>& pos, std::vector<int>& flat,
                       std::vector<int>& begin)
    {
        size_t start = flat.size();
        for (int w : neighbours)
        {
            // Insertion sort: neighbour lists are short.
            int p = pos[static_cast<size_t>(w)];
            flat.push_back(p);
            size_t i = flat.size() - 1;
            while (i > start && flat[i - 1] > p)
            {
                flat[i] = flat[i - 1];
                i--;
            }
            flat[i] = p;
        }
        begin.push_back(static_cast<int>(flat.size()));
    }

    std::vector<int> m_slot; // per node: its index in the layer when Build ran
    std::vector<int> m_up, m_up_begin, m_down, m_down_begin;
};

// Swaps neighbours in one layer while that reduces crossings. With allow_equal, the first pass also
// makes swaps that keep the count, to leave plateaus. Returns true if a strict improvement was made.
bool TransposeLayer(std::vector<int>& layer, std::vector<int>& pos, const LayerNeighbours& nb, bool allow_equal)
{
    bool changed = false;
    for (int pass = 0; pass < 64; pass++)
    {
        bool improved = false;
        for (size_t i = 0; i + 1 < layer.size(); i++)
        {
            int u = layer[i];
            int v = layer[i + 1];
            PairCount count = nb.Crossings(u, v);
            long long keep = count.greater;
            long long swapped = count.less;
            if (keep == 0)
                continue;
            if (swapped < keep || (allow_equal && pass == 0 && swapped == keep))
            {
                layer[i] = v;
                layer[i + 1] = u;
                pos[static_cast<size_t>(u)] = static_cast<int>(i + 1);
                pos[static_cast<size_t>(v)] = static_cast<int>(i);
                improved |= swapped < keep;
            }
        }
        changed |= improved;
        if (!improved)
            break;
    }
    return changed;
}

// Transposes every layer; a layer is visited again only when a neighbouring layer changed.
void Transpose(const OrderGraph& graph, Layers& layers, std::vector<int>& pos, bool allow_equal, int max_rounds = 32)
{
    LayerNeighbours nb;
    std::vector<char> candidate(layers.size(), 1);
    for (int round = 0; round < max_rounds; round++)
    {
        bool any = false;
        for (size_t k = 0; k < layers.size(); k++)
        {
            if (!candidate[k])
                continue;
            candidate[k] = 0;
            nb.Build(graph, layers[k], pos);
            if (TransposeLayer(layers[k], pos, nb, allow_equal && round == 0))
            {
                any = true;
                if (k > 0)
                    candidate[k - 1] = 1;
                if (k + 1 < layers.size())
                    candidate[k + 1] = 1;
            }
        }
        if (!any)
            break;
    }
}

// Sifting (Matuszewski, Schoenfeld, Molitor): each node v in turn is taken out of its layer and put back
// at the position with the fewest crossings against both neighbouring layers (its current place on
// ties). Moving v rightwards past w changes the count by c(w, v) - c(v, w) = sum over w's neighbours b of
// f_v(b), where f_v(p) = #(v's neighbours < p) + #(v's neighbours <= p) - deg(v) is tabulated once per v,
// so a node costs O(size of the neighbouring layers + edges of its layer).
struct SiftScratch
{
    std::vector<int> order;
    std::vector<long long> f_up;
    std::vector<long long> f_down;
};

void Tabulate(std::pair<const int*, const int*> neighbours, std::vector<long long>& f)
{
    std::fill(f.begin(), f.end(), 0);
    long long degree = neighbours.second - neighbours.first;
    if (degree == 0)
        return;
    // f(p) = less(p) + leq(p) - degree, built from multiplicities.
    for (const int* a = neighbours.first; a != neighbours.second; ++a)
        f[static_cast<size_t>(*a)]++;
    long long less = 0;
    for (long long& cell : f)
    {
        long long here = cell;
        cell = less + (less + here) - degree;
        less += here;
    }
}

long long SumOver(std::pair<const int*, const int*> neighbours, const std::vector<long long>& f)
{
    long long sum = 0;
    for (const int* b = neighbours.first; b != neighbours.second; ++b)
        sum += f[static_cast<size_t>(*b)];
    return sum;
}

void SiftLayer(const OrderGraph& graph, const Layers& layers, size_t k, std::vector<int>& pos, LayerNeighbours& nb,
               SiftScratch& scratch)
{
    std::vector<int>& layer = const_cast<std::vector<int>&>(layers[k]);
    if (layer.size() < 2)
        return;
    nb.Build(graph, layer, pos);
    scratch.f_up.resize(k > 0 ? layers[k - 1].size() : 0);
    scratch.f_down.resize(k + 1 < layers.size() ? layers[k + 1].size() : 0);
    scratch.order = layer;
    for (int v : scratch.order)
    {
        size_t from = static_cast<size_t>(pos[static_cast<size_t>(v)]);
        layer.erase(layer.begin() + static_cast<std::ptrdiff_t>(from));
        Tabulate(nb.Up(v), scratch.f_up);
        Tabulate(nb.Down(v), scratch.f_down);
        long long cumulative = 0; // cost relative to v placed first
        long long best = 0;
        size_t best_at = 0;
        long long at_from = 0;
        for (size_t j = 0; j < layer.size(); j++)
        {
            int w = layer[j];
            cumulative += SumOver(nb.Up(w), scratch.f_up) + SumOver(nb.Down(w), scratch.f_down);
            if (cumulative < best)
            {
                best = cumulative;
                best_at = j + 1;
            }
            if (j + 1 == from)
                at_from = cumulative;
        }
        size_t to = at_from == best ? from : best_at;
        layer.insert(layer.begin() + static_cast<std::ptrdiff_t>(to), v);
        size_t lo = std::min(from, to);
        size_t hi = std::max(from, to);
        for (size_t i = lo; i <= hi; i++)
            pos[static_cast<size_t>(layer[i])] = static_cast<int>(i);
    }
}

void Sift(const OrderGraph& graph, Layers& layers, std::vector<int>& pos, bool downwards)
{
    LayerNeighbours nb;
    SiftScratch scratch;
    for (size_t step = 0; step < layers.size(); step++)
    {
        size_t k = downwards ? step : layers.size() - 1 - step;
        SiftLayer(graph, layers, k, pos, nb, scratch);
    }
}

// --- 5. Driver ---------------------------------------------------------------------------------------------------

void MedianSweep(const OrderGraph& graph, Layers& layers, std::vector<int>& pos, bool downwards)
{
    std::vector<int> scratch;
    std::vector<std::pair<double, int>> keyed;
    if (downwards)
    {
        for (size_t k = 1; k < layers.size(); k++)
            SweepLayer(graph, layers[k], true, pos, scratch, keyed);
    }
    else
    {
        for (size_t k = layers.size(); k-- > 1;)
            SweepLayer(graph, layers[k - 1], false, pos, scratch, keyed);
    }
}

long long Improve(const OrderGraph& graph, Layers& layers, int sweeps, int patience, int transpose_rounds)
{
    std::vector<int> pos(graph.layer.size(), 0);
    FillPositions(layers, pos);
    Transpose(graph, layers, pos, false, transpose_rounds);
    long long best = CountAll(graph, layers, pos);
    Layers best_layers = layers;
    int since_gain = 0;
    for (int it = 0; it < sweeps && best > 0; it++)
    {
        bool downwards = it % 2 == 0;
        MedianSweep(graph, layers, pos, downwards);
        if (transpose_rounds < 0)
            Sift(graph, layers, pos, downwards);
        else
            Transpose(graph, layers, pos, it % 4 >= 2, transpose_rounds);
        long long count = CountAll(graph, layers, pos);
        if (count < best)
        {
            best = count;
            best_layers = layers;
            since_gain = 0;
        }
        else if (++since_gain >= patience)
            break;
    }
    layers = best_layers;
    return best;
}

// Sifting and transposition on the best order until a round gains nothing.
long long Refine(const OrderGraph& graph, Layers& layers, long long best, int rounds, int transpose_rounds)
{
    std::vector<int> pos(graph.layer.size(), 0);
    FillPositions(layers, pos);
    for (int round = 0; round < rounds && best > 0; round++)
    {
        Layers before = layers;
        Sift(graph, layers, pos, round % 2 == 0);
        if (transpose_rounds > 0)
            Transpose(graph, layers, pos, false, transpose_rounds);
        long long count = CountAll(graph, layers, pos);
        if (count >= best)
        {
            layers = before;
            break;
        }
        best = count;
    }
    return best;
}
} // namespace

long long CountLayeredCrossings(const OrderGraph& graph)
{
    std::vector<int> pos(graph.layer.size(), 0);
    FillPositions(graph.layers, pos);
    return CountAll(graph, graph.layers, pos);
}

Layers Shuffled(const Layers& given, int index)
{
    Layers shuffled = given;
    std::uint64_t state = 0x5EED0000u + static_cast<std::uint64_t>(index);
    for (std::vector<int>& layer : shuffled)
        for (size_t j = layer.size(); j > 1; j--)
        {
            state += 0x9E3779B97F4A7C15ull; // SplitMix64
            std::uint64_t z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            z ^= z >> 31;
            std::swap(layer[j - 1], layer[static_cast<size_t>(z % j)]);
        }
    return shuffled;
}

long long MinimiseCrossings(OrderGraph& graph, int sweeps)
{
    // Effort depends only on the graph's size, never on time: small graphs get many start orders and
    // thorough local search, large ones one pass of each method so 1000 nodes stay within a frame or two.
    size_t work = graph.layer.size();
    for (const std::vector<int>& list : graph.down)
        work += list.size();
    bool thorough = work <= static_cast<size_t>(Knob("KL_THOROUGH", 2500));
    Layers given = graph.layers;
    std::vector<Layers> starts;
    starts.push_back(given);
    starts.push_back(StartOrder(graph, given, true, true));
    starts.push_back(StartOrder(graph, given, true, false));
    int shuffles =
        thorough ? static_cast<int>(std::min<size_t>(24, 24000 / std::max<size_t>(work, 1))) : Knob("KL_SHUFFLES", 1);
    for (int i = 0; i < shuffles; i++)
        starts.push_back(Shuffled(given, i));
    long long best = -1;
    if (thorough)
    {
        for (Layers& start : starts)
        {
            long long count = Improve(graph, start, sweeps, 10, 32);
            count = Refine(graph, start, count, 16, 32);
            if (best < 0 || count < best)
            {
                best = count;
                graph.layers = start;
            }
            if (best == 0)
                break;
        }
        return best;
    }
    // Large: a short run from each start, then the most promising one continued and refined.
    int short_sweeps = Knob("KL_P1SWEEPS", 4);
    for (Layers& start : starts)
    {
        long long count = Improve(graph, start, short_sweeps, 3, 1);
        if (best < 0 || count < best)
        {
            best = count;
            graph.layers = start;
        }
    }
    best = Improve(graph, graph.layers, std::min(sweeps, Knob("KL_SWEEPS", 12)), Knob("KL_PATIENCE", 4),
                   Knob("KL_TROUNDS", -1));
    best = Refine(graph, graph.layers, best, Knob("KL_REFINE", 3), Knob("KL_REFINE_T", 0));
    return best;
}
} // namespace kiosk::core::graph_detail
