// The kiosk's main loop and the --screenshot preview.
//
// Index
//   1. Signals and input tracking
//   2. KioskApp: content, fonts, one frame
//   3. Screenshot mode
//   4. Kiosk mode: idle by default, a few frames after input, animation at up to 60 fps
#include "shell/kiosk_app.h"

#include "core/admin/admin_pin.h"
#include "core/content/content_loader.h"
#include "core/health/service_notify.h"
#include "core/visit/attract_timeline.h"
#include "platform/font_locator.h"
#include "platform/headless_display.h"
#include "platform/window.h"
#include "shell/admin_session.h"
#include "shell/content_location.h"
#include "shell/texture_image_source.h"
#include "shell/visit_session.h"
#include "ui/admin/admin_screen.h"
#include "ui/app_ui.h"
#include "ui/fonts.h"
#include "ui/hit_registry.h"
#include "ui/metrics.h"
#include "ui/screens/attract_screen.h"
#include "ui/screens/still_there_overlay.h"
#include "ui/theme.h"
#include "ui/visit_navigation.h"

#include <GLFW/glfw3.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <memory>
#include <stb_image_write.h>

namespace kiosk::app
{
// --- 1. Signals and input tracking ----------------------------------------------------------

static volatile std::sig_atomic_t g_stop_requested = 0;

static void OnStopSignal(int)
{
    g_stop_requested = 1; // the loop never sleeps longer than kMaxSleep, so it notices soon
}

static int g_input_serial = 0;                    // main thread only (GLFW callbacks)
static int g_touch_serial = 0;                    // presses, scrolls and keys only
static std::atomic<bool> g_wake_requested{false}; // set by worker threads before waking the loop

static double MonotonicSeconds()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// --- 2. KioskApp ----------------------------------------------------------------------------

namespace
{
constexpr double kMaxSleep = 0.5; // upper bound on one wait, so signals are seen
constexpr double kAnimationFrame = 1.0 / 60.0;
constexpr double kAttractFadeFrame = 1.0 / 30.0; // cross-fades: 30 fps is plenty
constexpr double kAttractPanFrame = 1.0 / 10.0;  // the slow pan and zoom moves a pixel or two per frame
constexpr int kFramesAfterInput = 3;             // ImGui needs a couple of frames to settle after input
// The PINs that appear in our documentation: never acceptable for kiosk mode.
const std::vector<std::string> kExamplePins = {"1234", "0000", "123456"};

struct KioskApp
{
    Options options;
    platform::Window window;
    std::unique_ptr<platform::TextureCache> textures;
    std::unique_ptr<TextureImageSource> image_source;
    std::shared_ptr<const core::ContentPack> pack;
    core::DiagnosticList load_diagnostics;
    platform::FontFiles font_files;
    ui::Fonts fonts;
    std::string glyph_text;
    VisitSession session;         // visits, their view and statistics (once a pack has loaded)
    AdminSession admin;           // the staff panel behind the corner press and PIN
    bool corner_tracking = false; // a corner press is being timed: keep waking to watch it
    bool session_started = false;
    ui::VisitView fault_view;   // the fault screen's own scroll state (no visit without a pack)
    bool swallow_touch = false; // the last touch only woke the kiosk: hide it from ImGui until released
    bool fonts_dirty = true;
    ui::HitRegistry hits;
    std::string hits_file;      // test hook: $KIOSK_HITS_FILE, see WriteHitsFile()
    std::string last_hits_text; // what was last written, so an unchanged frame writes nothing

    ui::VisitView& View() { return pack ? session.View() : fault_view; }
    bool preview_attract = false; // --screenshot --screen attract

