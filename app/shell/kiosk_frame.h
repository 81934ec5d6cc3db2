// One frame of the kiosk's screens, without a window, GL or textures: the code the kiosk's loop
// (KioskApp::DrawFrame and FeedVisit, shell/kiosk_app.cpp) and the monkey (tests/monkey/) both
// run, so a change to what a frame does is monkey-tested as the kiosk runs it. Time and the
// platform's input are inputs; what only the program around it can do (start ImGui's frame with
// the input, reload content, speak, close the window) it asks of a KioskFrameHost.
//
//   FeedVisit       after each wake-up: the visit sees the touch and the time
//   DrawKioskFrame  the admin corner watched, ImGui's frame begun, the screen on show drawn (admin
//                   panel, fault screen, attract loop, or the visitor's screens with "Still
//                   there?"), its actions carried out; the caller then renders (or ends) the frame
#pragma once
#include "core/admin/admin_view.h"
#include "core/content/diagnostics.h"
#include "core/visit/visit.h"
#include "shell/admin_session.h"
#include "shell/recorded_visits.h"
#include "ui/app_ui.h"
#include "ui/hit_registry.h"
#include "ui/ui_context.h"

#include <memory>
#include <string>
#include <vector>

namespace kiosk::app
{
// What a frame asks of the program around it: KioskApp in the kiosk, MonkeyKiosk in the monkey.
class KioskFrameHost
{
public:
    virtual ~KioskFrameHost() = default;
    // The visit model runs and records (kiosk mode, once a pack loaded; a preview's does not).
    virtual bool VisitsStarted() const = 0;
    // ImGui's NewFrame with this frame's input; `hide_touch`: the pointer's button shows as up.
    virtual void BeginImGuiFrame(bool hide_touch) = 0;
    // "Reload content" with a pack on screen: true when the folder validated and is now in use;
    // fills `message` for the admin panel.
    virtual bool ReloadContent(core::AdminMessage* message) = 0;
    // "Reload" on the fault screen: true when a pack loaded.
    virtual bool LoadContent() = 0;
    // After the frame's actions: read aloud follows the visit (`silent`: the attract loop or the
    // staff panel shows).
    virtual void FollowSpeech(bool silent, const std::vector<core::VisitAction>& actions, core::VisitTime t) = 0;
    // "Exit" in the admin panel, or Escape where it quits.
    virtual void RequestClose() = 0;
};

// The kiosk's state a frame reads and changes (KioskApp's members, or the monkey's).
struct KioskScreens
{
    KioskFrameHost& host;
    const std::shared_ptr<const core::ContentPack>& pack; // null: the fault screen
    const core::DiagnosticList& load_diagnostics;
    RecordedVisits& visits;
    ui::VisitView& view;       // the visit's motion state
    ui::VisitView& fault_view; // the fault screen's scroll
    AdminSession& admin;
    const ui::HitRegistry& hits; // as last drawn
    bool& swallow_touch;         // the last touch only woke the kiosk: hidden until released
    bool& corner_tracking;       // a corner press is being timed (the loop wakes every 0.1 s)
    bool preview_attract = false;
    double preview_attract_t = 0;
};

// A frame's input as the platform reports it.
struct FrameInput
{
    core::VisitTime t;
    ui::Metrics metrics;
    float pointer_x = -1.0f, pointer_y = -1.0f;
    bool mouse_held = false;
    bool watch_corner = false; // kiosk mode: a corner press opens the staff panel
    bool escape_quits = false; // not locked, kiosk mode: Escape where there is nowhere back closes
};

struct FrameOutcome
{
    std::string drawn_screen; // what the frame showed (before its actions changed it)
    ui::UiFrame frame;        // its actions, and whether something still moves
};

// True while the attract loop shows (or a preview holds it still).
bool ShowsAttract(const core::ContentPack* pack, const core::Visit& visit, bool visits_started, bool preview_attract);
// What is on screen, as core/visit/screen_name.h names it.
std::string ScreenNameOf(const AdminSession& admin, const core::ContentPack* pack, const core::Visit& visit,
                         bool visits_started, bool preview_attract);

struct VisitFeed
{
    bool changed = false; // the visit changed (a countdown, a reset): draw
    bool woke = false;    // the touch only woke the kiosk: the caller drops the keys pressed with it
};
// After each wake-up: the visit's phases see every touch and the passing of time, drawn or not.
// Staff touches in the admin panel are not a visitor's; a press on the countdown's own buttons is
// the overlay's; the touch that wakes the kiosk on the quiz's slide starts the visit in the quiz.
VisitFeed FeedVisit(KioskScreens& k, bool touched, float pointer_x, float pointer_y, core::VisitTime t);

// One frame. `ctx` comes with the caller's images, fonts, hits, speech status and keys; the rest is
// filled here. Ends with ImGui's frame still open: the caller renders it (or ends it undrawn).
FrameOutcome DrawKioskFrame(KioskScreens& k, const FrameInput& in, ui::UiContext ctx);
} // namespace kiosk::app
