// Photo gallery: one photograph large (contain-fit) with its caption and text description
// beside it (landscape) or below it (portrait), a counter "n of N", big previous/next buttons
// and swiping with a short slide. The gallery wraps round at both ends.
#include "core/visit/navigation.h"
#include "ui/fonts.h"
#include "ui/screens/chrome.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/ui_strings.h"
#include "ui/widgets/button.h"
#include "ui/widgets/drag_scroll.h"
#include "ui/widgets/image.h"
#include "ui/widgets/read_aloud.h"
#include "ui/widgets/term_text.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
// A swipe past this fraction of the photo width turns the page.
constexpr float kSwipeFraction = 0.12f;
// The slide settles with this time constant (seconds): about a quarter of a second in all.
constexpr float kSlideTimeConstant = 0.06f;

struct GalleryLayout
{
    ImVec2 photo_min, photo_max; // the swipe area
    ImVec2 text_min, text_max;   // caption and description
    ImVec2 nav_min, nav_max;     // prev, counter, next
};

GalleryLayout Layout(const Metrics& m, const ChromeLayout& chrome)
{
    GalleryLayout l;
    const float margin = PageMargin(m);
    const float top = chrome.content_top + m.gap;
    const float bottom = chrome.content_bottom - m.gap;
    const float nav_h = std::max(m.touch_min, 2.4f * m.em);
    if (m.portrait())
    {
        // Photo at the top, words below it, the buttons at the bottom within reach.
        l.photo_min = ImVec2(margin, top);
        const float photo_w = m.screen_w - 2.0f * margin;
        l.photo_max = ImVec2(m.screen_w - margin, top + std::floor(std::min(0.5f * (bottom - top), 0.7f * photo_w)));
        l.nav_max = ImVec2(m.screen_w - margin, bottom);
        l.nav_min = ImVec2(margin, bottom - nav_h);
        l.text_min = ImVec2(margin, l.photo_max.y + m.gap);
        l.text_max = ImVec2(m.screen_w - margin, l.nav_min.y - m.gap);
    }
    else
    {
        const float text_w = std::clamp(0.32f * m.screen_w, 14.0f * m.em, 24.0f * m.em);
        l.photo_min = ImVec2(margin, top);
        l.photo_max = ImVec2(m.screen_w - margin - text_w - m.gap, bottom);
        l.text_min = ImVec2(l.photo_max.x + m.gap, top);
        l.nav_max = ImVec2(m.screen_w - margin, bottom);
        l.nav_min = ImVec2(l.text_min.x, bottom - nav_h);
        l.text_max = ImVec2(m.screen_w - margin, l.nav_min.y - m.gap);
    }
    return l;
}

// Portrait: photo and words as one group, centred in the space above the buttons, so a short
// description leaves no empty bottom half. The tallest description of the gallery sets the
// group's height, so the photo does not jump as the visitor swipes.
void CentreInPortrait(const UiContext& ctx, const std::vector<const kiosk::core::Photo*>& photos, GalleryLayout& l)
{
    const Metrics& m = ctx.metrics;
    const float text_w = l.text_max.x - l.text_min.x;
    float text_h = 0.0f;
    for (const auto* photo : photos)
        text_h = std::max(text_h, TextHeight(ctx.fonts->title, photo->caption.Get(ctx.visit->language), text_w) +
                                      0.6f * m.em +
                                      TextHeight(ctx.fonts->body, photo->description.Get(ctx.visit->language), text_w));
    if (SpeechAvailable(ctx))
        text_h += m.touch_min + 0.5f * m.gap; // the "Read aloud" button above the caption
    const float reserved = 2.5f * m.em;       // hint and dots above the buttons
    const float space = l.text_max.y - reserved - l.photo_min.y;
    const float group = (l.photo_max.y - l.photo_min.y) + m.gap + text_h;
    // With the controls at the bottom the photo (a swipe surface) sits as low as it can, within
    // reach; otherwise the group is centred.
    const float share = ControlsAtBottom(ctx) ? 1.0f : 0.5f;
    const float shift = std::floor(std::max(0.0f, share * (space - group)));
    l.photo_min.y += shift;
    l.photo_max.y += shift;
    l.text_min.y += shift;
}

