#include "support/ui_harness_admin.h"

#include "ui/metrics.h"

namespace core = kiosk::core;

namespace kiosk::ui::test
{
DrawHarness::DrawHarness(float width, float height, std::shared_ptr<const kiosk::core::ContentPack> pack)
    : base(width, height, std::move(pack)), m_width(width), m_height(height)
{
    base.Frame(); // builds the fonts for these metrics
}

bool DrawHarness::Frame()
{
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(m_width, m_height);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    UiContext ctx;
    ctx.pack = base.pack.get();
    ctx.visit = base.pack ? &base.State() : nullptr;
    ctx.metrics = base.metrics;
    ctx.images = &base.images;
    ctx.now_s = now;
    ctx.fonts = &base.fonts;
    ctx.hits = &base.hits;
    ctx.palette = palette;
    const bool animating = draw ? draw(ctx) : false;
    ImGui::Render();
    now += 1.0 / 60.0;
    return animating;
}

void DrawHarness::Frames(int n)
{
    for (int i = 0; i < n; ++i)
        Frame();
}

void DrawHarness::Press(float x, float y)
{
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    io.MouseDown[0] = true;
    Frame();
}

void DrawHarness::Release()
{
    ImGui::GetIO().MouseDown[0] = false;
    Frame();
}

void DrawHarness::Tap(float x, float y)
{
    Press(x, y);
    Release();
    Frame();
}

bool DrawHarness::TapId(const std::string& id)
{
    const HitArea* a = Find(id);
    if (!a)
        return false;
    const float x = a->CenterX(), y = a->CenterY();
    Tap(x, y);
    return true;
}

AdminHarness::AdminHarness(float width, float height, std::shared_ptr<const kiosk::core::ContentPack> pack)
    : h(width, height, std::move(pack))
{
    core::OpenAdmin(view);
    view.ignore_press = false;
    h.draw = [this](const UiContext& ctx)
    {
        last = DrawAdminUi(ctx, view, model);
        for (const auto& a : last.actions)
            actions.push_back(a);
        return last.animating;
    };
    h.Frame();
}

std::vector<std::string> AdminHarness::Names() const
{
    std::vector<std::string> n;
    for (const auto& a : actions)
        n.push_back(core::DescribeAdminAction(a));
    return n;
}
} // namespace kiosk::ui::test
