#include "platform/display_loss.h"

#include <dlfcn.h>
#include <unistd.h>

namespace kiosk::platform
{
namespace
{
// Xlib's types, spelled without its headers: the package builds against GLFW alone, which loads
// libX11 itself (and is not linked with it at all in a Wayland-only build).
using XDisplay = void;
using XIOErrorHandler = int (*)(XDisplay*);
using XSetIOErrorHandlerFn = XIOErrorHandler (*)(XIOErrorHandler);
using XDisplayStringFn = char* (*)(XDisplay*);

DisplayLostHandler g_handler = nullptr;
XDisplayStringFn g_display_string = nullptr;

int OnIoError(XDisplay* display)
{
    const char* name = g_display_string && display ? g_display_string(display) : nullptr;
    const int status = g_handler ? g_handler(name ? name : "?") : 1;
    // Xlib calls exit() itself if this returns; exit() would run static destructors while the
    // GL driver's threads still run. End here instead.
    _exit(status);
}
} // namespace

void SetDisplayLostHandler(DisplayLostHandler handler)
{
    void* xlib = dlopen("libX11.so.6", RTLD_LAZY | RTLD_NOLOAD);
    if (!xlib)
        return;
    auto set_handler = reinterpret_cast<XSetIOErrorHandlerFn>(dlsym(xlib, "XSetIOErrorHandler"));
    g_display_string = reinterpret_cast<XDisplayStringFn>(dlsym(xlib, "XDisplayString"));
    if (!set_handler)
        return;
    g_handler = handler;
    set_handler(&OnIoError);
}
} // namespace kiosk::platform
