// UsageRecorder: turns what a visitor did (the actions a frame returned, and how the VisitView
// changed) into anonymous usage events for the statistics store. Pure: no ImGui, no clock (times
// are passed in), no disk; the app appends what it returns to core::StatsStore.
//
// What is recorded: every screen left, with its dwell time (screen_viewed); roles opened;
// photographs shown in the gallery, with dwell; pathway start points chosen and nodes opened;
// language and accessibility switches. Only content ids, language codes and fixed setting names:
// never anything a visitor could type.
#pragma once
#include "core/content/content_model.h"
#include "core/stats/stats_event.h"
#include "ui/ui_actions.h"
#include "ui/ui_context.h"

#include <string>
#include <vector>

namespace kiosk::ui
{
// "home", "role:ID", "gallery:N", "pathway": the screen a view shows, as --screen names it.
std::string ScreenKey(const VisitView& view);

class UsageRecorder
{
public:
    // A visit starts on `view` (usually Home) at monotonic time `mono`.
    void StartVisit(const VisitView& view, const kiosk::core::ContentPack& pack, double mono);
    // After a frame: `before` and `after` are the view before and after `actions` were applied.
    std::vector<kiosk::core::StatsEvent> Update(const VisitView& before, const VisitView& after,
                                                const std::vector<UiAction>& actions,
                                                const kiosk::core::ContentPack& pack, double mono, double wall);
    // The visit ends: closes the current screen (and photo) with their dwell times.
    std::vector<kiosk::core::StatsEvent> EndVisit(double mono, double wall);
    bool InVisit() const { return m_in_visit; }

private:
    void OpenScreen(const VisitView& view, const kiosk::core::ContentPack& pack, double mono);
    void CloseScreen(std::vector<kiosk::core::StatsEvent>& out, double mono, double wall);

    bool m_in_visit = false;
    std::string m_screen; // ScreenKey of the screen on show
    double m_screen_since = 0;
    std::string m_photo; // photo id on show in the gallery, else empty
    double m_photo_since = 0;
};
} // namespace kiosk::ui
