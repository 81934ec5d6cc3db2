// One seed's monkey run: a kiosk of the seed's screen size (some seeds start on broken content,
// on the fault screen), the seed's visitor acting on it until the frame budget is spent, and the
// invariants checked after every frame (any failure stops the process with the replay line).
#pragma once
#include "core/content/content_model.h"
#include "monkey/monkey_coverage.h"

#include <cstdint>
#include <memory>
#include <string>

namespace kiosk::monkey
{
struct RunOptions
{
    std::uint64_t seed = 0;
    std::int64_t frames = 2500;
    std::shared_ptr<const core::ContentPack> pack; // the bundled pack, with the PIN
    std::string pin;                               // the PIN in the clear, for the visitor
    std::string pin_hash;
    // A fault planted on purpose, to prove the checks catch it (the suite's "must fail" runs):
    // "off-screen-target", "stale-view", "stray-event" or "imgui-assert"; empty: none.
    std::string inject;
};

struct RunResult
{
    int width = 0, height = 0;
    bool started_broken = false;
    std::int64_t frames = 0;
    double kiosk_seconds = 0; // the kiosk's clock at the end: simulated time
    int visits = 0;
    int idle_resets = 0;
    int fresh_checks = 0;  // new visits compared with a fresh kiosk's first frame
    int fresh_skipped = 0; // new visits that began in the quiz (the attract loop's quiz slide)
    std::size_t events = 0;
    int restarts = 0, reloads_ok = 0, reloads_failed = 0;
    Coverage coverage;
};

RunResult RunSeed(const RunOptions& options);
} // namespace kiosk::monkey
