// IdleTrim: gives the memory malloc holds freed back to the system while the attract loop runs
// (issue 14, the soak). Pictures, text layouts and Mesa's buffers come and go with every visit;
// glibc keeps the freed holes in its heaps and arenas (mallinfo2's fordblks, the status line's
// heap_free_mib), and a hole is resident until malloc reuses it. malloc_trim(0) gives back the top
// of each heap and every whole free page inside them (madvise), without moving anything in use.
//
// Contract:
//   - Tick is called once per turn of the main loop with whether the attract loop is on screen.
//   - It trims first `delay_s` after the attract loop began (the visit's last frames drawn and its
//     memory freed) and then every `interval_s` while it stays on, which also catches what the
//     image cache frees as it evicts the visit's pictures (after 300 drawn frames unused); never
//     during a visit. Returns true when it trimmed.
//   - A trim costs one walk over malloc's free lists (milliseconds), on the main thread, while
//     nobody is touching the screen.
#pragma once
#include <cstddef>

namespace kiosk::app
{
class IdleTrim
{
public:
    explicit IdleTrim(double delay_s = 5.0, double interval_s = 60.0) : m_delay_s(delay_s), m_interval_s(interval_s) {}
    // True when it is time to trim (and then the trim is counted as done).
    bool Due(bool in_attract, double mono_now);
    // Due, and if so trims: returns true when it trimmed.
    bool Tick(bool in_attract, double mono_now);
    int Trims() const { return m_trims; }

private:
    double m_delay_s, m_interval_s;
    double m_next = -1; // mono time of the next trim; < 0 outside the attract loop
    int m_trims = 0;
};

// malloc_trim(0) (nothing without glibc); true when memory was given back.
bool TrimFreedMemory();
} // namespace kiosk::app
