#include "ui/widgets_role_card.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets_image.h"
#include "ui/widgets_text.h"
#include "ui/widgets_touch.h"

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

float RoleCardHeight(const UiContext& ctx, const VisitView& view, const kiosk::core::Role& role, float w, float image_h)
{
    const Metrics& m = ctx.metrics;
    const float text_w = w - 2.0f * Pad(m);
    float h = Stripe(m) + image_h + Pad(m);
    h += TextHeight(ctx.fonts->heading, role.title.Get(view.language), text_w) + 0.3f * m.em;
    h += TextHeight(ctx.fonts->body, role.tagline.Get(view.language), text_w);
    return std::ceil(std::max(h + Pad(m), m.touch_min));
}

bool DrawRoleCard(const UiContext& ctx, const VisitView& view, const kiosk::core::Role& role, ImVec2 min, ImVec2 max,
                  float image_h)
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
    const ImVec2 img_min(min.x, min.y + Stripe(m));
    const ImVec2 img_max(max.x, img_min.y + image_h);
    if (!role.illustration.empty() && ctx.pack)
        DrawImage(ctx, ctx.pack->ResolvePath(role.illustration), img_min, img_max, ImageFit::Cover, 0.0f);
    else
        DrawImage(ctx, std::string(), img_min, img_max, ImageFit::Cover, 0.0f);

    const float pad = Pad(m);
    const float text_w = max.x - min.x - 2.0f * pad;
    float y = img_max.y + pad;
    y += DrawText(ctx.fonts->heading, ImVec2(min.x + pad, y), p.text, role.title.Get(view.language), text_w) +
         0.3f * m.em;
    DrawText(ctx.fonts->body, ImVec2(min.x + pad, y), p.text_muted, role.tagline.Get(view.language), text_w);

    const float stroke = std::max(1.0f, (p.high_contrast ? 0.1f : 0.04f) * m.em);
    dl->AddRect(min, max, touch.pressed ? p.accent : p.border, rounding, 0, touch.pressed ? 2.0f * stroke : stroke);
    return touch.tapped;
}
} // namespace kiosk::ui
