// Home: the event header, a scrolling grid of role cards grouped so that specialisms follow
// their parent role, and two large entry buttons (Find your route, Photo gallery) fixed at
// the bottom where they are easy to reach. Layout is computed first, then drawn.
#include "ui/chrome.h"
#include "ui/fonts.h"
#include "ui/screens.h"
#include "ui/theme.h"
#include "ui/ui_strings.h"
#include "ui/widgets_button.h"
#include "ui/widgets_drag_scroll.h"
#include "ui/widgets_role_card.h"
#include "ui/widgets_text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
using kiosk::core::Role;

struct CardPlace
{
    const Role* role = nullptr;
    ImVec2 min, max; // content coordinates (y from the top of the grid content)
};

struct HeadingPlace
{
    std::string text;
    float y = 0.0f;
};

struct GridLayout
{
    int columns = 1;
    float card_w = 0.0f;
    float image_h = 0.0f;
    std::vector<CardPlace> cards;
    std::vector<HeadingPlace> headings;
    float content_h = 0.0f;
};

// Top-level roles first, then each parent's specialisms under a heading, in pack order.
std::vector<std::pair<std::string, std::vector<const Role*>>> GroupRoles(const UiContext& ctx, const VisitView& view)
{
    std::vector<std::pair<std::string, std::vector<const Role*>>> groups;
    groups.emplace_back(std::string(), std::vector<const Role*>{});
    const auto& roles = ctx.pack->roles;
    auto has_role = [&](const std::string& id)
    { return std::any_of(roles.begin(), roles.end(), [&](const Role& r) { return r.id == id; }); };
    for (const Role& r : roles)
        if (r.parent.empty() || !has_role(r.parent))
            groups[0].second.push_back(&r);
    for (const Role& parent : roles)
    {
        std::vector<const Role*> children;
        for (const Role& r : roles)
            if (r.parent == parent.id)
                children.push_back(&r);
        if (!children.empty())
            groups.emplace_back(parent.title.Get(view.language) + ": " + Tr(ctx, view, "role.specialisms"),
                                std::move(children));
    }
    return groups;
}

GridLayout LayoutGrid(const UiContext& ctx, const VisitView& view, float width, float view_h)
{
    const Metrics& m = ctx.metrics;
    GridLayout g;
    const float min_card_w = 15.0f * m.em;
    g.columns = std::clamp(static_cast<int>((width + m.gap) / (min_card_w + m.gap)), 1, 5);
    g.card_w = std::floor((width - (g.columns - 1) * m.gap) / g.columns);
    g.image_h = RoleCardImageHeight(m, g.card_w, view_h);
    float y = m.gap;
    bool first_group = true;
    for (const auto& [heading, roles] : GroupRoles(ctx, view))
    {
        if (roles.empty())
            continue;
        if (!heading.empty())
        {
            y += 0.5f * m.em;
            g.headings.push_back({heading, y});
            y += TextHeight(ctx.fonts->heading, heading, width) + 0.6f * m.em;
        }
        // The main roles lead: when there are fewer of them than columns they share the row,
        // each card spanning several columns, so the first row is full and looks intended.
        const int count = static_cast<int>(roles.size());
        const int span = first_group && count < g.columns ? std::max(1, g.columns / count) : 1;
        first_group = false;
        const int per_row = g.columns / span;
        const float w = span * g.card_w + (span - 1) * m.gap;
        for (int i = 0; i < count; i += per_row)
        {
            const int end = std::min(count, i + per_row);
            float row_h = 0.0f;
            for (int j = i; j < end; ++j)
                row_h = std::max(row_h, RoleCardHeight(ctx, view, *roles[j], w, g.image_h));
            for (int j = i; j < end; ++j)
            {
                const float x = (j - i) * (w + m.gap);
                g.cards.push_back({roles[j], ImVec2(x, y), ImVec2(x + w, y + row_h)});
            }
            y += row_h + m.gap;
        }
    }
    g.content_h = y + m.gap;
    return g;
}

