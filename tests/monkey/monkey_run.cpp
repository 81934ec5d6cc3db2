#include "monkey/monkey_run.h"

#include "core/content/content_loader.h"
#include "monkey/monkey_failure.h"
#include "monkey/monkey_fresh_start.h"
#include "monkey/monkey_invariants.h"
#include "monkey/monkey_kiosk.h"
#include "monkey/monkey_visitor.h"

#include <imgui.h>
#include <optional>

namespace kiosk::monkey
{
namespace
{
struct ScreenSize
{
    int w, h;
};
// The sizes the guide asks screens to be looked at in: a small panel, a laptop, full HD, a tall
// screen and 4K.
constexpr ScreenSize kSizes[] = {{1920, 1080}, {800, 480}, {1280, 800}, {1080, 1920}, {3840, 2160}};

// A fresh kiosk's first visit frame: what every visit after an idle reset must look like.
struct FreshFrame
{
    ui::VisitView view;
    std::vector<ui::HitArea> targets;
};

FreshFrame DrawFreshFrame(float w, float h, const std::shared_ptr<const core::ContentPack>& pack,
                          const ContentFolders& folders)
{
    ImGuiContext* current = ImGui::GetCurrentContext();
    FreshFrame f;
    {
        MonkeyKiosk fresh(w, h, pack, folders);
        fresh.Step(1.0 / 60.0);                 // the attract loop
        fresh.visits.visit.Touch(fresh.Time()); // a visitor wakes it (not on the quiz slide)
        fresh.Pointer(w * 0.5f, h * 0.5f, false);
        fresh.Step(1.0 / 60.0);
        f.view = fresh.view;
        f.targets = fresh.Hits().Areas();
    }
    ImGui::SetCurrentContext(current);
    return f;
}

// The planted faults that do not wait for a reset (see RunOptions::inject).
void Inject(const std::string& what, MonkeyKiosk& kiosk)
{
    if (what == "off-screen-target")
        kiosk.base.hits.Add("injected", kiosk.Width() - 10.0f, 10.0f, kiosk.Width() + 30.0f, 50.0f);
    else if (what == "stray-event")
    {
        core::StatsEvent e;
        e.kind = kiosk.InAttract() ? core::EventKind::RoleOpened : core::EventKind::VisitStarted;
        e.mono_time = kiosk.Time().mono;
        kiosk.events.Record(e);
    }
    else if (what == "imgui-assert")
        IM_ASSERT(what.empty() && "injected");
}

bool VisitorScreen(const std::string& name)
{
    return name != "attract" && name != "still-there" && name != "fault" && name.rfind("admin:", 0) != 0;
}
} // namespace

RunResult RunSeed(const RunOptions& options)
{
    RunResult result;
    const ScreenSize size = kSizes[options.seed % (sizeof(kSizes) / sizeof(kSizes[0]))];
    result.width = size.w;
    result.height = size.h;
    result.started_broken = options.seed % 4 == 3;
    ReplayPoint& point = CurrentReplayPoint();
    point.seed = options.seed;
    point.frame = 0;

    ContentFolders folders;
    folders.good = KIOSK_CONTENT_DIR;
    folders.broken = KIOSK_FIXTURES_DIR "/content/broken/duplicate-key";
    folders.pin_hash = options.pin_hash;
    MonkeyKiosk kiosk((float)size.w, (float)size.h, result.started_broken ? nullptr : options.pack, folders);
    if (result.started_broken)
        kiosk.load_diagnostics = core::LoadContentPack(folders.broken).diagnostics;
    Visitor visitor(options.seed, options.pin);
    StatsChecker stats;
    std::optional<FreshFrame> fresh_frame;
    std::int64_t seen_resets = 0;
    int seen_restarts = 0, seen_reloads = 0;
    bool check_next_visit = false;

    const auto after_frame = [&]() -> bool
    {
        point.frame = kiosk.frames;
        result.coverage.Note(kiosk);
        if (kiosk.frames == 200)
            Inject(options.inject, kiosk);
        if (std::string e = CheckTargetsOnScreen(kiosk.Hits(), (float)size.w, (float)size.h); !e.empty())
            Fail("on " + kiosk.DrawnScreen() + ": " + e);
        if (std::string e = stats.Feed(kiosk.events.list); !e.empty())
            Fail(e);
        if (kiosk.restarts != seen_restarts)
        {
            seen_restarts = kiosk.restarts;
            seen_resets = 0;
            check_next_visit = true;
            result.coverage.NoteEvent(kiosk.base.pack ? "restart" : "restart-on-broken-content");
        }
        if (kiosk.reloads_ok + kiosk.reloads_failed != seen_reloads)
        {
            seen_reloads = kiosk.reloads_ok + kiosk.reloads_failed;
            result.coverage.NoteEvent("reload");
        }
        if (kiosk.base.pack && kiosk.visits.visit.ResetCount() != seen_resets)
        {
            // An idle reset happened in this pass: the core's state is a fresh one's at once.
            seen_resets = kiosk.visits.visit.ResetCount();
            ++result.idle_resets;
            result.coverage.NoteEvent("idle-reset");
            core::Visit fresh;
            fresh.Start(*kiosk.base.pack, nullptr, 0, kiosk.Time());
            if (std::string e = CompareVisitState(kiosk.visits.visit.State(), fresh.State()); !e.empty())
                Fail("after an idle reset, " + e);
            if (kiosk.visits.visit.Phase() != core::VisitPhase::Attract || kiosk.visits.visit.Holding())
                Fail("after an idle reset the kiosk is not in the attract loop");
            check_next_visit = true;
        }
        if (check_next_visit && kiosk.base.pack && VisitorScreen(kiosk.DrawnScreen()))
        {
            // The next visitor's first frame: as a fresh kiosk's first frame, unless the touch
            // that woke the kiosk was on the quiz slide (that visit starts in the quiz).
            check_next_visit = false;
            if (kiosk.visits.visit.State().screen == core::ScreenId::Quiz)
                ++result.fresh_skipped;
            else
            {
                if (!fresh_frame)
                    fresh_frame = DrawFreshFrame((float)size.w, (float)size.h, kiosk.base.pack, folders);
                core::Visit fresh;
                fresh.Start(*kiosk.base.pack, nullptr, 0, kiosk.Time());
                if (options.inject == "stale-view")
                    kiosk.view.home_scroll_y += 1.0f; // as a screen that kept the last visitor's scroll
                std::string e = CompareVisitState(kiosk.visits.visit.State(), fresh.State());
                if (e.empty())
                    e = CompareVisitView(kiosk.view, fresh_frame->view);
                if (e.empty())
                    e = CompareTargets(kiosk.Hits().Areas(), fresh_frame->targets);
                if (!e.empty())
                    Fail("the first frame of a visit after a reset differs from a fresh kiosk's: " + e);
                ++result.fresh_checks;
            }
        }
        return kiosk.frames < options.frames;
    };

    while (kiosk.frames < options.frames)
        visitor.Act(kiosk, after_frame);

    kiosk.Shutdown();
    if (std::string e = stats.Feed(kiosk.events.list); !e.empty())
        Fail(e);
    if (std::string e = stats.Finish(); !e.empty())
        Fail(e);
    result.frames = kiosk.frames;
    result.kiosk_seconds = kiosk.Time().mono;
    result.visits = stats.VisitsStarted();
    result.events = stats.EventsChecked();
    result.restarts = kiosk.restarts;
    result.reloads_ok = kiosk.reloads_ok;
    result.reloads_failed = kiosk.reloads_failed;
    return result;
}
} // namespace kiosk::monkey
