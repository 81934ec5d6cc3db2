// Pathway scene: measuring, layout (sync or on a worker), and the cache.
//
// Sections: 1. measuring  2. from layout to scene  3. the cache  4. highlights.
#include "ui/pathway/pathway_scene.h"

#include "ui/fonts.h"
#include "ui/pathway/pathway_style.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstring>
#include <map>

namespace kiosk::ui
{
using kiosk::core::LayoutDirection;

namespace
{
// --- 1. Measuring ----------------------------------------------------------------------------

constexpr float kTitleWrapEms = 11.5f; // about 22 characters of bold text a line
constexpr float kMinNodeEms = 7.0f;
constexpr float kLabelWrapEms = 7.0f;

// Splits `text` into lines no wider than `wrap_w` (a single long word stays whole).
std::vector<std::string> WrapLines(ImFont* font, const std::string& text, float wrap_w)
{
    std::vector<std::string> lines;
    const char* s = text.c_str();
    const char* end = s + text.size();
    while (s < end)
    {
        const char* line_end = font->CalcWordWrapPositionA(1.0f, s, end, wrap_w);
        if (line_end == s)
            ++line_end;
        const char* nl = static_cast<const char*>(std::memchr(s, '\n', static_cast<size_t>(line_end - s)));
        if (nl)
            line_end = nl;
        std::string line(s, line_end);
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        if (!line.empty())
            lines.push_back(line);
        s = line_end;
        while (s < end && (*s == ' ' || *s == '\n'))
            ++s;
    }
    return lines;
}

float WidestLine(ImFont* font, const std::vector<std::string>& lines)
{
    float w = 0.0f;
    for (const std::string& l : lines)
        w = std::max(w, TextWidth(font, l));
    return w;
}

// The measured scene before placement, with what the layout engine needs.
struct Prepared
{
    PathwayScene scene;
    std::vector<kiosk::core::LayoutNode> nodes;
    std::vector<kiosk::core::LayoutEdge> edges;
    kiosk::core::LayoutOptions options;
};

Prepared Prepare(const UiContext& ctx, LayoutDirection direction)
{
    Prepared p;
    ImFont* font = ctx.fonts->body_bold;
    const float em = ctx.metrics.em;
    PathwayScene& scene = p.scene;
    scene.direction = direction;
    scene.m = MakeSceneMetrics(em);
    const SceneMetrics& m = scene.m;
    const auto& pathway = ctx.pack->pathway;
    const std::string& lang = ctx.visit->language;

    std::map<std::string, std::string> kind_labels;
    for (const auto& node : pathway.nodes)
    {
        SceneNode n;
        n.title = node.title.Get(lang);
        n.title_lines = WrapLines(font, n.title, kTitleWrapEms * em);
        if (n.title_lines.empty())
            n.title_lines.push_back(node.id);
        auto known = kind_labels.find(node.kind);
        if (known == kind_labels.end())
            known = kind_labels.emplace(node.kind, PathwayKindLabel(ctx, node.kind)).first;
        n.kind_label = known->second;
        const float content_w = std::max(WidestLine(font, n.title_lines), TextWidth(font, n.kind_label));
        const float w = std::clamp(content_w + 2.0f * m.pad_x, kMinNodeEms * em, (kTitleWrapEms + 1.5f) * em);
        const float h = m.header_h + m.pad_top + static_cast<float>(n.title_lines.size()) * m.line_h + m.pad_bottom;
        n.max = ImVec2(w, h); // size for now; placed in Finish()
        scene.nodes.push_back(n);
        p.nodes.push_back({w, h});
    }

    std::map<std::string, int> index;
    for (size_t i = 0; i < pathway.nodes.size(); ++i)
        index.emplace(pathway.nodes[i].id, static_cast<int>(i));
    float label_w = 0.0f, label_h = 0.0f;
    for (size_t edge_index = 0; edge_index < pathway.edges.size(); ++edge_index)
    {
        const auto& edge = pathway.edges[edge_index];
        const auto f = index.find(edge.from), t = index.find(edge.to);
        if (f == index.end() || t == index.end())
            continue; // the validator reports it; nothing to draw
        const int from = f->second, to = t->second;
        SceneEdge e;
        e.index = static_cast<int>(edge_index);
        e.from = from;
        e.to = to;
        e.label_lines = WrapLines(font, edge.condition.Get(lang), kLabelWrapEms * em);
        if (!e.label_lines.empty())
        {
            e.label_size = ImVec2(WidestLine(font, e.label_lines) + 2.0f * m.label_pad,
                                  static_cast<float>(e.label_lines.size()) * m.line_h + 1.2f * m.label_pad);
            label_w = std::max(label_w, e.label_size.x);
            label_h = std::max(label_h, e.label_size.y);
        }
        scene.edges.push_back(e);
        p.edges.push_back({from, to});
    }

    kiosk::core::LayoutOptions& o = p.options;
    o.direction = direction;
    o.edge_gap = 0.6f * em;
    o.component_gap = 2.0f * em;
    if (direction == LayoutDirection::LeftToRight)
    {
        o.node_gap = 1.1f * em;
        o.layer_gap = std::max(4.0f * em, label_w + 2.5f * em);
    }
    else
    {
        o.node_gap = 1.3f * em;
        o.layer_gap = std::max(3.0f * em, label_h + 2.4f * em);
    }
    return p;
}

ImVec2 V(kiosk::core::LayoutPoint p)
{
    return ImVec2(p.x, p.y);
}

// --- 2. From layout to scene --------------------------------------------------------------------

ImVec2 BezierPoint(const ImVec2* p, float t)
{
    const float u = 1.0f - t;
    const float a = u * u * u, b = 3.0f * u * u * t, c = 3.0f * u * t * t, d = t * t * t;
    return ImVec2(a * p[0].x + b * p[1].x + c * p[2].x + d * p[3].x, a * p[0].y + b * p[1].y + c * p[2].y + d * p[3].y);
}

float OverlapArea(ImVec2 a0, ImVec2 a1, ImVec2 b0, ImVec2 b1)
{
    const float w = std::min(a1.x, b1.x) - std::max(a0.x, b0.x);
    const float h = std::min(a1.y, b1.y) - std::max(a0.y, b0.y);
    return w > 0.0f && h > 0.0f ? w * h : 0.0f;
}

// Puts each condition label on its own curve where it covers no node and no label placed before
// it: the first free spot among a few along the first segment (in the gap after the source's
// layer) and the last one (before the target), then along every segment between, then the same
// spots slid sideways by up to a label's width (the label then sits beside its line, touching
// it; across the flow); then any point of the curve, slid up to three widths; else the spot with
// the least overlap. An editor's long condition on a long edge through busy layers found no free
// spot among the first few and was drawn under a box.
void PlaceLabels(PathwayScene& scene)
{
    std::vector<std::pair<ImVec2, ImVec2>> placed;
    // Slide across the edges' general direction.
    const bool across_x = scene.direction == kiosk::core::LayoutDirection::TopToBottom;
    for (SceneEdge& e : scene.edges)
    {
        if (e.label_lines.empty() || e.points.size() < 4)
            continue;
        const ImVec2 half(0.5f * e.label_size.x, 0.5f * e.label_size.y);
        const size_t segments = (e.points.size() - 1) / 3;
        struct Spot
        {
            const ImVec2* seg;
            float t;
        };
        std::vector<Spot> spots;
        const ImVec2* first = &e.points[0];
        const ImVec2* last = &e.points[3 * (segments - 1)];
        for (float t : {0.7f, 0.55f, 0.85f, 0.4f})
            spots.push_back({first, t});
        for (float t : {0.6f, 0.8f})
            spots.push_back({last, t});
        spots.push_back({first, 0.25f});
        spots.push_back({last, 0.4f});
        for (size_t k = 1; k + 1 < segments; ++k)
            for (float t : {0.5f, 0.25f, 0.75f})
                spots.push_back({&e.points[3 * k], t});
        for (float t : {0.1f, 0.95f})
            spots.push_back({first, t});
        for (float t : {0.2f, 0.9f})
            spots.push_back({last, t});
        auto overlap_at = [&](ImVec2 c)
        {
            const ImVec2 a(c.x - half.x, c.y - half.y), b(c.x + half.x, c.y + half.y);
            float overlap = 0.0f;
            for (const SceneNode& n : scene.nodes)
                overlap += OverlapArea(a, b, n.min, n.max);
            for (const auto& [p0, p1] : placed)
                overlap += OverlapArea(a, b, p0, p1);
            return overlap;
        };
        float best = FLT_MAX;
        // Tries the label centred `slide` label-widths across the line from `on_line`; keeps the
        // least covering place so far; true once nothing is covered.
        auto try_at = [&](ImVec2 on_line, float slide)
        {
            const ImVec2 c = across_x ? ImVec2(on_line.x + slide * e.label_size.x, on_line.y)
                                      : ImVec2(on_line.x, on_line.y + slide * e.label_size.y);
            const float overlap = overlap_at(c);
            if (overlap < best)
            {
                best = overlap;
                e.label_centre = c;
            }
            return overlap <= 0.0f;
        };
        for (float slide : {0.0f, 0.5f, -0.5f, 1.0f, -1.0f})
        {
            for (const Spot& spot : spots)
                if (try_at(BezierPoint(spot.seg, spot.t), slide))
                    break;
            if (best <= 0.0f)
                break;
        }
        // Still covering something (a dense chart: 2 of 130 labels at 400 nodes): every point along
        // every segment, slid further sideways, up to three labels' widths from its line.
        for (float slide : {0.0f, 0.5f, -0.5f, 1.0f, -1.0f, 1.5f, -1.5f, 2.0f, -2.0f, 3.0f, -3.0f})
        {
            if (best <= 0.0f)
                break;
            for (size_t k = 0; k < segments && best > 0.0f; ++k)
                for (int step = 1; step < 20; ++step)
                    if (try_at(BezierPoint(&e.points[3 * k], 0.05f * static_cast<float>(step)), slide))
                        break;
        }
        placed.push_back({ImVec2(e.label_centre.x - half.x, e.label_centre.y - half.y),
                          ImVec2(e.label_centre.x + half.x, e.label_centre.y + half.y)});
    }
}

PathwayScene Finish(PathwayScene scene, const kiosk::core::GraphLayout& layout)
{
    scene.crossings = layout.crossings;
    scene.layer_count = layout.layer_count;
    ImVec2 lo(FLT_MAX, FLT_MAX), hi(-FLT_MAX, -FLT_MAX);
    auto grow = [&](ImVec2 a, ImVec2 b)
    {
        lo = ImVec2(std::min(lo.x, a.x), std::min(lo.y, a.y));
        hi = ImVec2(std::max(hi.x, b.x), std::max(hi.y, b.y));
    };
    for (size_t i = 0; i < scene.nodes.size() && i < layout.nodes.size(); ++i)
    {
        SceneNode& n = scene.nodes[i];
        const ImVec2 size = n.max;
        const ImVec2 c = V(layout.nodes[i].centre);
        n.min = ImVec2(c.x - 0.5f * size.x, c.y - 0.5f * size.y);
        n.max = ImVec2(c.x + 0.5f * size.x, c.y + 0.5f * size.y);
        grow(n.min, n.max);
    }
    for (size_t i = 0; i < scene.edges.size() && i < layout.edges.size(); ++i)
    {
        SceneEdge& e = scene.edges[i];
        const kiosk::core::EdgeRoute& route = layout.edges[i];
        e.reversed = route.reversed;
        e.self_loop = route.self_loop;
        e.points.clear();
        for (const auto& pt : route.points)
            e.points.push_back(V(pt));
        if (e.points.size() < 4)
            continue;
        e.bb_min = e.bb_max = e.points[0];
        for (const ImVec2& pt : e.points)
        {
            e.bb_min = ImVec2(std::min(e.bb_min.x, pt.x), std::min(e.bb_min.y, pt.y));
            e.bb_max = ImVec2(std::max(e.bb_max.x, pt.x), std::max(e.bb_max.y, pt.y));
        }
        grow(e.bb_min, e.bb_max);
    }
    PlaceLabels(scene);
    for (const SceneEdge& e : scene.edges)
        if (!e.label_lines.empty() && e.points.size() >= 4)
            grow(ImVec2(e.label_centre.x - 0.5f * e.label_size.x, e.label_centre.y - 0.5f * e.label_size.y),
                 ImVec2(e.label_centre.x + 0.5f * e.label_size.x, e.label_centre.y + 0.5f * e.label_size.y));
    if (lo.x > hi.x)
        lo = hi = ImVec2(0.0f, 0.0f);
    scene.bounds_min = lo;
    scene.bounds_max = hi;
    return scene;
}

// --- 3. The cache ---------------------------------------------------------------------------

struct Hash
{
    std::uint64_t h = 1469598103934665603ull;
    void Bytes(const void* data, size_t n)
    {
        const auto* b = static_cast<const unsigned char*>(data);
        for (size_t i = 0; i < n; ++i)
            h = (h ^ b[i]) * 1099511628211ull;
    }
    void Str(const std::string& s)
    {
        Bytes(s.data(), s.size());
        Bytes("\0", 1);
    }
    template <typename T> void Pod(const T& v) { Bytes(&v, sizeof(v)); }
};

std::uint64_t SceneKey(const UiContext& ctx, LayoutDirection direction)
{
    Hash h;
    const auto& pathway = ctx.pack->pathway;
    for (const auto& n : pathway.nodes)
    {
        h.Str(n.id);
        h.Str(n.kind);
        h.Str(n.title.Get(ctx.visit->language));
    }
    for (const auto& e : pathway.edges)
    {
        h.Str(e.from);
        h.Str(e.to);
        h.Str(e.condition.Get(ctx.visit->language));
    }
    for (const std::string& kind : PathwayKinds())
        h.Str(PathwayKindLabel(ctx, kind));
    h.Pod(ctx.metrics.em);
    h.Pod(ctx.fonts->body_bold->FontSize);
    h.Pod(static_cast<std::uintptr_t>(reinterpret_cast<std::uintptr_t>(ctx.fonts->body_bold)));
    h.Pod(static_cast<int>(direction));
    return h.h;
}
} // namespace

SceneMetrics MakeSceneMetrics(float em)
{
    SceneMetrics m;
    m.em = em;
    m.pad_x = 0.6f * em;
    m.header_h = 1.5f * em;
    m.pad_top = 0.45f * em;
    m.line_h = 1.2f * em;
    m.pad_bottom = 0.55f * em;
    m.rounding = 0.35f * em;
    m.label_pad = 0.35f * em;
    return m;
}

PathwayScene BuildPathwayScene(const UiContext& ctx, LayoutDirection direction)
{
    Prepared p = Prepare(ctx, direction);
    const kiosk::core::GraphLayout layout = kiosk::core::ComputeLayout(p.nodes, p.edges, p.options);
    return Finish(std::move(p.scene), layout);
}

struct PathwaySceneCache::Entry
{
    std::uint64_t key = 0;
    std::uint64_t last_used = 0;
    std::unique_ptr<PathwayScene> scene; // ready
    PathwayScene prepared;               // measured, waiting for `pending`
    std::future<kiosk::core::GraphLayout> pending;
};

PathwaySceneCache::PathwaySceneCache() = default;
PathwaySceneCache::~PathwaySceneCache() = default;

PathwaySceneCache& PathwaySceneCache::Shared()
{
    static PathwaySceneCache cache;
    return cache;
}

void PathwaySceneCache::Clear()
{
    m_entries.clear(); // waits for any worker still running (std::async futures join)
    m_highlight_key = 0;
}

bool PathwaySceneCache::Pending() const
{
    for (const auto& e : m_entries)
        if (!e->scene && e->pending.valid())
            return true;
    return false;
}

const PathwayScene* PathwaySceneCache::Get(const UiContext& ctx, LayoutDirection direction)
{
    const std::uint64_t key = SceneKey(ctx, direction);
    ++m_clock;
    for (auto& e : m_entries)
    {
        if (e->key != key)
            continue;
        e->last_used = m_clock;
        if (!e->scene && e->pending.valid() &&
            e->pending.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
            e->scene = std::make_unique<PathwayScene>(Finish(std::move(e->prepared), e->pending.get()));
        return e->scene.get();
    }
    // Keep at most four scenes (two directions, two languages); never drop one a worker is still
    // writing (its future would block here).
    while (m_entries.size() >= 4)
    {
        auto oldest = m_entries.end();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it)
            if ((*it)->scene && (oldest == m_entries.end() || (*it)->last_used < (*oldest)->last_used))
                oldest = it;
        if (oldest == m_entries.end())
            break;
        m_entries.erase(oldest);
    }
    auto entry = std::make_unique<Entry>();
    entry->key = key;
    entry->last_used = m_clock;
    Prepared p = Prepare(ctx, direction);
    if (p.nodes.size() < kAsyncNodeCount)
    {
        const kiosk::core::GraphLayout layout = kiosk::core::ComputeLayout(p.nodes, p.edges, p.options);
        entry->scene = std::make_unique<PathwayScene>(Finish(std::move(p.scene), layout));
    }
    else
    {
        entry->prepared = std::move(p.scene);
        entry->pending = kiosk::core::ComputeLayoutAsync(std::move(p.nodes), std::move(p.edges), p.options);
    }
    m_entries.push_back(std::move(entry));
    return m_entries.back()->scene.get();
}

// --- 4. Highlights ------------------------------------------------------------------------------

kiosk::core::PathwayHighlight ComputePathwayHighlight(const kiosk::core::ContentPack& pack,
                                                      const kiosk::core::PathwayFocus& view)
{
    if (!view.lit_start.empty() && !view.lit_role.empty())
        return kiosk::core::HighlightFromStartToRole(pack, view.lit_start, view.lit_role);
    if (!view.lit_start.empty())
        return kiosk::core::HighlightFromStart(pack.pathway, view.lit_start);
    if (!view.lit_node.empty())
        return kiosk::core::HighlightNode(pack, view.lit_node, view.lit_role);
    if (!view.lit_role.empty())
        return kiosk::core::HighlightToRole(pack, view.lit_role);
    kiosk::core::PathwayHighlight none;
    none.node_lit.assign(pack.pathway.nodes.size(), 0);
    none.edge_lit.assign(pack.pathway.edges.size(), 0);
    return none;
}

const kiosk::core::PathwayHighlight& PathwaySceneCache::Highlight(const kiosk::core::ContentPack& pack,
                                                                  const kiosk::core::PathwayFocus& view)
{
    Hash h;
    h.Pod(reinterpret_cast<std::uintptr_t>(&pack));
    h.Pod(reinterpret_cast<std::uintptr_t>(pack.pathway.nodes.data()));
    h.Pod(pack.pathway.nodes.size());
    h.Pod(pack.pathway.edges.size());
    h.Pod(pack.roles.size());
    for (const auto& n : pack.pathway.nodes)
        h.Str(n.id);
    for (const auto& e : pack.pathway.edges)
    {
        h.Str(e.from);
        h.Str(e.to);
    }
    h.Str(view.lit_start);
    h.Str(view.lit_node);
    h.Str(view.lit_role);
    if (h.h != m_highlight_key)
    {
        m_highlight = ComputePathwayHighlight(pack, view);
        m_highlight_key = h.h;
    }
    return m_highlight;
}

std::vector<std::string> PathwayLitNodeIds(const kiosk::core::ContentPack& pack, const kiosk::core::VisitState& visit)
{
    return kiosk::core::LitNodeIds(pack.pathway, ComputePathwayHighlight(pack, visit.pathway));
}
} // namespace kiosk::ui
