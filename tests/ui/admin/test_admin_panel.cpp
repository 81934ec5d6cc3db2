// Admin panel: the statistics tabs show the model's numbers, content reload, export, hold, the
// touch test and the two-tap exit, at several screen sizes and in high contrast.
#include "support/ui_harness_admin.h"
#include "ui/admin/admin_screen.h"
#include "ui/theme.h"
#include "ui/widgets/bar_chart.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::AdminHarness;

namespace
{
core::AdminStats TodayStats()
{
    core::AdminStats s;
    s.summary.total.visits = 30;
    s.summary.total.visits_ended = 28;
    s.summary.total.median_visit_s = 185;
    s.summary.total.median_engaged_s = 140;
    s.visits_per_hour[10] = 7;
    s.visits_per_hour[14] = 23;
    s.top_roles = {{"clinical-engineer", "Clinical engineer", 12}, {"renal-engineering", "Renal engineering", 5}};
    s.top_photos = {{"servicing-pump", "Servicing a pump", 9}};
    s.start_points = {{"gcse", "Choosing GCSEs", 4}};
    return s;
}

void OpenPanel(AdminHarness& a)
{
    a.model.today = TodayStats();
    a.model.all_time.summary.total.visits = 1234;
    core::ApplyPinAttempt(a.view, kiosk::core::PinAttempt::Accepted);
    a.h.base.hits.drawn_text.clear();
    a.h.Frame();
}

bool Has(const AdminHarness& a, const std::string& name)
{
    for (const std::string& n : a.Names())
        if (n == name)
            return true;
    return false;
}
} // namespace

TEST_CASE("the Today tab shows the model's figures and charts", "[ui][admin]")
{
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}, {800.f, 480.f}})
    {
        INFO(w << "x" << ht);
        AdminHarness a(w, ht);
        OpenPanel(a);
        CHECK(a.h.Drew("Visits"));
        CHECK(a.h.Drew("30"));
        CHECK(a.h.Drew("3 min 05 s"));
        CHECK(a.h.Drew("2 min 20 s"));
        CHECK(a.h.Drew("Median without walk-away time"));
        CHECK(a.h.Drew("Busiest hour: 14:00 (23 visits)."));
        CHECK(a.h.Drew("Clinical engineer"));
        CHECK(a.h.Drew("12"));
        // Everything tappable is at least a touch target and on the screen.
        for (const HitArea& area : a.h.base.hits.WithPrefix("admin:"))
        {
            INFO(area.id);
            CHECK(area.full_x1 - area.full_x0 >= a.h.base.metrics.touch_min - 0.5f);
            CHECK(area.full_y1 - area.full_y0 >= a.h.base.metrics.touch_min - 0.5f);
            CHECK(area.x0 >= 0);
            CHECK(area.x1 <= w);
        }
        if (ht >= 1000)
        {
            // Tall enough that the whole tab shows: the lower charts too.
            CHECK(a.h.Drew("23"));
            CHECK(a.h.Drew("Servicing a pump"));
            CHECK(a.h.Drew("Choosing GCSEs"));
        }
    }
}

TEST_CASE("tabs switch between today, all time, content, export and hold", "[ui][admin]")
{
    AdminHarness a(1920, 1080);
    OpenPanel(a);
    REQUIRE(a.h.TapId("admin:tab:all-time"));
    CHECK(a.view.tab == core::AdminTab::AllTime);
    CHECK(Has(a, "tab:all-time"));
    CHECK(a.h.Drew("1,234"));
    REQUIRE(a.h.TapId("admin:tab:content"));
    CHECK(a.view.tab == core::AdminTab::Content);
    REQUIRE(a.h.TapId("admin:tab:export"));
    CHECK(a.view.tab == core::AdminTab::Export);
    REQUIRE(a.h.TapId("admin:tab:hold"));
    CHECK(a.view.tab == core::AdminTab::Hold);
    REQUIRE(a.h.TapId("admin:tab:today"));
    CHECK(a.view.tab == core::AdminTab::Today);
}

