// A background image decoder: ONE worker thread that runs DecodeImage on queued jobs.
//
// One thread, because the target machine has 2 cores: the main thread keeps one for input,
// layout and drawing, the worker takes the other; more decoders would only fight the UI.
// Jobs run in the order they were submitted. Results wait in a ready list until the owner
// takes them (on the main thread, where textures are uploaded).
//
// Threading: every public member may be called from any thread, but the intended use is one
// owner thread (the UI's) submitting and taking. The wake callback runs ON THE WORKER THREAD,
// after a result is ready and outside the queue's lock; it must be cheap and thread-safe
// (glfwPostEmptyEvent is both).
#pragma once
#include "core/images/image_decode.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>

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
    // Starts the worker thread. limits apply to every job.
    explicit DecodeQueue(const ImageLimits& limits = {}, std::function<void()> on_ready = {});
    // Stops the worker: queued jobs are dropped, a decode in progress finishes, the thread is joined.
    ~DecodeQueue();
    DecodeQueue(const DecodeQueue&) = delete;
    DecodeQueue& operator=(const DecodeQueue&) = delete;

    // Queues a decode and returns its id (never 0). After Stop, returns 0 and queues nothing.
    uint64_t Submit(const std::string& path, int target_w, int target_h, ImageFit fit = ImageFit::Contain);
    // Forgets a job: dropped if still queued; if it is being decoded, its result is discarded.
    void Cancel(uint64_t id);
    // Moves one finished result into `out`; false if none is ready.
    bool TakeResult(DecodeJobResult& out);
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

    ImageLimits m_limits;
    std::function<void()> m_on_ready;
    mutable std::mutex m_mutex;
    std::condition_variable m_work_cv;  // worker waits for jobs
    std::condition_variable m_ready_cv; // WaitForResult waits for results
    std::deque<DecodeJob> m_jobs;
    std::deque<DecodeJobResult> m_ready;
    std::unordered_set<uint64_t> m_cancelled_running; // ids cancelled while being decoded
    uint64_t m_running = 0;                           // id being decoded, 0 if none
    uint64_t m_next_id = 1;
    bool m_stopping = false;
    std::thread m_worker; // last: starts after every other member is constructed
};
} // namespace kiosk::core
