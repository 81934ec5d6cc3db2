// The background image decoder: worker threads (one per core at most), a job queue and a ready list.
#include "core/images/decode_queue.h"

#include <algorithm>
#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace kiosk::core
{
DecodeQueue::DecodeQueue(const ImageLimits& limits, std::function<void()> on_ready, int workers,
                         RasterCache* raster_cache)
    : m_limits(limits), m_on_ready(std::move(on_ready)), m_raster_cache(raster_cache)
{
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int count = workers > 0 ? std::min(workers, cores) : cores; // never more than one per core
    for (int i = 0; i < count; ++i)
        m_workers.emplace_back([this] { WorkerMain(); });
}

DecodeQueue::~DecodeQueue()
{
    Stop();
}

uint64_t DecodeQueue::Submit(const std::string& path, int target_w, int target_h, ImageFit fit)
{
    uint64_t id = 0;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_stopping)
            return 0;
        id = m_next_id++;
        m_jobs.push_back(DecodeJob{id, path, target_w, target_h, fit});
    }
    m_work_cv.notify_one();
    return id;
}

void DecodeQueue::Cancel(uint64_t id)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    auto queued = std::find_if(m_jobs.begin(), m_jobs.end(), [id](const DecodeJob& j) { return j.id == id; });
    if (queued != m_jobs.end())
    {
        m_jobs.erase(queued);
        return;
    }
    if (m_running.count(id) != 0 && id != 0)
    {
        m_cancelled_running.insert(id);
        return;
    }
    auto ready =
        std::find_if(m_ready.begin(), m_ready.end(), [id](const DecodeJobResult& r) { return r.job.id == id; });
    if (ready != m_ready.end())
        m_ready.erase(ready);
}

bool DecodeQueue::TakeResult(DecodeJobResult& out)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (m_ready.empty())
        return false;
    out = std::move(m_ready.front());
    m_ready.pop_front();
    return true;
}

bool DecodeQueue::WaitForResult(std::chrono::milliseconds timeout)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    return m_ready_cv.wait_for(lock, timeout, [this] { return !m_ready.empty() || m_stopping; }) && !m_ready.empty();
}

size_t DecodeQueue::QueuedCount() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_jobs.size() + m_running.size();
}

size_t DecodeQueue::ReadyCount() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_ready.size();
}

void DecodeQueue::Stop()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopping = true;
        m_jobs.clear();
    }
    m_work_cv.notify_all();
    m_ready_cv.notify_all();
    for (std::thread& worker : m_workers)
        if (worker.joinable() && worker.get_id() != std::this_thread::get_id())
            worker.join();
}

void DecodeQueue::WorkerMain()
{
    // A name for top and gdb, and a slightly lower priority than the UI thread: on 2 cores a
    // frame (llvmpipe draws with both) should win over a decode that nobody is waiting for yet.
    pthread_setname_np(pthread_self(), "kiosk-decode");
    setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
    while (true)
    {
        DecodeJob job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_work_cv.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
            m_running.insert(job.id);
        }
        Run(std::move(job));
    }
}

bool DecodeQueue::DecodeOneHere()
{
    DecodeJob job;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_stopping || m_jobs.empty())
            return false;
        job = std::move(m_jobs.front());
        m_jobs.pop_front();
        m_running.insert(job.id);
    }
    Run(std::move(job));
    return true;
}

void DecodeQueue::Run(DecodeJob job)
{
    // DecodeImage never throws on bad input; a std::bad_alloc is turned into an error too,
    // so one enormous image cannot take the kiosk down.
    DecodeJobResult result;
    try
    {
        result.decoded = DecodeImageCached(job.path, m_limits, job.target_w, job.target_h, job.fit, m_raster_cache);
    }
    catch (const std::exception&)
    {
        result.decoded = DecodedImage{};
        result.decoded.error = "not enough memory to decode the image";
    }
    result.job = std::move(job);
    bool delivered = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        uint64_t id = result.job.id;
        m_running.erase(id);
        if (m_cancelled_running.erase(id) == 0 && !m_stopping)
        {
            m_ready.push_back(std::move(result));
            delivered = true;
        }
    }
    if (delivered)
    {
        m_ready_cv.notify_all();
        if (m_on_ready)
            m_on_ready();
    }
}
} // namespace kiosk::core
