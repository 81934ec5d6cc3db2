// Translation checks (translation_checks.h): placeholders that must match across languages,
// empty translations, and the list of translations identical to the English.
#include "core/content/translation_checks.h"

#include <sstream>

namespace kiosk::core
{
namespace
{
bool IsNameChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

SourceLocation WhereIn(const TextRecord& r, const std::string& language)
{
    auto it = r.where_by_language.find(language);
    return it != r.where_by_language.end() ? it->second : r.where;
}

std::string Quoted(const std::set<std::string>& names)
{
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "'" : ", '") + n + "'";
    return out;
}
} // namespace

std::set<std::string> FindPlaceholders(const std::string& text)
{
    std::set<std::string> out;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1))
    {
        size_t end = open + 1;
        while (end < text.size() && IsNameChar(text[end]))
            end++;
        if (end > open + 1 && end < text.size() && text[end] == '}')
            out.insert(text.substr(open, end - open + 1));
    }
    return out;
}

void CheckTranslations(const TextRecords& texts, DiagnosticList& diags)
{
    for (const auto& [file, records] : texts)
        for (const TextRecord& r : records)
        {
            auto en = r.text.by_language.find(kDefaultLanguage);
            if (en == r.text.by_language.end() || en->second.empty())
                continue; // no English: reported where the text was read
            const std::set<std::string> expected = FindPlaceholders(en->second);
            for (const auto& [lang, text] : r.text.by_language)
            {
                if (lang == kDefaultLanguage)
                    continue;
                const SourceLocation where = WhereIn(r, lang);
                if (text.empty())
                {
                    diags.Error(where, "the " + lang +
                                           " text is empty: visitors would silently see the English; write the "
                                           "translation, or remove the \"" +
                                           lang + "\" line");
                    continue;
                }
                const std::set<std::string> found = FindPlaceholders(text);
                std::set<std::string> lacking, extra;
                for (const std::string& p : expected)
                    if (!found.count(p))
                        lacking.insert(p);
                for (const std::string& p : found)
                    if (!expected.count(p))
                        extra.insert(p);
                if (!lacking.empty())
                    diags.Error(where, "the " + lang + " text lacks the placeholder" +
                                           (lacking.size() > 1 ? "s " : " ") + Quoted(lacking) +
                                           " that the English has: keep it exactly as written in English (the "
                                           "kiosk puts the value there)");
                if (!extra.empty())
                    diags.Error(where, "the " + lang + " text has the placeholder" + (extra.size() > 1 ? "s " : " ") +
                                           Quoted(extra) +
                                           " that the English does not: placeholders are never translated, so "
                                           "visitors would see the braces; write the English name" +
                                           (expected.empty() ? std::string() : " (" + Quoted(expected) + ")"));
            }
        }
}

std::string ListSameAsEnglish(const std::vector<TextRecord>& records, const std::string& language)
{
    std::ostringstream out;
    for (const TextRecord& r : records)
    {
        auto en = r.text.by_language.find(kDefaultLanguage);
        auto it = r.text.by_language.find(language);
        if (en == r.text.by_language.end() || it == r.text.by_language.end() || it->second.empty() ||
            it->second != en->second)
            continue;
        const SourceLocation where = WhereIn(r, language);
        out << "    " << where.line << ":" << where.column << ": '" << it->second << "'\n";
    }
    return out.str();
}
} // namespace kiosk::core
