// Admin panel in Welsh: the panel has its own language (the pack's first when it opens, switched
// with the title bar's button), every tab's words come from strings.json's "admin.*" keys, and
// switching never touches the visit's language.
#include "core/admin/admin_model.h"
#include "support/ui_harness_admin.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;

using kiosk::ui::test::AdminHarness;
using kiosk::ui::test::BundledPack;

namespace
{
void Show(AdminHarness& a)
{
    a.h.base.hits.drawn_text.clear();
    a.h.Frame();
}
} // namespace

TEST_CASE("the admin panel opens in the pack's first language and its button switches it", "[ui][admin]")
{
    const auto pack = BundledPack();
    REQUIRE(pack->settings.languages.at(0).code == "en");
    AdminHarness a(1280, 800, pack);
    Show(a);
    CHECK(a.h.Drew("Staff PIN"));
    CHECK(a.h.Drew("Enter the staff PIN."));
    // The PIN pad has the button too: a volunteer who reads the other language switches first.
    REQUIRE(a.h.TapId("admin:language"));
    Show(a);
    CHECK(a.h.Drew("Rhowch PIN y staff."));
    REQUIRE(a.h.TapId("admin:language"));
    core::ApplyPinAttempt(a.view, core::PinAttempt::Accepted);
    Show(a);
    CHECK(a.h.Drew("Back to kiosk"));
    REQUIRE(a.h.TapId("admin:language")); // named "Cymraeg", in the language it switches to
    CHECK(a.view.language == "cy");
    CHECK(a.Names().back() == "language:cy");
    Show(a);
    CHECK(a.h.Drew("Yn ôl i'r ciosg"));
    CHECK(a.h.Drew("Cau'r ap"));
    CHECK(a.h.Drew("Heddiw"));
    CHECK(a.h.Drew("Ymweliadau bob awr"));
    CHECK(a.h.Drew("Geiriau a eglurwyd"));
    CHECK_FALSE(a.h.Drew("Back to kiosk"));
    // The visit's language is not the panel's: the harness's visit stays English.
    CHECK(a.h.base.State().language == "en");
    REQUIRE(a.h.TapId("admin:language"));
    CHECK(a.view.language == "en");
    Show(a);
    CHECK(a.h.Drew("Back to kiosk"));
}

TEST_CASE("every admin tab, the PIN pad and the touch test draw their words in Welsh", "[ui][admin]")
{
    const auto pack = BundledPack();
    AdminHarness a(800, 480, pack);
    a.view.language = "cy";
    a.model.pack_loaded = true;
    a.model.pin_policy = core::PinPolicy::ExamplePin;
    a.model.pin_failures = 1;
    Show(a);
    CHECK(a.h.Drew("PIN staff"));
    CHECK(a.h.Drew("Rhowch PIN y staff."));
    CHECK(a.h.Find("admin:language")); // clear of the pad even at 800x480
    CHECK(a.h.Drew("PIN yr enghraifft yw'r PIN gweinyddu"));
    CHECK(a.h.Drew("Canslo"));
    core::ApplyPinAttempt(a.view, core::PinAttempt::Accepted);
    a.model.today.summary.total.visits_ended = 3;
    a.model.today.summary.total.median_visit_s = 185;
    a.model.today.glossary_terms = {{"ucas", "UCAS", 3}};
    Show(a);
    CHECK(a.h.Drew("3 mun 05 eil"));
    CHECK(a.h.Drew("UCAS"));
    REQUIRE(a.h.TapId("admin:tab:content"));
    a.model.reload_message = {"admin.content.reloaded", {{"roles", "11"}, {"photos", "8"}, {"warnings", "0"}}};
    Show(a);
    CHECK(a.h.Drew("Ail-lwytho'r cynnwys"));
    CHECK(a.h.Drew("Wedi ail-lwytho. Swyddi: 11. Ffotograffau: 8. Rhybuddion: 0."));
    CHECK(a.h.Drew("Cynnwys wedi'i lwytho. Swyddi: " + std::to_string(pack->roles.size()) + "."));
    REQUIRE(a.h.TapId("admin:tab:export"));
    Show(a);
    CHECK(a.h.Drew("Dim cof bach USB."));
    REQUIRE(a.h.TapId("admin:tab:hold"));
    Show(a);
    CHECK(a.h.Drew("Dechrau saib"));
    CHECK(a.h.Drew("Dim saib."));
    REQUIRE(a.h.TapId("admin:touch-test"));
    Show(a);
    CHECK(a.h.Drew("Cyffyrddwch yn unrhyw le."));
    CHECK(a.h.Drew("Cyffyrddiadau: 0"));
    CHECK(a.h.Drew("Yn ôl"));
}
