#include "shell/frame_pacer.h"

#include <algorithm>

namespace kiosk::app
{
void FramePacer::Drawn(bool animating)
{
    m_animating = animating;
    m_frames_left = animating ? m_pacing.frames_after_input : std::max(0, m_frames_left - 1);
}

FrameWait FramePacer::Wait(double interval_s, double spent_s, bool watching_corner) const
{
    FrameWait w;
    if (m_animating)
    {
        const double interval = interval_s > 0 ? interval_s : m_pacing.animation_interval_s;
        w.timeout_s = std::max(0.0, interval - spent_s);
    }
    else if (m_frames_left > 0)
        w.poll = true;
    else
        w.timeout_s = watching_corner ? m_pacing.corner_watch_s : m_pacing.max_sleep_s;
    return w;
}

void FramePacer::Woke(bool input, bool news)
{
    if (input)
        m_frames_left = m_pacing.frames_after_input;
    m_need_frame = m_animating || m_frames_left > 0 || input || news;
}
} // namespace kiosk::app
