#include "ui/widgets/image.h"

#include "ui/theme.h"
#include "ui/widgets/icons.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
namespace
{
void DrawPlaceholder(const UiContext& ctx, ImVec2 min, ImVec2 max, float rounding)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(min, max, ctx.palette->placeholder, rounding);
    const float side = std::min(max.x - min.x, max.y - min.y);
    if (side > ctx.metrics.em)
        DrawIcon(Icon::Photo, ImVec2(0.5f * (min.x + max.x), 0.5f * (min.y + max.y)),
                 std::min(side * 0.4f, 3.0f * ctx.metrics.em), ctx.palette->border);
}
} // namespace

ImageHandle::State DrawImage(const UiContext& ctx, const std::string& absolute_path, ImVec2 min, ImVec2 max,
                             ImageFit fit, float rounding)
{
    const float w = max.x - min.x, h = max.y - min.y;
    if (w < 1.0f || h < 1.0f)
        return ImageHandle::State::Loading;
    if (absolute_path.empty() || !ctx.images)
    {
        DrawPlaceholder(ctx, min, max, rounding);
        return ImageHandle::State::Failed;
    }
    // Cull what is off screen: do not even ask for it (the cache loads only what is seen).
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    if (max.y < clip_min.y || min.y > clip_max.y || max.x < clip_min.x || min.x > clip_max.x)
        return ImageHandle::State::Loading;

    const ImageHandle img =
        ctx.images->Request(absolute_path, static_cast<int>(std::lround(w)), static_cast<int>(std::lround(h)));
    if (img.state != ImageHandle::State::Ready || img.width <= 0 || img.height <= 0)
    {
        DrawPlaceholder(ctx, min, max, rounding);
        return img.state;
    }
    const float img_aspect = static_cast<float>(img.width) / static_cast<float>(img.height);
    const float box_aspect = w / h;
    const ImTextureID tex = reinterpret_cast<ImTextureID>(img.texture);
    if (fit == ImageFit::Cover)
    {
        ImVec2 uv0(0, 0), uv1(1, 1);
        if (img_aspect > box_aspect)
        {
            const float keep = box_aspect / img_aspect;
            uv0.x = 0.5f * (1.0f - keep);
            uv1.x = 1.0f - uv0.x;
        }
        else
        {
            const float keep = img_aspect / box_aspect;
            uv0.y = 0.5f * (1.0f - keep);
            uv1.y = 1.0f - uv0.y;
        }
        dl->AddImageRounded(tex, min, max, uv0, uv1, IM_COL32_WHITE, rounding);
    }
    else
    {
        float dw = w, dh = h;
        if (img_aspect > box_aspect)
            dh = w / img_aspect;
        else
            dw = h * img_aspect;
        const ImVec2 a(std::floor(min.x + 0.5f * (w - dw)), std::floor(min.y + 0.5f * (h - dh)));
        dl->AddImageRounded(tex, a, ImVec2(a.x + dw, a.y + dh), ImVec2(0, 0), ImVec2(1, 1), IM_COL32_WHITE, rounding);
    }
    return img.state;
}
} // namespace kiosk::ui
