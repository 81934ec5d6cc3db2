// The monkey's visitor: a seeded random stranger at the kiosk. Each Act() is one gesture, drawn
// over as many frames as it takes: a tap (mostly on a registered target, sometimes anywhere), a
// double tap, a drag, a fling, a long press, the admin corner held for three seconds and a PIN
// (wrong ones, and sometimes the right one), keypad keys, the language and accessibility
// switches, and waits (short ones, and long ones through "Still there?" to the attract loop).
// The same seed makes the same gestures, so a failing run replays.
#pragma once
#include "monkey/monkey_kiosk.h"

#include <cstdint>
#include <functional>
#include <random>
#include <set>
#include <string>

namespace kiosk::monkey
{
class Visitor
{
public:
    // `pin`: the admin PIN the kiosk accepts (tried now and then among wrong ones).
    Visitor(std::uint64_t seed, std::string pin);

    // One gesture on `kiosk`; `after_frame` runs after every frame drawn (the invariants) and
    // returns false to stop (the frame budget is spent).
    void Act(MonkeyKiosk& kiosk, const std::function<bool()>& after_frame);

private:
    bool Frame(MonkeyKiosk& kiosk, double dt = 1.0 / 60.0);
    bool Idle(MonkeyKiosk& kiosk, int frames);
    bool Tap(MonkeyKiosk& kiosk, float x, float y);
    bool TapTarget(MonkeyKiosk& kiosk);
    bool TapId(MonkeyKiosk& kiosk, const std::string& id);
    bool TapAnywhere(MonkeyKiosk& kiosk);
    bool DoubleTap(MonkeyKiosk& kiosk);
    bool Drag(MonkeyKiosk& kiosk, bool fling);
    bool LongPress(MonkeyKiosk& kiosk);
    bool AdminCorner(MonkeyKiosk& kiosk);
    bool EnterPin(MonkeyKiosk& kiosk);
    bool Keys(MonkeyKiosk& kiosk);
    bool Settings(MonkeyKiosk& kiosk);
    bool Wait(MonkeyKiosk& kiosk, double seconds);
    bool WaitForCountdown(MonkeyKiosk& kiosk);

    float Uniform(float lo, float hi) { return std::uniform_real_distribution<float>(lo, hi)(m_rng); }
    int Int(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    bool Chance(double p) { return std::bernoulli_distribution(p)(m_rng); }

    std::mt19937_64 m_rng;
    std::string m_pin;
    std::set<std::string> m_tapped; // target ids tapped so far: new ones are preferred
    const std::function<bool()>* m_after = nullptr;
};
} // namespace kiosk::monkey
