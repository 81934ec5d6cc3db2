// Internal to the layered layout: the second thread its steps share out work to (crossing minimisation's
// start orders, the placement of two orders side by side, a cyclic graph's two cycle breakings). Used by
// graph_ordering.cpp and graph_layout.cpp.
//
// One worker for the whole process, started on first use and kept until the process ends, and kept off
// its caller's core (graph_worker.cpp). A thread started for each layout (as before) was woken on its
// caller's core often enough that the two halves ran one after the other (wall time equal to CPU time):
// a probe of the 100-node DAG, eight runs alternating, took 3.08 ms (median of the runs) against 1.90 ms
// now. A kept worker without the affinity rule was as often serial; with it, it also keeps its
// per-thread buffers and costs no thread start per layout.
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
