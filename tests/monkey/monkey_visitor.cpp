#include "monkey/monkey_visitor.h"

#include "core/admin/admin_corner.h"
#include "ui/metrics.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace kiosk::monkey
{
namespace
{
constexpr double kFrame = 1.0 / 60.0;

bool StartsWith(const std::string& s, const char* prefix)
{
    return s.rfind(prefix, 0) == 0;
}

// How much the visitor wants to tap a target: deeper screens and answers over the way back.
double TargetWeight(const std::string& id, bool tapped_before)
{
    double w = tapped_before ? 1.0 : 3.0;
    if (StartsWith(id, "nav:") || id == "admin:leave" || id == "idle:still-there" || id == "attract:screen")
        w *= 0.3;
    if (id == "admin:exit-confirm" || id == "admin:exit")
        w *= 0.3;
    if (StartsWith(id, "quiz-answer:") || StartsWith(id, "quiz-start:") || id == "home:quiz")
        w *= 3.0;
    return w;
}
} // namespace

Visitor::Visitor(std::uint64_t seed, std::string pin) : m_rng(seed), m_pin(std::move(pin)) {}

bool Visitor::Frame(MonkeyKiosk& kiosk, double dt)
{
    kiosk.Step(dt);
    return (*m_after)();
}

bool Visitor::Idle(MonkeyKiosk& kiosk, int frames)
{
    kiosk.Pointer(-1.0f, -1.0f, false);
    for (int i = 0; i < frames; ++i)
        if (!Frame(kiosk))
            return false;
    return true;
}

bool Visitor::Tap(MonkeyKiosk& kiosk, float x, float y)
{
    const int held = Int(1, 8); // a finger rests 15-130 ms
    kiosk.Pointer(x, y, true);
    for (int i = 0; i < held; ++i)
        if (!Frame(kiosk))
            return false;
    kiosk.Pointer(x, y, false);
    if (!Frame(kiosk))
        return false;
    return Idle(kiosk, Int(1, 4));
}

bool Visitor::TapId(MonkeyKiosk& kiosk, const std::string& id)
{
    const ui::HitArea* a = kiosk.Hits().Find(id);
    if (!a)
        return true;
    m_tapped.insert(id);
    return Tap(kiosk, Uniform(a->x0, std::max(a->x0 + 0.01f, a->x1 - 0.5f)),
               Uniform(a->y0, std::max(a->y0 + 0.01f, a->y1 - 0.5f)));
}

bool Visitor::TapTarget(MonkeyKiosk& kiosk)
{
    const std::vector<ui::HitArea>& areas = kiosk.Hits().Areas();
    if (areas.empty())
        return TapAnywhere(kiosk);
    std::vector<double> weights;
    for (const ui::HitArea& a : areas)
        weights.push_back(TargetWeight(a.id, m_tapped.count(a.id) > 0));
    const ui::HitArea target = areas[std::discrete_distribution<size_t>(weights.begin(), weights.end())(m_rng)];
    // Reload content: now and then the folder is broken by then (the reload must keep the pack).
    if (target.id == "admin:reload" || target.id == "fault:reload")
        kiosk.folders.next_reload_broken = Chance(0.4);
    return TapId(kiosk, target.id);
}

bool Visitor::TapAnywhere(MonkeyKiosk& kiosk)
{
    return Tap(kiosk, Uniform(0.0f, kiosk.Width() - 0.01f), Uniform(0.0f, kiosk.Height() - 0.01f));
}

bool Visitor::DoubleTap(MonkeyKiosk& kiosk)
{
    const float x = Uniform(0.0f, kiosk.Width() - 0.01f), y = Uniform(0.0f, kiosk.Height() - 0.01f);
    for (int i = 0; i < 2; ++i)
    {
        kiosk.Pointer(x, y, true);
        if (!Frame(kiosk) || !Frame(kiosk))
            return false;
        kiosk.Pointer(x, y, false);
        if (!Frame(kiosk) || !Frame(kiosk))
            return false;
    }
    return Idle(kiosk, Int(2, 20));
}

bool Visitor::Drag(MonkeyKiosk& kiosk, bool fling)
{
    const float w = kiosk.Width(), h = kiosk.Height();
    const float x0 = Uniform(0.0f, w - 0.01f), y0 = Uniform(0.0f, h - 0.01f);
    // A drag may leave the screen: fingers slide off the edge of a monitor.
    const float x1 = Uniform(-0.1f * w, 1.1f * w), y1 = Uniform(-0.1f * h, 1.1f * h);
    const int steps = fling ? Int(2, 4) : Int(3, 30);
    kiosk.Pointer(x0, y0, true);
    if (!Frame(kiosk))
        return false;
    for (int i = 1; i <= steps; ++i)
    {
        const float t = (float)i / (float)steps;
        kiosk.Pointer(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, true);
        if (!Frame(kiosk))
            return false;
    }
    kiosk.Pointer(x1, y1, false);
    if (!Frame(kiosk))
        return false;
    return Idle(kiosk, fling ? Int(10, 90) : Int(1, 10)); // inertia runs on after a fling
}

bool Visitor::LongPress(MonkeyKiosk& kiosk)
{
    const float x = Uniform(0.0f, kiosk.Width() - 0.01f), y = Uniform(0.0f, kiosk.Height() - 0.01f);
    kiosk.Pointer(x, y, true);
    const int frames = Int(30, 150);
    for (int i = 0; i < frames; ++i)
        if (!Frame(kiosk))
            return false;
    kiosk.Pointer(x, y, false);
    return Frame(kiosk) && Idle(kiosk, 2);
}

// The hidden corner: a finger held still for three seconds. The kiosk wakes every 0.1 s while it
// times the press (a still finger sends no events); sometimes the finger lifts or slides early.
bool Visitor::AdminCorner(MonkeyKiosk& kiosk)
{
    const float side = core::kAdminCornerSizeTargets * kiosk.base.metrics.touch_min;
    const float x = Uniform(0.0f, side * 0.9f), y = Uniform(0.0f, side * 0.9f);
    const double hold = Chance(0.85) ? 3.3 : Uniform(0.5f, 2.9f);
    const bool slide = Chance(0.1);
    kiosk.Pointer(x, y, true);
    if (!Frame(kiosk))
        return false;
    for (double held = 0.0; held < hold; held += 0.1)
    {
        if (slide && held > 1.0)
            kiosk.Pointer(x + side, y + side, true);
        if (!Frame(kiosk, 0.1))
            return false;
    }
    kiosk.Pointer(x, y, false);
    return Frame(kiosk) && Idle(kiosk, 2);
}

bool Visitor::EnterPin(MonkeyKiosk& kiosk)
{
    std::string digits;
    if (Chance(0.35))
        digits = m_pin;
    else
        for (int i = Int(1, 13); i > 0; --i) // too short and too long ones included
            digits.push_back((char)('0' + Int(0, 9)));
    for (char d : digits)
    {
        if (!TapId(kiosk, std::string("admin:pin:") + d))
            return false;
        if (Chance(0.03) && !TapId(kiosk, "admin:pin:back"))
            return false;
    }
    return TapId(kiosk, "admin:pin:ok");
}

bool Visitor::Keys(MonkeyKiosk& kiosk)
{
    for (int i = Int(1, 8); i > 0; --i)
    {
        kiosk.Key((core::KeyCommand)Int(0, (int)core::KeyCommand::Back));
        if (!Frame(kiosk) || !Idle(kiosk, Int(0, 3)))
            return false;
    }
    return true;
}

bool Visitor::Settings(MonkeyKiosk& kiosk)
{
    std::vector<std::string> ids;
    for (const ui::HitArea& a : kiosk.Hits().Areas())
        if (StartsWith(a.id, "lang:") || StartsWith(a.id, "toggle:") || a.id == "admin:language")
            ids.push_back(a.id);
    if (ids.empty())
        return TapTarget(kiosk);
    return TapId(kiosk, ids[(size_t)Int(0, (int)ids.size() - 1)]);
}

// Nobody touches the screen for `seconds`: the kiosk sleeps, waking each second.
bool Visitor::Wait(MonkeyKiosk& kiosk, double seconds)
{
    kiosk.Pointer(-1.0f, -1.0f, false);
    for (double left = seconds; left > 0.0; left -= 1.0)
    {
        const std::int64_t before = kiosk.frames;
        kiosk.Sleep(std::min(left, 1.0));
        if (kiosk.frames != before && !(*m_after)())
            return false;
    }
    return Frame(kiosk);
}

// Waits until "Still there?" shows (or the visit is over), then sometimes asks for more time,
// sometimes taps elsewhere, sometimes lets it run out.
bool Visitor::WaitForCountdown(MonkeyKiosk& kiosk)
{
    const core::KioskSettings& s = kiosk.base.pack->settings;
    if (!Wait(kiosk, s.timings.idle_timeout_s + Uniform(0.0f, 2.0f)))
        return false;
    if (!Wait(kiosk, Uniform(0.0f, (float)s.timings.countdown_s + 2.0f)))
        return false;
    const int choice = Int(0, 2);
    if (choice == 0)
        return TapId(kiosk, "idle:more-time");
    if (choice == 1)
        return TapAnywhere(kiosk);
    return Wait(kiosk, s.timings.countdown_s + 1.0);
}

void Visitor::Act(MonkeyKiosk& kiosk, const std::function<bool()>& after_frame)
{
    m_after = &after_frame;
    const std::string screen = kiosk.DrawnScreen();
    if (screen == "admin:pin" && Chance(0.7))
    {
        EnterPin(kiosk);
        return;
    }
    if (!kiosk.base.pack)
    {
        TapTarget(kiosk); // the fault screen: staff press Reload sooner or later
        return;
    }
    const int roll = Int(0, 999);
    if (roll < 420)
        TapTarget(kiosk);
    else if (roll < 500)
        TapAnywhere(kiosk);
    else if (roll < 580)
        Drag(kiosk, false);
    else if (roll < 630)
        Drag(kiosk, true);
    else if (roll < 660)
        LongPress(kiosk);
    else if (roll < 690)
        DoubleTap(kiosk);
    else if (roll < 720)
        AdminCorner(kiosk);
    else if (roll < 790)
        Keys(kiosk);
    else if (roll < 840)
        Settings(kiosk);
    else if (roll < 900)
        Wait(kiosk, Uniform(0.5f, 8.0f));
    else if (roll < 920)
        WaitForCountdown(kiosk);
    else
        Idle(kiosk, Int(1, 30));
}
} // namespace kiosk::monkey
