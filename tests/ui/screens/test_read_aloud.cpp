// Read aloud and More time in the headless ui: the "Read aloud" control (speaker and words,
// touch-sized) on the role page, the gallery caption, the flowchart step details, a definition
// card and "Still there?"; hidden without speech; a tap asks for the exact target and turns read
// aloud on for the visit; while reading it says "Stop reading"; the block being read is marked.
// "Still there?" gives a big More time that works again and again without ending the visit, and
// a tap on the overlay never presses what lies under it. English and Welsh, 1920x1080 and 800x480.
#include "support/ui_harness.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;
using namespace kiosk::ui;
using kiosk::ui::test::BundledPack;
using kiosk::ui::test::UiHarness;

namespace
{
const core::ReadAloud* LastRead(const UiHarness& h)
{
    for (auto it = h.actions.rbegin(); it != h.actions.rend(); ++it)
        if (const auto* r = std::get_if<core::ReadAloud>(&*it))
            return r;
    return nullptr;
}

// The control is touch-sized and entirely on screen.
void CheckTarget(const UiHarness& h, const std::string& id)
{
    const HitArea* a = h.Find(id);
    INFO(id);
    REQUIRE(a);
    CHECK(a->Height() >= h.metrics.touch_min - 0.5f);
    CHECK(a->Width() >= h.metrics.touch_min);
    CHECK(a->x0 >= 0);
    CHECK(a->y0 >= 0);
    CHECK(a->x1 <= h.metrics.screen_w);
    CHECK(a->y1 <= h.metrics.screen_h);
}
} // namespace

TEST_CASE("read aloud is offered on every reading screen, in both languages and sizes", "[ui][speech]")
{
    for (auto [w, hgt] : {std::pair{1920.0f, 1080.0f}, std::pair{800.0f, 480.0f}})
        for (const char* lang : {"en", "cy"})
        {
            INFO(w << "x" << hgt << " " << lang);
            UiHarness h(w, hgt, BundledPack());
            h.speech.available = true;
            h.visit.Touch(h.Time());
            h.Act(core::SetLanguage{lang});
            const std::string read_word = std::string(lang) == "cy" ? "Darllen yn uchel" : "Read aloud";

            h.Act(core::OpenRole{"clinical-engineer"});
            h.Settle();
            CheckTarget(h, "read-aloud:role:clinical-engineer");
            CHECK(h.hits.Drew(read_word));
            REQUIRE(h.TapId("read-aloud:role:clinical-engineer"));
            const core::ReadAloud* read = LastRead(h);
            REQUIRE(read);
            CHECK(read->target.Key() == "role:clinical-engineer");
            CHECK(h.State().read_aloud);
            CHECK(h.State().screen == core::ScreenId::Role); // reading moves nowhere

            const std::string photo = h.pack->photos[0].id;
            h.Act(core::OpenGallery{"", 0});
            h.Settle();
            CheckTarget(h, "read-aloud:photo:" + photo);
            REQUIRE(h.TapId("read-aloud:photo:" + photo));
            CHECK(LastRead(h)->target.Key() == "photo:" + photo);
            CHECK(h.State().gallery_index == 0); // the tap did not swipe or step

            const std::string node = h.pack->pathway.nodes[0].id;
            h.Act(core::OpenPathway{node, "", ""});
            h.Settle();
            CheckTarget(h, "read-aloud:node:" + node);
            REQUIRE(h.TapId("read-aloud:node:" + node));
            CHECK(LastRead(h)->target.Key() == "node:" + node);
            CHECK(h.State().pathway.selected == node); // the sheet stays open

            const std::string term = h.pack->glossary.terms[0].id;
            h.Act(core::OpenGlossaryTerm{term});
            h.Settle();
            CheckTarget(h, "read-aloud:term:" + term);
            REQUIRE(h.TapId("read-aloud:term:" + term));
            CHECK(LastRead(h)->target.Key() == "term:" + term);
            CHECK(h.State().glossary_term == term); // reading does not close the card
        }
}

TEST_CASE("without speech the read-aloud controls are hidden", "[ui][speech]")
{
    UiHarness h(1920, 1080, BundledPack());
    h.visit.Touch(h.Time());
    h.Act(core::OpenRole{"clinical-engineer"});
    h.Settle();
    CHECK(h.hits.WithPrefix("read-aloud:").empty());
    CHECK_FALSE(h.hits.Drew("Read aloud"));
    h.Act(core::OpenGlossaryTerm{h.pack->glossary.terms[0].id});
    h.Settle();
    CHECK(h.hits.WithPrefix("read-aloud:").empty());
}

TEST_CASE("while a target is read its button says Stop reading and its block is marked", "[ui][speech]")
{
    UiHarness h(1920, 1080, BundledPack());
    h.speech.available = true;
    h.visit.Touch(h.Time());
    h.Act(core::OpenRole{"clinical-engineer"});
    h.Settle();
    CHECK(h.hits.Drew("Read aloud"));
    CHECK_FALSE(h.hits.Drew("Stop reading"));
    h.speech.target = "role:clinical-engineer";
    h.speech.block = "what_you_do";
    h.hits.drawn_text.clear();
    h.Frame();
    CHECK(h.hits.Drew("Stop reading"));
    REQUIRE(h.TapId("read-aloud:role:clinical-engineer"));
    CHECK(std::holds_alternative<core::StopReading>(h.actions.back()));
    // Another role's page is not "being read".
    h.Act(core::OpenRole{"clinical-technologist"});
    h.hits.drawn_text.clear();
    h.Settle();
    CHECK(h.hits.Drew("Read aloud"));
    CHECK_FALSE(h.hits.Drew("Stop reading"));
}

