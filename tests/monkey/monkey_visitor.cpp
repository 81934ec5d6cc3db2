#include "monkey/monkey_visitor.h"

#include "core/admin/admin_corner.h"
#include "monkey/monkey_coverage.h"
#include "ui/metrics.h"

#include <algorithm>
#include <cmath>
#include <iterator>
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

// The kinds of screen a run shares its frames between (monkey_coverage.h's ScreenKind); the fault
// screen is reached only on broken content, at the start or after a restart.
constexpr const char* kScreenKinds[] = {"home",  "role",        "gallery",     "pathway",
                                        "quiz",  "quiz:result", "attract",     "still-there",
                                        "fault", "admin:pin",   "admin:panel", "admin:touch-test"};
constexpr double kFairShare = 1.0 / (double)(sizeof(kScreenKinds) / sizeof(kScreenKinds[0]));

// Where a tap on target `id` leads (a screen kind), when the id says so; empty when it does not.
std::string DestinationKind(const std::string& id)
{
    if (id == "nav:home")
        return "home";
    if (id == "home:gallery" || StartsWith(id, "role:photo:") || StartsWith(id, "gallery:"))
        return "gallery";
    if (id == "home:pathway" || id == "role:pathway" || StartsWith(id, "role:route:") ||
        StartsWith(id, "quiz-route:") || StartsWith(id, "pathway:"))
        return "pathway";
    if (StartsWith(id, "quiz-answer:") || id == "quiz:not-sure")
        return "quiz:result"; // each answer is a step towards it
    if (id == "home:quiz" || StartsWith(id, "quiz-start:") || StartsWith(id, "quiz-open:") || id == "quiz:again")
        return "quiz";
    if (StartsWith(id, "role-card:") || StartsWith(id, "pathway:sheet-role:") || StartsWith(id, "role:specialism:"))
        return "role";
    if (id == "admin:touch-test")
        return "admin:touch-test";
    if (StartsWith(id, "admin:tab:") || id == "admin:touch-test:back")
        return "admin:panel";
    return std::string();
}
} // namespace

Visitor::Visitor(std::uint64_t seed, std::string pin) : m_rng(seed), m_pin(std::move(pin)) {}

bool Visitor::Frame(MonkeyKiosk& kiosk, double dt)
{
    kiosk.Step(dt);
    return Drawn(kiosk);
}

bool Visitor::Drawn(MonkeyKiosk& kiosk)
{
    ++m_frames[ScreenKind(kiosk.DrawnScreen())];
    ++m_total;
    return (*m_after)();
}

double Visitor::Want(const std::string& kind) const
{
    if (m_total < 300)
        return 1.0; // too few frames to judge
    const auto it = m_frames.find(kind);
    const double share = it == m_frames.end() ? 0.0 : (double)it->second / (double)m_total;
    return std::clamp((kFairShare + 0.01) / (share + 0.01), 0.2, 5.0);
}

bool Visitor::Watch(MonkeyKiosk& kiosk, double dt, int frames)
{
    kiosk.Pointer(-1.0f, -1.0f, false);
    for (int i = 0; i < frames; ++i)
        if (!Frame(kiosk, dt))
            return false;
    return true;
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
    {
        const std::string to = DestinationKind(a.id);
        weights.push_back(TargetWeight(a.id, m_tapped.count(a.id) > 0) * (to.empty() ? 1.0 : Want(to)));
    }
    const ui::HitArea target = areas[std::discrete_distribution<size_t>(weights.begin(), weights.end())(m_rng)];
    // Reload content: now and then the folder is broken by then (the reload must keep the pack).
    if (target.id == "admin:reload" || target.id == "fault:reload")
        kiosk.folders.next_reload_broken = Chance(0.4);
    // Exit: the service starts the kiosk again, sometimes on a folder broken meanwhile (the fault
    // screen, until Reload finds it mended).
    if (target.id == "admin:exit-confirm")
        kiosk.folders.next_reload_broken = Chance(0.3);
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
    const double want_panel = std::max(Want("admin:panel"), Want("admin:touch-test"));
    if (Chance(want_panel > 1.5 ? 0.6 : 0.35))
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
        if (kiosk.frames != before && !Drawn(kiosk))
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
    // While "Still there?" is short of its share, the countdown is drawn as the loop draws it
    // (every frame) for a while, rather than once a second.
    if (kiosk.ScreenName() == "still-there" && Want("still-there") > 1.0)
    {
        if (!Watch(kiosk, 1.0 / 30.0, Int(30, 30 * (int)std::max(1.0, s.timings.countdown_s * 0.6))))
            return false;
    }
    else if (!Wait(kiosk, Uniform(0.0f, (float)s.timings.countdown_s + 2.0f)))
        return false;
    const int choice = Int(0, 2);
    if (choice == 0)
        return TapId(kiosk, "idle:more-time");
    if (choice == 1)
        return TapAnywhere(kiosk);
    if (!Wait(kiosk, s.timings.countdown_s + 1.0))
        return false;
    // The attract loop runs on by itself until someone comes.
    if (kiosk.InAttract() && Want("attract") > 1.0)
        return Watch(kiosk, Chance(0.5) ? 0.1 : 1.0 / 30.0, Int(20, 200));
    return true;
}

