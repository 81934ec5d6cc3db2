// The attract loop: slide layers (photo, role, message) cross-faded over each other, then the
// static elements on top (the event header and the "Touch to explore" prompt), all shifted by
// the burn-in offset.
//
// Sections: slides and images - layout - slide layers - static elements - entry point.
#include "ui/screens/attract_screen.h"

#include "core/content/interface_strings.h"
#include "core/visit/attract_timeline.h"
#include "ui/fonts.h"
#include "ui/screens/chrome.h"
#include "ui/theme.h"
#include "ui/ui_frame_scope.h"
#include "ui/ui_strings.h"
#include "ui/widgets/image.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
using kiosk::core::AttractSlide;
using kiosk::core::KenBurns;

namespace
{
// --- slides and images ---------------------------------------------------------------------

// An image drawn to cover [min, max] through the pan/zoom window; a calm fill until it is ready.
// The request size is fixed for the slide (not the zoom of the moment), so the cache is asked
// for one size only.
void DrawKenBurnsImage(const UiContext& ctx, const std::string& path, ImVec2 min, ImVec2 max, const KenBurns& motion,
                       float alpha, float rounding)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = max.x - min.x, h = max.y - min.y;
    if (w < 1.0f || h < 1.0f)
        return;
    ImageHandle img;
    if (!path.empty() && ctx.images)
        img = ctx.images->Request(path, static_cast<int>(std::lround(w * kiosk::core::kKenBurnsMaxZoom)),
                                  static_cast<int>(std::lround(h * kiosk::core::kKenBurnsMaxZoom)));
    if (img.state != ImageHandle::State::Ready || img.width <= 0 || img.height <= 0)
    {
        dl->AddRectFilled(min, max, FadeColor(ctx.palette->placeholder, alpha), rounding);
        return;
    }
    const kiosk::core::UvWindow uv =
        kiosk::core::KenBurnsWindow(motion, static_cast<double>(img.width) / img.height, static_cast<double>(w) / h);
    dl->AddImageRounded(reinterpret_cast<ImTextureID>(img.texture), min, max,
                        ImVec2(static_cast<float>(uv.u0), static_cast<float>(uv.v0)),
                        ImVec2(static_cast<float>(uv.u1), static_cast<float>(uv.v1)), FadeColor(IM_COL32_WHITE, alpha),
                        rounding);
}

// The image a slide shows (absolute path), or "" for message slides and missing targets.
std::string SlideImage(const kiosk::core::ContentPack& pack, const AttractSlide& slide)
{
    if (slide.kind == AttractSlide::Kind::Role)
        if (const auto* role = pack.FindRole(slide.target); role && !role->illustration.empty())
            return pack.ResolvePath(role->illustration);
    if (slide.kind == AttractSlide::Kind::Photo)
        if (const auto* photo = pack.FindPhoto(slide.target); photo && !photo->image.empty())
            return pack.ResolvePath(photo->image);
    return std::string();
}

// --- layout --------------------------------------------------------------------------------

struct AttractLayout
{
    float margin = 0.0f;
    ImVec2 header_min, header_max; // before the burn-in offset
    ImVec2 prompt_min, prompt_max;
    ImVec2 text_min, text_max; // where a photo's caption may go (bottom-aligned)
    ImVec2 art_min, art_max;   // a role's illustration
    ImVec2 role_text_min, role_text_max;
};

struct PromptText
{
    std::string primary;                // in the default language, large
    std::vector<std::string> secondary; // the other languages, smaller
};

PromptText MakePromptText(const UiContext& ctx, const std::string& language)
{
    PromptText t;
    t.primary = TrIn(ctx, language, "app.touch_to_explore");
    for (const auto& lang : ctx.pack->settings.languages)
    {
        if (lang.code == language)
            continue;
        const std::string s = TrIn(ctx, lang.code, "app.touch_to_explore");
        if (s != t.primary)
            t.secondary.push_back(s);
    }
    return t;
}

