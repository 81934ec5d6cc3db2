#include "ui/app_ui.h"

#include "ui/hit_registry.h"
#include "ui/screens/screens.h"
#include "ui/theme.h"
#include "ui/visit_navigation.h"
#include "ui/widgets/text.h"

#include <imgui.h>

namespace kiosk::ui
{
namespace
{
// Fills in what the screens need and the app may leave null, then runs `draw`.
template <typename DrawFn> UiFrame Run(const UiContext& ctx_in, VisitView& view, DrawFn draw)
{
    UiContext ctx = ctx_in;
    const kiosk::core::Theme theme = ctx.pack ? ctx.pack->settings.theme : kiosk::core::Theme{};
    const Palette palette = MakePalette(theme, view.high_contrast);
    if (!ctx.palette)
        ctx.palette = &palette;
    HitRegistry local_hits;
    if (!ctx.hits)
        ctx.hits = &local_hits;
    ctx.hits->Clear();
    SetDrawnTextSink(ctx.hits->capture_text ? &ctx.hits->drawn_text : nullptr);
    ApplyTheme(ImGui::GetStyle(), theme, ctx.metrics, view.high_contrast);

    UiFrame frame;
    frame.screen = view.screen;
    const ScreenResult r = draw(ctx);
    SetDrawnTextSink(nullptr);
    frame.animating = r.animating;
    if (!IsNone(r.action))
    {
        frame.actions.push_back(r.action);
        // A changed view must be drawn at once, whatever the app's idle policy.
        if (ctx.pack && ApplyAction(view, r.action, *ctx.pack))
            frame.animating = true;
    }
    return frame;
}
} // namespace

UiFrame DrawUi(const UiContext& ctx, VisitView& view)
{
    IM_ASSERT(ctx.pack && ctx.fonts);
    return Run(ctx, view,
               [&](const UiContext& c)
               {
                   switch (view.screen)
                   {
                   case ScreenId::Role:
                       return DrawRoleScreen(c, view);
                   case ScreenId::Gallery:
                       return DrawGalleryScreen(c, view);
                   case ScreenId::Pathway:
                       return DrawPathwayScreen(c, view);
                   case ScreenId::Home:
                   default:
                       return DrawHomeScreen(c, view);
                   }
               });
}

UiFrame DrawFaultUi(const UiContext& ctx, VisitView& view, const kiosk::core::DiagnosticList& diagnostics)
{
    IM_ASSERT(ctx.fonts);
    return Run(ctx, view, [&](const UiContext& c) { return DrawFaultScreen(c, view, diagnostics); });
}
} // namespace kiosk::ui
