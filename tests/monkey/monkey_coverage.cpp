#include "monkey/monkey_coverage.h"

#include "core/admin/admin_actions.h"

#include <algorithm>
#include <utility>

namespace kiosk::monkey
{
std::string ScreenKind(const std::string& name)
{
    for (const char* kind : {"role", "gallery", "quiz"})
    {
        const std::string prefix = std::string(kind) + ":";
        if (name.rfind(prefix, 0) == 0 && name != "quiz:result")
            return kind;
    }
    return name;
}

const std::vector<std::string>& RequiredCoverage()
{
    static const std::vector<std::string> required = {
        "screen:home",
        "screen:role",
        "screen:gallery",
        "screen:pathway",
        "screen:pathway:NODE",
        "screen:quiz",
        "screen:quiz:result",
        "screen:attract",
        "screen:still-there",
        "screen:fault",
        "screen:admin:pin",
        "screen:admin:panel",
        "screen:admin:touch-test",
        "overlay:definition-card",
        "admin:tab:today",
        "admin:tab:all-time",
        "admin:tab:content",
        "admin:tab:export",
        "admin:tab:hold",
        "event:idle-reset",
    };
    return required;
}

void Coverage::Note(MonkeyKiosk& kiosk)
{
    const std::string screen = kiosk.DrawnScreen();
    ++m_frames["screen:" + ScreenKind(screen)];
    if (kiosk.AdminOpen())
    {
        const core::AdminView& v = kiosk.admin.View();
        if (v.mode == core::AdminMode::Panel)
            ++m_frames[std::string("admin:tab:") + core::AdminTabName(v.tab)];
        if (v.exit_armed)
            ++m_frames["admin:exit-confirmation"];
        if (v.pin_rejected)
            ++m_frames["admin:pin-rejected"];
        if (kiosk.admin.Model().pin_locked_s > 0)
            ++m_frames["admin:pin-locked-out"];
        if (!v.language.empty())
            ++m_frames["admin:language:" + v.language];
        return;
    }
    if (!kiosk.base.pack || kiosk.InAttract())
        return;
    const core::VisitState& s = kiosk.visits.visit.State();
    if (s.screen == core::ScreenId::Pathway && !s.pathway.selected.empty())
        ++m_frames["screen:pathway:NODE"];
    if (s.screen == core::ScreenId::Pathway && !s.pathway.lit_start.empty())
        ++m_frames["overlay:pathway-lit-start"];
    if (!s.glossary_term.empty())
        ++m_frames["overlay:definition-card"];
    if (!s.quiz.route_role.empty())
        ++m_frames["overlay:quiz-where-are-you-now"];
    if (s.language != kiosk.base.pack->settings.languages.front().code)
        ++m_frames["setting:language:" + s.language];
    if (s.larger_text)
        ++m_frames["setting:larger-text"];
    if (s.high_contrast)
        ++m_frames["setting:high-contrast"];
    if (s.read_aloud)
        ++m_frames["setting:read-aloud"];
    if (kiosk.view.focus.visible)
        ++m_frames["keypad:focus-ring"];
    if (kiosk.visits.visit.Holding())
        ++m_frames["staff-hold"];
}

void Coverage::Merge(const Coverage& other)
{
    for (const auto& [name, n] : other.m_frames)
        m_frames[name] += n;
}

std::vector<std::string> Coverage::Missing() const
{
    std::vector<std::string> missing;
    for (const std::string& name : RequiredCoverage())
        if (!m_frames.count(name))
            missing.push_back(name);
    return missing;
}

void Coverage::PrintShares(std::FILE* out) const
{
    std::int64_t total = 0;
    std::vector<std::pair<std::int64_t, std::string>> screens;
    for (const auto& [name, n] : m_frames)
        if (name.rfind("screen:", 0) == 0 && name != "screen:pathway:NODE")
        {
            total += n;
            screens.emplace_back(n, name.substr(7));
        }
    if (total == 0)
        return;
    std::sort(screens.rbegin(), screens.rend());
    for (const auto& [n, name] : screens)
        std::fprintf(out, "  %-24s %5.1f %%  %lld frames\n", name.c_str(), 100.0 * (double)n / (double)total,
                     (long long)n);
    // Overlays and sub-screens, as a share of the same frames (they overlap the screens above).
    for (const char* name : {"screen:pathway:NODE", "overlay:definition-card"})
        if (const auto it = m_frames.find(name); it != m_frames.end())
            std::fprintf(out, "  %-24s %5.1f %%  %lld frames\n",
                         ("(" + std::string(name + (name[0] == 's' ? 7 : 8)) + ")").c_str(),
                         100.0 * (double)it->second / (double)total, (long long)it->second);
}

void Coverage::Print(std::FILE* out) const
{
    for (const auto& [name, n] : m_frames)
        std::fprintf(out, "  %-36s %lld\n", name.c_str(), (long long)n);
}
} // namespace kiosk::monkey
