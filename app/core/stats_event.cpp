#include "core/stats_event.h"

namespace kiosk::core
{
namespace
{
struct KindName
{
    EventKind kind;
    const char* name;
};

constexpr KindName kKindNames[] = {
    {EventKind::VisitStarted, "visit_started"},
    {EventKind::VisitEnded, "visit_ended"},
    {EventKind::ScreenViewed, "screen_viewed"},
    {EventKind::RoleOpened, "role_opened"},
    {EventKind::PhotoViewed, "photo_viewed"},
    {EventKind::PathwayNodeTapped, "pathway_node_tapped"},
    {EventKind::StartPointChosen, "start_point_chosen"},
    {EventKind::LanguageSwitched, "language_switched"},
    {EventKind::AccessibilitySwitched, "accessibility_switched"},
    {EventKind::IdleReset, "idle_reset"},
};
} // namespace

const char* EventKindName(EventKind kind)
{
    for (const KindName& k : kKindNames)
        if (k.kind == kind)
            return k.name;
    return "unknown";
}

std::optional<EventKind> ParseEventKind(std::string_view name)
{
    for (const KindName& k : kKindNames)
        if (name == k.name)
            return k.kind;
    return std::nullopt;
}
} // namespace kiosk::core
