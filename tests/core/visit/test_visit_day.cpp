// A day in simulated time (issue 14, "a day in twenty minutes", the part that runs in a second):
// the bundled pack's core::Visit recording into a real StatsStore, driven for 24 hours from 06:00
// UTC through midnight to 06:00 the next day. Busy hours and quiet ones, visitors who tap at random
// through every kind of action and then walk away, "Still there?" answered or not, long nights in
// the attract loop. Time is an input: the loop ticks the visit every half second, as the kiosk's
// main loop does at the least.
//
// Checked: the timers fire when promised all day (the countdown at the idle timeout, the reset at
// the end of the countdown, the attract timeline's slots counting from each reset); the database
// holds exactly the visits made, each started once and ended once with the duration the visitor
// spent; the summary splits them at midnight and per hour as they happened; and nothing grows: the
// back stack and quiz answers stay within their caps, the store's queue drains, and the heap outside
// SQLite's page cache is the same at the end of the day as after the first hours.
#include "core/content/content_loader.h"
#include "core/stats/stats_report.h"
#include "core/stats/stats_store.h"
#include "core/visit/attract_timeline.h"
#include "core/visit/visit.h"
#include "support/temp_dir.h"

#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <malloc.h>
#include <map>
#include <random>
#include <sqlite3.h>

using namespace kiosk::core;

namespace
{
constexpr double kDayStartWall = 1781071200.0; // 2026-06-10T06:00:00Z
constexpr double kMonoStart = 1000.0;          // the monotonic clock's origin is arbitrary
constexpr double kTickS = 0.5;                 // FramePacing::max_sleep_s: the loop's slowest pace
constexpr double kDayS = 86400.0;

// The simulated kiosk: a clock, the visit, and what the visitor did, as the test saw it.
struct Day
{
    std::shared_ptr<const ContentPack> pack;
    Visit visit;
    double elapsed = 0; // seconds since 06:00
    std::mt19937 rng{20261201};

    VisitTime Now() const { return {kMonoStart + elapsed, kDayStartWall + elapsed}; }
    double Uniform(double lo, double hi) { return std::uniform_real_distribution<double>(lo, hi)(rng); }
    size_t Index(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); }
    int AttractSlides() const { return pack->attract.empty() ? (int)pack->roles.size() : (int)pack->attract.size(); }
};

// A random action of any kind the visitor's screens return. Actions that do not fit the screen
// (Back on home, a gallery step off the gallery) are part of the test: they must change nothing
// harmful.
VisitAction RandomAction(Day& d)
{
    const ContentPack& p = *d.pack;
    const VisitState& s = d.visit.State();
    switch (d.Index(20))
    {
    case 0:
    case 1:
        return OpenRole{p.roles[d.Index(p.roles.size())].id};
    case 2:
        return OpenGallery{d.Index(2) ? std::string() : p.roles[d.Index(p.roles.size())].id, 0};
    case 3:
        return OpenPathway{};
    case 4:
        return OpenPathway{"", p.pathway.starts[d.Index(p.pathway.starts.size())].id, ""};
    case 5:
        return PathwayStartChosen{p.pathway.starts[d.Index(p.pathway.starts.size())].id};
    case 6:
        return PathwayNodeOpened{p.pathway.nodes[d.Index(p.pathway.nodes.size())].id};
    case 7:
        return Back{};
    case 8:
        return Home{};
    case 9:
        return SetLanguage{s.language == "en" ? "cy" : "en"};
    case 10:
        return ToggleLargerText{};
    case 11:
        return ToggleHighContrast{};
    case 12:
    case 13:
        return d.Index(2) ? VisitAction(GalleryNext{}) : VisitAction(GalleryPrev{});
    case 14:
        return p.glossary.Empty()
                   ? VisitAction(Home{})
                   : VisitAction(OpenGlossaryTerm{p.glossary.terms[d.Index(p.glossary.terms.size())].id});
    case 15:
        return CloseGlossary{};
    case 16:
        return StartQuiz{};
    case 17:
    {
        // The question on show, or a stale one when the quiz is not open.
        const size_t q = std::min(s.quiz.Question(), p.quiz.questions.size() - 1);
        const QuizQuestion& question = p.quiz.questions[q];
        return AnswerQuiz{question.id, question.answers[d.Index(question.answers.size())].id};
    }
    case 18:
        return QuizPrevious{};
    default:
        return ReadAloud{SpeechTarget{SpeechTarget::Kind::Role, p.roles[d.Index(p.roles.size())].id, 0}};
    }
}