// Leaves the screen on show, as a visitor moving on would.
bool Visitor::Leave(MonkeyKiosk& kiosk)
{
    const std::string kind = ScreenKind(kiosk.DrawnScreen());
    const auto drawn = [&kiosk](const char* id) { return kiosk.Hits().Find(id) != nullptr; };
    if ((kind == "admin:pin" || kind == "admin:panel") && drawn("admin:leave"))
        return TapId(kiosk, "admin:leave");
    if (kind == "admin:touch-test" && drawn("admin:touch-test:back"))
        return TapId(kiosk, "admin:touch-test:back");
    if (kind == "attract" || kind == "still-there")
        return TapAnywhere(kiosk); // wakes the kiosk, or answers "Still there?"
    if (kind == "fault" && drawn("fault:reload"))
    {
        kiosk.folders.next_reload_broken = false; // staff mended the folder
        return TapId(kiosk, "fault:reload");
    }
    if (kind != "home" && drawn("nav:home") && Chance(0.6))
        return TapId(kiosk, "nav:home");
    if (kind != "home" && drawn("nav:back"))
        return TapId(kiosk, "nav:back");
    return TapTarget(kiosk); // home: any target leads away, the ones to screens short of frames first
}

// The PIN pad: wrong PINs (too short and too long ones too), the right one now and then; once
// wrong PINs have locked it, the visitor mostly gives up and cancels.
bool Visitor::OnPinPad(MonkeyKiosk& kiosk)
{
    if (kiosk.admin.Model().pin_locked_s > 0.0)
    {
        if (Chance(0.8))
            return Leave(kiosk);
        return Chance(0.5) ? Idle(kiosk, Int(10, 60)) : TapTarget(kiosk); // a look at the lock, a key that does nothing
    }
    if (Want("admin:pin") < 0.67 && Chance(0.5))
        return Leave(kiosk);
    if (!Chance(0.75))
        return Chance(0.5) ? TapTarget(kiosk) : Leave(kiosk);
    if (!EnterPin(kiosk))
        return false;
    // A wrong PIN: some try again, some walk away.
    if (kiosk.DrawnScreen() == "admin:pin" && Chance(0.35))
        return Leave(kiosk);
    return true;
}

// No content: staff read the errors (scrolling), then press Reload, which loads once the folder
// is mended.
bool Visitor::OnFaultScreen(MonkeyKiosk& kiosk)
{
    if (Want("fault") >= 1.0 && Chance(0.85))
        return Chance(0.5) ? Drag(kiosk, Chance(0.3)) : Idle(kiosk, Int(5, 60));
    return TapTarget(kiosk);
}

void Visitor::Act(MonkeyKiosk& kiosk, const std::function<bool()>& after_frame)
{
    m_after = &after_frame;
    const std::string kind = ScreenKind(kiosk.DrawnScreen());
    if (kind == "admin:pin")
    {
        OnPinPad(kiosk);
        return;
    }
    if (!kiosk.base.pack)
    {
        OnFaultScreen(kiosk);
        return;
    }
    // A screen past its fair share is left now and then (a quiz is finished first while its
    // result is short of frames).
    const double want_here = Want(kind);
    const bool finishing_quiz = kind == "quiz" && Want("quiz:result") > 1.0;
    if (want_here < 0.67 && Chance(finishing_quiz ? 0.15 : 0.5))
    {
        Leave(kiosk);
        return;
    }
    // The attract loop short of its share: it is watched for a while before someone touches it.
    if (kind == "attract" && want_here > 1.0 && Chance(0.5))
    {
        Watch(kiosk, Chance(0.5) ? 0.1 : 1.0 / 30.0, Int(20, 200));
        return;
    }
    const double want_admin = std::max({Want("admin:pin"), Want("admin:panel"), Want("admin:touch-test")});
    const double want_idle = std::max(Want("still-there"), Want("attract"));
    const double weights[] = {
        420,             // 0 a target
        80,              // 1 anywhere
        80,              // 2 a drag
        50,              // 3 a fling
        30,              // 4 a long press
        30,              // 5 a double tap
        30 * want_admin, // 6 the admin corner
        70,              // 7 keypad keys
        50,              // 8 language, text size, contrast
        60,              // 9 a short wait
        20 * want_idle,  // 10 a wait through "Still there?"
        80,              // 11 a pause
    };
    switch (std::discrete_distribution<int>(std::begin(weights), std::end(weights))(m_rng))
    {
    case 0:
        TapTarget(kiosk);
        break;
    case 1:
        TapAnywhere(kiosk);
        break;
    case 2:
        Drag(kiosk, false);
        break;
    case 3:
        Drag(kiosk, true);
        break;
    case 4:
        LongPress(kiosk);
        break;
    case 5:
        DoubleTap(kiosk);
        break;
    case 6:
        AdminCorner(kiosk);
        break;
    case 7:
        Keys(kiosk);
        break;
    case 8:
        Settings(kiosk);
        break;
    case 9:
        Wait(kiosk, Uniform(0.5f, 8.0f));
        break;
    case 10:
        WaitForCountdown(kiosk);
        break;
    default:
        Idle(kiosk, Int(1, 30));
        break;
    }
}
} // namespace kiosk::monkey
