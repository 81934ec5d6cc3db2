// Public crossing counters (layered and geometric), sharing one inversion counter so that our layouts
// and Graphviz dot's output are measured the same way.
#include "core/layout/graph_layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk::core
{
namespace
{
struct Segment
{
    double top;    // position in the earlier rank
    double bottom; // position in the later rank
};

// Pairs of segments whose order strictly inverts: top_a < top_b and bottom_a > bottom_b. Segments that
// share a position at either end never count (they meet at a node, they do not cross).
long long CountInversions(std::vector<Segment>& segments)
{
    if (segments.size() < 2)
        return 0;
    std::vector<double> bottoms;
    bottoms.reserve(segments.size());
    for (const Segment& s : segments)
        bottoms.push_back(s.bottom);
    std::sort(bottoms.begin(), bottoms.end());
    bottoms.erase(std::unique(bottoms.begin(), bottoms.end()), bottoms.end());
    std::sort(segments.begin(), segments.end(),
              [](const Segment& a, const Segment& b) { return a.top != b.top ? a.top < b.top : a.bottom < b.bottom; });
    size_t size = bottoms.size();
    std::vector<long long> tree(size + 1, 0);
    long long inserted = 0;
    long long crossings = 0;
    size_t i = 0;
    while (i < segments.size())
    {
        size_t group_end = i;
        while (group_end < segments.size() && segments[group_end].top == segments[i].top)
            group_end++;
        for (size_t j = i; j < group_end; j++)
        {
            size_t index = static_cast<size_t>(std::lower_bound(bottoms.begin(), bottoms.end(), segments[j].bottom) -
                                               bottoms.begin());
            long long not_greater = 0; // inserted bottoms <= this one
            for (size_t t = index + 1; t > 0; t -= t & (~t + 1))
                not_greater += tree[t];
            crossings += inserted - not_greater;
        }
        for (size_t j = i; j < group_end; j++)
        {
            size_t index = static_cast<size_t>(std::lower_bound(bottoms.begin(), bottoms.end(), segments[j].bottom) -
                                               bottoms.begin());
            for (size_t t = index + 1; t <= size; t += t & (~t + 1))
                tree[t]++;
            inserted++;
        }
        i = group_end;
    }
    return crossings;
}

// Adds the pieces of one edge: positions[j] is its position at rank first + j.
void AddPieces(std::vector<std::vector<Segment>>& gaps, int first, const std::vector<double>& positions)
{
    for (size_t j = 0; j + 1 < positions.size(); j++)
        gaps[static_cast<size_t>(first) + j].push_back({positions[j], positions[j + 1]});
}

long long CountGaps(std::vector<std::vector<Segment>>& gaps)
{
    long long total = 0;
    for (std::vector<Segment>& g : gaps)
        total += CountInversions(g);
    return total;
}

struct Frame
{
    bool left_to_right;
    double Rank(const LayoutPoint& p) const { return left_to_right ? p.x : p.y; }
    double Across(const LayoutPoint& p) const { return left_to_right ? p.y : p.x; }
};

double CubicAt(double a, double b, double c, double d, double t)
{
    double u = 1.0 - t;
    return u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d;
}

// Where a chain of cubics first meets the rank line 'r': the across-axis coordinate, or NaN if never.
double CurveAcrossAt(const std::vector<LayoutPoint>& curve, double r, const Frame& f)
{
    for (size_t s = 0; s + 3 < curve.size(); s += 3)
    {
        double q[4];
        double p[4];
        for (int i = 0; i < 4; i++)
        {
            q[i] = f.Rank(curve[s + static_cast<size_t>(i)]) - r;
            p[i] = f.Across(curve[s + static_cast<size_t>(i)]);
        }
        double lo = std::min(std::min(q[0], q[1]), std::min(q[2], q[3]));
        double hi = std::max(std::max(q[0], q[1]), std::max(q[2], q[3]));
        if (lo > 0.0 || hi < 0.0)
            continue;
        // Sample for the first sign change, then bisect.
        const int samples = 16;
        double prev_t = 0.0;
        double prev_v = q[0];
        if (prev_v == 0.0)
            return p[0];
        for (int k = 1; k <= samples; k++)
        {
            double t = static_cast<double>(k) / samples;
            double v = CubicAt(q[0], q[1], q[2], q[3], t);
            if (v == 0.0)
                return CubicAt(p[0], p[1], p[2], p[3], t);
            if ((v > 0.0) != (prev_v > 0.0))
            {
                double a = prev_t;
                double b = t;
                for (int it = 0; it < 40; it++)
                {
                    double m = (a + b) / 2.0;
                    double vm = CubicAt(q[0], q[1], q[2], q[3], m);
                    if ((vm > 0.0) == (prev_v > 0.0))
                        a = m;
                    else
                        b = m;
                }
                return CubicAt(p[0], p[1], p[2], p[3], (a + b) / 2.0);
            }
            prev_t = t;
            prev_v = v;
        }
    }
    return std::nan("");
}
} // namespace

long long CountCrossings(const std::vector<std::vector<int>>& layers, const std::vector<LayoutEdge>& edges)
{
    int max_node = -1;
    for (const std::vector<int>& layer : layers)
        for (int v : layer)
            max_node = std::max(max_node, v);
    std::vector<int> layer_of(static_cast<size_t>(max_node + 1), -1);
    std::vector<double> pos(static_cast<size_t>(max_node + 1), 0.0);
    for (size_t k = 0; k < layers.size(); k++)
        for (size_t i = 0; i < layers[k].size(); i++)
            if (layers[k][i] >= 0)
            {
                layer_of[static_cast<size_t>(layers[k][i])] = static_cast<int>(k);
                pos[static_cast<size_t>(layers[k][i])] = static_cast<double>(i);
            }
    std::vector<std::vector<Segment>> gaps(layers.empty() ? 0 : layers.size() - 1);
    std::vector<double> positions;
    for (const LayoutEdge& e : edges)
    {
        if (e.from < 0 || e.to < 0 || e.from > max_node || e.to > max_node)
            continue;
        int a = layer_of[static_cast<size_t>(e.from)];
        int b = layer_of[static_cast<size_t>(e.to)];
        if (a < 0 || b < 0 || a == b)
            continue;
        double pa = pos[static_cast<size_t>(e.from)];
        double pb = pos[static_cast<size_t>(e.to)];
        if (a > b)
        {
            std::swap(a, b);
            std::swap(pa, pb);
        }
        positions.clear();
        positions.push_back(pa);
        // Inner points are taken just past each layer, so two lines meeting exactly on a layer still
        // count as one crossing (in the gap before it).
        for (int k = a + 1; k < b; k++)
            positions.push_back(pa + (pb - pa) * ((k - a) + 1e-6) / (b - a));
        positions.push_back(pb);
        AddPieces(gaps, a, positions);
    }
    return CountGaps(gaps);
}

long long CountCrossingsGeometric(const std::vector<LayoutPoint>& centres, const std::vector<LayoutEdge>& edges,
                                  const std::vector<std::vector<LayoutPoint>>& curves, LayoutDirection direction,
                                  float rank_tolerance)
{
    Frame f{direction == LayoutDirection::LeftToRight};
    size_t n = centres.size();
    // Ranks: distinct rank coordinates, merging values closer than the tolerance to the previous one.
    std::vector<double> values;
    for (const LayoutPoint& p : centres)
        values.push_back(f.Rank(p));
    std::sort(values.begin(), values.end());
    std::vector<double> rank_at; // representative coordinate per rank
    for (double v : values)
        if (rank_at.empty() || v - rank_at.back() > static_cast<double>(rank_tolerance))
            rank_at.push_back(v);
    std::vector<int> rank_of(n, 0);
    for (size_t v = 0; v < n; v++)
    {
        double r = f.Rank(centres[v]);
        // The last representative not above r + tolerance.
        size_t k =
            static_cast<size_t>(std::upper_bound(rank_at.begin(), rank_at.end(), r + rank_tolerance) - rank_at.begin());
        rank_of[v] = k == 0 ? 0 : static_cast<int>(k - 1);
    }
    std::vector<std::vector<Segment>> gaps(rank_at.empty() ? 0 : rank_at.size() - 1);
    std::vector<double> positions;
    for (size_t e = 0; e < edges.size(); e++)
    {
        int from = edges[e].from;
        int to = edges[e].to;
        if (from < 0 || to < 0 || static_cast<size_t>(from) >= n || static_cast<size_t>(to) >= n)
            continue;
        int a = rank_of[static_cast<size_t>(from)];
        int b = rank_of[static_cast<size_t>(to)];
        if (a == b)
            continue;
        double pa = f.Across(centres[static_cast<size_t>(from)]);
        double pb = f.Across(centres[static_cast<size_t>(to)]);
        if (a > b)
        {
            std::swap(a, b);
            std::swap(pa, pb);
        }
        positions.clear();
        positions.push_back(pa);
        for (int k = a + 1; k < b; k++)
        {
            double at = std::nan("");
            if (e < curves.size() && curves[e].size() >= 4)
                at = CurveAcrossAt(curves[e], rank_at[static_cast<size_t>(k)], f);
            if (std::isnan(at))
                at = pa + (pb - pa) * (k - a) / (b - a);
            positions.push_back(at);
        }
        positions.push_back(pb);
        AddPieces(gaps, a, positions);
    }
    return CountGaps(gaps);
}

long long CountLayeredCrossings(const std::vector<LayoutPoint>& centres, const std::vector<LayoutEdge>& edges,
                                LayoutDirection direction, float rank_tolerance)
{
    return CountCrossingsGeometric(centres, edges, {}, direction, rank_tolerance);
}

} // namespace kiosk::core
