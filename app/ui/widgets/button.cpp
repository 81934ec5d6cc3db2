#include "ui/widgets/button.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

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

ButtonColors ButtonColorsFor(ButtonKind kind, const Palette& p, bool pressed)
{
    ButtonColors c;
    c.text = p.text;
    switch (kind)
    {
    case ButtonKind::Primary:
        c.fill = p.accent;
        c.text = p.accent_text;
        break;
    case ButtonKind::Secondary:
        c.fill = p.surface;
        c.text = p.high_contrast ? p.text : p.accent;
        c.outline = p.high_contrast ? p.text : p.accent;
        break;
    case ButtonKind::OnBar:
        c.text = p.bar_text;
        c.outline = p.bar_text;
        break;
    case ButtonKind::Selected:
        c.fill = p.bar_text;
        c.text = p.bar;
        c.outline = p.bar_text;
        break;
    case ButtonKind::Danger:
        c.fill = p.high_contrast ? p.background : DangerColor(p);
        c.text = p.high_contrast ? p.accent : IM_COL32_WHITE;
        c.outline = p.high_contrast ? p.accent : 0;
        break;
    case ButtonKind::Disabled:
        c.fill = p.placeholder;
        c.text = p.text_muted;
        c.outline = p.border;
        break;
    case ButtonKind::Chip:
        c.fill = p.surface;
        c.text = p.high_contrast ? p.text : p.accent;
        c.outline = p.accent;
        break;
    }
    if (pressed)
    {
        const ImU32 old_fill = c.fill ? c.fill : p.bar;
        c.fill = c.text;
        c.text = old_fill;
    }
    return c;
}

bool TouchButton(const UiContext& ctx, ImVec2 min, ImVec2 max, const ButtonSpec& spec, const ButtonLook& look)
{
    const Palette& p = *ctx.palette;
    const float em = ctx.metrics.em;
    const TouchState touch = TouchArea(ctx, spec.hit_id, min, max);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float rounding = look.pill ? 0.5f * (max.y - min.y) : look.rounding_ems * em;
    const float stroke = std::max(look.outline_min_px, look.outline_ems * em);

    const ButtonColors colors = ButtonColorsFor(spec.kind, p, touch.pressed && look.enabled);
    const ImU32 fill = colors.fill, text = colors.text, outline = colors.outline;
    if (fill)
        dl->AddRectFilled(min, max, fill, rounding);
    if (outline)
        dl->AddRect(min, max, outline, rounding, 0, stroke);

    ImFont* font = FontOf(ctx, spec);
    const float cy = 0.5f * (min.y + max.y);
    if (look.centred)
    {
        if (spec.icon && spec.label.empty())
            DrawIcon(*spec.icon, ImVec2(0.5f * (min.x + max.x), cy), look.icon_only_ems * em, text);
        else if (spec.icon)
        {
            const float w = 1.3f * em + 0.4f * em + TextWidth(font, spec.label);
            const float x = std::max(min.x + 0.5f * em, 0.5f * (min.x + max.x - w));
            DrawIcon(*spec.icon, ImVec2(x + 0.65f * em, cy), 1.1f * em, text);
            DrawTextCentered(font, ImVec2(x + 1.7f * em, min.y), ImVec2(x + w, max.y), text, spec.label);
        }
        else
        {
            const float inset = look.label_inset_ems * em;
            DrawTextCentered(font, ImVec2(min.x + inset, min.y), ImVec2(max.x - inset, max.y), text, spec.label);
        }
        return touch.tapped && look.enabled;
    }

    const float content_w = ButtonWidth(ctx, spec) - 1.4f * em;
    float x = min.x + std::max(0.7f * em, 0.5f * (max.x - min.x - content_w));
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
    return touch.tapped && look.enabled;
}
} // namespace kiosk::ui
