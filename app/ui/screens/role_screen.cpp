// Role page: a sticky top bar (Back, Home, the role's title once the page title has scrolled
// away) over a finger-scrolled page with every section of the role. Two columns on wide
// screens (the long reading sections left, the facts and links right), one column in portrait
// and on small screens. Body lines stay near 45-55 characters.
//
// Sections: 1. page layout (columns)  2. the column contents  3. the screen.
#include "core/pathway/pathway_highlight.h"
#include "ui/fonts.h"
#include "ui/screens/chrome.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/ui_frame_scope.h"
#include "ui/ui_strings.h"
#include "ui/widgets/button.h"
#include "ui/widgets/drag_scroll.h"
#include "ui/widgets/flow.h"
#include "ui/widgets/image.h"
#include "ui/widgets/qr.h"
#include "ui/widgets/read_aloud.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
using kiosk::core::Role;

// --- 1. Page layout ----------------------------------------------------------------------

struct PageColumns
{
    bool two = false;
    float left_x = 0.0f, left_w = 0.0f;
    float right_x = 0.0f, right_w = 0.0f;
};

// About 52 characters of Noto Sans at 1 em is 26 em; a reading column is held near that.
PageColumns LayoutColumns(const Metrics& m)
{
    PageColumns c;
    const float margin = PageMargin(m);
    const float avail = m.screen_w - 2.0f * margin;
    const float reading_w = 27.0f * m.em;
    const float gutter = 2.0f * m.gap;
    c.two = !m.portrait() && avail >= 2.0f * 20.0f * m.em + gutter;
    if (c.two)
    {
        c.left_w = std::min(reading_w, 0.55f * (avail - gutter));
        c.right_w = std::min(reading_w, avail - gutter - c.left_w);
        const float used = c.left_w + gutter + c.right_w;
        c.left_x = std::floor(margin + 0.5f * (avail - used));
        c.right_x = c.left_x + c.left_w + gutter;
    }
    else
    {
        c.left_w = std::min(avail, 34.0f * m.em);
        c.left_x = std::floor(0.5f * (m.screen_w - c.left_w));
        c.right_x = c.left_x;
        c.right_w = c.left_w;
    }
    return c;
}

// --- 2. Column contents ------------------------------------------------------------------

core::SpeechTarget SpeechOf(const Role& role)
{
    return core::SpeechTarget{core::SpeechTarget::Kind::Role, role.id, 0};
}

// Highlights the block `block` (core/speech/speech_script.h: RoleSpeech) from y0 to the cursor
// while it is being read.
void MarkRead(const Flow& f, const Role& role, const char* block, float y0)
{
    if (f.draw)
        ReadingMark(*f.ctx, SpeechOf(role).Key(), block, ImVec2(f.x, y0), ImVec2(f.x + f.width, f.y));
}

// "Read aloud" under the title (hidden without a sound device).
void ReadAloudRow(Flow& f, const Role& role)
{
    const UiContext& ctx = *f.ctx;
    if (!SpeechAvailable(ctx))
        return;
    FlowSpace(f, 0.2f);
    if (f.draw)
    {
        const core::VisitAction a = ReadAloudButton(ctx, ImVec2(f.x, f.y), SpeechOf(role));
        if (!IsNone(a))
            f.action = a;
    }
    f.y += ctx.metrics.touch_min + 0.5f * ctx.metrics.gap;
}

void TitleBlock(Flow& f, const Role& role)
{
    const UiContext& ctx = *f.ctx;
    const Palette& p = *ctx.palette;
    const std::string& lang = f.ctx->visit->language;
    FlowSpace(f, 0.6f);
    if (f.draw)
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(f.x, f.y),
                                                  ImVec2(f.x + 3.0f * ctx.metrics.em, f.y + 0.3f * ctx.metrics.em),
                                                  FamilyColor(ctx.pack, role.family, p));
    FlowSpace(f, 0.6f);
    TermMarks* terms = f.terms; // titles name the role: no glossary marks in them
    f.terms = nullptr;
    FlowParagraph(f, role.title.Get(lang), ctx.fonts->title, p.text);
    if (!role.parent.empty())
        if (const Role* parent = ctx.pack->FindRole(role.parent))
            FlowParagraph(f, parent->title.Get(lang) + ": " + Tr(ctx, "role.specialisms"), ctx.fonts->body_bold,
                          p.text_muted);
    f.terms = terms;
}

