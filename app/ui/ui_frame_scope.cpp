#include "ui/ui_frame_scope.h"

#include "ui/widgets/text.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
FrameScope::FrameScope(const UiContext& ctx, const FrameScopeOptions& options) : m_ctx(ctx)
{
    const kiosk::core::Theme theme = ctx.pack ? ctx.pack->settings.theme : kiosk::core::Theme{};
    m_palette = MakePalette(theme, options.high_contrast);
    if (!m_ctx.palette)
        m_ctx.palette = &m_palette;
    if (!m_ctx.hits)
        m_ctx.hits = &m_hits;
    if (options.clear_hits)
        m_ctx.hits->Clear();
    SetDrawnTextSink(m_ctx.hits->capture_text ? &m_ctx.hits->drawn_text : nullptr);
    if (options.apply_theme)
        ApplyTheme(ImGui::GetStyle(), theme, m_ctx.metrics, m_ctx.palette->high_contrast);
}

FrameScope::~FrameScope()
{
    SetDrawnTextSink(nullptr);
}

std::string DefaultLanguage(const UiContext& ctx)
{
    if (ctx.pack && !ctx.pack->settings.languages.empty())
        return ctx.pack->settings.languages.front().code;
    return kiosk::core::kDefaultLanguage;
}

ImU32 FadeColor(ImU32 color, float alpha)
{
    const float a = static_cast<float>((color >> IM_COL32_A_SHIFT) & 0xFF) * std::clamp(alpha, 0.0f, 1.0f);
    return (color & ~IM_COL32_A_MASK) | (static_cast<ImU32>(std::lround(a)) << IM_COL32_A_SHIFT);
}
} // namespace kiosk::ui
