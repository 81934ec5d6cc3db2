// --screenshot: the kiosk's own frames, drawn off screen until nothing moves, saved as a PNG. Starts
// a private Xvfb when there is no display, so a content editor can preview a screen anywhere.
#include "core/visit/screen_name.h"
#include "platform/headless_display.h"
#include "shell/kiosk_app.h"
#include "ui/app_ui.h"

#include <cstdio>
#include <ctime>
#include <stb_image_write.h>

namespace kiosk::app
{
namespace
{
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

// Puts the visit on the screen named by --screen (core/visit/screen_name.h). The staff screens
// cannot be previewed this way yet: they say so.
bool ShowScreen(KioskApp& app, const std::string& text, std::string* error)
{
    core::ScreenName name;
    if (!core::ParseScreenName(text, &name, error))
    {
        *error = "--screen " + *error;
        return false;
    }
    if (!app.pack)
        return true; // the fault screen, whatever was asked
    core::VisitAction action;
    switch (name.kind)
    {
    case core::ScreenName::Kind::Home:
    case core::ScreenName::Kind::Fault:
        return true;
    case core::ScreenName::Kind::Attract:
        app.preview_attract = true;
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
        action = core::OpenPathway{name.arg, "", ""};
        break;
    case core::ScreenName::Kind::Quiz:
    case core::ScreenName::Kind::QuizResult:
        return ShowQuiz(app, name, text, error);
    case core::ScreenName::Kind::StillThere:
    {
        // A visit left idle until the countdown shows (over home), its time frozen at the start.
        core::Visit& visit = app.visits.visit;
        const core::VisitTime t0 = Now();
        visit.Touch(t0);
        for (double s = 1; visit.Phase() != core::VisitPhase::StillThere && s < 7200; s += 1)
            visit.Tick(core::VisitTime{t0.mono + s, t0.wall + s});
        return true;
    }
    default:
        *error = "--screen " + text + " cannot be previewed with --screenshot";
        return false;
    }
    ui::ApplyVisitAction(app.visits.visit, app.view, action, Now());
    return true;
}

// --language and --glossary: the visit's language, and a definition card open over the screen.
bool ShowOptions(KioskApp& app, std::string* error)
{
    if (!app.pack)
        return true;
    const Options& o = app.options;
    if (!o.screenshot_language.empty())
    {
        bool known = false;
        for (const auto& l : app.pack->settings.languages)
            known |= l.code == o.screenshot_language;
        if (!known)
        {
            *error = "--language " + o.screenshot_language + ": not one of the content's languages";
            return false;
        }
        app.visits.visit.Apply(core::SetLanguage{o.screenshot_language}, Now(), {});
    }
    if (!o.screenshot_glossary.empty())
    {
        if (!app.pack->glossary.Find(o.screenshot_glossary))
        {
            *error = "--glossary " + o.screenshot_glossary + ": there is no such term in glossary.json";
            return false;
        }
        app.visits.visit.Apply(core::OpenGlossaryTerm{o.screenshot_glossary}, Now(), {});
    }
    return true;
}

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

// Draws until images have arrived and nothing moves (at most 15 s), then two more frames so the
// last uploads are on screen.
void DrawUntilStill(KioskApp& app)
{
    const double deadline = Now().mono + 15.0;
    int still_frames = 0;
    while (still_frames < 3 && Now().mono < deadline)
    {
        app.window.PollEvents();
        // The attract loop and the countdown never stop moving: for them, only arriving images
        // count as busy.
        const bool moving =
            app.DrawFrame(Now()) && !app.preview_attract && app.visits.visit.Phase() != core::VisitPhase::StillThere;
        const bool busy = moving || !app.textures->Idle();
        still_frames = busy ? 0 : still_frames + 1;
        if (still_frames < 3)
            app.window.Present();
        if (busy)
            app.window.WaitForEvents(0.02);
    }
}

int SavePng(KioskApp& app)
{
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
} // namespace

int RunScreenshot(KioskApp& app)
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
    if (!ShowScreen(app, app.options.screen, &error) || !ShowOptions(app, &error))
    {
        std::fprintf(stderr, "careers-kiosk: %s\n", error.c_str());
        app.Shutdown();
        return 2;
    }
    DrawUntilStill(app);
    if (app.options.bench_frames > 0)
        MeasureFrames(app, app.options.bench_frames);
    return SavePng(app);
}
} // namespace kiosk::app