    // How soon the attract loop needs its next frame: a cross-fade wants 30 fps; between fades the
    // slow pan and zoom is as smooth at 10 fps and costs a third (a software renderer draws every
    // pixel of two full-screen pictures each frame).
    double AttractFrameInterval(double now)
    {
        const core::AttractFrame f = core::AttractAt(now - session.AttractSince(), (int)ui::AttractSlides(*pack).size(),
                                                     pack->settings.timings.attract_slide_s);
        const double slide_s = core::EffectiveSlideSeconds(pack->settings.timings.attract_slide_s);
        const double until_slot_end = (1.0 - f.slot_progress) * slide_s;
        return f.fade > 0.0 || until_slot_end < core::kAttractFadeS + 0.2 ? kAttractFadeFrame : kAttractPanFrame;
    }
    bool InAttract() const
    {
        return pack && (preview_attract || (session_started && session.Phase() == core::VisitPhase::Attract));
    }

    // The screen as the --screen option names it: "home", "role:ID", "gallery:N", "pathway",
    // plus "attract", "still-there" and "fault".
    std::string ScreenName()
    {
        if (admin.IsOpen())
            return admin.ScreenName();
        if (!pack)
            return "fault";
        if (InAttract())
            return "attract";
        if (session_started && session.Phase() == core::VisitPhase::StillThere)
            return "still-there";
        return ui::ScreenKey(session.View());
    }

    // Test hook for the end-to-end tests: with $KIOSK_HITS_FILE set, after each frame the file
    // holds "screen NAME" and one "ID X0 Y0 X1 Y1" line per tappable area (window pixels), so a
    // test taps real widgets instead of guessed coordinates. Written atomically (rename).
    void WriteHitsFile(const std::string& drawn_screen)
    {
        if (hits_file.empty())
            return;
        std::string text = "screen " + drawn_screen + "\n";
        char line[512];
        for (const ui::HitArea& a : hits.Areas())
        {
            std::snprintf(line, sizeof(line), "%s %.0f %.0f %.0f %.0f\n", a.id.c_str(), a.x0, a.y0, a.x1, a.y1);
            text += line;
        }
        if (text == last_hits_text)
            return;
        last_hits_text = text;
        const std::string tmp = hits_file + ".tmp";
        {
            std::ofstream out(tmp, std::ios::trunc);
            out << text;
        }
        std::rename(tmp.c_str(), hits_file.c_str());
    }

    // Staff read the fault screen top down: errors first, each group in file order.
    void KeepDiagnostics(const core::DiagnosticList& diagnostics)
    {
        load_diagnostics = diagnostics;
        std::stable_sort(load_diagnostics.items.begin(), load_diagnostics.items.end(),
                         [](const core::Diagnostic& a, const core::Diagnostic& b)
                         { return a.severity == core::Severity::Error && b.severity != core::Severity::Error; });
    }

    bool LoadContent()
    {
        core::ContentLoadResult result = core::LoadContentPack(options.content_dir);
        KeepDiagnostics(result.diagnostics);
        if (!result.diagnostics.items.empty())
            std::fputs(core::FormatDiagnostics(result.diagnostics).c_str(), stderr);
        if (!result.pack)
        {
            std::fprintf(stderr, "careers-kiosk: content in '%s' has errors; showing the fault screen\n",
                         options.content_dir.c_str());
            return false;
        }
        pack = result.pack;
        if (session_started)
            session.SetPack(*pack);
        else if (options.mode == Mode::Kiosk)
        {
            session.Start(*pack, options.stats_db.empty() ? DefaultStatsPath() : options.stats_db,
                          options.idle_timeout_override_s, MonotonicSeconds());
            session_started = true;
        }
        glyph_text = ui::CollectPackText(*pack);
        fonts_dirty = true;
        if (textures)
            textures->Clear();
        return true;
    }

