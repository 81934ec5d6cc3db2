// The touch test: a full-screen canvas with a 1 cm grid that marks where each touch lands (a
// cross, a circle the size of the smallest touch target, crosshair lines through the latest
// one), and a card in the middle giving the target size in mm and pixels, with a Back button.
#include "ui/admin/admin_parts.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/ui_frame_scope.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kiosk::ui::admin
{
namespace
{
std::string Mm(float mm)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f mm", static_cast<double>(mm));
    return buf;
}

void DrawGrid(const UiContext& ctx)
{
    const Metrics& m = ctx.metrics;
    const float pitch = 10.0f * m.px_per_mm; // 1 cm
    if (pitch < 4.0f)
        return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 c = ctx.palette->grid;
    for (float x = pitch; x < m.screen_w; x += pitch)
        dl->AddLine(ImVec2(std::floor(x) + 0.5f, 0), ImVec2(std::floor(x) + 0.5f, m.screen_h), c, 1.0f);
    for (float y = pitch; y < m.screen_h; y += pitch)
        dl->AddLine(ImVec2(0, std::floor(y) + 0.5f), ImVec2(m.screen_w, std::floor(y) + 0.5f), c, 1.0f);
}

void DrawCrosshair(const UiContext& ctx, ImVec2 at, ImU32 color)
{
    const Metrics& m = ctx.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float t = std::max(1.0f, 0.06f * m.em);
    dl->AddLine(ImVec2(0, at.y), ImVec2(m.screen_w, at.y), color, t);
    dl->AddLine(ImVec2(at.x, 0), ImVec2(at.x, m.screen_h), color, t);
}

void DrawMark(const UiContext& ctx, ImVec2 at, ImU32 color, float thickness)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = 0.5f * ctx.metrics.touch_min, arm = 0.35f * ctx.metrics.em;
    dl->AddCircle(at, r, color, 40, thickness);
    dl->AddLine(ImVec2(at.x - arm, at.y), ImVec2(at.x + arm, at.y), color, thickness);
    dl->AddLine(ImVec2(at.x, at.y - arm), ImVec2(at.x, at.y + arm), color, thickness);
}
} // namespace

void DrawTouchTest(const UiContext& ctx, core::AdminView& view, Out& out)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const float em = m.em;
    const ImGuiIO& io = ImGui::GetIO();
    TouchArea(ctx, "admin:touch-area", ImVec2(0, 0), ImVec2(m.screen_w, m.screen_h));
    DrawGrid(ctx);

    // The card's layout first: a touch on its Back button is not recorded as a test touch.
    const float card_w = std::min(m.screen_w - 2.0f * m.gap, 24.0f * em);
    const float wrap = card_w - 2.0f * em;
    const float mm = m.touch_min / m.px_per_mm;
    const std::string intro = Tr(ctx, "admin.touch.intro");
    const std::string size = Format(Format(Format(Tr(ctx, "admin.touch.size"), "size", Mm(mm)), "px",
                                           std::to_string(static_cast<int>(m.touch_min))),
                                    "gap", Mm(m.gap / m.px_per_mm));
    char per_mm[32];
    std::snprintf(per_mm, sizeof per_mm, "%.2f", static_cast<double>(m.px_per_mm));
    const std::string density =
        Format(Format(Tr(ctx, "admin.touch.density"), "density", per_mm), "px", std::to_string(static_cast<int>(em)));
    const float card_h = em + ctx.fonts->title->FontSize + 0.5f * em + TextHeight(ctx.fonts->body, intro, wrap) +
                         0.5f * em + TextHeight(ctx.fonts->body_bold, size, wrap) + 0.3f * em +
                         ctx.fonts->body->FontSize + 0.5f * em + ctx.fonts->body->FontSize + em + m.touch_min + em;
    const ImVec2 card_min(std::floor(0.5f * (m.screen_w - card_w)), std::floor(0.5f * (m.screen_h - card_h)));
    const ImVec2 card_max(card_min.x + card_w, card_min.y + card_h);
    const std::string back = Tr(ctx, "nav.back");
    const float back_w = ButtonWidth(ctx, back) + 1.7f * em; // room for the icon too
    const ImVec2 back_min(std::floor(0.5f * (m.screen_w - back_w)), card_max.y - em - m.touch_min);
    const ImVec2 back_max(back_min.x + back_w, back_min.y + m.touch_min);

    // Record where each new touch landed.
    const bool on_back = io.MouseClickedPos[0].x >= back_min.x && io.MouseClickedPos[0].x < back_max.x &&
                         io.MouseClickedPos[0].y >= back_min.y && io.MouseClickedPos[0].y < back_max.y;
    if (io.MouseClicked[0] && !on_back)
    {
        view.touch_points.push_back(core::AdminTouchPoint{io.MouseClickedPos[0].x, io.MouseClickedPos[0].y, ctx.now_s});
        if (view.touch_points.size() > core::kAdminMaxTouchPoints)
            view.touch_points.erase(view.touch_points.begin());
    }

    // Marks: older ones muted, the latest in the accent colour with crosshair lines.
    const float thin = std::max(1.5f, 0.07f * em), thick = std::max(2.5f, 0.12f * em);
    for (size_t i = 0; i + 1 < view.touch_points.size(); ++i)
        DrawMark(ctx, ImVec2(view.touch_points[i].x, view.touch_points[i].y), p.text_muted, thin);
    if (!view.touch_points.empty())
    {
        const core::AdminTouchPoint& last = view.touch_points.back();
        DrawCrosshair(ctx, ImVec2(last.x, last.y), p.accent);
        DrawMark(ctx, ImVec2(last.x, last.y), p.accent, thick);
    }
    if (io.MouseDown[0] && !on_back)
        DrawCrosshair(ctx, io.MousePos, p.text);

    // The card.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(card_min, card_max, FadeColor(p.surface, p.high_contrast ? 1.0f : 0.92f), 0.6f * em);
    dl->AddRect(card_min, card_max, p.border, 0.6f * em, 0, std::max(1.5f, 0.08f * em));
    float y = card_min.y + em;
    const float x = card_min.x + em;
    y += DrawText(ctx.fonts->title, ImVec2(x, y), p.text, Tr(ctx, "admin.tab.touch_test"), wrap) + 0.5f * em;
    y += DrawText(ctx.fonts->body, ImVec2(x, y), p.text, intro, wrap) + 0.5f * em;
    y += DrawText(ctx.fonts->body_bold, ImVec2(x, y), p.text, size, wrap) + 0.3f * em;
    y += DrawText(ctx.fonts->body, ImVec2(x, y), p.text_muted, density, wrap) + 0.5f * em;
    const std::string count = std::to_string(view.touch_points.size());
    std::string last_text = Format(Tr(ctx, "admin.touch.count"), "n", count);
    if (!view.touch_points.empty())
        last_text = Format(Format(Format(Tr(ctx, "admin.touch.last"), "n", count), "x",
                                  std::to_string(static_cast<int>(std::lround(view.touch_points.back().x)))),
                           "y", std::to_string(static_cast<int>(std::lround(view.touch_points.back().y))));
    DrawText(ctx.fonts->body, ImVec2(x, y), p.text, last_text, wrap);
    if (Button(ctx, "admin:touch-test:back", back, back_min, back_max, ButtonStyle::Primary, Icon::Back))
        out.Add(core::AdminCloseTouchTest{});
    out.frame.animating |= io.MouseDown[0];
}
} // namespace kiosk::ui::admin
