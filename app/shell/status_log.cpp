#include "shell/status_log.h"

#include "platform/gl_texture.h"
#include "shell/kiosk_app.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace kiosk::app
{
void StatusLog::ConfigureFromEnvironment()
{
    const char* env = std::getenv("KIOSK_STATUS_LOG_S");
    if (!env || !*env)
        return;
    char* end = nullptr;
    const double seconds = std::strtod(env, &end);
    if (end && *end == '\0' && std::isfinite(seconds) && seconds > 0)
        m_interval_s = seconds;
    else
        std::fprintf(stderr, "careers-kiosk: KIOSK_STATUS_LOG_S='%s' is not a number of seconds; no status lines\n",
                     env);
}

std::string StatusLog::Line(const KioskApp& app, double mono_now) const
{
    const core::ImageCacheStats images = app.textures ? app.textures->Stats() : core::ImageCacheStats{};
    core::StatsStoreStatus stats;
    if (app.visits.store)
        stats = app.visits.store->Status();
    const double uptime = m_started < 0 ? 0.0 : mono_now - m_started;
    char line[640];
    std::snprintf(line, sizeof(line),
                  "careers-kiosk: status: uptime_s=%.0f frames=%lld screen=%s gl_textures=%lld cache_textures=%zu "
                  "texture_mib=%.1f decode_pending=%zu uploads=%llu evictions=%llu image_failures=%zu visits=%lld "
                  "stats_appended=%lld stats_committed=%lld stats_dropped=%lld\n",
                  uptime, (long long)m_frames, app.ScreenName().c_str(), (long long)platform::LiveTextureCount(),
                  images.textures, double(images.texture_bytes) / (1024.0 * 1024.0), images.pending,
                  (unsigned long long)images.uploads, (unsigned long long)images.evictions, images.failed,
                  (long long)(app.visits.Started() ? app.visits.visit.VisitNumber() : 0), (long long)stats.appended_seq,
                  (long long)stats.committed_seq, (long long)stats.dropped);
    return line;
}

bool StatusLog::MaybeWrite(const KioskApp& app, double mono_now)
{
    if (m_interval_s <= 0)
        return false;
    if (m_started < 0)
    {
        m_started = mono_now;
        m_next = mono_now;
    }
    if (mono_now < m_next)
        return false;
    // The next line is due one interval after this one was due, so a late loop does not drift
    // (after a long stall, one interval from now).
    m_next += m_interval_s;
    if (m_next <= mono_now)
        m_next = mono_now + m_interval_s;
    std::fputs(Line(app, mono_now).c_str(), stderr);
    std::fflush(stderr);
    return true;
}
} // namespace kiosk::app
