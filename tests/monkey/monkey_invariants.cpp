#include "monkey/monkey_invariants.h"

#include <cmath>
#include <cstdio>

namespace kiosk::monkey
{
namespace
{
constexpr float kSlackPx = 0.5f;         // rounding of clip rects
constexpr double kMaxWakeGapMs = 1000.0; // the monkey's kiosk ticks at least once a second

std::string Rect(float x0, float y0, float x1, float y1)
{
    char buf[128];
    std::snprintf(buf, sizeof(buf), "(%.1f, %.1f)-(%.1f, %.1f)", x0, y0, x1, y1);
    return buf;
}
} // namespace

std::string CheckTargetsOnScreen(const ui::HitRegistry& hits, float screen_w, float screen_h)
{
    for (const ui::HitArea& a : hits.Areas())
    {
        const std::string where = "target '" + a.id + "' at " + Rect(a.x0, a.y0, a.x1, a.y1);
        if (!std::isfinite(a.x0) || !std::isfinite(a.y0) || !std::isfinite(a.x1) || !std::isfinite(a.y1))
            return where + " is not finite";
        if (!(a.x1 > a.x0) || !(a.y1 > a.y0))
            return where + " is empty";
        if (a.x0 < -kSlackPx || a.y0 < -kSlackPx || a.x1 > screen_w + kSlackPx || a.y1 > screen_h + kSlackPx)
            return where + " lies (partly) off the " + std::to_string((int)screen_w) + "x" +
                   std::to_string((int)screen_h) + " screen";
        const bool clipped = a.clip_x1 > a.clip_x0 && a.clip_y1 > a.clip_y0;
        if (clipped && (a.x0 < a.clip_x0 - kSlackPx || a.y0 < a.clip_y0 - kSlackPx || a.x1 > a.clip_x1 + kSlackPx ||
                        a.y1 > a.clip_y1 + kSlackPx))
            return where + " lies outside the view it was drawn in " + Rect(a.clip_x0, a.clip_y0, a.clip_x1, a.clip_y1);
    }
    return {};
}

std::string StatsChecker::Feed(const std::vector<core::StatsEvent>& events)
{
    for (; m_seen < events.size(); ++m_seen)
    {
        const core::StatsEvent& e = events[m_seen];
        const std::string what = std::string("statistics event #") + std::to_string(m_seen) + " (" +
                                 core::EventKindName(e.kind) + " at " + std::to_string(e.mono_time) + " s)";
        if (!std::isfinite(e.mono_time) || e.mono_time < m_last_mono)
            return what + " goes back in time (previous event at " + std::to_string(m_last_mono) + " s)";
        m_last_mono = e.mono_time;
        switch (e.kind)
        {
        case core::EventKind::VisitStarted:
            if (m_in_visit)
                return what + ": a visit started inside another";
            m_in_visit = true;
            m_reset_allowed = false;
            m_visit_start = e.mono_time;
            ++m_started;
            break;
        case core::EventKind::VisitEnded:
        {
            if (!m_in_visit)
                return what + ": a visit ended that never started";
            if (e.visit_duration_ms < 0 || e.idle_ms < 0)
                return what + ": negative duration " + std::to_string(e.visit_duration_ms) + " ms or idle " +
                       std::to_string(e.idle_ms) + " ms";
            if (e.idle_ms > e.visit_duration_ms + 1)
                return what + ": walk-away time " + std::to_string(e.idle_ms) + " ms longer than the visit " +
                       std::to_string(e.visit_duration_ms) + " ms";
            // The monkey's clock never jumps (the kiosk wakes at least once a second), so a visit
            // lasts from its start to its end, except that a countdown that ran out ends the
            // visit when it was due, up to one wake-up before the tick that noticed it.
            const double ran_ms = (e.mono_time - m_visit_start) * 1000.0;
            const double early_ms = e.end_reason == "idle_timeout" ? kMaxWakeGapMs : 0.0;
            if ((double)e.visit_duration_ms > ran_ms + 2.0 || (double)e.visit_duration_ms < ran_ms - early_ms - 2.0)
                return what + ": duration " + std::to_string(e.visit_duration_ms) + " ms (" + e.end_reason +
                       "), but the visit ran " + std::to_string(ran_ms) + " ms";
            if (e.end_reason != "idle_timeout" && e.end_reason != "staff" && e.end_reason != "shutdown")
                return what + ": unknown end reason '" + e.end_reason + "'";
            m_in_visit = false;
            m_reset_allowed = true;
            ++m_ended;
            break;
        }
        case core::EventKind::IdleReset:
            if (m_in_visit || !m_reset_allowed)
                return what + ": an idle reset not right after the end of a visit";
            m_reset_allowed = false;
            break;
        default:
            if (!m_in_visit)
                return what + ": recorded outside a visit";
            if (e.dwell_ms < -1 || (e.kind == core::EventKind::ScreenViewed && e.dwell_ms < 0))
                return what + ": dwell " + std::to_string(e.dwell_ms) + " ms";
            break;
        }
    }
    return {};
}

std::string StatsChecker::Finish() const
{
    if (m_in_visit)
        return "a visit was still open after the kiosk shut down";
    if (m_started != m_ended)
        return std::to_string(m_started) + " visits started but " + std::to_string(m_ended) + " ended";
    return {};
}
} // namespace kiosk::monkey
