// What staff ask for in the admin panel. Separate from the visitor's core::VisitAction: the admin panel
// is drawn instead of the visit and reports only these. DrawAdminUi applies the ones that only
// change the panel's own state (digits, tabs, touch test, exit confirmation) to the AdminView
// with ApplyAdminAction() and still returns them; the app acts on the rest (check the PIN,
// leave, reload, export, hold, exit).
#pragma once
#include <string>
#include <variant>

namespace kiosk::core
{
enum class AdminTab
{
    Today,
    AllTime,
    Content,
    Export,
    Hold,
};

struct AdminPinDigit // a digit key on the PIN pad (0-9)
{
    int d = 0;
};
struct AdminPinBackspace
{
};
// OK on the PIN pad. The digits are in AdminView::pin; the app checks them with core::TryPin
// and then calls ApplyPinAttempt() (which clears them).
struct AdminPinSubmit
{
};
// Cancel on the PIN pad or "Back to kiosk": the app returns to the visit or the attract loop.
// ApplyAdminAction closes the panel and forgets the digits and touch points.
struct AdminLeave
{
};
struct AdminReloadContent // validate and load the content folder again; keep the old pack on error
{
};
struct AdminExportStats // copy the statistics database into this folder (core::CopyStatsDatabase)
{
    std::string folder;
};
struct AdminStartHold // VisitPhaseMachine::HoldStart(now, hold length from the pack's timings)
{
};
struct AdminEndHold // VisitPhaseMachine::HoldEnd(now)
{
};
struct AdminShowTab
{
    AdminTab tab = AdminTab::Today;
};
struct AdminOpenTouchTest
{
};
struct AdminCloseTouchTest
{
};
struct AdminArmExit // the first tap on Exit: a confirmation shows for a few seconds
{
};
struct AdminCancelExit
{
};
struct AdminExitApp // the confirmed second tap: the app closes
{
};
// The language button on the panel's title bar: the panel's words (and its charts' role and
// photo titles) in this language. The visit's language is not touched.
struct AdminSetLanguage
{
    std::string code;
};

using AdminAction =
    std::variant<std::monostate, AdminPinDigit, AdminPinBackspace, AdminPinSubmit, AdminLeave, AdminReloadContent,
                 AdminExportStats, AdminStartHold, AdminEndHold, AdminShowTab, AdminOpenTouchTest, AdminCloseTouchTest,
                 AdminArmExit, AdminCancelExit, AdminExitApp, AdminSetLanguage>;

// A short stable name for logs and tests: "pin-digit" (never the digit itself: logs must not
// hold the PIN), "pin-submit", "export:/media/usb", "tab:content", "exit-app".
std::string DescribeAdminAction(const AdminAction& action);
const char* AdminTabName(AdminTab tab); // "today", "all-time", "content", "export", "hold"
} // namespace kiosk::core
