#include "ui/pathway/pathway_sheet.h"

#include "ui/fonts.h"
#include "ui/pathway/pathway_style.h"
#include "ui/theme.h"
#include "ui/ui_frame_scope.h"
#include "ui/ui_strings.h"
#include "ui/widgets/button.h"
#include "ui/widgets/drag_scroll.h"
#include "ui/widgets/flow.h"
#include "ui/widgets/read_aloud.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
float SheetPad(const Metrics& m)
{
    return std::max(m.gap, 0.8f * m.em);
}

// The scrolling body; returns its height. The same code measures (draw = false) and draws.
float Body(const UiContext& ctx, const kiosk::core::PathwayNode& node, float x, float y, float width, bool draw,
           core::VisitAction& action)
{
    Flow f{&ctx, draw, x, y, width, {}};
    const std::string& lang = ctx.visit->language;
    const auto& pathway = ctx.pack->pathway;
    // The block being read (core/speech/speech_script.h: PathwayNodeSpeech) is marked beside it.
    const std::string speech_key = core::SpeechTarget{core::SpeechTarget::Kind::PathwayNode, node.id, 0}.Key();
    float y0 = f.y;
    auto mark = [&](const char* block)
    {
        if (draw)
            ReadingMark(ctx, speech_key, block, ImVec2(f.x, y0), ImVec2(f.x + f.width, f.y));
        y0 = f.y;
    };
    FlowSpace(f, 0.2f);
    FlowParagraph(f, node.title.Get(lang), ctx.fonts->heading);
    mark("title");
    core::VisitAction read;
    if (SpeechAvailable(ctx))
    {
        if (draw)
            read = ReadAloudButton(ctx, ImVec2(f.x, f.y),
                                   core::SpeechTarget{core::SpeechTarget::Kind::PathwayNode, node.id, 0});
        f.y += ctx.metrics.touch_min + 0.5f * ctx.metrics.gap;
        y0 = f.y;
    }
    TermMarks terms; // the first use of each glossary term in the sheet is tappable
    f.terms = &terms;
    FlowParagraph(f, node.detail.Get(lang));
    mark("detail");
    if (!node.duration.Get(lang).empty())
    {
        FlowHeading(f, Tr(ctx, "pathway.duration"));
        FlowParagraph(f, node.duration.Get(lang));
        mark("duration");
    }
    if (!node.requirements.Get(lang).empty())
    {
        FlowHeading(f, Tr(ctx, "pathway.requirements"));
        FlowParagraph(f, node.requirements.Get(lang));
        mark("requirements");
    }
    std::vector<const kiosk::core::Role*> roles;
    for (const std::string& id : node.roles)
        if (const auto* role = ctx.pack->FindRole(id))
            roles.push_back(role);
    if (!roles.empty())
    {
        FlowHeading(f, Tr(ctx, "pathway.leads_to"));
        for (const auto* role : roles)
            if (FlowLinkCard(f, "pathway:sheet-role:" + role->id, role->title.Get(lang), role->tagline.Get(lang), true))
                f.action = core::OpenRole{role->id};
        mark("leads_to");
    }
    std::vector<std::string> ids, labels, next;
    for (const auto& edge : pathway.edges)
        if (edge.from == node.id)
            if (const auto* to = pathway.FindNode(edge.to))
            {
                std::string label = to->title.Get(lang);
                if (!edge.condition.Get(lang).empty())
                    label += " (" + edge.condition.Get(lang) + ")";
                ids.push_back("pathway:sheet-next:" + to->id);
                labels.push_back(label);
                next.push_back(to->id);
            }
    if (!ids.empty())
    {
        FlowHeading(f, Tr(ctx, "pathway.next_steps"));
        const int tapped = FlowChips(f, ids, labels);
        if (tapped >= 0)
            f.action = core::PathwayNodeOpened{next[static_cast<size_t>(tapped)]};
        mark("next_steps");
    }
    FlowSpace(f, 0.5f);
    if (!IsNone(read))
        action = read;
    if (!IsNone(terms.action))
        action = terms.action;
    if (!IsNone(f.action))
        action = f.action;
    return f.y - y;
}

float HeaderHeight(const Metrics& m)
{
    return m.touch_min + 2.0f * 0.6f * m.gap;
}
} // namespace

