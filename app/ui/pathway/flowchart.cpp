// Flowchart drawing: culling, level of detail, edges, labels, nodes.
//
// Sections: 1. helpers  2. edges  3. labels  4. nodes  5. DrawFlowchart.
#include "ui/pathway/flowchart.h"

#include "ui/fonts.h"
#include "ui/pathway/pathway_style.h"
#include "ui/theme.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
// --- 1. Helpers --------------------------------------------------------------------------------

// Below this text size (pixels) nothing is readable: nodes are drawn as coloured boxes.
constexpr float kMinTextPx = 7.0f;

struct Drawer
{
    const UiContext& ctx;
    const FlowchartInput& in;
    ImDrawList* dl;
    ImVec2 clip_min, clip_max;
    int vtx_start = 0;
    bool text_ok = true; // zoom large enough for text and detail

    int Used() const { return dl->VtxBuffer.Size - vtx_start; }
    bool Detail() const { return text_ok && Used() < kFlowchartDetailBudget; }
    bool Room() const { return Used() < kFlowchartHardBudget; }
    ImVec2 S(ImVec2 w) const { return WorldToScreen(in.camera, in.frame, w); }
    bool Visible(ImVec2 a, ImVec2 b, float pad = 0.0f) const
    {
        return b.x + pad >= clip_min.x && a.x - pad <= clip_max.x && b.y + pad >= clip_min.y && a.y - pad <= clip_max.y;
    }
    NodeState State(bool lit) const
    {
        if (!in.highlight || !in.highlight->active)
            return NodeState::Normal;
        return lit ? NodeState::Lit : NodeState::Dimmed;
    }
    bool NodeLit(int i) const
    {
        return in.highlight && static_cast<size_t>(i) < in.highlight->node_lit.size() &&
               in.highlight->node_lit[static_cast<size_t>(i)];
    }
    bool EdgeLit(const SceneEdge& e) const
    {
        return in.highlight && e.index >= 0 && static_cast<size_t>(e.index) < in.highlight->edge_lit.size() &&
               in.highlight->edge_lit[static_cast<size_t>(e.index)];
    }
};

float Length(ImVec2 a, ImVec2 b)
{
    return std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
}

// --- 2. Edges ----------------------------------------------------------------------------------

void Arrowhead(ImDrawList* dl, ImVec2 tip, ImVec2 from, float size, ImU32 color)
{
    float dx = tip.x - from.x, dy = tip.y - from.y;
    const float len = std::sqrt(dx * dx + dy * dy);
    if (len < 1e-3f)
        return;
    dx /= len;
    dy /= len;
    const ImVec2 base(tip.x - dx * size, tip.y - dy * size);
    const float half = 0.45f * size;
    dl->AddTriangleFilled(tip, ImVec2(base.x - dy * half, base.y + dx * half),
                          ImVec2(base.x + dy * half, base.y - dx * half), color);
}

