// Nothing in the ui grows from one visitor to the next (issue 14, "a day in twenty minutes").
// The headless harness plays five seeded visitors (random taps on what each screen registers,
// walking away through "Still there?" to the reset) and then the same five again, six times over.
// The same input must leave the same ui state behind: after the first round has created what the
// screens need, every later round ends with exactly as many ImGui windows, stored widget states,
// window settings, tables, hit areas and image requests per round as the second. And a hundred
// different visitors after fifty leave malloc's in-use memory where it was: the ui's own caches
// (glossary matches, pathway scenes, wrapped text) hold what the pack's texts need, not more.
#include "core/visit/screen_name.h"
#include "support/ui_harness.h"

#include <catch2/catch.hpp>
#include <imgui_internal.h>
#include <random>
#include <set>
#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace kiosk::ui::test;

namespace
{
// Everything in ImGui's context and the ui's own state that could grow with use.
struct UiSizes
{
    int windows = 0;
    int windows_by_id = 0;
    int window_storage = 0; // per-window widget state (scroll, open flags ...), summed
    int child_windows = 0;
    int settings_bytes = 0; // window settings entries (kept even without an ini file)
    int tables = 0;
    int open_popups = 0;
    int style_stacks = 0; // colours, style vars, fonts pushed and not popped
    std::size_t hit_areas = 0;
    std::size_t image_requests = 0; // the images asked for during the round
    std::size_t pending_keys = 0;

    bool operator==(const UiSizes& o) const
    {
        return windows == o.windows && windows_by_id == o.windows_by_id && window_storage == o.window_storage &&
               child_windows == o.child_windows && settings_bytes == o.settings_bytes && tables == o.tables &&
               open_popups == o.open_popups && style_stacks == o.style_stacks && hit_areas == o.hit_areas &&
               image_requests == o.image_requests && pending_keys == o.pending_keys;
    }
};

std::ostream& operator<<(std::ostream& os, const UiSizes& s)
{
    return os << "windows " << s.windows << ", by id " << s.windows_by_id << ", storage " << s.window_storage
              << ", children " << s.child_windows << ", settings " << s.settings_bytes << " B, tables " << s.tables
              << ", popups " << s.open_popups << ", stacks " << s.style_stacks << ", hit areas " << s.hit_areas
              << ", image requests " << s.image_requests << ", pending keys " << s.pending_keys;
}

UiSizes Measure(const UiHarness& ui)
{
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    UiSizes s;
    s.windows = g.Windows.Size;
    s.windows_by_id = g.WindowsById.Data.Size;
    for (const ImGuiWindow* w : g.Windows)
    {
        s.window_storage += w->StateStorage.Data.Size;
        s.child_windows += w->DC.ChildWindows.Size;
    }
    s.settings_bytes = g.SettingsWindows.size();
    s.tables = g.Tables.GetMapSize();
    s.open_popups = g.OpenPopupStack.Size;
    s.style_stacks = g.ColorStack.Size + g.StyleVarStack.Size + g.FontStack.Size;
    s.hit_areas = ui.hits.Areas().size();
    s.image_requests = ui.images.requested.size();
    s.pending_keys = ui.view.focus.pending.size();
    return s;
}

// The bytes ImGui's draw lists hold (vertex, index and command buffers, keep their capacity from
// frame to frame and grow to the biggest screen drawn so far): a peak, not a leak.
template <typename T> std::size_t Bytes(const ImVector<T>& v)
{
    return std::size_t(v.Capacity) * sizeof(T);
}
std::size_t DrawListBytes(const ImDrawList* dl)
{
    if (!dl)
        return 0;
    std::size_t n = Bytes(dl->CmdBuffer) + Bytes(dl->IdxBuffer) + Bytes(dl->VtxBuffer) + Bytes(dl->_ClipRectStack) +
                    Bytes(dl->_TextureIdStack) + Bytes(dl->_Path) + Bytes(dl->_Splitter._Channels);
    for (const ImDrawChannel& c : dl->_Splitter._Channels)
        n += Bytes(c._CmdBuffer) + Bytes(c._IdxBuffer);
    return n;
}
std::size_t DrawBufferBytes()
{
    const ImGuiContext& g = *ImGui::GetCurrentContext();
    std::size_t n = 0;
    for (const ImGuiWindow* w : g.Windows)
        n += DrawListBytes(w->DrawList);
    for (const ImGuiViewportP* vp : g.Viewports)
        n += DrawListBytes(vp->DrawLists[0]) + DrawListBytes(vp->DrawLists[1]);
    return n;
}

// One visitor: a touch wakes the kiosk, `taps` taps on targets chosen by `rng` among those the
// screen registered, then nobody until the reset.
void PlayVisitor(UiHarness& ui, std::mt19937& rng, int taps, std::set<std::string>* screens)
{
    ui.visit.Touch(ui.Time());
    ui.Frames(2);
    for (int i = 0; i < taps; i++)
    {
        const std::vector<kiosk::ui::HitArea>& areas = ui.hits.Areas();
        if (areas.empty())
        {
            ui.Frames(1);
            continue;
        }
        const std::string id = areas[std::uniform_int_distribution<size_t>(0, areas.size() - 1)(rng)].id;
        ui.TapId(id);
        ui.Frames(3);
        const std::string key = kiosk::core::ScreenKey(ui.State());
        screens->insert(key.substr(0, key.find(':'))); // "role", "gallery", "pathway", "quiz" ...
    }
    const auto& timings = ui.pack->settings.timings;
    ui.Wait(timings.idle_timeout_s + std::max(timings.countdown_s, 20.0) + 2.0);
    ui.Frames(2);
    REQUIRE(ui.visit.Phase() == kiosk::core::VisitPhase::Attract);
}
} // namespace

