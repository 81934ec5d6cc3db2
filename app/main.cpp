// careers-kiosk: entry point. Parses the command line and hands over to one mode:
// the kiosk itself, --validate, --screenshot, or the `stats` tools. Every failure ends with one
// clear line on stderr and a non-zero exit code, never a crash.
#include "core/admin/admin_pin.h"
#include "core/cli/stats_cli.h"
#include "core/content/content_loader.h"
#include "core/content/pack_summary.h"
#include "shell/command_line.h"
#include "shell/contact_sheet.h"
#include "shell/content_location.h"
#include "shell/kiosk_app.h"
#include "shell/startup_profile.h"

#include <cstdio>
#include <iostream>
#include <termios.h>
#include <unistd.h>

using namespace kiosk;

static int RunValidate(const app::Options& options)
{
    const std::string& folder = options.validate_dir;
    core::ContentLoadOptions load;
    load.require_languages = options.require_languages;
    const core::ContentLoadResult result = core::LoadContentPack(folder, load);
    std::fputs(core::FormatDiagnostics(result.diagnostics).c_str(), result.diagnostics.HasErrors() ? stderr : stdout);
    if (options.translation_report)
    {
        std::vector<std::string> languages;
        if (result.pack)
            for (const core::Language& l : result.pack->settings.languages)
                languages.push_back(l.code);
        else
            languages = {"cy"}; // the pack did not load: report the usual second language
        std::fputs(core::FormatTranslationReport(result.texts, languages).c_str(), stdout);
    }
    if (result.diagnostics.HasErrors())
    {
        std::fprintf(stderr, "content in '%s' has errors: the kiosk will not show it\n", folder.c_str());
        return 1;
    }
    std::printf("content in '%s' is valid: %s\n", folder.c_str(), core::DescribeContentPack(*result.pack).c_str());
    return 0;
}

// Reads the PIN without echo when standard input is a terminal.
static int RunHashPin()
{
    const bool tty = isatty(0);
    termios saved{};
    if (tty)
    {
        std::fprintf(stderr, "New admin PIN (4 to 12 digits): ");
        tcgetattr(0, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        tcsetattr(0, TCSANOW, &quiet);
    }
    const int status = core::RunHashPinCommand(std::cin, std::cout, std::cerr);
    if (tty)
    {
        tcsetattr(0, TCSANOW, &saved);
        std::fprintf(stderr, "\n");
    }
    return status;
}

int main(int argc, char** argv)
{
    app::startup::MarkMain();
    std::vector<std::string> args(argv + 1, argv + argc);
    app::Options options;
    std::string error;
    if (!app::ParseCommandLine(args, &options, &error))
    {
        std::fprintf(stderr, "careers-kiosk: %s\n%s", error.c_str(), app::UsageText());
        return 2;
    }
    switch (options.mode)
    {
    case app::Mode::Help:
        std::fputs(app::UsageText(), stdout);
        return 0;
    case app::Mode::Version:
        std::printf("careers-kiosk %s\n", KIOSK_VERSION);
        return 0;
    case app::Mode::Validate:
        return RunValidate(options);
    case app::Mode::HashPin:
        return RunHashPin();
    case app::Mode::Stats:
        return core::RunStatsCommand(options.stats_args, std::cout, std::cerr);
    case app::Mode::ContactSheet:
        if (options.content_dir.empty())
            options.content_dir = app::DefaultContentDir();
        return app::RunContactSheet(options);
    case app::Mode::Screenshot:
    case app::Mode::WarmUp:
    case app::Mode::Kiosk:
        if (options.content_dir.empty())
            options.content_dir = app::DefaultContentDir();
        return app::RunKiosk(options);
    }
    return 0;
}
