// Pathway stand-in until the flowchart (a later issue) replaces it: shows the pathway node an
// entry route pointed at (title, what it is, how long, what you need) and the "Where are you
// now?" start points as chips that open their first step, the next steps, and the roles a
// step leads to, with Back and Home, so "Find your route" is never a dead end.
#include "ui/chrome.h"
#include "ui/fonts.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/ui_strings.h"
#include "ui/widgets_drag_scroll.h"
#include "ui/widgets_flow.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
// Chips that each open another node of the pathway (or a role); the stand-in is navigable so a
// visitor can follow a route step by step.
void NodeChips(Flow& f, const std::vector<const kiosk::core::PathwayNode*>& nodes)
{
    std::vector<std::string> ids, labels;
    for (const auto* n : nodes)
    {
        ids.push_back("pathway:node:" + n->id);
        labels.push_back(n->title.Get(f.view->language));
    }
    const int tapped = FlowChips(f, ids, labels);
    if (tapped >= 0)
        f.action = OpenPathway{nodes[static_cast<size_t>(tapped)]->id, std::string(), std::string()};
}

float Page(const UiContext& ctx, const VisitView& view, float x, float width, float top, bool draw, UiAction& action)
{
    Flow f{&ctx, &view, draw, x, top, width, {}};
    const auto& pathway = ctx.pack->pathway;
    const std::string& lang = view.language;
    FlowSpace(f, 1.0f);
    if (const auto* node = pathway.FindNode(view.pathway_node))
    {
        FlowParagraph(f, node->title.Get(lang), ctx.fonts->title);
        FlowParagraph(f, node->detail.Get(lang));
        if (!node->duration.Get(lang).empty())
        {
            FlowHeading(f, Tr(ctx, view, "pathway.duration"));
            FlowParagraph(f, node->duration.Get(lang));
        }
        if (!node->requirements.Get(lang).empty())
        {
            FlowHeading(f, Tr(ctx, view, "pathway.requirements"));
            FlowParagraph(f, node->requirements.Get(lang));
        }
        std::vector<const kiosk::core::PathwayNode*> next;
        for (const auto& edge : pathway.edges)
            if (edge.from == node->id)
                if (const auto* to = pathway.FindNode(edge.to))
                    next.push_back(to);
        if (!next.empty())
        {
            FlowHeading(f, Tr(ctx, view, "pathway.leads_to"));
            NodeChips(f, next);
        }
        std::vector<std::string> role_ids, role_labels;
        for (const std::string& id : node->roles)
            if (const auto* role = ctx.pack->FindRole(id))
            {
                role_ids.push_back("pathway:role:" + id);
                role_labels.push_back(role->title.Get(lang));
            }
        if (!role_ids.empty())
        {
            FlowHeading(f, Tr(ctx, view, "pathway.open_role"));
            const int tapped = FlowChips(f, role_ids, role_labels);
            if (tapped >= 0)
                f.action = OpenRole{role_ids[static_cast<size_t>(tapped)].substr(13)};
        }
    }
    else
    {
        FlowParagraph(f, Tr(ctx, view, "pathway.title"), ctx.fonts->title);
    }
    std::vector<const kiosk::core::PathwayNode*> starts;
    for (const auto& s : pathway.starts)
        if (!s.nodes.empty())
            if (const auto* first = pathway.FindNode(s.nodes.front()))
                starts.push_back(first);
    if (!starts.empty())
    {
        FlowHeading(f, Tr(ctx, view, "pathway.where_are_you_now"));
        // Each start point is labelled with its own title but opens its first node.
        std::vector<std::string> ids, labels;
        for (const auto& s : pathway.starts)
            if (!s.nodes.empty() && pathway.FindNode(s.nodes.front()))
            {
                ids.push_back("pathway:start:" + s.id);
                labels.push_back(s.title.Get(lang));
            }
        const int tapped = FlowChips(f, ids, labels);
        if (tapped >= 0)
            f.action = OpenPathway{starts[static_cast<size_t>(tapped)]->id, ids[static_cast<size_t>(tapped)].substr(14),
                                   std::string()};
    }
    if (!IsNone(f.action))
        action = f.action;
    return f.y - top + 2.0f * ctx.metrics.em;
}
} // namespace

ScreenResult DrawPathwayScreen(const UiContext& ctx, VisitView& view)
{
    ScreenResult result;
    const Metrics& m = ctx.metrics;
    BeginScreenWindow("##pathway", ctx);
    const float bar_h = TopBarHeight(m);
    const float width = std::min(m.screen_w - 2.0f * PageMargin(m), 34.0f * m.em);
    const float x = std::floor(0.5f * (m.screen_w - width));
    const ImVec2 view_min(0.0f, bar_h), view_max(m.screen_w, m.screen_h);
    UiAction unused;
    const float content_h = Page(ctx, view, x, width, 0.0f, false, unused);
    result.animating |=
        UpdateDragScroll(ctx, view_min, view_max, content_h, ScrollState{&view.scroll_y, &view.scroll_velocity});
    ImGui::GetWindowDrawList()->PushClipRect(view_min, view_max, true);
    Page(ctx, view, x, width, bar_h - std::round(view.scroll_y), true, result.action);
    ImGui::GetWindowDrawList()->PopClipRect();
    const UiAction bar = DrawTopBar(ctx, view, TopBarSpec{true, true, Tr(ctx, view, "pathway.title")});
    if (!IsNone(bar))
        result.action = bar;
    EndScreenWindow();
    return result;
}
} // namespace kiosk::ui