void Summary(Flow& f, const Role& role, float title_top)
{
    FlowParagraph(f, role.summary.Get(f.ctx->visit->language));
    MarkRead(f, role, "summary", title_top);
}

// "How do I get here?": opens the flowchart with every route into this role lit. Shown only when
// the pathway links some step to the role (or to its parent role).
void HowDoIGetHere(Flow& f, const Role& role)
{
    const UiContext& ctx = *f.ctx;
    if (!kiosk::core::HighlightToRole(*ctx.pack, role.id).active)
        return;
    const Metrics& m = ctx.metrics;
    FlowSpace(f, 0.3f);
    const ButtonSpec spec{"role:pathway", Tr(ctx, "role.how_do_i_get_here"), Icon::Route, ButtonKind::Primary, nullptr};
    const float w = std::min(f.width, ButtonWidth(ctx, spec));
    if (f.draw && TouchButton(ctx, ImVec2(f.x, f.y), ImVec2(f.x + w, f.y + m.touch_min), spec))
        f.action = core::OpenPathway{std::string(), std::string(), role.id};
    f.y += m.touch_min + m.gap;
}

void ReadingSections(Flow& f, const Role& role)
{
    const UiContext& ctx = *f.ctx;
    float y0 = f.y;
    if (!role.what_you_do.empty())
    {
        FlowHeading(f, Tr(ctx, "role.what_you_do"));
        FlowBullets(f, role.what_you_do);
        MarkRead(f, role, "what_you_do", y0);
    }
    y0 = f.y;
    if (!role.where_you_work.empty())
    {
        FlowHeading(f, Tr(ctx, "role.where_you_work"));
        FlowBullets(f, role.where_you_work);
        MarkRead(f, role, "where_you_work", y0);
    }
    y0 = f.y;
    if (!role.skills.empty())
    {
        FlowHeading(f, Tr(ctx, "role.skills"));
        FlowBullets(f, role.skills);
        MarkRead(f, role, "skills", y0);
    }
}

void PaySections(Flow& f, const Role& role)
{
    const UiContext& ctx = *f.ctx;
    float y0 = f.y;
    if (!role.pay.empty())
    {
        FlowHeading(f, Tr(ctx, "role.pay"));
        for (const auto& band : role.pay)
        {
            std::string head = band.label.Get(f.ctx->visit->language);
            if (!band.band.empty())
                head += head.empty() ? band.band : " · " + band.band;
            FlowParagraph(f, head, ctx.fonts->body_bold);
            f.y -= 0.4f * ctx.metrics.em;
            FlowParagraph(f, band.range.Get(f.ctx->visit->language));
        }
        MarkRead(f, role, "pay", y0);
    }
    y0 = f.y;
    if (!role.hours.Get(f.ctx->visit->language).empty())
    {
        FlowHeading(f, Tr(ctx, "role.hours"));
        FlowParagraph(f, role.hours.Get(f.ctx->visit->language));
        MarkRead(f, role, "hours", y0);
    }
    y0 = f.y;
    if (!role.working_patterns.empty())
    {
        FlowHeading(f, Tr(ctx, "role.working_patterns"));
        FlowBullets(f, role.working_patterns);
        MarkRead(f, role, "working_patterns", y0);
    }
}

void EntryRoutes(Flow& f, const Role& role)
{
    if (role.entry_routes.empty())
        return;
    const float y0 = f.y;
    FlowHeading(f, Tr(*f.ctx, "role.entry_routes"));
    for (size_t i = 0; i < role.entry_routes.size(); ++i)
    {
        const auto& route = role.entry_routes[i];
        if (FlowLinkCard(f, "role:route:" + std::to_string(i), route.title.Get(f.ctx->visit->language),
                         route.text.Get(f.ctx->visit->language), !route.pathway_node.empty()))
            f.action = core::OpenPathway{route.pathway_node, std::string(), role.id};
    }
    MarkRead(f, role, "entry_routes", y0);
}