void DrawPhotoAt(const UiContext& ctx, const kiosk::core::Photo& photo, const GalleryLayout& l, float offset_x)
{
    const ImVec2 a(std::round(l.photo_min.x + offset_x), l.photo_min.y);
    const ImVec2 b(std::round(l.photo_max.x + offset_x), l.photo_max.y);
    DrawImage(ctx, ctx.pack->ResolvePath(photo.image), a, b, ImageFit::Contain, 0.3f * ctx.metrics.em);
}
// The photo follows the finger; released far enough, the page turns (the action), else it
// springs back. Then the slide animation settles. Returns true while something moves.
bool Swipe(const UiContext& ctx, VisitView& view, const GalleryLayout& l, int count, core::VisitAction* action)
{
    const ImGuiIO& io = ImGui::GetIO();
    const float photo_w = l.photo_max.x - l.photo_min.x;
    const float drag = count > 1 ? HorizontalDragOffset(ctx, l.photo_min, l.photo_max) : 0.0f;
    view.gallery_drag_x = drag / photo_w;
    if (io.MouseReleased[0] && drag != 0.0f)
    {
        const float dy = io.MousePos.y - io.MouseClickedPos[0].y;
        if (std::fabs(drag) > std::fabs(dy) && std::fabs(view.gallery_drag_x) > kSwipeFraction)
            *action = drag < 0.0f ? core::VisitAction(core::GalleryNext{}) : core::VisitAction(core::GalleryPrev{});
        else
        {
            view.gallery_slide += view.gallery_drag_x; // spring back from where it was let go
            view.gallery_drag_x = 0.0f;
        }
    }
    if (view.gallery_slide == 0.0f)
        return false;
    const float dt = GestureSeconds();
    view.gallery_slide *= std::exp(-dt / kSlideTimeConstant);
    if (std::fabs(view.gallery_slide) * photo_w < 0.5f)
        view.gallery_slide = 0.0f;
    return true;
}

// The photo on show, with its neighbour sliding in beside it.
void DrawPhotos(const UiContext& ctx, const VisitView& view, const std::vector<const core::Photo*>& photos, int index,
                const GalleryLayout& l)
{
    const int count = static_cast<int>(photos.size());
    const float photo_w = l.photo_max.x - l.photo_min.x;
    const float offset = (view.gallery_slide + view.gallery_drag_x) * photo_w;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(l.photo_min, l.photo_max, true);
    TouchArea(ctx, "gallery:photo", l.photo_min, l.photo_max);
    DrawPhotoAt(ctx, *photos[static_cast<size_t>(index)], l, offset);
    const float gap = ctx.metrics.gap;
    if (offset < 0.0f)
        DrawPhotoAt(ctx, *photos[static_cast<size_t>(core::WrapIndex(index + 1, count))], l, offset + photo_w + gap);
    else if (offset > 0.0f)
        DrawPhotoAt(ctx, *photos[static_cast<size_t>(core::WrapIndex(index - 1, count))], l, offset - photo_w - gap);
    dl->PopClipRect();
}

// "Read aloud" (when there is speech), caption and description; the description's glossary
// terms are tappable (the caption is a title). The block being read is marked in the gap beside.
core::VisitAction DrawCaption(const UiContext& ctx, const core::Photo& photo, const GalleryLayout& l)
{
    const Metrics& m = ctx.metrics;
    const float text_w = l.text_max.x - l.text_min.x;
    const core::SpeechTarget speech{core::SpeechTarget::Kind::Photo, photo.id, 0};
    float y = l.text_min.y;
    core::VisitAction action;
    if (SpeechAvailable(ctx))
    {
        action = ReadAloudButton(ctx, ImVec2(l.text_min.x, y), speech);
        y += m.touch_min + 0.5f * m.gap;
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float clip_bottom = l.text_max.y - 2.5f * m.em;
    dl->PushClipRect(ImVec2(l.text_min.x, y), ImVec2(l.text_max.x, clip_bottom), true);
    const float caption_top = y;
    y += DrawText(ctx.fonts->title, ImVec2(l.text_min.x, y), ctx.palette->text, photo.caption.Get(ctx.visit->language),
                  text_w);
    const float caption_bottom = y;
    y += 0.6f * m.em;
    TermMarks terms;
    const std::string& description = photo.description.Get(ctx.visit->language);
    MarkGlossaryTerms(ctx, ctx.fonts->body, ImVec2(l.text_min.x, y), description, text_w, terms);
    const float description_bottom =
        y + DrawText(ctx.fonts->body, ImVec2(l.text_min.x, y), ctx.palette->text, description, text_w);
    dl->PopClipRect();
    ReadingMark(ctx, speech.Key(), "caption", ImVec2(l.text_min.x, caption_top),
                ImVec2(l.text_max.x, std::min(caption_bottom, clip_bottom)));
    ReadingMark(ctx, speech.Key(), "description", ImVec2(l.text_min.x, y),
                ImVec2(l.text_max.x, std::min(description_bottom, clip_bottom)));
    return IsNone(terms.action) ? action : terms.action;
}

// Where we are: a dot per photo above the buttons (when they fit), and how to move on.
void DrawProgressDots(const UiContext& ctx, int index, int count, const GalleryLayout& l)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const float dot = 0.55f * m.em, dot_gap = 0.6f * m.em;
    const float dots_w = count * dot + (count - 1) * dot_gap;
    const float dots_y = l.nav_min.y - 0.5f * m.gap - 0.5f * dot;
    if (count <= 1 || dots_w > l.text_max.x - l.text_min.x)
        return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x = 0.5f * (l.nav_min.x + l.nav_max.x) - 0.5f * dots_w + 0.5f * dot;
    for (int i = 0; i < count; ++i, x += dot + dot_gap)
    {
        if (i == index)
            dl->AddCircleFilled(ImVec2(x, dots_y), 0.5f * dot, p.accent);
        else
            dl->AddCircle(ImVec2(x, dots_y), 0.5f * dot - 1.0f, p.text_muted, 16, std::max(1.5f, 0.08f * m.em));
    }
    DrawTextCentered(ctx.fonts->body, ImVec2(l.nav_min.x, dots_y - dot - 1.6f * m.em),
                     ImVec2(l.nav_max.x, dots_y - dot), p.text_muted, Tr(ctx, "gallery.swipe_hint"));
}

