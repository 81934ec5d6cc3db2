// Internal to the admin panel's files (admin_*.cpp): shared buttons, the action collector and
// the per-mode drawing functions. Not for other screens.
#pragma once
#include "ui/admin/admin_screen.h"
#include "ui/ui_strings.h"
#include "ui/widgets/icons.h"

#include <imgui.h>
#include <optional>
#include <string>

namespace kiosk::ui::admin
{
enum class ButtonStyle
{
    Primary,   // filled accent
    Secondary, // outlined
    Danger,    // exit: filled red (outlined yellow in high contrast)
    Disabled,  // drawn muted; its hit area is registered but taps do nothing
    Tab,       // an unselected tab
    TabOn,     // the selected tab
    OnBar,     // on the title bar
};

// Collects actions; while `blocked` (a confirmation is open above) taps underneath are dropped.
struct Out
{
    AdminFrame frame;
    bool blocked = false;
    void Add(core::AdminAction a)
    {
        if (!blocked)
            frame.actions.push_back(std::move(a));
    }
};

// A large touch button (TouchButton, centred, with the admin style as its kind); returns true
// when tapped (never for Disabled).
bool Button(const UiContext& ctx, const std::string& id, const std::string& label, ImVec2 min, ImVec2 max,
            ButtonStyle style, std::optional<Icon> icon = std::nullopt, ImFont* font = nullptr);
float ButtonWidth(const UiContext& ctx, const std::string& label, ImFont* font = nullptr);

// "4 min 05 s", "58 s", "1 h 02 min" (admin.time.* in the panel's language).
std::string FormatDuration(const UiContext& ctx, double seconds);
// The language after the panel's own in the pack's list (the language button switches to it,
// named in that language), or null with one language (no button).
const core::Language* NextLanguage(const UiContext& ctx);
// A message the app left (core::AdminMessage) in the panel's language; empty when there is none.
std::string Say(const UiContext& ctx, const core::AdminMessage& message);
// 12345 -> "12,345".
std::string FormatCount(std::int64_t n);

void DrawPinEntry(const UiContext& ctx, const core::AdminView& view, const core::AdminModel& model, Out& out);
void DrawPanel(const UiContext& ctx, core::AdminView& view, const core::AdminModel& model, Out& out);
void DrawTouchTest(const UiContext& ctx, core::AdminView& view, Out& out);

// Panel tab bodies: draw from y = top downwards within [x0, x1]; return the height used.
float DrawStatsTab(const UiContext& ctx, const core::AdminStats& stats, const std::string& period, float x0, float x1,
                   float top);
float DrawContentTab(const UiContext& ctx, const core::AdminModel& model, float x0, float x1, float top, Out& out);
float DrawExportTab(const UiContext& ctx, const core::AdminModel& model, float x0, float x1, float top, Out& out);
float DrawHoldTab(const UiContext& ctx, const core::AdminModel& model, float x0, float x1, float top, Out& out);
} // namespace kiosk::ui::admin
