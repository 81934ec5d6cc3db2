// Simple line icons drawn with the draw list (no icon font: the atlas stays small and the
// shapes scale to any size).
#pragma once
#include <imgui.h>

namespace kiosk::ui
{
enum class Icon
{
    Back,     // chevron left
    Forward,  // chevron right
    Down,     // chevron down (more below)
    Home,     // house
    Contrast, // half-filled circle
    TextSize, // large and small A
    Photo,    // landscape in a frame
    Route,    // three dots joined by a path
    Plus,     // zoom in
    Minus,    // zoom out
    Speaker,  // read aloud: a loudspeaker with sound waves
    Stop,     // stop reading: a filled square
};

// Draws `icon` centred at `center` inside a square of side `size`.
void DrawIcon(Icon icon, ImVec2 center, float size, ImU32 color);
} // namespace kiosk::ui
