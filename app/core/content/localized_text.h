// LocalizedText: one visible string in every language the pack carries.
// Every text a visitor can see is a LocalizedText; English ("en") is required by the validator,
// Welsh ("cy") is optional and falls back to English when missing.
#pragma once
#include <map>
#include <string>

namespace kiosk::core
{
inline constexpr const char* kDefaultLanguage = "en";

struct LocalizedText
{
    std::map<std::string, std::string> by_language; // language code -> UTF-8 text

    // The text in `language`, else English, else empty. The reference stays valid while the
    // LocalizedText lives.
    const std::string& Get(const std::string& language) const
    {
        static const std::string empty;
        auto it = by_language.find(language);
        if (it != by_language.end() && !it->second.empty())
            return it->second;
        it = by_language.find(kDefaultLanguage);
        return it != by_language.end() ? it->second : empty;
    }
    bool Has(const std::string& language) const { return by_language.count(language) != 0; }
    bool Empty() const { return by_language.empty(); }
};
} // namespace kiosk::core
