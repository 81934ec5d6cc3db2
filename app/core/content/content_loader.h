// Loading and validating a content pack.
//
// LoadContentPack() reads every file of the pack, reports every problem at once (never just the
// first), and builds a ContentPack only when there are no errors. It touches no global state
// and is safe to call on any thread; the app calls it again to reload, keeping the old pack on
// screen until a new one validates.
#pragma once
#include "core/content/content_checker.h"
#include "core/content/content_model.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::core
{
class FileCache;

struct ContentLoadResult
{
    std::shared_ptr<const ContentPack> pack; // null when diagnostics has errors
    DiagnosticList diagnostics;              // errors and warnings, in file order
    // Every visible text read, by file (the translation report). Empty when the pack came from a
    // snapshot with the warning checks deferred: later_checks decodes them.
    TextRecords texts;
    // Set only when the options deferred the checks that can only warn and a pack was built: runs
    // them and returns their warnings, the ones a full load would have put in pack->warnings too.
    // It holds the pack and a copy of the texts (from a snapshot: the snapshot's texts, decoded
    // when it runs), so it can run on any thread, once, at any time.
    std::function<DiagnosticList()> later_checks;
    bool from_snapshot = false; // read back from ContentLoadOptions::snapshots, not from the files
};

struct ContentLoadOptions
{
    // Languages every text must have, on top of kiosk.json's "required_languages"
    // (`--validate DIR --require-language cy`): a text without one is an error, not a warning.
    std::vector<std::string> require_languages;
    // The kiosk's start (issue 13): the checks that can only warn (the plain-words and guide text
    // rules, probing each image's header, the quiz's balance warnings) are left for
    // ContentLoadResult::later_checks, to run once the first frame is up. Every check that can
    // find an error still runs here, so no pack is taken into use before it is known to be good.
    bool defer_warning_checks = false;
    // Packs kept between starts (content_snapshot.h; the kiosk's start, issue 13): with the warning
    // checks deferred, a pack that loads without errors is written here, and a later load with the
    // same program, options and files reads it back instead of parsing and checking them again,
    // with the same result. Null, an empty program_id or checks not deferred: always from the files.
    FileCache* snapshots = nullptr;
    std::string program_id; // tells builds apart: a snapshot from another build is never read
};

ContentLoadResult LoadContentPack(const std::string& folder);
ContentLoadResult LoadContentPack(const std::string& folder, const ContentLoadOptions& options);

// Every visible text of the pack, in every language, in one string: the font atlas bakes a
// glyph for each of its characters (ui/fonts.h). Anything a screen draws from the pack must be
// collected here, or a character only it uses draws as '?'.
std::string CollectPackText(const ContentPack& pack);
} // namespace kiosk::core
