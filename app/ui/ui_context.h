// What every screen gets each frame: the model to read (the pack, and the visit: where the visitor
// is and what they chose), the metrics to size things with, and a source of images. Screens never
// own state that must survive a visit reset; the motion they need to remember between frames
// lives in VisitView (reset with the visit).
#pragma once
#include "core/content/content_model.h"
#include "core/speech/speech_target.h"
#include "core/visit/key_command.h"
#include "core/visit/navigation.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::ui
{
struct Fonts;      // fonts.h: the baked fonts for this Metrics
struct Palette;    // theme.h: colours for this frame (light or high contrast)
class HitRegistry; // hit_registry.h: tappable rects drawn this frame

// Sizes for one frame, all derived from the screen; screens size everything from these.
struct Metrics
{
    float em = 27.0f;        // body font size in pixels (>= 2.5% of the screen's shorter side)
    float touch_min = 48.0f; // minimum touch target side in pixels (9 mm on this screen)
    float gap = 24.0f;       // gap between touch targets in pixels (>= 8 dp equivalent)
    float screen_w = 1920.0f;
    float screen_h = 1080.0f;
    float px_per_mm = 3.8f; // from the monitor's physical size, or a sensible default
    bool portrait() const { return screen_h > screen_w; }
};

// An image as the UI sees it: a texture id or nothing yet. Never blocks.
struct ImageHandle
{
    enum class State
    {
        Loading,
        Ready,
        Failed,
    };
    State state = State::Loading;
    uintptr_t texture = 0; // ImTextureID when Ready
    int width = 0;         // pixel size of the texture
    int height = 0;
};

// Implemented by the platform texture cache in the app, and by a fake in UI tests.
class ImageSource
{
public:
    virtual ~ImageSource() = default;
    // `absolute_path` is already confined to the content folder by the loader. The size is
    // the pixel size the image will be drawn at; implementations may quantise it.
    virtual ImageHandle Request(const std::string& absolute_path, int width_px, int height_px) = 0;
    // Asks early for an image that is not drawn this frame (the attract loop's next slide), so
    // that it is ready when it is: unlike Request, the app does not count it as part of the frame
    // (the first frame is shown only once the pictures it draws have arrived).
    virtual void Prefetch(const std::string& absolute_path, int width_px, int height_px)
    {
        (void)Request(absolute_path, width_px, height_px);
    }
};

// The flowchart's camera and the motion around it (pathway_screen.cpp). World coordinates are the
// layout's units: pixels at zoom 1 for the current font size.
struct PathwayCamera
{
    core::PathwayFraming reframe = core::PathwayFraming::Default; // camera move to make once there is a layout
    bool reframe_animated = false;                                // false: jump (the screen was just opened)
    float centre_x = 0.0f, centre_y = 0.0f;                       // world point at the canvas centre
    float zoom = 0.0f;                                            // screen pixels per world unit; 0 = not framed yet
    float velocity_x = 0.0f, velocity_y = 0.0f;                   // pan inertia, screen pixels per second
    // Animated camera move: from (from_*) to (to_*), progress 0..1; 1 = at rest.
    float anim_progress = 1.0f;
    float from_x = 0.0f, from_y = 0.0f, from_zoom = 1.0f;
    float to_x = 0.0f, to_y = 0.0f, to_zoom = 1.0f;
    double last_tap_s = -10.0; // canvas double-tap detection: time and place of the last tap
    float last_tap_x = 0.0f, last_tap_y = 0.0f;
    float sheet_scroll_y = 0.0f; // details sheet scroll
    float sheet_scroll_velocity = 0.0f;
    float layout_key_em = 0.0f; // the font size the camera was framed at (a new size reframes)
    int layout_key_direction = -1;
};

// Keyboard focus (ui/key_focus.h): which tappable target a keypad or switch user is on. Kept by
// hit id, so it works on any screen that draws its targets through TouchArea.
struct KeyFocus
{
    std::string id;       // the focused target's hit id; empty: none yet
    bool visible = false; // the ring shows: after the visit's first key press; a touch hides it
    std::string activate; // Enter: the target TouchArea reports tapped on the next frame
    // Keys that came after an Enter or Escape in the same frame, or while a tap's action was being
    // carried out: handled once the screen it leads to is drawn, so fast presses are never lost.
    std::vector<core::KeyCommand> pending;
    // The focused target as drawn last frame (screen pixels), to scroll it into view.
    bool has_target = false;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;                     // the whole target
    float clip_x0 = 0, clip_y0 = 0, clip_x1 = 0, clip_y1 = 0; // the clip rect it was drawn in
    int screen = -1;                                          // core::ScreenId it was on, and the
    std::size_t depth = 0;                                    // back stack's depth: a new screen
                                                              // starts at its first content target
};

// What the ui remembers between frames of a visit: motion and presentation only (scroll offsets
// and speeds, the flowchart camera, slide transitions). Where the visitor is lives in the core
// (ctx.visit, core::VisitState). Cleared (assigned a fresh VisitView) when a visit ends.
struct VisitView
{
    float scroll_y = 0.0f; // Role screen scroll offset in pixels
    float scroll_velocity = 0.0f;
    float home_scroll_y = 0.0f; // home grid scroll offset in pixels
    float home_scroll_velocity = 0.0f;
    float gallery_slide = 0.0f;  // slide-in animation: +1 = new photo starts one width to the right, 0 = at rest
    float gallery_drag_x = 0.0f; // live finger offset while swiping, as a fraction of the photo width
    PathwayCamera pathway;       // Pathway screen: camera, sheet scroll
    float fault_scroll_y = 0.0f; // fault screen list scroll (staff screen, no visit)
    float fault_scroll_velocity = 0.0f;
    std::int64_t visit_resets = 0; // core::Visit::ResetCount() this motion belongs to
    KeyFocus focus;                // keypad focus (a new visitor starts without a ring)
};

// How the ui has `screen` now, for the back stack (see core::ScreenMemory).
core::ScreenMemory RememberScreen(const VisitView& view, core::ScreenId screen);
// Moves the motion state to follow a navigation: a new screen starts still at the top, a restored
// one comes back as remembered, a gallery step slides the new photo in.
void FollowNavigation(VisitView& view, const core::VisitState& after, const core::NavigationResult& result);

struct UiContext
{
    const kiosk::core::ContentPack* pack = nullptr;
    const kiosk::core::VisitState* visit = nullptr; // where the visitor is: read it, never change it
    Metrics metrics;
    ImageSource* images = nullptr;
    double now_s = 0.0; // monotonic seconds, for animations
    // Added by the UI: set by the app (fonts) or filled in by DrawUi (palette, hits) when null.
    const Fonts* fonts = nullptr;     // must be the Fonts built for `metrics` (see fonts.h)
    const Palette* palette = nullptr; // DrawUi derives it from the pack's theme when null
    HitRegistry* hits = nullptr;      // DrawUi uses its own registry when null
    // When set, the language on screen instead of the visit's: the admin panel's own choice
    // (core::AdminView::language), so staff words never follow or change a visitor's.
    std::string language;
    // Read aloud: null or !available hides every read-aloud control (no sound device).
    const kiosk::core::SpeechStatus* speech = nullptr;
    // Keypad input for this frame (platform::Window::TakeKeys), and the focus it moves: set by
    // DrawVisitFrame from the VisitView; TouchArea taps focus->activate, scroll views reveal it.
    std::vector<core::KeyCommand> keys;
    const KeyFocus* focus = nullptr;
};
} // namespace kiosk::ui
