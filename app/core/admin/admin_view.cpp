#include "core/admin/admin_view.h"

namespace kiosk::core
{
void OpenAdmin(AdminView& view)
{
    view = AdminView{};
    view.mode = AdminMode::PinEntry;
    view.ignore_press = true;
}

bool ApplyAdminAction(AdminView& view, const AdminAction& action)
{
    if (const auto* digit = std::get_if<AdminPinDigit>(&action))
    {
        view.pin_rejected = false;
        if (view.mode != AdminMode::PinEntry || digit->d < 0 || digit->d > 9 || view.pin.size() >= kAdminMaxPinDigits)
            return false;
        view.pin.push_back(static_cast<char>('0' + digit->d));
        return true;
    }
    if (std::holds_alternative<AdminPinBackspace>(action))
    {
        view.pin_rejected = false;
        if (view.pin.empty())
            return false;
        view.pin.pop_back();
        return true;
    }
    if (std::holds_alternative<AdminLeave>(action))
    {
        view = AdminView{};
        return true;
    }
    if (const auto* tab = std::get_if<AdminShowTab>(&action))
    {
        if (view.mode != AdminMode::Panel)
            return false;
        view.exit_armed = false;
        if (view.tab == tab->tab)
            return false;
        view.tab = tab->tab;
        view.scroll_y = 0.0f;
        view.scroll_velocity = 0.0f;
        view.content_h = 0.0f;
        return true;
    }
    if (std::holds_alternative<AdminOpenTouchTest>(action))
    {
        if (view.mode != AdminMode::Panel)
            return false;
        view.mode = AdminMode::TouchTest;
        view.exit_armed = false;
        view.touch_points.clear();
        return true;
    }
    if (std::holds_alternative<AdminCloseTouchTest>(action))
    {
        if (view.mode != AdminMode::TouchTest)
            return false;
        view.mode = AdminMode::Panel;
        view.touch_points.clear();
        return true;
    }
    if (std::holds_alternative<AdminArmExit>(action))
    {
        if (view.mode != AdminMode::Panel)
            return false;
        view.exit_armed = true;
        view.exit_shown_at = -1.0;
        return true;
    }
    if (const auto* language = std::get_if<AdminSetLanguage>(&action))
    {
        if (view.language == language->code)
            return false;
        view.language = language->code;
        return true;
    }
    if (std::holds_alternative<AdminCancelExit>(action))
    {
        const bool was = view.exit_armed;
        view.exit_armed = false;
        return was;
    }
    return false;
}

void ApplyPinAttempt(AdminView& view, kiosk::core::PinAttempt attempt)
{
    view.pin.clear();
    view.pin_rejected = attempt == kiosk::core::PinAttempt::Rejected;
    if (attempt == kiosk::core::PinAttempt::Accepted)
    {
        view.mode = AdminMode::Panel;
        view.tab = AdminTab::Today;
        view.scroll_y = 0.0f;
        view.scroll_velocity = 0.0f;
    }
}
} // namespace kiosk::core
