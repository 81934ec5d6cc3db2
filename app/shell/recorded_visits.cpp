#include "shell/recorded_visits.h"

#include <chrono>

namespace kiosk::app
{
core::VisitTime Now()
{
    using namespace std::chrono;
    core::VisitTime t;
    t.mono = duration<double>(steady_clock::now().time_since_epoch()).count();
    t.wall = duration<double>(system_clock::now().time_since_epoch()).count();
    return t;
}

void RecordedVisits::Start(const core::ContentPack& pack, const std::string& path, double idle_override_s,
                           core::VisitTime t)
{
    stats_path = path;
    core::StatsStoreOptions options;
    options.path = path;
    options.kiosk_name = pack.settings.kiosk_name;
    options.event_name = pack.settings.event.name.Get(core::kDefaultLanguage);
    store = std::make_unique<core::StatsStore>(options);
    store->Open(t.wall); // a broken database is moved aside and logged; never fatal
    visit.Start(pack, store.get(), idle_override_s, t);
}

void RecordedVisits::Stop(core::VisitTime t)
{
    visit.Stop(t);
    if (store)
        store->Close();
}
} // namespace kiosk::app
