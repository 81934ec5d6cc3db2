// --screenshot: the kiosk's own frames, drawn off screen until nothing moves, saved as a PNG. Starts
// a private Xvfb when there is no display, so a content editor can preview a screen anywhere.
//
// Index
//   1. Putting the visit on a screen (PreparePreview)
//   2. Drawing until still, and the whole of a scrolling screen (CapturePreview)
//   3. --screenshot
#include "shell/screenshot.h"

#include "core/visit/attract_timeline.h"
#include "core/visit/screen_name.h"
#include "platform/headless_display.h"
#include "ui/app_ui.h"
#include "ui/screens/attract_screen.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <stb_image_write.h>

namespace kiosk::app
{
namespace
{
// --- 1. Putting the visit on a screen -------------------------------------------------------

// The quiz at question N, or its result, reached by answering every question before it with its
// first answer (a fixed set, so a preview always shows the same result).
bool ShowQuiz(KioskApp& app, const core::ScreenName& name, const std::string& text, std::string* error)
{
    const core::Quiz& quiz = app.pack->quiz;
    if (quiz.Empty())
    {
        *error = "--screen " + text + ": the content has no quiz (quiz.json)";
        return false;
    }
    const size_t answered =
        name.kind == core::ScreenName::Kind::QuizResult ? quiz.questions.size() : static_cast<size_t>(name.index - 1);
    if (answered >= quiz.questions.size() + (name.kind == core::ScreenName::Kind::QuizResult ? 1 : 0))
    {
        *error = "--screen " + text + ": the quiz has " + std::to_string(quiz.questions.size()) + " questions";
        return false;
    }
    std::vector<core::VisitAction> actions = {core::StartQuiz{}};
    for (size_t i = 0; i < answered; i++)
        actions.push_back(core::AnswerQuiz{quiz.questions[i].id, quiz.questions[i].answers[0].id});
    for (const core::VisitAction& action : actions)
        ui::ApplyVisitAction(app.visits.visit, app.view, action, Now());
    return true;
}

// Slide N of the attract loop (slide 1 for plain "attract"), held still at the middle of its
// rest between the fades, so the picture is never caught mid-cross-fade.
bool ShowAttract(KioskApp& app, const core::ScreenName& name, const std::string& text, std::string* error)
{
    const int slides = static_cast<int>(ui::AttractSlides(*app.pack).size());
    const int index = std::max(name.index, 1) - 1;
    if (index >= slides)
    {
        *error = "--screen " + text + ": the attract loop has " + std::to_string(slides) + " slides";
        return false;
    }
    app.preview_attract = true;
    app.preview_attract_t = core::AttractRestTime(index, app.pack->settings.timings.attract_slide_s);
    return true;
}

// The "Still there?" countdown over the home screen, at its first moment (the full count): the
// visit is woken and time passes in small steps (the phase machine takes at most 5 s a step) until
// the idle timeout shows it. Nothing ticks afterwards, so the number stays.
void ShowStillThere(KioskApp& app)
{
    core::Visit& visit = app.visits.visit;
    const core::VisitTime start = Now();
    visit.Touch(start);
    core::VisitTime t = start;
    while (visit.Phase() != core::VisitPhase::StillThere && t.mono < start.mono + 4 * 3600.0)
    {
        t.mono += 0.05;
        t.wall += 0.05;
        visit.Tick(t);
    }
}

// Puts the visit on the screen named by --screen (core/visit/screen_name.h).
bool ShowScreen(KioskApp& app, const std::string& text, std::string* error)
{
    core::ScreenName name;
    if (!core::ParseScreenName(text, &name, error) || !core::CanPreview(name))
    {
        *error =
            "--screen '" + text + "' is not a screen that can be previewed; use one of " + core::PreviewScreenGrammar();
        return false;
    }
    if (!app.pack)
        return true; // the fault screen, whatever was asked
    core::VisitAction action;
    switch (name.kind)
    {
    case core::ScreenName::Kind::Home:
        return true;
    case core::ScreenName::Kind::Fault:
        *error = "--screen fault: the content in '" + app.options.content_dir +
                 "' has no errors, so the kiosk never shows the fault screen for it; give a pack with errors "
                 "as --content to see what staff would see";
        return false;
    case core::ScreenName::Kind::Attract:
        return ShowAttract(app, name, text, error);
    case core::ScreenName::Kind::StillThere:
        ShowStillThere(app);
        return true;
    case core::ScreenName::Kind::Role:
        if (!app.pack->FindRole(name.arg))
        {
            *error = "--screen " + text + ": there is no role '" + name.arg + "' in the content";
            return false;
        }
        action = core::OpenRole{name.arg};
        break;
    case core::ScreenName::Kind::Gallery:
        if (name.index >= (int)app.pack->photos.size())
        {
            *error =
                "--screen " + text + ": the content has " + std::to_string(app.pack->photos.size()) + " photographs";
            return false;
        }
        action = core::OpenGallery{"", name.index};
        break;
    case core::ScreenName::Kind::Pathway:
        if (!name.arg.empty() && !app.pack->pathway.FindNode(name.arg))
        {
            *error = "--screen " + text + ": there is no node '" + name.arg + "' in pathway.json";
            return false;
        }
        action = core::OpenPathway{name.arg, "", ""};
        break;
    case core::ScreenName::Kind::Quiz:
    case core::ScreenName::Kind::QuizResult:
        return ShowQuiz(app, name, text, error);
    default:
        *error = "--screen " + text + " cannot be previewed with --screenshot";
        return false;
    }
    ui::ApplyVisitAction(app.visits.visit, app.view, action, Now());
    return true;
}

// --language, --large-text, --high-contrast and --glossary: the visitor's choices, and a
// definition card open over the screen.
bool ShowOptions(KioskApp& app, const PreviewShot& shot, std::string* error)
{
    if (!app.pack)
        return true;
    core::Visit& visit = app.visits.visit;
    if (!shot.language.empty())
    {
        bool known = false;
        std::string codes;
        for (const auto& l : app.pack->settings.languages)
        {
            known |= l.code == shot.language;
            codes += (codes.empty() ? "" : ", ") + l.code;
        }
        if (!known)
        {
            *error = "--language " + shot.language + ": not one of the content's languages (" + codes + ")";
            return false;
        }
        visit.Apply(core::SetLanguage{shot.language}, Now(), {});
    }
    if (app.preview_attract && (shot.large_text || shot.high_contrast))
    {
        *error = "--large-text and --high-contrast do not apply to the attract loop: it runs between visits, "
                 "after the last visitor's choices have ended";
        return false;
    }
    if (shot.large_text != visit.State().larger_text)
        visit.Apply(core::ToggleLargerText{}, Now(), {});
    if (shot.high_contrast != visit.State().high_contrast)
        visit.Apply(core::ToggleHighContrast{}, Now(), {});
    if (!shot.glossary.empty())
    {
        if (!app.pack->glossary.Find(shot.glossary))
        {
            *error = "--glossary " + shot.glossary + ": there is no such term in glossary.json";
            return false;
        }
        visit.Apply(core::OpenGlossaryTerm{shot.glossary}, Now(), {});
    }
    return true;
}

// --- 2. Drawing until still -----------------------------------------------------------------

// The countdown and the attract loop move for ever; a preview holds them still, so for them
// only arriving pictures count as busy.
bool HeldStill(const KioskApp& app)
{
    return app.preview_attract || (app.pack && app.visits.visit.Phase() == core::VisitPhase::StillThere);
}

// Draws until images have arrived and nothing moves (at most `timeout_s`), then two more frames so
// the last uploads are on screen. The last frame stays in the back buffer for ReadPixels. A shot
// taken at the cap says so on stderr: its pictures may be placeholders.
void DrawUntilStill(KioskApp& app, double timeout_s)
{
    const double deadline = Now().mono + timeout_s;
    int still_frames = 0;
    while (still_frames < 3 && Now().mono < deadline)
    {
        app.window.PollEvents();
        const bool moving = app.DrawFrame(Now()) && !HeldStill(app);
        const bool busy = moving || !app.textures->Idle();
        still_frames = busy ? 0 : still_frames + 1;
        if (still_frames < 3)
            app.window.Present();
        if (busy)
            app.window.WaitForEvents(0.02);
    }
    if (still_frames < 3)
        std::fprintf(stderr,
                     "careers-kiosk: the screen was still changing (pictures arriving) after %.0f s; the picture "
                     "is taken as it is (--still-timeout SECONDS waits longer)\n",
                     timeout_s);
}

bool ReadFrame(KioskApp& app, RgbaImage* out)
{
    return app.window.ReadPixels(&out->width, &out->height, &out->rgba);
}

// The scroll offset a screen keeps in the ui's memory (ui/ui_context.h), or null when the screen
// does not scroll: the role page and quiz, the home grid, a flowchart node's details sheet, the
// fault list.
float* ScrollOffsetOf(KioskApp& app)
{
    if (!app.pack)
        return &app.fault_view.fault_scroll_y;
    if (app.InAttract() || app.visits.visit.Phase() == core::VisitPhase::StillThere)
        return nullptr;
    const core::VisitState& s = app.visits.visit.State();
    switch (s.screen)
    {
    case core::ScreenId::Home:
        return &app.view.home_scroll_y;
    case core::ScreenId::Role:
    case core::ScreenId::Quiz:
        return &app.view.scroll_y;
    case core::ScreenId::Pathway:
        return s.pathway.selected.empty() ? nullptr : &app.view.pathway.sheet_scroll_y;
    default:
        return nullptr;
    }
}

// The tallest scroll view of the last frame.
bool MainScrollView(const KioskApp& app, ui::ScrollViewArea* out)
{
    bool found = false;
    for (const ui::ScrollViewArea& v : app.hits.scroll_views)
        if (!found || v.y1 - v.y0 > out->y1 - out->y0)
        {
            *out = v;
            found = true;
        }
    return found;
}

// --full-page: the screen at scroll offsets half a view apart, stitched into one image as tall as
// the screen plus what the view hides. Above and beside the view everything is as at the top; below
// it, as at the bottom; each content row comes from the capture that showed it nearest the middle
// of the view, so the "more below" fades at the view's edges are never stitched in.
bool CaptureFullPage(KioskApp& app, double timeout_s, RgbaImage* out)
{
    float* offset = ScrollOffsetOf(app);
    ui::ScrollViewArea v;
    if (!offset || !MainScrollView(app, &v))
        return ReadFrame(app, out);
    const int W = out->width, H = out->height;
    const int y0 = std::clamp(static_cast<int>(std::lround(v.y0)), 0, H);
    const int y1 = std::clamp(static_cast<int>(std::lround(v.y1)), y0, H);
    const int x0 = std::clamp(static_cast<int>(std::lround(v.x0)), 0, W);
    const int x1 = std::clamp(static_cast<int>(std::lround(v.x1)), x0, W);
    const int view_h = y1 - y0;
    const int hidden = static_cast<int>(std::lround(std::max(0.0f, v.content_h - (v.y1 - v.y0))));
    if (view_h < 8 || hidden <= 0)
        return true; // it all fits: the frame already read is the whole page
    const size_t row = static_cast<size_t>(W) * 4;
    RgbaImage top = *out;
    RgbaImage page;
    page.width = W;
    page.height = H + hidden;
    page.rgba.assign(row * static_cast<size_t>(page.height), '\0');
    // Rows above the view, and the view's rows beside it at the top, come from the first frame.
    for (int y = 0; y < H; y++)
        top.rgba.copy(&page.rgba[static_cast<size_t>(y) * row], row, static_cast<size_t>(y) * row);
    // best[c]: how far content row c was from its view's edge in the capture that supplied it.
    std::vector<int> best(static_cast<size_t>(view_h + hidden), -1);
    const int step = std::max(1, view_h / 2);
    for (int s = 0;; s = std::min(s + step, hidden))
    {
        *offset = static_cast<float>(s);
        DrawUntilStill(app, timeout_s);
        RgbaImage shot;
        if (!ReadFrame(app, &shot) || shot.width != W || shot.height != H)
            return false;
        for (int y = y0; y < y1; y++)
        {
            const int c = y - y0 + s;
            // The top and bottom rows of the page have only one capture, nearer an edge.
            const int margin = std::min(y - y0 + (s == 0 ? view_h : 0), y1 - 1 - y + (s == hidden ? view_h : 0));
            if (margin <= best[static_cast<size_t>(c)])
                continue;
            best[static_cast<size_t>(c)] = margin;
            shot.rgba.copy(&page.rgba[static_cast<size_t>(y0 + c) * row + static_cast<size_t>(x0) * 4],
                           static_cast<size_t>(x1 - x0) * 4,
                           static_cast<size_t>(y) * row + static_cast<size_t>(x0) * 4);
        }
        if (s == hidden)
        {
            // Below the view: as at the bottom of the scroll.
            for (int y = y1; y < H; y++)
                shot.rgba.copy(&page.rgba[static_cast<size_t>(y + hidden) * row], row, static_cast<size_t>(y) * row);
            break;
        }
    }
    // Beside a narrower view (a details sheet), where the screen does not reach: plain grey,
    // plainly not part of the screen.
    if (x0 > 0 || x1 < W)
    {
        const std::string grey = "\x9a\x9a\x9a\xff";
        for (int y = y1; y < y1 + hidden; y++)
            for (int x = 0; x < W; x++)
                if (x < x0 || x >= x1)
                    page.rgba.replace(static_cast<size_t>(y) * row + static_cast<size_t>(x) * 4, 4, grey);
    }
    *out = std::move(page);
    return true;
}
} // namespace

bool PreparePreview(KioskApp& app, const PreviewShot& shot, std::string* error)
{
    // A fresh visit and a still screen for every shot.
    app.preview_attract = false;
    app.view = ui::VisitView{};
    app.fault_view = ui::VisitView{};
    if (app.pack)
    {
        app.visits.visit = core::Visit{}; // Start keeps the phase (a countdown would carry over)
        app.visits.visit.Start(*app.pack, nullptr, 0, Now());
    }
    core::ScreenName name;
    if (!app.pack && core::ParseScreenName(shot.screen, &name, error) && name.kind != core::ScreenName::Kind::Fault)
        std::fprintf(stderr, "careers-kiosk: the content has errors, so the preview shows the fault screen\n");
    return ShowScreen(app, shot.screen, error) && ShowOptions(app, shot, error);
}

bool CapturePreview(KioskApp& app, const PreviewShot& shot, RgbaImage* out)
{
    DrawUntilStill(app, shot.still_timeout_s);
    if (!ReadFrame(app, out))
        return false;
    return !shot.full_page || CaptureFullPage(app, shot.still_timeout_s, out);
}

bool WritePng(const std::string& path, const RgbaImage& image)
{
    return stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(), image.width * 4) != 0;
}

