// The ui's side of navigation (ui_context.h): what the screens' motion state does when the core
// moves the visitor. Together with core/visit/navigation.cpp this keeps the old promise that Back
// puts a screen back exactly as the visitor left it, and that nothing keeps moving across screens.
#include "ui/ui_context.h"

namespace kiosk::ui
{
namespace
{
void StopMotion(VisitView& view)
{
    view.scroll_velocity = 0.0f;
    view.home_scroll_velocity = 0.0f;
    view.gallery_slide = 0.0f;
    view.gallery_drag_x = 0.0f;
    view.pathway.velocity_x = view.pathway.velocity_y = 0.0f;
    view.pathway.sheet_scroll_velocity = 0.0f;
}
} // namespace

core::ScreenMemory RememberScreen(const VisitView& view, core::ScreenId screen)
{
    core::ScreenMemory m;
    m.scroll_y = screen == core::ScreenId::Home ? view.home_scroll_y : view.scroll_y;
    const PathwayCamera& c = view.pathway;
    // A camera still gliding is remembered where it was going.
    const bool gliding = c.anim_progress < 1.0f;
    m.camera_x = gliding ? c.to_x : c.centre_x;
    m.camera_y = gliding ? c.to_y : c.centre_y;
    m.camera_zoom = gliding ? c.to_zoom : c.zoom;
    m.camera_key_em = c.layout_key_em;
    m.camera_key_direction = c.layout_key_direction;
    m.sheet_scroll_y = c.sheet_scroll_y;
    return m;
}

void FollowNavigation(VisitView& view, const core::VisitState& after, const core::NavigationResult& r)
{
    using Motion = core::NavigationResult::Motion;
    switch (r.motion)
    {
    case Motion::None:
        break;
    case Motion::NewScreen:
        StopMotion(view);
        view.scroll_y = 0.0f;
        if (after.screen == core::ScreenId::Pathway)
        {
            view.pathway = PathwayCamera{}; // framed afresh once the layout is known
            view.pathway.reframe = r.framing;
        }
        break;
    case Motion::Restored:
    {
        StopMotion(view);
        if (after.screen == core::ScreenId::Home)
            view.home_scroll_y = r.memory.scroll_y;
        else
            view.scroll_y = r.memory.scroll_y;
        PathwayCamera& c = view.pathway;
        c.reframe = r.memory.camera_zoom > 0.0f ? core::PathwayFraming::None : core::PathwayFraming::Default;
        c.reframe_animated = false;
        c.centre_x = c.to_x = r.memory.camera_x;
        c.centre_y = c.to_y = r.memory.camera_y;
        c.zoom = c.to_zoom = r.memory.camera_zoom;
        c.anim_progress = 1.0f;
        c.layout_key_em = r.memory.camera_key_em;
        c.layout_key_direction = r.memory.camera_key_direction;
        c.sheet_scroll_y = r.memory.sheet_scroll_y;
        break;
    }
    case Motion::GalleryStep:
        // The new photo slides in from the side it was pushed from; a swipe's live offset carries
        // over so the motion continues from where the finger let go.
        view.gallery_slide = (r.gallery_step > 0 ? 1.0f : -1.0f) + view.gallery_drag_x;
        view.gallery_drag_x = 0.0f;
        break;
    case Motion::Refocus:
        if (r.framing != core::PathwayFraming::None)
        {
            view.pathway.reframe = r.framing;
            view.pathway.reframe_animated = r.framing_animated;
        }
        if (r.framing == core::PathwayFraming::Selected)
        {
            view.pathway.sheet_scroll_y = 0.0f;
            view.pathway.sheet_scroll_velocity = 0.0f;
        }
        break;
    }
}
} // namespace kiosk::ui
