// The admin PIN pad: a title, one line of status (what to do, a wrong PIN, the lockout
// countdown, a missing PIN), dots for the digits typed, and a 3x4 keypad with Cancel under it.
// One column when it fits the screen's height, else the words beside the keypad. With more than
// one language, the language button sits in the top-right corner.
#include "ui/admin/admin_parts.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui::admin
{
namespace
{
struct PadLayout
{
    float key_w = 0.0f, key_h = 0.0f, gap = 0.0f;
    ImVec2 info_min; // title, status, dots: top-left
    float info_w = 0.0f;
    ImVec2 keys_min; // keypad top-left
};

float InfoHeight(const UiContext& ctx)
{
    const float em = ctx.metrics.em;
    return ctx.fonts->title->FontSize + 0.6f * em + 2.0f * ctx.fonts->body->FontSize + 0.8f * em + 1.2f * em +
           1.2f * em;
}

PadLayout Layout(const UiContext& ctx)
{
    const Metrics& m = ctx.metrics;
    PadLayout l;
    l.gap = m.gap;
    // Keys as large as the screen comfortably allows (up to 3.2 em tall), never below a touch target.
    const float room_h = (m.screen_h - InfoHeight(ctx) - 6.0f * l.gap) / 5.0f;
    l.key_h = std::ceil(std::max(m.touch_min, std::min(3.2f * m.em, room_h)));
    l.key_w = std::ceil(std::max({m.touch_min, 3.6f * m.em, 1.4f * l.key_h}));
    const float pad_w = 3.0f * l.key_w + 2.0f * l.gap;
    const float pad_h = 5.0f * l.key_h + 4.0f * l.gap; // four rows of keys and Cancel
    const float info_h = InfoHeight(ctx);
    const float one_column = info_h + l.gap + pad_h;
    if (one_column + 2.0f * m.gap <= m.screen_h || m.portrait())
    {
        l.info_w = std::max(pad_w, std::min(m.screen_w - 2.0f * m.gap, 24.0f * m.em));
        const float top = std::max(m.gap, std::floor(0.5f * (m.screen_h - one_column)));
        l.info_min = ImVec2(std::floor(0.5f * (m.screen_w - l.info_w)), top);
        l.keys_min = ImVec2(std::floor(0.5f * (m.screen_w - pad_w)), top + info_h + l.gap);
    }
    else
    {
        l.info_w = std::min(m.screen_w - pad_w - 3.0f * m.gap, 20.0f * m.em);
        const float total_w = l.info_w + 2.0f * m.gap + pad_w;
        const float x = std::floor(0.5f * (m.screen_w - total_w));
        l.keys_min = ImVec2(x + l.info_w + 2.0f * m.gap, std::max(m.gap, std::floor(0.5f * (m.screen_h - pad_h))));
        l.info_min = ImVec2(x, std::max(m.gap, std::floor(0.5f * (m.screen_h - info_h))));
    }
    return l;
}

std::string StatusLine(const UiContext& ctx, const core::AdminView& view, const core::AdminModel& model, bool locked)
{
    if (locked)
        return Format(Tr(ctx, "admin.pin.locked"), "time", FormatDuration(ctx, std::ceil(model.pin_locked_s)));
    if (view.pin_rejected)
        return Tr(ctx, "admin.pin.wrong");
    return Tr(ctx, "admin.pin.enter");
}

// Why the stored PIN will not do, or nothing when it is set.
std::string PolicyLine(const UiContext& ctx, core::PinPolicy policy)
{
    switch (policy)
    {
    case core::PinPolicy::Ok:
        return std::string();
    case core::PinPolicy::NotSet:
        return Tr(ctx, "admin.pin.not_set");
    case core::PinPolicy::Malformed:
        return Tr(ctx, "admin.pin.malformed");
    case core::PinPolicy::ExamplePin:
        return Tr(ctx, "admin.pin.example");
    }
    return std::string();
}
} // namespace

void DrawPinEntry(const UiContext& ctx, const core::AdminView& view, const core::AdminModel& model, Out& out)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const float em = m.em;
    const bool locked = model.pin_locked_s > 0.0;
    const PadLayout l = Layout(ctx);
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // Words and dots.
    float y = l.info_min.y;
    DrawTextCentered(ctx.fonts->title, ImVec2(l.info_min.x, y),
                     ImVec2(l.info_min.x + l.info_w, y + ctx.fonts->title->FontSize), p.text,
                     Tr(ctx, "admin.pin.title"));
    y += ctx.fonts->title->FontSize + 0.6f * em;
    const ImU32 status_color = locked || view.pin_rejected ? (p.high_contrast ? p.accent : DangerColor(p)) : p.text;
    y += DrawTextCenteredWrapped(ctx.fonts->body_bold, l.info_min.x + 0.5f * l.info_w, y, status_color,
                                 StatusLine(ctx, view, model, locked), l.info_w);
    if (model.pin_policy != core::PinPolicy::Ok)
        y += DrawTextCenteredWrapped(ctx.fonts->body, l.info_min.x + 0.5f * l.info_w, y, p.text_muted,
                                     PolicyLine(ctx, model.pin_policy), l.info_w);
    const float dots_y = std::max(y + 0.8f * em, l.info_min.y + InfoHeight(ctx) - 1.8f * em);
    const int shown = static_cast<int>(std::max(core::kAdminMinPinDigits, view.pin.size()));
    const float dot = 0.9f * em, dot_gap = 0.7f * em;
    float x = l.info_min.x + 0.5f * (l.info_w - (shown * dot + (shown - 1) * dot_gap)) + 0.5f * dot;
    for (int i = 0; i < shown; ++i, x += dot + dot_gap)
    {
        const ImVec2 c(x, dots_y + 0.5f * dot);
        if (i < static_cast<int>(view.pin.size()))
            dl->AddCircleFilled(c, 0.5f * dot, p.text, 20);
        else
            dl->AddCircle(c, 0.5f * dot - 1.0f, p.text_muted, 20, std::max(1.5f, 0.1f * em));
    }

    // Keys: 1-9, then backspace, 0, OK; Cancel across the bottom.
    const ButtonStyle key_style = locked ? ButtonStyle::Disabled : ButtonStyle::Secondary;
    auto key_rect = [&](int row, int col, ImVec2* a, ImVec2* b)
    {
        *a = ImVec2(std::floor(l.keys_min.x + col * (l.key_w + l.gap)),
                    std::floor(l.keys_min.y + row * (l.key_h + l.gap)));
        *b = ImVec2(a->x + l.key_w, a->y + l.key_h);
    };
    ImVec2 a, b;
    for (int d = 0; d <= 9; ++d)
    {
        const int row = d == 0 ? 3 : (d - 1) / 3, col = d == 0 ? 1 : (d - 1) % 3;
        key_rect(row, col, &a, &b);
        if (Button(ctx, "admin:pin:" + std::to_string(d), std::to_string(d), a, b, key_style, std::nullopt,
                   ctx.fonts->heading))
            out.Add(core::AdminPinDigit{d});
    }
    key_rect(3, 0, &a, &b);
    if (Button(ctx, "admin:pin:back", "", a, b, locked || view.pin.empty() ? ButtonStyle::Disabled : key_style,
               Icon::Back))
        out.Add(core::AdminPinBackspace{});
    key_rect(3, 2, &a, &b);
    const bool can_submit = !locked && view.pin.size() >= core::kAdminMinPinDigits;
    if (Button(ctx, "admin:pin:ok", Tr(ctx, "admin.pin.ok"), a, b,
               can_submit ? ButtonStyle::Primary : ButtonStyle::Disabled, std::nullopt, ctx.fonts->heading))
        out.Add(core::AdminPinSubmit{});
    key_rect(4, 0, &a, &b);
    b.x = l.keys_min.x + 3.0f * l.key_w + 2.0f * l.gap;
    if (Button(ctx, "admin:leave", Tr(ctx, "admin.cancel"), a, b, ButtonStyle::Secondary))
        out.Add(core::AdminLeave{});

    // The language button in the top-right corner, as on the panel's title bar, drawn only where
    // it stays clear of the words and the keys (the pad is centred, so it is on every size tried).
    if (const core::Language* next = NextLanguage(ctx))
    {
        const float w = ButtonWidth(ctx, next->name);
        const ImVec2 lang_min(m.screen_w - m.gap - w, m.gap), lang_max(m.screen_w - m.gap, m.gap + m.touch_min);
        auto clear_of = [&](ImVec2 min, ImVec2 max)
        { return lang_max.x <= min.x || lang_min.x >= max.x || lang_max.y <= min.y || lang_min.y >= max.y; };
        const ImVec2 keys_max(l.keys_min.x + 3.0f * l.key_w + 2.0f * l.gap, b.y);
        const ImVec2 info_max(l.info_min.x + l.info_w, l.info_min.y + InfoHeight(ctx));
        if (clear_of(l.keys_min, keys_max) && clear_of(l.info_min, info_max) &&
            Button(ctx, "admin:language", next->name, lang_min, lang_max, ButtonStyle::Secondary))
            out.Add(core::AdminSetLanguage{next->code});
    }
    out.frame.animating |= locked; // the lockout counts down
}
} // namespace kiosk::ui::admin
