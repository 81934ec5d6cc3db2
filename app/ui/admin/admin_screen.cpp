// The admin panel's entry point and frame: mode dispatch, the shared buttons and formatting,
// the panel's title bar, tab row, scrolled body and the exit confirmation.
//
// Sections: helpers - panel frame - entry point.
#include "ui/admin/admin_screen.h"

#include "ui/admin/admin_parts.h"
#include "ui/fonts.h"
#include "ui/screens/chrome.h"
#include "ui/theme.h"
#include "ui/ui_frame_scope.h"
#include "ui/widgets/button.h"
#include "ui/widgets/drag_scroll.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::ui::admin
{
// --- helpers -------------------------------------------------------------------------------

// Admin styles are the shared button kinds; tabs draw as primary (selected) or secondary.
static ButtonKind KindOf(ButtonStyle style)
{
    switch (style)
    {
    case ButtonStyle::Primary:
    case ButtonStyle::TabOn:
        return ButtonKind::Primary;
    case ButtonStyle::Secondary:
    case ButtonStyle::Tab:
        return ButtonKind::Secondary;
    case ButtonStyle::Danger:
        return ButtonKind::Danger;
    case ButtonStyle::Disabled:
        return ButtonKind::Disabled;
    case ButtonStyle::OnBar:
        return ButtonKind::OnBar;
    }
    return ButtonKind::Primary;
}

float ButtonWidth(const UiContext& ctx, const std::string& label, ImFont* font)
{
    font = font ? font : ctx.fonts->body_bold;
    return std::max(ctx.metrics.touch_min, TextWidth(font, label) + 2.0f * ctx.metrics.em);
}

bool Button(const UiContext& ctx, const std::string& id, const std::string& label, ImVec2 min, ImVec2 max,
            ButtonStyle style, std::optional<Icon> icon, ImFont* font)
{
    ButtonLook look;
    look.centred = true;
    look.outline_ems = style == ButtonStyle::Danger ? 0.14f : 0.08f;
    look.enabled = style != ButtonStyle::Disabled;
    return TouchButton(ctx, min, max, ButtonSpec{id, label, icon, KindOf(style), font}, look);
}

std::string FormatDuration(const UiContext& ctx, double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0.0)
        seconds = 0.0;
    const long s = std::lround(seconds);
    auto two = [](long n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    if (s < 60)
        return Format(Tr(ctx, "admin.time.seconds"), "s", std::to_string(s));
    if (s < 3600)
        return Format(Format(Tr(ctx, "admin.time.minutes"), "m", std::to_string(s / 60)), "s", two(s % 60));
    return Format(Format(Tr(ctx, "admin.time.hours"), "h", std::to_string(s / 3600)), "m", two((s / 60) % 60));
}

std::string Say(const UiContext& ctx, const core::AdminMessage& message)
{
    if (message.Empty())
        return std::string();
    std::string text = Tr(ctx, message.key.c_str());
    for (const auto& [name, value] : message.values)
        text = Format(text, name, value);
    return text;
}

std::string FormatCount(std::int64_t n)
{
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i)
    {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

const core::Language* NextLanguage(const UiContext& ctx)
{
    if (!ctx.pack || ctx.pack->settings.languages.size() < 2)
        return nullptr;
    const auto& languages = ctx.pack->settings.languages;
    for (std::size_t i = 0; i < languages.size(); ++i)
        if (languages[i].code == ScreenLanguage(ctx))
            return &languages[(i + 1) % languages.size()];
    return &languages[0];
}

// --- panel frame ---------------------------------------------------------------------------

namespace
{
struct TabSpec
{
    const char* id;
    const char* label;
    std::optional<core::AdminTab> tab; // empty: the touch test button
};

const TabSpec kTabs[] = {
    {"admin:tab:today", "admin.tab.today", core::AdminTab::Today},
    {"admin:tab:all-time", "admin.tab.all_time", core::AdminTab::AllTime},
    {"admin:tab:content", "admin.tab.content", core::AdminTab::Content},
    {"admin:tab:export", "admin.tab.export", core::AdminTab::Export},
    {"admin:tab:hold", "admin.tab.hold", core::AdminTab::Hold},
    {"admin:touch-test", "admin.tab.touch_test", std::nullopt},
};

// Title bar: Back to kiosk on the left, Exit on the far right, the title between.
void DrawTitleBar(const UiContext& ctx, const core::AdminModel& model, Out& out)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const float bar_h = TopBarHeight(m), margin = PageMargin(m);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.screen_w, bar_h), p.bar);
    if (p.high_contrast)
        dl->AddLine(ImVec2(0, bar_h - 1.0f), ImVec2(m.screen_w, bar_h - 1.0f), p.border, std::max(2.0f, 0.08f * m.em));
    const float y0 = 0.5f * (bar_h - m.touch_min), y1 = y0 + m.touch_min;
    const std::string leave = Tr(ctx, "admin.back_to_kiosk");
    const float leave_w = ButtonWidth(ctx, leave) + 1.7f * m.em;
    if (Button(ctx, "admin:leave", leave, ImVec2(margin, y0), ImVec2(margin + leave_w, y1), ButtonStyle::OnBar,
               Icon::Back))
        out.Add(core::AdminLeave{});
    const std::string exit = Tr(ctx, "admin.exit");
    const float exit_w = ButtonWidth(ctx, exit);
    if (Button(ctx, "admin:exit", exit, ImVec2(m.screen_w - margin - exit_w, y0), ImVec2(m.screen_w - margin, y1),
               ButtonStyle::Danger))
        out.Add(core::AdminArmExit{});
    // The language switch sits left of Exit, named in the language it switches to.
    float right = m.screen_w - margin - exit_w;
    if (const core::Language* next = NextLanguage(ctx))
    {
        const float w = ButtonWidth(ctx, next->name);
        right -= m.gap + w;
        if (Button(ctx, "admin:language", next->name, ImVec2(right, y0), ImVec2(right + w, y1), ButtonStyle::OnBar))
            out.Add(core::AdminSetLanguage{next->code});
    }
    std::string title = Tr(ctx, "admin.title");
    if (!model.kiosk_name.empty())
        title += " · " + model.kiosk_name;
    if (!model.event_name.empty())
        title += " · " + model.event_name;
    const float x0 = margin + leave_w + m.gap, x1 = right - 2.0f * m.gap;
    if (x1 - x0 > 4.0f * m.em)
        DrawTextCentered(ctx.fonts->heading, ImVec2(x0, 0), ImVec2(x1, bar_h), p.bar_text, title);
}

