#include "support/soft_raster.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui::test
{
namespace
{
float Linear(float v)
{
    return v <= 0.04045f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
}

ImVec4 Sample(const kiosk::core::ImageRgba& img, float u, float v)
{
    const int x = std::clamp((int)(u * img.width), 0, img.width - 1);
    const int y = std::clamp((int)(v * img.height), 0, img.height - 1);
    const unsigned char* p = &img.pixels[((size_t)y * img.width + x) * 4];
    return ImVec4(p[0] / 255.0f, p[1] / 255.0f, p[2] / 255.0f, p[3] / 255.0f);
}
} // namespace

float RelativeLuminance(float r, float g, float b)
{
    return 0.2126f * Linear(r) + 0.7152f * Linear(g) + 0.0722f * Linear(b);
}

SoftFrame RasteriseDrawData(float screen_w, float screen_h, const SoftRasterOptions& o)
{
    SoftFrame f;
    f.width = std::max(1, (int)(screen_w * o.scale));
    f.height = std::max(1, (int)(screen_h * o.scale));
    const size_t n = (size_t)f.width * f.height;
    const ImVec4 c0 = ImGui::ColorConvertU32ToFloat4(o.clear);
    f.rgb.resize(n * 3);
    for (size_t i = 0; i < n; ++i)
        f.rgb[i * 3] = c0.x, f.rgb[i * 3 + 1] = c0.y, f.rgb[i * 3 + 2] = c0.z;
    f.text_alpha.assign(n, 0.0f);
    f.text_rgb.assign(n * 3, 0.0f);
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* atlas = nullptr;
    int aw = 0, ah = 0;
    io.Fonts->GetTexDataAsRGBA32(&atlas, &aw, &ah);
    const ImDrawData* dd = ImGui::GetDrawData();
    for (int l = 0; dd && l < dd->CmdListsCount; ++l)
    {
        const ImDrawList* list = dd->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer)
        {
            if (cmd.UserCallback)
                continue;
            const bool font = cmd.TextureId == io.Fonts->TexID;
            const auto tex = o.textures.find(cmd.TextureId);
            const kiosk::core::ImageRgba* image = tex == o.textures.end() ? nullptr : tex->second;
            const int cx0 = std::max(0, (int)(cmd.ClipRect.x * o.scale));
            const int cy0 = std::max(0, (int)(cmd.ClipRect.y * o.scale));
            const int cx1 = std::min(f.width, (int)std::ceil(cmd.ClipRect.z * o.scale));
            const int cy1 = std::min(f.height, (int)std::ceil(cmd.ClipRect.w * o.scale));
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3)
            {
                const ImDrawVert* v[3];
                for (int k = 0; k < 3; ++k)
                    v[k] = &list->VtxBuffer[(int)(cmd.VtxOffset + list->IdxBuffer[(int)(cmd.IdxOffset + i + k)])];
                // A glyph quad spans a range of atlas texels; a solid shape samples one white texel.
                const bool glyph =
                    font && (std::fabs(v[0]->uv.x - v[1]->uv.x) + std::fabs(v[0]->uv.x - v[2]->uv.x) +
                                 std::fabs(v[0]->uv.y - v[1]->uv.y) + std::fabs(v[0]->uv.y - v[2]->uv.y) >
                             1e-6f);
                if (glyph && !o.draw_text)
                    continue;
                const float x[3] = {v[0]->pos.x * o.scale, v[1]->pos.x * o.scale, v[2]->pos.x * o.scale};
                const float y[3] = {v[0]->pos.y * o.scale, v[1]->pos.y * o.scale, v[2]->pos.y * o.scale};
                const float area = (x[1] - x[0]) * (y[2] - y[0]) - (x[2] - x[0]) * (y[1] - y[0]);
                if (std::fabs(area) < 1e-6f)
                    continue;
                const int bx0 = std::max(cx0, (int)std::floor(std::min({x[0], x[1], x[2]})));
                const int bx1 = std::min(cx1, (int)std::ceil(std::max({x[0], x[1], x[2]})));
                const int by0 = std::max(cy0, (int)std::floor(std::min({y[0], y[1], y[2]})));
                const int by1 = std::min(cy1, (int)std::ceil(std::max({y[0], y[1], y[2]})));
                ImVec4 vc[3];
                for (int k = 0; k < 3; ++k)
                    vc[k] = ImGui::ColorConvertU32ToFloat4(v[k]->col);
                for (int py = by0; py < by1; ++py)
                    for (int px = bx0; px < bx1; ++px)
                    {
                        const float sx = px + 0.5f, sy = py + 0.5f;
                        const float w0 = ((x[1] - sx) * (y[2] - sy) - (x[2] - sx) * (y[1] - sy)) / area;
                        const float w1 = ((x[2] - sx) * (y[0] - sy) - (x[0] - sx) * (y[2] - sy)) / area;
                        const float w2 = 1.0f - w0 - w1;
                        if (w0 < -1e-4f || w1 < -1e-4f || w2 < -1e-4f)
                            continue;
                        ImVec4 c(w0 * vc[0].x + w1 * vc[1].x + w2 * vc[2].x, w0 * vc[0].y + w1 * vc[1].y + w2 * vc[2].y,
                                 w0 * vc[0].z + w1 * vc[1].z + w2 * vc[2].z,
                                 w0 * vc[0].w + w1 * vc[1].w + w2 * vc[2].w);
                        const float u = w0 * v[0]->uv.x + w1 * v[1]->uv.x + w2 * v[2]->uv.x;
                        const float t = w0 * v[0]->uv.y + w1 * v[1]->uv.y + w2 * v[2]->uv.y;
                        if (font && atlas)
                        {
                            const int ax = std::clamp((int)(u * aw), 0, aw - 1),
                                      ay = std::clamp((int)(t * ah), 0, ah - 1);
                            c.w *= atlas[((size_t)ay * aw + ax) * 4 + 3] / 255.0f;
                        }
                        else if (image && !image->Empty())
                        {
                            const ImVec4 s = Sample(*image, u, t);
                            c.x *= s.x, c.y *= s.y, c.z *= s.z, c.w *= s.w;
                        }
                        const size_t p = (size_t)py * f.width + px;
                        for (int k = 0; k < 3; ++k)
                        {
                            const float src = k == 0 ? c.x : (k == 1 ? c.y : c.z);
                            f.rgb[p * 3 + k] = f.rgb[p * 3 + k] * (1.0f - c.w) + src * c.w;
                        }
                        if (glyph)
                        {
                            f.text_alpha[p] = std::max(f.text_alpha[p], c.w);
                            f.text_rgb[p * 3] = c.x, f.text_rgb[p * 3 + 1] = c.y, f.text_rgb[p * 3 + 2] = c.z;
                        }
                        else if (c.w > 0.5f)
                            f.text_alpha[p] = 0.0f; // a shape drawn over earlier text hides it
                    }
            }
        }
    }
    return f;
}
} // namespace kiosk::ui::test
