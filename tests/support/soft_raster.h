// A small CPU rasteriser for ImGui's draw data, so headless UI tests can look at pixels without
// GL: triangles filled with their interpolated vertex colours, clipped to each command's clip
// rect, alpha-blended in order, the font atlas's coverage applied to text and, for textures a
// test supplies, their pixels sampled (other textures count as their vertex tint). Used to count
// flashes and to measure text contrast over photographs; not a renderer for the app.
#pragma once
#include "core/images/image_decode.h"

#include <imgui.h>
#include <map>
#include <vector>

namespace kiosk::ui::test
{
struct SoftFrame
{
    int width = 0, height = 0;
    std::vector<float> rgb;        // width * height * 3, sRGB 0..1
    std::vector<float> text_alpha; // coverage of text drawn over each pixel (0..1)
    std::vector<float> text_rgb;   // the colour of that text (sRGB 0..1), width * height * 3
};

struct SoftRasterOptions
{
    float scale = 1.0f;    // raster pixels per screen pixel
    bool draw_text = true; // false: the frame as it would be without any text (what lies under it)
    ImU32 clear = IM_COL32(255, 255, 255, 255);
    std::map<ImTextureID, const kiosk::core::ImageRgba*> textures; // sampled by uv when given
};

// Rasterises ImGui::GetDrawData() (call after ImGui::Render()).
SoftFrame RasteriseDrawData(float screen_w, float screen_h, const SoftRasterOptions& options);

// WCAG relative luminance of an sRGB colour (0..1 channels).
float RelativeLuminance(float r, float g, float b);
} // namespace kiosk::ui::test
