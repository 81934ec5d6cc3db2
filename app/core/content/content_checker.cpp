// The plain-words checks and the translation report (content_checker.h).
//
// Index
//   1. Words, sentences, acronyms, width estimate
//   2. CheckPlainWords
//   3. FormatTranslationReport
#include "core/content/content_checker.h"

#include "core/content/translation_checks.h"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>

namespace kiosk::core
{
// --- 1. Words, sentences, acronyms, width estimate ---------------------------------------------

namespace
{
bool IsSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

bool IsAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A word counts when it has a letter or a digit ("–" and "/" alone do not).
bool IsCountedWord(const std::string& w)
{
    for (char c : w)
        if (IsAsciiLetter(c) || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80)
        {
            // Non-ASCII bytes: a dash "–" alone is 3 bytes of punctuation, not a word.
            if (w == "–" || w == "—")
                return false;
            return true;
        }
    return false;
}

// The first few words of a text, for a message that says which sentence is meant.
std::string Opening(const std::string& text)
{
    const std::vector<std::string> words = SplitWords(text);
    std::string out;
    for (size_t i = 0; i < words.size() && i < 6; i++)
        out += (i ? " " : "") + words[i];
    if (words.size() > 6)
        out += " ...";
    return out;
}

} // namespace

int CountWords(const std::string& text)
{
    int n = 0;
    for (const std::string& w : SplitWords(text))
        n += IsCountedWord(w) ? 1 : 0;
    return n;
}

std::vector<std::string> SplitSentences(const std::string& text)
{
    std::vector<std::string> out;
    std::string current;
    for (size_t i = 0; i < text.size(); i++)
    {
        current += text[i];
        const char c = text[i];
        if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || IsSpace(text[i + 1])))
        {
            out.push_back(current);
            current.clear();
        }
    }
    if (CountWords(current) > 0)
        out.push_back(current);
    return out;
}

std::vector<std::string> FindAcronyms(const std::string& text)
{
    std::vector<std::string> out;
    size_t i = 0;
    while (i < text.size())
    {
        if (!IsAsciiLetter(text[i]))
        {
            i++;
            continue;
        }
        size_t j = i;
        int capitals = 0;
        for (; j < text.size() && IsAsciiLetter(text[j]); j++)
            if (text[j] >= 'A' && text[j] <= 'Z')
                capitals++;
        if (capitals >= 2)
            out.push_back(text.substr(i, j - i));
        i = j;
    }
    return out;
}

// --- 2. CheckPlainWords ---------------------------------------------------------------------

namespace
{
bool IsRoleTitle(const std::string& file, const TextRecord& r)
{
    return file.compare(0, 6, "roles/") == 0 && r.pointer == "/title";
}

// Every wording the glossary knows, in any language, for the acronym rule: "BSc", and each
// capitalised word of a longer form ("BTEC" in "BTEC level 3").
std::set<std::string> DefinedWords(const Glossary& glossary)
{
    std::set<std::string> out;
    auto add = [&](const LocalizedText& t)
    {
        for (const auto& [lang, text] : t.by_language)
        {
            out.insert(text);
            for (const std::string& a : FindAcronyms(text))
                out.insert(a);
        }
    };
    for (const GlossaryTerm& t : glossary.terms)
    {
        add(t.term);
        for (const LocalizedText& a : t.aliases)
            add(a);
    }
    return out;
}

// The admin panel's strings are read by staff, not visitors: they may name a PIN, a USB stick or
// a CSV file without a glossary entry.
bool IsStaffText(const std::string& file, const TextRecord& r)
{
    return file == "strings.json" && r.pointer.rfind("/strings/admin.", 0) == 0;
}

std::string LowerAscii(std::string s)
{
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return s;
}
} // namespace

