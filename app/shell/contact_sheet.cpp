// careers-kiosk contact-sheet OUT_DIR: every screen of a pack, in every language and variant, at
// each size, drawn by one process (one window per size: starting the kiosk costs seconds on a
// small machine, a shot a fraction of one), with an index.html, the validator's messages and the
// translation report beside the pictures.
#include "shell/contact_sheet.h"

#include "core/cli/contact_sheet.h"
#include "core/content/content_checker.h"
#include "core/content/content_loader.h"
#include "platform/headless_display.h"
#include "shell/screenshot.h"
#include "ui/screens/attract_screen.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace kiosk::app
{
namespace
{
namespace fs = std::filesystem;

struct Variant
{
    const char* folder;
    const char* label;
    bool large_text;
    bool high_contrast;
};
constexpr Variant kVariants[] = {
    {"normal", "normal", false, false},
    {"large-text", "large text", true, false},
    {"high-contrast", "high contrast", false, true},
};

bool WriteText(const fs::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary);
    out << text;
    return static_cast<bool>(out);
}

// The validator's messages and the translation report, as `--validate DIR --translation-report`
// prints them. Returns the pack's language codes (none when it did not load).
std::vector<std::string> WriteReports(const Options& o, core::ContactSheetPage* page)
{
    const core::ContentLoadResult result = core::LoadContentPack(o.content_dir);
    std::vector<std::string> languages;
    if (result.pack)
        for (const core::Language& l : result.pack->settings.languages)
            languages.push_back(l.code);
    const std::string diagnostics = core::FormatDiagnostics(result.diagnostics);
    WriteText(fs::path(o.contact_sheet_dir) / "validation.txt",
              diagnostics.empty() ? std::string("No errors or warnings.\n") : diagnostics);
    WriteText(
        fs::path(o.contact_sheet_dir) / "translation-report.txt",
        core::FormatTranslationReport(result.texts, languages.empty() ? std::vector<std::string>{"cy"} : languages));
    page->notes.push_back("<a href=\"validation.txt\">The validator's messages</a> (" +
                          std::to_string(result.diagnostics.ErrorCount()) + " errors, " +
                          std::to_string(result.diagnostics.WarningCount()) +
                          " warnings) and <a href=\"translation-report.txt\">the translation report</a>.");
    if (result.pack)
        page->title = result.pack->settings.event.name.Get(languages.empty() ? "en" : languages[0]);
    return languages;
}

// Every shot at one size, into OUT_DIR/WxH/VARIANT/LANGUAGE/. Returns false when the app could
// not start (then nothing at this size was drawn).
bool RenderSize(const Options& o, int w, int h, const std::vector<std::string>& languages,
                platform::HeadlessDisplay* headless, int max_w, int max_h, core::ContactSheetPage* page, int* shots)
{
    KioskApp app;
    app.options = o;
    app.options.width = w;
    app.options.height = h;
    if (StartPreviewApp(app, headless, max_w, max_h) >= 0)
        return false;
    const std::string size = std::to_string(w) + "x" + std::to_string(h);
    std::vector<core::ContactSheetScreen> screens;
    if (app.pack)
    {
        const int slides = static_cast<int>(ui::AttractSlides(*app.pack).size());
        for (const core::ContactSheetScreen& s : core::ContactSheetScreens(*app.pack, slides))
            if (core::ScreenChosen(s.name, o.screens))
                screens.push_back(s);
    }
    else
    {
        screens.push_back({"fault", "The fault screen (the content has errors)", false, true, false});
        const std::string note = "<strong>The content has errors, so the kiosk would show only the staff fault "
                                 "screen</strong>: fix what validation.txt lists, then draw the sheet again.";
        if (std::find(page->notes.begin(), page->notes.end(), note) == page->notes.end())
            page->notes.push_back(note);
    }
    for (const Variant& variant : kVariants)
    {
        for (size_t li = 0; li < std::max<size_t>(languages.size(), 1); li++)
            for (const core::ContactSheetScreen& screen : screens)
            {
                if ((!screen.per_language && li > 0) ||
                    (!screen.variants && (variant.large_text || variant.high_contrast)))
                    continue;
                PreviewShot shot;
                shot.screen = screen.name;
                shot.language = screen.per_language && li < languages.size() ? languages[li] : std::string();
                shot.large_text = variant.large_text;
                shot.high_contrast = variant.high_contrast;
                shot.full_page = screen.full_page;
                const std::string language_folder = shot.language.empty() ? "all" : shot.language;
                const fs::path rel =
                    fs::path(size) / variant.folder / language_folder / core::ContactSheetFileName(screen.name);
                core::ContactSheetImage image{rel.generic_string(), screen.name, screen.group, size, variant.label,
                                              shot.language,        ""};
                std::error_code ec;
                fs::create_directories(fs::path(o.contact_sheet_dir) / rel.parent_path(), ec);
                std::string error;
                RgbaImage rgba;
                if (!PreparePreview(app, shot, &error))
                    image.error = error;
                else if (!CapturePreview(app, shot, &rgba))
                    image.error = "the frame could not be read back";
                else if (!WritePng((fs::path(o.contact_sheet_dir) / rel).string(), rgba))
                    image.error = "cannot write " + rel.generic_string();
                if (!image.error.empty())
                    std::fprintf(stderr, "careers-kiosk: contact sheet: %s %s: %s\n", size.c_str(), screen.name.c_str(),
                                 image.error.c_str());
                page->images.push_back(image);
                ++*shots;
            }
    }
    app.Shutdown();
    return true;
}
} // namespace

