#include "ui/ui_strings.h"

#include <cstring>

namespace kiosk::ui
{
const std::vector<std::pair<const char*, const char*>>& UiStringKeys()
{
    static const std::vector<std::pair<const char*, const char*>> keys = {
        {"nav.back", "Back"},
        {"nav.home", "Home"},
        {"a11y.larger_text", "Larger text"},
        {"a11y.high_contrast", "High contrast"},
        {"home.title", "Explore careers"},
        {"home.subtitle", "Touch a card to see what the job is like"},
        {"home.find_route", "Find your route"},
        {"home.gallery", "Photo gallery"},
        {"role.what_you_do", "What you would do"},
        {"role.where_you_work", "Where you would work"},
        {"role.skills", "Skills and qualities"},
        {"role.pay", "Pay"},
        {"role.hours", "Hours"},
        {"role.working_patterns", "Working patterns"},
        {"role.also_known_as", "Other job titles"},
        {"role.entry_routes", "Ways in"},
        {"role.good_to_know", "Good to know"},
        {"role.professional_bodies", "Who to ask"},
        {"role.photos", "Photos"},
        {"role.specialisms", "Specialisms"},
        {"role.qr_prompt", "Scan to take this home on your phone"},
        {"gallery.title", "Photo gallery"},
        {"gallery.counter", "{n} of {total}"},
        {"gallery.swipe_hint", "Swipe to see more"},
        {"pathway.title", "Find your route"},
        {"pathway.where_are_you_now", "Where are you now?"},
        {"pathway.duration", "How long"},
        {"pathway.requirements", "What you need"},
        {"pathway.leads_to", "Leads to"},
        {"pathway.open_role", "See this job"},
        {"pathway.next_steps", "Next steps"},
        {"pathway.fit", "Show all"},
        {"pathway.kind.school", "School"},
        {"pathway.kind.college", "College"},
        {"pathway.kind.degree", "Degree"},
        {"pathway.kind.apprenticeship", "Apprenticeship"},
        {"pathway.kind.programme", "Training programme"},
        {"pathway.kind.job", "Job"},
        {"pathway.kind.registration", "Registration"},
        {"role.how_do_i_get_here", "How do I get this job?"},
        {"app.touch_to_explore", "Touch to explore"},
        {"idle.still_there", "Still there?"},
        {"idle.tap_to_continue", "Touch the screen to carry on"},
        {"glossary.close_hint", "Touch anywhere to close"},
    };
    return keys;
}

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
    for (const auto& [k, fallback] : UiStringKeys())
        if (std::strcmp(k, key) == 0)
            return fallback;
    return key;
}
} // namespace kiosk::ui
