// "What could you do?": the quiz, one question per screen, then the result.
//
// Index
//   1. Question: progress, the question, big illustrated answer cards, "Not sure", previous
//   2. Result: three roles with their illustration, what they do and why they fit; each opens the
//      role page or asks "Where are you now?" and opens the route on the flowchart
//   3. DrawQuizScreen
//
// Everything the visitor chose lives in the core (VisitState::quiz); this file draws it and returns
// actions. The top bar's Back goes to the previous question (to change an answer); Home leaves.
#include "core/quiz/quiz_score.h"
#include "ui/fonts.h"
#include "ui/screens/chrome.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/ui_strings.h"
#include "ui/widgets/button.h"
#include "ui/widgets/drag_scroll.h"
#include "ui/widgets/image.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
using kiosk::core::Quiz;
using kiosk::core::QuizAnswer;
using kiosk::core::QuizQuestion;

// --- 1. Question ---------------------------------------------------------------------------------

// An answer card: the illustration above, the label below, centred. Returns true when tapped.
bool DrawAnswerCard(const UiContext& ctx, const std::string& hit_id, const std::string& image, const std::string& label,
                    ImVec2 min, ImVec2 max)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const TouchState touch = TouchArea(ctx, hit_id, min, max);
    const float rounding = 0.5f * m.em;
    if (!p.high_contrast)
        dl->AddRectFilled(ImVec2(min.x, min.y + 0.15f * m.em), ImVec2(max.x, max.y + 0.25f * m.em), p.shadow, rounding);
    dl->AddRectFilled(min, max, touch.pressed ? p.accent_soft : p.surface, rounding);
    const float pad = 0.6f * m.em;
    const float w = max.x - min.x - 2.0f * pad;
    const float label_h = TextHeight(ctx.fonts->heading, label, w);
    const float side = std::floor(std::max(0.0f, std::min(w, max.y - min.y - label_h - 3.0f * pad)));
    const float cx = 0.5f * (min.x + max.x);
    const float block_h = side + (side > 0.0f ? pad : 0.0f) + label_h;
    float y = min.y + std::max(pad, std::floor(0.5f * (max.y - min.y - block_h)));
    if (side >= 2.0f * m.em)
    {
        DrawImage(ctx, image, ImVec2(cx - 0.5f * side, y), ImVec2(cx + 0.5f * side, y + side), ImageFit::Contain,
                  0.3f * m.em);
        y += side + pad;
    }
    DrawTextCenteredWrapped(ctx.fonts->heading, cx, y, p.text, label, w);
    const float stroke = std::max(1.0f, (p.high_contrast ? 0.1f : 0.06f) * m.em);
    dl->AddRect(min, max, touch.pressed ? p.accent : p.border, rounding, 0, touch.pressed ? 2.0f * stroke : stroke);
    return touch.tapped;
}

// "Question 2 of 6" and a row of segments, one per question, the answered ones filled.
float DrawProgress(const UiContext& ctx, size_t question, size_t total, float x0, float x1, float y)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::string text = Format(Tr(ctx, "quiz.progress"), "n", std::to_string(question + 1));
    text = Format(text, "total", std::to_string(total));
    const float text_w = TextWidth(ctx.fonts->body_bold, text);
    DrawText(ctx.fonts->body_bold, ImVec2(x0, y), p.text, text, 0.0f);
    const float bar_x0 = x0 + text_w + m.em;
    const float seg_gap = 0.3f * m.em;
    const float seg_w = std::max(0.5f * m.em, (x1 - bar_x0 - (float)(total - 1) * seg_gap) / (float)total);
    const float seg_h = std::max(4.0f, 0.45f * m.em);
    const float seg_y = y + 0.5f * (ctx.fonts->body_bold->FontSize - seg_h);
    for (size_t i = 0; i < total; i++)
    {
        const ImVec2 a(bar_x0 + (float)i * (seg_w + seg_gap), seg_y), b(a.x + seg_w, seg_y + seg_h);
        if (i <= question)
            dl->AddRectFilled(a, b, p.accent, 0.5f * seg_h);
        else
            dl->AddRect(a, b, p.border, 0.5f * seg_h, 0, std::max(1.0f, 0.08f * m.em));
    }
    return ctx.fonts->body_bold->FontSize;
}

