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

// The interface string keys the app uses; each must exist in strings.json with English.
const std::vector<std::string>& RequiredStringKeys();
// Every visible text of the pack in one string, for building the font atlas's glyph set.
std::string CollectAllText(const ContentPack& pack);
} // namespace kiosk::core
