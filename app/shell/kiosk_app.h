// RunKiosk: the kiosk's main loop (and --screenshot, which is the same loop drawing one screen
// into a PNG). Owns the window, the content pack, fonts, textures and the visit.
#pragma once
#include "shell/command_line.h"

namespace kiosk::app
{
int RunKiosk(const Options& options);
} // namespace kiosk::app
