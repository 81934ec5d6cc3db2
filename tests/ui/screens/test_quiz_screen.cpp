// The quiz screen with the bundled content, taken by tapping: from the home card through every
// question to the result, back to change an answer, the result's role page and route, in English
// and Welsh, at every screen size; every tap target stays on screen and clear of the others.
#include "core/content/content_loader.h"
#include "core/quiz/quiz_score.h"
#include "core/visit/screen_name.h"
#include "support/ui_harness.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::UiHarness;

namespace
{
std::shared_ptr<const core::ContentPack> LoadBundled()
{
    static auto result = core::LoadContentPack(KIOSK_CONTENT_DIR);
    INFO(core::FormatDiagnostics(result.diagnostics));
    REQUIRE(result.pack);
    return result.pack;
}

// Every registered target lies inside the screen and none overlaps another.
void CheckTargets(const UiHarness& h)
{
    const auto all = h.hits.WithPrefix("");
    for (size_t i = 0; i < all.size(); i++)
    {
        const HitArea& a = all[i];
        INFO(a.id);
        if (a.Width() <= 0.0f || a.Height() <= 0.0f)
            continue; // scrolled out of view
        const bool whole = a.x0 == a.full_x0 && a.y0 == a.full_y0 && a.x1 == a.full_x1 && a.y1 == a.full_y1;
        CHECK(a.x0 >= -0.5f);
        CHECK(a.y0 >= -0.5f);
        CHECK(a.x1 <= h.metrics.screen_w + 0.5f);
        CHECK(a.y1 <= h.metrics.screen_h + 0.5f);
        if (whole)
        {
            CHECK(a.Width() >= h.metrics.touch_min - 0.5f);
            CHECK(a.Height() >= h.metrics.touch_min - 0.5f);
        }
        for (size_t j = i + 1; j < all.size(); j++)
        {
            const HitArea& b = all[j];
            if (b.Width() <= 0.0f || b.Height() <= 0.0f)
                continue;
            INFO("overlaps " << b.id);
            CHECK((a.x1 <= b.x0 + 0.5f || b.x1 <= a.x0 + 0.5f || a.y1 <= b.y0 + 0.5f || b.y1 <= a.y0 + 0.5f));
        }
    }
}

// Finds the home quiz card (scrolling is not needed: it comes first) and taps it.
void StartFromHome(UiHarness& h)
{
    h.Frame();
    REQUIRE(h.TapId("home:quiz"));
    h.Settle();
    REQUIRE(core::ScreenKey(h.State()) == "quiz:1");
}
} // namespace

TEST_CASE("the quiz is taken by tapping, from the home card to the result", "[ui][quiz]")
{
    auto pack = LoadBundled();
    const auto& quiz = pack->quiz;
    UiHarness h(1920, 1080, pack);
    h.hits.capture_text = true;
    h.visit.Touch(h.Time()); // a visitor wakes the kiosk: the visit records from here
    StartFromHome(h);
    CHECK(h.hits.Drew("Question 1 of " + std::to_string(quiz.questions.size())));
    CHECK(h.hits.Drew(quiz.questions[0].text.Get("en")));
    CHECK_FALSE(h.Find("quiz:previous")); // nothing to go back to yet
    REQUIRE(h.TapId("quiz-answer:" + quiz.questions[0].answers[0].id));
    h.Settle();
    CHECK(core::ScreenKey(h.State()) == "quiz:2");
    // Not sure is always there.
    REQUIRE(h.TapId("quiz:not-sure"));
    h.Settle();
    CHECK(core::ScreenKey(h.State()) == "quiz:3");
    // Back to change an answer: the previous question again.
    REQUIRE(h.TapId("quiz:previous"));
    h.Settle();
    CHECK(core::ScreenKey(h.State()) == "quiz:2");
    std::vector<std::string> answers = {quiz.questions[0].answers[0].id};
    for (size_t i = 1; i < quiz.questions.size(); i++)
    {
        const auto& a = quiz.questions[i].answers[i % quiz.questions[i].answers.size()];
        REQUIRE(h.TapId("quiz-answer:" + a.id));
        h.Settle();
        answers.push_back(a.id);
    }
    REQUIRE(core::ScreenKey(h.State()) == "quiz:result");
    CHECK(h.State().quiz.answers == answers);
    h.Frame();
    const core::QuizResult result = core::ScoreQuiz(quiz, answers);
    REQUIRE(result.matches.size() == 3);
    for (const auto& match : result.matches)
    {
        INFO(match.role_id);
        CHECK(h.Find("quiz-open:" + match.role_id));
        CHECK(h.hits.Drew(pack->FindRole(match.role_id)->title.Get("en")));
    }
    // The reasons come from the visitor's own answers, in plain words.
    CHECK(h.hits.Drew("Because you said " + result.matches[0].reasons[0]->reason.Get("en")));
    // Open the second result: its page; Back: the same result.
    REQUIRE(h.TapId("quiz-open:" + result.matches[1].role_id));
    h.Settle();
    CHECK(h.State().screen == core::ScreenId::Role);
    CHECK(h.State().role_id == result.matches[1].role_id);
    REQUIRE(h.TapId("nav:back"));
    h.Settle();
    CHECK(core::ScreenKey(h.State()) == "quiz:result");
    // Show my route: where are you now? Then the flowchart with that start and the role lit.
    REQUIRE(h.TapId("quiz-route:" + result.matches[0].role_id));
    h.Settle();
    CHECK(h.hits.Drew("Where are you now?"));
    const std::string start = pack->pathway.starts[2].id;
    REQUIRE(h.TapId("quiz-start:" + start));
    h.Settle();
    CHECK(h.State().screen == core::ScreenId::Pathway);
    CHECK(h.State().pathway.lit_start == start);
    CHECK(h.State().pathway.lit_role == result.matches[0].role_id);
    // The events of the visit: started, one answer per question, finished, results, opened.
    std::map<core::EventKind, int> kinds;
    for (const auto& e : h.events.list)
        kinds[e.kind]++;
    CHECK(kinds[core::EventKind::QuizStarted] == 1);
    CHECK(kinds[core::EventKind::QuizAnswered] == (int)quiz.questions.size() + 1); // one changed
    CHECK(kinds[core::EventKind::QuizFinished] == 1);
    CHECK(kinds[core::EventKind::QuizResult] == 3);
    CHECK(kinds[core::EventKind::QuizResultOpened] == 2);
}

