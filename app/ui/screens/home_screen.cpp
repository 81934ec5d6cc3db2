// Home: the event header, a scrolling grid of role cards grouped so that specialisms follow
// their parent role, and two large entry buttons (Find your route, Photo gallery) fixed at
// the bottom where they are easy to reach (above the control bar when it is at the bottom).
// Layout is computed first, then drawn.
#include "ui/fonts.h"
#include "ui/screens/chrome.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/ui_strings.h"
#include "ui/widgets/button.h"
#include "ui/widgets/drag_scroll.h"
#include "ui/widgets/image.h"
#include "ui/widgets/quiz_card.h"
#include "ui/widgets/role_card.h"
#include "ui/widgets/text.h"

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
    ImVec2 min, max;   // content coordinates (y from the top of the grid content)
    bool wide = false; // spans several columns: drawn image-left
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
    float quiz_y = 0.0f, quiz_h = 0.0f; // the quiz card, first in the grid (0 high: no quiz)
};

// Top-level roles first, then each parent's specialisms under a heading, in pack order.
std::vector<std::pair<std::string, std::vector<const Role*>>> GroupRoles(const UiContext& ctx)
{
    std::vector<std::pair<std::string, std::vector<const Role*>>> groups;
    groups.emplace_back(Tr(ctx, "home.title"), std::vector<const Role*>{});
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
            groups.emplace_back(parent.title.Get(ctx.visit->language) + ": " + Tr(ctx, "role.specialisms"),
                                std::move(children));
    }
    return groups;
}

GridLayout LayoutGrid(const UiContext& ctx, float width, float view_h)
{
    const Metrics& m = ctx.metrics;
    GridLayout g;
    const float min_card_w = 15.0f * m.em;
    g.columns = std::clamp(static_cast<int>((width + m.gap) / (min_card_w + m.gap)), 1, 5);
    g.card_w = std::floor((width - (g.columns - 1) * m.gap) / g.columns);
    g.image_h = RoleCardImageHeight(m, g.card_w, view_h);
    float y = 0.0f;
    if (!ctx.pack->quiz.Empty())
    {
        g.quiz_y = y + m.gap;
        g.quiz_h = QuizCardHeight(ctx, width);
        y = g.quiz_y + g.quiz_h;
    }
    bool first_group = true;
    for (const auto& [heading, roles] : GroupRoles(ctx))
    {
        if (roles.empty())
            continue;
        if (!heading.empty())
        {
            y += first_group ? m.gap : 0.5f * m.em;
            g.headings.push_back({heading, y});
            y += TextHeight(ctx.fonts->heading, heading, width) + 0.6f * m.em;
        }
        // The main roles lead: when there are fewer of them than columns they share the first
        // row equally, as wide cards, so the row is full and looks intended.
        const int count = static_cast<int>(roles.size());
        const bool share_row = first_group && count < g.columns;
        first_group = false;
        const int per_row = share_row ? count : g.columns;
        const float w = share_row ? std::floor((width - (count - 1) * m.gap) / count) : g.card_w;
        const bool wide = w >= 1.4f * g.card_w;
        for (int i = 0; i < count; i += per_row)
        {
            const int end = std::min(count, i + per_row);
            float row_h = 0.0f;
            for (int j = i; j < end; ++j)
                row_h = std::max(row_h, RoleCardHeight(ctx, *roles[j], w, g.image_h, wide));
            for (int j = i; j < end; ++j)
            {
                const float x = (j - i) * (w + m.gap);
                g.cards.push_back({roles[j], ImVec2(x, y), ImVec2(x + w, y + row_h), wide});
            }
            y += row_h + m.gap;
        }
    }
    g.content_h = y + m.gap;
    return g;
}

// The header under the bar: the event's logo and name and a short prompt, on a soft band.
// Landscape: logo left of the words. Portrait: a centred stack reaching down to the reach line
// (chrome.h kReachZoneTop), so every card and button lies below it, within a wheelchair user's
// reach; the top of a tall screen is read from a distance, so the band shows the event large
// (logo up to 12 em, the prompt in the heading font) rather than empty space.
float DrawHeader(const UiContext& ctx, float top, float width, float margin)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const auto& event = ctx.pack->settings.event;
    const std::string name = event.name.Get(ctx.visit->language);
    const std::string intro = Tr(ctx, "home.subtitle");
    if (m.portrait())
    {
        ImFont* name_font = TextWidth(ctx.fonts->display, name) <= width ? ctx.fonts->display : ctx.fonts->title;
        ImFont* intro_font = ctx.fonts->heading;
        const float space = std::max(0.0f, std::floor(kReachZoneTop * m.screen_h) - top);
        const float text_h = TextHeight(name_font, name, width) + 0.3f * m.em + TextHeight(intro_font, intro, width);
        const float logo_side = event.logo.empty()
                                    ? 0.0f
                                    : std::floor(std::clamp(space - text_h - 4.0f * m.gap, 5.0f * m.em, 12.0f * m.em));
        const float logo_h = logo_side > 0.0f ? logo_side + m.gap : 0.0f;
        const float h = logo_h + text_h;
        const float block_h = std::max(std::ceil(h + 2.0f * m.gap), space);
        dl->AddRectFilled(ImVec2(0.0f, top), ImVec2(m.screen_w, top + block_h), p.accent_soft);
        const float cx = 0.5f * m.screen_w;
        float y = top + std::floor(0.5f * (block_h - h));
        if (logo_side > 0.0f)
            DrawImage(ctx, ctx.pack->ResolvePath(event.logo), ImVec2(cx - 0.5f * logo_side, y),
                      ImVec2(cx + 0.5f * logo_side, y + logo_side), ImageFit::Contain, 0.0f);
        y += logo_h;
        y += DrawTextCenteredWrapped(name_font, cx, y, p.text, name, width) + 0.3f * m.em;
        DrawTextCenteredWrapped(intro_font, cx, y, p.text, intro, width);
        return block_h;
    }
    ImFont* name_font = ctx.fonts->title;
    const float logo_side = event.logo.empty() ? 0.0f : std::floor(3.2f * m.em);
    const float text_x = margin + (logo_side > 0.0f ? logo_side + m.gap : 0.0f);
    const float text_w = width - (text_x - margin);
    const float text_h = TextHeight(name_font, name, text_w) + 0.2f * m.em + TextHeight(ctx.fonts->body, intro, text_w);
    const float h = std::max(text_h, logo_side);
    const float block_h = h + 2.0f * m.gap;
    dl->AddRectFilled(ImVec2(0.0f, top), ImVec2(m.screen_w, top + block_h), p.accent_soft);
    const float y0 = top + std::floor(0.5f * (block_h - h));
    if (logo_side > 0.0f)
        DrawImage(ctx, ctx.pack->ResolvePath(event.logo), ImVec2(margin, y0 + 0.5f * (h - logo_side)),
                  ImVec2(margin + logo_side, y0 + 0.5f * (h + logo_side)), ImageFit::Contain, 0.0f);
    float y = y0 + 0.5f * (h - text_h);
    y += DrawText(name_font, ImVec2(text_x, y), p.text, name, text_w) + 0.2f * m.em;
    DrawText(ctx.fonts->body, ImVec2(text_x, y), p.text, intro, text_w);
    return block_h;
}