void DrawEdge(Drawer& d, const SceneEdge& e, NodeState state, FlowchartResult& r)
{
    const std::vector<ImVec2>& w = e.points;
    if (w.size() < 4 || !d.Room())
        return;
    const float em = d.ctx.metrics.em, z = d.in.camera.zoom;
    const EdgeColors colors = PathwayEdgeColors(*d.ctx.palette, state);
    const ImVec2 bb0 = d.S(e.bb_min), bb1 = d.S(e.bb_max);
    if (!d.Visible(bb0, bb1, em * z))
        return;
    ++r.edges_drawn;
    const size_t segments = (w.size() - 1) / 3;
    if (!d.Detail())
    {
        // Straight polyline through the segment ends, without anti-aliasing: 4 vertices a segment.
        r.detailed = false;
        const ImDrawListFlags flags = d.dl->Flags;
        d.dl->Flags &= ~ImDrawListFlags_AntiAliasedLines;
        for (size_t s = 0; s < segments; ++s)
        {
            const ImVec2 a = d.S(w[3 * s]), b = d.S(w[3 * s + 3]);
            if (d.Visible(ImVec2(std::min(a.x, b.x), std::min(a.y, b.y)),
                          ImVec2(std::max(a.x, b.x), std::max(a.y, b.y))))
                d.dl->AddLine(a, b, colors.line, 1.0f);
        }
        d.dl->Flags = flags;
        return;
    }
    const float thickness = std::max(1.0f, colors.thickness_ems * em * z);
    // One stroked path per run of visible segments, so the joins stay clean.
    bool open = false;
    for (size_t s = 0; s < segments; ++s)
    {
        const ImVec2 p0 = d.S(w[3 * s]), p1 = d.S(w[3 * s + 1]), p2 = d.S(w[3 * s + 2]), p3 = d.S(w[3 * s + 3]);
        const ImVec2 lo(std::min({p0.x, p1.x, p2.x, p3.x}), std::min({p0.y, p1.y, p2.y, p3.y}));
        const ImVec2 hi(std::max({p0.x, p1.x, p2.x, p3.x}), std::max({p0.y, p1.y, p2.y, p3.y}));
        if (!d.Visible(lo, hi, thickness))
        {
            if (open)
                d.dl->PathStroke(colors.line, 0, thickness);
            open = false;
            continue;
        }
        if (!open)
            d.dl->PathLineTo(p0);
        open = true;
        const float len = Length(p0, p1) + Length(p1, p2) + Length(p2, p3);
        const int steps = std::clamp(static_cast<int>(len / std::max(4.0f, 0.7f * em)), 2, 24);
        d.dl->PathBezierCubicCurveTo(p1, p2, p3, steps);
    }
    if (open)
        d.dl->PathStroke(colors.line, 0, thickness);
    // The arrow points along the curve's last tangent, into the 'to' node (or the 'from' node of
    // a reversed edge: the curve still runs from 'from' to 'to').
    const ImVec2 tip = d.S(w.back());
    ImVec2 back = d.S(w[w.size() - 2]);
    if (Length(back, tip) < 1.0f)
        back = d.S(w[w.size() - 4]);
    if (d.Visible(tip, tip, em * z))
        Arrowhead(d.dl, tip, back, std::max(6.0f, 0.6f * em * z), colors.line);
}

// --- 3. Labels ---------------------------------------------------------------------------------

void DrawLabel(Drawer& d, const SceneEdge& e, NodeState state, FlowchartResult& r)
{
    if (e.label_lines.empty() || !d.Detail())
        return;
    const float z = d.in.camera.zoom;
    const SceneMetrics& m = d.in.scene->m;
    const ImVec2 c = d.S(e.label_centre);
    const ImVec2 half(0.5f * e.label_size.x * z, 0.5f * e.label_size.y * z);
    const ImVec2 a(c.x - half.x, c.y - half.y), b(c.x + half.x, c.y + half.y);
    if (!d.Visible(a, b))
        return;
    ++r.labels_drawn;
    const EdgeColors colors = PathwayEdgeColors(*d.ctx.palette, state);
    d.dl->AddRectFilled(a, b, colors.label_fill, 0.3f * m.em * z);
    d.dl->AddRect(a, b, colors.label_outline, 0.3f * m.em * z, 0, std::max(1.0f, 0.05f * m.em * z));
    const float size = m.em * z;
    ImFont* font = FlowchartFont(d.ctx, size);
    float y = a.y + 0.6f * m.label_pad * z + 0.5f * (m.line_h - m.em) * z;
    std::string all;
    for (const std::string& line : e.label_lines)
    {
        const float w = font->CalcTextSizeA(size, FLT_MAX, 0.0f, line.c_str(), line.c_str() + line.size()).x;
        d.dl->AddText(font, size, ImVec2(std::floor(c.x - 0.5f * w), std::floor(y)), colors.label_text, line.c_str(),
                      line.c_str() + line.size());
        y += m.line_h * z;
        all += all.empty() ? line : " " + line;
    }
    NoteDrawnText(all);
}

// --- 4. Nodes ----------------------------------------------------------------------------------

