// What every screen gets each frame: the model to read, the visitor's choices, the metrics to
// size things with, and a source of images. Screens never own state that must survive a visit
// reset; what they need to remember between frames lives in VisitView (reset with the visit).
#pragma once
#include "core/content_model.h"

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
};

enum class ScreenId
{
    Home,
    Role,
    Gallery,
    Pathway,
};

// One entry of the back stack: enough to put a screen back as the visitor left it.
struct ScreenState
{
    ScreenId screen = ScreenId::Home;
    std::string role_id;
    int gallery_index = 0;
    std::string gallery_role;
    std::string pathway_node;
    float scroll_y = 0.0f;
};

// The visitor's state for one visit. Cleared (assigned a fresh VisitView) when a visit ends.
struct VisitView
{
    ScreenId screen = ScreenId::Home;
    std::string role_id;      // Role screen: which role
    int gallery_index = 0;    // Gallery screen: which photo
    std::string gallery_role; // Gallery opened from a role page shows that role's photos only
    float scroll_y = 0.0f;    // Role screen scroll offset in pixels
    float scroll_velocity = 0.0f;
    std::string language = "en";
    bool larger_text = false;
    bool high_contrast = false;

    // Added by the UI (see visit_navigation.h); all reset with the visit like the fields above.
    std::vector<ScreenState> history; // back stack: Back pops, Home clears
    float home_scroll_y = 0.0f;       // home grid scroll offset in pixels
    float home_scroll_velocity = 0.0f;
    float gallery_slide = 0.0f;  // slide-in animation: +1 = new photo starts one width to the right, 0 = at rest
    float gallery_drag_x = 0.0f; // live finger offset while swiping, as a fraction of the photo width
    std::string pathway_node;    // Pathway screen: node to focus, may be empty
    float fault_scroll_y = 0.0f; // fault screen list scroll (staff screen, no visit)
    float fault_scroll_velocity = 0.0f;
};

struct UiContext
{
    const kiosk::core::ContentPack* pack = nullptr;
    Metrics metrics;
    ImageSource* images = nullptr;
    double now_s = 0.0; // monotonic seconds, for animations
    // Added by the UI: set by the app (fonts) or filled in by DrawUi (palette, hits) when null.
    const Fonts* fonts = nullptr;     // must be the Fonts built for `metrics` (see fonts.h)
    const Palette* palette = nullptr; // DrawUi derives it from the pack's theme when null
    HitRegistry* hits = nullptr;      // DrawUi uses its own registry when null
    const std::string& T(const char* key, const VisitView& view) const { return pack->strings.Get(key, view.language); }
};
} // namespace kiosk::ui