core::VisitAction DrawQuestion(const UiContext& ctx, const ChromeLayout& chrome, const Quiz& quiz, size_t index)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const std::string& lang = ctx.visit->language;
    const QuizQuestion& q = quiz.questions[index];
    core::VisitAction action;

    const float margin = PageMargin(m);
    const float x0 = margin, x1 = m.screen_w - margin, w = x1 - x0;
    float y = chrome.content_top + m.gap;
    y += DrawProgress(ctx, index, quiz.questions.size(), x0, x1, y) + m.gap;
    const std::string& text = q.text.Get(lang);
    ImFont* qfont = TextHeight(ctx.fonts->title, text, w) <= 2.6f * ctx.fonts->title->FontSize ? ctx.fonts->title
                                                                                               : ctx.fonts->heading;
    y += DrawTextCenteredWrapped(qfont, 0.5f * m.screen_w, y, p.text, text, w) + m.gap;

    // The bottom row: "Not sure" always, "Previous question" from the second question on.
    const float row_h = std::max(1.2f * m.touch_min, 2.4f * m.em);
    const float row_y = chrome.content_bottom - m.gap - row_h;
    const bool has_previous = index > 0;
    const float row_w = has_previous ? std::floor(0.5f * (w - m.gap)) : std::min(w, 16.0f * m.em);
    const float unsure_x = has_previous ? x0 + row_w + m.gap : 0.5f * (m.screen_w - row_w);
    if (has_previous)
    {
        ButtonSpec prev{"quiz:previous", Tr(ctx, "quiz.previous"), Icon::Back, ButtonKind::Secondary,
                        ctx.fonts->body_bold};
        if (TouchButton(ctx, ImVec2(x0, row_y), ImVec2(x0 + row_w, row_y + row_h), prev))
            action = core::QuizPrevious{};
    }
    ButtonSpec unsure{"quiz:not-sure", Tr(ctx, "quiz.not_sure"), std::nullopt, ButtonKind::Secondary,
                      ctx.fonts->heading};
    if (TouchButton(ctx, ImVec2(unsure_x, row_y), ImVec2(unsure_x + row_w, row_y + row_h), unsure))
        action = core::AnswerQuiz{q.id, core::kQuizNotSure};

    // The answers fill what is left: one row on a wide screen, two columns on a tall or narrow one.
    const int count = static_cast<int>(q.answers.size());
    const bool one_row = !m.portrait() && w >= (float)count * 10.0f * m.em;
    const int columns = one_row ? count : std::min(count, 2);
    const int rows = (count + columns - 1) / columns;
    const float area_h = row_y - m.gap - y;
    const float card_w = std::floor((w - (float)(columns - 1) * m.gap) / (float)columns);
    const float card_h = std::floor(std::min((area_h - (float)(rows - 1) * m.gap) / (float)rows, 1.3f * card_w));
    const float grid_h = (float)rows * card_h + (float)(rows - 1) * m.gap;
    const float top = y + std::floor(0.5f * (area_h - grid_h));
    for (int i = 0; i < count; i++)
    {
        const QuizAnswer& a = q.answers[(size_t)i];
        const int row = i / columns, col = i % columns;
        // A last row with fewer cards is centred.
        const int in_row = std::min(columns, count - row * columns);
        const float row_x0 = x0 + 0.5f * (w - ((float)in_row * card_w + (float)(in_row - 1) * m.gap));
        const ImVec2 min(std::floor(row_x0 + (float)col * (card_w + m.gap)), top + (float)row * (card_h + m.gap));
        const std::string image = a.illustration.empty() ? std::string() : ctx.pack->ResolvePath(a.illustration);
        if (DrawAnswerCard(ctx, "quiz-answer:" + a.id, image, a.label.Get(lang), min,
                           ImVec2(min.x + card_w, min.y + card_h)))
            action = core::AnswerQuiz{q.id, a.id};
    }
    return action;
}