ImVec2 PromptSize(const UiContext& ctx, const PromptText& text)
{
    const float em = ctx.metrics.em;
    float w = TextWidth(ctx.fonts->title, text.primary);
    float h = ctx.fonts->title->FontSize;
    for (const std::string& s : text.secondary)
    {
        w = std::max(w, TextWidth(ctx.fonts->heading, s));
        h += ctx.fonts->heading->FontSize;
    }
    w = std::min(w + 2.4f * em, ctx.metrics.screen_w - 4.0f * em);
    return ImVec2(w, std::max(h + 1.4f * em, ctx.metrics.touch_min));
}

AttractLayout Layout(const UiContext& ctx, ImVec2 prompt_size)
{
    const Metrics& m = ctx.metrics;
    const float em = m.em;
    AttractLayout l;
    l.margin = std::max(1.2f * em, PageMargin(m));
    const float W = m.screen_w, H = m.screen_h;
    const float header_h = 4.4f * em;
    l.header_min = ImVec2(l.margin, l.margin);
    l.header_max = ImVec2(W - l.margin, l.margin + header_h);
    if (m.portrait())
    {
        // Prompt bottom centre; illustration under the header, the words below it.
        l.prompt_min = ImVec2(std::floor(0.5f * (W - prompt_size.x)), H - l.margin - prompt_size.y);
        l.text_min = ImVec2(l.margin, l.header_max.y + l.margin);
        l.text_max = ImVec2(W - l.margin, l.prompt_min.y - 1.5f * em);
        const float art_w = W - 2.0f * l.margin;
        l.art_min = ImVec2(l.margin, l.header_max.y + l.margin);
        l.art_max = ImVec2(W - l.margin, l.art_min.y + std::floor(art_w / 1.5f));
        l.role_text_min = ImVec2(l.margin, l.art_max.y + 1.5f * em);
        l.role_text_max = l.text_max;
    }
    else
    {
        // Prompt bottom right; illustration on the right, words on the left.
        l.prompt_min = ImVec2(W - l.margin - prompt_size.x, H - l.margin - prompt_size.y);
        l.text_min = ImVec2(l.margin, l.header_max.y + l.margin);
        l.text_max = ImVec2(std::max(l.margin + 10.0f * em, l.prompt_min.x - 2.0f * em), H - l.margin);
        const float art_x0 = std::floor(0.42f * W);
        const float art_w = W - l.margin - art_x0;
        const float art_h = std::min(std::floor(art_w / 1.5f), l.prompt_min.y - l.header_min.y - em);
        const float art_y0 = std::floor(l.header_min.y + 0.5f * (l.prompt_min.y - em - l.header_min.y - art_h));
        l.art_min = ImVec2(art_x0, art_y0);
        l.art_max = ImVec2(W - l.margin, art_y0 + art_h);
        l.role_text_min = ImVec2(l.margin, l.header_max.y + l.margin);
        l.role_text_max = ImVec2(art_x0 - 1.5f * em, H - l.margin);
    }
    l.prompt_max = ImVec2(l.prompt_min.x + prompt_size.x, l.prompt_min.y + prompt_size.y);
    return l;
}

ImVec2 Shift(ImVec2 p, ImVec2 by)
{
    return ImVec2(std::round(p.x + by.x), std::round(p.y + by.y));
}

// --- slide layers --------------------------------------------------------------------------

