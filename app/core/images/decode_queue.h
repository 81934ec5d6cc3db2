// A background image decoder: worker threads that run DecodeImage on queued jobs.
//
// At most one worker per core (the kiosk asks for one per core): the workers run at a lower
// priority than the UI thread, so on a 2-core machine a frame still wins over a decode nobody
// waits for, and the UI thread never waits for a decode. Jobs start in the order they were
// submitted; with several workers they may finish in any order. Results wait in a ready list
// until the owner takes them (on the main thread, where textures are uploaded).
//
// Threading: every public member may be called from any thread, but the intended use is one
// owner thread (the UI's) submitting and taking. The wake callback runs ON THE WORKER THREAD,
// after a result is ready and outside the queue's lock; it must be cheap and thread-safe
// (glfwPostEmptyEvent is both).
#pragma once
#include "core/images/image_decode.h"
#include "core/images/raster_cache.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace kiosk::core
{
struct DecodeJob
{
    uint64_t id = 0;  // assigned by Submit, never 0
    std::string path; // absolute, already confined to the content folder by the caller
    int target_w = 0;
    int target_h = 0;
    ImageFit fit = ImageFit::Contain;
};

struct DecodeJobResult
{
    DecodeJob job;
    DecodedImage decoded; // decoded.ok or decoded.error
};

class DecodeQueue
{
public:
    // Starts `workers` worker threads (0: one per core). limits apply to every job. With a
    // `raster_cache` (which must outlive the queue), SVGs are looked up there first and stored.
    explicit DecodeQueue(const ImageLimits& limits = {}, std::function<void()> on_ready = {}, int workers = 1,
                         RasterCache* raster_cache = nullptr);
    // Stops the workers: queued jobs are dropped, decodes in progress finish, the threads are joined.
    ~DecodeQueue();
    DecodeQueue(const DecodeQueue&) = delete;
    DecodeQueue& operator=(const DecodeQueue&) = delete;

    // Queues a decode and returns its id (never 0). After Stop, returns 0 and queues nothing.
    uint64_t Submit(const std::string& path, int target_w, int target_h, ImageFit fit = ImageFit::Contain);
    // Forgets a job: dropped if still queued; if it is being decoded, its result is discarded.
    void Cancel(uint64_t id);
    // Moves one finished result into `out`; false if none is ready.
    bool TakeResult(DecodeJobResult& out);
    // Decodes the oldest queued job on the calling thread, as a worker would (its result goes to
    // the ready list and the wake callback runs). False when nothing was queued. For a thread
    // that would otherwise only wait for results: the kiosk's main thread before its first frame,
    // when the workers (below its priority) may be starved by a busy machine.
    bool DecodeOneHere();
    // Blocks until a result is ready or the timeout passes (for tests and preview mode only;
    // the kiosk's frame loop never blocks on the queue). True if a result is ready.
    bool WaitForResult(std::chrono::milliseconds timeout);

    size_t QueuedCount() const; // waiting or being decoded
    size_t ReadyCount() const;  // decoded, not yet taken
    bool Idle() const { return QueuedCount() == 0 && ReadyCount() == 0; }
    // Stops and joins the worker (idempotent). Called by the destructor.
    void Stop();

private:
    void WorkerMain();
    void Run(DecodeJob job); // decodes and delivers one job taken from m_jobs (and put in m_running)

    ImageLimits m_limits;
    std::function<void()> m_on_ready;
    mutable std::mutex m_mutex;
    std::condition_variable m_work_cv;  // worker waits for jobs
    std::condition_variable m_ready_cv; // WaitForResult waits for results
    std::deque<DecodeJob> m_jobs;
    std::deque<DecodeJobResult> m_ready;
    std::unordered_set<uint64_t> m_cancelled_running; // ids cancelled while being decoded
    std::unordered_set<uint64_t> m_running;           // ids being decoded
    uint64_t m_next_id = 1;
    bool m_stopping = false;
    RasterCache* m_raster_cache = nullptr;
    std::vector<std::thread> m_workers; // last: they start after every other member is constructed
};
} // namespace kiosk::core
