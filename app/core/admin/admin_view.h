// The staff's state while the admin panel is open: separate from the visitor's VisitView (a
// visit reset never touches it, and the panel never sees the visit). The PIN digits live only
// here, never in the model or in logs, and are cleared after each attempt and on leaving.
// Pure: no ImGui, no clock (time is a parameter).
#pragma once
#include "core/admin/admin_actions.h"
#include "core/admin/admin_pin.h"

#include <cstddef>
#include <string>
#include <vector>

namespace kiosk::core
{
enum class AdminMode
{
    Closed,    // the visit or the attract loop shows
    PinEntry,  // the PIN pad
    Panel,     // the staff panel (after a correct PIN)
    TouchTest, // the full-screen touch test
};

inline constexpr std::size_t kAdminMaxPinDigits = 12;   // as core::IsWellFormedPin
inline constexpr std::size_t kAdminMinPinDigits = 4;    // OK does nothing with fewer
inline constexpr std::size_t kAdminMaxTouchPoints = 40; // the touch test keeps the latest
// The exit confirmation lapses this long after its first frame on screen, and never while a finger
// is down: on a starved machine (a virtual one drew a frame every 2-4 s) the frame that shows the
// dialog, the one that takes the press and the one that takes the release can be seconds apart, and
// staff must still be able to confirm.
inline constexpr double kAdminExitConfirmS = 8.0;

struct AdminTouchPoint
{
    float x = 0.0f;
    float y = 0.0f;
    double t = 0.0; // ctx.now_s when the finger landed
};

struct AdminView
{
    AdminMode mode = AdminMode::Closed;
    AdminTab tab = AdminTab::Today;
    // The panel's own language, chosen with its language button; empty: the pack's first
    // language (kiosk.json's order, the organiser's choice). Not the visit's: staff open the
    // panel whatever language the last visitor chose, and switching it never changes a visit.
    // A fresh opening starts again from the pack's first.
    std::string language;
    std::string pin;                           // digits typed so far
    bool pin_rejected = false;                 // the last attempt was wrong: says so until the next key
    bool exit_armed = false;                   // Exit was tapped once; the confirmation shows
    double exit_shown_at = -1.0;               // ctx.now_s of the confirmation's first frame; < 0 until drawn
    std::vector<AdminTouchPoint> touch_points; // touch test, oldest first
    float scroll_y = 0.0f;                     // panel content scroll (reset on tab change)
    float scroll_velocity = 0.0f;
    float content_h = 0.0f; // panel content height measured last frame (for the scroll limit)
    // Set by OpenAdmin: the press that opened the panel (the corner long-press) is still down
    // and must not tap what lies under it when it lifts. Cleared by DrawAdminUi on release.
    bool ignore_press = false;
};

// The corner long-press fired: show the PIN pad, fresh.
void OpenAdmin(AdminView& view);

// Applies the panel-local part of an action (digits, backspace, tabs, touch test, exit
// confirmation, leave). Actions for the app (submit, reload, export, hold, exit) change nothing
// here. Returns true when the view changed.
bool ApplyAdminAction(AdminView& view, const AdminAction& action);

// After the app ran core::TryPin on view.pin: Accepted opens the panel on the Today tab;
// Rejected marks pin_rejected; LockedOut changes nothing else. The digits are always cleared.
void ApplyPinAttempt(AdminView& view, kiosk::core::PinAttempt attempt);
} // namespace kiosk::core