// The header under the bar: the screen title and a short prompt. In portrait it takes the top
// part of the screen so the cards and buttons sit lower, within reach.
float DrawHeader(const UiContext& ctx, const VisitView& view, float top, float width, float margin)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImFont* name_font = m.portrait() ? ctx.fonts->display : ctx.fonts->title;
    const std::string name = Tr(ctx, view, "home.title");
    const std::string intro = Tr(ctx, view, "home.subtitle");
    float h = TextHeight(name_font, name, width) + 0.3f * m.em + TextHeight(ctx.fonts->body, intro, width);
    float block_h = h + 2.0f * m.gap;
    if (m.portrait())
        block_h = std::max(block_h, m.screen_h / 3.0f - top);
    float y = top + std::max(m.gap, 0.5f * (block_h - h));
    y += DrawText(name_font, ImVec2(margin, y), p.text, name, width) + 0.3f * m.em;
    DrawText(ctx.fonts->body, ImVec2(margin, y), p.text_muted, intro, width);
    return block_h;
}

UiAction DrawEntryButtons(const UiContext& ctx, const VisitView& view, float y0, float y1, float margin)
{
    const Metrics& m = ctx.metrics;
    const float w = (m.screen_w - 2.0f * margin - m.gap) / 2.0f;
    UiAction action;
    ButtonSpec route{"home:pathway", Tr(ctx, view, "home.find_route"), Icon::Route, ButtonKind::Primary,
                     ctx.fonts->heading};
    if (TouchButton(ctx, ImVec2(margin, y0), ImVec2(margin + w, y1), route))
        action = OpenPathway{};
    ButtonSpec gallery{"home:gallery", Tr(ctx, view, "home.gallery"), Icon::Photo, ButtonKind::Primary,
                       ctx.fonts->heading};
    if (TouchButton(ctx, ImVec2(margin + w + m.gap, y0), ImVec2(m.screen_w - margin, y1), gallery))
        action = OpenGallery{};
    return action;
}
} // namespace

ScreenResult DrawHomeScreen(const UiContext& ctx, VisitView& view)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ScreenResult result;
    BeginScreenWindow("##home", ctx);
    ImDrawList* dl = ImGui::GetWindowDrawList();

    const float margin = PageMargin(m);
    const float content_w = m.screen_w - 2.0f * margin;
    const float bar_h = TopBarHeight(m);
    // Short landscape screens (800x480) have no room for a header; the bar names the event.
    const bool compact = !m.portrait() && m.screen_h < 36.0f * m.em;
    const float header_h = compact ? 0.0f : DrawHeader(ctx, view, bar_h, content_w, margin);
    const float buttons_h = std::max(1.3f * m.touch_min, 2.8f * m.em);
    const float footer_h = buttons_h + 2.0f * m.gap;
    const ImVec2 grid_min(0.0f, bar_h + header_h);
    const ImVec2 grid_max(m.screen_w, m.screen_h - footer_h);

    // Compute, scroll, then draw the grid clipped to its view.
    const GridLayout grid = LayoutGrid(ctx, view, content_w, grid_max.y - grid_min.y);
    result.animating |= UpdateDragScroll(ctx, grid_min, grid_max, grid.content_h,
                                         ScrollState{&view.home_scroll_y, &view.home_scroll_velocity});
    dl->PushClipRect(grid_min, grid_max, true);
    const ImVec2 origin(margin, grid_min.y - std::round(view.home_scroll_y));
    for (const HeadingPlace& h : grid.headings)
        DrawText(ctx.fonts->heading, ImVec2(origin.x, origin.y + h.y), p.text, h.text, content_w);
    for (const CardPlace& c : grid.cards)
    {
        const ImVec2 a(origin.x + c.min.x, origin.y + c.min.y), b(origin.x + c.max.x, origin.y + c.max.y);
        if (DrawRoleCard(ctx, view, *c.role, a, b, grid.image_h))
            result.action = OpenRole{c.role->id};
    }
    dl->PopClipRect();
    // A soft edge where the grid scrolls under the header and footer.
    if (view.home_scroll_y > 0.5f)
        dl->AddLine(ImVec2(0, grid_min.y), ImVec2(m.screen_w, grid_min.y), p.border, std::max(1.0f, 0.06f * m.em));
    dl->AddLine(ImVec2(0, grid_max.y), ImVec2(m.screen_w, grid_max.y), p.border, std::max(1.0f, 0.06f * m.em));

    UiAction footer = DrawEntryButtons(ctx, view, grid_max.y + m.gap, grid_max.y + m.gap + buttons_h, margin);
    if (!IsNone(footer))
        result.action = footer;
    UiAction bar = DrawTopBar(ctx, view, TopBarSpec{false, false, ctx.pack->settings.event.name.Get(view.language)});
    if (!IsNone(bar))
        result.action = bar;
    EndScreenWindow();
    return result;
}
} // namespace kiosk::ui
