#include "shell/kiosk_frame.h"

#include "core/visit/attract_timeline.h"
#include "core/visit/screen_name.h"
#include "ui/admin/admin_screen.h"
#include "ui/metrics.h"
#include "ui/screens/attract_screen.h"

#include <imgui.h>
#include <variant>

namespace kiosk::app
{
namespace
{
// True when the attract loop shows the quiz's slide ("Which job would suit you?") at `now`.
bool QuizSlideOnShow(const KioskScreens& k, double now)
{
    if (!ShowsAttract(k.pack.get(), k.visits.visit, k.host.VisitsStarted(), k.preview_attract) || k.preview_attract)
        return false;
    const std::vector<core::AttractSlide> slides = ui::AttractSlides(*k.pack);
    const core::AttractFrame f = core::AttractAt(now - k.visits.visit.AttractSince(), (int)slides.size(),
                                                 k.pack->settings.timings.attract_slide_s);
    const int shown = f.fade > 0.5 ? f.next : f.current;
    return shown >= 0 && slides[(size_t)shown].kind == core::AttractSlide::Kind::Quiz;
}

// True when the pointer is on one of the "Still there?" overlay's buttons as last drawn.
bool OnOverlayButton(const ui::HitRegistry& hits, float x, float y)
{
    for (const char* id : {"idle:more-time", "read-aloud:still-there"})
        if (const ui::HitArea* a = hits.Find(id))
            if (x >= a->x0 && x < a->x1 && y >= a->y0 && y < a->y1)
                return true;
    return false;
}
} // namespace

bool ShowsAttract(const core::ContentPack* pack, const core::Visit& visit, bool visits_started, bool preview_attract)
{
    return pack && (preview_attract || (visits_started && visit.Phase() == core::VisitPhase::Attract));
}

std::string ScreenNameOf(const AdminSession& admin, const core::ContentPack* pack, const core::Visit& visit,
                         bool visits_started, bool preview_attract)
{
    if (admin.IsOpen())
        return admin.ScreenName();
    core::ScreenName name;
    if (!pack)
        name.kind = core::ScreenName::Kind::Fault;
    else if (ShowsAttract(pack, visit, visits_started, preview_attract))
        name.kind = core::ScreenName::Kind::Attract;
    else if (visits_started && visit.Phase() == core::VisitPhase::StillThere)
        name.kind = core::ScreenName::Kind::StillThere;
    else
        return core::ScreenKey(visit.State());
    return core::FormatScreenName(name);
}

VisitFeed FeedVisit(KioskScreens& k, bool touched, float pointer_x, float pointer_y, core::VisitTime t)
{
    VisitFeed feed;
    if (!k.host.VisitsStarted())
        return feed;
    core::Visit& visit = k.visits.visit;
    const bool quiz_slide = touched && !k.admin.IsOpen() && QuizSlideOnShow(k, t.mono);
    if (touched && visit.Phase() == core::VisitPhase::StillThere && OnOverlayButton(k.hits, pointer_x, pointer_y))
        touched = false;
    if (touched && !k.admin.IsOpen() && visit.Touch(t))
    {
        k.swallow_touch = true;
        feed.woke = true;
        if (quiz_slide && visit.Phase() == core::VisitPhase::Visiting)
        {
            const core::NavigationResult r = visit.Apply(core::StartQuiz{}, t, {});
            ui::FollowNavigation(k.view, visit.State(), r);
        }
    }
    feed.changed = visit.Tick(t);
    return feed;
}

FrameOutcome DrawKioskFrame(KioskScreens& k, const FrameInput& in, ui::UiContext ctx)
{
    const core::VisitTime t = in.t;
    if (in.watch_corner)
        k.corner_tracking = k.admin.WatchCorner(ui::AdminCorner(in.metrics), in.mouse_held, in.pointer_x, in.pointer_y,
                                                t.mono, k.pack.get(), k.visits);
    k.host.BeginImGuiFrame(k.swallow_touch);
    if (k.swallow_touch && !in.mouse_held)
        k.swallow_touch = false; // hidden for at least this one frame, then until the finger lifts
    const auto in_attract = [&k]
    { return ShowsAttract(k.pack.get(), k.visits.visit, k.host.VisitsStarted(), k.preview_attract); };
    ctx.pack = k.pack.get();
    ctx.visit = k.pack ? &k.visits.visit.State() : nullptr;
    ctx.metrics = in.metrics;
    ctx.now_s = t.mono;
    FrameOutcome out;
    out.drawn_screen = ScreenNameOf(k.admin, k.pack.get(), k.visits.visit, k.host.VisitsStarted(), k.preview_attract);
    ui::UiFrame& frame = out.frame;
    bool reload = false;
    if (k.admin.IsOpen())
    {
        const ui::AdminFrame admin_frame = ui::DrawAdminUi(ctx, k.admin.View(), k.admin.Model());
        const AdminRequests requests = k.admin.Handle(admin_frame.actions, k.pack.get(), k.visits, t);
        frame.animating = admin_frame.animating || !admin_frame.actions.empty();
        reload = requests.reload_content;
        if (requests.exit_app)
            k.host.RequestClose(); // the only way out in kiosk mode
    }
    else if (!k.pack)
        frame = ui::DrawFaultUi(ctx, k.fault_view, k.load_diagnostics);
    else if (in_attract())
        frame =
            ui::DrawAttractUi(ctx, k.preview_attract ? t.mono - k.preview_attract_t : k.visits.visit.AttractSince());
    else
        frame = ui::DrawVisitFrame(ctx, k.visits.visit, k.view, t);
    for (const core::VisitAction& action : frame.actions)
        reload |= std::holds_alternative<core::ReloadContent>(action);
    // Speech follows the visit; the staff panel, like the attract loop, is silent.
    if (k.pack && k.host.VisitsStarted())
        k.host.FollowSpeech(in_attract() || k.admin.IsOpen(), frame.actions, t);
    if (reload)
    {
        core::AdminMessage message;
        const bool had_pack = k.pack != nullptr;
        const bool ok = had_pack ? k.host.ReloadContent(&message) : k.host.LoadContent();
        if (!had_pack)
            message = {ok ? "admin.content.loaded_now" : "admin.content.still_broken", {}};
        if (k.admin.IsOpen())
            k.admin.ContentReloaded(ok, message, ok && k.pack ? k.pack->warnings : k.load_diagnostics);
    }
    // Escape is the keypad's Back. Outside kiosk mode it also quits where there is nothing to go
    // back to (a developer's or a stand's laptop: the home screen, the attract loop, the fault
    // screen); in kiosk mode the admin panel is the only way out, and Escape, Alt+F4, Ctrl+Q and
    // Ctrl+W do nothing.
    if (in.escape_quits && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    {
        const core::VisitState& s = k.visits.visit.State();
        if (!k.pack || in_attract() ||
            (s.screen == core::ScreenId::Home && s.history.empty() && s.glossary_term.empty()))
            k.host.RequestClose();
    }
    return out;
}
} // namespace kiosk::app
