// File-name traps (file_name_checks.h).
//
// Index
//   1. Name helpers and GuessStrayFile
//   2. Folder listing, case variants, stray variants
//   3. CheckStrayContentFiles
//   4. Picture formats against their names
#include "core/content/file_name_checks.h"

#include "core/content/content_paths.h"
#include "core/content/json_fields.h"

#include <algorithm>
#include <cstdio>
#include <dirent.h>
#include <set>

namespace kiosk::core
{
// --- 1. Name helpers and GuessStrayFile -----------------------------------------------------------

namespace
{
std::string Lower(std::string s)
{
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return s;
}

bool EndsWith(const std::string& s, const std::string& tail)
{
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool AllDigits(const std::string& s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "pump (2)" -> "pump"; unchanged when the stem has no " (N)" at its end.
std::string WithoutCopyNumber(const std::string& stem)
{
    const size_t open = stem.rfind(" (");
    if (open == std::string::npos || stem.back() != ')' || !AllDigits(stem.substr(open + 2, stem.size() - open - 3)))
        return stem;
    return stem.substr(0, open);
}
} // namespace

std::optional<StrayGuess> GuessStrayFile(const std::string& name)
{
    if (name.size() > 2 && name.compare(0, 2, "._") == 0)
        return StrayGuess{name.substr(2), "a hidden file macOS makes when it copies to a USB stick or a shared drive",
                          true};
    const size_t dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0)
        return std::nullopt;
    const std::string stem = name.substr(0, dot);
    const std::string ext = name.substr(dot);
    const std::string lower_ext = Lower(ext);
    // "kiosk.json.txt": Windows hides known extensions, so Notepad's "Save as kiosk.json" can add ".txt".
    const size_t inner = stem.rfind('.');
    if (lower_ext == ".txt" && inner != std::string::npos && inner > 0)
        return StrayGuess{stem, "saved with an extra \".txt\" (Windows hides extensions, so the name shown was \"" +
                                    stem + "\")"};
    // "kiosk.json.json": the extension typed while the editor added it too.
    if (inner != std::string::npos && inner > 0 && Lower(stem.substr(inner)) == lower_ext)
        return StrayGuess{stem, "with \"" + ext + "\" twice in its name"};
    // Copies: "engineer - Copy.json", "engineer - Copy (2).json" (Windows Explorer), "engineer copy.json",
    // "engineer copy 2.json" (macOS Finder), "engineer (1).json" (a second download), "Copy of engineer.json".
    std::string base = WithoutCopyNumber(stem);
    if (EndsWith(base, " - Copy"))
        return StrayGuess{base.substr(0, base.size() - 7) + ext, "copied by Windows Explorer"};
    const size_t copy = base.rfind(" copy");
    if (copy != std::string::npos && copy > 0 &&
        (copy + 5 == base.size() || (base[copy + 5] == ' ' && AllDigits(base.substr(copy + 6)))))
        return StrayGuess{base.substr(0, copy) + ext, "copied by the macOS Finder"};
    if (base != stem)
        return StrayGuess{base + ext,
                          "a second copy or download (\"" + stem.substr(base.size() + 1) + "\" was added to its name)"};
    if (stem.compare(0, 8, "Copy of ") == 0 && stem.size() > 8)
        return StrayGuess{stem.substr(8) + ext, "a copy (\"Copy of\" was added to its name)"};
    // "engineer.JSON": only a lowercase ".json" is read.
    if (lower_ext == ".json" && ext != lower_ext)
        return StrayGuess{stem + lower_ext, "with its extension in capitals"};
    return std::nullopt;
}

// --- 2. Folder listing, case variants, stray variants ----------------------------------------------

std::vector<std::string> ListFolder(const std::string& absolute_folder)
{
    std::vector<std::string> names;
    if (DIR* dir = opendir(absolute_folder.c_str()))
    {
        while (dirent* entry = readdir(dir))
        {
            const std::string name = entry->d_name;
            if (name != "." && name != "..")
                names.push_back(name);
        }
        closedir(dir);
    }
    std::sort(names.begin(), names.end());
    return names;
}

std::string FindCaseVariant(const std::string& root, const std::string& relative)
{
    std::string found;
    size_t start = 0;
    while (start < relative.size())
    {
        size_t end = relative.find('/', start);
        if (end == std::string::npos)
            end = relative.size();
        const std::string part = relative.substr(start, end - start);
        const std::vector<std::string> names = ListFolder(JoinContentPath(root, found));
        std::string match;
        if (std::find(names.begin(), names.end(), part) != names.end())
            match = part;
        else
            for (const std::string& name : names)
                if (Lower(name) == Lower(part))
                {
                    match = name;
                    break;
                }
        if (match.empty())
            return {};
        found += (found.empty() ? "" : "/") + match;
        start = end + 1;
    }
    if (found == relative || !FileExists(JoinContentPath(root, found)))
        return {};
    return found;
}

std::string FindStrayVariant(const std::string& root, const std::string& relative)
{
    const size_t slash = relative.rfind('/');
    const std::string folder = slash == std::string::npos ? "" : relative.substr(0, slash + 1);
    const std::string base = relative.substr(folder.size());
    for (const std::string& name : ListFolder(JoinContentPath(root, folder)))
    {
        const std::optional<StrayGuess> guess = GuessStrayFile(name);
        if (guess && !guess->junk && Lower(guess->intended) == Lower(base) &&
            FileExists(JoinContentPath(root, folder + name)))
            return folder + name;
    }
    return {};
}

// --- 3. CheckStrayContentFiles ----------------------------------------------------------------------

std::map<std::string, std::string>
CheckStrayContentFiles(const std::string& root, const std::vector<std::string>& known_files, DiagnosticList& diags)
{
    std::map<std::string, std::string> stand_ins;
    auto scan = [&](const std::string& folder, bool top)
    {
        const std::vector<std::string> names = ListFolder(JoinContentPath(root, folder));
        const std::set<std::string> present(names.begin(), names.end());
        for (const std::string& name : names)
        {
            const std::string relative = folder + name;
            if (!FileExists(JoinContentPath(root, relative)))
                continue; // folders
            std::optional<StrayGuess> guess = GuessStrayFile(name);
            const bool known = std::find(known_files.begin(), known_files.end(), name) != known_files.end();
            if (!guess && top && !known && EndsWith(name, ".json"))
            {
                // A misspelt file name ("photo.json") is read as the file it was meant to be.
                for (const std::string& k : known_files)
                    if (EditDistance(name, k) <= 2)
                        guess = StrayGuess{k, "with its name misspelt"};
                if (!guess)
                {
                    std::string list;
                    for (const std::string& k : known_files)
                        list += (list.empty() ? "" : ", ") + k;
                    diags.Warning({relative, 0, 0}, "the kiosk does not read this file: the files it reads here are " +
                                                        list + ", and roles go in roles/");
                    continue;
                }
            }
            if (!guess)
                continue;
            if (guess->junk)
            {
                diags.Warning({relative, 0, 0}, "this is " + guess->what + ": the kiosk ignores it; you may delete it");
                continue;
            }
            const bool wanted =
                top ? std::find(known_files.begin(), known_files.end(), guess->intended) != known_files.end()
                    : EndsWith(guess->intended, ".json");
            if (!wanted)
                continue;
            const std::string intended = folder + guess->intended;
            if (present.count(guess->intended) || stand_ins.count(intended))
                diags.Warning({relative, 0, 0}, "this looks like " + intended + ", " + guess->what +
                                                    ", and that file is here: the kiosk ignores this one; delete it "
                                                    "or move it out of the content folder");
            else
            {
                diags.Error({relative, 0, 0}, "this looks like " + intended + ", " + guess->what + ": rename it to " +
                                                  guess->intended +
                                                  " (the kiosk reads only that name; it is checked as if renamed)");
                stand_ins[intended] = relative;
            }
        }
    };
    scan("", true);
    scan("roles/", false);
    return stand_ins;
}

// --- 4. Picture formats against their names ---------------------------------------------------------

std::string ImageNameMismatch(const std::string& relative, ImageFormat format)
{
    const char* proper = format == ImageFormat::Png    ? ".png"
                         : format == ImageFormat::Jpeg ? ".jpg"
                         : format == ImageFormat::Svg  ? ".svg"
                                                       : nullptr;
    if (!proper)
        return {};
    const size_t slash = relative.rfind('/');
    const size_t dot = relative.rfind('.');
    const bool has_ext = dot != std::string::npos && (slash == std::string::npos || dot > slash);
    const std::string ext = has_ext ? Lower(relative.substr(dot)) : "";
    const ImageFormat named = ext == ".png"                                        ? ImageFormat::Png
                              : (ext == ".jpg" || ext == ".jpeg" || ext == ".jpe") ? ImageFormat::Jpeg
                              : ext == ".svg"                                      ? ImageFormat::Svg
                                                                                   : ImageFormat::Unknown;
    if (named == format)
        return {};
    const std::string stem = has_ext ? relative.substr(0, dot) : relative;
    return std::string("is a ") + ImageFormatName(format) + " file, though its name " +
           (has_ext ? "ends in '" + relative.substr(dot) + "'" : std::string("has no extension")) +
           ": it shows, but other programs may refuse it; rename it to " + stem + proper + " (and change the path)";
}

std::string OtherImageFormat(const std::string& absolute_path)
{
    unsigned char b[16] = {};
    FILE* f = std::fopen(absolute_path.c_str(), "rb");
    if (!f)
        return {};
    const size_t n = std::fread(b, 1, sizeof(b), f);
    std::fclose(f);
    auto is = [&](size_t at, const char* text)
    {
        const std::string t = text;
        return n >= at + t.size() && std::equal(t.begin(), t.end(), b + at);
    };
    if (is(0, "GIF87a") || is(0, "GIF89a"))
        return "a GIF image";
    if (is(0, "RIFF") && is(8, "WEBP"))
        return "a WebP image";
    if (is(4, "ftyp"))
    {
        if (is(8, "avif") || is(8, "avis"))
            return "an AVIF image";
        if (is(8, "heic") || is(8, "heix") || is(8, "mif1") || is(8, "hevc") || is(8, "heim") || is(8, "heis"))
            return "a HEIC photo (the format iPhones save)";
    }
    if (is(0, "BM"))
        return "a BMP image";
    if (is(0, "II*") || (n >= 4 && b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == '*'))
        return "a TIFF image";
    if (is(0, "%PDF"))
        return "a PDF document";
    if (n >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4)
        return "a ZIP file (perhaps a Word or PowerPoint document)";
    return {};
}
} // namespace kiosk::core
