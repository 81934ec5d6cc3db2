// Headless UI harness: a real ImGui context with Noto fonts baked into a CPU-only atlas, no
// window and no GL. Steps frames the way the kiosk does (metrics, fonts, NewFrame, the same
// ui::DrawVisitFrame into a real core::Visit, Render) and feeds touches as mouse input, so tests
// tap where widgets are drawn. The visit records into `events`.
#pragma once
#include "core/content/content_model.h"
#include "core/visit/visit.h"
#include "support/test_pack.h"
#include "ui/app_ui.h"
#include "ui/fonts.h"
#include "ui/hit_registry.h"
#include "ui/ui_context.h"

#include <imgui.h>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::ui::test
{
inline const char* kNotoRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
inline const char* kNotoBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

// Answers every request at once with a fake texture of the requested size (or Loading for
// paths in `loading`), and remembers what was asked for.
class FakeImages : public ImageSource
{
public:
    ImageHandle Request(const std::string& absolute_path, int width_px, int height_px) override;
    std::vector<std::string> requested;
    std::vector<std::string> loading;
};

using kiosk::test::MakeTestPack; // support/test_pack.h

class UiHarness
{
public:
    UiHarness(float width, float height, std::shared_ptr<const kiosk::core::ContentPack> pack = MakeTestPack());
    ~UiHarness();
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    // One frame with the current mouse state; returns its result (also kept in `last`).
    const UiFrame& Frame();
    // The first half of Frame(), for drivers that draw something else (the monkey's headless
    // kiosk): metrics for `larger_text`, fonts rebuilt when they change, NewFrame; returns the
    // context the screens get. The caller draws, then calls ImGui::Render().
    UiContext BeginFrame(bool larger_text);
    // Moves the harness's clock on without drawing or ticking anything.
    void AdvanceClock(double seconds) { m_now += seconds; }
    // This harness's ImGui context (several harnesses may live side by side; Frame and
    // BeginFrame make theirs current).
    ImGuiContext* Context() const { return m_context; }
    void Frames(int n);
    // Draws frames until nothing animates (at most `max_frames`); returns frames drawn.
    int Settle(int max_frames = 600);

    // Press at (x, y) for a frame, release for a frame, then one more frame.
    void Tap(float x, float y);
    // Taps the centre of the visible part of a registered widget; false if not drawn.
    bool TapId(const std::string& id);
    // Time passes without frames (the visitor walks away): the visit is ticked each second, as
    // the kiosk's loop does, then one frame is drawn.
    void Wait(double seconds);
    // Press at `from`, move in `steps` frames to `to`, release there.
    void Drag(ImVec2 from, ImVec2 to, int steps = 10);
    // A keypad press (as platform::Window::TakeKeys hands it over) in the next frame, then
    // frames until nothing moves (Enter taps on the frame after the key).
    void Key(kiosk::core::KeyCommand key);
    // The keypad focus (a hit id) and whether its ring shows.
    const std::string& Focused() const { return view.focus.id; }
    bool RingShown() const { return view.focus.visible; }

    const HitArea* Find(const std::string& id) const { return hits.Find(id); }
    // Where the visitor is (the core's state).
    const kiosk::core::VisitState& State() const { return visit.State(); }
    // Carries out an action as a tap would (the motion state follows), without drawing.
    kiosk::core::NavigationResult Act(const kiosk::core::VisitAction& action);
    kiosk::core::VisitTime Time() const { return {m_now, 1.8e9 + m_now}; }

    std::shared_ptr<const kiosk::core::ContentPack> pack;
    kiosk::core::DiagnosticList fault; // when non-empty, frames draw the fault screen
    bool show_fault = false;
    kiosk::core::Visit visit; // started on `pack`, recording into `events`
    VisitView view;           // the ui's motion state
    Metrics metrics;
    float physical_mm_w = 0.0f, physical_mm_h = 0.0f; // the screen's size as a monitor would report it (0: unknown)
    Fonts fonts;
    FakeImages images;
    HitRegistry hits;
    // What the screens are told about read aloud (ctx.speech): off unless a test turns it on.
    kiosk::core::SpeechStatus speech;
    UiFrame last;
    std::vector<kiosk::core::VisitAction> actions; // every action since construction
    std::vector<kiosk::core::KeyCommand> keys;     // handed to the next frame
    struct EventList : kiosk::core::EventSink
    {
        void Record(kiosk::core::StatsEvent event) override { list.push_back(std::move(event)); }
        std::vector<kiosk::core::StatsEvent> list;
    } events;

private:
    ImGuiContext* m_context = nullptr;
    float m_width, m_height;
    double m_now = 0.0;
};

// The bundled content pack (content/), loaded once per test binary; fails the test with the
// validator's messages when it does not load.
std::shared_ptr<const kiosk::core::ContentPack> BundledPack();

// The code points of a UTF-8 string as ImGui reads it when drawing (its own decoder), to check
// them against a font's glyphs; stops at the first byte ImGui cannot decode.
std::vector<unsigned> DrawnCodePoints(const std::string& text);
} // namespace kiosk::ui::test
