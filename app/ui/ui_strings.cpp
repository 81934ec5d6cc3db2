#include "ui/ui_strings.h"

#include "core/content/interface_strings.h"

namespace kiosk::ui
{
std::string Format(std::string pattern, const std::string& name, const std::string& value)
{
    const std::string token = "{" + name + "}";
    for (size_t at = pattern.find(token); at != std::string::npos; at = pattern.find(token, at + value.size()))
        pattern.replace(at, token.size(), value);
    return pattern;
}

const std::string& ScreenLanguage(const UiContext& ctx)
{
    static const std::string english = "en";
    if (!ctx.language.empty())
        return ctx.language;
    if (ctx.visit)
        return ctx.visit->language;
    if (ctx.pack && !ctx.pack->settings.languages.empty())
        return ctx.pack->settings.languages[0].code;
    return english;
}

std::string TrIn(const UiContext& ctx, const std::string& language, const char* key)
{
    if (ctx.pack)
    {
        auto it = ctx.pack->strings.by_key.find(key);
        if (it != ctx.pack->strings.by_key.end())
        {
            const std::string& s = it->second.Get(language);
            if (!s.empty())
                return s;
        }
    }
    if (const kiosk::core::InterfaceString* s = kiosk::core::FindInterfaceString(key))
        return s->english;
    return key;
}
} // namespace kiosk::ui
