#include "ui/widgets/icons.h"

#include <algorithm>

namespace kiosk::ui
{
void DrawIcon(Icon icon, ImVec2 c, float size, ImU32 color)
{
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = 0.5f * size;
    const float stroke = std::max(2.0f, size * 0.11f);
    auto P = [&](float x, float y) { return ImVec2(c.x + x * h, c.y + y * h); };
    switch (icon)
    {
    case Icon::Back:
    {
        const ImVec2 pts[3] = {P(0.35f, -0.7f), P(-0.35f, 0.0f), P(0.35f, 0.7f)};
        dl->AddPolyline(pts, 3, color, 0, stroke);
        break;
    }
    case Icon::Down:
    {
        const ImVec2 pts[3] = {P(-0.7f, -0.35f), P(0.0f, 0.35f), P(0.7f, -0.35f)};
        dl->AddPolyline(pts, 3, color, 0, stroke);
        break;
    }
    case Icon::Forward:
    {
        const ImVec2 pts[3] = {P(-0.35f, -0.7f), P(0.35f, 0.0f), P(-0.35f, 0.7f)};
        dl->AddPolyline(pts, 3, color, 0, stroke);
        break;
    }
    case Icon::Home:
    {
        const ImVec2 roof[3] = {P(-0.85f, -0.05f), P(0.0f, -0.8f), P(0.85f, -0.05f)};
        dl->AddPolyline(roof, 3, color, 0, stroke);
        const ImVec2 body[4] = {P(-0.6f, -0.25f), P(-0.6f, 0.75f), P(0.6f, 0.75f), P(0.6f, -0.25f)};
        dl->AddPolyline(body, 4, color, 0, stroke);
        break;
    }
    case Icon::Contrast:
    {
        const float r = 0.75f * h;
        dl->AddCircle(c, r, color, 32, stroke);
        dl->PathArcTo(c, r, -1.5707964f, 1.5707964f, 24);
        dl->PathFillConvex(color);
        break;
    }
    case Icon::TextSize:
    {
        // A large "A" and a small one, drawn as strokes.
        const ImVec2 big[3] = {P(-0.9f, 0.75f), P(-0.3f, -0.75f), P(0.3f, 0.75f)};
        dl->AddPolyline(big, 3, color, 0, stroke);
        dl->AddLine(P(-0.65f, 0.2f), P(0.05f, 0.2f), color, stroke);
        const ImVec2 small[3] = {P(0.35f, 0.75f), P(0.65f, 0.0f), P(0.95f, 0.75f)};
        dl->AddPolyline(small, 3, color, 0, stroke * 0.8f);
        break;
    }
    case Icon::Photo:
    {
        dl->AddRect(P(-0.85f, -0.65f), P(0.85f, 0.65f), color, 0.1f * h, 0, stroke);
        const ImVec2 hill[3] = {P(-0.85f, 0.5f), P(-0.2f, -0.15f), P(0.3f, 0.35f)};
        dl->AddPolyline(hill, 3, color, 0, stroke);
        dl->AddCircleFilled(P(0.4f, -0.25f), 0.14f * h, color);
        break;
    }
    case Icon::Route:
    {
        dl->AddBezierCubic(P(-0.7f, 0.6f), P(0.2f, 0.6f), P(-0.2f, -0.6f), P(0.7f, -0.6f), color, stroke);
        dl->AddCircleFilled(P(-0.7f, 0.6f), 0.2f * h, color);
        dl->AddCircleFilled(P(0.7f, -0.6f), 0.2f * h, color);
        break;
    }
    case Icon::Speaker:
    {
        // The box and cone of a loudspeaker, and two arcs of sound.
        dl->AddRectFilled(P(-0.85f, -0.3f), P(-0.4f, 0.3f), color);
        const ImVec2 cone[4] = {P(-0.45f, -0.3f), P(0.0f, -0.75f), P(0.0f, 0.75f), P(-0.45f, 0.3f)};
        dl->AddConvexPolyFilled(cone, 4, color);
        dl->PathArcTo(P(0.0f, 0.0f), 0.45f * h, -0.8f, 0.8f, 12);
        dl->PathStroke(color, 0, stroke);
        dl->PathArcTo(P(0.0f, 0.0f), 0.85f * h, -0.8f, 0.8f, 16);
        dl->PathStroke(color, 0, stroke);
        break;
    }
    case Icon::Stop:
        dl->AddRectFilled(P(-0.55f, -0.55f), P(0.55f, 0.55f), color, 0.1f * h);
        break;
    case Icon::Plus:
    case Icon::Minus:
    {
        // Bolder than the other icons: the sign is the whole button.
        const float bold = std::max(2.0f, 0.14f * size);
        dl->AddLine(ImVec2(c.x - h, c.y), ImVec2(c.x + h, c.y), color, bold);
        if (icon == Icon::Plus)
            dl->AddLine(ImVec2(c.x, c.y - h), ImVec2(c.x, c.y + h), color, bold);
        break;
    }
    }
}
} // namespace kiosk::ui
