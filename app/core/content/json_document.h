// JsonDocument: one content file parsed with limits and a map from JSON location to line:column.
//
// nlohmann_json decides what is valid JSON; it keeps no source positions, so after a successful
// parse a small scanner walks the same bytes and records where each value and key starts, as a tree
// in source order that a JSON Pointer ("/roles/3/title/en") walks down. The scanner also reports what
// nlohmann accepts silently: duplicate object keys. Limits are checked before parsing, because
// nlohmann sets no depth limit.
#pragma once
#include "core/content/diagnostics.h"

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kiosk::core
{
struct JsonLimits
{
    size_t max_file_bytes = 1024 * 1024; // a content file is prose, not data: 1 MiB is generous
    int max_depth = 32;
};

class JsonDocument
{
public:
    // Reads and parses `absolute_path`; diagnostics name it as `display_path`. On any error
    // (missing file, too big, too deep, syntax, invalid UTF-8) Ok() is false and at least one
    // error was appended to `diags`.
    static JsonDocument Load(const std::string& absolute_path, const std::string& display_path, DiagnosticList& diags,
                             const JsonLimits& limits = {});
    // Same, from bytes already in memory (tests, corpora).
    static JsonDocument Parse(const std::string& bytes, const std::string& display_path, DiagnosticList& diags,
                              const JsonLimits& limits = {});

    bool Ok() const { return m_ok; }
    const nlohmann::json& Root() const { return m_root; }
    // The file as diagnostics name it (content-relative), for reports keyed by file.
    const std::string& DisplayPath() const { return m_display_path; }

    // Where the value at `pointer` starts; falls back to the nearest parent that exists, and to
    // line 1 column 1. Of duplicate keys the last counts, as in Root().
    SourceLocation Where(const std::string& pointer) const;
    // Where the key of the member at `pointer` starts (for "unknown key" messages); Where(pointer)
    // when the pointer ends at an array element or at nothing.
    SourceLocation WhereKey(const std::string& pointer) const;

    // One value of the location tree: byte offsets into the text, its key (members) and its children
    // (objects and arrays) in source order. Plain offsets rather than a map from pointer strings: a
    // pack's files hold thousands of values, and building a string and a hash node for each cost more
    // than nlohmann's whole parse.
    struct Location
    {
        uint32_t value_offset = 0;
        uint32_t key_offset = 0;                   // the key's opening quote (members only)
        uint32_t key_begin = 0, key_size = 0;      // the key, unescaped, in m_keys (members only)
        uint32_t children_begin = 0, children = 0; // into m_children
        bool is_array = false;
    };

private:
    // Parse, keeping `bytes` as the document's text (Load hands over what it read: no copy).
    static JsonDocument ParseOwned(std::string bytes, const std::string& display_path, DiagnosticList& diags,
                                   const JsonLimits& limits);
    // The deepest location on `pointer`'s path, and whether the whole path was found.
    const Location* Find(const std::string& pointer, bool* found) const;
    SourceLocation At(uint32_t offset) const;

    bool m_ok = false;
    nlohmann::json m_root;
    std::string m_display_path;
    std::string m_text;                // the bytes read, for line and column on demand
    std::vector<Location> m_locations; // [0] is the root once scanned
    std::vector<uint32_t> m_children;
    std::string m_keys;
    mutable std::vector<uint32_t> m_line_starts; // built on the first lookup (one thread reads a document)
};

// Appends "/token" to a JSON Pointer, escaping '~' and '/' as RFC 6901 asks.
std::string JsonPointerAppend(const std::string& pointer, const std::string& token);
std::string JsonPointerAppend(const std::string& pointer, size_t index);
} // namespace kiosk::core
