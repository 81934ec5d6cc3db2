#include "support/ui_harness.h"

#include "core/content/content_loader.h"
#include "ui/metrics.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <imgui_internal.h> // ImTextCharFromUtf8
#include <utility>

namespace core = kiosk::core;

namespace kiosk::ui::test
{
using namespace kiosk::core;

ImageHandle FakeImages::Request(const std::string& absolute_path, int width_px, int height_px)
{
    requested.push_back(absolute_path);
    ImageHandle h;
    for (const std::string& p : loading)
        if (p == absolute_path)
            return h;
    h.state = ImageHandle::State::Ready;
    h.texture = 1;
    h.width = width_px;
    h.height = height_px;
    return h;
}

UiHarness::UiHarness(float width, float height, std::shared_ptr<const ContentPack> p)
    : pack(std::move(p)), m_width(width), m_height(height)
{
    IMGUI_CHECKVERSION();
    m_context = ImGui::CreateContext();
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(-1.0f, -1.0f);
    hits.capture_text = true;
    if (pack)
        visit.Start(*pack, &events, 0, Time());
}

kiosk::core::NavigationResult UiHarness::Act(const kiosk::core::VisitAction& action)
{
    return ApplyVisitAction(visit, view, action, Time());
}

UiHarness::~UiHarness()
{
    ImGui::DestroyContext(m_context);
}

UiContext UiHarness::BeginFrame(bool larger_text)
{
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    // As the app does: metrics from the screen and the visit, fonts rebuilt when they change.
    metrics = ComputeMetrics(m_width, m_height, physical_mm_w, physical_mm_h, larger_text);
    if (!FontsMatch(fonts, metrics))
    {
        fonts = BuildFonts(io.Fonts, kNotoRegular, kNotoBold, metrics,
                           pack ? kiosk::core::CollectPackText(*pack) : std::string());
        REQUIRE(fonts.error == "");
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(2)));
    }
    io.DisplaySize = ImVec2(m_width, m_height);
    ImGui::NewFrame();
    UiContext ctx;
    ctx.pack = pack.get();
    ctx.metrics = metrics;
    ctx.images = &images;
    ctx.now_s = m_now;
    ctx.fonts = &fonts;
    ctx.hits = &hits;
    ctx.speech = &speech;
    ctx.keys = std::exchange(keys, {});
    return ctx;
}

const UiFrame& UiHarness::Frame()
{
    ImGui::SetCurrentContext(m_context);
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    m_now += io.DeltaTime;
    const UiContext ctx = BeginFrame(pack && visit.State().larger_text);
    last = show_fault || !pack ? DrawFaultUi(ctx, view, fault) : DrawVisitFrame(ctx, visit, view, Time());
    ImGui::Render();
    for (const kiosk::core::VisitAction& a : last.actions)
        actions.push_back(a);
    return last;
}

void UiHarness::Wait(double seconds)
{
    for (double left = seconds; left > 0.0; left -= 1.0)
    {
        m_now += std::min(left, 1.0);
        visit.Tick(Time());
    }
    Frame();
}

void UiHarness::Frames(int n)
{
    for (int i = 0; i < n; ++i)
        Frame();
}

int UiHarness::Settle(int max_frames)
{
    int n = 0;
    while (n < max_frames)
    {
        ++n;
        if (!Frame().animating)
            break;
    }
    return n;
}

void UiHarness::Tap(float x, float y)
{
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(x, y);
    io.MouseDown[0] = true;
    Frame();
    io.MouseDown[0] = false;
    Frame();
    Frame();
}

bool UiHarness::TapId(const std::string& id)
{
    const HitArea* a = hits.Find(id);
    if (!a)
        return false;
    const float x = a->CenterX(), y = a->CenterY();
    Tap(x, y);
    return true;
}

void UiHarness::Key(kiosk::core::KeyCommand key)
{
    keys.push_back(key);
    Frame();
    Settle();
}

void UiHarness::Drag(ImVec2 from, ImVec2 to, int steps)
{
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = from;
    io.MouseDown[0] = true;
    Frame();
    for (int i = 1; i <= steps; ++i)
    {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        io.MousePos = ImVec2(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
        Frame();
    }
    io.MouseDown[0] = false;
    Frame();
}

std::shared_ptr<const kiosk::core::ContentPack> BundledPack()
{
    static const std::shared_ptr<const kiosk::core::ContentPack> pack = []
    {
        const kiosk::core::ContentLoadResult result = kiosk::core::LoadContentPack(KIOSK_CONTENT_DIR);
        INFO(kiosk::core::FormatDiagnostics(result.diagnostics));
        REQUIRE(result.pack);
        return std::shared_ptr<const kiosk::core::ContentPack>(result.pack);
    }();
    return pack;
}

std::vector<unsigned> DrawnCodePoints(const std::string& text)
{
    std::vector<unsigned> out;
    const char* p = text.c_str();
    const char* end = p + text.size();
    while (p < end)
    {
        unsigned c = 0;
        const int n = ImTextCharFromUtf8(&c, p, end);
        if (n <= 0)
            break;
        p += n;
        out.push_back(c);
    }
    return out;
}
} // namespace kiosk::ui::test
