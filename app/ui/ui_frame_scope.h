// Frame set-up for the screens drawn outside DrawUi (the attract loop, the "Still there?"
// overlay, the admin panel): what DrawUi does for the visit's screens, as an object that
// lives for one draw call. It fills in the palette and hit registry when the app left them
// null, routes drawn text to the registry when it captures text (tests), and applies the
// ImGui theme. Restores the drawn-text sink when it goes out of scope.
#pragma once
#include "ui/hit_registry.h"
#include "ui/theme.h"
#include "ui/ui_context.h"

namespace kiosk::ui
{
struct FrameScopeOptions
{
    bool high_contrast = false; // palette to use when ctx.palette is null
    bool clear_hits = true;     // false for an overlay drawn over a screen in the same frame
    bool apply_theme = true;    // false for an overlay (the screen below already applied it)
};

class FrameScope
{
public:
    FrameScope(const UiContext& ctx, const FrameScopeOptions& options);
    ~FrameScope();
    FrameScope(const FrameScope&) = delete;
    FrameScope& operator=(const FrameScope&) = delete;

    // The context to draw with: palette, hits and fonts are never null (fonts as given).
    const UiContext& Context() const { return m_ctx; }

private:
    UiContext m_ctx;
    Palette m_palette;
    HitRegistry m_hits;
};

// The pack's first language ("en" without a pack or languages): the attract loop and the
// staff screens use it.
std::string DefaultLanguage(const UiContext& ctx);

// `color` with its alpha multiplied by `alpha` (0..1): for cross-fades.
ImU32 FadeColor(ImU32 color, float alpha);
} // namespace kiosk::ui
