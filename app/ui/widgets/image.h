// Images with a placeholder: asks the ImageSource for the image at the size it is drawn
// (never blocks) and draws a calm placeholder until it is ready or when it failed.
#pragma once
#include "ui/ui_context.h"

#include <imgui.h>
#include <string>

namespace kiosk::ui
{
enum class ImageFit
{
    Cover,   // fill the rectangle, cropping the overflow (cards, thumbnails)
    Contain, // show the whole image, letterboxed (gallery)
};

// `absolute_path` empty draws the placeholder. Returns the state so callers can animate.
ImageHandle::State DrawImage(const UiContext& ctx, const std::string& absolute_path, ImVec2 min, ImVec2 max,
                             ImageFit fit, float rounding);
} // namespace kiosk::ui
