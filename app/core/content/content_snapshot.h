// Content snapshots: a pack that loaded without errors, kept between starts, so the kiosk's next
// start reads it back in about a millisecond instead of parsing and checking every file again
// (issue 13: content load was the largest part of the start-up work a bare window does not do).
//
// Contract:
//   - A snapshot is read back only when its key matches whole: the program that wrote it (a
//     rebuilt or upgraded kiosk has other checks), the load's options, the content folder's real
//     path, and the identity of every entry under the folder, links followed: its path, type, size,
//     inode, and modification and change times, as git's index tells a changed file. Editing,
//     adding, removing or renaming any file, or restoring a file's old modification time, changes
//     the key. A folder that cannot be listed whole gives no key: the pack is loaded from its files.
//   - What is kept is everything the load produced (PackSnapshot), so a load from a snapshot gives
//     the same pack, diagnostics, texts and later checks as one from the files. Only the pack's
//     load_id is new.
//   - Entries are FileCache keyed entries (file_cache.h): a torn, damaged or foreign entry is
//     discarded and the pack loaded from its files. The decoder checks every length against what
//     is left, so no bytes make it read out of bounds.
#pragma once
#include "core/content/content_checker.h"
#include "core/content/content_model.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::core
{
class FileCache;

// What a load that built a pack knows, whole (content_loader.cpp fills it).
struct PackSnapshot
{
    ContentPack pack;
    DiagnosticList diagnostics; // the load's; only warnings, since a pack with errors is never built
    // For the later checks (ContentLoadOptions::defer_warning_checks): the images whose headers
    // are still to be probed, and whether the quiz's balance is to be scored.
    std::vector<std::pair<std::string, SourceLocation>> images_to_probe;
    bool score_quiz = false;
    TextRecords texts; // encoded last, so a start can leave them for the later checks
};

// A snapshot's texts, still encoded: the kiosk's start needs only the pack, and the texts (half
// of the snapshot) are decoded when the later checks run, after the first frame.
struct EncodedTexts
{
    std::shared_ptr<const std::vector<unsigned char>> entry; // null: none
    size_t at = 0;                                           // where the texts start in *entry
    bool Decode(TextRecords* out) const;                     // false when there are none or they are damaged
};

// The key described above; `options` is everything else the load depends on, as text. Empty when
// the folder cannot be listed whole (or holds more than 20,000 entries).
std::string ContentSnapshotKey(const std::string& folder, const std::string& program_id, const std::string& options);

std::vector<unsigned char> EncodePackSnapshot(const PackSnapshot& snapshot);
// False, with `out` in an unspecified state, when the bytes are not one whole encoded snapshot.
// With `texts_at`, out->texts is left empty and *texts_at is where the encoded texts start.
bool DecodePackSnapshot(const unsigned char* bytes, size_t size, PackSnapshot* out, size_t* texts_at = nullptr);

bool WriteContentSnapshot(FileCache& cache, const std::string& key, const PackSnapshot& snapshot);
// True when an entry for `key` was read and its pack decoded; an entry that fails is discarded.
// out->texts is left empty: the texts come in `texts`, still encoded.
bool ReadContentSnapshot(const FileCache& cache, const std::string& key, PackSnapshot* out, EncodedTexts* texts);
} // namespace kiosk::core
