// UsageRecorder: what a visit records, from the actions and view changes alone.
#include "core/content/content_loader.h"
#include "ui/usage_recorder.h"
#include "ui/visit_navigation.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using core::EventKind;

static const core::ContentPack& Pack()
{
    static const core::ContentLoadResult result = core::LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(result.pack);
    return *result.pack;
}

// Applies `action` at time `t` the way the app does, returning what was recorded.
static std::vector<core::StatsEvent> Step(ui::UsageRecorder& rec, ui::VisitView& view, const ui::UiAction& action,
                                          double t)
{
    const ui::VisitView before = view;
    ui::ApplyAction(view, action, Pack());
    return rec.Update(before, view, {action}, Pack(), t, 1.8e9 + t);
}

TEST_CASE("opening a role records the role and the home screen's dwell", "[ui][usage]")
{
    ui::UsageRecorder rec;
    ui::VisitView view;
    rec.StartVisit(view, Pack(), 100.0);
    const auto events = Step(rec, view, ui::OpenRole{"clinical-engineer"}, 104.5);
    REQUIRE(events.size() == 2);
    CHECK(events[0].kind == EventKind::RoleOpened);
    CHECK(events[0].role_id == "clinical-engineer");
    CHECK(events[1].kind == EventKind::ScreenViewed);
    CHECK(events[1].screen_id == "home");
    CHECK(events[1].dwell_ms == 4500);
}

TEST_CASE("the gallery records each photograph shown with its dwell", "[ui][usage]")
{
    ui::UsageRecorder rec;
    ui::VisitView view;
    rec.StartVisit(view, Pack(), 0.0);
    Step(rec, view, ui::OpenGallery{"", 0}, 1.0);
    const auto next = Step(rec, view, ui::GalleryNext{}, 4.0);
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

TEST_CASE("language, accessibility and pathway choices are recorded by id only", "[ui][usage]")
{
    ui::UsageRecorder rec;
    ui::VisitView view;
    rec.StartVisit(view, Pack(), 0.0);
    auto e = Step(rec, view, ui::SetLanguage{"cy"}, 1.0);
    REQUIRE(e.size() == 1);
    CHECK(e[0].kind == EventKind::LanguageSwitched);
    CHECK(e[0].language == "cy");
    e = Step(rec, view, ui::ToggleHighContrast{}, 2.0);
    REQUIRE(e.size() == 1);
    CHECK(e[0].setting == "high_contrast=on");
    e = Step(rec, view, ui::OpenPathway{"", "doing-a-levels", ""}, 3.0);
    REQUIRE(e.size() == 2); // the start point, and the home screen closed
    CHECK(e[0].kind == EventKind::StartPointChosen);
    CHECK(e[0].start_point_id == "doing-a-levels");
}

TEST_CASE("flowchart start chips and node taps are recorded; clearing a chip is not", "[ui][usage][pathway]")
{
    ui::UsageRecorder rec;
    ui::VisitView view;
    rec.StartVisit(view, Pack(), 0.0);
    Step(rec, view, ui::OpenPathway{}, 1.0);
    auto e = Step(rec, view, ui::PathwayStartChosen{"at-university"}, 2.0);
    REQUIRE(e.size() == 1); // in place: no screen closed
    CHECK(e[0].kind == EventKind::StartPointChosen);
    CHECK(e[0].start_point_id == "at-university");
    CHECK(Step(rec, view, ui::PathwayStartChosen{"at-university"}, 3.0).empty()); // the lit chip again clears
    CHECK(view.pathway.lit_start.empty());
    e = Step(rec, view, ui::PathwayNodeOpened{"stp"}, 4.0);
    REQUIRE(e.size() == 1);
    CHECK(e[0].kind == EventKind::PathwayNodeTapped);
    CHECK(e[0].node_id == "stp");
    CHECK(Step(rec, view, ui::PathwayNodeOpened{""}, 5.0).empty()); // closing the sheet
    // An entry route's node from a role page counts as a node tapped.
    Step(rec, view, ui::OpenRole{"clinical-engineer"}, 6.0);
    e = Step(rec, view, ui::OpenPathway{"stp", "", "clinical-engineer"}, 7.0);
    REQUIRE(e.size() == 2);
    CHECK(e[0].kind == EventKind::PathwayNodeTapped);
    CHECK(e[0].node_id == "stp");
}

TEST_CASE("nothing is recorded outside a visit", "[ui][usage]")
{
    ui::UsageRecorder rec;
    ui::VisitView view;
    CHECK(Step(rec, view, ui::OpenRole{"clinical-engineer"}, 1.0).empty());
    CHECK(rec.EndVisit(2.0, 0).empty());
}
