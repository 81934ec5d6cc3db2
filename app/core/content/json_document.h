// JsonDocument: one content file parsed with limits and a map from JSON location to line:column.
//
// nlohmann_json decides what is valid JSON; it keeps no source positions, so after a successful
// parse a small scanner walks the same bytes and records where each value starts, keyed by its
// JSON Pointer ("/roles/3/title/en"). The scanner also reports what nlohmann accepts silently:
// duplicate object keys. Limits are checked before parsing, because nlohmann sets no depth limit.
#pragma once
#include "core/content/diagnostics.h"

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>

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

    // Where the value at `pointer` starts; falls back to the nearest parent that was recorded,
    // and to line 1 column 1.
    SourceLocation Where(const std::string& pointer) const;
    // Where the key of the member at `pointer` starts (for "unknown key" messages).
    SourceLocation WhereKey(const std::string& pointer) const;

private:
    bool m_ok = false;
    nlohmann::json m_root;
    std::string m_display_path;
    std::unordered_map<std::string, std::pair<int, int>> m_value_pos; // pointer -> line, column
    std::unordered_map<std::string, std::pair<int, int>> m_key_pos;
};

// Appends "/token" to a JSON Pointer, escaping '~' and '/' as RFC 6901 asks.
std::string JsonPointerAppend(const std::string& pointer, const std::string& token);
std::string JsonPointerAppend(const std::string& pointer, size_t index);
} // namespace kiosk::core
