#include "shell/command_line.h"

#include "core/visit/screen_name.h"

#include <cstdlib>

namespace kiosk::app
{
const char* UsageText()
{
    return "usage:\n"
           "  careers-kiosk [--kiosk] [--content DIR] [--windowed] [--size WxH] [--stats DB] [--show-cursor]\n"
           "      run the kiosk (fullscreen unless --windowed or --size). Without --kiosk, Escape quits;\n"
           "      with --kiosk (locked, for a dedicated machine) it needs an admin PIN in kiosk.json and the\n"
           "      admin panel (3-second press in the top-left corner) is the only way out\n"
           "  careers-kiosk --validate DIR [--require-language CODE]... [--translation-report]\n"
           "      check a content pack; prints FILE:LINE:COLUMN: error|warning: message; exit 1 on errors.\n"
           "      --require-language cy makes a missing Welsh text an error; --translation-report prints,\n"
           "      per file and language, the texts present, missing and the same as English\n"
           "  careers-kiosk --screenshot OUT.png --size WxH [--screen SCREEN] [--content DIR]\n"
           "                [--language CODE] [--glossary TERM]\n"
           "      render one screen to a PNG (starts its own Xvfb when there is no display)\n"
           "      SCREEN is home, role:ID, gallery:N, pathway or fault; --glossary opens a term's card\n"
           "  careers-kiosk hash-pin\n"
           "      reads a PIN (4 to 12 digits) and prints the value for kiosk.json's admin.pin_hash\n"
           "  careers-kiosk stats --help\n"
           "      usage statistics: summary, CSV export, merge\n"
           "  careers-kiosk --help | --version\n";
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

bool ParseCommandLine(const std::vector<std::string>& args, Options* o, std::string* error)
{
    if (!args.empty() && args[0] == "hash-pin")
    {
        o->mode = Mode::HashPin;
        if (args.size() > 1)
        {
            *error = "hash-pin takes no arguments: it reads the PIN from standard input";
            return false;
        }
        return true;
    }
    if (!args.empty() && args[0] == "stats")
    {
        o->mode = Mode::Stats;
        o->stats_args.assign(args.begin() + 1, args.end());
        return true;
    }
    for (size_t i = 0; i < args.size(); i++)
    {
        const std::string& a = args[i];
        auto value = [&](std::string* out)
        {
            if (i + 1 >= args.size() || args[i + 1].empty())
            {
                *error = "option " + a + " needs a value";
                return false;
            }
            *out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--help" || a == "-h")
            o->mode = Mode::Help;
        else if (a == "--version")
            o->mode = Mode::Version;
        else if (a == "--content")
        {
            if (!value(&o->content_dir))
                return false;
        }
        else if (a == "--validate")
        {
            if (!value(&o->validate_dir))
                return false;
            o->mode = Mode::Validate;
        }
        else if (a == "--screenshot")
        {
            if (!value(&o->screenshot_path))
                return false;
            o->mode = Mode::Screenshot;
        }
        else if (a == "--screen")
        {
            if (!value(&o->screen))
                return false;
            core::ScreenName name;
            std::string why;
            if (!core::ParseScreenName(o->screen, &name, &why))
            {
                *error = "--screen " + why;
                return false;
            }
        }
        else if (a == "--size")
        {
            if (!value(&v))
                return false;
            if (!ParseSize(v, &o->width, &o->height))
            {
                *error = "--size '" + v + "' must look like 1920x1080 (each side 320 to 8192 pixels)";
                return false;
            }
        }
        else if (a == "--require-language")
        {
            if (!value(&v))
                return false;
            o->require_languages.push_back(v);
        }
        else if (a == "--translation-report")
            o->translation_report = true;
        else if (a == "--language")
        {
            if (!value(&o->screenshot_language))
                return false;
        }
        else if (a == "--glossary")
        {
            if (!value(&o->screenshot_glossary))
                return false;
        }
        else if (a == "--kiosk")
            o->locked = true;
        else if (a == "--windowed")
            o->windowed = true;
        else if (a == "--show-cursor")
            o->show_cursor = true;
        else if (a == "--stats")
        {
            if (!value(&o->stats_db))
                return false;
        }
        else if (a == "--bench-frames")
        {
            if (!value(&v))
                return false;
            o->bench_frames = std::atoi(v.c_str());
            if (o->bench_frames < 1 || o->bench_frames > 100000)
            {
                *error = "--bench-frames '" + v + "' must be a whole number from 1 to 100000";
                return false;
            }
        }
        else if (a == "--idle-timeout")
        {
            if (!value(&v))
                return false;
            char* end = nullptr;
            o->idle_timeout_override_s = std::strtod(v.c_str(), &end);
            if (*end != '\0' || !(o->idle_timeout_override_s >= 1 && o->idle_timeout_override_s <= 3600))
            {
                *error = "--idle-timeout '" + v + "' must be a number of seconds from 1 to 3600";
                return false;
            }
        }
        else
        {
            *error = "unknown argument '" + a + "'";
            return false;
        }
    }
    if (o->mode == Mode::Screenshot && (o->width == 0 || o->height == 0))
    {
        *error = "--screenshot needs --size WxH";
        return false;
    }
    return true;
}
} // namespace kiosk::app
