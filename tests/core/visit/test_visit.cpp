// core::Visit: a tap's whole path below the ui. An action and the time go in; the state moves and
// the events it produces reach the sink; the phases reset the visit for the next visitor.
#include "core/visit/visit.h"
#include "support/test_pack.h"

#include <catch2/catch.hpp>

using namespace kiosk::core;

namespace
{
struct EventList : EventSink
{
    void Record(StatsEvent event) override { list.push_back(std::move(event)); }
    std::vector<StatsEvent> list;
    std::vector<EventKind> Kinds() const
    {
        std::vector<EventKind> out;
        for (const StatsEvent& e : list)
            out.push_back(e.kind);
        return out;
    }
};

VisitTime At(double mono)
{
    return {mono, 1.8e9 + mono};
}
} // namespace

TEST_CASE("a visit: a touch starts it, a tap opens a role and records it, the idle timeout resets it", "[core][visit]")
{
    auto pack = kiosk::test::MakeTestPack();
    pack->settings.timings.idle_timeout_s = 60;
    pack->settings.timings.countdown_s = 20;
    EventList events;
    Visit visit;
    visit.Start(*pack, &events, 0, At(0));
    CHECK(visit.Phase() == VisitPhase::Attract);

    CHECK(visit.Touch(At(1))); // the waking touch presses nothing
    CHECK(visit.Phase() == VisitPhase::Visiting);
    const NavigationResult r = visit.Apply(OpenRole{"clinical-engineer"}, At(3));
    CHECK(r.changed);
    CHECK(visit.State().screen == ScreenId::Role);
    CHECK(visit.State().language == "en");
    visit.Apply(SetLanguage{"cy"}, At(4));
    CHECK(visit.State().language == "cy");
    REQUIRE(events.Kinds() == std::vector<EventKind>{EventKind::VisitStarted, EventKind::RoleOpened,
                                                     EventKind::ScreenViewed, EventKind::LanguageSwitched});
    CHECK(events.list[2].screen_id == "home");
    CHECK(events.list[2].dwell_ms == 2000);

    // Quiet for the idle timeout plus the countdown (ticked each second as the loop does).
    const std::int64_t resets = visit.ResetCount();
    for (double t = 5; t <= 5 + 60 + 20 + 1; t += 1)
        visit.Tick(At(t));
    CHECK(visit.Phase() == VisitPhase::Attract);
    CHECK(visit.ResetCount() == resets + 1);
    // The next visitor finds a fresh visit: home, the pack's first language, an empty back stack.
    CHECK(visit.State().screen == ScreenId::Home);
    CHECK(visit.State().language == "en");
    CHECK(visit.State().history.empty());
    // The walk-away closed the role screen with its dwell, then the visit, then the reset.
    const auto kinds = events.Kinds();
    REQUIRE(kinds.size() == 7);
    CHECK(events.list[4].kind == EventKind::ScreenViewed);
    CHECK(events.list[4].screen_id == "role:clinical-engineer");
    CHECK(events.list[5].kind == EventKind::VisitEnded);
    CHECK(events.list[5].end_reason == "idle_timeout");
    CHECK(events.list[6].kind == EventKind::IdleReset);
}

TEST_CASE("a reload that drops the role on screen takes the visitor home", "[core][visit]")
{
    auto pack = kiosk::test::MakeTestPack();
    Visit visit;
    visit.Start(*pack, nullptr, 0, At(0));
    visit.Touch(At(1));
    visit.Apply(OpenRole{"vascular-technology"}, At(2));
    REQUIRE(visit.State().screen == ScreenId::Role);
    auto smaller = kiosk::test::MakeTestPack();
    smaller->roles.pop_back(); // vascular-technology is the last role
    visit.SetPack(*smaller);
    CHECK(visit.State().screen == ScreenId::Home);
}

TEST_CASE("Stop ends the visit in progress with reason shutdown, and records nothing after", "[core][visit]")
{
    auto pack = kiosk::test::MakeTestPack();
    EventList events;
    Visit visit;
    visit.Start(*pack, &events, 0, At(0));
    visit.Touch(At(1));
    visit.Stop(At(5));
    bool ended = false;
    for (const StatsEvent& e : events.list)
        ended |= e.kind == EventKind::VisitEnded && e.end_reason == "shutdown";
    CHECK(ended);
    const size_t n = events.list.size();
    visit.Apply(OpenRole{"clinical-engineer"}, At(6));
    CHECK(events.list.size() == n);
}

TEST_CASE("More time from the overlay keeps the visit; read aloud stays on for the visit only", "[core][visit]")
{
    auto pack = kiosk::test::MakeTestPack();
    pack->settings.timings.idle_timeout_s = 60;
    pack->settings.timings.countdown_s = 20;
    Visit visit;
    visit.Start(*pack, nullptr, 0, At(0));
    visit.Touch(At(1));
    CHECK_FALSE(visit.State().read_aloud);
    const NavigationResult read =
        visit.Apply(ReadAloud{SpeechTarget{SpeechTarget::Kind::Role, "clinical-engineer", 0}}, At(2));
    CHECK(read.changed);
    CHECK(visit.State().read_aloud);
    CHECK(visit.State().screen == ScreenId::Home); // reading moves nowhere
    CHECK_FALSE(visit.Apply(StopReading{}, At(2)).changed);
    CHECK(visit.State().read_aloud);

    double t = 2;
    for (int i = 1; i <= 12; ++i)
    {
        while (visit.Phase() != VisitPhase::StillThere)
            visit.Tick(At(t += 1));
        for (int k = 0; k < 15; ++k) // the visitor takes 15 of the 20 seconds
            visit.Tick(At(t += 1));
        REQUIRE(visit.Phase() == VisitPhase::StillThere);
        CHECK(visit.Apply(MoreTime{}, At(t)).changed);
        CHECK(visit.Phase() == VisitPhase::Visiting);
        CHECK(visit.Extensions() == i);
    }
    CHECK(visit.VisitNumber() == 1);
    CHECK(visit.State().read_aloud); // still the same visitor

    for (double end = t + 82; t < end;)
        visit.Tick(At(t += 1));
    CHECK(visit.Phase() == VisitPhase::Attract);
    CHECK_FALSE(visit.State().read_aloud); // the next visitor starts silent
    CHECK(visit.Extensions() == 12);       // until a new visit starts
    visit.Touch(At(t + 1));
    CHECK(visit.Extensions() == 0);
}
