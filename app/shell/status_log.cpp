#include "shell/status_log.h"

#include "platform/gl_texture.h"
#include "shell/kiosk_app.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sqlite3.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace kiosk::app
{
MallocFigures ReadMallocFigures()
{
    MallocFigures f;
#ifdef __GLIBC__
    const struct mallinfo2 mi = mallinfo2(); // every arena, the main one and the threads'
    f.in_use_bytes = mi.uordblks + mi.hblkhd;
    f.free_held_bytes = mi.fordblks;
    f.mapped_bytes = mi.hblkhd;
#endif
    return f;
}

ResidentFigures ReadResidentFigures()
{
    ResidentFigures r;
    FILE* f = std::fopen("/proc/self/status", "r");
    if (!f)
        return r;
    char line[256];
    while (std::fgets(line, sizeof(line), f))
    {
        unsigned long long kib = 0;
        if (std::sscanf(line, "VmRSS: %llu kB", &kib) == 1)
            r.rss_bytes = std::size_t(kib) * 1024;
        else if (std::sscanf(line, "RssAnon: %llu kB", &kib) == 1)
            r.anon_bytes = std::size_t(kib) * 1024;
        else if (std::sscanf(line, "RssFile: %llu kB", &kib) == 1)
            r.file_bytes = std::size_t(kib) * 1024;
    }
    std::fclose(f);
    return r;
}

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
    const MallocFigures heap = ReadMallocFigures();
    const ResidentFigures resident = ReadResidentFigures();
    constexpr double kMiB = 1024.0 * 1024.0;
    char line[768];
    std::snprintf(line, sizeof(line),
                  "careers-kiosk: status: uptime_s=%.0f frames=%lld screen=%s gl_textures=%lld cache_textures=%zu "
                  "texture_mib=%.1f decode_pending=%zu uploads=%llu evictions=%llu image_failures=%zu visits=%lld "
                  "stats_appended=%lld stats_committed=%lld stats_dropped=%lld heap_used_mib=%.1f heap_free_mib=%.1f "
                  "heap_mapped_mib=%.1f sqlite_mib=%.2f rss_mib=%.1f rss_anon_mib=%.1f rss_file_mib=%.1f trims=%d\n",
                  uptime, (long long)m_frames, app.ScreenName().c_str(), (long long)platform::LiveTextureCount(),
                  images.textures, double(images.texture_bytes) / kMiB, images.pending,
                  (unsigned long long)images.uploads, (unsigned long long)images.evictions, images.failed,
                  (long long)(app.visits.Started() ? app.visits.visit.VisitNumber() : 0), (long long)stats.appended_seq,
                  (long long)stats.committed_seq, (long long)stats.dropped, double(heap.in_use_bytes) / kMiB,
                  double(heap.free_held_bytes) / kMiB, double(heap.mapped_bytes) / kMiB,
                  double(sqlite3_memory_used()) / kMiB, double(resident.rss_bytes) / kMiB,
                  double(resident.anon_bytes) / kMiB, double(resident.file_bytes) / kMiB, app.idle_trim.Trims());
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