void DrawPhotoLayer(const UiContext& ctx, const kiosk::core::Photo& photo, const std::string& language,
                    const AttractLayout& l, const KenBurns& motion, float alpha, ImVec2 shift)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.screen_w, m.screen_h), FadeColor(p.photo_backdrop, alpha));
    const std::string& caption = photo.caption.Get(language);
    const float wrap = std::min(l.text_max.x - l.text_min.x, 28.0f * m.em);
    const float h = TextHeight(ctx.fonts->title, caption, wrap);
    if (m.portrait())
    {
        // A tall screen would crop a landscape photo to a sliver: show it whole-width under the
        // header, with the caption below it on the dark background.
        DrawKenBurnsImage(ctx, ctx.pack->ResolvePath(photo.image), l.art_min, l.art_max, motion, alpha, 0.6f * m.em);
        DrawText(ctx.fonts->title, Shift(ImVec2(l.role_text_min.x, l.role_text_min.y), shift),
                 FadeColor(p.on_photo, alpha), caption, wrap);
        return;
    }
    DrawKenBurnsImage(ctx, ctx.pack->ResolvePath(photo.image), ImVec2(0, 0), ImVec2(m.screen_w, m.screen_h), motion,
                      alpha, 0.0f);
    // The caption sits on a dark scrim at the bottom so white text reads over any photo.
    const ImVec2 pos = Shift(ImVec2(l.text_min.x, l.text_max.y - h), shift);
    const float scrim_top = std::min(pos.y - 3.0f * m.em, 0.6f * m.screen_h);
    dl->AddRectFilledMultiColor(ImVec2(0, scrim_top), ImVec2(m.screen_w, m.screen_h), FadeColor(p.photo_scrim, 0.0f),
                                FadeColor(p.photo_scrim, 0.0f), FadeColor(p.photo_scrim, alpha),
                                FadeColor(p.photo_scrim, alpha));
    if (p.high_contrast)
        dl->AddRectFilled(ImVec2(pos.x - 0.5f * m.em, pos.y - 0.4f * m.em),
                          ImVec2(pos.x + wrap + 0.5f * m.em, pos.y + h + 0.4f * m.em), FadeColor(p.photo_label, alpha),
                          0.3f * m.em);
    DrawText(ctx.fonts->title, pos, FadeColor(p.on_photo, alpha), caption, wrap);
}

void DrawRoleLayer(const UiContext& ctx, const kiosk::core::Role& role, const std::string& language,
                   const AttractLayout& l, const KenBurns& motion, float alpha, ImVec2 shift)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.screen_w, m.screen_h), FadeColor(p.background, alpha));
    DrawKenBurnsImage(ctx, ctx.pack->ResolvePath(role.illustration), l.art_min, l.art_max, motion, alpha, 0.6f * m.em);
    const ImU32 family = FamilyColor(ctx.pack, role.family, p);
    const kiosk::core::RoleFamily* fam = ctx.pack->FindFamily(role.family);
    const std::string family_title = fam ? fam->title.Get(language) : std::string();
    const std::string& title = role.title.Get(language);
    const std::string& tagline = role.tagline.Get(language);
    const float bar_w = 0.35f * m.em;
    const float x = l.role_text_min.x + bar_w + 0.9f * m.em;
    const float wrap = std::max(l.role_text_max.x - x, 8.0f * m.em);
    const float family_h = family_title.empty() ? 0.0f : ctx.fonts->body_bold->FontSize + 0.4f * m.em;
    const float title_h = TextHeight(ctx.fonts->display, title, wrap);
    const float tag_h = TextHeight(ctx.fonts->heading, tagline, wrap);
    const float total = family_h + title_h + 0.6f * m.em + tag_h;
    // Landscape: centred beside the picture. Portrait: at the top of the space below it.
    float y = m.portrait() ? l.role_text_min.y
                           : l.role_text_min.y + std::max(0.0f, 0.5f * (l.role_text_max.y - l.role_text_min.y - total));
    const ImVec2 top = Shift(ImVec2(x, y), shift);
    dl->AddRectFilled(ImVec2(top.x - bar_w - 0.9f * m.em, top.y), ImVec2(top.x - 0.9f * m.em, top.y + total),
                      FadeColor(family, alpha), 0.5f * bar_w);
    y = top.y;
    if (!family_title.empty())
        y += DrawText(ctx.fonts->body_bold, ImVec2(top.x, y), FadeColor(family, alpha), family_title, wrap) +
             0.4f * m.em;
    y += DrawText(ctx.fonts->display, ImVec2(top.x, y), FadeColor(p.text, alpha), title, wrap) + 0.6f * m.em;
    DrawText(ctx.fonts->heading, ImVec2(top.x, y), FadeColor(p.text_muted, alpha), tagline, wrap);
}

