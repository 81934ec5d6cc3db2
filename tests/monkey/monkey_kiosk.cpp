#include "monkey/monkey_kiosk.h"

#include "core/content/content_loader.h"
#include "ui/metrics.h"

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

app::KioskScreens MonkeyKiosk::Screens()
{
    return {*this,      base.pack, load_diagnostics, visits,        view,
            fault_view, admin,     base.hits,        swallow_touch, corner_tracking};
}

bool MonkeyKiosk::InAttract() const
{
    return app::ShowsAttract(base.pack.get(), visits.visit, m_started, false);
}

std::string MonkeyKiosk::ScreenName() const
{
    return app::ScreenNameOf(admin, base.pack.get(), visits.visit, m_started, false);
}

void MonkeyKiosk::Step(double dt)
{
    base.AdvanceClock(dt);
    const bool touched = (m_down && !m_was_down) || !m_keys.empty();
    m_was_down = m_down;
    app::KioskScreens screens = Screens();
    if (app::FeedVisit(screens, touched, m_x, m_y, Time()).woke)
        m_keys.clear(); // a key that only woke the kiosk does nothing else
    DrawFrame(dt);
}

void MonkeyKiosk::Sleep(double dt)
{
    base.AdvanceClock(dt);
    app::KioskScreens screens = Screens();
    const bool changed = app::FeedVisit(screens, false, m_x, m_y, Time()).changed;
    const bool animating = InAttract() || (m_started && visits.visit.Phase() == core::VisitPhase::StillThere);
    if (changed || animating)
        DrawFrame(dt);
}

// ImGui's frame with the finger as the platform would report it (platform::Window does this with
// GLFW's input in the kiosk).
void MonkeyKiosk::BeginImGuiFrame(bool hide_touch)
{
    ImGui::SetCurrentContext(base.Context());
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = (float)std::max(m_dt, 1e-4);
    io.MousePos = ImVec2(m_x, m_y);
    io.MouseDown[0] = m_down && !hide_touch; // the touch that only woke the kiosk presses nothing
    (void)base.BeginFrame(base.pack && visits.visit.State().larger_text);
}

// As KioskApp::DrawFrame: the shared frame, then ImGui's Render (no GL behind it).
void MonkeyKiosk::DrawFrame(double dt)
{
    m_dt = dt;
    const bool larger = base.pack && visits.visit.State().larger_text;
    app::FrameInput in;
    in.t = Time();
    in.metrics = ui::ComputeMetrics(m_width, m_height, base.physical_mm_w, base.physical_mm_h, larger);
    in.pointer_x = m_x;
    in.pointer_y = m_y;
    in.mouse_held = m_down;
    in.watch_corner = true; // kiosk mode
    ui::UiContext ctx;
    ctx.images = &base.images;
    ctx.fonts = &base.fonts;
    ctx.hits = &base.hits;
    ctx.speech = &base.speech;
    ctx.keys = std::exchange(m_keys, {});
    app::KioskScreens screens = Screens();
    const app::FrameOutcome out = app::DrawKioskFrame(screens, in, std::move(ctx));
    m_drawn = out.drawn_screen;
    ImGui::Render();
    ++frames;
    if (m_close_requested)
        Restart();
}

// The content folder as the monkey has it now: the good one, or a broken one (the visitor sets
// next_reload_broken before it taps Reload). Every pack loaded gets the monkey's PIN.
bool MonkeyKiosk::Load(core::AdminMessage* message)
{
    const std::string& dir = folders.next_reload_broken ? folders.broken : folders.good;
    folders.next_reload_broken = false;
    core::ContentLoadResult result = core::LoadContentPack(dir);
    load_diagnostics = result.diagnostics;
    if (!result.pack)
    {
        ++reloads_failed;
        *message = {"admin.content.not_reloaded", {{"errors", std::to_string(result.diagnostics.ErrorCount())}}};
        return false;
    }
    base.pack = WithPin(*result.pack, folders.pin_hash);
    if (m_started)
        visits.visit.SetPack(*base.pack);
    else
        StartVisits();
    base.fonts = ui::Fonts{}; // new text: the atlas is baked again
    ++reloads_ok;
    *message = {"admin.content.reloaded", {}};
    return true;
}

bool MonkeyKiosk::ReloadContent(core::AdminMessage* message)
{
    return Load(message);
}

bool MonkeyKiosk::LoadContent()
{
    core::AdminMessage message;
    return Load(&message);
}

// "Exit" in the admin panel closes the app; systemd starts it again: the visit ends (reason
// shutdown) and a new kiosk starts on the content folder as it is now, the fault screen if the
// folder is broken by then (folders.next_reload_broken).
void MonkeyKiosk::Restart()
{
    m_close_requested = false;
    if (m_started)
        visits.visit.Stop(Time());
    m_started = false;
    admin = app::AdminSession();
    admin.Configure(true, folders.good);
    view = ui::VisitView();
    fault_view = ui::VisitView();
    swallow_touch = false;
    corner_tracking = false;
    ++restarts;
    const std::string& dir = folders.next_reload_broken ? folders.broken : folders.good;
    folders.next_reload_broken = false;
    core::ContentLoadResult result = core::LoadContentPack(dir);
    load_diagnostics = result.diagnostics;
    base.pack = result.pack ? WithPin(*result.pack, folders.pin_hash) : nullptr;
    base.fonts = ui::Fonts{};
    if (base.pack)
        StartVisits();
}
} // namespace kiosk::monkey
