#include "ui/app_ui.h"

#include "ui/hit_registry.h"
#include "ui/screens/screens.h"
#include "ui/screens/still_there_overlay.h"
#include "ui/theme.h"
#include "ui/widgets/text.h"

#include <imgui.h>

namespace kiosk::ui
{
namespace
{
// Fills in what the screens need and the shell may leave null, then runs `draw`.
template <typename DrawFn> UiFrame Run(const UiContext& ctx_in, bool high_contrast, DrawFn draw)
{
    UiContext ctx = ctx_in;
    const kiosk::core::Theme theme = ctx.pack ? ctx.pack->settings.theme : kiosk::core::Theme{};
    const Palette palette = MakePalette(theme, high_contrast);
    if (!ctx.palette)
        ctx.palette = &palette;
    HitRegistry local_hits;
    if (!ctx.hits)
        ctx.hits = &local_hits;
    ctx.hits->Clear();
    SetDrawnTextSink(ctx.hits->capture_text ? &ctx.hits->drawn_text : nullptr);
    ApplyTheme(ImGui::GetStyle(), theme, ctx.metrics, high_contrast);

    UiFrame frame;
    const ScreenResult r = draw(ctx);
    SetDrawnTextSink(nullptr);
    frame.animating = r.animating;
    if (!IsNone(r.action))
        frame.actions.push_back(r.action);
    return frame;
}
} // namespace

UiFrame DrawUi(const UiContext& ctx, VisitView& view)
{
    IM_ASSERT(ctx.pack && ctx.visit && ctx.fonts);
    const core::ScreenId screen = ctx.visit->screen;
    UiFrame frame = Run(ctx, ctx.visit->high_contrast,
                        [&](const UiContext& c)
                        {
                            switch (screen)
                            {
                            case core::ScreenId::Role:
                                return DrawRoleScreen(c, view);
                            case core::ScreenId::Gallery:
                                return DrawGalleryScreen(c, view);
                            case core::ScreenId::Pathway:
                                return DrawPathwayScreen(c, view);
                            case core::ScreenId::Quiz:
                                return DrawQuizScreen(c, view);
                            case core::ScreenId::Home:
                            default:
                                return DrawHomeScreen(c, view);
                            }
                        });
    frame.screen = screen;
    return frame;
}

UiFrame DrawVisitFrame(UiContext ctx, core::Visit& visit, VisitView& view, core::VisitTime t)
{
    if (view.visit_resets != visit.ResetCount())
    {
        view = VisitView{}; // a new visitor: nothing of the last one's scrolling or camera
        view.visit_resets = visit.ResetCount();
    }
    ctx.visit = &visit.State();
    UiFrame frame = DrawUi(ctx, view);
    for (const core::VisitAction& action : frame.actions)
    {
        const core::ScreenMemory here = RememberScreen(view, visit.State().screen);
        const core::NavigationResult result = visit.Apply(action, t, here);
        FollowNavigation(view, visit.State(), result);
        // A changed visit must be drawn at once, whatever the shell's idle policy.
        frame.animating |= result.changed;
    }
    if (visit.Phase() == core::VisitPhase::StillThere)
    {
        DrawStillThereOverlay(ctx, visit.CountdownRemaining());
        frame.animating = true; // the countdown moves
    }
    return frame;
}

UiFrame DrawFaultUi(const UiContext& ctx, VisitView& view, const kiosk::core::DiagnosticList& diagnostics)
{
    IM_ASSERT(ctx.fonts);
    return Run(ctx, false, [&](const UiContext& c) { return DrawFaultScreen(c, view, diagnostics); });
}
} // namespace kiosk::ui