void DrawMessageLayer(const UiContext& ctx, const AttractSlide& slide, const std::string& language,
                      const AttractLayout& l, float alpha, ImVec2 shift)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.screen_w, m.screen_h), FadeColor(p.accent, alpha));
    const std::string& title = slide.title.Get(language);
    const std::string& text = slide.text.Get(language);
    const float wrap = std::min(m.screen_w - 2.0f * l.margin, 30.0f * m.em);
    const float title_h = TextHeight(ctx.fonts->display, title, wrap);
    const float text_h = TextHeight(ctx.fonts->heading, text, wrap);
    const float total = title_h + (text.empty() ? 0.0f : 1.0f * m.em + text_h);
    const float top = l.header_max.y + l.margin;
    const float bottom = m.portrait() ? l.prompt_min.y - l.margin : m.screen_h - l.margin;
    const ImVec2 at = Shift(ImVec2(0.5f * m.screen_w, top + std::max(0.0f, 0.5f * (bottom - top - total))), shift);
    const float y =
        at.y + DrawTextCenteredWrapped(ctx.fonts->display, at.x, at.y, FadeColor(p.accent_text, alpha), title, wrap);
    DrawTextCenteredWrapped(ctx.fonts->heading, at.x, y + 1.0f * m.em, FadeColor(p.accent_text, alpha), text, wrap);
}

void DrawSlideLayer(const UiContext& ctx, const AttractSlide& slide, const std::string& language,
                    const AttractLayout& l, const KenBurns& motion, float alpha, ImVec2 shift)
{
    if (alpha <= 0.0f)
        return;
    const auto& pack = *ctx.pack;
    if (slide.kind == AttractSlide::Kind::Photo)
    {
        if (const auto* photo = pack.FindPhoto(slide.target))
            return DrawPhotoLayer(ctx, *photo, language, l, motion, alpha, shift);
    }
    else if (slide.kind == AttractSlide::Kind::Role)
    {
        if (const auto* role = pack.FindRole(slide.target))
            return DrawRoleLayer(ctx, *role, language, l, motion, alpha, shift);
    }
    DrawMessageLayer(ctx, slide, language, l, alpha, shift);
}

// --- static elements -----------------------------------------------------------------------

void DrawHeader(const UiContext& ctx, const std::string& language, const AttractLayout& l, ImVec2 shift)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const auto& event = ctx.pack->settings.event;
    const std::string& name = event.name.Get(language);
    const std::string& organiser = event.organiser.Get(language);
    const float pad = 0.8f * m.em;
    const float logo = event.logo.empty() ? 0.0f : l.header_max.y - l.header_min.y - 2.0f * pad;
    const float text_x_off = pad + (logo > 0.0f ? logo + pad : 0.0f);
    const float max_text_w = l.header_max.x - l.header_min.x - text_x_off - pad;
    const std::string name_line = FitLine(ctx.fonts->heading, name, max_text_w);
    const std::string org_line = FitLine(ctx.fonts->body, organiser, max_text_w);
    const float text_w = std::max(TextWidth(ctx.fonts->heading, name_line), TextWidth(ctx.fonts->body, org_line));
    if (name.empty() && organiser.empty() && logo <= 0.0f)
        return;
    const ImVec2 min = Shift(l.header_min, shift);
    const ImVec2 max(min.x + text_x_off + text_w + pad, min.y + (l.header_max.y - l.header_min.y));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, FadeColor(p.surface, p.high_contrast ? 1.0f : 0.94f), 0.5f * m.em);
    if (p.high_contrast)
        dl->AddRect(min, max, p.border, 0.5f * m.em, 0, std::max(2.0f, 0.08f * m.em));
    if (logo > 0.0f)
        DrawImage(ctx, ctx.pack->ResolvePath(event.logo), ImVec2(min.x + pad, min.y + pad),
                  ImVec2(min.x + pad + logo, min.y + pad + logo), ImageFit::Contain, 0.0f);
    const float text_h =
        ctx.fonts->heading->FontSize + (org_line.empty() ? 0.0f : 0.2f * m.em + ctx.fonts->body->FontSize);
    float y = std::floor(min.y + 0.5f * (max.y - min.y - text_h));
    NoteDrawnText(name);
    dl->AddText(ctx.fonts->heading, ctx.fonts->heading->FontSize, ImVec2(min.x + text_x_off, y), p.text,
                name_line.c_str(), name_line.c_str() + name_line.size());
    y += ctx.fonts->heading->FontSize + 0.2f * m.em;
    if (!org_line.empty())
    {
        NoteDrawnText(organiser);
        dl->AddText(ctx.fonts->body, ctx.fonts->body->FontSize, ImVec2(min.x + text_x_off, y), p.text_muted,
                    org_line.c_str(), org_line.c_str() + org_line.size());
    }
}

