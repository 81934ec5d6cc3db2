// Admin panel: the Today tab shows the quiz's figures (starts, finished, completion rate, where
// people stop, the most frequent top matches) from the model, labelled with the content's words.
#include "core/admin/admin_model.h"
#include "core/content/content_loader.h"
#include "support/ui_harness_admin.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;

using kiosk::ui::test::AdminHarness;

TEST_CASE("the Today tab shows the quiz's starts, completion, stops and top matches", "[ui][admin][quiz]")
{
    const auto loaded = core::LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(loaded.pack);
    const auto& quiz = loaded.pack->quiz;
    core::StatsSummary summary;
    summary.total.visits = 10;
    summary.total.quiz_started = 8;
    summary.total.quiz_finished = 6;
    summary.total.quiz_abandoned_at = {{quiz.questions[2].id, 2}};
    summary.total.quiz_top_results = {{"renal-engineering", 4}, {"clinical-engineer", 2}};
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}})
    {
        INFO(w << "x" << ht);
        AdminHarness a(w, ht);
        a.model.today = core::MakeAdminStats(summary, loaded.pack.get(), "en", 8);
        core::ApplyPinAttempt(a.view, core::PinAttempt::Accepted);
        a.h.base.hits.drawn_text.clear();
        a.h.Frame();
        CHECK(a.h.Drew("Quizzes started"));
        CHECK(a.h.Drew("Quiz completion"));
        CHECK(a.h.Drew("75%"));
        // Where people stop: the question's number and words, not its id.
        CHECK(a.h.Drew("3. " + quiz.questions[2].text.Get("en")));
        CHECK(a.h.Drew("Renal engineering"));
    }
}
