// careers-kiosk contact-sheet OUT_DIR: every screen a visitor can see, in every language and in
// large text and high contrast, at each --sizes, into OUT_DIR/index.html (shell/contact_sheet.cpp).
#pragma once
#include "shell/command_line.h"

namespace kiosk::app
{
// Returns the exit status: 0 when every picture was drawn.
int RunContactSheet(const Options& options);
} // namespace kiosk::app
