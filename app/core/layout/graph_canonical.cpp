// Canonical node order by colour refinement; see graph_canonical.h for the contract.
#include "core/layout/graph_canonical.h"

#include "core/seeded_random.h"

#include <algorithm>
#include <numeric>

namespace kiosk::core::graph_detail
{
namespace
{
std::uint64_t Mix(std::uint64_t x)
{
    return SplitMix64(x).Next();
}

// Salts that keep an edge's two directions and an individualised node apart from everything else.
constexpr std::uint64_t kOutSalt = 0x6F75742D65646765ull;
constexpr std::uint64_t kInSalt = 0x696E2D6564676573ull;
constexpr std::uint64_t kIndividualSalt = 0x696E646976696475ull;

size_t CountClasses(std::vector<std::uint64_t> colours)
{
    std::sort(colours.begin(), colours.end());
    return static_cast<size_t>(std::unique(colours.begin(), colours.end()) - colours.begin());
}

// Rehashes every colour with the multisets of its out- and in-neighbours' colours (sums of hashes, so the
// order of the edges does not matter) until a round splits no class or 'rounds_left' runs out. A new
// colour hashes the old one, so classes only ever split.
void Refine(std::vector<std::uint64_t>& colour, const std::vector<LayoutEdge>& edges, int& rounds_left)
{
    const size_t n = colour.size();
    size_t classes = CountClasses(colour);
    std::vector<std::uint64_t> out_sum(n);
    std::vector<std::uint64_t> in_sum(n);
    while (classes < n && rounds_left > 0)
    {
        rounds_left--;
        std::fill(out_sum.begin(), out_sum.end(), 0);
        std::fill(in_sum.begin(), in_sum.end(), 0);
        for (const LayoutEdge& e : edges)
        {
            out_sum[static_cast<size_t>(e.from)] += Mix(colour[static_cast<size_t>(e.to)] ^ kOutSalt);
            in_sum[static_cast<size_t>(e.to)] += Mix(colour[static_cast<size_t>(e.from)] ^ kInSalt);
        }
        for (size_t v = 0; v < n; v++)
            colour[v] = Mix(Mix(Mix(colour[v]) ^ out_sum[v]) ^ in_sum[v]);
        size_t refined = CountClasses(colour);
        if (refined == classes)
            break;
        classes = refined;
    }
}
} // namespace

std::vector<int> CanonicalOrder(const std::vector<std::uint64_t>& keys, const std::vector<LayoutEdge>& edges)
{
    const size_t n = keys.size();
    std::vector<std::uint64_t> colour(n);
    for (size_t v = 0; v < n; v++)
        colour[v] = Mix(keys[v]);
    int rounds_left = kMaxRefinements;
    Refine(colour, edges, rounds_left);

    // Neighbour lists, sorted, to recognise twins.
    std::vector<std::vector<int>> out(n);
    std::vector<std::vector<int>> in(n);
    for (const LayoutEdge& e : edges)
    {
        out[static_cast<size_t>(e.from)].push_back(e.to);
        in[static_cast<size_t>(e.to)].push_back(e.from);
    }
    for (size_t v = 0; v < n; v++)
    {
        std::sort(out[v].begin(), out[v].end());
        std::sort(in[v].begin(), in[v].end());
    }
    auto twins = [&](int a, int b)
    {
        return out[static_cast<size_t>(a)] == out[static_cast<size_t>(b)] &&
               in[static_cast<size_t>(a)] == in[static_cast<size_t>(b)];
    };

    std::vector<int> order(n);
    std::iota(order.begin(), order.end(), 0);
    auto by_colour = [&](int a, int b)
    {
        std::uint64_t ca = colour[static_cast<size_t>(a)];
        std::uint64_t cb = colour[static_cast<size_t>(b)];
        return ca != cb ? ca < cb : a < b;
    };
    for (int individualised = 0;; individualised++)
    {
        std::sort(order.begin(), order.end(), by_colour);
        if (individualised == kMaxIndividualised || rounds_left == 0)
            break;
        // The first class (by colour, which depends only on the graph) whose members are not all twins
        // of its first: one member gets a colour of its own and the split spreads by refinement.
        int chosen = -1;
        for (size_t i = 0; i < n && chosen < 0;)
        {
            size_t j = i + 1;
            bool all_twins = true;
            for (; j < n && colour[static_cast<size_t>(order[j])] == colour[static_cast<size_t>(order[i])]; j++)
                all_twins = all_twins && twins(order[i], order[j]);
            if (!all_twins)
                chosen = order[i];
            i = j;
        }
        if (chosen < 0)
            break;
        colour[static_cast<size_t>(chosen)] = Mix(colour[static_cast<size_t>(chosen)] ^ kIndividualSalt);
        Refine(colour, edges, rounds_left);
    }
    return order;
}
} // namespace kiosk::core::graph_detail