TEST_CASE("mostly 'not sure' shows the gentle message and the two broad roles", "[ui][quiz]")
{
    auto pack = LoadBundled();
    UiHarness h(1280, 800, pack);
    h.hits.capture_text = true;
    StartFromHome(h);
    for (size_t i = 0; i < pack->quiz.questions.size(); i++)
    {
        REQUIRE(h.TapId("quiz:not-sure"));
        h.Settle();
    }
    REQUIRE(core::ScreenKey(h.State()) == "quiz:result");
    h.Frame();
    CHECK(h.hits.Drew("Not sure yet?"));
    for (const std::string& role : pack->quiz.broad_roles)
        CHECK(h.Find("quiz-open:" + role));
    CHECK(h.hits.WithPrefix("quiz-open:").size() == pack->quiz.broad_roles.size());
}

TEST_CASE("every quiz screen fits at every size, in English and Welsh, large text and high contrast", "[ui][quiz]")
{
    auto pack = LoadBundled();
    const auto& quiz = pack->quiz;
    for (auto [w, ht] :
         {std::pair{800.f, 480.f}, {1280.f, 800.f}, {1920.f, 1080.f}, {1080.f, 1920.f}, {3840.f, 2160.f}})
        for (const char* lang : {"en", "cy"})
            for (bool large : {false, true})
            {
                INFO(w << "x" << ht << " " << lang << (large ? " large" : ""));
                UiHarness h(w, ht, pack);
                h.hits.capture_text = true;
                h.Act(core::SetLanguage{lang});
                if (large)
                {
                    h.Act(core::ToggleLargerText{});
                    h.Act(core::ToggleHighContrast{});
                }
                h.Act(core::StartQuiz{});
                for (size_t i = 0; i < quiz.questions.size(); i++)
                {
                    h.Frame();
                    CHECK(h.hits.Drew(quiz.questions[i].text.Get(lang)));
                    for (const auto& a : quiz.questions[i].answers)
                        CHECK(h.Find("quiz-answer:" + a.id));
                    CHECK(h.Find("quiz:not-sure"));
                    CheckTargets(h);
                    h.Act(core::AnswerQuiz{quiz.questions[i].id, quiz.questions[i].answers[0].id});
                }
                h.Frame();
                CHECK(core::ScreenKey(h.State()) == "quiz:result");
                CHECK(h.hits.Drew(pack->strings.Get("quiz.result_title", lang)));
                // At least the best match is on screen without scrolling, with both its buttons.
                const auto result = core::ScoreQuiz(quiz, h.State().quiz.answers);
                CHECK(h.Find("quiz-open:" + result.matches[0].role_id));
                CHECK(h.Find("quiz-route:" + result.matches[0].role_id));
                h.Act(core::QuizShowRoute{result.matches[0].role_id});
                h.Frame();
                for (const auto& s : pack->pathway.starts)
                    CHECK(h.Find("quiz-start:" + s.id));
                CheckTargets(h);
            }
}