int StartPreviewApp(KioskApp& app, platform::HeadlessDisplay* headless, int max_w, int max_h)
{
    if (!platform::HasDisplay())
    {
        std::string error;
        if (!headless->Start(max_w, max_h, &error))
        {
            std::fprintf(stderr, "careers-kiosk: %s\n", error.c_str());
            return 1;
        }
    }
    platform::WindowOptions wo;
    wo.fullscreen = false;
    wo.width = app.options.width;
    wo.height = app.options.height;
    return app.Start(wo);
}

// --- 3. --screenshot --------------------------------------------------------------------------

namespace
{
// The CPU cost of one frame of this screen, GL work included (llvmpipe renders on our threads;
// glFinish waits for it), averaged over the frames. A benchmark hook.
void MeasureFrames(KioskApp& app, int frames)
{
    timespec t0, t1;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    for (int i = 0; i < frames; i++)
    {
        app.window.PollEvents();
        app.DrawFrame(Now());
        app.window.Finish();
        app.window.Present();
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    const double cpu_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    std::printf("frame_cpu_ms %.3f\n", cpu_ms / frames);
}
} // namespace

int RunScreenshot(KioskApp& app)
{
    platform::HeadlessDisplay headless;
    const int started = StartPreviewApp(app, &headless, app.options.width, app.options.height);
    if (started >= 0)
        return started;
    const Options& o = app.options;
    PreviewShot shot;
    shot.screen = o.screen;
    shot.language = o.screenshot_language;
    shot.large_text = o.large_text;
    shot.high_contrast = o.high_contrast;
    shot.full_page = o.full_page;
    shot.glossary = o.screenshot_glossary;
    shot.still_timeout_s = o.still_timeout_s;
    std::string error;
    if (!PreparePreview(app, shot, &error))
    {
        std::fprintf(stderr, "careers-kiosk: %s\n", error.c_str());
        app.Shutdown();
        return 2;
    }
    RgbaImage image;
    const bool read = CapturePreview(app, shot, &image);
    if (read && o.bench_frames > 0)
        MeasureFrames(app, o.bench_frames);
    app.Shutdown();
    if (!read)
    {
        std::fprintf(stderr, "careers-kiosk: could not read the rendered frame\n");
        return 1;
    }
    if (!WritePng(o.screenshot_path, image))
    {
        std::fprintf(stderr, "careers-kiosk: cannot write '%s'\n", o.screenshot_path.c_str());
        return 1;
    }
    std::printf("wrote %s (%dx%d, screen %s)\n", o.screenshot_path.c_str(), image.width, image.height,
                o.screen.c_str());
    return 0;
}
} // namespace kiosk::app