// The tab row, wrapped onto more rows on narrow screens; returns its bottom.
float DrawTabs(const UiContext& ctx, const core::AdminView& view, float top, Out& out)
{
    const Metrics& m = ctx.metrics;
    const float margin = PageMargin(m);
    float x = margin, y = top;
    for (const TabSpec& t : kTabs)
    {
        const std::string label = Tr(ctx, t.label);
        const float w = ButtonWidth(ctx, label);
        if (x > margin && x + w > m.screen_w - margin)
        {
            x = margin;
            y += m.touch_min + 0.5f * m.gap;
        }
        const bool on = t.tab && *t.tab == view.tab;
        if (Button(ctx, t.id, label, ImVec2(x, y), ImVec2(x + w, y + m.touch_min),
                   on ? ButtonStyle::TabOn : ButtonStyle::Tab))
        {
            if (t.tab)
                out.Add(core::AdminShowTab{*t.tab});
            else
                out.Add(core::AdminOpenTouchTest{});
        }
        x += w + 0.5f * m.gap;
    }
    return y + m.touch_min;
}

void DrawExitConfirmation(const UiContext& ctx, Out& out)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const float em = m.em;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.screen_w, m.screen_h), p.dialog_scrim);
    const float w = std::min(m.screen_w - 2.0f * m.gap, 26.0f * em);
    const float wrap = w - 2.0f * em;
    const std::string title = Tr(ctx, "admin.exit.title");
    const std::string body = Tr(ctx, "admin.exit.body");
    const float h = em + TextHeight(ctx.fonts->title, title, wrap) + 0.6f * em +
                    TextHeight(ctx.fonts->body, body, wrap) + 1.2f * em + m.touch_min + em;
    const ImVec2 min(std::floor(0.5f * (m.screen_w - w)), std::floor(0.5f * (m.screen_h - h)));
    dl->AddRectFilled(min, ImVec2(min.x + w, min.y + h), p.surface, 0.6f * em);
    dl->AddRect(min, ImVec2(min.x + w, min.y + h), DangerColor(p), 0.6f * em, 0, std::max(2.0f, 0.12f * em));
    float y = min.y + em;
    y += DrawText(ctx.fonts->title, ImVec2(min.x + em, y), p.text, title, wrap) + 0.6f * em;
    y += DrawText(ctx.fonts->body, ImVec2(min.x + em, y), p.text, body, wrap) + 1.2f * em;
    const float bw = 0.5f * (wrap - m.gap);
    if (Button(ctx, "admin:exit-cancel", Tr(ctx, "admin.cancel"), ImVec2(min.x + em, y),
               ImVec2(min.x + em + bw, y + m.touch_min), ButtonStyle::Secondary))
        out.Add(core::AdminCancelExit{});
    if (Button(ctx, "admin:exit-confirm", Tr(ctx, "admin.exit.confirm"), ImVec2(min.x + w - em - bw, y),
               ImVec2(min.x + w - em, y + m.touch_min), ButtonStyle::Danger))
        out.Add(core::AdminExitApp{});
}
} // namespace