TEST_CASE("Still there? gives a big More time that works again and again", "[ui][speech][idle]")
{
    for (auto [w, hgt] : {std::pair{1920.0f, 1080.0f}, std::pair{800.0f, 480.0f}})
    {
        INFO(w << "x" << hgt);
        UiHarness h(w, hgt, BundledPack());
        h.speech.available = true;
        const double idle = h.pack->settings.timings.idle_timeout_s;
        REQUIRE(h.pack->settings.timings.countdown_s >= 20);
        h.visit.Touch(h.Time());
        h.Act(core::OpenRole{"clinical-engineer"});
        h.Settle();
        for (int i = 1; i <= 12; ++i)
        {
            h.Wait(idle + 1);
            REQUIRE(h.visit.Phase() == core::VisitPhase::StillThere);
            h.Wait(15); // 15 of the 20 seconds
            REQUIRE(h.visit.Phase() == core::VisitPhase::StillThere);
            CHECK(h.hits.Drew("More time"));
            const HitArea* more = h.Find("idle:more-time");
            REQUIRE(more);
            // Large: one and a half touch targets high, at least half the screen's short side wide.
            CHECK(more->Height() >= 1.5f * h.metrics.touch_min - 1.0f);
            CHECK(more->Width() >= 0.4f * std::min(w, hgt));
            CheckTarget(h, "read-aloud:still-there");
            REQUIRE(h.TapId("idle:more-time"));
            CHECK(h.visit.Phase() == core::VisitPhase::Visiting);
            CHECK(h.visit.Extensions() == i);
            // The tap pressed nothing under the overlay: still on the same page.
            CHECK(h.State().screen == core::ScreenId::Role);
            CHECK(h.State().role_id == "clinical-engineer");
        }
        CHECK(h.visit.VisitNumber() == 1);
        // Read aloud on the overlay asks for the prompt and keeps the countdown showing.
        h.Wait(idle + 1);
        REQUIRE(h.TapId("read-aloud:still-there"));
        REQUIRE(LastRead(h));
        CHECK(LastRead(h)->target.kind == core::SpeechTarget::Kind::StillThere);
        CHECK(h.visit.Phase() == core::VisitPhase::StillThere);
        CHECK(h.State().read_aloud);
        // Nobody asks again: the whole countdown, then the attract loop, and read aloud is off.
        h.Wait(21);
        CHECK(h.visit.Phase() == core::VisitPhase::Attract);
        CHECK_FALSE(h.State().read_aloud);
    }
}

TEST_CASE("Still there? in Welsh says Mwy o amser", "[ui][speech][idle]")
{
    UiHarness h(1080, 1920, BundledPack());
    h.speech.available = true;
    h.visit.Touch(h.Time());
    h.Act(core::SetLanguage{"cy"});
    h.Wait(h.pack->settings.timings.idle_timeout_s + 1);
    REQUIRE(h.visit.Phase() == core::VisitPhase::StillThere);
    CHECK(h.hits.Drew("Mwy o amser"));
    CHECK(h.hits.Drew("Darllen yn uchel"));
    REQUIRE(h.TapId("idle:more-time"));
    CHECK(h.visit.Phase() == core::VisitPhase::Visiting);
    CHECK(h.State().language == "cy");
}

TEST_CASE("the bottom bar reads what a tall screen shows, within reach; the top bar leaves it to the blocks",
          "[ui][speech][reach]")
{
    for (auto [w, hgt] : {std::pair{1080.0f, 1920.0f}, std::pair{2160.0f, 3840.0f}})
    {
        INFO(w << "x" << hgt);
        UiHarness h(w, hgt, BundledPack());
        h.speech.available = true;
        h.visit.Touch(h.Time());
        h.Settle();
        CHECK(h.Find("toggle:read-aloud") == nullptr); // home has nothing of its own to read

        h.Act(core::OpenRole{"clinical-engineer"});
        h.Settle();
        CheckTarget(h, "toggle:read-aloud");
        CHECK(h.Find("toggle:read-aloud")->y0 >= 0.4f * hgt); // in the bar, below the reach line
        REQUIRE(h.TapId("toggle:read-aloud"));
        REQUIRE(LastRead(h));
        CHECK(LastRead(h)->target.Key() == "role:clinical-engineer");

        // While it reads, the same control stops it.
        h.speech.target = "role:clinical-engineer";
        h.Frame();
        REQUIRE(h.TapId("toggle:read-aloud"));
        CHECK(std::holds_alternative<core::StopReading>(h.actions.back()));
        h.speech.target.clear();

        const std::string node = h.pack->pathway.nodes[0].id;
        h.Act(core::OpenPathway{node, "", ""});
        h.Settle();
        REQUIRE(h.TapId("toggle:read-aloud"));
        CHECK(LastRead(h)->target.Key() == "node:" + node);
    }
    UiHarness landscape(1920, 1080, BundledPack());
    landscape.speech.available = true;
    landscape.visit.Touch(landscape.Time());
    landscape.Act(core::OpenRole{"clinical-engineer"});
    landscape.Settle();
    CHECK(landscape.Find("toggle:read-aloud") == nullptr);
    CHECK(landscape.Find("read-aloud:role:clinical-engineer") != nullptr);
}
