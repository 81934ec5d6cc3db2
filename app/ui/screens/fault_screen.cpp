// Fault screen for staff, shown when the content pack cannot be loaded at start-up: a calm
// heading, what to do, and every diagnostic as FILE:LINE:COLUMN: message (a JSON syntax error
// with its line and a caret under the mistake), scrollable by finger, with a "Try again" button (ReloadContent). It
// needs no pack: its words are the interface strings "fault.*", which without a pack show their English fallbacks
// (core/content/interface_strings.h), so it draws even when nothing else can.
#include "ui/fonts.h"
#include "ui/screens/chrome.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/ui_strings.h"
#include "ui/widgets/button.h"
#include "ui/widgets/drag_scroll.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiosk::ui
{
namespace
{
// The offending line of a JSON syntax error and a caret under the mistake (Diagnostic::excerpt,
// "   12 | text" over "      |    ^"). The body font is not monospaced, so the caret is placed
// under the character it points at by measuring the text before it, not by counting spaces.
// Returns the height used (0 for no excerpt).
float Excerpt(const UiContext& ctx, const std::string& excerpt, float x, float y, float width, bool draw)
{
    const size_t nl = excerpt.find('\n');
    const size_t bar = excerpt.find(" | ");
    if (excerpt.empty() || nl == std::string::npos || bar == std::string::npos || bar > nl)
        return 0.0f;
    const std::string number = excerpt.substr(0, bar), text = excerpt.substr(bar + 3, nl - bar - 3);
    const size_t under_at = excerpt.find(" | ", nl);
    if (under_at == std::string::npos)
        return 0.0f;
    // Characters before the caret: the marks on the second line before '^' (one per character).
    size_t before = 0;
    for (size_t i = under_at + 3; i < excerpt.size() && excerpt[i] != '^'; ++i)
        ++before;
    size_t cut = 0; // byte offset of that many UTF-8 characters into `text`
    for (size_t k = 0; k < before && cut < text.size(); ++k)
        do
            ++cut;
        while (cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80);
    ImFont* font = ctx.fonts->body;
    const float line_h = TextHeight(font, "Ag", 1e6f);
    if (draw)
    {
        const Palette& p = *ctx.palette;
        const float number_w = TextWidth(font, number + " ");
        const float text_x = x + number_w;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(ImVec2(x - 0.3f * ctx.metrics.em, y), ImVec2(x + width, y + 2.0f * line_h), p.surface,
                          0.2f * ctx.metrics.em);
        dl->PushClipRect(ImVec2(x, y), ImVec2(x + width, y + 2.0f * line_h), true);
        dl->AddText(font, font->FontSize, ImVec2(x, y), p.text_muted, number.c_str(), number.c_str() + number.size());
        dl->AddText(font, font->FontSize, ImVec2(text_x, y), p.text, text.c_str(), text.c_str() + text.size());
        const float caret_x = text_x + TextWidth(font, text.substr(0, cut));
        const float char_w = cut < text.size() ? TextWidth(font, text.substr(cut, 1)) : TextWidth(font, " ");
        const std::string caret = "^";
        dl->AddText(
            ctx.fonts->body_bold, font->FontSize,
            ImVec2(std::floor(caret_x + 0.5f * char_w - 0.5f * TextWidth(ctx.fonts->body_bold, caret)), y + line_h),
            p.text, caret.c_str(), caret.c_str() + caret.size());
        dl->PopClipRect();
        NoteDrawnText(number + " | " + text);
        NoteDrawnText(excerpt.substr(nl + 1)); // the caret line as the validator printed it
    }
    return 2.0f * line_h;
}

float List(const UiContext& ctx, const kiosk::core::DiagnosticList& diagnostics, float x, float width, float top,
           bool draw)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    float y = top;
    // Errors first (what stops the kiosk), then warnings, each in file order.
    std::vector<const kiosk::core::Diagnostic*> ordered;
    for (const auto& d : diagnostics.items)
        if (d.severity == kiosk::core::Severity::Error)
            ordered.push_back(&d);
    for (const auto& d : diagnostics.items)
        if (d.severity != kiosk::core::Severity::Error)
            ordered.push_back(&d);
    for (const kiosk::core::Diagnostic* item : ordered)
    {
        const kiosk::core::Diagnostic& d = *item;
        const std::string line = kiosk::core::FormatDiagnostic(d);
        const bool error = d.severity == kiosk::core::Severity::Error;
        const float h = TextHeight(ctx.fonts->body, line, width - 1.2f * m.em);
        if (draw)
        {
            ImDrawList* dl = ImGui::GetWindowDrawList();
            // Severity by shape as well as colour: a filled mark for errors, an outline for warnings.
            const ImVec2 c(x + 0.4f * m.em, y + 0.62f * m.em);
            if (error)
                dl->AddRectFilled(ImVec2(c.x - 0.25f * m.em, c.y - 0.25f * m.em),
                                  ImVec2(c.x + 0.25f * m.em, c.y + 0.25f * m.em), p.text);
            else
                dl->AddRect(ImVec2(c.x - 0.25f * m.em, c.y - 0.25f * m.em),
                            ImVec2(c.x + 0.25f * m.em, c.y + 0.25f * m.em), p.text, 0.0f, 0,
                            std::max(1.5f, 0.08f * m.em));
            DrawText(error ? ctx.fonts->body_bold : ctx.fonts->body, ImVec2(x + 1.2f * m.em, y), p.text, line,
                     width - 1.2f * m.em);
        }
        y += h;
        if (const float e = Excerpt(ctx, d.excerpt, x + 1.2f * m.em, y + 0.2f * m.em, width - 1.2f * m.em, draw); e > 0)
            y += e + 0.2f * m.em;
        y += 0.5f * m.em;
    }
    if (diagnostics.items.empty())
    {
        if (draw)
            DrawText(ctx.fonts->body, ImVec2(x, y), p.text, Tr(ctx, "fault.no_details"), width);
        y += 1.5f * m.em;
    }
    return y - top;
}
} // namespace

