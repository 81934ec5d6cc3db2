#include "monkey/monkey_kiosk.h"

#include "core/content/content_loader.h"
#include "core/visit/attract_timeline.h"
#include "core/visit/screen_name.h"
#include "ui/admin/admin_screen.h"
#include "ui/app_ui.h"
#include "ui/metrics.h"
#include "ui/screens/attract_screen.h"

#include <algorithm>
#include <imgui.h>
#include <utility>

namespace kiosk::monkey
{
std::shared_ptr<const core::ContentPack> WithPin(const core::ContentPack& pack, const std::string& pin_hash)
{
    auto copy = std::make_shared<core::ContentPack>(pack);
    copy->settings.admin_pin_hash = pin_hash;
    return copy;
}

MonkeyKiosk::MonkeyKiosk(float width, float height, std::shared_ptr<const core::ContentPack> pack,
                         ContentFolders content)
    : base(width, height, std::move(pack)), folders(std::move(content)), m_width(width), m_height(height)
{
    // The read-aloud controls show, as on a kiosk with a sound device (nothing is spoken).
    base.speech = core::SpeechStatus{true, std::string(), std::string()};
    admin.Configure(true, folders.good); // kiosk mode: the PIN pad always asks
    if (base.pack)
        StartVisits();
}

MonkeyKiosk::~MonkeyKiosk()
{
    Shutdown();
}

void MonkeyKiosk::Shutdown()
{
    if (m_started)
        visits.visit.Stop(Time());
    m_started = false;
}

void MonkeyKiosk::StartVisits()
{
    visits.visit = core::Visit();
    visits.visit.Start(*base.pack, &events, 0, Time());
    m_started = true;
}

void MonkeyKiosk::Pointer(float x, float y, bool down)
{
    m_x = x;
    m_y = y;
    m_down = down;
}

void MonkeyKiosk::Key(core::KeyCommand key)
{
    m_keys.push_back(key);
}

bool MonkeyKiosk::InAttract() const
{
    return base.pack && m_started && visits.visit.Phase() == core::VisitPhase::Attract;
}

std::string MonkeyKiosk::ScreenName() const
{
    if (admin.IsOpen())
        return admin.ScreenName();
    core::ScreenName name;
    if (!base.pack)
        name.kind = core::ScreenName::Kind::Fault;
    else if (InAttract())
        name.kind = core::ScreenName::Kind::Attract;
    else if (m_started && visits.visit.Phase() == core::VisitPhase::StillThere)
        name.kind = core::ScreenName::Kind::StillThere;
    else
        return core::ScreenKey(visits.visit.State());
    return core::FormatScreenName(name);
}

bool MonkeyKiosk::QuizSlideOnShow(double now) const
{
    if (!InAttract())
        return false;
    const std::vector<core::AttractSlide> slides = ui::AttractSlides(*base.pack);
    const core::AttractFrame f = core::AttractAt(now - visits.visit.AttractSince(), (int)slides.size(),
                                                 base.pack->settings.timings.attract_slide_s);
    const int shown = f.fade > 0.5 ? f.next : f.current;
    return shown >= 0 && slides[(size_t)shown].kind == core::AttractSlide::Kind::Quiz;
}

bool MonkeyKiosk::OnOverlayButton() const
{
    for (const char* id : {"idle:more-time", "read-aloud:still-there"})
        if (const ui::HitArea* a = base.hits.Find(id))
            if (m_x >= a->x0 && m_x < a->x1 && m_y >= a->y0 && m_y < a->y1)
                return true;
    return false;
}

// As FeedVisit in shell/kiosk_app.cpp.
bool MonkeyKiosk::FeedVisit(bool touched)
{
    if (!m_started)
        return false;
    const core::VisitTime t = Time();
    const bool quiz_slide = touched && !admin.IsOpen() && QuizSlideOnShow(t.mono);
    if (touched && visits.visit.Phase() == core::VisitPhase::StillThere && OnOverlayButton())
        touched = false;
    if (touched && !admin.IsOpen() && visits.visit.Touch(t))
    {
        swallow_touch = true;
        m_keys.clear();
        if (quiz_slide && visits.visit.Phase() == core::VisitPhase::Visiting)
        {
            const core::NavigationResult r = visits.visit.Apply(core::StartQuiz{}, t, {});
            ui::FollowNavigation(view, visits.visit.State(), r);
        }
    }
    return visits.visit.Tick(t);
}

void MonkeyKiosk::Step(double dt)
{
    base.AdvanceClock(dt);
    const bool touched = (m_down && !m_was_down) || !m_keys.empty();
    m_was_down = m_down;
    FeedVisit(touched);
    DrawFrame(dt);
}

void MonkeyKiosk::Sleep(double dt)
{
    base.AdvanceClock(dt);
    const bool changed = FeedVisit(false);
    const bool animating = InAttract() || (m_started && visits.visit.Phase() == core::VisitPhase::StillThere);
    if (changed || animating)
        DrawFrame(dt);
}

// As KioskApp::DrawFrame in shell/kiosk_app.cpp.
void MonkeyKiosk::DrawFrame(double dt)
{
    const core::VisitTime t = Time();
    const bool larger = base.pack && visits.visit.State().larger_text;
    const ui::Metrics metrics = ui::ComputeMetrics(m_width, m_height, base.physical_mm_w, base.physical_mm_h, larger);
    corner_tracking = admin.WatchCorner(ui::AdminCorner(metrics), m_down, m_x, m_y, t.mono, base.pack.get(), visits);
    ImGui::SetCurrentContext(base.Context());
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = (float)std::max(dt, 1e-4);
    io.MousePos = ImVec2(m_x, m_y);
    io.MouseDown[0] = m_down && !swallow_touch; // the touch that only woke the kiosk presses nothing
    if (swallow_touch && !m_down)
        swallow_touch = false;
    ui::UiContext ctx = base.BeginFrame(larger);
    ctx.visit = base.pack ? &visits.visit.State() : nullptr;
    ctx.keys = std::exchange(m_keys, {});
    m_drawn = ScreenName();
    ui::UiFrame frame;
    bool reload = false, exit_app = false;
    if (admin.IsOpen())
    {
        const ui::AdminFrame admin_frame = ui::DrawAdminUi(ctx, admin.View(), admin.Model());
        const app::AdminRequests requests = admin.Handle(admin_frame.actions, base.pack.get(), visits, t);
        reload = requests.reload_content;
        exit_app = requests.exit_app;
    }
    else if (!base.pack)
        frame = ui::DrawFaultUi(ctx, fault_view, load_diagnostics);
    else if (InAttract())
        frame = ui::DrawAttractUi(ctx, visits.visit.AttractSince());
    else
        frame = ui::DrawVisitFrame(ctx, visits.visit, view, t);
    for (const core::VisitAction& action : frame.actions)
        reload |= std::holds_alternative<core::ReloadContent>(action);
    ImGui::Render();
    ++frames;
    if (reload)
        Reload();
    if (exit_app)
        Restart();
}

// As KioskApp::ReloadContent / LoadContent: a broken folder keeps the last good pack.
void MonkeyKiosk::Reload()
{
    const std::string& dir = folders.next_reload_broken ? folders.broken : folders.good;
    folders.next_reload_broken = false;
    core::ContentLoadResult result = core::LoadContentPack(dir);
    const bool ok = result.pack != nullptr;
    core::AdminMessage message;
    if (ok)
    {
        base.pack = WithPin(*result.pack, folders.pin_hash);
        load_diagnostics = result.diagnostics;
        if (m_started)
            visits.visit.SetPack(*base.pack);
        else
            StartVisits();
        base.fonts = ui::Fonts{}; // new text: the atlas is baked again
        ++reloads_ok;
        message = {"admin.content.reloaded", {}};
    }
    else
    {
        load_diagnostics = result.diagnostics;
        ++reloads_failed;
        message = {"admin.content.not_reloaded", {{"errors", std::to_string(result.diagnostics.ErrorCount())}}};
    }
    if (admin.IsOpen())
        admin.ContentReloaded(ok, message, ok ? base.pack->warnings : load_diagnostics);
}

// "Exit" in the admin panel closes the app; systemd starts it again: the visit ends (reason
// shutdown) and a new kiosk starts on the same content.
void MonkeyKiosk::Restart()
{
    if (m_started)
        visits.visit.Stop(Time());
    admin = app::AdminSession();
    admin.Configure(true, folders.good);
    view = ui::VisitView();
    swallow_touch = false;
    ++restarts;
    if (base.pack)
        StartVisits();
}
} // namespace kiosk::monkey