void DrawNode(Drawer& d, int i, FlowchartResult& r)
{
    const SceneNode& n = d.in.scene->nodes[static_cast<size_t>(i)];
    const ImVec2 a = d.S(n.min), b = d.S(n.max);
    if (!d.Visible(a, b))
        return;
    const auto& node = d.in.pathway->nodes[static_cast<size_t>(i)];
    const TouchState touch = TouchArea(d.ctx, "pathway:node:" + node.id, a, b);
    if (touch.tapped && d.in.taps)
        r.tapped = i;
    if (!d.Room())
        return;
    ++r.nodes_drawn;
    const float z = d.in.camera.zoom;
    const SceneMetrics& m = d.in.scene->m;
    NodeColors c = PathwayNodeColors(*d.ctx.palette, node.kind, d.State(d.NodeLit(i)), i == d.in.selected);
    if (touch.pressed)
        c.fill = d.ctx.palette->accent_soft;
    const float header_b = a.y + m.header_h * z;
    if (!d.Detail())
    {
        r.detailed = false;
        d.dl->AddRectFilled(a, b, c.fill);
        d.dl->AddRectFilled(a, ImVec2(b.x, std::min(b.y, header_b)), c.header);
        return;
    }
    const float rounding = m.rounding * z;
    d.dl->AddRectFilled(a, b, c.fill, rounding);
    d.dl->AddRectFilled(a, ImVec2(b.x, header_b), c.header, rounding, ImDrawFlags_RoundCornersTop);
    d.dl->AddRect(a, b, c.outline, rounding, 0, std::max(1.0f, c.outline_ems * m.em * z));
    const float size = m.em * z;
    ImFont* font = FlowchartFont(d.ctx, size);
    const float x = std::floor(a.x + m.pad_x * z);
    d.dl->AddText(font, size, ImVec2(x, std::floor(a.y + 0.5f * (m.header_h - m.em) * z)), c.header_text,
                  n.kind_label.c_str(), n.kind_label.c_str() + n.kind_label.size());
    float y = header_b + m.pad_top * z + 0.5f * (m.line_h - m.em) * z;
    for (const std::string& line : n.title_lines)
    {
        d.dl->AddText(font, size, ImVec2(x, std::floor(y)), c.text, line.c_str(), line.c_str() + line.size());
        y += m.line_h * z;
    }
    NoteDrawnText(n.title);
}
} // namespace

ImFont* FlowchartFont(const UiContext& ctx, float pixel_size)
{
    const Fonts& f = *ctx.fonts;
    for (ImFont* font : {f.body_bold, f.heading, f.title, f.display})
        if (font && font->FontSize >= pixel_size - 0.5f)
            return font;
    return f.display ? f.display : f.body_bold;
}

// --- 5. DrawFlowchart ---------------------------------------------------------------------------

FlowchartResult DrawFlowchart(const UiContext& ctx, const FlowchartInput& in)
{
    FlowchartResult r;
    if (!in.scene || !in.pathway || in.scene->nodes.size() != in.pathway->nodes.size())
        return r;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(in.frame.view_min, in.frame.view_max, true);
    Drawer d{ctx, in, dl, dl->GetClipRectMin(), dl->GetClipRectMax()};
    d.vtx_start = dl->VtxBuffer.Size;
    d.text_ok = ctx.metrics.em * in.camera.zoom >= kMinTextPx;
    const PathwayScene& scene = *in.scene;

    // Dimmed routes first, then the normal ones, the lit ones on top; labels over all lines.
    for (NodeState pass : {NodeState::Dimmed, NodeState::Normal, NodeState::Lit})
        for (const SceneEdge& e : scene.edges)
            if (d.State(d.EdgeLit(e)) == pass)
                DrawEdge(d, e, pass, r);
    for (const SceneEdge& e : scene.edges)
        DrawLabel(d, e, d.State(d.EdgeLit(e)), r);
    // Nodes: dimmed under lit, the selected one last.
    for (int pass = 0; pass < 2; ++pass)
        for (int i = 0; i < static_cast<int>(scene.nodes.size()); ++i)
        {
            const bool top = d.NodeLit(i) || !(in.highlight && in.highlight->active);
            if ((pass == 1) == top && i != in.selected)
                DrawNode(d, i, r);
        }
    if (in.selected >= 0 && in.selected < static_cast<int>(scene.nodes.size()))
        DrawNode(d, in.selected, r);
    r.vertices = d.Used();
    dl->PopClipRect();
    return r;
}
} // namespace kiosk::ui
