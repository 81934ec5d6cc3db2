// Start chips, legend and zoom controls of the pathway screen.
//
// Sections: 1. start chips  2. legend  3. zoom controls.
#include "ui/pathway/pathway_panels.h"

#include "ui/fonts.h"
#include "ui/pathway/pathway_style.h"
#include "ui/screens/chrome.h"
#include "ui/theme.h"
#include "ui/ui_frame_scope.h"
#include "ui/ui_strings.h"
#include "ui/widgets/button.h"
#include "ui/widgets/text.h"
#include "ui/widgets/touch.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
// --- 1. Start chips ----------------------------------------------------------------------------

struct ChipLayout
{
    ImVec2 label_pos;
    bool label_inline = true;
    std::vector<ImVec2> chip_min, chip_max;
    float height = 0.0f;
};

float PanelPad(const Metrics& m)
{
    // At least 2.5 mm: the chips stay 2 mm clear of nodes cut off at the canvas's edge.
    return std::max(0.6f * m.gap, 2.5f * m.px_per_mm);
}

// Rows of chips after the "Where are you now?" label (on the first row when it fits beside a
// chip, else on its own line). The first row keeps `reserve` pixels free at its right end for
// the zoom controls; with no start points the panel is just that row.
ChipLayout LayoutChips(const UiContext& ctx, float x0, float y0, float width, float reserve)
{
    const Metrics& m = ctx.metrics;
    ChipLayout l;
    const auto& starts = ctx.pack->pathway.starts;
    if (starts.empty())
    {
        l.height = m.touch_min + 2.0f * PanelPad(m);
        return l;
    }
    ImFont* label_font = ctx.fonts->heading;
    const std::string label = Tr(ctx, "pathway.where_are_you_now");
    const float label_w = TextWidth(label_font, label);
    const float pad = PanelPad(m);
    float y = y0 + pad;
    float x = x0;
    std::vector<float> widths;
    for (const auto& s : starts)
        widths.push_back(std::min(width, ButtonWidth(ctx, ButtonSpec{"", s.title.Get(ctx.visit->language), std::nullopt,
                                                                     ButtonKind::Secondary, nullptr})));
    const float first_w = std::max(0.0f, width - reserve);
    l.label_inline = label_w + m.gap + widths.front() <= first_w;
    if (l.label_inline)
    {
        l.label_pos = ImVec2(x, y + 0.5f * (m.touch_min - label_font->FontSize));
        x += label_w + m.gap;
    }
    else
    {
        l.label_pos = ImVec2(x, y);
        y += label_font->FontSize + 0.4f * m.em;
    }
    bool first_row = l.label_inline;
    for (float w : widths)
    {
        if (x > x0 && x + w > x0 + (first_row ? first_w : width))
        {
            first_row = false;
            x = x0;
            y += m.touch_min + m.gap;
        }
        l.chip_min.push_back(ImVec2(x, y));
        l.chip_max.push_back(ImVec2(x + w, y + m.touch_min));
        x += w + m.gap;
    }
    l.height = y + m.touch_min + pad - y0;
    return l;
}
} // namespace

namespace
{
float ReserveForControls(const UiContext& ctx)
{
    return ZoomControlsSize(ctx).x + ctx.metrics.gap;
}
} // namespace

float StartChipsHeight(const UiContext& ctx, float width)
{
    return LayoutChips(ctx, 0.0f, 0.0f, width - 2.0f * PageMargin(ctx.metrics), ReserveForControls(ctx)).height;
}

ImVec2 ZoomControlsPos(const UiContext& ctx, ImVec2 min, ImVec2 max)
{
    return ImVec2(max.x - PageMargin(ctx.metrics) - ZoomControlsSize(ctx).x, min.y + PanelPad(ctx.metrics));
}

core::VisitAction DrawStartChips(const UiContext& ctx, ImVec2 min, ImVec2 max)
{
    core::VisitAction action;
    const auto& starts = ctx.pack->pathway.starts;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, p.surface);
    dl->AddLine(min, ImVec2(max.x, min.y), p.border, std::max(1.0f, 0.06f * ctx.metrics.em));
    if (starts.empty())
        return action;
    const float margin = PageMargin(ctx.metrics);
    const ChipLayout l =
        LayoutChips(ctx, min.x + margin, min.y, max.x - min.x - 2.0f * margin, ReserveForControls(ctx));
    const std::string label = Tr(ctx, "pathway.where_are_you_now");
    NoteDrawnText(label);
    dl->AddText(ctx.fonts->heading, ctx.fonts->heading->FontSize, l.label_pos, p.text, label.c_str(),
                label.c_str() + label.size());
    for (size_t i = 0; i < starts.size() && i < l.chip_min.size(); ++i)
    {
        const bool lit = ctx.visit->pathway.lit_start == starts[i].id;
        const ButtonSpec spec{"pathway:start:" + starts[i].id, starts[i].title.Get(ctx.visit->language), std::nullopt,
                              lit ? ButtonKind::Primary : ButtonKind::Secondary, nullptr};
        if (TouchButton(ctx, l.chip_min[i], l.chip_max[i], spec))
            action = core::PathwayStartChosen{starts[i].id};
    }
    return action;
}

// --- 2. Legend -----------------------------------------------------------------------------------