int RunContactSheet(const Options& options)
{
    const auto started = std::chrono::steady_clock::now();
    std::error_code ec;
    fs::create_directories(options.contact_sheet_dir, ec);
    if (ec || !fs::is_directory(options.contact_sheet_dir))
    {
        std::fprintf(stderr, "careers-kiosk: contact-sheet: cannot create the folder '%s'\n",
                     options.contact_sheet_dir.c_str());
        return 1;
    }
    core::ContactSheetPage page;
    page.title = "content";
    page.content_dir = options.content_dir;
    const std::vector<std::string> pack_languages = WriteReports(options, &page);
    std::vector<std::string> languages = options.languages.empty() ? pack_languages : options.languages;
    for (const std::string& code : options.languages)
        if (!pack_languages.empty() &&
            std::find(pack_languages.begin(), pack_languages.end(), code) == pack_languages.end())
        {
            std::fprintf(stderr, "careers-kiosk: contact-sheet: --languages %s: not one of the content's languages\n",
                         code.c_str());
            return 2;
        }
    int max_w = 0, max_h = 0;
    for (const auto& [w, h] : options.sizes)
    {
        max_w = std::max(max_w, w);
        max_h = std::max(max_h, h);
    }
    platform::HeadlessDisplay headless; // one private display for every size
    int shots = 0;
    for (const auto& [w, h] : options.sizes)
        if (!RenderSize(options, w, h, languages, &headless, max_w, max_h, &page, &shots))
        {
            std::fprintf(stderr, "careers-kiosk: contact-sheet: could not start the kiosk at %dx%d\n", w, h);
            return 1;
        }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    char when[96];
    std::snprintf(when, sizeof when, "%d pictures drawn in %.0f s.", shots, seconds);
    page.generated = when;
    if (!WriteText(fs::path(options.contact_sheet_dir) / "index.html", core::ContactSheetHtml(page)))
    {
        std::fprintf(stderr, "careers-kiosk: contact-sheet: cannot write index.html\n");
        return 1;
    }
    int failed = 0;
    for (const core::ContactSheetImage& image : page.images)
        failed += image.error.empty() ? 0 : 1;
    if (pack_languages.empty())
        std::printf("the content has errors: only the fault screen was drawn (see validation.txt)\n");
    std::printf("wrote %s/index.html: %d pictures (%d not drawn) in %.1f s\n", options.contact_sheet_dir.c_str(), shots,
                failed, seconds);
    return failed > 0 ? 1 : 0;
}
} // namespace kiosk::app