void Photos(Flow& f, const Role& role)
{
    const UiContext& ctx = *f.ctx;
    const Metrics& m = ctx.metrics;
    std::vector<const kiosk::core::Photo*> photos;
    for (const std::string& id : role.photos)
        if (const auto* photo = ctx.pack->FindPhoto(id))
            photos.push_back(photo);
    if (photos.empty())
        return;
    FlowHeading(f, Tr(ctx, "role.photos"));
    const int cols = f.width >= 24.0f * m.em ? 2 : 1;
    const float w = std::floor((f.width - (cols - 1) * m.gap) / cols);
    const float img_h = std::floor(w * 0.66f);
    float caption_h = 0.0f;
    for (const auto* photo : photos)
        caption_h =
            std::max(caption_h, TextHeight(ctx.fonts->body_bold, photo->caption.Get(f.ctx->visit->language), w));
    const float cell_h = img_h + 0.3f * m.em + caption_h;
    for (size_t i = 0; i < photos.size(); ++i)
    {
        const int col = static_cast<int>(i) % cols;
        const float x = f.x + col * (w + m.gap);
        const float y = f.y + static_cast<float>(i / cols) * (cell_h + m.gap);
        if (!f.draw)
            continue;
        const ImVec2 a(x, y), b(x + w, y + cell_h);
        const TouchState t = TouchArea(ctx, "role:photo:" + std::to_string(i), a, b);
        DrawImage(ctx, ctx.pack->ResolvePath(photos[i]->image), a, ImVec2(b.x, a.y + img_h), ImageFit::Cover,
                  0.3f * m.em);
        if (t.pressed)
            ImGui::GetWindowDrawList()->AddRect(a, ImVec2(b.x, a.y + img_h), ctx.palette->accent, 0.3f * m.em, 0,
                                                0.2f * m.em);
        DrawText(ctx.fonts->body_bold, ImVec2(x, a.y + img_h + 0.3f * m.em), ctx.palette->text,
                 photos[i]->caption.Get(f.ctx->visit->language), w);
        if (t.tapped)
            f.action = core::OpenGallery{role.id, static_cast<int>(i)};
    }
    const size_t rows = (photos.size() + cols - 1) / cols;
    f.y += rows * (cell_h + m.gap);
}

void Specialisms(Flow& f, const Role& role)
{
    const UiContext& ctx = *f.ctx;
    std::vector<const Role*> children;
    for (const Role& r : ctx.pack->roles)
        if (r.parent == role.id)
            children.push_back(&r);
    if (children.empty())
        return;
    FlowHeading(f, Tr(ctx, "role.specialisms"));
    std::vector<std::string> ids, labels;
    for (const Role* r : children)
    {
        ids.push_back("role:specialism:" + r->id);
        labels.push_back(r->title.Get(f.ctx->visit->language));
    }
    const int tapped = FlowChips(f, ids, labels);
    if (tapped >= 0)
        f.action = core::OpenRole{children[static_cast<size_t>(tapped)]->id};
}

void AlsoKnownAs(Flow& f, const Role& role)
{
    if (role.also_known_as.empty())
        return;
    const float y0 = f.y;
    FlowHeading(f, Tr(*f.ctx, "role.also_known_as"));
    FlowTags(f, role.also_known_as);
    MarkRead(f, role, "also_known_as", y0);
}

void GoodToKnow(Flow& f, const Role& role)
{
    if (role.good_to_know.empty())
        return;
    const float y0 = f.y;
    FlowHeading(f, Tr(*f.ctx, "role.good_to_know"));
    FlowBullets(f, role.good_to_know);
    MarkRead(f, role, "good_to_know", y0);
}

void ProfessionalBodies(Flow& f, const Role& role)
{
    if (role.professional_bodies.empty())
        return;
    const float y0 = f.y;
    FlowHeading(f, Tr(*f.ctx, "role.professional_bodies"));
    FlowBullets(f, role.professional_bodies);
    MarkRead(f, role, "professional_bodies", y0);
}

void QrSection(Flow& f, const Role& role)
{
    if (role.more_info_url.empty())
        return;
    const UiContext& ctx = *f.ctx;
    const Metrics& m = ctx.metrics;
    FlowSpace(f, 1.2f);
    const float side = QrSide(m, f.width);
    const std::string prompt = Tr(ctx, "role.qr_prompt");
    const float text_w = f.width - side - m.gap;
    if (text_w >= 8.0f * m.em)
    {
        // Code left, prompt right, vertically centred.
        const float text_h = TextHeight(ctx.fonts->body_bold, prompt, text_w);
        if (f.draw)
        {
            DrawQrCode(role.more_info_url, ImVec2(f.x, f.y), side);
            DrawText(ctx.fonts->body_bold, ImVec2(f.x + side + m.gap, f.y + 0.5f * (side - text_h)), ctx.palette->text,
                     prompt, text_w);
        }
        f.y += std::max(side, text_h) + m.gap;
    }
    else
    {
        FlowParagraph(f, prompt, ctx.fonts->body_bold);
        if (f.draw)
            DrawQrCode(role.more_info_url, ImVec2(f.x, f.y), side);
        f.y += side + m.gap;
    }
}

