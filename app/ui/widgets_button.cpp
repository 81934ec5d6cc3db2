#include "ui/widgets_button.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets_text.h"
#include "ui/widgets_touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
ImFont* FontOf(const UiContext& ctx, const ButtonSpec& spec)
{
    return spec.font ? spec.font : ctx.fonts->body_bold;
}
} // namespace

float ButtonWidth(const UiContext& ctx, const ButtonSpec& spec)
{
    const float em = ctx.metrics.em;
    float w = 1.4f * em; // side padding
    if (spec.icon)
        w += 1.3f * em;
    if (!spec.label.empty())
        w += TextWidth(FontOf(ctx, spec), spec.label) + (spec.icon ? 0.5f * em : 0.0f);
    return std::max(w, ctx.metrics.touch_min);
}

bool TouchButton(const UiContext& ctx, ImVec2 min, ImVec2 max, const ButtonSpec& spec)
{
    const Palette& p = *ctx.palette;
    const float em = ctx.metrics.em;
    const TouchState touch = TouchArea(ctx, spec.hit_id, min, max);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = 0.35f * em;
    const float stroke = std::max(2.0f, 0.1f * em);

    ImU32 fill = 0, text = p.text, outline = 0;
    switch (spec.kind)
    {
    case ButtonKind::Primary:
        fill = p.accent;
        text = p.accent_text;
        break;
    case ButtonKind::Secondary:
        fill = p.surface;
        text = p.high_contrast ? p.text : p.accent;
        outline = p.high_contrast ? p.text : p.accent;
        break;
    case ButtonKind::OnBar:
        fill = 0;
        text = p.bar_text;
        outline = p.bar_text;
        break;
    case ButtonKind::Selected:
        fill = p.bar_text;
        text = p.bar;
        outline = p.bar_text;
        break;
    }
    if (touch.pressed)
    {
        // Pressed: invert, so the feedback does not depend on colour alone.
        const ImU32 old_fill = fill ? fill : p.bar;
        fill = text;
        text = old_fill;
    }
    if (fill)
        dl->AddRectFilled(min, max, fill, rounding);
    if (outline)
        dl->AddRect(min, max, outline, rounding, 0, stroke);

    ImFont* font = FontOf(ctx, spec);
    const float content_w = ButtonWidth(ctx, spec) - 1.4f * em;
    float x = min.x + std::max(0.7f * em, 0.5f * (max.x - min.x - content_w));
    const float cy = 0.5f * (min.y + max.y);
    if (spec.icon)
    {
        DrawIcon(*spec.icon, ImVec2(x + 0.65f * em, cy), 1.1f * em, text);
        x += 1.3f * em + 0.5f * em;
    }
    if (!spec.label.empty())
    {
        NoteDrawnText(spec.label);
        const float avail = max.x - x - 0.5f * em;
        const std::string line = FitLine(font, spec.label, std::max(avail, em));
        dl->AddText(font, font->FontSize, ImVec2(std::floor(x), std::floor(cy - 0.5f * font->FontSize)), text,
                    line.c_str(), line.c_str() + line.size());
    }
    return touch.tapped;
}
} // namespace kiosk::ui