    // Validates the content folder again. The current pack stays on screen unless the new one
    // validates; the message says what happened, for the admin panel.
    bool ReloadContent(std::string* message)
    {
        core::ContentLoadResult result = core::LoadContentPack(options.content_dir);
        if (!result.pack)
        {
            KeepDiagnostics(result.diagnostics);
            std::fputs(core::FormatDiagnostics(result.diagnostics).c_str(), stderr);
            const core::Diagnostic* first = nullptr;
            for (const core::Diagnostic& d : result.diagnostics.items)
                if (d.severity == core::Severity::Error && !first)
                    first = &d;
            *message = "Not reloaded: " + std::to_string(result.diagnostics.ErrorCount()) +
                       " error(s); the content on screen is unchanged. First: " +
                       (first ? core::FormatDiagnostic(*first) : std::string());
            return false;
        }
        LoadContent();
        *message = "Reloaded: " + std::to_string(pack->roles.size()) + " roles, " +
                   std::to_string(pack->photos.size()) + " photographs, " +
                   std::to_string(pack->warnings.WarningCount()) + " warning(s).";
        return true;
    }

    ui::Metrics CurrentMetrics()
    {
        const platform::WindowInfo info = window.Info();
        return ui::ComputeMetrics((float)info.framebuffer_w, (float)info.framebuffer_h, info.physical_mm_w,
                                  info.physical_mm_h, pack ? session.View().larger_text : false);
    }

    void RebuildFontsIfNeeded(const ui::Metrics& metrics)
    {
        if (!fonts_dirty && ui::FontsMatch(fonts, metrics))
            return;
        ImGuiIO& io = ImGui::GetIO();
        io.Fonts->Clear();
        fonts = ui::BuildFonts(io.Fonts, font_files.regular, font_files.bold, metrics, glyph_text);
        if (!fonts.Ok())
            std::fprintf(stderr, "careers-kiosk: fonts: %s\n", fonts.error.c_str());
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        fonts_dirty = false;
    }