namespace
{
struct LegendItem
{
    std::string kind, label;
    float width = 0.0f;
};

std::vector<LegendItem> LegendItems(const UiContext& ctx)
{
    std::vector<LegendItem> items;
    const Metrics& m = ctx.metrics;
    for (const std::string& kind : PathwayKinds())
    {
        bool used = false;
        for (const auto& n : ctx.pack->pathway.nodes)
            used |= n.kind == kind;
        if (!used)
            continue;
        LegendItem it{kind, PathwayKindLabel(ctx, kind), 0.0f};
        it.width = 1.5f * m.em + TextWidth(ctx.fonts->body, it.label);
        items.push_back(it);
    }
    return items;
}

// Rows needed to lay the items out in `width`, and each item's position.
int LayoutLegend(const UiContext& ctx, const std::vector<LegendItem>& items, float x0, float y0, float width,
                 std::vector<ImVec2>* pos)
{
    const Metrics& m = ctx.metrics;
    const float row_h = 1.6f * m.em;
    float x = x0, y = y0;
    int rows = items.empty() ? 0 : 1;
    for (const LegendItem& it : items)
    {
        if (x > x0 && x + it.width > x0 + width)
        {
            x = x0;
            y += row_h;
            ++rows;
        }
        if (pos)
            pos->push_back(ImVec2(x, y));
        x += it.width + 1.2f * m.em;
    }
    return rows;
}
} // namespace

float LegendHeight(const UiContext& ctx, float width, int max_rows)
{
    const std::vector<LegendItem> items = LegendItems(ctx);
    const int rows = LayoutLegend(ctx, items, 0.0f, 0.0f, width - 2.0f * PageMargin(ctx.metrics), nullptr);
    if (rows == 0 || rows > max_rows)
        return 0.0f;
    return static_cast<float>(rows) * 1.6f * ctx.metrics.em + 0.5f * ctx.metrics.em;
}

void DrawLegend(const UiContext& ctx, ImVec2 min, ImVec2 max)
{
    const Metrics& m = ctx.metrics;
    const Palette& p = *ctx.palette;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, p.background);
    const std::vector<LegendItem> items = LegendItems(ctx);
    std::vector<ImVec2> pos;
    const float margin = PageMargin(m);
    LayoutLegend(ctx, items, min.x + margin, min.y + 0.3f * m.em, max.x - min.x - 2.0f * margin, &pos);
    for (size_t i = 0; i < items.size(); ++i)
    {
        const NodeColors c = PathwayNodeColors(p, items[i].kind, NodeState::Normal, false);
        const ImVec2 a(pos[i].x, pos[i].y + 0.3f * m.em), b(a.x + m.em, a.y + m.em);
        dl->AddRectFilled(a, b, c.header, 0.2f * m.em);
        dl->AddRect(a, b, c.outline, 0.2f * m.em, 0, std::max(1.0f, 0.06f * m.em));
        NoteDrawnText(items[i].label);
        dl->AddText(ctx.fonts->body, ctx.fonts->body->FontSize, ImVec2(b.x + 0.5f * m.em, pos[i].y + 0.3f * m.em),
                    p.text, items[i].label.c_str(), items[i].label.c_str() + items[i].label.size());
    }
}

// --- 3. Zoom controls ----------------------------------------------------------------------------

namespace
{
// A square zoom key: a plus or minus sign the size of the body text, centred.
bool SignButton(const UiContext& ctx, const std::string& id, ImVec2 a, float side, bool plus)
{
    ButtonLook look;
    look.centred = true;
    look.icon_only_ems = 1.0f;
    const ButtonSpec spec{id, "", plus ? Icon::Plus : Icon::Minus, ButtonKind::Secondary, nullptr};
    return TouchButton(ctx, a, ImVec2(a.x + side, a.y + side), spec, look);
}

ButtonSpec FitSpec(const UiContext& ctx)
{
    return ButtonSpec{"pathway:fit", Tr(ctx, "pathway.fit"), std::nullopt, ButtonKind::Secondary, nullptr};
}
} // namespace

ImVec2 ZoomControlsSize(const UiContext& ctx)
{
    const Metrics& m = ctx.metrics;
    return ImVec2(2.0f * m.touch_min + 2.0f * m.gap + ButtonWidth(ctx, FitSpec(ctx)), m.touch_min);
}

ZoomCommand DrawZoomControls(const UiContext& ctx, ImVec2 min)
{
    const Metrics& m = ctx.metrics;
    ZoomCommand cmd = ZoomCommand::None;
    float x = min.x;
    if (SignButton(ctx, "pathway:zoom-out", ImVec2(x, min.y), m.touch_min, false))
        cmd = ZoomCommand::Out;
    x += m.touch_min + m.gap;
    if (SignButton(ctx, "pathway:zoom-in", ImVec2(x, min.y), m.touch_min, true))
        cmd = ZoomCommand::In;
    x += m.touch_min + m.gap;
    const ButtonSpec fit = FitSpec(ctx);
    if (TouchButton(ctx, ImVec2(x, min.y), ImVec2(x + ButtonWidth(ctx, fit), min.y + m.touch_min), fit))
        cmd = ZoomCommand::Fit;
    return cmd;
}
} // namespace kiosk::ui