TEST_CASE("content tab: status, problems and reload", "[ui][admin]")
{
    AdminHarness a(1920, 1080);
    OpenPanel(a);
    a.model.pack_loaded = true;
    a.model.content_folder = "/srv/kiosk/content";
    a.model.diagnostics.Warning({"roles/x.json", 3, 5}, "tagline is long");
    a.model.diagnostics.Error({"photos.json", 12, 1}, "missing file 'photos/a.jpg'");
    a.model.reload_message = {"admin.content.not_reloaded", {{"errors", "2"}, {"first", "kiosk.json:1:1: error: x"}}};
    a.model.reload_failed = true;
    REQUIRE(a.h.TapId("admin:tab:content"));
    a.h.base.hits.drawn_text.clear();
    a.h.Frame();
    CHECK(a.h.Drew("Content loaded. Roles: 8. Photographs: 5."));
    CHECK(a.h.Drew("/srv/kiosk/content"));
    CHECK(a.h.Drew("Problems. Errors: 1. Warnings: 1."));
    CHECK(a.h.Drew("photos.json:12:1: error: missing file"));
    CHECK(a.h.Drew("roles/x.json:3:5: warning: tagline is long"));
    CHECK(a.h.Drew("Not reloaded: the content on screen is unchanged. Errors: 2. The first: kiosk.json:1:1: error: x"));
    REQUIRE(a.h.TapId("admin:reload"));
    CHECK(std::holds_alternative<core::AdminReloadContent>(a.actions.back()));
}

TEST_CASE("export tab: a button per folder", "[ui][admin]")
{
    AdminHarness a(1280, 800);
    OpenPanel(a);
    REQUIRE(a.h.TapId("admin:tab:export"));
    a.h.base.hits.drawn_text.clear();
    a.h.Frame();
    CHECK(a.h.Drew("No USB stick found"));
    CHECK_FALSE(a.h.Find("admin:export:0"));
    a.model.export_targets = {{"KINGSTON", "/media/kiosk/KINGSTON"}, {"SD", "/media/kiosk/SD"}, {"", "/home/kiosk"}};
    a.model.stats_status.database_ok = true;
    a.model.stats_status.committed_seq = 4321;
    a.model.export_message = {"admin.export.done", {{"path", "/media/kiosk/SD/stats-stand-1"}, {"n", "4321"}}};
    a.h.Frame();
    CHECK(a.h.Drew("Events saved: 4,321."));
    REQUIRE(a.h.TapId("admin:export:1"));
    REQUIRE(std::holds_alternative<core::AdminExportStats>(a.actions.back()));
    CHECK(std::get<core::AdminExportStats>(a.actions.back()).folder == "/media/kiosk/SD");
    CHECK(a.h.Drew("Saved to /media/kiosk/SD/stats-stand-1.db and .csv. Events: 4321."));
    CHECK(a.h.Drew("USB stick KINGSTON  (/media/kiosk/KINGSTON)"));
    CHECK(a.h.Drew("Home folder  (/home/kiosk)"));
}

TEST_CASE("hold tab starts and ends a hold and shows the time left", "[ui][admin]")
{
    AdminHarness a(1920, 1080);
    OpenPanel(a);
    REQUIRE(a.h.TapId("admin:tab:hold"));
    REQUIRE(a.h.TapId("admin:hold"));
    CHECK(std::holds_alternative<core::AdminStartHold>(a.actions.back()));
    a.model.hold_active = true;
    a.model.hold_seconds_left = 719.6;
    a.h.base.hits.drawn_text.clear();
    a.h.Frame();
    CHECK(a.last.animating);
    CHECK(a.h.Drew("Hold is on: 12 min 00 s left."));
    REQUIRE(a.h.TapId("admin:hold"));
    CHECK(std::holds_alternative<core::AdminEndHold>(a.actions.back()));
}

