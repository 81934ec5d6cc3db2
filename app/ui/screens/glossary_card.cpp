#include "ui/screens/glossary_card.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/ui_frame_scope.h"
#include "ui/ui_strings.h"
#include "ui/widgets/read_aloud.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
ScreenResult DrawGlossaryCard(const UiContext& ctx, const ScreenResult& under)
{
    ScreenResult result;
    result.animating = under.animating;
    const core::GlossaryTerm* term = ctx.pack->glossary.Find(ctx.visit->glossary_term);
    if (!term)
    {
        result.action = core::CloseGlossary{}; // a stale id (content reloaded): close, never strand
        return result;
    }
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const std::string& lang = ctx.visit->language;
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoBackground;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(m.screen_w, m.screen_h));
    ImGui::SetNextWindowFocus();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::Begin("##glossary-card", nullptr, flags);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const TouchState t = TouchArea(ctx, "glossary:card", ImVec2(0, 0), ImVec2(m.screen_w, m.screen_h));
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.screen_w, m.screen_h),
                      p.high_contrast ? IM_COL32(0, 0, 0, 200) : IM_COL32(0, 0, 0, 120));

    // A card about 30 em wide (a short line length), centred; its height follows the text.
    const float pad = 1.2f * m.em;
    const float card_w = std::min(m.screen_w - 2.0f * m.gap, 30.0f * m.em);
    const float text_w = card_w - 2.0f * pad;
    const std::string& heading = term->term.Get(lang);
    const std::string& body = term->definition.Get(lang);
    const std::string hint = Tr(ctx, "glossary.close_hint");
    const float heading_h = TextHeight(ctx.fonts->heading, heading, text_w);
    const float body_h = TextHeight(ctx.fonts->body, body, text_w);
    const float hint_h = TextHeight(ctx.fonts->body, hint, text_w);
    const core::SpeechTarget speech{core::SpeechTarget::Kind::GlossaryTerm, term->id, 0};
    const float read_h = SpeechAvailable(ctx) ? m.touch_min + 0.6f * m.em : 0.0f;
    const float card_h = std::min(m.screen_h - 2.0f * m.gap,
                                  pad + heading_h + 0.5f * m.em + body_h + 0.9f * m.em + read_h + hint_h + pad);
    const ImVec2 a(std::floor(0.5f * (m.screen_w - card_w)), std::floor(0.5f * (m.screen_h - card_h)));
    const ImVec2 b(a.x + card_w, a.y + card_h);
    dl->AddRectFilled(a, b, p.surface, 0.6f * m.em);
    dl->AddRect(a, b, p.accent, 0.6f * m.em, 0, std::max(2.0f, 0.12f * m.em));
    dl->PushClipRect(a, b, true);
    float y = a.y + pad;
    const float heading_y = y;
    y += DrawText(ctx.fonts->heading, ImVec2(a.x + pad, y), p.text, heading, text_w);
    ReadingMark(ctx, speech.Key(), "term", ImVec2(a.x + pad, heading_y), ImVec2(a.x + pad + text_w, y));
    y += 0.5f * m.em;
    const float body_y = y;
    y += DrawText(ctx.fonts->body, ImVec2(a.x + pad, y), p.text, body, text_w);
    ReadingMark(ctx, speech.Key(), "definition", ImVec2(a.x + pad, body_y), ImVec2(a.x + pad + text_w, y));
    y += 0.9f * m.em;
    // "Read aloud" takes its own tap; a tap anywhere else closes the card.
    core::VisitAction read;
    if (read_h > 0.0f)
    {
        read = ReadAloudButton(ctx, ImVec2(a.x + pad, y), speech);
        y += read_h;
    }
    DrawText(ctx.fonts->body, ImVec2(a.x + pad, y), p.text_muted, hint, text_w);
    dl->PopClipRect();
    ImGui::End();
    ImGui::PopStyleVar(2);
    if (!IsNone(read))
        result.action = read;
    else if (t.tapped)
        result.action = core::CloseGlossary{};
    return result;
}
} // namespace kiosk::ui