ScreenResult DrawFaultScreen(const UiContext& ctx, VisitView& view, const kiosk::core::DiagnosticList& diagnostics)
{
    ScreenResult result;
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    BeginScreenWindow("##fault", ctx);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float margin = PageMargin(m);
    const float width = std::min(m.screen_w - 2.0f * margin, 48.0f * m.em);
    const float x = std::floor(0.5f * (m.screen_w - width));

    float y = 2.0f * m.gap;
    y += DrawText(ctx.fonts->title, ImVec2(x, y), p.text, Tr(ctx, "fault.title"), width) + 0.5f * m.em;
    y += DrawText(ctx.fonts->body, ImVec2(x, y), p.text, Tr(ctx, "fault.body"), width) + 0.5f * m.em;
    const std::string count =
        Format(Format(Tr(ctx, "fault.counts"), "errors", std::to_string(diagnostics.ErrorCount())), "warnings",
               std::to_string(diagnostics.WarningCount()));
    y += DrawText(ctx.fonts->body_bold, ImVec2(x, y), p.text, count, width) + m.gap;

    const float button_h = m.touch_min;
    const float footer = button_h + 2.0f * m.gap;
    const ImVec2 list_min(0.0f, y), list_max(m.screen_w, m.screen_h - footer);
    dl->AddLine(ImVec2(x, list_min.y), ImVec2(x + width, list_min.y), p.border, std::max(1.0f, 0.06f * m.em));
    const float list_h = List(ctx, diagnostics, x, width, 0.0f, false) + m.gap;
    result.animating |= UpdateDragScroll(ctx, list_min, list_max, list_h,
                                         ScrollState{&view.fault_scroll_y, &view.fault_scroll_velocity});
    dl->PushClipRect(list_min, list_max, true);
    List(ctx, diagnostics, x, width, list_min.y + m.gap - std::round(view.fault_scroll_y), true);
    dl->PopClipRect();
    DrawScrollCue(ctx, list_min, list_max, list_h, view.fault_scroll_y);
    dl->AddLine(ImVec2(x, list_max.y), ImVec2(x + width, list_max.y), p.border, std::max(1.0f, 0.06f * m.em));

    ButtonSpec retry{"fault:reload", Tr(ctx, "fault.try_again"), std::nullopt, ButtonKind::Primary, nullptr};
    const float w = std::max(ButtonWidth(ctx, retry), 10.0f * m.em);
    if (TouchButton(ctx, ImVec2(x, m.screen_h - m.gap - button_h), ImVec2(x + w, m.screen_h - m.gap), retry))
        result.action = core::ReloadContent{};
    EndScreenWindow();
    return result;
}
} // namespace kiosk::ui