// --- 2. Result -----------------------------------------------------------------------------------

std::string ReasonLine(const UiContext& ctx, const core::QuizMatch& match)
{
    if (match.reasons.empty())
        return {};
    const std::string& lang = ctx.visit->language;
    std::string reasons = match.reasons[0]->reason.Get(lang);
    if (match.reasons.size() > 1)
        reasons += Tr(ctx, "quiz.and") + match.reasons[1]->reason.Get(lang);
    return Format(Tr(ctx, "quiz.because"), "reasons", reasons);
}

struct ResultCardLayout
{
    float image_w = 0.0f; // illustration on the left (0 on narrow cards: image on top)
    float image_h = 0.0f;
    float height = 0.0f;
};

float ResultButtonsHeight(const Metrics& m)
{
    return std::max(m.touch_min, 2.2f * m.em);
}

// The text of a result card: title, what the role does, why it fits. Returns its height.
float ResultText(const UiContext& ctx, const core::Role& role, const std::string& reason, ImVec2 pos, float w,
                 bool draw)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const std::string& lang = ctx.visit->language;
    float y = pos.y;
    const std::string& title = role.title.Get(lang);
    if (draw)
        DrawText(ctx.fonts->heading, ImVec2(pos.x, y), p.text, title, w);
    y += TextHeight(ctx.fonts->heading, title, w) + 0.25f * m.em;
    const std::string& tagline = role.tagline.Get(lang);
    if (draw)
        DrawText(ctx.fonts->body, ImVec2(pos.x, y), p.text_muted, tagline, w);
    y += TextHeight(ctx.fonts->body, tagline, w);
    if (!reason.empty())
    {
        y += 0.4f * m.em;
        if (draw)
            DrawText(ctx.fonts->body_bold, ImVec2(pos.x, y), p.text, reason, w);
        y += TextHeight(ctx.fonts->body_bold, reason, w);
    }
    return y - pos.y;
}

ResultCardLayout LayoutResultCard(const UiContext& ctx, const core::Role& role, const std::string& reason, float w,
                                  bool side_image)
{
    const Metrics& m = ctx.metrics;
    const float pad = 0.7f * m.em;
    ResultCardLayout l;
    if (side_image)
    {
        l.image_w = std::floor(std::min(0.3f * w, 9.0f * m.em));
        l.image_h = std::floor(l.image_w * 2.0f / 3.0f);
        const float text_h = ResultText(ctx, role, reason, ImVec2(0, 0), w - l.image_w - 3.0f * pad, false);
        l.height = std::ceil(std::max(l.image_h, text_h) + ResultButtonsHeight(m) + 3.0f * pad);
    }
    else
    {
        l.image_h = std::floor(std::min(w * 2.0f / 3.0f, 7.0f * m.em));
        const float text_h = ResultText(ctx, role, reason, ImVec2(0, 0), w - 2.0f * pad, false);
        l.height = std::ceil(l.image_h + text_h + ResultButtonsHeight(m) + 4.0f * pad); // a gap above the buttons
    }
    return l;
}