TEST_CASE("touch test records where touches land", "[ui][admin]")
{
    AdminHarness a(1920, 1080);
    OpenPanel(a);
    REQUIRE(a.h.TapId("admin:touch-test"));
    CHECK(a.view.mode == core::AdminMode::TouchTest);
    CHECK(a.view.touch_points.empty()); // the tap on the button is not a test touch
    a.h.Tap(300, 200);
    a.h.Tap(1700, 950);
    REQUIRE(a.view.touch_points.size() == 2);
    CHECK(a.view.touch_points[0].x == 300);
    CHECK(a.view.touch_points[0].y == 200);
    CHECK(a.h.Drew("Touches: 2. The last at x 1700, y 950."));
    CHECK(a.h.Drew("mm"));
    REQUIRE(a.h.TapId("admin:touch-test:back"));
    CHECK(a.view.mode == core::AdminMode::Panel);
    CHECK(a.view.touch_points.empty());
}

TEST_CASE("exit needs a second tap on the confirmation", "[ui][admin]")
{
    AdminHarness a(1920, 1080);
    OpenPanel(a);
    REQUIRE(a.h.TapId("admin:exit"));
    CHECK_FALSE(Has(a, "exit-app"));
    CHECK(a.view.exit_armed);
    CHECK(a.h.Find("admin:exit-confirm"));
    // While the confirmation shows, the panel underneath takes no taps.
    REQUIRE(a.h.TapId("admin:tab:content"));
    CHECK(a.view.tab == core::AdminTab::Today);
    REQUIRE(a.h.TapId("admin:exit-cancel"));
    CHECK_FALSE(a.view.exit_armed);
    CHECK_FALSE(Has(a, "exit-app"));
    // It lapses on its own.
    REQUIRE(a.h.TapId("admin:exit"));
    a.h.now += core::kAdminExitConfirmS + 1.0;
    a.h.Frame();
    CHECK_FALSE(a.view.exit_armed);
    CHECK_FALSE(a.h.Find("admin:exit-confirm"));
    // Two taps: out.
    REQUIRE(a.h.TapId("admin:exit"));
    REQUIRE(a.h.TapId("admin:exit-confirm"));
    CHECK(std::holds_alternative<core::AdminExitApp>(a.actions.back()));
}

TEST_CASE("exit can be confirmed on a machine that draws a frame every few seconds", "[ui][admin]")
{
    // A virtual machine without a GPU drew a frame every 2-4 s: the dialog first shows a frame or more
    // after the tap that armed it, and a press and its release come frames apart.
    AdminHarness a(1920, 1080);
    OpenPanel(a);
    REQUIRE(a.h.TapId("admin:exit"));
    // Armed long before its first frame: the 8 s count from that frame.
    a.view.exit_shown_at = -1.0;
    a.h.Frame();
    REQUIRE(a.view.exit_armed);
    const HitArea* confirm = a.h.Find("admin:exit-confirm");
    REQUIRE(confirm);
    const float x = confirm->CenterX(), y = 0.5f * (confirm->y0 + confirm->y1);
    a.h.now += 6.0;
    a.h.Frame();
    REQUIRE(a.view.exit_armed);
    a.h.now += 3.0; // the press lands 9 s after the dialog showed, with the frame that sees it
    a.h.Press(x, y);
    REQUIRE(a.view.exit_armed);
    a.h.now += 3.0; // and a finger is down, so it waits for the release, 12 s after
    a.h.Release();
    a.h.Frame();
    REQUIRE_FALSE(a.actions.empty());
    CHECK(std::holds_alternative<core::AdminExitApp>(a.actions.back()));

    // With no finger down it lapses 8 s after it first showed.
    AdminHarness b(1920, 1080);
    OpenPanel(b);
    REQUIRE(b.h.TapId("admin:exit"));
    b.h.now += core::kAdminExitConfirmS - 1.0;
    b.h.Frame();
    CHECK(b.view.exit_armed);
    b.h.now += 1.5;
    b.h.Frame();
    CHECK_FALSE(b.view.exit_armed);
    CHECK_FALSE(b.h.Find("admin:exit-confirm"));
}

