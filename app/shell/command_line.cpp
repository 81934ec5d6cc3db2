#include "shell/command_line.h"

#include "core/visit/screen_name.h"

#include <algorithm>
#include <cstdlib>

namespace kiosk::app
{
const char* UsageText()
{
    static const std::string text =
        std::string(
            "usage:\n"
            "  careers-kiosk [--kiosk] [--content DIR] [--windowed] [--size WxH] [--stats DB] [--show-cursor]\n"
            "      run the kiosk (fullscreen unless --windowed or --size). Arrow keys, Enter and Escape\n"
            "      (Back) drive every visitor screen; without --kiosk, Escape on the home screen quits;\n"
            "      with --kiosk (locked, for a dedicated machine) it needs an admin PIN in kiosk.json and\n"
            "      the admin panel (3-second press in the top-left corner) is the only way out\n"
            "  careers-kiosk --validate DIR [--require-language CODE]... [--translation-report]\n"
            "      check a content pack; prints FILE:LINE:COLUMN: error|warning: message; exit 1 on errors.\n"
            "      --require-language cy makes a missing Welsh text an error; --translation-report prints,\n"
            "      per file and language, the texts present, missing and the same as English\n"
            "  careers-kiosk --screenshot OUT.png --size WxH [--screen SCREEN] [--content DIR]\n"
            "                [--language CODE] [--large-text] [--high-contrast] [--glossary TERM] [--full-page]\n"
            "                [--still-timeout SECONDS]\n"
            "      render one screen to a PNG (starts its own Xvfb when there is no display).\n"
            "      SCREEN is one of: ") +
        core::PreviewScreenGrammar() +
        "\n"
        "      attract:N is slide N at rest (never mid-fade); pathway:NODE opens the node's details sheet;\n"
        "      fault is what a pack with errors shows (give that pack as --content); --glossary opens a\n"
        "      term's card; --full-page makes one tall image of a scrolling screen's whole content;\n"
        "      --still-timeout is the longest wait for pictures to arrive and movement to stop (default 15;\n"
        "      more on a slow or emulated machine)\n"
        "  careers-kiosk --warm-up [--size WxH] [--content DIR]\n"
        "      draw the kiosk's first screen once in a hidden window on the display (at the screen's\n"
        "      size unless --size), then exit, so that the next start finds its shaders in the GL\n"
        "      driver's disk cache (kiosk-session does this once after an installation; see\n"
        "      kiosk/deploy/README.md)\n"
        "  careers-kiosk contact-sheet OUT_DIR [--sizes WxH,...] [--content DIR] [--languages CODE,...]\n"
        "                [--screens SCREEN,...]\n"
        "      every screen in every language, normal, large text and high contrast, at each size\n"
        "      (default 800x480), into OUT_DIR with an index.html and the translation report;\n"
        "      --screens keeps some (a kind alone, such as role, keeps all of that kind)\n"
        "  careers-kiosk hash-pin\n"
        "      reads a PIN (4 to 12 digits) and prints the value for kiosk.json's admin.pin_hash\n"
        "  careers-kiosk stats --help\n"
        "      usage statistics: summary, CSV export, merge\n"
        "  careers-kiosk --help | --version\n";
    return text.c_str();
}

static bool ParseSize(const std::string& text, int* w, int* h)
{
    const size_t x = text.find('x');
    if (x == std::string::npos || x == 0 || x + 1 >= text.size())
        return false;
    char* end = nullptr;
    const long width = std::strtol(text.c_str(), &end, 10);
    if (end != text.c_str() + x)
        return false;
    const long height = std::strtol(text.c_str() + x + 1, &end, 10);
    if (*end != '\0')
        return false;
    if (width < 320 || height < 240 || width > 8192 || height > 8192)
        return false;
    *w = (int)width;
    *h = (int)height;
    return true;
}

namespace
{
// `careers-kiosk hash-pin` and `careers-kiosk stats ...`: a subcommand takes the whole line.
// Returns true when args[0] named one (`*ok` says whether the rest was acceptable).
bool ParseSubcommand(const std::vector<std::string>& args, Options* o, std::string* error, bool* ok)
{
    *ok = true;
    if (args.empty())
        return false;
    if (args[0] == "hash-pin")
    {
        o->mode = Mode::HashPin;
        if (args.size() > 1)
        {
            *error = "hash-pin takes no arguments: it reads the PIN from standard input";
            *ok = false;
        }
        return true;
    }
    if (args[0] == "stats")
    {
        o->mode = Mode::Stats;
        o->stats_args.assign(args.begin() + 1, args.end());
        return true;
    }
    return false;
}

// --sizes 800x480,1920x1080
bool ParseSizes(const std::string& v, Options* o, std::string* error)
{
    o->sizes.clear();
    size_t start = 0;
    while (start <= v.size())
    {
        const size_t comma = std::min(v.find(',', start), v.size());
        const std::string one = v.substr(start, comma - start);
        int w = 0, h = 0;
        if (!ParseSize(one, &w, &h))
        {
            *error = "--sizes '" + one + "' must look like 1920x1080 (each side 320 to 8192 pixels)";
            return false;
        }
        o->sizes.emplace_back(w, h);
        start = comma + 1;
    }
    return true;
}

// --languages en,cy
std::vector<std::string> SplitCommas(const std::string& v)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= v.size())
    {
        const size_t comma = std::min(v.find(',', start), v.size());
        if (comma > start)
            out.push_back(v.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

// Options without a value. Returns false when `a` is not one of them.
bool ParseFlag(const std::string& a, Options* o)
{
    if (a == "--help" || a == "-h")
        o->mode = Mode::Help;
    else if (a == "--version")
        o->mode = Mode::Version;
    else if (a == "--translation-report")
        o->translation_report = true;
    else if (a == "--kiosk")
        o->locked = true;
    else if (a == "--windowed")
        o->windowed = true;
    else if (a == "--show-cursor")
        o->show_cursor = true;
    else if (a == "--large-text")
        o->large_text = true;
    else if (a == "--high-contrast")
        o->high_contrast = true;
    else if (a == "--full-page")
        o->full_page = true;
    else if (a == "--warm-up")
        o->mode = Mode::WarmUp;
    else
        return false;
    return true;
}

// Options whose value is kept as given (checked later by whoever uses it).
std::string* PlainValueOption(const std::string& a, Options* o)
{
    if (a == "--content")
        return &o->content_dir;
    if (a == "--stats")
        return &o->stats_db;
    if (a == "--language")
        return &o->screenshot_language;
    if (a == "--glossary")
        return &o->screenshot_glossary;
    return nullptr;
}

bool IsValueOption(const std::string& a)
{
    static const char* const checked[] = {"--validate",     "--screenshot",   "--screen",       "--size",
                                          "--sizes",        "--languages",    "--screens",      "--require-language",
                                          "--bench-frames", "--idle-timeout", "--still-timeout"};
    for (const char* name : checked)
        if (a == name)
            return true;
    Options probe;
    return PlainValueOption(a, &probe) != nullptr;
}

// An option with its value `v`; false with `error` set when the value will not do.
bool ParseValueOption(const std::string& a, const std::string& v, Options* o, std::string* error)
{
    if (std::string* plain = PlainValueOption(a, o))
        *plain = v;
    else if (a == "--validate")
    {
        o->validate_dir = v;
        o->mode = Mode::Validate;
    }
    else if (a == "--screenshot")
    {
        o->screenshot_path = v;
        o->mode = Mode::Screenshot;
    }
    else if (a == "--screen")
    {
        o->screen = v;
        core::ScreenName name;
        std::string why;
        if (!core::ParseScreenName(v, &name, &why) || !core::CanPreview(name))
        {
            *error = "--screen '" + v + "' is not a screen that can be previewed; use one of " +
                     core::PreviewScreenGrammar();
            return false;
        }
    }
    else if (a == "--size")
    {
        if (!ParseSize(v, &o->width, &o->height))
        {
            *error = "--size '" + v + "' must look like 1920x1080 (each side 320 to 8192 pixels)";
            return false;
        }
    }
    else if (a == "--sizes")
        return ParseSizes(v, o, error);
    else if (a == "--languages")
        o->languages = SplitCommas(v);
    else if (a == "--screens")
        o->screens = SplitCommas(v);
    else if (a == "--require-language")
        o->require_languages.push_back(v);
    else if (a == "--bench-frames")
    {
        o->bench_frames = std::atoi(v.c_str());
        if (o->bench_frames < 1 || o->bench_frames > 100000)
        {
            *error = "--bench-frames '" + v + "' must be a whole number from 1 to 100000";
            return false;
        }
    }
    else if (a == "--idle-timeout")
    {
        char* end = nullptr;
        o->idle_timeout_override_s = std::strtod(v.c_str(), &end);
        if (*end != '\0' || !(o->idle_timeout_override_s >= 1 && o->idle_timeout_override_s <= 3600))
        {
            *error = "--idle-timeout '" + v + "' must be a number of seconds from 1 to 3600";
            return false;
        }
    }
    else if (a == "--still-timeout")
    {
        char* end = nullptr;
        o->still_timeout_s = std::strtod(v.c_str(), &end);
        if (*end != '\0' || !(o->still_timeout_s >= 1 && o->still_timeout_s <= 3600))
        {
            *error = "--still-timeout '" + v + "' must be a number of seconds from 1 to 3600";
            return false;
        }
    }
    return true;
}
} // namespace

bool ParseCommandLine(const std::vector<std::string>& args, Options* o, std::string* error)
{
    bool ok = true;
    if (ParseSubcommand(args, o, error, &ok))
        return ok;
    size_t first = 0;
    if (!args.empty() && args[0] == "contact-sheet")
    {
        // Its own options follow the folder; the rest of the line is read as usual.
        if (args.size() < 2 || args[1].empty() || args[1][0] == '-')
        {
            *error = "contact-sheet needs the folder to write into: careers-kiosk contact-sheet OUT_DIR";
            return false;
        }
        o->mode = Mode::ContactSheet;
        o->contact_sheet_dir = args[1];
        first = 2;
    }
    for (size_t i = first; i < args.size(); i++)
    {
        const std::string& a = args[i];
        if (ParseFlag(a, o))
            continue;
        if (!IsValueOption(a))
        {
            *error = "unknown argument '" + a + "'";
            return false;
        }
        if (i + 1 >= args.size() || args[i + 1].empty())
        {
            *error = "option " + a + " needs a value";
            return false;
        }
        if (!ParseValueOption(a, args[++i], o, error))
            return false;
    }
    if (o->mode == Mode::Screenshot && (o->width == 0 || o->height == 0))
    {
        *error = "--screenshot needs --size WxH";
        return false;
    }
    if (o->mode == Mode::ContactSheet && o->sizes.empty())
        o->sizes.emplace_back(800, 480);
    return true;
}
} // namespace kiosk::app
