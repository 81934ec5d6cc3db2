#include "core/layout/graph_worker.h"

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <pthread.h>
#include <sched.h>
#include <system_error>
#include <thread>
#include <unistd.h>

namespace kiosk::core::graph_detail
{
namespace
{
// The worker never stops: it is created on first use and deliberately never destroyed, so a layout
// still running on another thread while the process exits (ComputeLayoutAsync) never meets a destroyed
// mutex, and static destruction order does not matter. Its thread waits on m_wake between jobs.
class Worker
{
public:
    // Runs 'there' on the worker thread; false when the worker is busy or cannot be started (the caller
    // then runs it itself). After true, Finish() must be called before 'there' goes out of scope.
    bool Start(const std::function<void()>& there)
    {
        bool free = false;
        if (!m_serving.compare_exchange_strong(free, true))
            return false;
        if (m_owner != getpid()) // first use, or a forked child: the parent's thread is not here
        {
            try
            {
                std::thread thread([this]() { Loop(); });
                m_thread = thread.native_handle(); // stays valid: Loop never returns
                thread.detach();
                m_owner = getpid();
                m_away_from = -1;
            }
            catch (const std::system_error&)
            {
                m_serving = false;
                return false;
            }
        }
        KeepAwayFromCaller();
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_job = &there;
            m_error = nullptr;
        }
        m_wake.notify_one();
        return true;
    }

    // Waits for the job handed to Start and returns its exception, if it threw.
    std::exception_ptr Finish()
    {
        std::exception_ptr error;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_done.wait(lock, [this]() { return m_job == nullptr; });
            error = m_error;
        }
        m_serving = false;
        return error;
    }

private:
    // Woken on its caller's core, the worker often stayed there and the two halves ran one after the
    // other (wall time equal to CPU time) until the scheduler moved one of them, which at 100 nodes took
    // longer than the whole layout. So the worker may run on any core the process may use but the
    // caller's current one; the mask is set again only when the caller has moved. With one core (or
    // when the calls fail) the worker is left where the scheduler puts it.
    void KeepAwayFromCaller()
    {
        int here = sched_getcpu();
        if (here < 0 || here == m_away_from)
            return;
        cpu_set_t allowed;
        CPU_ZERO(&allowed);
        if (sched_getaffinity(0, sizeof allowed, &allowed) != 0)
            return;
        CPU_CLR(here, &allowed);
        if (CPU_COUNT(&allowed) == 0)
            return;
        if (pthread_setaffinity_np(m_thread, sizeof allowed, &allowed) == 0)
            m_away_from = here;
    }

    void Loop()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        for (;;)
        {
            m_wake.wait(lock, [this]() { return m_job != nullptr; });
            const std::function<void()>* job = m_job;
            lock.unlock();
            std::exception_ptr error;
            try
            {
                (*job)();
            }
            catch (...)
            {
                error = std::current_exception();
            }
            lock.lock();
            m_error = error;
            m_job = nullptr;
            m_done.notify_one();
        }
    }

    std::atomic<bool> m_serving{false}; // set by the caller between Start and Finish (a flag, not a mutex:
                                        // a job that asks again on this thread must get false, not UB)
    pid_t m_owner = 0;                  // the process whose thread runs Loop (0: none yet)
    pthread_t m_thread{};               // that thread
    int m_away_from = -1;               // the caller's core the worker was last kept away from
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_done;
    const std::function<void()>* m_job = nullptr; // set while a job is handed out or running
    std::exception_ptr m_error;
};

Worker& TheWorker()
{
    static Worker* worker = new Worker(); // never deleted: see Worker
    return *worker;
}
} // namespace

void RunBeside(const std::function<void()>& here, const std::function<void()>& there)
{
    Worker& worker = TheWorker();
    if (!worker.Start(there))
    {
        here();
        there();
        return;
    }
    std::exception_ptr here_error;
    try
    {
        here();
    }
    catch (...)
    {
        here_error = std::current_exception();
    }
    std::exception_ptr there_error = worker.Finish(); // 'there' must end before this frame does
    if (here_error)
        std::rethrow_exception(here_error);
    if (there_error)
        std::rethrow_exception(there_error);
}
} // namespace kiosk::core::graph_detail
