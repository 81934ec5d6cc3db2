// FieldReader: reads one JSON object of a content file into plain structs, checking as it goes.
//
// Every getter records the key as known; Finish() then reports every key nobody asked for as
// an error ("unknown key 'titel'; did you mean 'title'?"), so typos never pass silently.
// Every problem is appended to the DiagnosticList with the value's line and column; getters
// return a default value on error so that loading continues and all problems are reported at
// once. A FieldReader never throws.
#pragma once
#include "core/content/content_checker.h"
#include "core/content/content_model.h"
#include "core/content/json_document.h"

#include <functional>
#include <set>
#include <string>
#include <vector>

namespace kiosk::core
{
enum class Need
{
    Required,
    Optional,
};

// Shared by every reader of one pack load.
struct ReadContext
{
    std::string content_root;                          // absolute folder, for path checks
    std::vector<std::string> languages = {"en", "cy"}; // codes a LocalizedText may use
    size_t max_text_characters = 2000;                 // one text in one language, in characters (UTF-8 code points)
    // Per-file count of texts with no Welsh; the loader turns it into one warning per file.
    int missing_translations = 0;
    SourceLocation first_missing_translation;
    // Per language other than English: texts with none in this file, and the first of them.
    std::map<std::string, std::pair<int, SourceLocation>> missing_by_language;
    // Every text read, by file, for the plain-words checks and the translation report; null = off.
    TextRecords* texts = nullptr;
};

class FieldReader
{
public:
    FieldReader(const JsonDocument& doc, const nlohmann::json* value, std::string pointer, DiagnosticList& diags,
                ReadContext& ctx);

    // False when the value is not a JSON object (already reported by the constructor's caller
    // through ExpectObject()).
    bool ExpectObject(const char* what);
    bool Has(const char* key) const;
    SourceLocation Where() const { return m_doc.Where(m_pointer); }
    SourceLocation Where(const char* key) const { return m_doc.Where(JsonPointerAppend(m_pointer, key)); }
    const std::string& Pointer() const { return m_pointer; }

    std::string String(const char* key, Need need, size_t max_characters = 0);
    std::string Id(const char* key, Need need);   // [a-z0-9-], 1..64 characters
    std::string Path(const char* key, Need need); // content-relative, confined (see content_paths.h)
    std::vector<std::string> IdList(const char* key, Need need);
    int Int(const char* key, Need need, int min_value, int max_value, int fallback);
    double Number(const char* key, Need need, double min_value, double max_value, double fallback);
    Rgba Color(const char* key, Need need, Rgba fallback);
    LocalizedText Text(const char* key, Need need);
    std::vector<LocalizedText> TextList(const char* key, Need need);
    // Calls `fn` with a reader for the child object; reports a type error if it is not one.
    void Object(const char* key, Need need, const std::function<void(FieldReader&)>& fn);
    // Calls `fn` for each element of an array of objects.
    void ObjectList(const char* key, Need need, const std::function<void(FieldReader&, size_t)>& fn);
    // The object's own keys, in file order (for maps with free keys, such as strings.json).
    std::vector<std::string> Keys() const;
    // Marks a key as known without reading it (e.g. "$schema").
    void Allow(const char* key) { m_known.insert(key); }

    // Reports unknown keys. Call once after every getter ran.
    void Finish();

private:
    const nlohmann::json* Member(const char* key, Need need, const char* expected);
    void TypeError(const char* key, const char* expected);
    LocalizedText ReadText(const nlohmann::json& value, const std::string& pointer);
    bool CheckString(const std::string& text, const std::string& pointer, size_t max_characters);

    const JsonDocument& m_doc;
    const nlohmann::json* m_value;
    std::string m_pointer;
    DiagnosticList& m_diags;
    ReadContext& m_ctx;
    std::set<std::string> m_known;
};

bool IsValidId(const std::string& id);
// "#RRGGBB" or "#RRGGBBAA" -> 0xRRGGBBAA. Returns false on anything else.
bool ParseColor(const std::string& text, Rgba* out);
// Levenshtein distance, for "did you mean" suggestions.
int EditDistance(const std::string& a, const std::string& b);
} // namespace kiosk::core
