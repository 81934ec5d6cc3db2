// The kiosk's main loop.
//
// Index
//   1. Content and fonts
//   2. One frame
//   3. The main loop: a short list of named steps, paced by FramePacer
#include "shell/kiosk_app.h"

#include "core/admin/admin_pin.h"
#include "core/content/content_loader.h"
#include "core/health/service_notify.h"
#include "core/visit/attract_timeline.h"
#include "platform/display_loss.h"
#include "shell/content_location.h"
#include "shell/frame_pacer.h"
#include "shell/kiosk_frame.h"
#include "shell/off_main_start.h"
#include "shell/screenshot.h"
#include "shell/startup_profile.h"
#include "ui/app_ui.h"
#include "ui/metrics.h"
#include "ui/screens/attract_screen.h"
#include "ui/theme.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <imgui.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace kiosk::app
{
// --- 1. Content and fonts ---------------------------------------------------------------------

namespace
{
constexpr double kAttractFadeFrame = 1.0 / 30.0; // cross-fades: 30 fps is plenty
constexpr double kAttractPanFrame = 1.0 / 10.0;  // the slow pan and zoom moves a pixel or two per frame

// Staff read the fault screen top down: errors first, each group in file order.
core::DiagnosticList ErrorsFirst(core::DiagnosticList diagnostics)
{
    std::stable_sort(diagnostics.items.begin(), diagnostics.items.end(),
                     [](const core::Diagnostic& a, const core::Diagnostic& b)
                     { return a.severity == core::Severity::Error && b.severity != core::Severity::Error; });
    return diagnostics;
}

ui::Metrics CurrentMetrics(const KioskApp& app)
{
    const platform::WindowInfo info = app.window.Info();
    const bool larger = app.pack && app.visits.visit.State().larger_text;
    return ui::ComputeMetrics((float)info.framebuffer_w, (float)info.framebuffer_h, info.physical_mm_w,
                              info.physical_mm_h, larger);
}

// Fonts are rebuilt whenever the text size changes; what stands in for an unusable font file is
// written to the journal once, not at every rebuild.
void SayFontProblems(KioskApp& app)
{
    if (!app.fonts.Ok())
        std::fprintf(stderr, "careers-kiosk: fonts: %s\n", app.fonts.error.c_str());
    else if (!app.fonts.warning.empty() && app.fonts.warning != app.font_warning_said)
        std::fprintf(stderr, "careers-kiosk: fonts: %s\n", app.fonts.warning.c_str());
    app.font_warning_said = app.fonts.warning;
}

void RebuildFontsIfNeeded(KioskApp& app, const ui::Metrics& metrics)
{
    if (!app.fonts_dirty && ui::FontsMatch(app.fonts, metrics))
        return;
    ImGuiIO& io = ImGui::GetIO();
    {
        startup::Phase phase("font_atlas");
        io.Fonts->Clear();
        app.fonts = ui::BuildFonts(io.Fonts, app.font_files.regular, app.font_files.bold, metrics, app.glyph_text,
                                   ui::GlyphSet::Everything, app.font_cache.get());
    }
    SayFontProblems(app);
    startup::Phase phase("font_texture_upload");
    app.window.RebuildFontTexture();
    app.fonts_dirty = false;
}
} // namespace

bool KioskApp::LoadContent()
{
    return AdoptContent(core::LoadContentPack(options.content_dir));
}

bool KioskApp::AdoptContent(const core::ContentLoadResult& result, const std::string* glyphs)
{
    load_diagnostics = ErrorsFirst(result.diagnostics);
    if (!result.diagnostics.items.empty())
        std::fputs(core::FormatDiagnostics(result.diagnostics).c_str(), stderr);
    if (!result.pack)
    {
        std::fprintf(stderr, "careers-kiosk: content in '%s' has errors; showing the fault screen\n",
                     options.content_dir.c_str());
        return false;
    }
    pack = result.pack;
    later_checks.Cancel(); // they were the previous pack's
    later_checks_to_run = result.later_checks;
    speech.Configure(pack->settings);
    if (visits.Started())
        visits.visit.SetPack(*pack);
    else if (options.mode == Mode::Kiosk)
    {
        startup::Phase phase("stats_open");
        visits.Start(*pack, options.stats_db.empty() ? DefaultStatsPath() : options.stats_db,
                     options.idle_timeout_override_s, Now());
    }
    else
        visits.visit.Start(*pack, nullptr, 0, Now()); // a preview records nothing
    glyph_text = glyphs ? *glyphs : core::CollectPackText(*pack);
    fonts_dirty = true;
    if (textures)
        textures->Clear();
    return true;
}

bool KioskApp::ReloadContent(core::AdminMessage* message)
{
    core::ContentLoadResult result = core::LoadContentPack(options.content_dir);
    if (!result.pack)
    {
        load_diagnostics = ErrorsFirst(result.diagnostics);
        std::fputs(core::FormatDiagnostics(result.diagnostics).c_str(), stderr);
        const core::Diagnostic* first = nullptr;
        for (const core::Diagnostic& d : result.diagnostics.items)
            if (d.severity == core::Severity::Error && !first)
                first = &d;
        const int errors = (int)result.diagnostics.ErrorCount();
        std::fprintf(stderr,
                     "careers-kiosk: content in '%s' has %d error%s: not reloaded, the content on screen stays%s%s\n",
                     options.content_dir.c_str(), errors, errors == 1 ? "" : "s", first ? "; the first: " : "",
                     first ? core::FormatDiagnostic(*first).c_str() : "");
        *message = {"admin.content.not_reloaded",
                    {{"errors", std::to_string(result.diagnostics.ErrorCount())},
                     {"first", first ? core::FormatDiagnostic(*first) : std::string()}}};
        return false;
    }
    LoadContent();
    *message = {"admin.content.reloaded",
                {{"roles", std::to_string(pack->roles.size())},
                 {"photos", std::to_string(pack->photos.size())},
                 {"warnings", std::to_string(pack->warnings.WarningCount())}}};
    return true;
}

int KioskApp::Start(const platform::WindowOptions& window_options)
{
    // Fonts, content and the font atlas on a worker while this thread makes the window. The worker
    // starts once the display is open: started before, it slowed opening the display from 16.5 to
    // 27.8 ms of CPU (the two threads' memory mappings and page faults contend for the process's
    // address space while GLFW loads the X libraries), and it still ends long before the window is
    // made (app.startup, 3 runs each way: every thread's CPU 375-386 -> 367-375 ms, first frame 345-360
    // -> 335-347 ms from the fork).
    OffMainStart off_main;
    // The kiosk keeps rasterised illustrations and baked font atlases between starts (and its
    // warm-up fills them as it will use them); a preview only when asked to ($KIOSK_CACHE_DIR), so
    // it never writes into a user's folders unasked.
    const bool as_kiosk = options.mode == Mode::Kiosk || options.mode == Mode::WarmUp;
    const bool keep_caches = as_kiosk || std::getenv("KIOSK_CACHE_DIR");
    // Not flushed to the disk: a first start stores its atlas on the start worker, which must not
    // wait for an SD card, and an entry torn by a power cut fails its checksum and is baked again.
    if (keep_caches)
    {
        font_cache = std::make_unique<core::FileCache>(DefaultCacheDir(kFontCache), ".atlas", 32ll * 1024 * 1024,
                                                       "font atlas cache", false);
        // The bundled pack's snapshot is about 0.5 MB: room for a few packs' worth of edits. Only
        // the kiosk's start uses snapshots: it is the one load that defers the warning checks
        // (core::ContentLoadOptions::snapshots says why that matters).
        if (options.mode == Mode::Kiosk)
            content_cache = std::make_unique<core::FileCache>(DefaultCacheDir(kContentCache), ".pack",
                                                              16ll * 1024 * 1024, "content snapshot cache", false);
    }
    std::string error;
    bool window_ok = false;
    {
        startup::Phase phase("display_open");
        window_ok = window.Init(&error);
    }
    off_main.Begin(options.content_dir, font_atlas.get(), options.mode == Mode::Kiosk, font_cache.get(),
                   content_cache.get());
    if (window_ok)
    {
        const platform::WindowInfo info = window.PredictInfo(window_options);
        const ui::Metrics metrics = ui::ComputeMetrics((float)info.framebuffer_w, (float)info.framebuffer_h,
                                                       info.physical_mm_w, info.physical_mm_h, false);
        off_main.SetMetrics(&metrics);
        startup::Phase phase("window_and_gl");
        window_ok = window.Create(window_options, &error);
    }
    {
        startup::Phase phase("wait_for_worker");
        off_main.Finish();
    }
    font_files = off_main.font_files;
    if (!window_ok)
    {
        std::fprintf(stderr, "careers-kiosk: %s\n", error.c_str());
        window.Destroy();
        return 1;
    }
    // Not fatal: BuildFonts draws with what can be used, down to Dear ImGui's built-in font.
    if (!font_files.error.empty())
        std::fprintf(stderr, "careers-kiosk: fonts: %s\n", font_files.error.c_str());
    {
        startup::Phase phase("imgui_init");
        window.StartImGui(font_atlas.get());
    }
    hits_file.ConfigureFromEnvironment();
    status_log.ConfigureFromEnvironment();
    admin.Configure(options.locked, options.content_dir);
    core::ImageCacheOptions image_options;
    image_options.decode_workers = 0; // one per core, below the UI thread's priority
    if (keep_caches)
        image_options.raster_cache_dir = DefaultCacheDir(kIllustrationCache);
    textures = std::make_unique<platform::TextureCache>(image_options, [] { platform::Window::WakeUp(); });
    image_source = std::make_unique<TextureImageSource>(*textures);
    if (!as_kiosk)
        image_source->AllowPrefetch(); // previews look ahead as before; the kiosk after its first frame
    {
        startup::Phase phase("content_adopt");
        AdoptContent(off_main.content, &off_main.glyph_text);
    }
    // The atlas baked on the worker is the one needed when the first frame's metrics are the ones
    // predicted (else the first frame bakes it again).
    if (off_main.fonts.Ok() && ui::FontsMatch(off_main.fonts, CurrentMetrics(*this)))
    {
        fonts = off_main.fonts;
        fonts_dirty = false;
        SayFontProblems(*this);
    }
    return -1;
}

void KioskApp::StartSpeech()
{
    if (options.mode != Mode::Kiosk)
        return;
    speech.Start(pack ? pack->settings : core::KioskSettings{}, [] { platform::Window::WakeUp(); });
}

void KioskApp::StartLaterChecks()
{
    if (later_checks_to_run)
        later_checks.Start(std::move(later_checks_to_run), [] { platform::Window::WakeUp(); });
    later_checks_to_run = nullptr;
}

void KioskApp::AdoptLaterWarnings()
{
    core::DiagnosticList later;
    if (!later_checks.Take(&later) || !pack || later.items.empty())
        return;
    std::fprintf(stderr, "careers-kiosk: content in '%s': the checks that can only warn, run after the first frame:\n",
                 options.content_dir.c_str());
    std::fputs(core::FormatDiagnostics(later).c_str(), stderr);
    auto merged = std::make_shared<core::ContentPack>(*pack);
    merged->warnings.items.insert(merged->warnings.items.end(), later.items.begin(), later.items.end());
    load_diagnostics = ErrorsFirst(merged->warnings);
    pack = std::move(merged);
    visits.visit.SetPack(*pack); // the same content: the visit goes on where it is
}

void KioskApp::Shutdown()
{
    later_checks.Cancel();
    speech.Shutdown();
    if (visits.Started())
        visits.Stop(Now()); // ends the visit, writes what is queued
    image_source.reset();
    textures.reset(); // joins the decode worker, frees textures while the context is current
    window.Destroy();
}

// --- 2. One frame -----------------------------------------------------------------------------

bool KioskApp::InAttract() const
{
    return ShowsAttract(pack.get(), visits.visit, visits.Started(), preview_attract);
}

double KioskApp::AttractFrameInterval(double now) const
{
    const core::AttractFrame f =
        core::AttractAt(now - visits.visit.AttractSince(), (int)ui::AttractSlides(*pack).size(),
                        pack->settings.timings.attract_slide_s);
    const double slide_s = core::EffectiveSlideSeconds(pack->settings.timings.attract_slide_s);
    const double until_slot_end = (1.0 - f.slot_progress) * slide_s;
    // A software renderer draws every pixel of two full-screen pictures each frame: between
    // fades the slow pan is as smooth at 10 fps and costs a third.
    return f.fade > 0.0 || until_slot_end < core::kAttractFadeS + 0.2 ? kAttractFadeFrame : kAttractPanFrame;
}

std::string KioskApp::ScreenName() const
{
    return ScreenNameOf(admin, pack.get(), visits.visit, visits.Started(), preview_attract);
}

namespace
{
// The kiosk's side of a frame (shell/kiosk_frame.h): its window, content folder and speech.
class AppFrameHost final : public KioskFrameHost
{
public:
    explicit AppFrameHost(KioskApp& app) : m_app(app) {}
    bool VisitsStarted() const override { return m_app.visits.Started(); }
    void BeginImGuiFrame(bool hide_touch) override { m_app.window.BeginImGuiFrame(hide_touch); }
    bool ReloadContent(core::AdminMessage* message) override { return m_app.ReloadContent(message); }
    bool LoadContent() override { return m_app.LoadContent(); }
    void FollowSpeech(bool silent, const std::vector<core::VisitAction>& actions, core::VisitTime t) override
    {
        m_app.speech.Follow(*m_app.pack, m_app.visits.visit, silent, actions, t);
    }
    void RequestClose() override { m_app.window.RequestClose(); }

private:
    KioskApp& m_app;
};

KioskScreens Screens(KioskApp& app, KioskFrameHost& host)
{
    return {host,
            app.pack,
            app.load_diagnostics,
            app.visits,
            app.view,
            app.fault_view,
            app.admin,
            app.hits,
            app.swallow_touch,
            app.corner_tracking,
            app.preview_attract,
            app.preview_attract_t};
}
} // namespace

// The frame itself is shell/kiosk_frame.cpp's, shared with the monkey; here the window's side.
bool KioskApp::DrawFrame(core::VisitTime t, bool render)
{
    const ui::Metrics metrics = CurrentMetrics(*this);
    RebuildFontsIfNeeded(*this, metrics);
    bool uploads_pending = false;
    {
        startup::Phase phase("texture_uploads");
        uploads_pending = textures->ProcessUploads();
    }
    FrameInput in;
    in.t = t;
    in.metrics = metrics;
    window.PointerPosition(&in.pointer_x, &in.pointer_y);
    in.mouse_held = window.MouseHeld();
    in.watch_corner = options.mode == Mode::Kiosk;
    in.escape_quits = !options.locked && options.mode == Mode::Kiosk;
    image_source->BeginFrame();
    ui::UiContext ctx;
    ctx.images = image_source.get();
    ctx.fonts = &fonts;
    ctx.hits = &hits;
    // A preview shows the read-aloud controls as a kiosk with a sound device would.
    const core::SpeechStatus preview_speech{true, std::string(), std::string()};
    ctx.speech = options.mode == Mode::Kiosk ? &speech.Status() : &preview_speech;
    ctx.keys = window.TakeKeys(); // the keypad's, for the visitor's screens only (never the admin panel)
    AppFrameHost host(*this);
    KioskScreens screens = Screens(*this, host);
    const FrameOutcome out = DrawKioskFrame(screens, in, std::move(ctx));
    const ui::Palette palette = pack ? ui::MakePalette(pack->settings.theme, visits.visit.State().high_contrast)
                                     : ui::MakePalette(core::Theme{}, false);
    const ImVec4 bg = ImGui::ColorConvertU32ToFloat4(palette.background);
    if (render)
    {
        startup::Phase phase("gl_render");
        window.RenderImGui(bg.x, bg.y, bg.z);
    }
    else
        ImGui::EndFrame(); // laid out only: nothing drawn
    hits_file.Write(out.drawn_screen, hits, view.focus.visible && !admin.IsOpen() && !InAttract() ? view.focus.id : "");
    return out.frame.animating || uploads_pending || !out.frame.actions.empty();
}

// --- 3. The main loop ---------------------------------------------------------------------------

namespace
{
volatile std::sig_atomic_t g_stop_requested = 0;
volatile std::sig_atomic_t g_hung_up = 0;
// The display or the session went away (the X server died, xinit hung up): not a staff exit, so
// the status is not 0 and systemd starts the kiosk again (Restart=always, RestartPreventExitStatus=0).
constexpr int kExitDisplayLost = 5;
KioskApp* g_running_app = nullptr; // for OnDisplayLost, which Xlib calls on the main thread

void OnStopSignal(int signal)
{
    if (signal == SIGHUP)
        g_hung_up = 1;
    g_stop_requested = 1; // the loop never sleeps longer than FramePacing::max_sleep_s, so it notices soon
}

// "N events saved in 'PATH'" once the store is closed, for the line that says why the kiosk stops.
std::string SavedEvents(const KioskApp& app)
{
    if (!app.visits.Started())
        return "no statistics";
    const core::StatsStoreStatus st = app.visits.store->Status();
    std::string saved = "statistics saved (" + std::to_string(st.committed_seq) + " events in '" + st.path + "'";
    if (st.dropped > 0)
        saved += ", " + std::to_string(st.dropped) + " lost";
    return saved + ")";
}

// Ends the visit and writes every queued event before the process ends (platform/display_loss.h).
int OnDisplayLost(const char* display)
{
    std::string saved = "no statistics";
    if (g_running_app && g_running_app->visits.Started())
    {
        g_running_app->visits.Stop(Now());
        saved = SavedEvents(*g_running_app);
    }
    std::fprintf(stderr,
                 "careers-kiosk: the display %s went away (its X server stopped); %s; exiting with status %d so "
                 "the service starts the kiosk again\n",
                 display, saved.c_str(), kExitDisplayLost);
    std::fflush(stderr);
    return kExitDisplayLost;
}

// Kiosk mode has no way out but the admin panel, so it needs a PIN nobody can guess from the
// documentation. Returns false (after saying why) when the pack's PIN will not do. A PIN found good
// is remembered next to the statistics, so a restart after a crash does not derive it again.
bool CheckKioskPin(const KioskApp& app)
{
    startup::Phase phase("kiosk_pin_check");
    const std::string stats = app.options.stats_db.empty() ? DefaultStatsPath() : app.options.stats_db;
    const core::PinPolicy policy =
        core::CheckStoredPinRemembered(app.pack->settings.admin_pin_hash, core::ExamplePins(), stats + ".pin-checked");
    if (policy == core::PinPolicy::Ok)
        return true;
    std::fprintf(stderr, "careers-kiosk: refusing kiosk mode: %s Set one with: careers-kiosk hash-pin\n",
                 core::PinPolicyMessage(policy));
    return false;
}

void DrawAndPresent(KioskApp& app, FramePacer& pacer, bool* report_first_frame)
{
    {
        startup::Phase phase("first_frame_draw");
        pacer.Drawn(app.DrawFrame(Now()));
    }
    // Test hook ($KIOSK_FIRST_FRAME_PNG): the first frame as it is shown, to look at.
    static const char* first_frame_png = std::getenv("KIOSK_FIRST_FRAME_PNG");
    if (first_frame_png && *first_frame_png)
    {
        RgbaImage image;
        if (!app.window.ReadPixels(&image.width, &image.height, &image.rgba) || !WritePng(first_frame_png, image))
            std::fprintf(stderr, "careers-kiosk: cannot write the first frame to '%s'\n", first_frame_png);
        first_frame_png = nullptr;
    }
    {
        startup::Phase phase("first_frame_present");
        app.window.Present();
    }
    app.status_log.FrameDrawn();
    if (*report_first_frame)
    {
        // The start-up profile ends here (printed only with $KIOSK_REPORT_FIRST_FRAME, the
        // benchmark's hook); its phases wrap every frame, so it must stop recording.
        startup::ReportFirstFrame();
        *report_first_frame = false;
    }
}

} // namespace

// Until the pictures the first frame draws have been decoded and uploaded, frames are only laid out
// (no GL drawing, nothing shown), each asking for what it would draw. A picture that fails is final
// (it shows its placeholder) and does not hold the frame; one that never arrives holds it at most
// kFirstFrameWaitS.
void PrepareFirstFrame(KioskApp& app)
{
    constexpr double kFirstFrameWaitS = 3.0;
    startup::Phase phase("first_screen_pictures");
    const double deadline = Now().mono + kFirstFrameWaitS;
    while (true)
    {
        app.DrawFrame(Now(), false);
        if (app.image_source->LoadingInFrame() == 0 || Now().mono > deadline)
            return;
        // Nothing is shown yet, so this thread decodes too rather than wait for the workers (which
        // run below its priority: on a busy machine they may hardly run at all).
        if (!app.textures->DecodeOneHere())
            app.window.WaitForEvents(0.02); // a decode worker wakes it
    }
}

namespace
{
void WaitForNews(KioskApp& app, const FramePacer& pacer, double frame_start)
{
    const double now = Now().mono;
    const double interval = app.InAttract() ? app.AttractFrameInterval(frame_start) : 0.0;
    const FrameWait wait = pacer.Wait(interval, now - frame_start, app.corner_tracking);
    if (wait.poll)
        app.window.PollEvents();
    else
        app.window.WaitForEvents(wait.timeout_s);
}

// The visit's phases see every touch and the passing of time, drawn or not (shell/kiosk_frame.h).
// Returns true when the visit changed (a countdown, a reset).
bool FeedVisit(KioskApp& app, bool touched)
{
    float x = 0, y = 0;
    app.window.PointerPosition(&x, &y);
    AppFrameHost host(app);
    KioskScreens screens = Screens(app, host);
    const VisitFeed feed = FeedVisit(screens, touched, x, y, Now());
    if (feed.woke)
        app.window.TakeKeys(); // a key that only woke the kiosk (or answered "Still there?") does nothing else
    return feed.changed;
}

// Big buffers (decoded pictures, llvmpipe's texture storage, the font atlas) come and go all day as
// images are uploaded and evicted. glibc raises its mmap threshold to the largest block freed so
// far, after which such buffers come from the heaps, whose freed holes are kept: the soak measured
// resident memory climbing 60 MiB in 13 minutes while only 54 MiB was in use (malloc_stats). A
// fixed threshold keeps every block of 256 KiB or more in its own mapping, given back when freed.
void KeepBigBuffersMapped()
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

int RunInteractive(KioskApp& app)
{
    KeepBigBuffersMapped();
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
    const int started = app.Start(wo);
    if (started >= 0)
        return started;
    // One line in the journal saying which GL the driver gave (GL 3.3, the 3.1 fallback, GLES). A GLES
    // driver's version string names the API itself ("OpenGL ES 3.2 Mesa ..."), a desktop one does not.
    const std::string& gl_version = app.window.Info().gl_version;
    std::fprintf(stderr, "careers-kiosk: drawing with %s%s\n", gl_version.rfind("OpenGL", 0) == 0 ? "" : "OpenGL ",
                 gl_version.c_str());
    if (app.options.locked && app.pack && !CheckKioskPin(app))
    {
        app.Shutdown();
        return 4;
    }
    std::signal(SIGTERM, OnStopSignal);
    std::signal(SIGINT, OnStopSignal);
    std::signal(SIGHUP, OnStopSignal); // xinit hangs up on its client when the X server ends
    g_running_app = &app;
    platform::SetDisplayLostHandler(OnDisplayLost);
    // In kiosk mode the window manager's close (Alt+F4) is refused: the admin panel is the only
    // way out. A windowed preview closes normally.
    app.window.SetCloseAllowed(windowed && !app.options.locked);

    PrepareFirstFrame(app);
    FramePacer pacer;
    bool report_first_frame = true;
    bool speech_started = false;
    while (!g_stop_requested && !app.window.ShouldClose())
    {
        const double frame_start = Now().mono;
        if (pacer.ShouldDraw())
            DrawAndPresent(app, pacer, &report_first_frame);
        if (!speech_started)
        {
            // Once the first frame is up: off its path.
            app.image_source->AllowPrefetch();
            app.StartSpeech();
            app.StartLaterChecks();
            app.fonts_dirty |= app.fonts.partial; // the attract loop's glyphs only: the full atlas next frame
            speech_started = true;
        }
        app.AdoptLaterWarnings();
        // systemd's watchdog: a hung loop gets restarted. After the draw, so READY=1 means the first
        // frame is on screen and the watchdog's clock starts after it, not before it (a start
        // slow to its first frame was killed as hung under emulation).
        core::NotifyServiceAlive(frame_start);
        app.status_log.MaybeWrite(app, frame_start);
        WaitForNews(app, pacer, frame_start);
        const bool input = app.window.TakeInput();
        const bool visit_changed = FeedVisit(app, app.window.TakeTouch());
        app.idle_trim.Tick(app.InAttract(), Now().mono);
        pacer.Woke(input, visit_changed || app.corner_tracking || platform::Window::TakeWakeRequest());
    }
    const bool signalled = g_stop_requested != 0;
    app.Shutdown();
    g_running_app = nullptr;
    const int status = g_hung_up ? kExitDisplayLost : 0;
    if (signalled)
        std::fprintf(stderr, "careers-kiosk: stopped by %s; %s; exit status %d\n", g_hung_up ? "SIGHUP" : "a signal",
                     SavedEvents(app).c_str(), status);
    return status;
}
} // namespace

int RunKiosk(const Options& options)
{
    KioskApp app;
    app.options = options;
    if (options.mode == Mode::Screenshot)
        return RunScreenshot(app);
    return options.mode == Mode::WarmUp ? RunWarmUp(app) : RunInteractive(app);
}
} // namespace kiosk::app
