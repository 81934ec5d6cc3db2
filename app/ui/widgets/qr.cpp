#include "ui/widgets/qr.h"

#include "core/images/qr_code.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui
{
float QrSide(const Metrics& metrics, float width)
{
    // Large enough for a phone at arm's length (at least 40 mm and 10 em, about 4 px a module at 1080p), never wider
    // than the column.
    return std::floor(std::min(width, std::max(40.0f * metrics.px_per_mm, 10.0f * metrics.em)));
}

bool DrawQrCode(const std::string& url, ImVec2 min, float side)
{
    if (url.empty())
        return false;
    // Off screen (scrolled away): skip the encoding, the one costly step (about 2 ms).
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (min.y > dl->GetClipRectMax().y || min.y + side < dl->GetClipRectMin().y)
        return true;
    // Encoded on each drawn frame: cheap next to drawing, and frames are drawn only on change.
    const kiosk::core::QrMatrix qr = kiosk::core::MakeQrCode(url);
    if (qr.Empty())
        return false;
    const int quiet = 4;
    const int total = qr.size + 2 * quiet;
    const float module = std::floor(side / static_cast<float>(total));
    if (module < 1.0f)
        return false;
    const float drawn = module * static_cast<float>(total);
    dl->AddRectFilled(min, ImVec2(min.x + drawn, min.y + drawn), IM_COL32_WHITE);
    const ImVec2 origin(min.x + module * quiet, min.y + module * quiet);
    for (int y = 0; y < qr.size; ++y)
    {
        // Runs of dark modules in a row become one rectangle: fewer vertices.
        int x = 0;
        while (x < qr.size)
        {
            if (!qr.At(x, y))
            {
                ++x;
                continue;
            }
            int end = x;
            while (end < qr.size && qr.At(end, y))
                ++end;
            dl->AddRectFilled(ImVec2(origin.x + module * x, origin.y + module * y),
                              ImVec2(origin.x + module * end, origin.y + module * (y + 1)), IM_COL32_BLACK);
            x = end;
        }
    }
    return true;
}
} // namespace kiosk::ui
