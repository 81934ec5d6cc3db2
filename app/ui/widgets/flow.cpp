#include "ui/widgets/flow.h"

#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/widgets/button.h"
#include "ui/widgets/icons.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
constexpr float kChipPadEms = 0.9f; // a chip's padding each side of its label

const Metrics& M(const Flow& f)
{
    return f.ctx->metrics;
}
const Palette& P(const Flow& f)
{
    return *f.ctx->palette;
}
const Fonts& F(const Flow& f)
{
    return *f.ctx->fonts;
}
} // namespace

void FlowSpace(Flow& f, float ems)
{
    f.y += ems * M(f).em;
}

void FlowHeading(Flow& f, const std::string& text)
{
    if (text.empty())
        return;
    FlowSpace(f, 1.1f);
    ImFont* font = F(f).heading;
    if (f.draw)
        DrawText(font, ImVec2(f.x, f.y), P(f).text, text, f.width);
    f.y += TextHeight(font, text, f.width) + 0.4f * M(f).em;
}

void FlowParagraph(Flow& f, const std::string& text, ImFont* font, ImU32 color)
{
    if (text.empty())
        return;
    font = font ? font : F(f).body;
    if (f.draw && f.terms)
        MarkGlossaryTerms(*f.ctx, font, ImVec2(f.x, f.y), text, f.width, *f.terms);
    if (f.draw)
        DrawText(font, ImVec2(f.x, f.y), color ? color : P(f).text, text, f.width);
    f.y += TextHeight(font, text, f.width) + 0.5f * M(f).em;
}

void FlowBullets(Flow& f, const std::vector<kiosk::core::LocalizedText>& items)
{
    const float em = M(f).em;
    const float indent = 1.2f * em;
    for (const auto& item : items)
    {
        const std::string& text = item.Get(f.ctx->visit->language);
        if (text.empty())
            continue;
        if (f.draw)
        {
            ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(f.x + 0.4f * em, f.y + 0.62f * em), 0.17f * em,
                                                        P(f).accent);
            if (f.terms)
                MarkGlossaryTerms(*f.ctx, F(f).body, ImVec2(f.x + indent, f.y), text, f.width - indent, *f.terms);
            DrawText(F(f).body, ImVec2(f.x + indent, f.y), P(f).text, text, f.width - indent);
        }
        f.y += TextHeight(F(f).body, text, f.width - indent) + 0.35f * em;
    }
    f.y += 0.15f * em;
}

void FlowTags(Flow& f, const std::vector<kiosk::core::LocalizedText>& items)
{
    for (const auto& item : items)
    {
        const std::string& text = item.Get(f.ctx->visit->language);
        if (text.empty())
            continue;
        if (f.draw)
            DrawText(F(f).body_bold, ImVec2(f.x, f.y), P(f).text, text, f.width);
        f.y += TextHeight(F(f).body_bold, text, f.width) + 0.25f * M(f).em;
    }
    f.y += 0.25f * M(f).em;
}

bool FlowLinkCard(Flow& f, const std::string& hit_id, const std::string& title, const std::string& text, bool tappable)
{
    const Metrics& m = M(f);
    const Palette& p = P(f);
    const float pad = 0.7f * m.em;
    const float chevron_w = tappable ? 1.6f * m.em : 0.0f;
    const float text_w = f.width - 2.0f * pad - chevron_w;
    const float title_h = TextHeight(F(f).body_bold, title, text_w);
    const float body_h = TextHeight(F(f).body, text, text_w);
    const float h = std::max(m.touch_min, 2.0f * pad + title_h + (body_h > 0 ? 0.2f * m.em + body_h : 0.0f));
    bool tapped = false;
    if (f.draw)
    {
        const ImVec2 a(f.x, f.y), b(f.x + f.width, f.y + h);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        TouchState t;
        if (tappable)
            t = TouchArea(*f.ctx, hit_id, a, b);
        const float rounding = 0.4f * m.em;
        dl->AddRectFilled(a, b, t.pressed ? p.accent_soft : p.surface, rounding);
        dl->AddRect(a, b, tappable ? p.accent : p.border, rounding, 0, std::max(1.5f, 0.07f * m.em));
        DrawText(F(f).body_bold, ImVec2(a.x + pad, a.y + pad), p.text, title, text_w);
        DrawText(F(f).body, ImVec2(a.x + pad, a.y + pad + title_h + 0.2f * m.em), p.text, text, text_w);
        if (tappable)
            DrawIcon(Icon::Forward, ImVec2(b.x - pad - 0.5f * chevron_w + 0.3f * m.em, 0.5f * (a.y + b.y)), m.em,
                     p.accent);
        tapped = t.tapped;
    }
    f.y += h + 0.5f * m.gap + 0.3f * m.em;
    return tapped;
}

int FlowChips(Flow& f, const std::vector<std::string>& hit_ids, const std::vector<std::string>& labels)
{
    const Metrics& m = M(f);
    ImFont* font = F(f).body_bold;
    const float h = m.touch_min;
    const float pad = kChipPadEms * m.em;
    float x = f.x;
    int tapped = -1;
    for (size_t i = 0; i < labels.size(); ++i)
    {
        const float w = std::min(f.width, std::max(m.touch_min, TextWidth(font, labels[i]) + 2.0f * pad));
        if (x > f.x && x + w > f.x + f.width)
        {
            x = f.x;
            f.y += h + m.gap;
        }
        if (f.draw)
        {
            ButtonLook look;
            look.centred = true;
            look.pill = true;
            look.label_inset_ems = 0.5f * kChipPadEms;
            look.outline_ems = 0.08f;
            look.outline_min_px = 1.5f;
            const ButtonSpec spec{hit_ids[i], labels[i], std::nullopt, ButtonKind::Chip, font};
            if (TouchButton(*f.ctx, ImVec2(x, f.y), ImVec2(x + w, f.y + h), spec, look))
                tapped = static_cast<int>(i);
        }
        x += w + m.gap;
    }
    if (!labels.empty())
        f.y += h + m.gap;
    return tapped;
}
} // namespace kiosk::ui
