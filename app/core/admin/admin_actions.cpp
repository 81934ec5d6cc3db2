#include "core/admin/admin_actions.h"

namespace kiosk::core
{
namespace
{
template <class... Ts> struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;
} // namespace

const char* AdminTabName(AdminTab tab)
{
    switch (tab)
    {
    case AdminTab::Today:
        return "today";
    case AdminTab::AllTime:
        return "all-time";
    case AdminTab::Content:
        return "content";
    case AdminTab::Export:
        return "export";
    case AdminTab::Hold:
        return "hold";
    }
    return "today";
}

std::string DescribeAdminAction(const AdminAction& action)
{
    return std::visit(Overloaded{[](std::monostate) { return std::string("none"); },
                                 [](const AdminPinDigit&) { return std::string("pin-digit"); },
                                 [](const AdminPinBackspace&) { return std::string("pin-backspace"); },
                                 [](const AdminPinSubmit&) { return std::string("pin-submit"); },
                                 [](const AdminLeave&) { return std::string("leave"); },
                                 [](const AdminReloadContent&) { return std::string("reload-content"); },
                                 [](const AdminExportStats& a) { return "export:" + a.folder; },
                                 [](const AdminStartHold&) { return std::string("start-hold"); },
                                 [](const AdminEndHold&) { return std::string("end-hold"); },
                                 [](const AdminShowTab& a) { return std::string("tab:") + AdminTabName(a.tab); },
                                 [](const AdminOpenTouchTest&) { return std::string("open-touch-test"); },
                                 [](const AdminCloseTouchTest&) { return std::string("close-touch-test"); },
                                 [](const AdminArmExit&) { return std::string("arm-exit"); },
                                 [](const AdminCancelExit&) { return std::string("cancel-exit"); },
                                 [](const AdminExitApp&) { return std::string("exit-app"); },
                                 [](const AdminSetLanguage& a) { return "language:" + a.code; }},
                      action);
}
} // namespace kiosk::core