core::VisitAction DrawResultCard(const UiContext& ctx, const core::Role& role, const std::string& reason,
                                 const ResultCardLayout& l, ImVec2 min, ImVec2 max)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    core::VisitAction action;
    const float rounding = 0.5f * m.em, pad = 0.7f * m.em;
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    if (max.y < clip_min.y || min.y > clip_max.y)
        return action;
    if (!p.high_contrast)
        dl->AddRectFilled(ImVec2(min.x, min.y + 0.15f * m.em), ImVec2(max.x, max.y + 0.25f * m.em), p.shadow, rounding);
    dl->AddRectFilled(min, max, p.surface, rounding);
    dl->AddRectFilled(min, ImVec2(max.x, min.y + std::max(3.0f, 0.3f * m.em)), FamilyColor(ctx.pack, role.family, p),
                      rounding, ImDrawFlags_RoundCornersTop);
    const std::string image = role.illustration.empty() ? std::string() : ctx.pack->ResolvePath(role.illustration);
    float text_x = min.x + pad, text_y = min.y + pad, text_w = max.x - min.x - 2.0f * pad;
    if (l.image_w > 0.0f)
    {
        DrawImage(ctx, image, ImVec2(min.x + pad, min.y + pad),
                  ImVec2(min.x + pad + l.image_w, min.y + pad + l.image_h), ImageFit::Cover, 0.3f * m.em);
        text_x += l.image_w + pad;
        text_w -= l.image_w + pad;
    }
    else
    {
        DrawImage(ctx, image, ImVec2(min.x + pad, min.y + pad), ImVec2(max.x - pad, min.y + pad + l.image_h),
                  ImageFit::Cover, 0.3f * m.em);
        text_y += l.image_h + pad;
    }
    ResultText(ctx, role, reason, ImVec2(text_x, text_y), text_w, true);
    // Two buttons along the bottom: the role page, and the route from where the visitor is now.
    const float bh = ResultButtonsHeight(m);
    const float by = max.y - pad - bh;
    const float bw = std::floor(0.5f * (max.x - min.x - 3.0f * pad));
    ButtonSpec open{"quiz-open:" + role.id, Tr(ctx, "quiz.open_role"), Icon::Forward, ButtonKind::Primary,
                    ctx.fonts->body_bold};
    if (TouchButton(ctx, ImVec2(min.x + pad, by), ImVec2(min.x + pad + bw, by + bh), open))
        action = core::OpenRole{role.id};
    ButtonSpec route{"quiz-route:" + role.id, Tr(ctx, "quiz.show_route"), Icon::Route, ButtonKind::Secondary,
                     ctx.fonts->body_bold};
    if (TouchButton(ctx, ImVec2(max.x - pad - bw, by), ImVec2(max.x - pad, by + bh), route))
        action = core::QuizShowRoute{role.id};
    const float stroke = std::max(1.0f, (p.high_contrast ? 0.1f : 0.04f) * m.em);
    dl->AddRect(min, max, p.border, rounding, 0, stroke);
    return action;
}

