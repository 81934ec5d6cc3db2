// IdleTrim (shell/idle_trim.h): freed memory goes back to the system during the attract loop, never
// during a visit (issue 14, the soak: malloc's freed-but-held memory crept up from visit to visit).
#include "shell/idle_trim.h"
#include "shell/status_log.h"

#include <catch2/catch.hpp>
#include <memory>
#include <vector>

using kiosk::app::IdleTrim;

TEST_CASE("IdleTrim trims a while after the attract loop begins, then every interval, never in a visit", "[shell][day]")
{
    IdleTrim trim(30.0, 60.0);
    // A visit: however long, no trim.
    for (double t = 0; t < 600; t += 0.5)
        REQUIRE_FALSE(trim.Due(false, t));
    // The attract loop from t = 600: the first trim 30 s in, then one a minute.
    std::vector<double> trims;
    for (double t = 600; t < 800; t += 0.5)
        if (trim.Due(true, t))
            trims.push_back(t);
    CHECK(trims == std::vector<double>{630, 690, 750});
    CHECK(trim.Trims() == 3);
    // A visitor at 800 for 10 s; the next attract loop waits its 30 s again.
    CHECK_FALSE(trim.Due(false, 800));
    CHECK_FALSE(trim.Due(true, 810));
    CHECK_FALSE(trim.Due(true, 839.5));
    CHECK(trim.Due(true, 840));
    CHECK(trim.Trims() == 4);
}

#ifdef __GLIBC__
TEST_CASE("a trim gives back the resident pages of memory malloc holds freed between blocks still in use",
          "[shell][day]")
{
    // 64 MiB in blocks below the mmap threshold (so they come from the heap), then every block
    // freed but one in sixteen: the holes cannot be given back from the heap's top, and stay
    // resident until trimmed.
    constexpr std::size_t kBlock = 8000, kCount = 8192;
    std::vector<std::unique_ptr<char[]>> blocks(kCount);
    for (auto& b : blocks)
    {
        b.reset(new char[kBlock]);
        for (std::size_t i = 0; i < kBlock; i += 512)
            b[i] = 1; // resident
    }
    for (std::size_t i = 0; i < kCount; i++)
        if (i % 16 != 0)
            blocks[i].reset();
    const auto held = kiosk::app::ReadMallocFigures();
    const auto before = kiosk::app::ReadResidentFigures();
    CHECK(held.free_held_bytes >= kBlock * kCount / 2); // malloc holds the holes
    kiosk::app::TrimFreedMemory();
    const auto after = kiosk::app::ReadResidentFigures();
    INFO("RssAnon " << before.anon_bytes / 1024 << " -> " << after.anon_bytes / 1024 << " KiB");
    CHECK(after.anon_bytes + kBlock * kCount / 2 <= before.anon_bytes); // most of the 60 MiB of holes
}
#endif
