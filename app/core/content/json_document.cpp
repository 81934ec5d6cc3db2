// JsonDocument: limits, then nlohmann parse, then a location scan of the accepted bytes.
//
// Index
//   1. Pre-parse limits (size, depth) and line/column arithmetic
//   2. Location scanner (valid JSON only) with duplicate-key detection
//   3. JsonDocument::Load / Parse / Where
#include "core/content/json_document.h"

#include "core/content/json_diagnosis.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string_view>
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

// Runs only on text nlohmann accepted, so it can trust the grammar and stay small. It records byte
// offsets only; lines and columns are worked out when a diagnostic asks (JsonDocument::At).
namespace
{
struct LocationScanner
{
    using Location = JsonDocument::Location;

    const std::string& text;
    std::vector<Location>& locations;
    std::vector<uint32_t>& children;
    std::string& keys; // reserved to the text's size by the caller, so the views below stay valid
    DiagnosticList& diags;
    const std::string& display_path;
    size_t i = 0;
    std::vector<uint32_t> pending; // children of the containers being scanned, innermost last
    // Per depth, the keys of the object being scanned there once it has more than kLinearKeys:
    // duplicates among fewer are found by comparing, so most objects allocate nothing, and a file
    // with one huge object costs linear time, not quadratic.
    std::vector<std::unordered_set<std::string_view>> seen_by_depth;
    static constexpr uint32_t kLinearKeys = 16;

    LocationScanner(const std::string& text_, std::vector<Location>& locations_, std::vector<uint32_t>& children_,
                    std::string& keys_, DiagnosticList& diags_, const std::string& display_path_)
        : text(text_), locations(locations_), children(children_), keys(keys_), diags(diags_),
          display_path(display_path_)
    {
    }