// "Where are you now?": the flowchart's start points as big buttons, on a panel in place of the
// result. Choosing one opens the flowchart with that start and the role lit; the back arrow (or the
// bar's Back) returns to the result.
core::VisitAction DrawWhereNow(const UiContext& ctx, const ChromeLayout& chrome, const std::string& role_id)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    core::VisitAction action;
    const std::string& lang = ctx.visit->language;
    const auto& starts = ctx.pack->pathway.starts;
    const core::Role* role = ctx.pack->FindRole(role_id);
    const float w = std::min(m.screen_w - 2.0f * m.gap, 34.0f * m.em);
    const float bh = std::max(m.touch_min, 2.2f * m.em);
    const int columns = w >= 28.0f * m.em && starts.size() > 3 ? 2 : 1;
    const int rows = ((int)starts.size() + columns - 1) / columns;
    const std::string title = Tr(ctx, "quiz.where_now");
    const std::string sub = role ? role->title.Get(lang) : std::string();
    const float pad = m.em;
    const float head_h = std::max(TextHeight(ctx.fonts->title, title, w - 2.0f * pad - bh - m.gap), bh) + 0.3f * m.em +
                         TextHeight(ctx.fonts->body, sub, w - 2.0f * pad);
    const float h = std::min(chrome.content_bottom - chrome.content_top - 2.0f * m.gap,
                             2.0f * pad + head_h + m.gap + (float)rows * (bh + m.gap));
    const float bar_h = chrome.content_top;
    // Centred; as low as it goes (within reach) when the controls are at the bottom.
    const float share = chrome.at_bottom ? 1.0f : 0.5f;
    const ImVec2 min(std::floor(0.5f * (m.screen_w - w)),
                     std::floor(bar_h + std::max(m.gap, share * (chrome.content_bottom - bar_h - h) -
                                                            (chrome.at_bottom ? m.gap : 0.0f))));
    const ImVec2 max(min.x + w, min.y + h);
    dl->AddRectFilled(min, max, p.surface, 0.6f * m.em);
    dl->AddRect(min, max, p.border, 0.6f * m.em, 0, std::max(1.0f, 0.08f * m.em));
    DrawText(ctx.fonts->title, ImVec2(min.x + pad, min.y + pad), p.text, title, w - 2.0f * pad - bh - m.gap);
    DrawText(ctx.fonts->body, ImVec2(min.x + pad, min.y + pad + std::max(TextHeight(ctx.fonts->title, title, w), bh)),
             p.text_muted, sub, w - 2.0f * pad);
    ButtonSpec close{"quiz:where-now-close", "", Icon::Back, ButtonKind::Secondary, ctx.fonts->body_bold};
    if (TouchButton(ctx, ImVec2(max.x - pad - bh, min.y + pad), ImVec2(max.x - pad, min.y + pad + bh), close))
        action = core::QuizShowRoute{""};
    const float cw = std::floor((w - 2.0f * pad - (float)(columns - 1) * m.gap) / (float)columns);
    const float y0 = min.y + pad + head_h + m.gap;
    for (size_t i = 0; i < starts.size(); i++)
    {
        const int r = (int)i / columns, c = (int)i % columns;
        const ImVec2 a(min.x + pad + (float)c * (cw + m.gap), y0 + (float)r * (bh + m.gap));
        ButtonSpec start{"quiz-start:" + starts[i].id, starts[i].title.Get(lang), std::nullopt, ButtonKind::Primary,
                         ctx.fonts->body_bold};
        if (TouchButton(ctx, a, ImVec2(a.x + cw, a.y + bh), start))
            action = core::OpenPathway{"", starts[i].id, role_id};
    }
    return action;
}

