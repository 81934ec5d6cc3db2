// Previews: the kiosk's own frames drawn off screen and read back, for --screenshot (one PNG)
// and the contact sheet (every screen, shell/contact_sheet.cpp), which share these steps.
#pragma once
#include "platform/headless_display.h"
#include "shell/kiosk_app.h"

#include <string>

namespace kiosk::app
{
// What one preview shows: a screen (core/visit/screen_name.h) in a language and variant.
struct PreviewShot
{
    std::string screen = "home";
    std::string language; // empty: the pack's first
    bool large_text = false;
    bool high_contrast = false;
    bool full_page = false; // a scrolling screen whole, as one tall image
    std::string glossary;   // a term whose definition card is open over the screen
    // The longest the shot waits for pictures to arrive and movement to stop: a slow machine
    // (an arm64 build under qemu-user rasterises the illustrations for minutes) needs longer.
    double still_timeout_s = 15.0;
};

struct RgbaImage
{
    int width = 0, height = 0;
    std::string rgba; // rows top to bottom, 4 bytes a pixel
};

// Puts a started app on the shot's screen, from a fresh visit (so shots never leak into each
// other). False with `error` set to one sentence when the shot names something the pack lacks.
bool PreparePreview(KioskApp& app, const PreviewShot& shot, std::string* error);
// Draws until nothing moves and every picture has arrived, and reads the frame back; with
// shot.full_page, one image as tall as the screen plus everything its scroll view hides.
bool CapturePreview(KioskApp& app, const PreviewShot& shot, RgbaImage* out);
bool WritePng(const std::string& path, const RgbaImage& image);

// The private Xvfb a preview starts when there is no display; Start returns an exit code, or
// -1 when the app is started and ready for PreparePreview.
int StartPreviewApp(KioskApp& app, platform::HeadlessDisplay* headless, int max_w, int max_h);
} // namespace kiosk::app
