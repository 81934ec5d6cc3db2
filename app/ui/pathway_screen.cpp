// Pathway stand-in until the flowchart (a later issue) replaces it: shows the pathway node an
// entry route pointed at (title, what it is, how long, what you need) and the "Where are you
// now?" start points, with Back and Home, so "Find your route" is never a dead end.
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
float Page(const UiContext& ctx, const VisitView& view, float x, float width, float top, bool draw)
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
        std::vector<kiosk::core::LocalizedText> next;
        for (const auto& edge : pathway.edges)
            if (edge.from == node->id)
                if (const auto* to = pathway.FindNode(edge.to))
                    next.push_back(to->title);
        if (!next.empty())
        {
            FlowHeading(f, Tr(ctx, view, "pathway.leads_to"));
            FlowBullets(f, next);
        }
    }
    else
    {
        FlowParagraph(f, Tr(ctx, view, "pathway.title"), ctx.fonts->title);
    }
    if (!pathway.starts.empty())
    {
        FlowHeading(f, Tr(ctx, view, "pathway.where_are_you_now"));
        std::vector<kiosk::core::LocalizedText> starts;
        for (const auto& s : pathway.starts)
            starts.push_back(s.title);
        FlowBullets(f, starts);
    }
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
    const float content_h = Page(ctx, view, x, width, 0.0f, false);
    result.animating |=
        UpdateDragScroll(ctx, view_min, view_max, content_h, ScrollState{&view.scroll_y, &view.scroll_velocity});
    ImGui::GetWindowDrawList()->PushClipRect(view_min, view_max, true);
    Page(ctx, view, x, width, bar_h - std::round(view.scroll_y), true);
    ImGui::GetWindowDrawList()->PopClipRect();
    result.action = DrawTopBar(ctx, view, TopBarSpec{true, true, Tr(ctx, view, "pathway.title")});
    EndScreenWindow();
    return result;
}
} // namespace kiosk::ui
