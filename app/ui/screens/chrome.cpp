#include "ui/screens/chrome.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/ui_strings.h"
#include "ui/widgets/button.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
void BeginScreenWindow(const char* name, const UiContext& ctx)
{
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoFocusOnAppearing;
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(ctx.metrics.screen_w, ctx.metrics.screen_h));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ctx.palette->background);
    ImGui::Begin(name, nullptr, flags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
    ImGui::PushFont(ctx.fonts->body);
}

void EndScreenWindow()
{
    ImGui::PopFont();
    ImGui::End();
}

float TopBarHeight(const Metrics& metrics)
{
    // The buttons keep at least 2.5 mm from content scrolling under the bar (targets 2 mm apart).
    return metrics.touch_min + 2.0f * std::max(0.75f * metrics.gap, 2.5f * metrics.px_per_mm);
}

float PageMargin(const Metrics& metrics)
{
    return std::max(metrics.gap, 0.9f * metrics.em);
}

core::VisitAction DrawTopBar(const UiContext& ctx, const TopBarSpec& spec)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const float em = m.em;
    const float bar_h = TopBarHeight(m);
    const float margin = PageMargin(m);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.screen_w, bar_h), p.bar);
    if (p.high_contrast)
        dl->AddLine(ImVec2(0, bar_h - 1.0f), ImVec2(m.screen_w, bar_h - 1.0f), p.border, std::max(2.0f, 0.08f * em));

    core::VisitAction action;
    const float y0 = 0.5f * (bar_h - m.touch_min), y1 = y0 + m.touch_min;
    // Wide bars show labels next to the icons; narrow ones show icons only (the labels would
    // squeeze the title out).
    const bool wide = m.screen_w >= 48.0f * em;

    // Left: Back, Home.
    float x = margin;
    auto left_button = [&](const char* id, const char* key, Icon icon, core::VisitAction on_tap)
    {
        ButtonSpec b{id, wide ? Tr(ctx, key) : std::string(), icon, ButtonKind::OnBar, nullptr};
        const float w = ButtonWidth(ctx, b);
        if (TouchButton(ctx, ImVec2(x, y0), ImVec2(x + w, y1), b))
            action = on_tap;
        x += w + m.gap;
    };
    if (spec.show_back)
        left_button("nav:back", "nav.back", Icon::Back, core::Back{});
    if (spec.show_home)
        left_button("nav:home", "nav.home", Icon::Home, core::Home{});

    // Right, from the right edge inwards: high contrast, larger text, languages.
    float r = m.screen_w - margin;
    auto right_button = [&](const std::string& id, const std::string& label, std::optional<Icon> icon, bool on,
                            core::VisitAction on_tap)
    {
        ButtonSpec b{id, label, icon, on ? ButtonKind::Selected : ButtonKind::OnBar, nullptr};
        const float w = ButtonWidth(ctx, b);
        if (TouchButton(ctx, ImVec2(r - w, y0), ImVec2(r, y1), b))
            action = on_tap;
        r -= w + m.gap;
    };
    right_button("toggle:high-contrast", wide ? Tr(ctx, "a11y.high_contrast") : std::string(), Icon::Contrast,
                 ctx.visit->high_contrast, core::ToggleHighContrast{});
    right_button("toggle:larger-text", wide ? Tr(ctx, "a11y.larger_text") : std::string(), Icon::TextSize,
                 ctx.visit->larger_text, core::ToggleLargerText{});
    if (ctx.pack)
    {
        const auto& langs = ctx.pack->settings.languages;
        if (langs.size() == 2)
        {
            // Two languages: one button naming the other one ("Cymraeg" while in English).
            const auto& other = langs[0].code == ctx.visit->language ? langs[1] : langs[0];
            right_button("lang:" + other.code, other.name, std::nullopt, false, core::SetLanguage{other.code});
        }
        else if (langs.size() > 2)
        {
            for (auto it = langs.rbegin(); it != langs.rend(); ++it)
                right_button("lang:" + it->code, it->name, std::nullopt, it->code == ctx.visit->language,
                             core::SetLanguage{it->code});
        }
    }

    // Title in what is left between the two groups.
    if (!spec.title.empty() && r - x > 3.0f * em)
    {
        ImFont* font = ctx.fonts->heading;
        NoteDrawnText(spec.title);
        const std::string line = FitLine(font, spec.title, r - x - m.gap);
        dl->AddText(font, font->FontSize,
                    ImVec2(std::floor(x + 0.25f * m.gap), std::floor(0.5f * (bar_h - font->FontSize))), p.bar_text,
                    line.c_str(), line.c_str() + line.size());
    }
    return action;
}
} // namespace kiosk::ui
