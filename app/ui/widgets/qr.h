// A QR code for a URL: dark modules as filled rectangles on white with a 4-module quiet zone
// (white even in high contrast: phone cameras need dark on light), and a caption beside it.
#pragma once
#include "ui/ui_context.h"

#include <imgui.h>
#include <string>

namespace kiosk::ui
{
// Side of the drawn code (including the quiet zone) for the page column width `width`.
float QrSide(const Metrics& metrics, float width);

// Draws the code for `url` with its top-left at `min`, side `side`. Draws nothing for an
// empty or unencodable url and returns false.
bool DrawQrCode(const std::string& url, ImVec2 min, float side);
} // namespace kiosk::ui
