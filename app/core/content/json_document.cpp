// JsonDocument: limits, then nlohmann parse, then a location scan of the accepted bytes.
//
// Index
//   1. Pre-parse limits (size, depth) and line/column arithmetic
//   2. Location scanner (valid JSON only) with duplicate-key detection
//   3. JsonDocument::Load / Parse / Where
#include "core/content/json_document.h"

#include "core/content/json_diagnosis.h"

#include <fstream>
#include <sstream>
#include <unordered_set>

namespace kiosk::core
{
// --- 1. Pre-parse limits ----------------------------------------------------------------

static std::pair<int, int> LineColumnAt(const std::string& text, size_t offset)
{
    return JsonLineColumn(text, offset);
}

// Finds the first place nesting exceeds `max_depth`, ignoring brackets inside strings.
// Returns std::string::npos when the depth is within the limit.
static size_t FindTooDeep(const std::string& text, int max_depth)
{
    int depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < text.size(); i++)
    {
        const char c = text[i];
        if (in_string)
        {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{')
        {
            if (++depth > max_depth)
                return i;
        }
        else if (c == ']' || c == '}')
            depth--;
    }
    return std::string::npos;
}

// --- 2. Location scanner ------------------------------------------------------------------
// Runs only on text nlohmann accepted, so it can trust the grammar and stay small.
namespace
{
struct LocationScanner
{
    const std::string& text;
    std::unordered_map<std::string, std::pair<int, int>>& value_pos;
    std::unordered_map<std::string, std::pair<int, int>>& key_pos;
    DiagnosticList& diags;
    const std::string& display_path;
    size_t i = 0;
    int line = 1;
    int column = 1;

    void Advance()
    {
        const unsigned char c = (unsigned char)text[i++];
        if (c == '\n')
        {
            line++;
            column = 1;
        }
        else if ((c & 0xC0) != 0x80)
            column++;
    }
    void SkipSpace()
    {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            Advance();
    }
    // Returns the raw (still escaped) contents of a string; escapes matter only for keys,
    // which nlohmann has already decoded, so we decode the common escapes for pointer keys.
    std::string ScanString()
    {
        std::string out;
        Advance(); // opening quote
        while (i < text.size() && text[i] != '"')
        {
            if (text[i] == '\\')
            {
                Advance();
                const char e = text[i];
                switch (e)
                {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'u':
                    out += "\\u";
                    break; // keys with \u escapes keep a stable, unique form
                default:
                    out += e;
                    break;
                }
                Advance();
                continue;
            }
            out += text[i];
            Advance();
        }
        Advance(); // closing quote
        return out;
    }
    // A string value: only its end matters (most of a pack's bytes are its texts, so building a
    // copy of each here cost more than nlohmann's whole parse).
    void SkipString()
    {
        Advance(); // opening quote
        while (i < text.size() && text[i] != '"')
        {
            if (text[i] == '\\')
                Advance();
            Advance();
        }
        Advance(); // closing quote
    }
    void ScanValue(const std::string& pointer)
    {
        SkipSpace();
        value_pos[pointer] = {line, column};
        if (i >= text.size())
            return;
        const char c = text[i];
        if (c == '{')
        {
            Advance();
            std::unordered_set<std::string> seen;
            SkipSpace();
            if (text[i] == '}')
            {
                Advance();
                return;
            }
            while (i < text.size())
            {
                SkipSpace();
                const int key_line = line, key_column = column;
                const std::string key = ScanString();
                const std::string child = JsonPointerAppend(pointer, key);
                if (!seen.insert(key).second)
                    diags.Error({display_path, key_line, key_column},
                                "duplicate key '" + key + "' (the earlier value would be lost)");
                key_pos[child] = {key_line, key_column};
                SkipSpace();
                Advance(); // ':'
                ScanValue(child);
                SkipSpace();
                if (text[i] == ',')
                {
                    Advance();
                    continue;
                }
                Advance(); // '}'
                return;
            }
        }
        else if (c == '[')
        {
            Advance();
            SkipSpace();
            if (text[i] == ']')
            {
                Advance();
                return;
            }
            for (size_t index = 0; i < text.size(); index++)
            {
                ScanValue(JsonPointerAppend(pointer, index));
                SkipSpace();
                if (text[i] == ',')
                {
                    Advance();
                    continue;
                }
                Advance(); // ']'
                return;
            }
        }
        else if (c == '"')
            SkipString();
        else
            while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != ' ' &&
                   text[i] != '\n' && text[i] != '\r' && text[i] != '\t')
                Advance();
    }
};
} // namespace

std::string JsonPointerAppend(const std::string& pointer, const std::string& token)
{
    std::string out = pointer + "/";
    for (char c : token)
    {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string JsonPointerAppend(const std::string& pointer, size_t index)
{
    return pointer + "/" + std::to_string(index);
}

// --- 3. JsonDocument ----------------------------------------------------------------------

JsonDocument JsonDocument::Load(const std::string& absolute_path, const std::string& display_path,
                                DiagnosticList& diags, const JsonLimits& limits)
{
    JsonDocument doc;
    doc.m_display_path = display_path;
    std::ifstream in(absolute_path, std::ios::binary);
    if (!in)
    {
        diags.Error({display_path, 0, 0}, "cannot open file");
        return doc;
    }
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size < 0)
    {
        diags.Error({display_path, 0, 0}, "cannot read file");
        return doc;
    }
    if ((size_t)size > limits.max_file_bytes)
    {
        diags.Error({display_path, 0, 0}, "file is " + std::to_string(size) + " bytes, more than the limit of " +
                                              std::to_string(limits.max_file_bytes) + " bytes");
        return doc;
    }
    in.seekg(0, std::ios::beg);
    std::string bytes((size_t)size, '\0');
    if (size > 0 && !in.read(&bytes[0], size))
    {
        diags.Error({display_path, 0, 0}, "cannot read file");
        return doc;
    }
    return Parse(bytes, display_path, diags, limits);
}

JsonDocument JsonDocument::Parse(const std::string& bytes, const std::string& display_path, DiagnosticList& diags,
                                 const JsonLimits& limits)
{
    JsonDocument doc;
    doc.m_display_path = display_path;
    if (bytes.size() > limits.max_file_bytes)
    {
        diags.Error({display_path, 0, 0}, "file is " + std::to_string(bytes.size()) +
                                              " bytes, more than the limit of " +
                                              std::to_string(limits.max_file_bytes) + " bytes");
        return doc;
    }
    if (bytes.size() >= 3 && (unsigned char)bytes[0] == 0xEF && (unsigned char)bytes[1] == 0xBB &&
        (unsigned char)bytes[2] == 0xBF)
    {
        diags.Error({display_path, 1, 1}, "file starts with a byte order mark; save it as UTF-8 without BOM");
        return doc;
    }
    // Notepad's "Unicode" is UTF-16: every other byte is a NUL.
    if (bytes.size() >= 2 && (((unsigned char)bytes[0] == 0xFF && (unsigned char)bytes[1] == 0xFE) ||
                              ((unsigned char)bytes[0] == 0xFE && (unsigned char)bytes[1] == 0xFF)))
    {
        diags.Error({display_path, 1, 1}, "the file is saved as UTF-16 (\"Unicode\"); save it as UTF-8");
        return doc;
    }
    // nlohmann treats a NUL byte as the end of input and would accept "123\0garbage".
    const size_t nul = bytes.find('\0');
    if (nul != std::string::npos)
    {
        const auto [line, column] = LineColumnAt(bytes, nul);
        diags.Error({display_path, line, column}, "file contains a NUL byte; it is not a text file");
        return doc;
    }
    const size_t too_deep = FindTooDeep(bytes, limits.max_depth);
    if (too_deep != std::string::npos)
    {
        const auto [line, column] = LineColumnAt(bytes, too_deep);
        diags.Error({display_path, line, column},
                    "nesting is deeper than " + std::to_string(limits.max_depth) + " levels");
        return doc;
    }
    try
    {
        doc.m_root = nlohmann::json::parse(bytes);
    }
    catch (const nlohmann::json::parse_error& e)
    {
        // e.byte is 1-based and points just past the offending character.
        const size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        // The mistakes editors make, named in plain words; otherwise the parser's own words.
        const JsonSyntaxDiagnosis plain = DiagnoseJsonSyntax(bytes, offset);
        const size_t at = plain.found ? plain.offset : offset;
        const auto [line, column] = LineColumnAt(bytes, at);
        std::string what = e.what();
        // nlohmann's text is "[json.exception.parse_error.101] parse error at line 1, column 2: syntax
        // error while parsing value - invalid literal; last read: 'x'": keep the part after the position.
        const size_t colon = what.find(": ", what.find("column"));
        if (colon != std::string::npos)
            what = what.substr(colon + 2);
        diags.Error({display_path, line, column}, plain.found ? plain.message : "invalid JSON: " + what);
        diags.items.back().excerpt = SourceExcerpt(bytes, at);
        return doc;
    }
    catch (const nlohmann::json::exception& e)
    {
        diags.Error({display_path, 1, 1}, std::string("invalid JSON: ") + e.what());
        return doc;
    }
    const int errors_before = diags.ErrorCount();
    LocationScanner scanner{bytes, doc.m_value_pos, doc.m_key_pos, diags, display_path};
    scanner.ScanValue("");
    doc.m_ok = diags.ErrorCount() == errors_before;
    return doc;
}

SourceLocation JsonDocument::Where(const std::string& pointer) const
{
    std::string p = pointer;
    while (true)
    {
        auto it = m_value_pos.find(p);
        if (it != m_value_pos.end())
            return {m_display_path, it->second.first, it->second.second};
        if (p.empty())
            return {m_display_path, 1, 1};
        p = p.substr(0, p.rfind('/'));
    }
}

SourceLocation JsonDocument::WhereKey(const std::string& pointer) const
{
    auto it = m_key_pos.find(pointer);
    if (it != m_key_pos.end())
        return {m_display_path, it->second.first, it->second.second};
    return Where(pointer);
}
} // namespace kiosk::core