SheetPlacement PlacePathwaySheet(const UiContext& ctx, const kiosk::core::PathwayNode& node, float top,
                                 float side_bottom, float bottom)
{
    const Metrics& m = ctx.metrics;
    SheetPlacement s;
    s.side = !m.portrait();
    if (s.side)
    {
        const float w = std::clamp(0.36f * m.screen_w, std::min(22.0f * m.em, 0.5f * m.screen_w), 30.0f * m.em);
        s.min = ImVec2(std::floor(m.screen_w - w), top);
        s.max = ImVec2(m.screen_w, std::max(side_bottom, top + 2.0f * HeaderHeight(m)));
    }
    else
    {
        const float pad = SheetPad(m);
        core::VisitAction unused;
        const float content =
            HeaderHeight(m) + Body(ctx, node, pad, 0.0f, m.screen_w - 2.0f * pad, false, unused) + pad;
        const float most = std::max(14.0f * m.em, 0.5f * (bottom - top));
        const float h = std::min({content, most, bottom - top});
        s.min = ImVec2(0.0f, std::floor(bottom - h));
        s.max = ImVec2(m.screen_w, bottom);
    }
    return s;
}

ScreenResult DrawPathwaySheet(const UiContext& ctx, VisitView& view, const kiosk::core::PathwayNode& node,
                              const SheetPlacement& sheet)
{
    ScreenResult result;
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = SheetPad(m);
    const float rounding = 0.6f * m.em;

    // Panel, with a soft edge towards the flowchart.
    const ImDrawFlags corners = sheet.side ? ImDrawFlags_RoundCornersLeft : ImDrawFlags_RoundCornersTop;
    const float shade = std::max(2.0f, 0.3f * m.em);
    if (!p.high_contrast)
        for (int i = 3; i >= 1; --i)
        {
            const float g = shade * static_cast<float>(i) / 3.0f;
            const ImVec2 a = sheet.side ? ImVec2(sheet.min.x - g, sheet.min.y) : ImVec2(sheet.min.x, sheet.min.y - g);
            dl->AddRectFilled(a, sheet.max, p.sheet_shade, rounding, corners);
        }
    dl->AddRectFilled(sheet.min, sheet.max, p.surface, rounding, corners);
    const ImU32 edge = p.high_contrast ? p.text : p.border;
    const float edge_w = std::max(1.0f, 0.08f * m.em);
    if (sheet.side)
        dl->AddLine(ImVec2(sheet.min.x, sheet.min.y + rounding), ImVec2(sheet.min.x, sheet.max.y), edge, edge_w);
    else
        dl->AddLine(ImVec2(sheet.min.x + rounding, sheet.min.y), ImVec2(sheet.max.x - rounding, sheet.min.y), edge,
                    edge_w);

    // Header: the kind as a coloured tag, and Close.
    const float header_h = HeaderHeight(m);
    const float hy = sheet.min.y + 0.6f * m.gap;
    const ButtonSpec close{"pathway:sheet-close", Tr(ctx, "pathway.close"), std::nullopt, ButtonKind::Secondary,
                           nullptr};
    const float close_w = ButtonWidth(ctx, close);
    const float x0 = sheet.min.x + pad, x1 = sheet.max.x - pad;
    const NodeColors kc = PathwayNodeColors(p, node.kind, NodeState::Normal, false);
    const std::string kind = PathwayKindLabel(ctx, node.kind);
    const float tag_w = std::min(TextWidth(ctx.fonts->body_bold, kind) + 1.2f * m.em, x1 - x0 - close_w - m.gap);
    const ImVec2 tag_a(x0, hy + 0.5f * (m.touch_min - 1.6f * m.em)), tag_b(x0 + tag_w, tag_a.y + 1.6f * m.em);
    dl->AddRectFilled(tag_a, tag_b, kc.header, 0.3f * m.em);
    DrawTextCentered(ctx.fonts->body_bold, tag_a, tag_b, kc.header_text, kind);
    if (TouchButton(ctx, ImVec2(x1 - close_w, hy), ImVec2(x1, hy + m.touch_min), close))
        result.action = core::PathwayNodeOpened{std::string()};

    // Body, scrolled by finger.
    const ImVec2 body_min(sheet.min.x, sheet.min.y + header_h), body_max(sheet.max.x, sheet.max.y);
    core::VisitAction unused;
    const float content_h = Body(ctx, node, x0, 0.0f, x1 - x0, false, unused) + pad;
    PathwayCamera& pv = view.pathway;
    result.animating |= UpdateDragScroll(ctx, body_min, body_max, content_h,
                                         ScrollState{&pv.sheet_scroll_y, &pv.sheet_scroll_velocity});
    dl->PushClipRect(body_min, body_max, true);
    core::VisitAction body_action;
    Body(ctx, node, x0, body_min.y - std::round(pv.sheet_scroll_y), x1 - x0, true, body_action);
    dl->PopClipRect();
    if (!IsNone(body_action))
        result.action = body_action;
    DrawScrollCue(ctx, body_min, body_max, content_h, pv.sheet_scroll_y, p.surface);
    return result;
}
} // namespace kiosk::ui
