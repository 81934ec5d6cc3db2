// Admin PIN pad: digits, backspace, OK, Cancel, the throttle lockout, and the press that opened
// the panel. Driven headlessly by tapping the registered hit areas.
#include "support/ui_harness_admin.h"
#include "ui/admin/admin_screen.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;

using namespace kiosk::ui;

using kiosk::ui::test::AdminHarness;

TEST_CASE("PIN pad keys type digits, backspace removes one, OK submits", "[ui][admin]")
{
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}, {800.f, 480.f}})
    {
        INFO(w << "x" << ht);
        AdminHarness a(w, ht);
        for (int d = 0; d <= 9; ++d)
        {
            const HitArea* key = a.h.Find("admin:pin:" + std::to_string(d));
            REQUIRE(key);
            CHECK(key->Width() >= a.h.base.metrics.touch_min);
            CHECK(key->Height() >= a.h.base.metrics.touch_min);
            CHECK(key->y0 >= 0);
            CHECK(key->y1 <= ht);
        }
        REQUIRE(a.h.TapId("admin:pin:4"));
        REQUIRE(a.h.TapId("admin:pin:2"));
        REQUIRE(a.h.TapId("admin:pin:0"));
        CHECK(a.view.pin == "420");
        REQUIRE(a.actions.size() == 3);
        CHECK(std::get<core::AdminPinDigit>(a.actions[0]).d == 4);
        CHECK(std::get<core::AdminPinDigit>(a.actions[2]).d == 0);
        // OK needs four digits.
        REQUIRE(a.h.TapId("admin:pin:ok"));
        CHECK(a.actions.size() == 3);
        REQUIRE(a.h.TapId("admin:pin:back"));
        CHECK(std::holds_alternative<core::AdminPinBackspace>(a.actions.back()));
        CHECK(a.view.pin == "42");
        REQUIRE(a.h.TapId("admin:pin:7"));
        REQUIRE(a.h.TapId("admin:pin:7"));
        REQUIRE(a.h.TapId("admin:pin:ok"));
        CHECK(std::holds_alternative<core::AdminPinSubmit>(a.actions.back()));
        CHECK(a.view.pin == "4277"); // the app reads it, then core::ApplyPinAttempt clears it
        // Nothing in the action log gives the digits away.
        for (const std::string& n : a.Names())
            CHECK(n.find('4') == std::string::npos);
    }
}

TEST_CASE("a wrong PIN says so; the right one opens the panel", "[ui][admin]")
{
    AdminHarness a(1280, 800);
    for (int i = 0; i < 4; ++i)
        REQUIRE(a.h.TapId("admin:pin:1"));
    core::ApplyPinAttempt(a.view, kiosk::core::PinAttempt::Rejected);
    CHECK(a.view.pin.empty());
    a.h.base.hits.drawn_text.clear();
    a.h.Frame();
    CHECK(a.h.Drew("Wrong PIN"));
    REQUIRE(a.h.TapId("admin:pin:5"));
    CHECK_FALSE(a.h.Drew("Wrong PIN")); // gone once typing starts again
    core::ApplyPinAttempt(a.view, kiosk::core::PinAttempt::Accepted);
    CHECK(a.view.mode == core::AdminMode::Panel);
    CHECK(a.view.pin.empty());
    a.h.Frame();
    CHECK(a.h.Find("admin:tab:today"));
    CHECK_FALSE(a.h.Find("admin:pin:5"));
}

TEST_CASE("while the throttle locks the pad, it says so and the keys do nothing", "[ui][admin]")
{
    AdminHarness a(1920, 1080);
    REQUIRE(a.h.TapId("admin:pin:1"));
    a.model.pin_locked_s = 27.3;
    a.model.pin_failures = 4;
    a.h.base.hits.drawn_text.clear();
    a.h.Frame();
    CHECK(a.last.animating); // the countdown
    CHECK(a.h.Drew("Too many wrong PINs. Try again in 28 s."));
    const size_t before = a.actions.size();
    for (const char* id : {"admin:pin:3", "admin:pin:0", "admin:pin:back", "admin:pin:ok"})
        REQUIRE(a.h.TapId(id)); // still there, still tappable areas
    CHECK(a.actions.size() == before);
    CHECK(a.view.pin == "1");
    // Cancel still works.
    REQUIRE(a.h.TapId("admin:leave"));
    CHECK(std::holds_alternative<core::AdminLeave>(a.actions.back()));
    CHECK(a.view.mode == core::AdminMode::Closed);
    CHECK(a.view.pin.empty());
}

TEST_CASE("a missing PIN is explained on the pad", "[ui][admin]")
{
    AdminHarness a(1920, 1080);
    a.model.pin_policy = core::PinPolicy::NotSet;
    a.h.Frame();
    CHECK(a.h.Drew("No admin PIN is set: set one before running in kiosk mode."));
}

TEST_CASE("the long press that opened the panel does not press Cancel when it lifts", "[ui][admin]")
{
    AdminHarness a(1920, 1080);
    const HitArea* cancel = a.h.Find("admin:leave");
    REQUIRE(cancel);
    // Finger already down on Cancel's spot when the panel opens, then lifts.
    core::OpenAdmin(a.view);
    a.h.Press(cancel->CenterX(), cancel->CenterY());
    a.h.Release();
    a.h.Frame();
    CHECK(a.view.mode == core::AdminMode::PinEntry);
    CHECK_FALSE(a.view.ignore_press);
    // The next tap works.
    REQUIRE(a.h.TapId("admin:leave"));
    CHECK(a.view.mode == core::AdminMode::Closed);
}

TEST_CASE("digits beyond twelve are ignored", "[ui][admin]")
{
    AdminHarness a(1920, 1080);
    for (int i = 0; i < 14; ++i)
        REQUIRE(a.h.TapId("admin:pin:9"));
    CHECK(a.view.pin.size() == core::kAdminMaxPinDigits);
}