TEST_CASE("the same visitors again leave the ui exactly as big: nothing grows from visit to visit", "[ui][day]")
{
    UiHarness ui(1280, 800, BundledPack());
    ui.Frames(2);
    constexpr int kVisitors = 5, kRounds = 6;
    std::vector<UiSizes> after_round;
    std::set<std::string> screens;
    for (int round = 0; round < kRounds; round++)
    {
        ui.images.requested.clear(); // count each round's requests on their own
        for (int v = 0; v < kVisitors; v++)
        {
            std::mt19937 rng(1000 + v); // visitor v taps the same way every round
            PlayVisitor(ui, rng, 12 + 4 * v, &screens);
        }
        after_round.push_back(Measure(ui));
    }
    for (int round = 0; round < kRounds; round++)
        UNSCOPED_INFO("round " << round + 1 << ": " << after_round[round]);
    // The visitors went places: the screens made windows and asked for pictures.
    CHECK(after_round[0].windows > 1);
    CHECK(after_round[0].image_requests > 0);
    INFO("screens visited: " << screens.size());
    CHECK(screens.count("role") + screens.count("gallery") + screens.count("pathway") + screens.count("quiz") >= 3);
    CHECK(ui.visit.VisitNumber() == kVisitors * kRounds);
    for (int round = 2; round < kRounds; round++)
        CHECK(after_round[round] == after_round[1]);
}

#ifdef __GLIBC__
TEST_CASE("a hundred different visitors after fifty leave the heap in use (less ImGui's draw buffers) where it was",
          "[ui][day]")
{
    UiHarness ui(1280, 800, BundledPack());
    ui.Frames(2);
    std::set<std::string> screens;
    constexpr int kWarmUp = 50, kMore = 100;
    std::size_t after_warm_up = 0;
    for (int v = 0; v < kWarmUp + kMore; v++)
    {
        std::mt19937 rng(5000 + v); // every visitor taps differently
        PlayVisitor(ui, rng, 12 + v % 17, &screens);
        // The harness's own records grow by design (every event and action kept for tests).
        std::vector<kiosk::core::StatsEvent>().swap(ui.events.list);
        std::vector<kiosk::core::VisitAction>().swap(ui.actions);
        std::vector<std::string>().swap(ui.images.requested);
        if (v + 1 == kWarmUp)
        {
            const struct mallinfo2 mi = mallinfo2();
            after_warm_up = mi.uordblks + mi.hblkhd - DrawBufferBytes();
        }
    }
    const struct mallinfo2 mi = mallinfo2();
    const std::size_t at_end = mi.uordblks + mi.hblkhd - DrawBufferBytes();
    INFO("malloc in use less ImGui's draw buffers after "
         << kWarmUp << " visitors " << after_warm_up << " B, after " << kWarmUp + kMore << " " << at_end
         << " B (draw buffers " << DrawBufferBytes() << " B); screens visited " << screens.size());
    CHECK(screens.count("role") + screens.count("gallery") + screens.count("pathway") + screens.count("quiz") == 4);
    // Measured: +5.9 KB (the glossary matches of texts not met before, bounded by the pack; ImGui's
    // draw buffers grew 36 KiB to a new peak meanwhile); 160 bytes a visitor would fail, and so does
    // the glossary cache keyed by a changing id without its cap (+2.4 MB).
    CHECK(at_end <= after_warm_up + 16 * 1024);
}
#endif
