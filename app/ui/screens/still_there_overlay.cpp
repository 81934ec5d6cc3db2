#include "ui/screens/still_there_overlay.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/ui_frame_scope.h"
#include "ui/ui_strings.h"
#include "ui/widgets/button.h"
#include "ui/widgets/read_aloud.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace kiosk::ui
{
namespace
{
constexpr float kPi = 3.14159265358979f;

void BeginOverlayWindow(const UiContext& ctx)
{
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBackground;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(ctx.metrics.screen_w, ctx.metrics.screen_h));
    // Above the screen drawn earlier this frame, whichever window that was.
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##still-there", nullptr, flags);
    ImGui::PopStyleVar(2);
    ImGui::PushFont(ctx.fonts->body);
}

void EndOverlayWindow()
{
    ImGui::PopFont();
    ImGui::End();
}
} // namespace

UiFrame DrawStillThereOverlay(const UiContext& ctx_in, double seconds_left)
{
    IM_ASSERT(ctx_in.fonts);
    FrameScopeOptions options;
    options.high_contrast = ctx_in.visit->high_contrast;
    options.clear_hits = false;
    options.apply_theme = false;
    FrameScope scope(ctx_in, options);
    const UiContext& ctx = scope.Context();
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const float em = m.em;

    const double total =
        ctx.pack && ctx.pack->settings.timings.countdown_s > 0 ? ctx.pack->settings.timings.countdown_s : 10.0;
    const double left = std::isfinite(seconds_left) ? std::clamp(seconds_left, 0.0, total) : 0.0;
    const float fraction = static_cast<float>(left / total);
    const int number = static_cast<int>(std::ceil(left));

    BeginOverlayWindow(ctx);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    TouchArea(ctx, "idle:still-there", ImVec2(0, 0), ImVec2(m.screen_w, m.screen_h));
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.screen_w, m.screen_h), p.scrim);

    // The card: title, ring with the number, the instruction.
    const std::string title = Tr(ctx, "idle.still_there");
    const std::string hint = Tr(ctx, "idle.tap_to_continue");
    const float card_w =
        std::min(m.screen_w - 2.0f * m.gap, std::max(22.0f * em, TextWidth(ctx.fonts->title, title) + 3.0f * em));
    const float wrap = card_w - 2.5f * em;
    const float radius = 3.2f * em;
    const float pad = 1.4f * em;
    const float title_h = TextHeight(ctx.fonts->title, title, wrap);
    const float hint_h = TextHeight(ctx.fonts->heading, hint, wrap);
    // "More time": big (1.5 touch targets high, the heading font), the card's whole width.
    const float more_h = std::floor(1.5f * m.touch_min);
    const core::SpeechTarget speech{core::SpeechTarget::Kind::StillThere, std::string(), 0};
    const float read_h = SpeechAvailable(ctx) ? m.gap + m.touch_min : 0.0f;
    const float card_h = pad + title_h + em + 2.0f * radius + em + hint_h + em + more_h + read_h + pad;
    const ImVec2 min(std::floor(0.5f * (m.screen_w - card_w)), std::floor(0.5f * (m.screen_h - card_h)));
    const ImVec2 max(min.x + card_w, min.y + card_h);
    dl->AddRectFilled(min, max, p.surface, 0.8f * em);
    if (p.high_contrast)
        dl->AddRect(min, max, p.border, 0.8f * em, 0, std::max(2.0f, 0.1f * em));
    const float cx = 0.5f * (min.x + max.x);
    float y = min.y + pad;
    y += DrawTextCenteredWrapped(ctx.fonts->title, cx, y, p.text, title, wrap) + em;

    // The ring: a faint full circle, and the time left as an accent arc from twelve o'clock.
    const ImVec2 c(cx, y + radius);
    const float thickness = 0.45f * em;
    dl->AddCircle(c, radius - 0.5f * thickness, p.track, 64, thickness);
    if (fraction > 0.0f)
    {
        const float a0 = -0.5f * kPi;
        dl->PathArcTo(c, radius - 0.5f * thickness, a0, a0 + 2.0f * kPi * fraction,
                      std::max(8, static_cast<int>(64 * fraction)));
        dl->PathStroke(p.accent, 0, thickness);
    }
    const std::string digits = std::to_string(number);
    DrawTextCentered(ctx.fonts->display, ImVec2(c.x - radius, c.y - radius), ImVec2(c.x + radius, c.y + radius), p.text,
                     digits);
    y += 2.0f * radius + em;
    y += DrawTextCenteredWrapped(ctx.fonts->heading, cx, y, p.text, hint, wrap) + em;
    ReadingMark(ctx, speech.Key(), "prompt", ImVec2(min.x + 1.25f * em, min.y + pad), ImVec2(max.x, y - em));
    ReadingMark(ctx, speech.Key(), "countdown", ImVec2(min.x + 1.25f * em, c.y - radius), ImVec2(max.x, c.y + radius));

    UiFrame frame;
    frame.animating = true;
    frame.screen = ctx.visit->screen;
    const float bx0 = min.x + 1.25f * em, bx1 = max.x - 1.25f * em;
    // The default look centres icon and label as a group in a wide button.
    if (TouchButton(ctx, ImVec2(bx0, y), ImVec2(bx1, y + more_h),
                    ButtonSpec{"idle:more-time", Tr(ctx, "idle.more_time"), Icon::Plus, ButtonKind::Primary,
                               ctx.fonts->heading}))
        frame.actions.push_back(core::MoreTime{});
    y += more_h;
    if (read_h > 0.0f)
    {
        const float rw = std::min(bx1 - bx0, ReadAloudWidth(ctx, speech));
        const core::VisitAction read = ReadAloudButton(ctx, ImVec2(std::floor(cx - 0.5f * rw), y + m.gap), speech, rw);
        if (!IsNone(read))
            frame.actions.push_back(read);
    }
    EndOverlayWindow();
    return frame;
}
} // namespace kiosk::ui
