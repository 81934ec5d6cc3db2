// UsageRecorder: what a visit records, from the actions and state changes alone.
#include "core/content/content_loader.h"
#include "core/visit/navigation.h"
#include "core/visit/usage_recorder.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using core::EventKind;

static const core::ContentPack& Pack()
{
    static const core::ContentLoadResult result = core::LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(result.pack);
    return *result.pack;
}

// Carries out `action` at time `t` the way core::Visit does, returning what was recorded.
static std::vector<core::StatsEvent> Step(core::UsageRecorder& rec, core::VisitState& view,
                                          const core::VisitAction& action, double t)
{
    core::Navigate(view, action, Pack(), {});
    return rec.Update(view, action, Pack(), t, 1.8e9 + t);
}

TEST_CASE("opening a role records the role and the home screen's dwell", "[core][usage]")
{
    core::UsageRecorder rec;
    core::VisitState view;
    rec.StartVisit(view, Pack(), 100.0);
    const auto events = Step(rec, view, core::OpenRole{"clinical-engineer"}, 104.5);
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == EventKind::RoleOpened);
    CHECK(events[0].role_id == "clinical-engineer");
    CHECK(events[1].kind == EventKind::ScreenViewed);
    CHECK(events[1].screen_id == "home");
    CHECK(events[1].dwell_ms == 4500);
}

TEST_CASE("the gallery records each photograph shown with its dwell", "[core][usage]")
{
    core::UsageRecorder rec;
    core::VisitState view;
    rec.StartVisit(view, Pack(), 0.0);
    Step(rec, view, core::OpenGallery{"", 0}, 1.0);
    const auto next = Step(rec, view, core::GalleryNext{}, 4.0);
    // Leaving photo 0 after 3 s: the photo and the gallery:0 screen are closed.
    REQUIRE(next.size() == 2);
    CHECK(next[0].kind == EventKind::PhotoViewed);
    CHECK(next[0].photo_id == Pack().photos[0].id);
    CHECK(next[0].dwell_ms == 3000);
    CHECK(next[1].screen_id == "gallery:0");
    const auto end = rec.EndVisit(6.0, 1.8e9);
    REQUIRE(end.size() == 2);
    CHECK(end[0].photo_id == Pack().photos[1].id);
    CHECK(end[0].dwell_ms == 2000);
    CHECK(end[1].screen_id == "gallery:1");
    CHECK_FALSE(rec.InVisit());
}

TEST_CASE("language, accessibility and pathway choices are recorded by id only", "[core][usage]")
{
    core::UsageRecorder rec;
    core::VisitState view;
    rec.StartVisit(view, Pack(), 0.0);
    auto e = Step(rec, view, core::SetLanguage{"cy"}, 1.0);
    REQUIRE(e.size() == 1);
    CHECK(e[0].kind == EventKind::LanguageSwitched);
    CHECK(e[0].language == "cy");
    e = Step(rec, view, core::ToggleHighContrast{}, 2.0);
    REQUIRE(e.size() == 1);
    CHECK(e[0].setting == "high_contrast=on");
    e = Step(rec, view, core::OpenPathway{"", "doing-a-levels", ""}, 3.0);
    REQUIRE(e.size() == 2); // the start point, and the home screen closed
    CHECK(e[0].kind == EventKind::StartPointChosen);
    CHECK(e[0].start_point_id == "doing-a-levels");
}

TEST_CASE("flowchart start chips and node taps are recorded; clearing a chip is not", "[ui][usage][pathway]")
{
    core::UsageRecorder rec;
    core::VisitState view;
    rec.StartVisit(view, Pack(), 0.0);
    Step(rec, view, core::OpenPathway{}, 1.0);
    auto e = Step(rec, view, core::PathwayStartChosen{"at-university"}, 2.0);
    REQUIRE(e.size() == 1); // in place: no screen closed
    CHECK(e[0].kind == EventKind::StartPointChosen);
    CHECK(e[0].start_point_id == "at-university");
    CHECK(Step(rec, view, core::PathwayStartChosen{"at-university"}, 3.0).empty()); // the lit chip again clears
    CHECK(view.pathway.lit_start.empty());
    e = Step(rec, view, core::PathwayNodeOpened{"stp"}, 4.0);
    REQUIRE(e.size() == 1);
    CHECK(e[0].kind == EventKind::PathwayNodeTapped);
    CHECK(e[0].node_id == "stp");
    CHECK(Step(rec, view, core::PathwayNodeOpened{""}, 5.0).empty()); // closing the sheet
    // An entry route's node from a role page counts as a node tapped.
    Step(rec, view, core::OpenRole{"clinical-engineer"}, 6.0);
    e = Step(rec, view, core::OpenPathway{"stp", "", "clinical-engineer"}, 7.0);
    REQUIRE(e.size() == 2);
    CHECK(e[0].kind == EventKind::PathwayNodeTapped);
    CHECK(e[0].node_id == "stp");
}

TEST_CASE("nothing is recorded outside a visit", "[core][usage]")
{
    core::UsageRecorder rec;
    core::VisitState view;
    CHECK(Step(rec, view, core::OpenRole{"clinical-engineer"}, 1.0).empty());
    CHECK(rec.EndVisit(2.0, 0).empty());
}
