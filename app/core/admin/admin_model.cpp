#include "core/admin/admin_model.h"

#include <cstdlib>

namespace kiosk::core
{
namespace
{
template <typename LabelFn>
std::vector<AdminChartItem> Items(const std::vector<kiosk::core::CountItem>& counts, std::size_t top, LabelFn label)
{
    std::vector<AdminChartItem> items;
    for (const auto& c : counts)
    {
        if (items.size() >= top)
            break;
        std::string l = label(c.key);
        items.push_back(AdminChartItem{c.key, l.empty() ? c.key : l, c.count});
    }
    return items;
}
} // namespace

AdminStats MakeAdminStats(const kiosk::core::StatsSummary& summary, const kiosk::core::ContentPack* pack,
                          const std::string& language, std::size_t top)
{
    AdminStats s;
    s.summary = summary;
    for (const auto& h : summary.total.visits_per_hour_of_day)
    {
        // "HH:00"
        if (h.key.size() < 2 || h.key[0] < '0' || h.key[0] > '9' || h.key[1] < '0' || h.key[1] > '9')
            continue;
        const int hour = (h.key[0] - '0') * 10 + (h.key[1] - '0');
        if (hour < 24)
            s.visits_per_hour[static_cast<std::size_t>(hour)] += h.count;
    }
    s.top_roles = Items(summary.total.roles, top,
                        [&](const std::string& id)
                        {
                            const auto* r = pack ? pack->FindRole(id) : nullptr;
                            return r ? r->title.Get(language) : std::string();
                        });
    s.top_photos = Items(summary.total.photos, top,
                         [&](const std::string& id)
                         {
                             const auto* p = pack ? pack->FindPhoto(id) : nullptr;
                             return p ? p->caption.Get(language) : std::string();
                         });
    s.start_points = Items(summary.total.start_points, top,
                           [&](const std::string& id)
                           {
                               if (pack)
                                   for (const auto& start : pack->pathway.starts)
                                       if (start.id == id)
                                           return start.title.Get(language);
                               return std::string();
                           });
    s.quiz_stops =
        Items(summary.total.quiz_abandoned_at, top,
              [&](const std::string& id)
              {
                  if (pack)
                      for (size_t i = 0; i < pack->quiz.questions.size(); i++)
                          if (pack->quiz.questions[i].id == id)
                              return std::to_string(i + 1) + ". " + pack->quiz.questions[i].text.Get(language);
                  return std::string();
              });
    s.quiz_results = Items(summary.total.quiz_top_results, top,
                           [&](const std::string& id)
                           {
                               const auto* r = pack ? pack->FindRole(id) : nullptr;
                               return r ? r->title.Get(language) : std::string();
                           });
    s.glossary_terms = Items(summary.total.glossary_terms, top,
                             [&](const std::string& id)
                             {
                                 const auto* t = pack ? pack->glossary.Find(id) : nullptr;
                                 return t ? t->term.Get(language) : std::string();
                             });
    return s;
}
} // namespace kiosk::core
