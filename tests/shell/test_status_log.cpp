// StatusLog: the soak's window into the running kiosk ($KIOSK_STATUS_LOG_S). Off unless asked for
// with a positive number of seconds; then a line at once and one per interval, never drifting and
// never bursting after a stall; the line carries the counts the soak reads.
#include "shell/kiosk_app.h"
#include "shell/status_log.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <memory>

using kiosk::app::KioskApp;
using kiosk::app::MallocFigures;
using kiosk::app::ReadMallocFigures;
using kiosk::app::ReadResidentFigures;
using kiosk::app::ResidentFigures;
using kiosk::app::StatusLog;

namespace
{
StatusLog ConfiguredWith(const char* value)
{
    if (value)
        setenv("KIOSK_STATUS_LOG_S", value, 1);
    else
        unsetenv("KIOSK_STATUS_LOG_S");
    StatusLog log;
    log.ConfigureFromEnvironment();
    unsetenv("KIOSK_STATUS_LOG_S");
    return log;
}
} // namespace

TEST_CASE("the status log is off unless given a positive number of seconds", "[shell][status]")
{
    const KioskApp app; // never started: no window, no pack
    for (const char* value : {(const char*)nullptr, "", "0", "-5", "ten", "10s", "nan", "inf"})
    {
        INFO("KIOSK_STATUS_LOG_S=" << (value ? value : "(unset)"));
        StatusLog log = ConfiguredWith(value);
        CHECK_FALSE(log.Enabled());
        CHECK_FALSE(log.MaybeWrite(app, 100.0));
    }
    CHECK(ConfiguredWith("0.5").Enabled());
}

TEST_CASE("status lines come at once, then once per interval, and one interval after a stall", "[shell][status]")
{
    const KioskApp app;
    StatusLog log = ConfiguredWith("10");
    REQUIRE(log.Enabled());
    CHECK(log.MaybeWrite(app, 100.0)); // the first call: a line at start-up
    CHECK_FALSE(log.MaybeWrite(app, 105.0));
    CHECK_FALSE(log.MaybeWrite(app, 109.9));
    CHECK(log.MaybeWrite(app, 110.2)); // due at 110: on time, so the next is due at 120, not 120.2
    CHECK_FALSE(log.MaybeWrite(app, 119.9));
    CHECK(log.MaybeWrite(app, 120.0));
    // A stall of 45 s: one line, not four, and the next one interval later.
    CHECK(log.MaybeWrite(app, 165.0));
    CHECK_FALSE(log.MaybeWrite(app, 170.0));
    CHECK_FALSE(log.MaybeWrite(app, 174.9));
    CHECK(log.MaybeWrite(app, 175.0));
}

TEST_CASE("a status line names the screen and the counts the soak reads", "[shell][status]")
{
    KioskApp app;
    StatusLog log = ConfiguredWith("60");
    log.FrameDrawn();
    log.FrameDrawn();
    REQUIRE(log.MaybeWrite(app, 1000.0));
    const std::string line = log.Line(app, 1042.0);
    CHECK(line.rfind("careers-kiosk: status: ", 0) == 0);
    CHECK(line.back() == '\n');
    for (const char* field : {" uptime_s=42 ", " frames=2 ", " screen=fault ", " gl_textures=0 ", " cache_textures=0 ",
                              " texture_mib=0.0 ", " visits=0 ", " stats_appended=0 ", " stats_dropped=0"})
    {
        INFO(field);
        CHECK(line.find(field) != std::string::npos);
    }
}

#ifdef __GLIBC__
TEST_CASE("the status line's heap figures follow what the process allocates and frees", "[shell][status]")
{
    const MallocFigures before = ReadMallocFigures();
    CHECK(before.in_use_bytes > 0);
    // 40 MiB held (above glibc's largest mmap threshold, 32 MiB: its own mapping), then freed.
    constexpr std::size_t kBlock = std::size_t(40) * 1024 * 1024;
    auto block = std::make_unique<unsigned char[]>(kBlock);
    std::memset(block.get(), 1, kBlock);
    const MallocFigures holding = ReadMallocFigures();
    CHECK(holding.in_use_bytes >= before.in_use_bytes + kBlock);
    CHECK(holding.mapped_bytes >= before.mapped_bytes + kBlock);
    const ResidentFigures resident_holding = ReadResidentFigures();
    block.reset();
    const MallocFigures after = ReadMallocFigures();
    CHECK(after.in_use_bytes + kBlock <= holding.in_use_bytes);
    // The block's pages were touched, so they were resident, and given back with the mapping.
    const ResidentFigures resident_after = ReadResidentFigures();
    CHECK(resident_holding.anon_bytes >= kBlock);
    CHECK(resident_holding.rss_bytes >= resident_holding.anon_bytes + resident_holding.file_bytes);
    CHECK(resident_after.anon_bytes + kBlock / 2 <= resident_holding.anon_bytes);

    KioskApp app;
    StatusLog log = ConfiguredWith("60");
    const std::string line = log.Line(app, 0.0);
    for (const char* field : {" heap_used_mib=", " heap_free_mib=", " heap_mapped_mib=", " sqlite_mib=", " rss_mib=",
                              " rss_anon_mib=", " rss_file_mib=", " trims="})
    {
        INFO(field);
        CHECK(line.find(field) != std::string::npos);
    }
}
#endif