void CheckPlainWords(const TextRecords& texts, const Glossary& glossary, const SourceLocation& glossary_where,
                     DiagnosticList& diags)
{
    const std::set<std::string> defined = DefinedWords(glossary);
    std::vector<bool> used(glossary.terms.size(), false);
    for (const auto& [file, records] : texts)
    {
        const bool is_glossary = file == "glossary.json";
        for (const TextRecord& r : records)
        {
            if (IsStaffText(file, r))
                continue;
            for (const auto& [lang, text] : r.text.by_language)
            {
                auto at = r.where_by_language.find(lang);
                const SourceLocation where = at != r.where_by_language.end() ? at->second : r.where;
                const int words = CountWords(text);
                if (words > kMaxParagraphWords)
                    diags.Warning(where, "text of " + std::to_string(words) + " words (over " +
                                             std::to_string(kMaxParagraphWords) +
                                             "): split it, or move some into a list");
                for (const std::string& sentence : SplitSentences(text))
                {
                    const int n = CountWords(sentence);
                    if (n > kMaxSentenceWords)
                        diags.Warning(where, "sentence of " + std::to_string(n) + " words (over " +
                                                 std::to_string(kMaxSentenceWords) + "): '" + Opening(sentence) +
                                                 "'; split it in two");
                }
                if (IsRoleTitle(file, r))
                {
                    const int lines = EstimateNotoLines(text, kRoleTitleWidthEm800, true);
                    if (lines >= 3)
                        diags.Warning(where, "title '" + text + "' will wrap to " + std::to_string(lines) +
                                                 " lines on an 800x480 screen; shorten it");
                }
                std::set<std::string> reported;
                for (const std::string& a : FindAcronyms(text))
                {
                    std::string bare = a;
                    if (!defined.count(bare) && bare.size() > 2 && bare.back() == 's')
                        bare.pop_back(); // "GCSEs", "BTECs"
                    if (!defined.count(bare) && reported.insert(a).second)
                        diags.Warning(where, "'" + a +
                                                 "' is not in the glossary (glossary.json): add it there, or "
                                                 "spell it out");
                }
                if (!is_glossary)
                    for (const GlossaryHit& hit : FindGlossaryTerms(glossary, text, lang))
                        used[hit.term] = true;
            }
        }
    }
    // Unused terms and wordings two terms share (the tap would explain only one of them).
    std::map<std::string, size_t> owner; // language + '\n' + lowercased wording -> term index
    for (size_t i = 0; i < glossary.terms.size(); i++)
    {
        const GlossaryTerm& t = glossary.terms[i];
        if (!used[i])
            diags.Warning(t.where.file.empty() ? glossary_where : t.where,
                          "glossary term '" + t.id + "' is not used in any text of the pack; remove it");
        auto claim = [&](const LocalizedText& lt)
        {
            for (const auto& [lang, text] : lt.by_language)
            {
                const std::string key = lang + "\n" + LowerAscii(text);
                auto [it, fresh] = owner.emplace(key, i);
                if (!fresh && it->second != i)
                    diags.Warning(t.where, "glossary term '" + t.id + "' and term '" + glossary.terms[it->second].id +
                                               "' both use the wording '" + text + "' (" + lang +
                                               "): a tap could explain only one");
            }
        };
        claim(t.term);
        for (const LocalizedText& a : t.aliases)
            claim(a);
    }
}

// --- 3. FormatTranslationReport ---------------------------------------------------------------

std::string FormatTranslationReport(const TextRecords& texts, const std::vector<std::string>& languages)
{
    std::ostringstream out;
    out << "translation report (texts present, missing, and the same as English):\n";
    std::map<std::string, TranslationCount> totals;
    for (const auto& [file, records] : texts)
    {
        for (const std::string& lang : languages)
        {
            if (lang == kDefaultLanguage)
                continue;
            TranslationCount c;
            for (const TextRecord& r : records)
            {
                c.texts++;
                auto it = r.text.by_language.find(lang);
                auto en = r.text.by_language.find(kDefaultLanguage);
                if (it == r.text.by_language.end() || it->second.empty())
                {
                    if (c.missing++ == 0)
                        c.first_missing = r.where;
                    continue;
                }
                c.present++;
                if (en != r.text.by_language.end() && en->second == it->second)
                    if (c.same_as_english++ == 0)
                    {
                        auto w = r.where_by_language.find(lang);
                        c.first_same = w != r.where_by_language.end() ? w->second : r.where;
                    }
            }
            TranslationCount& t = totals[lang];
            t.texts += c.texts;
            t.present += c.present;
            t.missing += c.missing;
            t.same_as_english += c.same_as_english;
            out << "  " << file << ": " << lang << ": " << c.present << " of " << c.texts << " present, " << c.missing
                << " missing, " << c.same_as_english << " the same as English";
            if (c.missing > 0)
                out << "; first missing at " << c.first_missing.line << ":" << c.first_missing.column;
            if (c.same_as_english > 0)
                out << "; first the same at " << c.first_same.line << ":" << c.first_same.column;
            out << "\n" << ListSameAsEnglish(records, lang); // each, so an editor can check it is meant
        }
    }
    for (const auto& [lang, t] : totals)
        out << "  all files: " << lang << ": " << t.present << " of " << t.texts << " present, " << t.missing
            << " missing, " << t.same_as_english << " the same as English\n";
    return out.str();
}
} // namespace kiosk::core
