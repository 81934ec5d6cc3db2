#include "ui/app_ui.h"

#include "ui/key_focus.h"
#include "ui/screens/glossary_card.h"
#include "ui/screens/screens.h"
#include "ui/screens/still_there_overlay.h"
#include "ui/ui_frame_scope.h"

#include <imgui.h>

namespace kiosk::ui
{
namespace
{
// Fills in what the screens need and the shell may leave null, then runs `draw`.
template <typename DrawFn> UiFrame Run(const UiContext& ctx_in, bool high_contrast, DrawFn draw)
{
    FrameScope scope(ctx_in, FrameScopeOptions{high_contrast, true, true});
    UiFrame frame;
    const ScreenResult r = draw(scope.Context());
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
                            ScreenResult r;
                            switch (screen)
                            {
                            case core::ScreenId::Role:
                                r = DrawRoleScreen(c, view);
                                break;
                            case core::ScreenId::Gallery:
                                r = DrawGalleryScreen(c, view);
                                break;
                            case core::ScreenId::Pathway:
                                r = DrawPathwayScreen(c, view);
                                break;
                            case core::ScreenId::Quiz:
                                r = DrawQuizScreen(c, view);
                                break;
                            case core::ScreenId::Home:
                            default:
                                r = DrawHomeScreen(c, view);
                                break;
                            }
                            // An open definition card takes every tap (glossary_card.h).
                            if (!c.visit->glossary_term.empty())
                                r = DrawGlossaryCard(c, r);
                            return r;
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
    if (ImGui::GetIO().MouseClicked[0])
        view.focus.visible = false; // a touch: the visitor is using the screen, not a keypad
    ctx.focus = &view.focus;
    HitRegistry own_hits;
    if (!ctx.hits)
        ctx.hits = &own_hits; // the keypad needs this frame's targets
    UiFrame frame = DrawUi(ctx, view);
    if (visit.Phase() == core::VisitPhase::StillThere)
    {
        // The overlay takes every tap: the screen under it never acts while it shows.
        frame.actions = DrawStillThereOverlay(ctx, visit.CountdownRemaining()).actions;
        frame.animating = true; // the countdown moves
    }
    view.focus.activate.clear(); // tapped (or gone) this frame
    frame.animating |= HandleKeys(view.focus, ctx.keys, *ctx.hits, visit.State(), ctx.metrics, !frame.actions.empty());
    for (const core::VisitAction& action : frame.actions)
    {
        // A changed visit must be drawn at once, whatever the shell's idle policy.
        frame.animating |= ApplyVisitAction(visit, view, action, t).changed;
    }
    if (view.visit_resets == visit.ResetCount())
        DrawFocusRing(view.focus, *ctx.hits, MakePalette(ctx.pack->settings.theme, visit.State().high_contrast),
                      ctx.metrics);
    return frame;
}

core::NavigationResult ApplyVisitAction(core::Visit& visit, VisitView& view, const core::VisitAction& action,
                                        core::VisitTime t)
{
    const core::NavigationResult result = visit.Apply(action, t, RememberScreen(view, visit.State().screen));
    FollowNavigation(view, visit.State(), result);
    return result;
}

UiFrame DrawFaultUi(const UiContext& ctx, VisitView& view, const kiosk::core::DiagnosticList& diagnostics)
{
    IM_ASSERT(ctx.fonts);
    return Run(ctx, false, [&](const UiContext& c) { return DrawFaultScreen(c, view, diagnostics); });
}
} // namespace kiosk::ui
