// --warm-up: the kiosk's first screen drawn once in a hidden window, so that the GL driver's disk
// cache holds what the next start of the kiosk compiles before its first frame.
//
// Why a start of its own: Mesa stores compiled shaders on disk at a program's first start, but its
// second start takes the GL program from that cache in a form the software rasteriser (llvmpipe)
// keys differently, and compiles the first frame's shader variants again; from the third start
// on all are found. Each variant is keyed by the drawing state too (textures, blending), so only
// the kiosk's own first frame, drawn as the kiosk draws it, stores the right ones: a bare ImGui
// window did not, and neither did the home screen at 800x480. kiosk-session runs this before the
// kiosk's first start after the app or Mesa is installed or upgraded (kiosk/deploy/kiosk-session.sh),
// so that the kiosk is the second start and every restart after it the third.
//
// Promised: nothing is shown (the window is never mapped), no statistics are opened, no sd_notify
// message is sent; pictures come from the kiosk's illustration cache (and fill it, as the kiosk
// would); exit 0 once the frame is drawn (the fault screen's, for a pack with errors, as the kiosk
// would show), else the start's own exit status, as the kiosk's.
#include "platform/window.h"
#include "shell/kiosk_app.h"
#include "shell/recorded_visits.h"
#include "shell/screenshot.h"

#include <cstdio>

namespace kiosk::app
{
int RunWarmUp(KioskApp& app)
{
    if (!platform::HasDisplay())
    {
        std::fprintf(stderr, "careers-kiosk: --warm-up draws on the kiosk's own display, and there is none "
                             "(DISPLAY and WAYLAND_DISPLAY are unset)\n");
        return 3;
    }
    const double t0 = Now().mono;
    platform::WindowOptions wo;
    wo.fullscreen = false;
    wo.visible = false;
    wo.width = app.options.width; // 0: the monitor's size, as the kiosk's fullscreen window
    wo.height = app.options.height;
    const int started = app.Start(wo);
    if (started >= 0)
        return started;
    const platform::WindowInfo info = app.window.Info();
    // The kiosk starts on its attract loop; a pack with errors shows the fault screen instead.
    PreviewShot shot;
    shot.screen = app.pack ? "attract" : "fault";
    std::string error;
    if (!PreparePreview(app, shot, &error))
    {
        std::fprintf(stderr, "careers-kiosk: %s\n", error.c_str());
        app.Shutdown();
        return 1;
    }
    PrepareFirstFrame(app);
    app.DrawFrame(Now());
    app.window.Finish(); // the driver compiles each variant when a draw first needs it
    app.Shutdown();
    std::printf("drew the first screen (%s) at %dx%d once, hidden, in %.0f ms\n", shot.screen.c_str(),
                info.framebuffer_w, info.framebuffer_h, (Now().mono - t0) * 1e3);
    return 0;
}
} // namespace kiosk::app