    // Draws one frame into the back buffer. Returns true when something still moves (or
    // images are still arriving) and another frame should follow soon.
    bool DrawFrame(double now)
    {
        const ui::Metrics metrics = CurrentMetrics();
        if (session.TakeFontsChanged())
            fonts_dirty = true;
        RebuildFontsIfNeeded(metrics);
        const bool uploads_pending = textures->ProcessUploads();
        if (options.mode == Mode::Kiosk)
        {
            float px = 0, py = 0;
            window.PointerPosition(&px, &py);
            corner_tracking = admin.WatchCorner(metrics, window.MouseHeld(), px, py, now, pack.get(), session);
        }
        window.BeginImGuiFrame(swallow_touch);
        if (swallow_touch && !window.MouseHeld())
            swallow_touch = false; // hidden for at least this one frame, then until the finger lifts
        ui::UiContext ctx;
        ctx.pack = pack.get();
        ctx.metrics = metrics;
        ctx.images = image_source.get();
        ctx.now_s = now;
        ctx.fonts = &fonts;
        ctx.hits = &hits;
        const std::string drawn_screen = ScreenName(); // before this frame's actions change it
        ui::UiFrame frame;
        if (admin.IsOpen())
            frame.animating = DrawAdmin(ctx, now);
        else if (!pack)
            frame = ui::DrawFaultUi(ctx, fault_view, load_diagnostics);
        else if (InAttract())
            frame = ui::DrawAttractUi(ctx, session.AttractSince());
        else
        {
            ui::VisitView& view = session.View();
            const ui::VisitView before = view;
            frame = ui::DrawUi(ctx, view);
            if (session_started)
            {
                session.AfterFrame(before, frame.actions, now);
                if (session.Phase() == core::VisitPhase::StillThere)
                {
                    ui::DrawStillThereOverlay(ctx, view, session.CountdownRemaining());
                    frame.animating = true;
                }
            }
        }
        for (const ui::UiAction& action : frame.actions)
        {
            if (std::holds_alternative<ui::ReloadContent>(action))
            {
                std::string message;
                pack ? (void)ReloadContent(&message) : (void)LoadContent();
            }
            if (std::holds_alternative<ui::ToggleLargerText>(action))
                fonts_dirty = true;
        }
        // Outside kiosk mode Escape quits (a developer's or a stand's laptop); in kiosk mode the
        // admin panel is the only way out, and Escape, Alt+F4, Ctrl+Q and Ctrl+W do nothing.
        if (!options.locked && options.mode == Mode::Kiosk && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
            window.RequestClose();
        const ui::Palette palette = pack ? ui::MakePalette(pack->settings.theme, session.View().high_contrast)
                                         : ui::MakePalette(core::Theme{}, false);
        const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(palette.background);
        window.RenderImGui(bg.x, bg.y, bg.z);
        WriteHitsFile(drawn_screen);
        return frame.animating || uploads_pending || !frame.actions.empty();
    }

    // The staff panel in place of the visitor's screens. Returns true while it animates.
    bool DrawAdmin(ui::UiContext& ctx, double now)
    {
        admin.RefreshLive(session, now);
        const ui::AdminFrame frame = ui::DrawAdminUi(ctx, admin.View(), admin.Model());
        const AdminRequests requests = admin.Handle(frame.actions, pack.get(), session, now);
        if (requests.reload_content)
        {
            std::string message = "Loaded.";
            const bool ok = pack ? ReloadContent(&message) : LoadContent();
            if (!ok && !pack)
                message = "Not loaded: the content still has errors.";
            admin.ContentReloaded(ok, message, ok && pack ? pack->warnings : load_diagnostics);
        }
        if (requests.exit_app)
            window.RequestClose(); // the only way out in kiosk mode
        return frame.animating || !frame.actions.empty();
    }

    // Shared start-up of both modes. Returns an exit code, or -1 to go on.
    int Start(const platform::WindowOptions& window_options)
    {
        font_files = platform::LocateUiFonts();
        if (!font_files.error.empty())
        {
            std::fprintf(stderr, "careers-kiosk: %s\n", font_files.error.c_str());
            return 1;
        }
        std::string error;
        if (!window.Create(window_options, &error))
        {
            std::fprintf(stderr, "careers-kiosk: %s\n", error.c_str());
            return 1;
        }
        if (const char* env = std::getenv("KIOSK_HITS_FILE"); env && *env)
            hits_file = env;
        admin.Configure(options.locked, options.content_dir);
        textures = std::make_unique<platform::TextureCache>(core::ImageCacheOptions{},
                                                            []
                                                            {
                                                                g_wake_requested = true;
                                                                platform::Window::WakeUp();
                                                            });
        image_source = std::make_unique<TextureImageSource>(*textures);
        LoadContent();
        return -1;
    }

    void Shutdown()
    {
        if (session_started)
            session.Stop(MonotonicSeconds()); // ends the visit, writes what is queued
        image_source.reset();
        textures.reset(); // joins the decode worker, frees textures while the context is current
        window.Destroy();
    }
};
} // namespace

// --- 3. Screenshot mode -----------------------------------------------------------------------

// Puts the visit on the screen named by --screen ("home", "role:ID", "gallery:N", "pathway").
static bool ShowScreen(KioskApp& app, const std::string& screen, std::string* error)
{
    if (!app.pack || screen == "home" || screen == "fault")
        return true;
    if (screen == "attract")
    {
        app.preview_attract = true;
        return true;
    }
    ui::UiAction action;
    if (screen.compare(0, 5, "role:") == 0)
    {
        action = ui::OpenRole{screen.substr(5)};
        if (!app.pack->FindRole(screen.substr(5)))
        {
            *error = "--screen " + screen + ": there is no role '" + screen.substr(5) + "' in the content";
            return false;
        }
    }
    else if (screen.compare(0, 7, "gallery") == 0)
    {
        const int index = screen.size() > 8 ? std::atoi(screen.c_str() + 8) : 0;
        if (index >= (int)app.pack->photos.size())
        {
            *error =
                "--screen " + screen + ": the content has " + std::to_string(app.pack->photos.size()) + " photographs";
            return false;
        }
        action = ui::OpenGallery{"", index};
    }
    else if (screen.compare(0, 7, "pathway") == 0)
        action = ui::OpenPathway{screen.size() > 8 ? screen.substr(8) : "", "", ""};
    ui::ApplyAction(app.View(), action, *app.pack);
    return true;
}

static int RunScreenshot(KioskApp& app)
{
    platform::HeadlessDisplay headless;
    if (!platform::HasDisplay())
    {
        std::string error;
        if (!headless.Start(app.options.width, app.options.height, &error))
        {
            std::fprintf(stderr, "careers-kiosk: %s\n", error.c_str());
            return 1;
        }
    }
    platform::WindowOptions wo;
    wo.fullscreen = false;
    wo.width = app.options.width;
    wo.height = app.options.height;
    const int started = app.Start(wo);
    if (started >= 0)
        return started;
    std::string error;
    if (!ShowScreen(app, app.options.screen, &error))
    {
        std::fprintf(stderr, "careers-kiosk: %s\n", error.c_str());
        app.Shutdown();
        return 2;
    }
    // Draw until images have arrived and nothing moves (at most 15 s), then two more frames so
    // the last uploads are on screen.
    const double deadline = MonotonicSeconds() + 15.0;
    int still_frames = 0;
    while (still_frames < 3 && MonotonicSeconds() < deadline)
    {
        app.window.PollEvents();
        // The attract loop never stops moving: for it, only arriving images count as busy.
        const bool moving = app.DrawFrame(MonotonicSeconds()) && !app.preview_attract;
        const bool busy = moving || !app.textures->Idle();
        still_frames = busy ? 0 : still_frames + 1;
        if (still_frames < 3)
            app.window.Present();
        if (busy)
            app.window.WaitForEvents(0.02);
    }
    if (app.options.bench_frames > 0)
    {
        // Benchmark hook: the CPU cost of one frame of this screen, GL work included (llvmpipe
        // renders on our threads; glFinish waits for it), averaged over the frames.
        timespec t0, t1;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
        for (int i = 0; i < app.options.bench_frames; i++)
        {
            app.window.PollEvents();
            app.DrawFrame(MonotonicSeconds());
            app.window.Finish();
            app.window.Present();
        }
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
        const double cpu_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
        std::printf("frame_cpu_ms %.3f\n", cpu_ms / app.options.bench_frames);
    }
    int w = 0, h = 0;
    std::string rgba;
    const bool read = app.window.ReadPixels(&w, &h, &rgba);
    app.Shutdown();
    if (!read)
    {
        std::fprintf(stderr, "careers-kiosk: could not read the rendered frame\n");
        return 1;
    }
    if (!stbi_write_png(app.options.screenshot_path.c_str(), w, h, 4, rgba.data(), w * 4))
    {
        std::fprintf(stderr, "careers-kiosk: cannot write '%s'\n", app.options.screenshot_path.c_str());
        return 1;
    }
    std::printf("wrote %s (%dx%d, screen %s)\n", app.options.screenshot_path.c_str(), w, h, app.options.screen.c_str());
    return 0;
}

// --- 4. Kiosk mode ----------------------------------------------------------------------------

static void OnInputEvent(bool is_touch)
{
    g_input_serial++;
    if (is_touch)
        g_touch_serial++;
}

static int RunInteractive(KioskApp& app)
{
    if (!platform::HasDisplay())
    {
        std::fprintf(stderr,
                     "careers-kiosk: no display found (DISPLAY and WAYLAND_DISPLAY are unset); to preview "
                     "without a screen run: careers-kiosk --screenshot home.png --size 1920x1080 --screen home\n");
        return 3;
    }
    platform::WindowOptions wo;
    const bool windowed = app.options.windowed || app.options.width > 0;
    wo.fullscreen = !windowed;
    wo.width = app.options.width;
    wo.height = app.options.height;
    wo.hide_cursor = !app.options.show_cursor;
    wo.on_input = OnInputEvent;
    const int started = app.Start(wo);
    if (started >= 0)
        return started;
    // One line in the journal saying which GL the driver gave (GL 3.3, the 3.1 fallback, GLES).
    std::fprintf(stderr, "careers-kiosk: drawing with OpenGL %s\n", app.window.Info().gl_version.c_str());
    if (app.options.locked && app.pack)
    {
        // Kiosk mode has no way out but the admin panel, so it needs a PIN nobody can guess
        // from the documentation.
        const core::PinPolicy policy = core::CheckStoredPin(app.pack->settings.admin_pin_hash, kExamplePins);
        if (policy != core::PinPolicy::Ok)
        {
            std::fprintf(stderr, "careers-kiosk: refusing kiosk mode: %s Set one with: careers-kiosk hash-pin\n",
                         core::PinPolicyMessage(policy));
            app.Shutdown();
            return 4;
        }
    }
    std::signal(SIGTERM, OnStopSignal);
    std::signal(SIGINT, OnStopSignal);
    // In kiosk mode the window manager's close (Alt+F4) is refused: the admin panel is the only
    // way out. A windowed preview closes normally.
    app.window.SetCloseAllowed(windowed && !app.options.locked);

    // Idle by default: a frame is drawn only after input, a worker's wake-up, or while
    // something animates; then a few more so ImGui settles. A wait that times out with none of
    // these draws nothing.
    int frames_left = kFramesAfterInput;
    int seen_serial = g_input_serial;
    int seen_touch = g_touch_serial;
    bool need_frame = true;
    bool animating = false;
    bool report_first_frame = std::getenv("KIOSK_REPORT_FIRST_FRAME") != nullptr;
    while (!g_stop_requested && !app.window.ShouldClose())
    {
        const double frame_start = MonotonicSeconds();
        core::NotifyServiceAlive(frame_start); // systemd's watchdog: a hung loop gets restarted
        if (need_frame)
        {
            animating = app.DrawFrame(frame_start);
            app.window.Present();
            if (report_first_frame)
            {
                // Benchmark hook ($KIOSK_REPORT_FIRST_FRAME): one line once the first frame is up.
                std::printf("first-frame\n");
                std::fflush(stdout);
                report_first_frame = false;
            }
            frames_left = animating ? kFramesAfterInput : std::max(0, frames_left - 1);
        }
        if (animating)
        {
            const double frame_time = app.InAttract() ? app.AttractFrameInterval(frame_start) : kAnimationFrame;
            app.window.WaitForEvents(std::max(0.0, frame_time - (MonotonicSeconds() - frame_start)));
        }
        else if (frames_left > 0)
            app.window.PollEvents();
        else
            app.window.WaitForEvents(app.corner_tracking ? 0.1 : kMaxSleep);
        const bool input = g_input_serial != seen_serial;
        seen_serial = g_input_serial;
        // The visit state machine sees every touch and the passing of time, drawn or not.
        bool visit_changed = false;
        if (app.session_started)
        {
            const double now = MonotonicSeconds();
            // Staff touches in the admin panel are not a visitor's.
            if (g_touch_serial != seen_touch && !app.admin.IsOpen() && app.session.Touch(now))
                app.swallow_touch = true;
            visit_changed = app.session.Tick(now);
        }
        seen_touch = g_touch_serial;
        if (input)
            frames_left = kFramesAfterInput;
        need_frame = animating || frames_left > 0 || input || visit_changed || app.corner_tracking ||
                     g_wake_requested.exchange(false);
    }
    app.Shutdown();
    return 0;
}

int RunKiosk(const Options& options)
{
    KioskApp app;
    app.options = options;
    return options.mode == Mode::Screenshot ? RunScreenshot(app) : RunInteractive(app);
}
} // namespace kiosk::app