void DrawPanel(const UiContext& ctx, core::AdminView& view, const core::AdminModel& model, Out& out)
{
    const Metrics& m = ctx.metrics;
    const float margin = PageMargin(m);
    out.blocked = view.exit_armed;
    const float tabs_bottom = DrawTabs(ctx, view, TopBarHeight(m) + 0.75f * m.gap, out);

    // The tab's body scrolls under the tab row.
    const ImVec2 body_min(0.0f, tabs_bottom + 0.5f * m.gap), body_max(m.screen_w, m.screen_h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(body_min, body_max, true);
    if (!out.blocked)
        out.frame.animating |= UpdateDragScroll(ctx, body_min, body_max, view.content_h,
                                                ScrollState{&view.scroll_y, &view.scroll_velocity});
    const float top = body_min.y + 0.5f * m.gap - view.scroll_y;
    const float x0 = margin, x1 = m.screen_w - margin;
    float h = 0.0f;
    switch (view.tab)
    {
    case core::AdminTab::Today:
        h = DrawStatsTab(ctx, model.today, Tr(ctx, "admin.tab.today"), x0, x1, top);
        break;
    case core::AdminTab::AllTime:
        h = DrawStatsTab(ctx, model.all_time, Tr(ctx, "admin.tab.all_time"), x0, x1, top);
        break;
    case core::AdminTab::Content:
        h = DrawContentTab(ctx, model, x0, x1, top, out);
        break;
    case core::AdminTab::Export:
        h = DrawExportTab(ctx, model, x0, x1, top, out);
        break;
    case core::AdminTab::Hold:
        h = DrawHoldTab(ctx, model, x0, x1, top, out);
        out.frame.animating |= model.hold_active; // the time left counts down
        break;
    }
    view.content_h = h + m.gap;
    dl->PopClipRect();
    DrawScrollCue(ctx, body_min, body_max, view.content_h, view.scroll_y);

    DrawTitleBar(ctx, model, out);
    if (view.exit_armed)
    {
        if (view.exit_shown_at < 0.0)
            view.exit_shown_at = ctx.now_s; // the lapse counts from the first frame showing it
        out.blocked = false;
        DrawExitConfirmation(ctx, out);
        out.frame.animating = true; // it lapses after core::kAdminExitConfirmS
    }
}
} // namespace kiosk::ui::admin

// --- entry point ---------------------------------------------------------------------------

namespace kiosk::ui
{
AdminFrame DrawAdminUi(const UiContext& ctx_in, core::AdminView& view, const core::AdminModel& model)
{
    if (view.mode == core::AdminMode::Closed)
        return AdminFrame{};
    IM_ASSERT(ctx_in.fonts);
    // The panel's own language: staff words never follow the visit's (see core::AdminView).
    UiContext with_language = ctx_in;
    with_language.language = view.language;
    if (with_language.language.empty() && ctx_in.pack && !ctx_in.pack->settings.languages.empty())
        with_language.language = ctx_in.pack->settings.languages[0].code;
    FrameScope scope(with_language, FrameScopeOptions{});
    const UiContext& ctx = scope.Context();
    const ImGuiIO& io = ImGui::GetIO();
    // The long press that opened the panel must not tap whatever is under it when it lifts.
    if (view.ignore_press)
    {
        if (io.MouseDown[0] || io.MouseReleased[0])
            SuppressTapForCurrentPress();
        else
            view.ignore_press = false;
    }
    // Never under a finger: a press that began on the dialog completes with its release.
    const bool finger = io.MouseDown[0] || io.MouseReleased[0];
    if (view.exit_armed && view.exit_shown_at >= 0.0 && !finger &&
        !(ctx.now_s - view.exit_shown_at < core::kAdminExitConfirmS))
        view.exit_armed = false;

    admin::Out out;
    BeginScreenWindow("##admin", ctx);
    switch (view.mode)
    {
    case core::AdminMode::PinEntry:
        admin::DrawPinEntry(ctx, view, model, out);
        break;
    case core::AdminMode::Panel:
        admin::DrawPanel(ctx, view, model, out);
        break;
    case core::AdminMode::TouchTest:
        admin::DrawTouchTest(ctx, view, out);
        break;
    case core::AdminMode::Closed:
        break;
    }
    EndScreenWindow();
    for (const core::AdminAction& a : out.frame.actions)
        if (core::ApplyAdminAction(view, a))
            out.frame.animating = true; // draw the changed panel at once
    return out.frame;
}
} // namespace kiosk::ui
