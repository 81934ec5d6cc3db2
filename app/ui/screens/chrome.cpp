// The chrome: the screen window, and the bar of always-present controls at the top or the
// bottom (see chrome.h). Sections: 1. the window  2. the buttons  3. layout  4. drawing.
#include "ui/screens/chrome.h"

#include "core/speech/speech_script.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/ui_strings.h"
#include "ui/widgets/button.h"
#include "ui/widgets/read_aloud.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
// --- 1. The window ----------------------------------------------------------------------------

void BeginScreenWindow(const char* name, const UiContext& ctx, bool filled)
{
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav |
                                   ImGuiWindowFlags_NoFocusOnAppearing |
                                   (filled ? ImGuiWindowFlags_None : ImGuiWindowFlags_NoBackground);
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

bool ControlsAtBottom(const UiContext& ctx)
{
    const core::ControlsPosition where = ctx.pack ? ctx.pack->settings.controls_position : core::ControlsPosition::Auto;
    return where == core::ControlsPosition::Bottom || (where == core::ControlsPosition::Auto && ctx.metrics.portrait());
}

// --- 2. The buttons ---------------------------------------------------------------------------

namespace
{
ChromeButton Button(std::string hit_id, std::string label, std::optional<Icon> icon, bool on, core::VisitAction tap)
{
    ChromeButton b;
    b.hit_id = std::move(hit_id);
    b.label = std::move(label);
    b.icon = icon;
    b.on = on;
    b.on_tap = std::move(tap);
    return b;
}

// Back and Home (the way out of the screen), in reading order.
std::vector<ChromeButton> NavButtons(const UiContext& ctx, const TopBarSpec& spec, bool labelled)
{
    std::vector<ChromeButton> out;
    if (spec.show_back)
        out.push_back(
            Button("nav:back", labelled ? Tr(ctx, "nav.back") : std::string(), Icon::Back, false, core::Back{}));
    if (spec.show_home)
        out.push_back(
            Button("nav:home", labelled ? Tr(ctx, "nav.home") : std::string(), Icon::Home, false, core::Home{}));
    return out;
}

// The visitor's settings (language, larger text, high contrast), in reading order. A new
// always-present switch goes in this list: both bars place it.
// `read_aloud`: the bottom bar also carries "Read aloud" for what the screen shows (the blocks'
// own buttons may sit above a wheelchair user's reach on a tall screen); the top bar leaves it to
// the buttons beside each block, which are in reach there and keep a narrow bar's labels.
std::vector<ChromeButton> SettingButtons(const UiContext& ctx, bool labelled, bool read_aloud)
{
    std::vector<ChromeButton> out;
    if (ctx.pack)
    {
        const auto& langs = ctx.pack->settings.languages;
        if (langs.size() == 2)
        {
            // Two languages: one button naming the other one ("Cymraeg" while in English).
            const auto& other = langs[0].code == ctx.visit->language ? langs[1] : langs[0];
            out.push_back(Button("lang:" + other.code, other.name, std::nullopt, false, core::SetLanguage{other.code}));
        }
        else if (langs.size() > 2)
        {
            for (const auto& lang : langs)
                out.push_back(Button("lang:" + lang.code, lang.name, std::nullopt, lang.code == ctx.visit->language,
                                     core::SetLanguage{lang.code}));
        }
    }
    out.push_back(Button("toggle:larger-text", labelled ? Tr(ctx, "a11y.larger_text") : std::string(), Icon::TextSize,
                         ctx.visit->larger_text, core::ToggleLargerText{}));
    out.push_back(Button("toggle:high-contrast", labelled ? Tr(ctx, "a11y.high_contrast") : std::string(),
                         Icon::Contrast, ctx.visit->high_contrast, core::ToggleHighContrast{}));
    if (read_aloud && ctx.pack && SpeechAvailable(ctx))
    {
        const core::SpeechTarget target = core::ScreenSpeechTarget(*ctx.visit, *ctx.pack);
        if (target.kind != core::SpeechTarget::Kind::None)
        {
            const bool reading = ctx.speech->Reading(target.Key());
            out.push_back(
                Button("toggle:read-aloud", Tr(ctx, reading ? "speech.stop" : "speech.read_aloud"),
                       reading ? Icon::Stop : Icon::Speaker, reading,
                       reading ? core::VisitAction{core::StopReading{}} : core::VisitAction{core::ReadAloud{target}}));
        }
    }
    return out;
}

ButtonSpec SpecOf(const ChromeButton& b)
{
    return ButtonSpec{b.hit_id, b.label, b.icon, b.on ? ButtonKind::Selected : ButtonKind::OnBar, nullptr};
}

float WidthOf(const UiContext& ctx, const ChromeButton& b)
{
    return ButtonWidth(ctx, SpecOf(b));
}

float RowWidth(const UiContext& ctx, const std::vector<ChromeButton>& row)
{
    float w = 0.0f;
    for (const ChromeButton& b : row)
        w += WidthOf(ctx, b);
    return w + ctx.metrics.gap * static_cast<float>(std::max<size_t>(row.size(), 1) - 1);
}

// Places `row` from x, left to right, at [y0, y0 + touch_min]; returns the x after it.
float PlaceLeft(const UiContext& ctx, std::vector<ChromeButton>& row, float x, float y0, std::vector<ChromeButton>& out)
{
    for (ChromeButton& b : row)
    {
        const float w = WidthOf(ctx, b);
        b.min = ImVec2(x, y0);
        b.max = ImVec2(x + w, y0 + ctx.metrics.touch_min);
        out.push_back(b);
        x += w + ctx.metrics.gap;
    }
    return x;
}

// --- 3. Layout --------------------------------------------------------------------------------

// The top bar: Back and Home on the left, the settings on the right; labels only on wide
// screens (they would squeeze the title out).
void LayoutTop(const UiContext& ctx, const TopBarSpec& spec, ChromeLayout& l)
{
    const Metrics& m = ctx.metrics;
    const float bar_h = TopBarHeight(m);
    l.bar_y0 = 0.0f;
    l.bar_y1 = bar_h;
    l.content_top = bar_h;
    l.content_bottom = m.screen_h;
    l.labelled = m.screen_w >= 48.0f * m.em;
    const float y0 = 0.5f * (bar_h - m.touch_min);
    std::vector<ChromeButton> nav = NavButtons(ctx, spec, l.labelled);
    PlaceLeft(ctx, nav, PageMargin(m), y0, l.buttons);
    std::vector<ChromeButton> settings = SettingButtons(ctx, l.labelled, false);
    const float x = m.screen_w - PageMargin(m) - RowWidth(ctx, settings);
    PlaceLeft(ctx, settings, x, y0, l.buttons);
}

// The bottom bar: always labelled. One row when everything fits (Back and Home on the left, the
// settings on the right); otherwise the settings flow into rows of their own above a row with
// Back and Home, each row right-aligned, so no label is ever dropped or cut.
void LayoutBottom(const UiContext& ctx, const TopBarSpec& spec, ChromeLayout& l)
{
    const Metrics& m = ctx.metrics;
    const float margin = PageMargin(m);
    const float avail = m.screen_w - 2.0f * margin;
    l.at_bottom = true;
    l.labelled = true;
    l.title_y1 = std::ceil(ctx.fonts->heading->FontSize + 1.2f * m.gap);
    l.content_top = l.title_y1;

    std::vector<ChromeButton> nav = NavButtons(ctx, spec, true);
    std::vector<ChromeButton> settings = SettingButtons(ctx, true, true);
    std::vector<std::vector<ChromeButton>> rows; // top to bottom
    const float nav_w = nav.empty() ? 0.0f : RowWidth(ctx, nav) + 2.0f * m.gap;
    if (nav_w + RowWidth(ctx, settings) <= avail)
        rows.push_back({}); // one row: placed below
    else
    {
        std::vector<ChromeButton> row;
        for (ChromeButton& b : settings)
        {
            row.push_back(b);
            if (row.size() > 1 && RowWidth(ctx, row) > avail)
            {
                row.pop_back();
                rows.push_back(row);
                row = {b};
            }
        }
        rows.push_back(row);
        if (!nav.empty())
            rows.push_back({});
    }
    const float rows_n = static_cast<float>(rows.size());
    const float bar_h = rows_n * m.touch_min + (rows_n - 1.0f) * m.gap + 1.5f * m.gap;
    l.bar_y0 = std::floor(m.screen_h - bar_h);
    l.bar_y1 = m.screen_h;
    l.content_bottom = l.bar_y0;
    float y = l.bar_y0 + 0.75f * m.gap;
    const bool one_row = rows.size() == 1 && rows[0].empty();
    for (std::vector<ChromeButton>& row : rows)
    {
        if (row.empty()) // the nav row (or the single row)
        {
            PlaceLeft(ctx, nav, margin, y, l.buttons);
            if (one_row)
                PlaceLeft(ctx, settings, m.screen_w - margin - RowWidth(ctx, settings), y, l.buttons);
        }
        else
            PlaceLeft(ctx, row, m.screen_w - margin - RowWidth(ctx, row), y, l.buttons);
        y += m.touch_min + m.gap;
    }
}
} // namespace

ChromeLayout LayoutChrome(const UiContext& ctx, const TopBarSpec& spec)
{
    ChromeLayout l;
    if (ControlsAtBottom(ctx))
        LayoutBottom(ctx, spec, l);
    else
        LayoutTop(ctx, spec, l);
    return l;
}

// --- 4. Drawing -------------------------------------------------------------------------------

core::VisitAction DrawChrome(const UiContext& ctx, const TopBarSpec& spec, const ChromeLayout& l)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    const float em = m.em;
    const float margin = PageMargin(m);
    const float line_w = std::max(2.0f, 0.08f * em);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(0, l.bar_y0), ImVec2(m.screen_w, l.bar_y1), p.bar);
    if (p.high_contrast)
    {
        const float edge = l.at_bottom ? l.bar_y0 + 1.0f : l.bar_y1 - 1.0f;
        dl->AddLine(ImVec2(0, edge), ImVec2(m.screen_w, edge), p.border, line_w);
    }

    core::VisitAction action;
    float left_end = margin, right_start = m.screen_w - margin;
    for (const ChromeButton& b : l.buttons)
    {
        if (TouchButton(ctx, b.min, b.max, SpecOf(b)))
            action = b.on_tap;
        if (b.hit_id.rfind("nav:", 0) == 0)
            left_end = std::max(left_end, b.max.x + m.gap);
        else
            right_start = std::min(right_start, b.min.x - m.gap);
    }

    if (l.at_bottom)
    {
        // The title strip: the whole width for the title, in the heading font or, if it is too
        // long for that, the bold body font.
        dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.screen_w, l.title_y1), p.bar);
        if (p.high_contrast)
            dl->AddLine(ImVec2(0, l.title_y1 - 1.0f), ImVec2(m.screen_w, l.title_y1 - 1.0f), p.border, line_w);
        if (!spec.title.empty())
        {
            const float w = m.screen_w - 2.0f * margin;
            ImFont* font = TextWidth(ctx.fonts->heading, spec.title) <= w ? ctx.fonts->heading : ctx.fonts->body_bold;
            NoteDrawnText(spec.title);
            const std::string line = FitLine(font, spec.title, w);
            dl->AddText(font, font->FontSize,
                        ImVec2(std::floor(margin), std::floor(0.5f * (l.title_y1 - font->FontSize))), p.bar_text,
                        line.c_str(), line.c_str() + line.size());
        }
        return action;
    }

    // Title in what is left between the two groups.
    const float x = spec.show_back || spec.show_home ? left_end : margin;
    const float r = right_start;
    if (!spec.title.empty() && r - x > 3.0f * em)
    {
        ImFont* font = ctx.fonts->heading;
        NoteDrawnText(spec.title);
        const std::string line = FitLine(font, spec.title, r - x - m.gap);
        dl->AddText(font, font->FontSize,
                    ImVec2(std::floor(x + 0.25f * m.gap), std::floor(0.5f * (l.bar_y1 - font->FontSize))), p.bar_text,
                    line.c_str(), line.c_str() + line.size());
    }
    return action;
}

core::VisitAction DrawTopBar(const UiContext& ctx, const TopBarSpec& spec)
{
    return DrawChrome(ctx, spec, LayoutChrome(ctx, spec));
}
} // namespace kiosk::ui
