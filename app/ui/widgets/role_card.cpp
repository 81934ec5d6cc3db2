#include "ui/widgets/role_card.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets/image.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
float Pad(const Metrics& m)
{
    return 0.7f * m.em;
}
float Stripe(const Metrics& m)
{
    return std::max(3.0f, 0.3f * m.em);
}

} // namespace

float RoleCardImageHeight(const Metrics& metrics, float w, float view_h)
{
    return std::floor(std::max(3.0f * metrics.em, std::min(0.5f * w, 0.4f * view_h)));
}

namespace
{
// Text block of a card: title, tagline, and for wide cards the summary.
float CardText(const UiContext& ctx, const kiosk::core::Role& role, ImVec2 pos, float text_w, bool wide, bool draw)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const std::string& title = role.title.Get(ctx.visit->language);
    const std::string& tagline = role.tagline.Get(ctx.visit->language);
    float y = pos.y;
    if (draw)
        DrawText(ctx.fonts->heading, ImVec2(pos.x, y), p.text, title, text_w);
    y += TextHeight(ctx.fonts->heading, title, text_w) + 0.3f * m.em;
    if (draw)
        DrawText(wide ? ctx.fonts->body_bold : ctx.fonts->body, ImVec2(pos.x, y), wide ? p.text : p.text_muted, tagline,
                 text_w);
    y += TextHeight(wide ? ctx.fonts->body_bold : ctx.fonts->body, tagline, text_w);
    if (wide)
    {
        const std::string& summary = role.summary.Get(ctx.visit->language);
        y += 0.5f * m.em;
        if (draw)
            DrawText(ctx.fonts->body, ImVec2(pos.x, y), p.text_muted, summary, text_w);
        y += TextHeight(ctx.fonts->body, summary, text_w);
    }
    return y - pos.y;
}

float WideImageWidth(float w, float image_h)
{
    return std::floor(std::min(0.42f * w, 1.5f * image_h));
}
} // namespace

float RoleCardHeight(const UiContext& ctx, const kiosk::core::Role& role, float w, float image_h, bool wide)
{
    const Metrics& m = ctx.metrics;
    const float pad = Pad(m);
    if (wide)
    {
        const float text_w = w - WideImageWidth(w, image_h) - 2.0f * pad;
        const float text_h = CardText(ctx, role, ImVec2(0, 0), text_w, true, false);
        return std::ceil(Stripe(m) + std::max(image_h, text_h + 2.0f * pad));
    }
    const float text_h = CardText(ctx, role, ImVec2(0, 0), w - 2.0f * pad, false, false);
    return std::ceil(std::max(Stripe(m) + image_h + text_h + 2.0f * pad, m.touch_min));
}

bool DrawRoleCard(const UiContext& ctx, const kiosk::core::Role& role, ImVec2 min, ImVec2 max, float image_h, bool wide)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const TouchState touch = TouchArea(ctx, "role-card:" + role.id, min, max);
    const float rounding = 0.5f * m.em;
    const ImU32 family = FamilyColor(ctx.pack, role.family, p);

    // Skip drawing entirely when scrolled out of view (the hit area is already clipped).
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    if (max.y < clip_min.y || min.y > clip_max.y)
        return false;

    if (!p.high_contrast)
        dl->AddRectFilled(ImVec2(min.x, min.y + 0.15f * m.em), ImVec2(max.x, max.y + 0.25f * m.em), p.shadow, rounding);
    dl->AddRectFilled(min, max, touch.pressed ? p.accent_soft : p.surface, rounding);
    dl->AddRectFilled(min, ImVec2(max.x, min.y + Stripe(m)), family, rounding, ImDrawFlags_RoundCornersTop);

    const float pad = Pad(m);
    const std::string image =
        role.illustration.empty() || !ctx.pack ? std::string() : ctx.pack->ResolvePath(role.illustration);
    if (wide)
    {
        // Illustration on the left, full height; words on the right, centred vertically.
        const float img_w = WideImageWidth(max.x - min.x, image_h);
        const ImVec2 img_min(min.x, min.y + Stripe(m));
        DrawImage(ctx, image, img_min, ImVec2(min.x + img_w, max.y), ImageFit::Cover, 0.0f);
        const float text_w = max.x - min.x - img_w - 2.0f * pad;
        const float text_h = CardText(ctx, role, ImVec2(0, 0), text_w, true, false);
        const float y = img_min.y + std::max(pad, std::floor(0.5f * (max.y - img_min.y - text_h)));
        CardText(ctx, role, ImVec2(min.x + img_w + pad, y), text_w, true, true);
    }
    else
    {
        const ImVec2 img_min(min.x, min.y + Stripe(m));
        const ImVec2 img_max(max.x, img_min.y + image_h);
        DrawImage(ctx, image, img_min, img_max, ImageFit::Cover, 0.0f);
        CardText(ctx, role, ImVec2(min.x + pad, img_max.y + pad), max.x - min.x - 2.0f * pad, false, true);
    }

    const float stroke = std::max(1.0f, (p.high_contrast ? 0.1f : 0.04f) * m.em);
    dl->AddRect(min, max, touch.pressed ? p.accent : p.border, rounding, 0, touch.pressed ? 2.0f * stroke : stroke);
    return touch.tapped;
}
} // namespace kiosk::ui