core::VisitAction DrawResult(const UiContext& ctx, const ChromeLayout& chrome, VisitView& view, bool* animating)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const Quiz& quiz = ctx.pack->quiz;
    core::VisitAction action;
    const core::QuizResult result = core::ScoreQuiz(quiz, ctx.visit->quiz.answers);

    const float margin = PageMargin(m);
    const float x0 = margin, w = m.screen_w - 2.0f * margin;
    const float bar_h = chrome.content_top;
    const float foot_h = std::max(1.2f * m.touch_min, 2.4f * m.em);
    const ImVec2 view_min(0.0f, bar_h), view_max(m.screen_w, chrome.content_bottom - foot_h - 2.0f * m.gap);

    // Layout first: heading, intro (or the gentle "not sure" message), then the cards.
    const std::string heading = Tr(ctx, "quiz.result_title");
    const std::string intro = Tr(ctx, result.mostly_unsure ? "quiz.unsure" : "quiz.result_intro");
    std::vector<const core::Role*> roles;
    std::vector<std::string> reasons;
    for (const core::QuizMatch& match : result.matches)
        if (const core::Role* role = ctx.pack->FindRole(match.role_id))
        {
            roles.push_back(role);
            reasons.push_back(ReasonLine(ctx, match));
        }
    const int n = static_cast<int>(roles.size());
    // Side by side when each card keeps a readable width; else one under another, image on the left.
    const bool columns = n > 0 && w >= (float)n * 17.0f * m.em && !m.portrait();
    const float card_w = columns ? std::floor((w - (float)(n - 1) * m.gap) / (float)n) : w;
    std::vector<ResultCardLayout> layouts;
    float cards_h = 0.0f;
    for (int i = 0; i < n; i++)
    {
        layouts.push_back(LayoutResultCard(ctx, *roles[(size_t)i], reasons[(size_t)i], card_w, !columns));
        cards_h = columns ? std::max(cards_h, layouts.back().height) : cards_h + layouts.back().height + m.gap;
    }
    const float head_h = TextHeight(ctx.fonts->title, heading, w) + 0.3f * m.em + TextHeight(ctx.fonts->body, intro, w);
    const float content_h = m.gap + head_h + m.gap + cards_h + m.gap;
    *animating |=
        UpdateDragScroll(ctx, view_min, view_max, content_h, ScrollState{&view.scroll_y, &view.scroll_velocity});

    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(view_min, view_max, true);
    float y = view_min.y + m.gap - std::round(view.scroll_y);
    y += DrawText(ctx.fonts->title, ImVec2(x0, y), p.text, heading, w) + 0.3f * m.em;
    y += DrawText(ctx.fonts->body, ImVec2(x0, y), p.text, intro, w) + m.gap;
    for (int i = 0; i < n; i++)
    {
        const ResultCardLayout& l = layouts[(size_t)i];
        const float h = columns ? cards_h : l.height;
        const ImVec2 a(columns ? x0 + (float)i * (card_w + m.gap) : x0, y);
        const core::VisitAction card =
            DrawResultCard(ctx, *roles[(size_t)i], reasons[(size_t)i], l, a, ImVec2(a.x + card_w, a.y + h));
        if (!IsNone(card))
            action = card;
        if (!columns)
            y += h + m.gap;
    }
    dl->PopClipRect();
    DrawScrollCue(ctx, view_min, view_max, content_h, view.scroll_y);
    dl->AddLine(ImVec2(0, view_max.y), ImVec2(m.screen_w, view_max.y), p.border, std::max(1.0f, 0.06f * m.em));

    // The footer: change the last answer, or start again.
    const float fy = view_max.y + m.gap;
    const float bw = std::floor(std::min(0.5f * (w - m.gap), 16.0f * m.em));
    ButtonSpec prev{"quiz:previous", Tr(ctx, "quiz.previous"), Icon::Back, ButtonKind::Secondary, ctx.fonts->body_bold};
    if (TouchButton(ctx, ImVec2(x0, fy), ImVec2(x0 + bw, fy + foot_h), prev))
        action = core::QuizPrevious{};
    ButtonSpec again{"quiz:again", Tr(ctx, "quiz.again"), std::nullopt, ButtonKind::Secondary, ctx.fonts->body_bold};
    if (TouchButton(ctx, ImVec2(x0 + w - bw, fy), ImVec2(x0 + w, fy + foot_h), again))
        action = core::StartQuiz{};
    return action;
}
} // namespace

// --- 3. DrawQuizScreen -----------------------------------------------------------------------------

ScreenResult DrawQuizScreen(const UiContext& ctx, VisitView& view)
{
    ScreenResult result;
    BeginScreenWindow("##quiz", ctx);
    const Quiz& quiz = ctx.pack->quiz;
    const core::QuizProgress& progress = ctx.visit->quiz;
    const bool finished = core::QuizFinished(*ctx.visit, *ctx.pack);
    const bool where_now = finished && !progress.route_role.empty();
    const TopBarSpec bar_spec{true, true, Tr(ctx, "quiz.title")};
    const ChromeLayout chrome = LayoutChrome(ctx, bar_spec);
    if (!quiz.Empty() && !where_now)
    {
        if (finished)
            result.action = DrawResult(ctx, chrome, view, &result.animating);
        else if (progress.Question() < quiz.questions.size())
            result.action = DrawQuestion(ctx, chrome, quiz, progress.Question());
    }
    else if (where_now)
        result.action = DrawWhereNow(ctx, chrome, progress.route_role);
    core::VisitAction bar = DrawChrome(ctx, bar_spec, chrome);
    // Back steps back within the quiz: "Where are you now?" closes, else the previous answer opens
    // for changing; on the first question Back leaves the quiz.
    if (std::holds_alternative<core::Back>(bar) && where_now)
        bar = core::QuizShowRoute{""};
    else if (std::holds_alternative<core::Back>(bar) && !progress.answers.empty())
        bar = core::QuizPrevious{};
    if (!IsNone(bar))
        result.action = bar;
    EndScreenWindow();
    return result;
}
} // namespace kiosk::ui
