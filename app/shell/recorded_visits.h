// RecordedVisits: the visit model and the statistics store it records into, as the kiosk runs
// them (the admin panel reads both). The store writes on its own thread; nothing here blocks on
// the disk after Start. Main thread only.
#pragma once
#include "core/stats/stats_store.h"
#include "core/visit/visit.h"

#include <memory>
#include <string>

namespace kiosk::app
{
struct RecordedVisits
{
    core::Visit visit;
    std::unique_ptr<core::StatsStore> store; // null until Start
    std::string stats_path;

    // Opens the statistics database at `path` (moving a broken one aside, never fatal) for `pack`'s
    // kiosk and event, and starts the visit model recording into it.
    void Start(const core::ContentPack& pack, const std::string& path, double idle_override_s, core::VisitTime t);
    // Ends any visit (reason shutdown), writes what is queued and closes the database.
    void Stop(core::VisitTime t);
    bool Started() const { return store != nullptr; }
};

// The time now, as the visit model takes it: monotonic, and the wall clock (which may be wrong on
// a machine with no clock battery: the store flags it).
core::VisitTime Now();
} // namespace kiosk::app
