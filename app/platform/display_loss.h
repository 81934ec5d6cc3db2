// The X server going away under the running kiosk (Xorg crashed, was restarted, or a test killed
// its Xvfb). Xlib's default answer is to print a line and call exit(1) from inside whatever GLFW
// call noticed it, which skips the shell's shutdown: the open visit is never ended and events still
// queued for the statistics writer are lost. This hook lets the shell save first.
#pragma once

namespace kiosk::platform
{
// Called on the main thread, from inside the Xlib call that found the connection gone, with the
// display's name (":0"). It must not draw or touch the window; it should save what needs saving,
// and its return value becomes the process's exit status (the process then ends at once through
// _exit: GL and X teardown would only fail on a dead connection).
using DisplayLostHandler = int (*)(const char* display_name);

// Installs the handler when the process talks X through Xlib (GLFW's X11 backend); does nothing
// otherwise (Wayland, or before GLFW loaded Xlib). Call after the window is created.
void SetDisplayLostHandler(DisplayLostHandler handler);
} // namespace kiosk::platform