// ASan and friends bring their own allocator, and glibc's mallinfo2 then reports nothing useful.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kMallocCountsHeap = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
constexpr bool kMallocCountsHeap = false;
#else
constexpr bool kMallocCountsHeap = true;
#endif
#else
constexpr bool kMallocCountsHeap = true;
#endif

// Heap bytes in use by the whole process (every malloc arena), less what SQLite holds: its page
// cache grows with the database up to its cap, which is growth with a bound, not a leak.
long long HeapOutsideSqlite()
{
    const struct mallinfo2 m = mallinfo2();
    return (long long)(m.uordblks + m.hblkhd) - (long long)sqlite3_memory_used();
}

struct Tally
{
    std::int64_t visits = 0;
    std::int64_t still_there_answered = 0;
    std::int64_t max_history = 0;
    std::int64_t max_quiz_answers = 0;
    std::int64_t attract_slots = 0;               // attract slides shown over the day
    std::vector<double> durations;                // of each visit, as the visitor lived it
    std::map<std::string, std::int64_t> per_hour; // "YYYY-MM-DD HH:00" (UTC) of each visit's start
};

std::string HourKey(double wall)
{
    const std::time_t t = (std::time_t)wall;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof(buf), "%Y-%m-%d %H:00", &tm);
    return buf;
}

// Ticks the visit until `until` (seconds since 06:00), checking the attract timeline on the way
// while the loop plays. Returns the phase changes seen as (time, phase).
void RunUntil(Day& d, double until, Tally& tally, std::vector<std::pair<double, VisitPhase>>* changes = nullptr)
{
    VisitPhase phase = d.visit.Phase();
    std::int64_t last_slot = -1;
    double last_since = d.visit.AttractSince();
    while (d.elapsed + kTickS <= until + 1e-9)
    {
        d.elapsed += kTickS;
        d.visit.Tick(d.Now());
        if (d.visit.Phase() != phase)
        {
            phase = d.visit.Phase();
            if (changes)
                changes->push_back({d.elapsed, phase});
        }
        if (phase != VisitPhase::Attract)
            continue;
        // The attract loop counts its slots from its own start, one slot at a time, with no gaps.
        if (d.visit.AttractSince() != last_since)
        {
            last_since = d.visit.AttractSince();
            last_slot = -1;
        }
        const double t = d.Now().mono - d.visit.AttractSince();
        REQUIRE(t >= 0);
        const AttractFrame f = AttractAt(t, d.AttractSlides(), d.pack->settings.timings.attract_slide_s);
        REQUIRE(f.current == (int)(f.slot % f.slide_count));
        REQUIRE(f.fade >= 0.0);
        REQUIRE(f.fade <= 1.0);
        REQUIRE(std::isfinite(f.current_motion.zoom));
        REQUIRE(std::abs(f.burn_in_x_em) <= kBurnInMaxEm + 1e-9);
        if (last_slot >= 0)
        {
            REQUIRE(f.slot >= last_slot);
            REQUIRE(f.slot <= last_slot + 1);
            tally.attract_slots += f.slot - last_slot;
        }
        last_slot = f.slot;
    }
}