TEST_CASE("Back to kiosk leaves and forgets the staff state", "[ui][admin]")
{
    AdminHarness a(1920, 1080);
    OpenPanel(a);
    REQUIRE(a.h.TapId("admin:tab:hold"));
    REQUIRE(a.h.TapId("admin:leave"));
    CHECK(std::holds_alternative<core::AdminLeave>(a.actions.back()));
    CHECK(a.view.mode == core::AdminMode::Closed);
    CHECK(a.view.tab == core::AdminTab::Today);
    const size_t n = a.actions.size();
    a.h.Frame(); // closed: draws nothing, returns nothing
    CHECK(a.actions.size() == n);
}

TEST_CASE("every tab draws in high contrast, without a pack, on small and tall screens", "[ui][admin]")
{
    const Palette hc = MakePalette(kiosk::core::Theme{}, true);
    for (auto [w, ht] : {std::pair{800.f, 480.f}, {1080.f, 1920.f}})
    {
        AdminHarness a(w, ht);
        a.h.palette = &hc;
        OpenPanel(a);
        for (const char* tab : {"admin:tab:all-time", "admin:tab:content", "admin:tab:export", "admin:tab:hold"})
        {
            INFO(tab);
            REQUIRE(a.h.TapId(tab));
            a.h.Frames(2);
        }
        // The body scrolls when it is taller than the screen.
        REQUIRE(a.h.TapId("admin:tab:today"));
        a.h.Frame();
        CHECK(a.view.content_h > 0);
    }
    AdminHarness none(1280, 800);
    none.h.base.pack = nullptr; // the fonts are built; now the content is gone
    OpenPanel(none);
    REQUIRE(none.h.TapId("admin:tab:content"));
    CHECK(none.h.Drew("No content is loaded"));
}

TEST_CASE("chart data from a statistics summary", "[ui][admin]")
{
    kiosk::core::StatsSummary summary;
    summary.total.visits_per_hour_of_day = {{"09:00", 3}, {"14:00", 5}, {"bad", 9}};
    summary.total.roles = {{"clinical-engineer", 4}, {"gone-role", 2}};
    summary.total.photos = {{"dialysis", 1}};
    const auto pack = kiosk::ui::test::MakeTestPack();
    const core::AdminStats s = core::MakeAdminStats(summary, pack.get(), "cy", 1);
    CHECK(s.visits_per_hour[9] == 3);
    CHECK(s.visits_per_hour[14] == 5);
    REQUIRE(s.top_roles.size() == 1);
    CHECK(s.top_roles[0].label == "Peiriannydd clinigol");
    CHECK(s.top_roles[0].count == 4);
    const core::AdminStats t = core::MakeAdminStats(summary, nullptr);
    REQUIRE(t.top_roles.size() == 2);
    CHECK(t.top_roles[1].label == "gone-role");
    CHECK(t.top_photos[0].label == "dialysis");
}

TEST_CASE("column layout: heights in proportion, non-zero values visible", "[ui][admin]")
{
    const std::vector<BarChartItem> items = {{"a", 0}, {"b", 1}, {"c", 100}, {"d", 50}};
    const auto r = LayoutColumns(items, 0, 400, 0, 200);
    REQUIRE(r.size() == 4);
    CHECK(r[0].max.y - r[0].min.y == 0);
    CHECK(r[1].max.y - r[1].min.y >= 2); // a hairline at least
    CHECK(r[2].max.y - r[2].min.y == Approx(200));
    CHECK(r[3].max.y - r[3].min.y == Approx(100));
    for (size_t i = 1; i < r.size(); ++i)
        CHECK(r[i].min.x > r[i - 1].max.x); // gaps between columns
    CHECK(LayoutColumns({}, 0, 400, 0, 200).empty());
    CHECK(LayoutColumns(items, 0, 400, 200, 200).empty());
}
