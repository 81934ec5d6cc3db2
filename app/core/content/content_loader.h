// Loading and validating a content pack.
//
// LoadContentPack() reads every file of the pack, reports every problem at once (never just the
// first), and builds a ContentPack only when there are no errors. It touches no global state
// and is safe to call on any thread; the app calls it again to reload, keeping the old pack on
// screen until a new one validates.
#pragma once
#include "core/content/content_checker.h"
#include "core/content/content_model.h"

#include <memory>
#include <string>
#include <vector>

namespace kiosk::core
{
struct ContentLoadResult
{
    std::shared_ptr<const ContentPack> pack; // null when diagnostics has errors
    DiagnosticList diagnostics;              // errors and warnings, in file order
    TextRecords texts;                       // every visible text read, by file (the translation report)
};

struct ContentLoadOptions
{
    // Languages every text must have, on top of kiosk.json's "required_languages"
    // (`--validate DIR --require-language cy`): a text without one is an error, not a warning.
    std::vector<std::string> require_languages;
};

ContentLoadResult LoadContentPack(const std::string& folder);
ContentLoadResult LoadContentPack(const std::string& folder, const ContentLoadOptions& options);

// Every visible text of the pack, in every language, in one string: the font atlas bakes a
// glyph for each of its characters (ui/fonts.h). Anything a screen draws from the pack must be
// collected here, or a character only it uses draws as '?'.
std::string CollectPackText(const ContentPack& pack);
} // namespace kiosk::core
