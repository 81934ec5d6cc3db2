// KioskApp: the window, the content pack, fonts, textures, the visit and the staff panel, and
// the one function that draws a frame of whichever of them is on screen. RunKiosk() runs it as
// the kiosk's main loop (below) or as --screenshot (shell/screenshot.cpp), the same frames
// drawn once into a PNG.
#pragma once
#include "core/content/diagnostics.h"
#include "platform/font_locator.h"
#include "platform/texture_cache.h"
#include "platform/window.h"
#include "shell/admin_session.h"
#include "shell/command_line.h"
#include "shell/hits_file.h"
#include "shell/idle_trim.h"
#include "shell/later_content_checks.h"
#include "shell/recorded_visits.h"
#include "shell/speech_session.h"
#include "shell/status_log.h"
#include "shell/texture_image_source.h"
#include "ui/fonts.h"
#include "ui/hit_registry.h"
#include "ui/ui_context.h"

#include <functional>
#include <memory>
#include <string>

namespace kiosk::app
{
struct KioskApp
{
    Options options;
    // ImGui's font atlas, owned here (declared before the window, so it outlives the ImGui context)
    // so that it can be baked on a worker before the context exists (shell/off_main_start.h).
    std::unique_ptr<ImFontAtlas> font_atlas = std::make_unique<ImFontAtlas>();
    platform::Window window;
    std::unique_ptr<platform::TextureCache> textures;
    std::unique_ptr<TextureImageSource> image_source;
    std::shared_ptr<const core::ContentPack> pack; // null: the fault screen
    core::DiagnosticList load_diagnostics;         // of the last load, errors first
    platform::FontFiles font_files;
    ui::Fonts fonts;
    std::unique_ptr<core::FileCache> font_cache;    // baked atlases kept between starts; null: none kept
    std::unique_ptr<core::FileCache> content_cache; // content snapshots kept between starts; null: none kept
    // The last ui::Fonts::warning written to the journal: said once, not at every rebuild.
    std::string font_warning_said;
    std::string glyph_text;       // every character the pack can show: the font atlas bakes these
    bool fonts_dirty = true;      // new glyphs (a reload): rebuild even if the size is the same
    RecordedVisits visits;        // the visit model and its statistics (kiosk mode, once a pack loaded)
    ui::VisitView view;           // the ui's motion state for the visit
    ui::VisitView fault_view;     // the fault screen's own scroll (no visit without a pack)
    AdminSession admin;           // the staff panel behind the corner press and PIN
    bool corner_tracking = false; // a corner press is being timed: keep waking to watch it
    bool swallow_touch = false;   // the last touch only woke the kiosk: hide it from ImGui until released
    bool preview_attract = false; // --screenshot --screen attract[:N]
    double preview_attract_t = 0; // the moment of the loop it shows, held still (seconds from its start)
    ui::HitRegistry hits;
    HitsFile hits_file;
    StatusLog status_log; // $KIOSK_STATUS_LOG_S: a health line every so often (shell/status_log.h)
    IdleTrim idle_trim;   // freed memory back to the system during the attract loop (shell/idle_trim.h)
    SpeechSession speech; // read aloud (kiosk mode; a preview shows the controls but says nothing)
    // The pack's checks that can only warn, left out of its load to shorten the start (kiosk mode):
    // set by AdoptContent, run by StartLaterChecks after the first frame.
    std::function<core::DiagnosticList()> later_checks_to_run;
    LaterContentChecks later_checks;

    // Shared start-up of both modes. Returns an exit code, or -1 to go on.
    int Start(const platform::WindowOptions& window_options);
    void Shutdown();
    // Loads the content folder; on errors keeps what is on screen and returns false.
    bool LoadContent();
    // The second half of LoadContent: takes a loaded folder into use (or reports its errors).
    // `glyphs`: CollectPackText of its pack when already made.
    bool AdoptContent(const core::ContentLoadResult& result, const std::string* glyphs = nullptr);
    // Read aloud (kiosk mode only; once): after the first frame, which never needs it (the attract
    // loop and the fault screen have no read-aloud controls).
    void StartSpeech();
    // After the first frame: runs later_checks_to_run on a worker (nothing when there are none).
    void StartLaterChecks();
    // Once they are done: their warnings go to stderr and into pack->warnings (the admin panel's
    // content tab shows them from its next opening), the pack otherwise the same.
    void AdoptLaterWarnings();
    // Validates the content folder again; the current pack stays unless the new one validates.
    // `message` says what happened, for the admin panel.
    bool ReloadContent(core::AdminMessage* message);
    // Draws one frame into the back buffer. Returns true when something still moves (or images
    // are still arriving) and another frame should follow soon. With `render` false the frame is
    // laid out (its pictures asked for) but not drawn: the back buffer is untouched.
    bool DrawFrame(core::VisitTime t, bool render = true);

    bool InAttract() const;
    // How soon the attract loop needs its next frame (cross-fades 30 fps, the slow pan 10 fps).
    double AttractFrameInterval(double now) const;
    // What is on screen, as core/visit/screen_name.h names it.
    std::string ScreenName() const;
};

int RunKiosk(const Options& options);
// --screenshot: shell/screenshot.cpp.
int RunScreenshot(KioskApp& app);
// --warm-up: shell/warm_up.cpp.
int RunWarmUp(KioskApp& app);
// The first frame shown is a complete one: lays frames out without drawing until every picture
// the first frame draws has arrived (at most 3 s). The kiosk's start and its warm-up share it.
void PrepareFirstFrame(KioskApp& app);
} // namespace kiosk::app