// One visitor: wakes the kiosk, does `steps` things with pauses shorter than the idle timeout,
// sometimes leaves "Still there?" and comes back, then walks away until the reset.
void OneVisit(Day& d, Tally& tally)
{
    const double idle = d.pack->settings.timings.idle_timeout_s;
    const double countdown = std::max(kMinCountdownS, d.pack->settings.timings.countdown_s);
    REQUIRE(d.visit.Phase() == VisitPhase::Attract);
    const double start = d.elapsed;
    REQUIRE(d.visit.Touch(d.Now())); // the waking touch presses nothing
    REQUIRE(d.visit.Phase() == VisitPhase::Visiting);
    tally.visits++;
    tally.per_hour[HourKey(d.Now().wall)]++;
    // The visit starts fresh: home, the first language, nothing on the back stack.
    REQUIRE(d.visit.State().screen == ScreenId::Home);
    REQUIRE(d.visit.State().history.empty());
    REQUIRE(d.visit.State().language == d.pack->settings.languages[0].code);
    REQUIRE_FALSE(d.visit.State().larger_text);
    REQUIRE_FALSE(d.visit.State().high_contrast);

    const int steps = 3 + (int)d.Index(40);
    const double longest_pause = std::min(idle - 2, 20.0);
    for (int i = 0; i < steps; i++)
    {
        RunUntil(d, d.elapsed + std::floor(d.Uniform(1, longest_pause) / kTickS) * kTickS, tally);
        REQUIRE(d.visit.Phase() == VisitPhase::Visiting);
        d.visit.Touch(d.Now());
        d.visit.Apply(RandomAction(d), d.Now());
        tally.max_history = std::max(tally.max_history, (std::int64_t)d.visit.State().history.size());
        tally.max_quiz_answers = std::max(tally.max_quiz_answers, (std::int64_t)d.visit.State().quiz.answers.size());
        REQUIRE(d.visit.State().quiz.answers.size() <= d.pack->quiz.questions.size());
        // Now and then the visitor reads for too long and "Still there?" asks.
        if (d.Index(25) == 0)
        {
            const double quiet_from = d.elapsed;
            std::vector<std::pair<double, VisitPhase>> changes;
            RunUntil(d, quiet_from + idle + d.Uniform(1, countdown - 2), tally, &changes);
            REQUIRE(changes.size() == 1);
            REQUIRE(changes[0].second == VisitPhase::StillThere);
            REQUIRE(changes[0].first - quiet_from >= idle - 1e-9);
            REQUIRE(changes[0].first - quiet_from <= idle + kTickS + 1e-9);
            if (d.Index(2))
                d.visit.Apply(MoreTime{}, d.Now());
            else
                REQUIRE(d.visit.Touch(d.Now())); // a touch answers it and presses nothing
            REQUIRE(d.visit.Phase() == VisitPhase::Visiting);
            tally.still_there_answered++;
        }
    }
    // Walk away: the countdown at the idle timeout, the reset when it runs out.
    const double last_touch = d.elapsed;
    std::vector<std::pair<double, VisitPhase>> changes;
    RunUntil(d, last_touch + idle + countdown + 2, tally, &changes);
    REQUIRE(changes.size() == 2);
    REQUIRE(changes[0].second == VisitPhase::StillThere);
    CHECK(changes[0].first - last_touch == Approx(idle).margin(kTickS));
    REQUIRE(changes[1].second == VisitPhase::Attract);
    CHECK(changes[1].first - last_touch == Approx(idle + countdown).margin(kTickS));
    // The phases end the visit at the moment the countdown ran out, not at the tick after.
    tally.durations.push_back(last_touch + idle + countdown - start);
}
} // namespace

