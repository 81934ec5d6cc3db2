#include "shell/idle_trim.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace kiosk::app
{
bool IdleTrim::Due(bool in_attract, double mono_now)
{
    if (!in_attract)
    {
        m_next = -1;
        return false;
    }
    if (m_next < 0)
        m_next = mono_now + m_delay_s;
    if (mono_now < m_next)
        return false;
    m_next = mono_now + m_interval_s;
    m_trims++;
    return true;
}

bool IdleTrim::Tick(bool in_attract, double mono_now)
{
    if (!Due(in_attract, mono_now))
        return false;
    TrimFreedMemory();
    return true;
}

bool TrimFreedMemory()
{
#ifdef __GLIBC__
    return malloc_trim(0) != 0;
#else
    return false;
#endif
}
} // namespace kiosk::app
