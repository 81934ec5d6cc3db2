// The frame the kiosk's loop and the monkey share (shell/kiosk_frame.h), on a headless ImGui
// context with a fake host in place of the window: what it asks of the host, and when.
#include "core/admin/admin_pin.h"
#include "shell/kiosk_frame.h"
#include "support/ui_harness.h"
#include "ui/metrics.h"

#include <catch2/catch.hpp>
#include <memory>
#include <string>
#include <vector>

using namespace kiosk;

namespace
{
constexpr float kW = 1280.0f, kH = 800.0f;
const std::string kPin = "739164";

std::shared_ptr<const core::ContentPack> PackWithPin()
{
    auto pack = std::make_shared<core::ContentPack>(*ui::test::BundledPack());
    pack->settings.admin_pin_hash =
        core::HashPin(kPin, std::vector<std::uint8_t>(16, 0x5a), core::kPinHashMinIterations);
    return pack;
}

// A kiosk around the shared frame: the host's side records what the frame asked of it.
struct FakeKiosk final : app::KioskFrameHost
{
    explicit FakeKiosk(std::shared_ptr<const core::ContentPack> p) : h(kW, kH, p), pack(std::move(p))
    {
        admin.Configure(true, KIOSK_CONTENT_DIR); // kiosk mode: the PIN pad asks
        if (pack)
            visits.visit.Start(*pack, nullptr, 0, h.Time());
    }

    bool VisitsStarted() const override { return pack != nullptr; }
    void BeginImGuiFrame(bool hide_touch) override
    {
        hidden.push_back(hide_touch);
        ImGui::SetCurrentContext(h.Context());
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down && !hide_touch;
        (void)h.BeginFrame(false);
    }
    bool ReloadContent(core::AdminMessage* message) override
    {
        ++reloads;
        *message = {"admin.content.reloaded", {}};
        return true;
    }
    bool LoadContent() override
    {
        ++loads;
        return false; // still broken
    }
    void FollowSpeech(bool, const std::vector<core::VisitAction>&, core::VisitTime) override {}
    void RequestClose() override { ++closes; }

    app::KioskScreens Screens()
    {
        return {*this, pack, diagnostics, visits, view, fault_view, admin, h.hits, swallow, corner};
    }
    // One wake-up of the loop: the visit fed (with a touch when the finger just went down), then a frame.
    app::FrameOutcome Step(double dt = 1.0 / 60.0, bool watch_corner = true)
    {
        h.AdvanceClock(dt);
        app::KioskScreens screens = Screens();
        app::FeedVisit(screens, down && !was_down, x, y, h.Time());
        was_down = down;
        app::FrameInput in;
        in.t = h.Time();
        in.metrics = ui::ComputeMetrics(kW, kH, 0.0f, 0.0f, false);
        in.pointer_x = x;
        in.pointer_y = y;
        in.mouse_held = down;
        in.watch_corner = watch_corner;
        ui::UiContext ctx;
        ctx.images = &h.images;
        ctx.fonts = &h.fonts;
        ctx.hits = &h.hits;
        ctx.speech = &h.speech;
        const app::FrameOutcome out = app::DrawKioskFrame(screens, in, ctx);
        ImGui::Render();
        return out;
    }
    // Press on the target `id` as last drawn, release, one more frame.
    bool Tap(const std::string& id)
    {
        const ui::HitArea* a = h.hits.Find(id);
        if (!a)
            return false;
        x = a->CenterX();
        y = a->CenterY();
        down = true;
        Step();
        down = false;
        Step();
        Step();
        return true;
    }

    // A finger held on the top-left corner for up to 4 s (0.1 s frames), stopping when the PIN pad
    // opens, then lifted for one more frame.
    void HoldCorner()
    {
        x = 4.0f;
        y = 4.0f;
        down = true;
        for (int i = 0; i < 40 && !admin.IsOpen(); ++i)
            Step(0.1);
        down = false;
        Step();
    }

    ui::test::UiHarness h;
    std::shared_ptr<const core::ContentPack> pack;
    core::DiagnosticList diagnostics;
    app::RecordedVisits visits;
    ui::VisitView view, fault_view;
    app::AdminSession admin;
    bool swallow = false, corner = false;
    float x = -1.0f, y = -1.0f;
    bool down = false, was_down = false;
    std::vector<bool> hidden; // hide_touch of each frame begun
    int reloads = 0, loads = 0, closes = 0;
};
} // namespace

TEST_CASE("kiosk frame: the touch that wakes the attract loop presses nothing until the finger lifts")
{
    FakeKiosk k(PackWithPin());
    CHECK(k.Step().drawn_screen == "attract");
    k.x = 0.25f * kW; // on the home screen's first role card
    k.y = 0.55f * kH;
    k.down = true;
    app::FrameOutcome out = k.Step();
    CHECK(out.drawn_screen == "home");
    CHECK(k.hidden.back());
    CHECK(k.swallow);
    for (int i = 0; i < 5; ++i)
        k.Step();
    CHECK(k.swallow); // still held
    k.down = false;
    k.Step();
    CHECK(k.hidden.back());
    CHECK_FALSE(k.swallow);
    k.Step();
    CHECK_FALSE(k.hidden.back());
    CHECK(k.visits.visit.State().screen == core::ScreenId::Home); // the card under the finger did not open
    // The same press now opens it: the hiding was what kept it shut.
    k.down = true;
    k.Step();
    k.down = false;
    k.Step();
    k.Step();
    CHECK(k.visits.visit.State().screen == core::ScreenId::Role);
}

TEST_CASE("kiosk frame: Reload on the fault screen asks the host to load the content")
{
    FakeKiosk k(nullptr);
    CHECK(k.Step().drawn_screen == "fault");
    REQUIRE(k.Tap("fault:reload"));
    CHECK(k.loads == 1);
    CHECK(k.reloads == 0);
    CHECK(k.Step().drawn_screen == "fault");
}

TEST_CASE("kiosk frame: the corner press opens the PIN pad only where the corner is watched")
{
    FakeKiosk k(PackWithPin());
    k.x = 4.0f;
    k.y = 4.0f;
    k.down = true;
    for (int i = 0; i < 40; ++i)
        k.Step(0.1, false);
    CHECK_FALSE(k.admin.IsOpen());
    k.down = false;
    k.Step(0.1);
    k.HoldCorner();
    CHECK(k.admin.IsOpen());
    CHECK(k.Step().drawn_screen == "admin:pin");
}

TEST_CASE("kiosk frame: the staff panel's Reload and Exit are asked of the host")
{
    FakeKiosk k(PackWithPin());
    k.HoldCorner();
    REQUIRE(k.admin.IsOpen());
    for (char d : kPin)
        REQUIRE(k.Tap(std::string("admin:pin:") + d));
    REQUIRE(k.Tap("admin:pin:ok"));
    CHECK(k.Step().drawn_screen == "admin:panel");
    REQUIRE(k.Tap("admin:tab:content"));
    REQUIRE(k.Tap("admin:reload"));
    CHECK(k.reloads == 1);
    CHECK(k.closes == 0);
    REQUIRE(k.Tap("admin:exit"));
    CHECK(k.closes == 0); // asks first
    REQUIRE(k.Tap("admin:exit-confirm"));
    CHECK(k.closes == 1);
}
