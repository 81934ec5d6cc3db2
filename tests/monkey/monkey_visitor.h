// The monkey's visitor: a seeded random stranger at the kiosk. Each Act() is one gesture, drawn
// over as many frames as it takes: a tap (mostly on a registered target, sometimes anywhere), a
// double tap, a drag, a fling, a long press, the admin corner held for three seconds and a PIN
// (wrong ones, and sometimes the right one), keypad keys, the language and accessibility
// switches, and waits (short ones, and long ones through "Still there?" to the attract loop).
// The same seed makes the same gestures, so a failing run replays.
//
// Fair shares: the visitor counts the frames drawn on each kind of screen (monkey_coverage.h's
// ScreenKind) and steers by them, so that no screen or overlay takes the run over and none is
// starved: a screen past its share is left soon (Back, Home, Cancel, a tap that wakes), targets
// leading to a screen short of its share are preferred, and the gestures that reach the staff
// panel, "Still there?" and the attract loop are chosen more while those are short. A visitor who
// has locked the PIN pad with wrong PINs mostly gives up and leaves, as a stranger would.
#pragma once
#include "monkey/monkey_kiosk.h"

#include <cstdint>
#include <functional>
#include <map>
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
    // After every frame drawn: counts it for its screen and runs the invariants.
    bool Drawn(MonkeyKiosk& kiosk);
    // > 1 while `kind` has had less than its fair share of this seed's frames, < 1 past it.
    double Want(const std::string& kind) const;
    bool Leave(MonkeyKiosk& kiosk);
    bool OnPinPad(MonkeyKiosk& kiosk);
    bool OnFaultScreen(MonkeyKiosk& kiosk);
    // Nobody touches the screen; the loop draws it every `dt` seconds (the attract loop at 10 or
    // 30 fps, the countdown), `frames` times.
    bool Watch(MonkeyKiosk& kiosk, double dt, int frames);
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
    std::map<std::string, std::int64_t> m_frames; // frames drawn on each kind of screen (this seed)
    std::int64_t m_total = 0;
};
} // namespace kiosk::monkey
