// Tests for the layout's shared worker thread (app/core/layout/graph_worker.h): both jobs run, on two
// threads when the worker is free, errors come back to the caller only after both jobs ended, and a
// second caller, a nested call or a forked child gets the work done rather than a deadlock.
#include "core/layout/graph_layout.h"
#include "core/layout/graph_worker.h"
#include "support/graph_samples.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

using kiosk::core::graph_detail::RunBeside;

TEST_CASE("layout worker: both jobs run, 'there' on another thread", "[layout]")
{
    for (int round = 0; round < 50; round++)
    {
        std::thread::id here_thread;
        std::thread::id there_thread;
        RunBeside([&]() { here_thread = std::this_thread::get_id(); },
                  [&]() { there_thread = std::this_thread::get_id(); });
        CHECK(here_thread == std::this_thread::get_id());
        CHECK(there_thread != std::thread::id());
        CHECK(there_thread != here_thread);
    }
}

TEST_CASE("layout worker: the two jobs overlap in time", "[layout]")
{
    // 'here' waits until 'there' has started: run one after the other on one thread, this could not end.
    // A bounded wait keeps a failure from hanging the suite.
    std::atomic<bool> there_started{false};
    bool saw_there = false;
    RunBeside(
        [&]()
        {
            auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
            while (!there_started && std::chrono::steady_clock::now() < until)
                std::this_thread::yield();
            saw_there = there_started;
        },
        [&]() { there_started = true; });
    CHECK(saw_there);
}

TEST_CASE("layout worker: an exception comes back after both jobs ended", "[layout]")
{
    std::atomic<bool> there_done{false};
    auto slow = [&]()
    {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        there_done = true;
    };
    CHECK_THROWS_WITH(RunBeside([]() { throw std::runtime_error("here failed"); }, slow), "here failed");
    CHECK(there_done);

    bool here_done = false;
    CHECK_THROWS_WITH(RunBeside([&]() { here_done = true; }, []() { throw std::runtime_error("there failed"); }),
                      "there failed");
    CHECK(here_done);

    // Both threw: the caller's own error is the one reported.
    CHECK_THROWS_WITH(
        RunBeside([]() { throw std::runtime_error("here"); }, []() { throw std::runtime_error("there"); }), "here");

    // The worker serves the next caller as before.
    std::thread::id there_thread;
    RunBeside([]() {}, [&]() { there_thread = std::this_thread::get_id(); });
    CHECK(there_thread != std::this_thread::get_id());
}

TEST_CASE("layout worker: a nested call and a second caller run their jobs themselves", "[layout]")
{
    int inner_here = 0;
    int inner_there = 0;
    std::thread::id inner_there_thread;
    RunBeside(
        [&]()
        {
            RunBeside([&]() { inner_here++; },
                      [&]()
                      {
                          inner_there++;
                          inner_there_thread = std::this_thread::get_id();
                      });
        },
        []() {});
    CHECK(inner_here == 1);
    CHECK(inner_there == 1);
    CHECK(inner_there_thread == std::this_thread::get_id()); // the worker was busy: done here

    // Four threads laying out at once share one worker; every layout equals the one made alone.
    kiosk::core::SampleGraph g = kiosk::core::GenerateLayeredDag(5, 120);
    kiosk::core::LayoutOptions options;
    kiosk::core::GraphLayout alone = kiosk::core::ComputeLayout(g.nodes, g.edges, options);
    std::vector<kiosk::core::GraphLayout> results(4);
    std::vector<std::thread> callers;
    for (size_t i = 0; i < results.size(); i++)
        callers.emplace_back([&, i]() { results[i] = kiosk::core::ComputeLayout(g.nodes, g.edges, options); });
    for (std::thread& t : callers)
        t.join();
    for (const kiosk::core::GraphLayout& r : results)
    {
        REQUIRE(r.nodes.size() == alone.nodes.size());
        CHECK(r.crossings == alone.crossings);
        for (size_t v = 0; v < r.nodes.size(); v++)
        {
            CHECK(r.nodes[v].centre.x == alone.nodes[v].centre.x);
            CHECK(r.nodes[v].centre.y == alone.nodes[v].centre.y);
        }
    }
}

TEST_CASE("layout worker: a forked child gets a worker of its own", "[layout]")
{
    RunBeside([]() {}, []() {}); // the parent's worker exists before the fork
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0)
    {
        // Exit code 0 only when 'there' ran on another thread of this process.
        std::thread::id there_thread;
        RunBeside([]() {}, [&]() { there_thread = std::this_thread::get_id(); });
        bool ok = there_thread != std::thread::id() && there_thread != std::this_thread::get_id();
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    pid_t ended = 0;
    for (int waited_ms = 0; waited_ms < 10000 && ended == 0; waited_ms += 10)
    {
        ended = waitpid(pid, &status, WNOHANG);
        if (ended == 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (ended == 0) // hung: stop our own child, then fail
    {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
    }
    REQUIRE(ended == pid);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
}
