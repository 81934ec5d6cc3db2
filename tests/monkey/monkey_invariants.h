// What must hold on every frame of a monkey run. Each check returns an empty string when it
// holds, else one sentence saying what broke (the runner adds the seed and frame).
#pragma once
#include "core/stats/stats_event.h"
#include "ui/hit_registry.h"

#include <cstddef>
#include <string>
#include <vector>

namespace kiosk::monkey
{
// Every tappable target registered this frame lies on the screen and inside the clip rect it
// was drawn in, with a finite, non-empty rectangle.
std::string CheckTargetsOnScreen(const ui::HitRegistry& hits, float screen_w, float screen_h);

// Reads the statistics events as they are recorded and checks they form valid visits: each
// visit started once and ended once, no event of a visit outside one, durations non-negative
// (a visit's duration is the time from its start to its end, the walk-away time within it),
// dwell times non-negative, times never going back.
class StatsChecker
{
public:
    // Checks the events recorded since the last call.
    std::string Feed(const std::vector<core::StatsEvent>& events);
    // At the end of a run (after the kiosk shut down): no visit left open.
    std::string Finish() const;
    int VisitsStarted() const { return m_started; }
    int VisitsEnded() const { return m_ended; }
    std::size_t EventsChecked() const { return m_seen; }

private:
    std::size_t m_seen = 0;
    bool m_in_visit = false;
    double m_visit_start = 0.0;
    double m_last_mono = -1e300;
    bool m_reset_allowed = false; // an idle reset follows the end of a visit
    int m_started = 0, m_ended = 0;
};
} // namespace kiosk::monkey