    void SkipSpace()
    {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
            i++;
    }
    // Appends a key to `keys`, decoding the common escapes (nlohmann has decoded the key in Root(),
    // and the pointers callers build come from there); a \u escape keeps a stable, unique form.
    std::string_view ScanKey()
    {
        const size_t begin = keys.size();
        i++; // opening quote
        while (i < text.size() && text[i] != '"')
        {
            const size_t run = i;
            while (i < text.size() && text[i] != '"' && text[i] != '\\')
                i++;
            keys.append(text, run, i - run);
            if (i >= text.size() || text[i] != '\\')
                break;
            const char e = text[i + 1];
            i += 2;
            switch (e)
            {
            case 'n':
                keys += '\n';
                break;
            case 't':
                keys += '\t';
                break;
            case 'r':
                keys += '\r';
                break;
            case 'b':
                keys += '\b';
                break;
            case 'f':
                keys += '\f';
                break;
            case 'u':
                keys += "\\u";
                break;
            default:
                keys += e;
                break;
            }
        }
        i++; // closing quote
        return std::string_view(keys).substr(begin);
    }
    // A string value: only its end matters.
    void SkipString()
    {
        i++; // opening quote
        while (i < text.size() && text[i] != '"')
            i += text[i] == '\\' ? 2 : 1;
        i++; // closing quote
    }
    // Line and column of `offset`, which never moves backwards between calls (duplicates are reported
    // in source order): a file full of repeated keys costs one pass, not one pass per key.
    size_t cursor = 0;
    int cursor_line = 1;
    int cursor_column = 1;
    std::pair<int, int> LineColumnTo(size_t offset)
    {
        for (; cursor < offset && cursor < text.size(); cursor++)
        {
            const unsigned char c = (unsigned char)text[cursor];
            if (c == '\n')
            {
                cursor_line++;
                cursor_column = 1;
            }
            else if ((c & 0xC0) != 0x80) // a UTF-8 continuation byte does not start a character
                cursor_column++;
        }
        return {cursor_line, cursor_column};
    }
    // Reports `key` when the object being scanned at `depth` already has it; `first_key` is the
    // index in `pending` of that object's first member.
    void CheckDuplicate(std::string_view key, size_t first_key, size_t depth, uint32_t key_offset)
    {
        const uint32_t before = (uint32_t)(pending.size() - first_key);
        bool duplicate = false;
        if (before < kLinearKeys)
        {
            for (size_t m = first_key; m < pending.size() && !duplicate; m++)
            {
                const Location& other = locations[pending[m]];
                duplicate = std::string_view(keys).substr(other.key_begin, other.key_size) == key;
            }
        }
        else
        {
            if (seen_by_depth.size() <= depth)
                seen_by_depth.resize(depth + 1);
            std::unordered_set<std::string_view>& seen = seen_by_depth[depth];
            if (before == kLinearKeys)
            {
                seen.clear();
                for (size_t m = first_key; m < pending.size(); m++)
                {
                    const Location& other = locations[pending[m]];
                    seen.insert(std::string_view(keys).substr(other.key_begin, other.key_size));
                }
            }
            duplicate = !seen.insert(key).second;
        }
        if (duplicate)
        {
            const auto [line, column] = LineColumnTo(key_offset);
            diags.Error({display_path, line, column},
                        "duplicate key '" + std::string(key) + "' (the earlier value would be lost)");
        }
    }
    // Scans the value at i and returns its index in `locations`; its children are stored contiguously
    // once the value is complete.
    uint32_t ScanValue(size_t depth)
    {
        SkipSpace();
        const uint32_t index = (uint32_t)locations.size();
        locations.emplace_back();
        locations[index].value_offset = (uint32_t)i;
        if (i >= text.size())
            return index;
        const char c = text[i];
        const size_t first_child = pending.size();
        if (c == '{')
        {
            i++;
            SkipSpace();
            while (i < text.size() && text[i] != '}')
            {
                SkipSpace();
                const uint32_t key_offset = (uint32_t)i;
                const std::string_view key = ScanKey();
                CheckDuplicate(key, first_child, depth, key_offset);
                SkipSpace();
                i++; // ':'
                const uint32_t child = ScanValue(depth + 1);
                Location& member = locations[child];
                member.key_offset = key_offset;
                member.key_begin = (uint32_t)(key.data() - keys.data());
                member.key_size = (uint32_t)key.size();
                pending.push_back(child);
                SkipSpace();
                if (i < text.size() && text[i] == ',')
                    i++;
            }
            i++; // '}'
        }
        else if (c == '[')
        {
            i++;
            SkipSpace();
            while (i < text.size() && text[i] != ']')
            {
                pending.push_back(ScanValue(depth + 1));
                SkipSpace();
                if (i < text.size() && text[i] == ',')
                    i++;
            }
            i++; // ']'
            locations[index].is_array = true;
        }
        else if (c == '"')
            SkipString();
        else
            while (i < text.size() && text[i] != ',' && text[i] != '}' && text[i] != ']' && text[i] != ' ' &&
                   text[i] != '\n' && text[i] != '\r' && text[i] != '\t')
                i++;
        if (pending.size() > first_child)
        {
            locations[index].children_begin = (uint32_t)children.size();
            locations[index].children = (uint32_t)(pending.size() - first_child);
            children.insert(children.end(), pending.begin() + (std::ptrdiff_t)first_child, pending.end());
            pending.resize(first_child);
        }
        return index;
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
    return ParseOwned(std::move(bytes), display_path, diags, limits);
}

JsonDocument JsonDocument::Parse(const std::string& bytes, const std::string& display_path, DiagnosticList& diags,
                                 const JsonLimits& limits)
{
    return ParseOwned(std::string(bytes), display_path, diags, limits);
}

JsonDocument JsonDocument::ParseOwned(std::string bytes, const std::string& display_path, DiagnosticList& diags,
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
    doc.m_text = std::move(bytes);
    doc.m_keys.reserve(doc.m_text.size());
    LocationScanner scanner{doc.m_text, doc.m_locations, doc.m_children, doc.m_keys, diags, display_path};
    scanner.ScanValue(0);
    doc.m_ok = diags.ErrorCount() == errors_before;
    return doc;
}

// Walks the pointer's tokens down the location tree ("~1" and "~0" unescaped, as RFC 6901 asks).
const JsonDocument::Location* JsonDocument::Find(const std::string& pointer, bool* found) const
{
    *found = false;
    if (m_locations.empty())
        return nullptr;
    const Location* at = &m_locations[0];
    std::string unescaped;
    size_t p = 0;
    while (p < pointer.size())
    {
        if (pointer[p] != '/')
            return at;
        const size_t end = std::min(pointer.find('/', p + 1), pointer.size());
        std::string_view token = std::string_view(pointer).substr(p + 1, end - p - 1);
        if (token.find('~') != std::string_view::npos)
        {
            unescaped.clear();
            for (size_t c = 0; c < token.size(); c++)
            {
                if (token[c] == '~' && c + 1 < token.size() && (token[c + 1] == '0' || token[c + 1] == '1'))
                    unescaped += token[++c] == '0' ? '~' : '/';
                else
                    unescaped += token[c];
            }
            token = unescaped;
        }
        p = end;
        const uint32_t* kids = m_children.data() + at->children_begin;
        const Location* next = nullptr;
        if (at->is_array)
        {
            size_t index = 0;
            bool digits = !token.empty() && token.size() <= 9;
            for (char c : token)
            {
                digits = digits && c >= '0' && c <= '9';
                index = index * 10 + (size_t)(c - '0');
            }
            if (digits && index < at->children)
                next = &m_locations[kids[index]];
        }
        else
        {
            // The last of duplicate keys, as nlohmann keeps.
            for (uint32_t k = at->children; k-- > 0 && !next;)
            {
                const Location& member = m_locations[kids[k]];
                if (std::string_view(m_keys).substr(member.key_begin, member.key_size) == token)
                    next = &member;
            }
        }
        if (!next)
            return at;
        at = next;
    }
    *found = true;
    return at;
}

SourceLocation JsonDocument::At(uint32_t offset) const
{
    if (m_line_starts.empty())
    {
        m_line_starts.push_back(0);
        for (size_t c = 0; c < m_text.size(); c++)
            if (m_text[c] == '\n')
                m_line_starts.push_back((uint32_t)(c + 1));
    }
    const auto after = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    const uint32_t line_start = *(after - 1);
    // Columns count characters, not bytes: UTF-8 continuation bytes do not start one.
    int column = 1;
    for (uint32_t c = line_start; c < offset && c < m_text.size(); c++)
        if (((unsigned char)m_text[c] & 0xC0) != 0x80)
            column++;
    return {m_display_path, (int)(after - m_line_starts.begin()), column};
}

SourceLocation JsonDocument::Where(const std::string& pointer) const
{
    bool found = false;
    const Location* at = Find(pointer, &found);
    if (!at)
        return {m_display_path, 1, 1};
    return At(at->value_offset);
}

SourceLocation JsonDocument::WhereKey(const std::string& pointer) const
{
    bool found = false;
    const Location* at = Find(pointer, &found);
    if (found && at->key_offset > 0) // only members have a key, and no key starts a file
        return At(at->key_offset);
    return Where(pointer);
}
} // namespace kiosk::core
