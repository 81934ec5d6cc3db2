// The careers-kiosk command line. Parsing is pure so tests and --help share one description.
//
//   careers-kiosk [--content DIR] [--windowed] [--size WxH] [--stats DB] [--allow-no-pin]
//   careers-kiosk --validate DIR [--require-language CODE]... [--translation-report]
//   careers-kiosk --screenshot OUT.png --size WxH [--screen SCREEN] [--content DIR] [--full-page] ...
//   careers-kiosk contact-sheet OUT_DIR [--sizes WxH,...] [--content DIR] ...   every screen, one folder
//   careers-kiosk [--kiosk] ...       locked kiosk mode: needs an admin PIN; no way out but the admin panel
//   careers-kiosk stats ...          (see `careers-kiosk stats --help`)
//   careers-kiosk hash-pin           reads a PIN, prints the line for kiosk.json's admin.pin_hash
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace kiosk::app
{
enum class Mode
{
    Kiosk,
    Validate,
    Screenshot,
    WarmUp, // --warm-up: the kiosk's first screen drawn once, hidden, for the driver's shader cache
    Stats,
    HashPin,
    ContactSheet,
    Help,
    Version,
};

struct Options
{
    Mode mode = Mode::Kiosk;
    std::string content_dir; // empty: the installed or source content folder
    std::string validate_dir;
    std::string screenshot_path;
    std::string screen = "home"; // home | role:ID | gallery:N | pathway | fault
    int width = 0;               // 0: the monitor's size
    int height = 0;
    bool windowed = false;
    bool locked = false;                // --kiosk: refuse to run without a real PIN; no way out for visitors
    std::string stats_db;               // empty: the default stats location
    double idle_timeout_override_s = 0; // tests: shorter idle timeout
    bool show_cursor = false;
    int bench_frames = 0;                       // --screenshot only: draw this many frames, print CPU per frame
    std::vector<std::string> stats_args;        // after `stats`
    std::vector<std::string> require_languages; // --validate: --require-language CODE (repeatable)
    bool translation_report = false;            // --validate: --translation-report
    std::string screenshot_language;            // --screenshot: --language CODE (default: the pack's first)
    std::string screenshot_glossary;            // --screenshot: --glossary TERM opens its definition card
    bool large_text = false;                    // --screenshot: --large-text (the visitor's "Larger text")
    bool high_contrast = false;                 // --screenshot: --high-contrast
    bool full_page = false;                     // --screenshot: --full-page, a scrolling screen whole
    double still_timeout_s = 15.0;              // --screenshot: --still-timeout, the longest wait for a still screen
    std::string contact_sheet_dir;              // contact-sheet OUT_DIR
    std::vector<std::pair<int, int>> sizes;     // contact-sheet --sizes (default: 800x480)
    std::vector<std::string> languages;         // contact-sheet --languages (default: every one the pack has)
    std::vector<std::string> screens;           // contact-sheet --screens (default: all; "role" means every role:ID)
};

// Returns true on success; on failure `error` is one clear sentence naming the bad argument.
bool ParseCommandLine(const std::vector<std::string>& args, Options* options, std::string* error);
const char* UsageText();
} // namespace kiosk::app
