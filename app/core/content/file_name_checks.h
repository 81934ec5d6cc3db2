// File-name traps: the mistakes a content editor makes with names rather than with JSON.
//
//   - a picture named with other capitals than on disk (photo.JPG on disk, photo.jpg in the
//     JSON): it opens on Windows and macOS, which ignore case, and is missing on the kiosk;
//   - stray files beside the real ones: "roles.json.txt" (Windows hid the extension and Notepad
//     added .txt), "engineer - Copy.json" (Explorer), "engineer copy.json" (Finder),
//     "engineer (1).json" (a second download), "._engineer.json" (macOS, copying to a USB
//     stick), "photo.json" for "photos.json" (a typo);
//   - a picture whose bytes are another format than its name says (a PNG named .jpg; an
//     iPhone's HEIC photo renamed .jpg).
// Each gets its own message saying what the file probably is, so the real problem is not
// drowned in the errors that follow from it (a role "missing" because its file is misnamed).
#pragma once
#include "core/content/diagnostics.h"
#include "core/images/image_decode.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::core
{
// What a file name probably is: `intended` is the name it stands for ("engineer.json"), `what`
// says how it came about, for the message. `junk` is set for files that are never content
// (macOS "._" files), which are ignored with a warning whatever their name.
struct StrayGuess
{
    std::string intended;
    std::string what;
    bool junk = false;
};

// Guesses from the name alone (no folder); nullopt for an ordinary name.
std::optional<StrayGuess> GuessStrayFile(const std::string& name);

// The names in a folder (no "." or ".."), sorted; empty when it cannot be read.
std::vector<std::string> ListFolder(const std::string& absolute_folder);

// For a content-relative path that does not exist: the existing path that differs from it only
// in capitals ("photos/photo.JPG" for "photos/photo.jpg"), or "" when there is none.
std::string FindCaseVariant(const std::string& root, const std::string& relative);

// For a content-relative path that does not exist: an existing file in the same folder that is
// probably it under a stray name ("photos/pump (1).jpg" for "photos/pump.jpg"), or "".
std::string FindStrayVariant(const std::string& root, const std::string& relative);

// Checks the content folder and roles/ for stray files (see above). Reports each one and
// returns, for each stray file standing in for a missing one, intended -> stray content-relative
// path ("roles/engineer.json" -> "roles/engineer.json.txt"): the loader reads the stray file in
// its place, so its contents are still checked and nothing that refers to it is reported again.
// `known_files` are the file names the content folder's top level may hold.
std::map<std::string, std::string>
CheckStrayContentFiles(const std::string& root, const std::vector<std::string>& known_files, DiagnosticList& diags);

// A warning's text when a picture's bytes are not the format its name says ("is a PNG file,
// though its name ends in '.jpg'..."), or "" when they agree.
std::string ImageNameMismatch(const std::string& relative, ImageFormat format);

// What a file that is not a PNG, JPEG or SVG is, from its first bytes ("a HEIC photo (the
// format iPhones save)", "a WebP image", ...), or "" when it is none of the common ones.
std::string OtherImageFormat(const std::string& absolute_path);
} // namespace kiosk::core
