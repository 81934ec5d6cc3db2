// FramePacer: when the main loop draws and how long it sleeps. Idle by default: a frame is drawn
// only after input, a worker's news, a visit change, or while something animates; then a few more
// frames so ImGui settles (clicks register one frame late otherwise). Pure: no clock, no window;
// the loop hands it what happened. Unit-tested in tests/shell/test_frame_pacer.cpp.
#pragma once

namespace kiosk::app
{
struct FramePacing
{
    double animation_interval_s = 1.0 / 60.0; // while something moves (the attract loop asks for less)
    int frames_after_input = 3;               // ImGui needs a couple of frames to settle after input
    double max_sleep_s = 0.5;                 // upper bound on one wait, so signals are seen
    double corner_watch_s = 0.1;              // while a corner press is timed (a still finger sends nothing)
};

// How the loop should wait for the next event.
struct FrameWait
{
    bool poll = false;    // only take what is queued, do not block
    double timeout_s = 0; // otherwise block at most this long
};

class FramePacer
{
public:
    explicit FramePacer(const FramePacing& pacing = {}) : m_pacing(pacing), m_frames_left(pacing.frames_after_input) {}

    // Whether the next pass of the loop draws a frame.
    bool ShouldDraw() const { return m_need_frame; }
    // A frame was drawn; `animating` says something still moves on its own.
    void Drawn(bool animating);
    // How to wait after this pass. `interval_s` is the animation's frame interval (0: the default),
    // `spent_s` the time this pass has taken so far, `watching_corner` a corner press is timed.
    FrameWait Wait(double interval_s, double spent_s, bool watching_corner) const;
    // After the wait: `input` is any input event, `news` anything else that must be drawn (a
    // visit change, a worker's wake-up, a corner press being timed).
    void Woke(bool input, bool news);

private:
    FramePacing m_pacing;
    int m_frames_left;
    bool m_need_frame = true;
    bool m_animating = false;
};
} // namespace kiosk::app