// Previous, the counter, next.
core::VisitAction DrawNavigation(const UiContext& ctx, int index, int count, const GalleryLayout& l)
{
    const Metrics& m = ctx.metrics;
    core::VisitAction action;
    const float nav_h = l.nav_max.y - l.nav_min.y;
    const float button_w = std::max(m.touch_min, 1.6f * nav_h);
    ButtonSpec prev{"gallery:prev", "", Icon::Back, ButtonKind::Primary, nullptr};
    ButtonSpec next{"gallery:next", "", Icon::Forward, ButtonKind::Primary, nullptr};
    if (count > 1)
    {
        if (TouchButton(ctx, l.nav_min, ImVec2(l.nav_min.x + button_w, l.nav_max.y), prev))
            action = core::GalleryPrev{};
        if (TouchButton(ctx, ImVec2(l.nav_max.x - button_w, l.nav_min.y), l.nav_max, next))
            action = core::GalleryNext{};
    }
    const std::string counter =
        Format(Format(Tr(ctx, "gallery.counter"), "n", std::to_string(index + 1)), "total", std::to_string(count));
    DrawTextCentered(ctx.fonts->heading, ImVec2(l.nav_min.x + button_w, l.nav_min.y),
                     ImVec2(l.nav_max.x - button_w, l.nav_max.y), ctx.palette->text, counter);
    return action;
}
} // namespace

ScreenResult DrawGalleryScreen(const UiContext& ctx, VisitView& view)
{
    ScreenResult result;
    const auto photos = core::GalleryPhotos(*ctx.visit, *ctx.pack);
    if (photos.empty())
    {
        result.action = core::Back{};
        return result;
    }
    const int count = static_cast<int>(photos.size());
    const int index = core::WrapIndex(ctx.visit->gallery_index, count);
    BeginScreenWindow("##gallery", ctx);
    const TopBarSpec bar_spec{true, true, Tr(ctx, "gallery.title")};
    const ChromeLayout chrome = LayoutChrome(ctx, bar_spec);
    GalleryLayout l = Layout(ctx.metrics, chrome);
    if (ctx.metrics.portrait())
        CentreInPortrait(ctx, photos, l);
    // Later steps win: a tap on a button or the top bar beats a swipe that ended there.
    core::VisitAction action;
    result.animating = Swipe(ctx, view, l, count, &action);
    DrawPhotos(ctx, view, photos, index, l);
    if (const core::VisitAction term = DrawCaption(ctx, *photos[static_cast<size_t>(index)], l); !IsNone(term))
        action = term;
    DrawProgressDots(ctx, index, count, l);
    if (const core::VisitAction nav = DrawNavigation(ctx, index, count, l); !IsNone(nav))
        action = nav;
    if (const core::VisitAction bar = DrawChrome(ctx, bar_spec, chrome); !IsNone(bar))
        action = bar;
    result.action = action;
    result.animating |= view.gallery_drag_x != 0.0f;
    EndScreenWindow();
    return result;
}
} // namespace kiosk::ui