TEST_CASE("a simulated day: visits, quiet hours, the attract loop and midnight; the statistics match and "
          "nothing grows",
          "[core][visit][day]")
{
    ContentLoadResult loaded = LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(loaded.pack);
    Day d;
    d.pack = loaded.pack;
    REQUIRE(!d.pack->quiz.questions.empty());
    REQUIRE(!d.pack->pathway.starts.empty());
    kiosk::test::TempDir dir("kiosk-day");
    StatsStoreOptions options;
    options.path = dir.File("stats.db");
    options.kiosk_name = "day";
    options.event_name = "simulated day";
    std::atomic<int> store_problems{0}; // the writer thread logs here; Catch is not thread-safe
    options.log = [&store_problems](const std::string&) { store_problems++; };
    StatsStore store(options);
    REQUIRE(store.Open(d.Now().wall));
    d.visit.Start(*d.pack, &store, 0, d.Now());

    Tally tally;
    std::vector<long long> heap_by_hour; // sampled in the attract loop, the store's queue drained
    int next_hour = 1;
    while (d.elapsed < kDayS - 3600) // the last visitor leaves well before 06:00
    {
        // Busy from 09:00 to 17:00 (the fair), a trickle in the evening, now and then at night.
        const double hour_of_day = std::fmod(6.0 + d.elapsed / 3600.0, 24.0);
        const bool busy = hour_of_day >= 9 && hour_of_day < 17;
        const bool evening = hour_of_day >= 17 && hour_of_day < 22;
        const double gap = busy ? d.Uniform(5, 90) : evening ? d.Uniform(300, 1500) : d.Uniform(1800, 5400);
        RunUntil(d, d.elapsed + std::floor(gap / kTickS) * kTickS, tally);
        while (d.elapsed >= next_hour * 3600.0)
        {
            REQUIRE(store.Flush(10));
            heap_by_hour.push_back(HeapOutsideSqlite());
            next_hour++;
        }
        if (d.elapsed < kDayS - 3600)
        {
            OneVisit(d, tally);
            // The kiosk's writer keeps up with a visitor in real time; here a visit takes
            // microseconds, so wait for it as the real one would have, or the queue's size (and
            // the heap) would depend on how the threads happened to interleave.
            REQUIRE(store.Flush(10));
        }
    }
    RunUntil(d, kDayS, tally);
    REQUIRE(d.visit.Phase() == VisitPhase::Attract);
    REQUIRE(store.Flush(10));
    heap_by_hour.push_back(HeapOutsideSqlite());
    d.visit.Stop(d.Now()); // nothing in progress: records nothing
    const StatsStoreStatus status = store.Status();
    store.Close();

    INFO("visits " << tally.visits << ", 'Still there?' answered " << tally.still_there_answered
                   << ", attract slides shown " << tally.attract_slots);
    CHECK(tally.visits > 60);
    CHECK(tally.still_there_answered > 20);
    CHECK(tally.attract_slots > 1000);
    // The containers a visit fills stay within their caps all day.
    CHECK(tally.max_history <= 32);
    CHECK(tally.max_history >= 8); // the cap was reached for, not merely unvisited
    CHECK(tally.max_quiz_answers <= (std::int64_t)d.pack->quiz.questions.size());
    CHECK(status.dropped == 0);
    CHECK(store_problems == 0);
    CHECK(status.committed_seq == status.appended_seq);

    // The heap outside SQLite: once the first two busy hours have filled what is reused (11:00),
    // it stays within 16 KiB of that for the rest of the day, through some 70 more visits.
    // (Measured over 8 runs: it rises from 06:00 to 11:00, then moves within 3-9 KB until 05:00;
    // a leak of 300 bytes a visit fails it.)
    REQUIRE(heap_by_hour.size() >= 20);
    const long long settled = heap_by_hour[4]; // sampled at 11:00
    long long most = settled, least = settled;
    for (size_t h = 4; h < heap_by_hour.size(); h++)
    {
        most = std::max(most, heap_by_hour[h]);
        least = std::min(least, heap_by_hour[h]);
    }
    INFO("heap outside SQLite: " << settled << " B at 11:00, then " << least << "-" << most << " B, "
                                 << heap_by_hour.back() << " B at the end of the day");
    if (kMallocCountsHeap)
        CHECK(most - least <= 16 * 1024);
    else
        WARN("the heap is not measured in a sanitizer build (its allocator does not fill mallinfo2)");

    // The statistics: exactly the visits made, each started and ended once, with their durations.
    std::vector<StatsEvent> events;
    std::string error;
    REQUIRE(ReadStatsDatabase(options.path, &events, &error));
    std::map<std::int64_t, std::pair<int, int>> starts_ends;
    std::vector<double> recorded;
    for (const StatsEvent& e : events)
    {
        CHECK_FALSE(e.wall_untrusted);
        if (e.kind == EventKind::VisitStarted)
            starts_ends[e.visit_id].first++;
        if (e.kind == EventKind::VisitEnded)
        {
            starts_ends[e.visit_id].second++;
            CHECK(e.end_reason == "idle_timeout");
            recorded.push_back((double)e.visit_duration_ms / 1000.0);
        }
    }
    REQUIRE((std::int64_t)starts_ends.size() == tally.visits);
    for (const auto& [id, se] : starts_ends)
    {
        INFO("visit " << id);
        CHECK(se.first == 1);
        CHECK(se.second == 1);
    }
    REQUIRE(recorded.size() == tally.durations.size());
    for (size_t i = 0; i < recorded.size(); i++)
        CHECK(recorded[i] == Approx(tally.durations[i]).margin(0.002));

    // Midnight: the summary of each calendar day (UTC) counts the visits that started in it, and
    // the two days add up to the whole; the hours are the hours the visits happened in.
    SummaryOptions day1, day2, all;
    day1.utc = day2.utc = all.utc = true;
    const double midnight = kDayStartWall + 18 * 3600.0;
    day1.to_wall = midnight;
    day2.from_wall = midnight;
    const StatsSummary s1 = Summarize(events, day1), s2 = Summarize(events, day2), sall = Summarize(events, all);
    CHECK(sall.total.visits == tally.visits);
    CHECK(sall.total.visits_ended == tally.visits);
    CHECK(s1.total.visits + s2.total.visits == tally.visits);
    std::map<std::string, std::int64_t> per_hour;
    std::int64_t made_before_midnight = 0;
    for (const CountItem& c : sall.total.visits_per_hour)
        per_hour[c.key] = c.count;
    for (const auto& [hour, count] : tally.per_hour)
        made_before_midnight += hour.rfind("2026-06-10 ", 0) == 0 ? count : 0;
    CHECK(per_hour == tally.per_hour);
    CHECK(s1.total.visits == made_before_midnight);
    CHECK(s2.total.visits > 0); // visitors after midnight, counted on the next day
}
