#include "core/content/glossary.h"

namespace kiosk::core
{
namespace
{
bool IsWordByte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool HasUpper(const std::string& s)
{
    for (char c : s)
        if (c >= 'A' && c <= 'Z')
            return true;
    return false;
}

char Upper(char c)
{
    return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// Does `form` occur at `pos` of `text`? An all-lowercase form may start with a capital.
bool MatchesAt(const std::string& text, size_t pos, const std::string& form, bool exact_case)
{
    if (pos + form.size() > text.size())
        return false;
    for (size_t i = 0; i < form.size(); i++)
    {
        const char t = text[pos + i];
        if (t == form[i])
            continue;
        if (!exact_case && i == 0 && t == Upper(form[0]))
            continue;
        return false;
    }
    return true;
}
} // namespace

const GlossaryTerm* Glossary::Find(const std::string& id) const
{
    for (const GlossaryTerm& t : terms)
        if (t.id == id)
            return &t;
    return nullptr;
}

std::vector<GlossaryHit> FindGlossaryTerms(const Glossary& glossary, const std::string& text,
                                           const std::string& language)
{
    struct Form
    {
        const std::string* text;
        size_t term;
        bool exact_case;
    };
    std::vector<Form> forms;
    for (size_t i = 0; i < glossary.terms.size(); i++)
    {
        const GlossaryTerm& t = glossary.terms[i];
        auto add = [&](const LocalizedText& lt)
        {
            auto it = lt.by_language.find(language);
            if (it != lt.by_language.end() && !it->second.empty())
                forms.push_back({&it->second, i, HasUpper(it->second)});
        };
        add(t.term);
        for (const LocalizedText& a : t.aliases)
            add(a);
    }
    std::vector<GlossaryHit> hits;
    size_t pos = 0;
    while (pos < text.size())
    {
        // Only at the start of a word.
        if (pos > 0 && IsWordByte(static_cast<unsigned char>(text[pos - 1])))
        {
            pos++;
            continue;
        }
        GlossaryHit best;
        bool found = false;
        for (const Form& f : forms)
        {
            if (!MatchesAt(text, pos, *f.text, f.exact_case))
                continue;
            size_t end = pos + f.text->size();
            if (end < text.size() && text[end] == 's')
                end++;
            if (end < text.size() && IsWordByte(static_cast<unsigned char>(text[end])))
                continue;
            if (!found || end > best.end)
            {
                best = {pos, end, f.term};
                found = true;
            }
        }
        if (found)
        {
            hits.push_back(best);
            pos = best.end;
        }
        else
            pos++;
    }
    return hits;
}
} // namespace kiosk::core
