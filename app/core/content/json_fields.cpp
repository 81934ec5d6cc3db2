#include "core/content/json_fields.h"

#include "core/content/content_paths.h"
#include "core/content/guide_limits.h"

#include <algorithm>
#include <cstdio>

namespace kiosk::core
{
static const char* JsonTypeName(const nlohmann::json& v)
{
    switch (v.type())
    {
    case nlohmann::json::value_t::null:
        return "null";
    case nlohmann::json::value_t::object:
        return "an object";
    case nlohmann::json::value_t::array:
        return "an array";
    case nlohmann::json::value_t::string:
        return "a string";
    case nlohmann::json::value_t::boolean:
        return "true/false";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
        return "a number";
    default:
        return "an unsupported value";
    }
}

FieldReader::FieldReader(const JsonDocument& doc, const nlohmann::json* value, std::string pointer,
                         DiagnosticList& diags, ReadContext& ctx)
    : m_doc(doc), m_value(value), m_pointer(std::move(pointer)), m_diags(diags), m_ctx(ctx)
{
}

bool FieldReader::ExpectObject(const char* what)
{
    if (m_value && m_value->is_object())
        return true;
    m_diags.Error(Where(),
                  std::string(what) + " must be an object, found " + (m_value ? JsonTypeName(*m_value) : "nothing"));
    m_value = nullptr;
    return false;
}

bool FieldReader::Has(const char* key) const
{
    return m_value && m_value->is_object() && m_value->contains(key);
}

const nlohmann::json* FieldReader::Member(const char* key, Need need, const char* expected)
{
    m_known.insert(key);
    if (!m_value || !m_value->is_object())
        return nullptr;
    auto it = m_value->find(key);
    if (it == m_value->end())
    {
        if (need == Need::Required)
            m_diags.Error(Where(), std::string("missing required key '") + key + "' (" + expected + ")");
        return nullptr;
    }
    return &*it;
}

void FieldReader::TypeError(const char* key, const char* expected)
{
    const nlohmann::json& v = (*m_value)[key];
    m_diags.Error(Where(key), std::string("'") + key + "' must be " + expected + ", found " + JsonTypeName(v));
}

bool FieldReader::CheckString(const std::string& text, const std::string& pointer, size_t max_characters)
{
    // Limits count characters, not bytes: "ŵ" and "£" are one character each.
    const size_t limit = max_characters ? max_characters : m_ctx.max_text_characters;
    const size_t length = CountCharacters(text);
    if (length > limit)
    {
        m_diags.Error(m_doc.Where(pointer),
                      "text is " + std::to_string(length) + " characters long; the limit is " + std::to_string(limit));
        return false;
    }
    return true;
}

std::string FieldReader::String(const char* key, Need need, size_t max_characters)
{
    const nlohmann::json* v = Member(key, need, "a string");
    if (!v)
        return {};
    if (!v->is_string())
    {
        TypeError(key, "a string");
        return {};
    }
    const std::string& s = v->get_ref<const std::string&>();
    if (!CheckString(s, JsonPointerAppend(m_pointer, key), max_characters))
        return {};
    return s;
}

bool IsValidId(const std::string& id)
{
    if (id.empty() || id.size() > 64)
        return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

std::string FieldReader::Id(const char* key, Need need)
{
    const std::string id = String(key, need, 64 * 4);
    if (m_value && m_value->contains(key) && (*m_value)[key].is_string() && !IsValidId(id))
    {
        m_diags.Error(Where(key), std::string("'") + key +
                                      "' must be an id of 1 to 64 lowercase letters, digits and '-', found '" + id +
                                      "'");
        return {};
    }
    return id;
}

std::string FieldReader::Path(const char* key, Need need)
{
    const std::string path = String(key, need, 512);
    if (path.empty())
        return {};
    const std::string problem = CheckContentPath(m_ctx.content_root, path);
    if (!problem.empty())
    {
        m_diags.Error(Where(key), problem);
        return {};
    }
    return path;
}

std::vector<std::string> FieldReader::IdList(const char* key, Need need)
{
    std::vector<std::string> out;
    const nlohmann::json* v = Member(key, need, "a list of ids");
    if (!v)
        return out;
    if (!v->is_array())
    {
        TypeError(key, "a list of ids");
        return out;
    }
    const std::string base = JsonPointerAppend(m_pointer, key);
    for (size_t i = 0; i < v->size(); i++)
    {
        const nlohmann::json& e = (*v)[i];
        const std::string p = JsonPointerAppend(base, i);
        if (!e.is_string() || !IsValidId(e.get_ref<const std::string&>()))
        {
            m_diags.Error(m_doc.Where(p),
                          std::string("each entry of '") + key + "' must be an id (lowercase letters, digits, '-')");
            continue;
        }
        out.push_back(e.get<std::string>());
    }
    return out;
}

int FieldReader::Int(const char* key, Need need, int min_value, int max_value, int fallback)
{
    const nlohmann::json* v = Member(key, need, "a whole number");
    if (!v)
        return fallback;
    if (!v->is_number_integer() && !v->is_number_unsigned())
    {
        TypeError(key, "a whole number");
        return fallback;
    }
    const long long n = v->is_number_unsigned()
                            ? (long long)std::min<unsigned long long>(v->get<unsigned long long>(), 1ull << 62)
                            : v->get<long long>();
    if (n < min_value || n > max_value)
    {
        m_diags.Error(Where(key), std::string("'") + key + "' must be between " + std::to_string(min_value) + " and " +
                                      std::to_string(max_value) + ", found " + std::to_string(n));
        return fallback;
    }
    return (int)n;
}

double FieldReader::Number(const char* key, Need need, double min_value, double max_value, double fallback)
{
    const nlohmann::json* v = Member(key, need, "a number");
    if (!v)
        return fallback;
    if (!v->is_number())
    {
        TypeError(key, "a number");
        return fallback;
    }
    const double n = v->get<double>();
    if (!(n >= min_value && n <= max_value))
    {
        char buffer[160];
        std::snprintf(buffer, sizeof(buffer), "'%s' must be between %g and %g, found %g", key, min_value, max_value, n);
        m_diags.Error(Where(key), buffer);
        return fallback;
    }
    return n;
}

bool ParseColor(const std::string& text, Rgba* out)
{
    if ((text.size() != 7 && text.size() != 9) || text[0] != '#')
        return false;
    Rgba value = 0;
    for (size_t i = 1; i < text.size(); i++)
    {
        const char c = text[i];
        int digit;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        else
            return false;
        value = (value << 4) | (Rgba)digit;
    }
    if (text.size() == 7)
        value = (value << 8) | 0xFF;
    *out = value;
    return true;
}

Rgba FieldReader::Color(const char* key, Need need, Rgba fallback)
{
    const std::string text = String(key, need, 16);
    if (text.empty())
        return fallback;
    Rgba c;
    if (!ParseColor(text, &c))
    {
        m_diags.Error(Where(key),
                      std::string("'") + key + "' must be a colour like \"#005EB8\", found \"" + text + "\"");
        return fallback;
    }
    return c;
}

LocalizedText FieldReader::ReadText(const nlohmann::json& value, const std::string& pointer)
{
    LocalizedText out;
    if (!value.is_object())
    {
        m_diags.Error(
            m_doc.Where(pointer),
            std::string(
                "a visible text must be an object of languages like {\"en\": \"...\", \"cy\": \"...\"}, found ") +
                JsonTypeName(value));
        return out;
    }
    for (auto it = value.begin(); it != value.end(); ++it)
    {
        const std::string p = JsonPointerAppend(pointer, it.key());
        if (std::find(m_ctx.languages.begin(), m_ctx.languages.end(), it.key()) == m_ctx.languages.end())
        {
            std::string known;
            for (const std::string& l : m_ctx.languages)
                known += (known.empty() ? "'" : ", '") + l + "'";
            m_diags.Error(m_doc.WhereKey(p),
                          "unknown language '" + it.key() + "' (the pack's languages are " + known + ")");
            continue;
        }
        if (!it.value().is_string())
        {
            m_diags.Error(m_doc.Where(p), std::string("text for '") + it.key() + "' must be a string, found " +
                                              JsonTypeName(it.value()));
            continue;
        }
        const std::string& s = it.value().get_ref<const std::string&>();
        if (!CheckString(s, p, 0))
            continue;
        out.by_language[it.key()] = s;
    }
    // A text whose English was refused above (too long, not a string) is already reported.
    auto en = out.by_language.find(kDefaultLanguage);
    if (!value.contains(kDefaultLanguage))
        m_diags.Error(m_doc.Where(pointer), "text has no English (\"en\"); English is required");
    else if (en != out.by_language.end() && en->second.empty())
        m_diags.Error(m_doc.Where(JsonPointerAppend(pointer, kDefaultLanguage)), "the English text is empty");
    bool missing_any = false;
    for (const std::string& lang : m_ctx.languages)
        if (lang != kDefaultLanguage && !out.Has(lang) && !out.Empty())
        {
            missing_any = true;
            auto& [count, first] = m_ctx.missing_by_language[lang];
            if (count++ == 0)
                first = m_doc.Where(pointer);
        }
    if (missing_any && m_ctx.missing_translations++ == 0)
        m_ctx.first_missing_translation = m_doc.Where(pointer);
    if (m_ctx.texts && !out.Empty())
    {
        TextRecord record;
        record.pointer = pointer;
        record.text = out;
        record.where = m_doc.Where(pointer);
        for (const auto& [lang, text] : out.by_language)
            record.where_by_language[lang] = m_doc.Where(JsonPointerAppend(pointer, lang));
        (*m_ctx.texts)[m_doc.DisplayPath()].push_back(std::move(record));
    }
    return out;
}

LocalizedText FieldReader::Text(const char* key, Need need)
{
    const nlohmann::json* v = Member(key, need, "a text like {\"en\": \"...\"}");
    if (!v)
        return {};
    return ReadText(*v, JsonPointerAppend(m_pointer, key));
}

std::vector<LocalizedText> FieldReader::TextList(const char* key, Need need)
{
    std::vector<LocalizedText> out;
    const nlohmann::json* v = Member(key, need, "a list of texts");
    if (!v)
        return out;
    if (!v->is_array())
    {
        TypeError(key, "a list of texts like [{\"en\": \"...\"}]");
        return out;
    }
    const std::string base = JsonPointerAppend(m_pointer, key);
    for (size_t i = 0; i < v->size(); i++)
        out.push_back(ReadText((*v)[i], JsonPointerAppend(base, i)));
    return out;
}

void FieldReader::Object(const char* key, Need need, const std::function<void(FieldReader&)>& fn)
{
    const nlohmann::json* v = Member(key, need, "an object");
    if (!v)
        return;
    FieldReader child(m_doc, v, JsonPointerAppend(m_pointer, key), m_diags, m_ctx);
    if (!child.ExpectObject((std::string("'") + key + "'").c_str()))
        return;
    fn(child);
    child.Finish();
}

void FieldReader::ObjectList(const char* key, Need need, const std::function<void(FieldReader&, size_t)>& fn)
{
    const nlohmann::json* v = Member(key, need, "a list");
    if (!v)
        return;
    if (!v->is_array())
    {
        TypeError(key, "a list");
        return;
    }
    const std::string base = JsonPointerAppend(m_pointer, key);
    for (size_t i = 0; i < v->size(); i++)
    {
        FieldReader child(m_doc, &(*v)[i], JsonPointerAppend(base, i), m_diags, m_ctx);
        if (!child.ExpectObject((std::string("each entry of '") + key + "'").c_str()))
            continue;
        fn(child, i);
        child.Finish();
    }
}

std::vector<std::string> FieldReader::Keys() const
{
    std::vector<std::string> keys;
    if (m_value && m_value->is_object())
        for (auto it = m_value->begin(); it != m_value->end(); ++it)
            keys.push_back(it.key());
    return keys;
}

int EditDistance(const std::string& a, const std::string& b)
{
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= a.size(); i++)
    {
        cur[0] = (int)i;
        for (size_t j = 1; j <= b.size(); j++)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

void FieldReader::Finish()
{
    if (!m_value || !m_value->is_object())
        return;
    for (auto it = m_value->begin(); it != m_value->end(); ++it)
    {
        if (m_known.count(it.key()))
            continue;
        std::string message = "unknown key '" + it.key() + "'";
        std::string best;
        int best_distance = 3;
        for (const std::string& k : m_known)
        {
            const int d = EditDistance(it.key(), k);
            if (d < best_distance)
            {
                best_distance = d;
                best = k;
            }
        }
        if (!best.empty())
            message += "; did you mean '" + best + "'?";
        m_diags.Error(m_doc.WhereKey(JsonPointerAppend(m_pointer, it.key())), message);
    }
}
} // namespace kiosk::core