// Lays out (draw = false) or draws the whole page at scroll offset `top`; returns its height.
float Page(const UiContext& ctx, const Role& role, const PageColumns& cols, float top, bool draw,
           core::VisitAction& action, float* title_bottom)
{
    TermMarks terms; // the first use of each glossary term on the page is tappable
    Flow left{&ctx, draw, cols.left_x, top, cols.left_w, {}, &terms};
    const float title_top = left.y;
    TitleBlock(left, role);
    if (title_bottom)
        *title_bottom = left.y;
    ReadAloudRow(left, role);
    Summary(left, role, title_top);
    HowDoIGetHere(left, role);
    Flow right = left;
    if (cols.two)
    {
        right.x = cols.right_x;
        right.width = cols.right_w;
        right.y = top;
        FlowSpace(right, 1.2f); // line the right column up with the title's stripe
        ReadingSections(left, role);
        PaySections(right, role);
        EntryRoutes(right, role);
        Photos(right, role);
        Specialisms(right, role);
        // The remaining sections go to whichever column is shorter, so the two stay balanced
        // (the same decisions in the measuring and the drawing pass: both start from `top`).
        for (auto* section : {&AlsoKnownAs, &GoodToKnow, &ProfessionalBodies, &QrSection})
            (*section)(left.y <= right.y ? left : right, role);
    }
    else
    {
        Photos(left, role);
        ReadingSections(left, role);
        PaySections(left, role);
        EntryRoutes(left, role);
        Specialisms(left, role);
        AlsoKnownAs(left, role);
        GoodToKnow(left, role);
        ProfessionalBodies(left, role);
        QrSection(left, role);
        right = left;
    }
    if (!IsNone(terms.action))
        action = terms.action;
    for (const Flow* f : {&left, &right})
        if (!IsNone(f->action))
            action = f->action;
    return std::max(left.y, right.y) - top + 2.0f * ctx.metrics.em;
}
} // namespace

// --- 3. The screen --------------------------------------------------------------------------

ScreenResult DrawRoleScreen(const UiContext& ctx, VisitView& view)
{
    ScreenResult result;
    const Role* role = ctx.pack->FindRole(ctx.visit->role_id);
    if (!role)
    {
        result.action = core::Home{}; // a stale id (content reloaded): never strand the visitor
        return result;
    }
    const Metrics& m = ctx.metrics;
    BeginScreenWindow("##role", ctx);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const PageColumns cols = LayoutColumns(m);
    core::VisitAction unused;
    float title_bottom = 0.0f;
    const float content_h = Page(ctx, *role, cols, 0.0f, false, unused, &title_bottom);
    // The bar names the role once its big title has scrolled under it.
    const bool title_hidden = view.scroll_y > title_bottom;
    const TopBarSpec bar_spec{true, true, title_hidden ? role->title.Get(ctx.visit->language) : ""};
    const ChromeLayout chrome = LayoutChrome(ctx, bar_spec);
    const float bar_h = chrome.content_top;
    const ImVec2 view_min(0.0f, bar_h), view_max(m.screen_w, chrome.content_bottom);
    result.animating |=
        UpdateDragScroll(ctx, view_min, view_max, content_h, ScrollState{&view.scroll_y, &view.scroll_velocity});

    dl->PushClipRect(view_min, view_max, true);
    Page(ctx, *role, cols, bar_h - std::round(view.scroll_y), true, result.action, nullptr);
    dl->PopClipRect();
    DrawScrollCue(ctx, view_min, view_max, content_h, view.scroll_y);
    core::VisitAction bar = DrawChrome(ctx, bar_spec, chrome);
    if (!IsNone(bar))
        result.action = bar;
    EndScreenWindow();
    return result;
}
} // namespace kiosk::ui
