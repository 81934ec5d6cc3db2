// Harness for the screens drawn outside DrawUi (attract loop, "Still there?" overlay, admin
// panel): reuses UiHarness's ImGui context, fonts, fake images and hit registry, but each frame
// runs `draw` instead of DrawUi, with a clock the test controls.
#pragma once
#include "support/ui_harness.h"
#include "ui/admin/admin_screen.h"

#include <functional>
#include <string>

namespace kiosk::ui::test
{
class DrawHarness
{
public:
    // `draw` runs between NewFrame and Render and returns whether the screen is animating.
    using DrawFn = std::function<bool(const UiContext&)>;

    DrawHarness(float width, float height, std::shared_ptr<const kiosk::core::ContentPack> pack = MakeTestPack());

    // One frame at `now` (then now advances by one 60 Hz frame); returns the draw's result.
    bool Frame();
    void Frames(int n);
    // Press at (x, y) for a frame, release for a frame, then one more frame.
    void Tap(float x, float y);
    bool TapId(const std::string& id);
    void Press(float x, float y); // finger down (one frame)
    void Release();               // finger up (one frame)
    const HitArea* Find(const std::string& id) const { return base.hits.Find(id); }
    bool Drew(const std::string& text) const { return base.hits.Drew(text); }

    UiHarness base; // context, fonts, images, hits, metrics
    DrawFn draw;
    double now = 100.0;
    const Palette* palette = nullptr; // passed as ctx.palette when set

private:
    float m_width, m_height;
};

// The admin panel in a DrawHarness: opens on the PIN pad (with no press to ignore), keeps every
// action returned, and draws one frame at construction.
struct AdminHarness
{
    AdminHarness(float width, float height, std::shared_ptr<const kiosk::core::ContentPack> pack = MakeTestPack());
    std::vector<std::string> Names() const; // core::DescribeAdminAction of every action so far

    DrawHarness h;
    core::AdminView view;
    core::AdminModel model;
    AdminFrame last;
    std::vector<core::AdminAction> actions;
};
} // namespace kiosk::ui::test
