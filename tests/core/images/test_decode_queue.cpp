// The background decoder: workers, results in order, cancellation, decoding on the caller, clean shutdown.
#include "core/images/decode_queue.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace kiosk::core;
using namespace std::chrono_literals;

namespace
{
const std::string kSuite = std::string(KIOSK_SHARED_DIR) + "/corpora/pngsuite/";

bool TakeWithin(DecodeQueue& q, DecodeJobResult& out)
{
    for (int i = 0; i < 100; i++) // up to 10 s on a loaded machine; normally milliseconds
    {
        if (q.TakeResult(out))
            return true;
        q.WaitForResult(100ms);
    }
    return false;
}
} // namespace

TEST_CASE("decode queue decodes on its worker and wakes the app once per result", "[images]")
{
    std::atomic<int> wakes{0};
    DecodeQueue q(ImageLimits{}, [&] { wakes++; });
    uint64_t a = q.Submit(kSuite + "basn6a08.png", 16, 16);
    uint64_t b = q.Submit(kSuite + "xcsn0g01.png", 16, 16);
    uint64_t c = q.Submit(kSuite + "s05n3p02.png", 0, 0);
    CHECK(a != 0);
    CHECK(b > a);
    CHECK(c > b);

    DecodeJobResult r;
    REQUIRE(TakeWithin(q, r));
    CHECK(r.job.id == a); // in submission order
    CHECK(r.decoded.ok);
    CHECK((r.decoded.image.width == 16 && r.decoded.image.height == 16));
    REQUIRE(TakeWithin(q, r));
    CHECK(r.job.id == b);
    CHECK_FALSE(r.decoded.ok);
    CHECK(r.decoded.error == "corrupt PNG: chunk 'IDAT' has a bad checksum (CRC)");
    REQUIRE(TakeWithin(q, r));
    CHECK(r.job.id == c);
    CHECK((r.decoded.image.width == 5 && r.decoded.image.height == 5));
    CHECK(q.Idle());
    // The wake runs just after a result becomes visible, so the last one may still be on its way.
    for (int i = 0; i < 1000 && wakes < 3; i++)
        std::this_thread::sleep_for(1ms);
    CHECK(wakes == 3);
}

TEST_CASE("decode queue: cancelled jobs never deliver", "[images]")
{
    DecodeQueue q;
    std::vector<uint64_t> ids;
    for (int i = 0; i < 20; i++)
        ids.push_back(q.Submit(kSuite + "basn2c16.png", 8 + i, 8 + i));
    for (size_t i = 0; i < ids.size(); i += 2)
        q.Cancel(ids[i]);
    int delivered = 0;
    DecodeJobResult r;
    while (delivered < 10 && TakeWithin(q, r))
    {
        CHECK(r.job.id % 2 == ids[1] % 2); // only the odd-indexed ones
        delivered++;
    }
    CHECK(delivered == 10);
    CHECK_FALSE(q.TakeResult(r));
    CHECK(q.Idle());
}

TEST_CASE("decode queue stops cleanly with work still queued", "[images]")
{
    auto q = std::make_unique<DecodeQueue>();
    for (int i = 0; i < 50; i++)
        q->Submit(kSuite + "basn6a16.png", 0, 0);
    q->Stop();
    CHECK(q->Submit(kSuite + "basn6a16.png", 0, 0) == 0); // refused after Stop
    q.reset();                                            // second Stop in the destructor is harmless
    SUCCEED();
}

TEST_CASE("decode queue: the caller can decode queued jobs itself, each delivered once", "[images]")
{
    std::atomic<int> wakes{0};
    DecodeQueue q(
        ImageLimits{}, [&] { wakes++; }, 1);
    std::vector<uint64_t> ids;
    for (int i = 0; i < 12; i++)
        ids.push_back(q.Submit(kSuite + "basn6a08.png", 8 + i, 8 + i));
    int here = 0;
    while (q.DecodeOneHere()) // shares the queue with the worker
        here++;
    CHECK(here <= 12);
    CHECK_FALSE(q.DecodeOneHere()); // nothing left to take
    std::vector<int> seen(ids.size(), 0);
    DecodeJobResult r;
    for (size_t n = 0; n < ids.size(); n++)
    {
        REQUIRE(TakeWithin(q, r));
        REQUIRE(r.decoded.ok);
        const size_t i = static_cast<size_t>(r.job.id - ids.front());
        REQUIRE(i < ids.size());
        CHECK(r.decoded.image.width == 8 + static_cast<int>(i));
        seen[i]++;
    }
    for (int count : seen)
        CHECK(count == 1);
    CHECK_FALSE(q.TakeResult(r));
    for (int i = 0; i < 1000 && wakes < 12; i++)
        std::this_thread::sleep_for(1ms);
    CHECK(wakes == 12); // the caller's decodes wake the app like the worker's
    q.Stop();
    CHECK(q.Submit(kSuite + "basn6a08.png", 8, 8) == 0);
    CHECK_FALSE(q.DecodeOneHere()); // stopped: nothing runs
}