// The prompt: an accent pill with a soft halo that breathes with the pulse (period >= 2 s).
void DrawPrompt(const UiContext& ctx, const PromptText& text, const AttractLayout& l, float pulse, ImVec2 shift)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min = Shift(l.prompt_min, shift), max = Shift(l.prompt_max, shift);
    const float rounding = 0.5f * (max.y - min.y);
    const float grow = (0.25f + 0.45f * pulse) * m.em;
    dl->AddRectFilled(ImVec2(min.x - grow, min.y - grow), ImVec2(max.x + grow, max.y + grow),
                      FadeColor(p.accent, 0.12f + 0.22f * (1.0f - pulse)), rounding + grow);
    dl->AddRectFilled(min, max, p.accent, rounding);
    // An outline in the text colour keeps the pill visible on a message slide's accent fill.
    dl->AddRect(min, max, p.high_contrast ? p.text : p.accent_text, rounding, 0, std::max(2.0f, 0.12f * m.em));
    const float inner_h = ctx.fonts->title->FontSize + text.secondary.size() * ctx.fonts->heading->FontSize;
    float y = std::floor(min.y + 0.5f * (max.y - min.y - inner_h));
    DrawTextCentered(ctx.fonts->title, ImVec2(min.x, y), ImVec2(max.x, y + ctx.fonts->title->FontSize), p.accent_text,
                     text.primary);
    y += ctx.fonts->title->FontSize;
    for (const std::string& s : text.secondary)
    {
        DrawTextCentered(ctx.fonts->heading, ImVec2(min.x, y), ImVec2(max.x, y + ctx.fonts->heading->FontSize),
                         p.accent_text, s);
        y += ctx.fonts->heading->FontSize;
    }
}
} // namespace

// --- entry point ---------------------------------------------------------------------------

std::vector<AttractSlide> AttractSlides(const kiosk::core::ContentPack& pack)
{
    std::vector<AttractSlide> slides;
    for (const AttractSlide& s : pack.attract)
    {
        if (s.kind == AttractSlide::Kind::Role && !pack.FindRole(s.target))
            continue;
        if (s.kind == AttractSlide::Kind::Quiz && pack.quiz.Empty())
            continue;
        if (s.kind == AttractSlide::Kind::Photo && !pack.FindPhoto(s.target))
            continue;
        slides.push_back(s);
    }
    if (slides.empty())
        for (const auto& role : pack.roles)
        {
            AttractSlide s;
            s.kind = AttractSlide::Kind::Role;
            s.target = role.id;
            slides.push_back(s);
        }
    return slides;
}

