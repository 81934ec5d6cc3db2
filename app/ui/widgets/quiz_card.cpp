#include "ui/widgets/quiz_card.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/ui_strings.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/image.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
float ImageWidth(const Metrics& m, float w)
{
    return std::floor(std::min(0.3f * w, 9.0f * m.em));
}

float TextBlock(const UiContext& ctx, ImVec2 pos, float w, ImU32 color, bool draw)
{
    const Metrics& m = ctx.metrics;
    const std::string title = Tr(ctx, "quiz.card_title");
    const std::string text = Tr(ctx, "quiz.card_text");
    float y = pos.y;
    if (draw)
        DrawText(ctx.fonts->title, ImVec2(pos.x, y), color, title, w);
    y += TextHeight(ctx.fonts->title, title, w) + 0.2f * m.em;
    if (draw)
        DrawText(ctx.fonts->body_bold, ImVec2(pos.x, y), color, text, w);
    y += TextHeight(ctx.fonts->body_bold, text, w);
    return y - pos.y;
}
} // namespace

float QuizCardHeight(const UiContext& ctx, float w)
{
    const Metrics& m = ctx.metrics;
    const float pad = 0.8f * m.em;
    const float img_w = ImageWidth(m, w);
    const float text_w = w - img_w - 3.0f * pad - 2.0f * m.em; // the arrow on the right
    return std::ceil(
        std::max({img_w * 2.0f / 3.0f, TextBlock(ctx, ImVec2(0, 0), text_w, 0, false) + 2.0f * pad, m.touch_min}));
}

bool DrawQuizCard(const UiContext& ctx, ImVec2 min, ImVec2 max)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const TouchState touch = TouchArea(ctx, "home:quiz", min, max);
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    if (max.y < clip_min.y || min.y > clip_max.y)
        return false;
    const float rounding = 0.5f * m.em, pad = 0.8f * m.em;
    if (!p.high_contrast)
        dl->AddRectFilled(ImVec2(min.x, min.y + 0.15f * m.em), ImVec2(max.x, max.y + 0.25f * m.em), p.shadow, rounding);
    // Accent-filled, so it stands out from the role cards without shouting.
    const ImU32 fill = touch.pressed ? p.accent_soft : p.accent;
    const ImU32 text = touch.pressed ? p.text : p.accent_text;
    dl->AddRectFilled(min, max, fill, rounding);
    const float img_w = ImageWidth(m, max.x - min.x);
    const auto& quiz = ctx.pack->quiz;
    DrawImage(ctx, quiz.illustration.empty() ? std::string() : ctx.pack->ResolvePath(quiz.illustration), min,
              ImVec2(min.x + img_w, max.y), ImageFit::Cover, 0.0f);
    const float text_w = max.x - min.x - img_w - 3.0f * pad - 2.0f * m.em;
    const float text_h = TextBlock(ctx, ImVec2(0, 0), text_w, 0, false);
    TextBlock(ctx, ImVec2(min.x + img_w + pad, min.y + std::floor(0.5f * (max.y - min.y - text_h))), text_w, text,
              true);
    DrawIcon(Icon::Forward, ImVec2(max.x - pad - m.em, 0.5f * (min.y + max.y)), 2.0f * m.em, text);
    const float stroke = std::max(1.0f, (p.high_contrast ? 0.1f : 0.04f) * m.em);
    dl->AddRect(min, max, touch.pressed ? p.accent : p.border, rounding, 0, touch.pressed ? 2.0f * stroke : stroke);
    return touch.tapped;
}
} // namespace kiosk::ui
