// MonkeyKiosk: the kiosk's loop without a window, for the monkey. One pass is what the real loop
// (shell/kiosk_app.cpp) does between two wake-ups: the visit model sees the input and the time,
// then one frame of whichever screen is on is drawn. Both halves are the kiosk's own code
// (shell/kiosk_frame.h: FeedVisit and DrawKioskFrame, which KioskApp runs too): the admin panel
// behind the corner press and PIN (the real shell::AdminSession), the fault screen, the attract
// loop, or the visitor's screens with the "Still there?" overlay. MonkeyKiosk is their host in
// place of the window: it starts ImGui's frame in the headless UiHarness (a real ImGui context,
// Noto fonts, fake textures) with the finger's input, reloads from the monkey's content folders,
// and restarts when the panel's Exit asks to close. Time is an input.
//
// What the monkey does not run: the window, GL and textures, the frame pacer (its Sleep
// approximates when the loop draws) and the speech engine (FollowSpeech says nothing).
#pragma once
#include "core/content/diagnostics.h"
#include "core/stats/stats_event.h"
#include "core/visit/key_command.h"
#include "shell/admin_session.h"
#include "shell/kiosk_frame.h"
#include "shell/recorded_visits.h"
#include "support/ui_harness.h"

#include <memory>
#include <string>
#include <vector>

namespace kiosk::monkey
{
// The statistics events as the visit records them (in place of the store's writer thread).
struct RecordedEvents : core::EventSink
{
    void Record(core::StatsEvent event) override { list.push_back(std::move(event)); }
    std::vector<core::StatsEvent> list;
};

// Where "Reload content" reads from: the good folder, or a broken one (the reload must fail and
// keep the last good pack). Every pack loaded gets `pin_hash` as its admin PIN.
struct ContentFolders
{
    std::string good;
    std::string broken;
    std::string pin_hash;
    bool next_reload_broken = false; // set by the visitor before it taps Reload
};

// A loaded pack with the monkey's PIN (the bundled pack ships without one).
std::shared_ptr<const core::ContentPack> WithPin(const core::ContentPack& pack, const std::string& pin_hash);

class MonkeyKiosk final : public app::KioskFrameHost
{
public:
    // `pack` null: the content did not load, the kiosk starts on the fault screen.
    MonkeyKiosk(float width, float height, std::shared_ptr<const core::ContentPack> pack, ContentFolders folders);
    ~MonkeyKiosk();
    MonkeyKiosk(const MonkeyKiosk&) = delete;
    MonkeyKiosk& operator=(const MonkeyKiosk&) = delete;

    // The finger as the platform reports it from now on.
    void Pointer(float x, float y, bool down);
    bool Down() const { return m_down; }
    void Key(core::KeyCommand key);
    // One pass of the loop `dt` seconds after the last: FeedVisit, then DrawFrame.
    void Step(double dt);
    // The kiosk asleep for `dt` seconds (no input): the visit ticks, nothing is drawn unless
    // the visit changed or the screen animates on its own (attract loop, countdown).
    void Sleep(double dt);

    // The app closes (SIGTERM): any visit ends with reason shutdown.
    void Shutdown();

    // What the last frame showed, as core/visit/screen_name.h names it.
    const std::string& DrawnScreen() const { return m_drawn; }
    std::string ScreenName() const;
    bool InAttract() const;
    bool AdminOpen() const { return admin.IsOpen(); }
    const ui::HitRegistry& Hits() const { return base.hits; }
    core::VisitTime Time() const { return base.Time(); }
    float Width() const { return m_width; }
    float Height() const { return m_height; }
    std::int64_t frames = 0; // frames drawn

    // The parts, open for the invariants and the coverage.
    ui::test::UiHarness base; // ImGui context, fonts, fake images, hits, clock, pack (base.pack)
    app::RecordedVisits visits;
    app::AdminSession admin;
    ui::VisitView view;
    ui::VisitView fault_view;
    core::DiagnosticList load_diagnostics;
    RecordedEvents events;
    ContentFolders folders;
    int restarts = 0; // "Exit" in the admin panel: the service manager starts the kiosk again
    int reloads_ok = 0, reloads_failed = 0;
    bool swallow_touch = false;
    bool corner_tracking = false;

    // app::KioskFrameHost: what the shared frame asks of the program around it.
    bool VisitsStarted() const override { return m_started; }
    void BeginImGuiFrame(bool hide_touch) override;
    bool ReloadContent(core::AdminMessage* message) override;
    bool LoadContent() override;
    void FollowSpeech(bool, const std::vector<core::VisitAction>&, core::VisitTime) override {}
    void RequestClose() override { m_close_requested = true; }

private:
    app::KioskScreens Screens();
    void DrawFrame(double dt);
    void StartVisits();
    bool Load(core::AdminMessage* message);
    void Restart();

    float m_width, m_height;
    float m_x = -1.0f, m_y = -1.0f;
    bool m_down = false, m_was_down = false;
    std::vector<core::KeyCommand> m_keys;
    bool m_started = false;
    bool m_close_requested = false;
    double m_dt = 1.0 / 60.0;
    std::string m_drawn;
};
} // namespace kiosk::monkey
