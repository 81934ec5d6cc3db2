// A health line in the log every few minutes, for long runs (the soak, kiosk/soak.sh) and for staff
// reading a kiosk's journal after a long day: what the process holds that could leak, as the app
// itself counts it. With $KIOSK_STATUS_LOG_S set to a number of seconds (> 0), the main loop writes
// one line to stderr at start-up and then every that many seconds:
//
//   careers-kiosk: status: uptime_s=600 frames=18234 screen=attract gl_textures=7 cache_textures=7
//     texture_mib=31.6 decode_pending=0 uploads=412 evictions=405 image_failures=0 visits=21
//     stats_appended=640 stats_committed=640 stats_dropped=0 heap_used_mib=61.2 heap_free_mib=3.4
//     heap_mapped_mib=30.5 sqlite_mib=0.91 rss_mib=150.2 rss_anon_mib=68.0 rss_file_mib=82.2 trims=9
//
// (one line). gl_textures counts at the GL calls (platform/gl_texture.h); cache_textures is what
// the image cache believes it holds; the two must agree. The heap_ fields are glibc's malloc
// figures over every arena (ReadMallocFigures): what the process's allocations (ours and the
// libraries', Mesa's included) hold, and what malloc keeps freed without giving it back, so a
// growing resident size can be told apart as use, fragmentation or memory malloc never saw;
// sqlite_mib is SQLite's own share of the in-use figure (sqlite3_memory_used). The
// rss_ fields are the process's resident memory (/proc/self/status) at the same moment, so the
// soak compares figures taken together rather than a line with a sample taken seconds later. trims
// counts the times freed memory was given back during the attract loop (shell/idle_trim.h). Without the variable
// nothing is written. Main thread only.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace kiosk::app
{
struct KioskApp;

// glibc's mallinfo2() over every arena (zeros without glibc).
struct MallocFigures
{
    std::size_t in_use_bytes = 0;    // allocated and not freed (uordblks + hblkhd)
    std::size_t free_held_bytes = 0; // freed, still held in the arenas (fordblks)
    std::size_t mapped_bytes = 0;    // of in_use, blocks in their own mmap (hblkhd)
};
MallocFigures ReadMallocFigures();

// The process's resident memory from /proc/self/status (zeros where there is none).
struct ResidentFigures
{
    std::size_t rss_bytes = 0;  // VmRSS
    std::size_t anon_bytes = 0; // RssAnon: heap, arenas, mappings, stacks (textures too, under llvmpipe)
    std::size_t file_bytes = 0; // RssFile: libraries, fonts, voices mapped from files
};
ResidentFigures ReadResidentFigures();

class StatusLog
{
public:
    // Reads $KIOSK_STATUS_LOG_S; anything but a positive number leaves the log off.
    void ConfigureFromEnvironment();
    bool Enabled() const { return m_interval_s > 0; }
    // Counts a drawn frame (for the frames= field).
    void FrameDrawn() { m_frames++; }
    // Writes the line when it is due (the first call always, when enabled); true when it wrote.
    // Lines are due every interval from the first; after a stall, one interval after the late one.
    bool MaybeWrite(const KioskApp& app, double mono_now);
    // The line as it would be written now (tests and the first call).
    std::string Line(const KioskApp& app, double mono_now) const;

private:
    double m_interval_s = 0;
    double m_started = -1; // mono time of the first call
    double m_next = 0;
    std::int64_t m_frames = 0;
};
} // namespace kiosk::app