core::VisitAction DrawEntryButtons(const UiContext& ctx, float y0, float y1, float margin)
{
    const Metrics& m = ctx.metrics;
    const float w = (m.screen_w - 2.0f * margin - m.gap) / 2.0f;
    core::VisitAction action;
    ButtonSpec route{"home:pathway", Tr(ctx, "home.find_route"), Icon::Route, ButtonKind::Primary, ctx.fonts->heading};
    if (TouchButton(ctx, ImVec2(margin, y0), ImVec2(margin + w, y1), route))
        action = core::OpenPathway{};
    ButtonSpec gallery{"home:gallery", Tr(ctx, "home.gallery"), Icon::Photo, ButtonKind::Primary, ctx.fonts->heading};
    if (TouchButton(ctx, ImVec2(margin + w + m.gap, y0), ImVec2(m.screen_w - margin, y1), gallery))
        action = core::OpenGallery{};
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
    const auto& event = ctx.pack->settings.event;
    // Short landscape screens (800x480) have no room for a header; the bar names the event.
    const bool compact = !m.portrait() && m.screen_h < 36.0f * m.em;
    const TopBarSpec bar_spec{false, false, (compact ? event.name : event.organiser).Get(ctx.visit->language)};
    const ChromeLayout chrome = LayoutChrome(ctx, bar_spec);
    const float bar_h = chrome.content_top;
    const float header_h = compact ? 0.0f : DrawHeader(ctx, bar_h, content_w, margin);
    const float buttons_h = std::max(1.3f * m.touch_min, 2.8f * m.em);
    const float footer_h = buttons_h + 2.0f * m.gap;
    const ImVec2 grid_min(0.0f, bar_h + header_h);
    const ImVec2 grid_max(m.screen_w, chrome.content_bottom - footer_h);

    // Compute, scroll, then draw the grid clipped to its view.
    const GridLayout grid = LayoutGrid(ctx, content_w, grid_max.y - grid_min.y);
    result.animating |= UpdateDragScroll(ctx, grid_min, grid_max, grid.content_h,
                                         ScrollState{&view.home_scroll_y, &view.home_scroll_velocity});
    dl->PushClipRect(grid_min, grid_max, true);
    const ImVec2 origin(margin, grid_min.y - std::round(view.home_scroll_y));
    if (grid.quiz_h > 0.0f && DrawQuizCard(ctx, ImVec2(origin.x, origin.y + grid.quiz_y),
                                           ImVec2(origin.x + content_w, origin.y + grid.quiz_y + grid.quiz_h)))
        result.action = core::StartQuiz{};
    for (const HeadingPlace& h : grid.headings)
        DrawText(ctx.fonts->heading, ImVec2(origin.x, origin.y + h.y), p.text, h.text, content_w);
    for (const CardPlace& c : grid.cards)
    {
        const ImVec2 a(origin.x + c.min.x, origin.y + c.min.y), b(origin.x + c.max.x, origin.y + c.max.y);
        if (DrawRoleCard(ctx, *c.role, a, b, grid.image_h, c.wide))
            result.action = core::OpenRole{c.role->id};
    }
    dl->PopClipRect();
    DrawScrollCue(ctx, grid_min, grid_max, grid.content_h, view.home_scroll_y);
    // A soft edge where the grid scrolls under the header and footer.
    if (view.home_scroll_y > 0.5f)
        dl->AddLine(ImVec2(0, grid_min.y), ImVec2(m.screen_w, grid_min.y), p.border, std::max(1.0f, 0.06f * m.em));
    dl->AddLine(ImVec2(0, grid_max.y), ImVec2(m.screen_w, grid_max.y), p.border, std::max(1.0f, 0.06f * m.em));

    core::VisitAction footer = DrawEntryButtons(ctx, grid_max.y + m.gap, grid_max.y + m.gap + buttons_h, margin);
    if (!IsNone(footer))
        result.action = footer;
    core::VisitAction bar = DrawChrome(ctx, bar_spec, chrome);
    if (!IsNone(bar))
        result.action = bar;
    EndScreenWindow();
    return result;
}
} // namespace kiosk::ui