std::string CollectAttractText(const kiosk::core::ContentPack& pack)
{
    std::string out;
    auto add = [&](const kiosk::core::LocalizedText& t)
    {
        for (const auto& [language, text] : t.by_language)
            out += text + "\n";
    };
    add(pack.settings.event.name); // DrawHeader
    add(pack.settings.event.organiser);
    for (const char* key : {"app.touch_to_explore"}) // MakePromptText, with TrIn's English fallback
    {
        if (auto it = pack.strings.by_key.find(key); it != pack.strings.by_key.end())
            add(it->second);
        if (const kiosk::core::InterfaceString* s = kiosk::core::FindInterfaceString(key))
            out += s->english + "\n";
    }
    for (const AttractSlide& s : AttractSlides(pack)) // DrawSlideLayer
    {
        if (s.kind == AttractSlide::Kind::Photo)
        {
            if (const auto* photo = pack.FindPhoto(s.target))
            {
                add(photo->caption);
                continue;
            }
        }
        else if (s.kind == AttractSlide::Kind::Role)
        {
            if (const auto* role = pack.FindRole(s.target))
            {
                if (const kiosk::core::RoleFamily* family = pack.FindFamily(role->family))
                    add(family->title);
                add(role->title);
                add(role->tagline);
                continue;
            }
        }
        add(s.title);
        add(s.text);
    }
    return out;
}

UiFrame DrawAttractUi(const UiContext& ctx_in, double attract_start_s)
{
    IM_ASSERT(ctx_in.pack && ctx_in.fonts);
    FrameScope scope(ctx_in, FrameScopeOptions{});
    const UiContext& ctx = scope.Context();
    const Metrics& m = ctx.metrics;
    const std::string language = DefaultLanguage(ctx);
    const std::vector<AttractSlide> slides = AttractSlides(*ctx.pack);
    const kiosk::core::AttractFrame f = kiosk::core::AttractAt(
        ctx.now_s - attract_start_s, static_cast<int>(slides.size()), ctx.pack->settings.timings.attract_slide_s);
    const ImVec2 shift(static_cast<float>(f.burn_in_x_em) * m.em, static_cast<float>(f.burn_in_y_em) * m.em);

    // Every slide covers the whole screen (a photograph's backdrop, the role slide's background, the
    // message slide's accent), so the window's own fill would only be drawn over.
    BeginScreenWindow("##attract", ctx, false);
    const PromptText prompt = MakePromptText(ctx, language);
    const AttractLayout l = Layout(ctx, PromptSize(ctx, prompt));
    TouchArea(ctx, "attract:screen", ImVec2(0, 0), ImVec2(m.screen_w, m.screen_h));
    if (f.current >= 0)
    {
        const AttractSlide& current = slides[static_cast<size_t>(f.current)];
        const AttractSlide& next = slides[static_cast<size_t>(f.next)];
        DrawSlideLayer(ctx, current, language, l, f.current_motion, 1.0f, shift);
        DrawSlideLayer(ctx, next, language, l, f.next_motion, static_cast<float>(f.fade), shift);
        // Ask for the next picture early, so it is decoded before its fade begins.
        const std::string next_image = SlideImage(*ctx.pack, next);
        if (f.fade <= 0.0 && !next_image.empty() && ctx.images)
        {
            const bool role = next.kind == AttractSlide::Kind::Role || m.portrait();
            const ImVec2 a = role ? l.art_min : ImVec2(0, 0);
            const ImVec2 b = role ? l.art_max : ImVec2(m.screen_w, m.screen_h);
            ctx.images->Prefetch(next_image, static_cast<int>(std::lround((b.x - a.x) * kiosk::core::kKenBurnsMaxZoom)),
                                 static_cast<int>(std::lround((b.y - a.y) * kiosk::core::kKenBurnsMaxZoom)));
        }
    }
    DrawHeader(ctx, language, l, shift);
    DrawPrompt(ctx, prompt, l, static_cast<float>(f.prompt_pulse), shift);
    EndScreenWindow();

    UiFrame frame;
    frame.animating = true;
    return frame;
}
} // namespace kiosk::ui
