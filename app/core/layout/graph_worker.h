// Internal to the layered layout: the second thread its steps share out work to (crossing minimisation's
// start orders, the placement of two orders side by side). Used by graph_ordering.cpp and graph_layout.cpp.
//
// One worker for the whole process, started on first use and kept until the process ends. A thread
// started for each layout (as before) was placed by the scheduler on its caller's core often enough that
// the two halves ran one after the other: the benchmark's 100-node DAG took 3.9-5.3 ms of wall time for
// 3.5-4.4 ms of CPU, against 2.0 ms in a probe where the new threads happened to land on the other core.
// A worker that lives on is settled on a core once, keeps its per-thread buffers, and costs no thread
// start per layout.
#pragma once
#include <functional>

namespace kiosk::core::graph_detail
{
// Runs 'here' on the calling thread while the worker runs 'there', and returns when both have finished.
// When the worker is serving another caller (two layouts at once) or cannot be started, 'there' runs on
// this thread after 'here'; a forked child starts a worker of its own. Callers pass jobs that touch
// disjoint data, so the results are the same either way. An exception from either job is rethrown here
// once both have ended ('here's when both threw).
void RunBeside(const std::function<void()>& here, const std::function<void()>& there);
} // namespace kiosk::core::graph_detail
