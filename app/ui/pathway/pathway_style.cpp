#include "ui/pathway/pathway_style.h"

#include "core/pathway/pathway_kinds.h"
#include "ui/ui_strings.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
const ImU32 kBlack = IM_COL32(0, 0, 0, 255);
const ImU32 kWhite = IM_COL32(255, 255, 255, 255);

ImU32 KindColor(const std::string& kind)
{
    if (const kiosk::core::PathwayNodeKind* k = kiosk::core::FindPathwayNodeKind(kind))
        return ToImU32(k->color);
    return IM_COL32(0x99, 0x99, 0x99, 255); // an unknown kind (the validator reports it)
}

// Black or white, whichever reads better on `bg`.
ImU32 TextOn(ImU32 bg)
{
    return ContrastRatio(kBlack, bg) >= ContrastRatio(kWhite, bg) ? kBlack : kWhite;
}

// Moves `fg` towards black or white (whichever is further from `bg`) until it reaches `ratio`.
ImU32 WithContrast(ImU32 fg, ImU32 bg, float ratio)
{
    const ImU32 pole = TextOn(bg);
    for (int i = 0; i < 24 && ContrastRatio(fg, bg) < ratio; ++i)
        fg = MixColor(fg, pole, 0.12f);
    return fg;
}
} // namespace

ImU32 MixColor(ImU32 a, ImU32 b, float t)
{
    auto ch = [&](int shift)
    {
        const float x = static_cast<float>((a >> shift) & 0xFF), y = static_cast<float>((b >> shift) & 0xFF);
        return static_cast<ImU32>(std::lround(x + (y - x) * t)) << shift;
    };
    return ch(IM_COL32_R_SHIFT) | ch(IM_COL32_G_SHIFT) | ch(IM_COL32_B_SHIFT) | IM_COL32_A_MASK;
}

const std::vector<std::string>& PathwayKinds()
{
    static const std::vector<std::string> kinds = []
    {
        std::vector<std::string> ids;
        for (const kiosk::core::PathwayNodeKind& kind : kiosk::core::PathwayNodeKinds())
            ids.push_back(kind.id);
        return ids;
    }();
    return kinds;
}

std::string PathwayKindLabel(const UiContext& ctx, const std::string& kind)
{
    if (!kiosk::core::FindPathwayNodeKind(kind))
        return kind;
    return Tr(ctx, kiosk::core::PathwayNodeKindKey(kind).c_str());
}

NodeColors PathwayNodeColors(const Palette& p, const std::string& kind, NodeState state, bool selected)
{
    NodeColors c;
    const ImU32 kind_color = KindColor(kind);
    if (p.high_contrast)
    {
        c.fill = kBlack;
        c.header = state == NodeState::Dimmed ? IM_COL32(60, 60, 60, 255) : kind_color;
        c.header_text = TextOn(c.header);
        c.text = state == NodeState::Dimmed ? IM_COL32(170, 170, 170, 255) : kWhite;
        c.outline =
            state == NodeState::Lit ? p.accent : (state == NodeState::Dimmed ? IM_COL32(120, 120, 120, 255) : kWhite);
        c.outline_ems = state == NodeState::Lit ? 0.16f : 0.08f;
    }
    else if (state == NodeState::Dimmed)
    {
        c.fill = MixColor(p.surface, p.background, 0.6f);
        c.header = MixColor(kind_color, p.background, 0.72f);
        // Dimmed, still readable: text off the route keeps WCAG AA's 4.5:1 (issue 11's contrast check).
        c.header_text = WithContrast(MixColor(TextOn(kind_color), c.header, 0.45f), c.header, 4.5f);
        c.text = WithContrast(MixColor(p.text, c.fill, 0.5f), c.fill, 4.5f);
        c.outline = MixColor(p.border, p.background, 0.4f);
        c.outline_ems = 0.05f;
    }
    else
    {
        c.fill = p.surface;
        c.header = kind_color;
        c.header_text = TextOn(kind_color);
        c.text = WithContrast(p.text, p.surface, 4.5f);
        c.outline = state == NodeState::Lit ? p.accent : MixColor(kind_color, kBlack, 0.3f);
        c.outline_ems = state == NodeState::Lit ? 0.16f : 0.06f;
    }
    if (selected)
    {
        c.outline = p.accent;
        c.outline_ems = 0.24f;
    }
    return c;
}

EdgeColors PathwayEdgeColors(const Palette& p, NodeState state)
{
    EdgeColors c;
    if (p.high_contrast)
    {
        c.line =
            state == NodeState::Lit ? p.accent : (state == NodeState::Dimmed ? IM_COL32(110, 110, 110, 255) : kWhite);
        c.thickness_ems = state == NodeState::Lit ? 0.16f : 0.08f;
        c.label_fill = kBlack;
        c.label_text = state == NodeState::Dimmed ? IM_COL32(170, 170, 170, 255) : kWhite;
        c.label_outline = c.line;
        return c;
    }
    switch (state)
    {
    case NodeState::Lit:
        c.line = p.accent;
        c.thickness_ems = 0.15f;
        break;
    case NodeState::Dimmed:
        c.line = MixColor(p.border, p.background, 0.35f);
        c.thickness_ems = 0.06f;
        break;
    case NodeState::Normal:
        c.line = WithContrast(MixColor(p.text, p.background, 0.45f), p.background, 3.0f);
        c.thickness_ems = 0.08f;
        break;
    }
    c.label_fill = p.background;
    c.label_text = state == NodeState::Dimmed ? WithContrast(MixColor(p.text, p.background, 0.5f), p.background, 4.5f)
                                              : WithContrast(p.text, p.background, 4.5f);
    c.label_outline = c.line;
    return c;
}
} // namespace kiosk::ui
