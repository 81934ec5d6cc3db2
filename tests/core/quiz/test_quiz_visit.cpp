// The quiz inside a visit: navigation (start, answer, previous, the result, opening a result and
// coming back), the usage events it records, and a visit reset clearing it.
#include "core/content/content_loader.h"
#include "core/quiz/quiz_score.h"
#include "core/stats/stats_report.h"
#include "core/visit/navigation.h"
#include "core/visit/screen_name.h"
#include "core/visit/usage_recorder.h"
#include "core/visit/visit.h"

#include <catch2/catch.hpp>
#include <sstream>

using namespace kiosk::core;

namespace
{
const ContentPack& Pack()
{
    static const ContentLoadResult result = LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(result.pack);
    return *result.pack;
}

const QuizQuestion& Q(size_t i)
{
    return Pack().quiz.questions[i];
}

AnswerQuiz First(size_t i)
{
    return AnswerQuiz{Q(i).id, Q(i).answers[0].id};
}

std::vector<StatsEvent> Step(UsageRecorder& rec, VisitState& state, const VisitAction& action, double t)
{
    Navigate(state, action, Pack(), {});
    return rec.Update(state, action, Pack(), t, 1.8e9 + t);
}

std::vector<StatsEvent> OfKind(const std::vector<StatsEvent>& events, EventKind kind)
{
    std::vector<StatsEvent> out;
    for (const StatsEvent& e : events)
        if (e.kind == kind)
            out.push_back(e);
    return out;
}

void Append(std::vector<StatsEvent>& all, const std::vector<StatsEvent>& more)
{
    all.insert(all.end(), more.begin(), more.end());
}
} // namespace

TEST_CASE("the quiz goes question by question to the result, and back to change an answer", "[core][quiz]")
{
    const size_t n = Pack().quiz.questions.size();
    VisitState s;
    CHECK(Navigate(s, StartQuiz{}, Pack(), {}).motion == NavigationResult::Motion::NewScreen);
    CHECK(s.screen == ScreenId::Quiz);
    CHECK(ScreenKey(s) == "quiz:1");
    // A stale tap for another question changes nothing; nor does an unknown answer.
    CHECK_FALSE(Navigate(s, First(1), Pack(), {}).changed);
    CHECK_FALSE(Navigate(s, AnswerQuiz{Q(0).id, "no-such-answer"}, Pack(), {}).changed);
    CHECK(Navigate(s, First(0), Pack(), {}).changed);
    CHECK(ScreenKey(s) == "quiz:2");
    CHECK(Navigate(s, AnswerQuiz{Q(1).id, kQuizNotSure}, Pack(), {}).changed);
    CHECK(s.quiz.answers == std::vector<std::string>{Q(0).answers[0].id, kQuizNotSure});
    CHECK(Navigate(s, QuizPrevious{}, Pack(), {}).changed);
    CHECK(ScreenKey(s) == "quiz:2");
    for (size_t i = 1; i < n; i++)
        Navigate(s, First(i), Pack(), {});
    CHECK(QuizFinished(s, Pack()));
    CHECK(ScreenKey(s) == "quiz:result");
    CHECK_FALSE(Navigate(s, First(0), Pack(), {}).changed); // nothing left to answer
    // Previous from the result reopens the last question.
    Navigate(s, QuizPrevious{}, Pack(), {});
    CHECK(ScreenKey(s) == "quiz:" + std::to_string(n));
    Navigate(s, AnswerQuiz{Q(n - 1).id, Q(n - 1).answers[1].id}, Pack(), {});
    CHECK(ScreenKey(s) == "quiz:result");
    CHECK(s.quiz.answers.back() == Q(n - 1).answers[1].id);
}

TEST_CASE("a result opens its role page and Back comes back to the same result", "[core][quiz]")
{
    VisitState s;
    Navigate(s, StartQuiz{}, Pack(), {});
    for (size_t i = 0; i < Pack().quiz.questions.size(); i++)
        Navigate(s, First(i), Pack(), {});
    const QuizResult result = ScoreQuiz(Pack().quiz, s.quiz.answers);
    const std::string role = result.matches[1].role_id;
    Navigate(s, OpenRole{role}, Pack(), {});
    CHECK(s.screen == ScreenId::Role);
    Navigate(s, Back{}, Pack(), {});
    CHECK(ScreenKey(s) == "quiz:result");
    // "Show my route" asks where the visitor is; the start point opens the flowchart with both lit.
    CHECK(Navigate(s, QuizShowRoute{role}, Pack(), {}).changed);
    CHECK(s.quiz.route_role == role);
    const std::string start = Pack().pathway.starts[0].id;
    Navigate(s, OpenPathway{"", start, role}, Pack(), {});
    CHECK(s.screen == ScreenId::Pathway);
    CHECK(s.pathway.lit_start == start);
    CHECK(s.pathway.lit_role == role);
    Navigate(s, Back{}, Pack(), {});
    CHECK(ScreenKey(s) == "quiz:result");
    CHECK(s.quiz.route_role.empty()); // the result again, not the question
}

TEST_CASE("the quiz records its start, answers, result and the result opened", "[core][quiz][usage]")
{
    UsageRecorder rec;
    VisitState s;
    rec.StartVisit(s, Pack(), 10.0);
    std::vector<StatsEvent> all;
    Append(all, Step(rec, s, StartQuiz{}, 11.0));
    for (size_t i = 0; i < Pack().quiz.questions.size(); i++)
        Append(all, Step(rec, s, i == 2 ? AnswerQuiz{Q(2).id, kQuizNotSure} : First(i), 12.0 + (double)i));
    const QuizResult result = ScoreQuiz(Pack().quiz, s.quiz.answers);
    Append(all, Step(rec, s, OpenRole{result.matches[0].role_id}, 30.0));
    CHECK(OfKind(all, EventKind::QuizStarted).size() == 1);
    const auto answered = OfKind(all, EventKind::QuizAnswered);
    REQUIRE(answered.size() == Pack().quiz.questions.size());
    CHECK(answered[0].setting == Q(0).id + "=" + Q(0).answers[0].id);
    CHECK(answered[2].setting == Q(2).id + "=not-sure");
    CHECK(OfKind(all, EventKind::QuizFinished).size() == 1);
    CHECK(OfKind(all, EventKind::QuizAbandoned).empty());
    const auto results = OfKind(all, EventKind::QuizResult);
    REQUIRE(results.size() == 3);
    for (size_t i = 0; i < 3; i++)
    {
        CHECK(results[i].role_id == result.matches[i].role_id);
        CHECK(results[i].setting == "rank=" + std::to_string(i + 1));
    }
    const auto opened = OfKind(all, EventKind::QuizResultOpened);
    REQUIRE(opened.size() == 1);
    CHECK(opened[0].role_id == result.matches[0].role_id);
    CHECK(opened[0].setting == "open=role");
    // Each question is its own screen in screen_viewed.
    std::vector<std::string> screens;
    for (const StatsEvent& e : OfKind(all, EventKind::ScreenViewed))
        screens.push_back(e.screen_id);
    CHECK(screens.front() == "home");
    CHECK(screens[1] == "quiz:1");
    CHECK(screens.back() == "quiz:result");
    // Nothing but content ids: no field carries free text.
    for (const StatsEvent& e : all)
        CHECK(e.setting.find(' ') == std::string::npos);
}

TEST_CASE("leaving the quiz before the result records where the visitor stopped", "[core][quiz][usage]")
{
    UsageRecorder rec;
    VisitState s;
    rec.StartVisit(s, Pack(), 10.0);
    std::vector<StatsEvent> all;
    Append(all, Step(rec, s, StartQuiz{}, 11.0));
    Append(all, Step(rec, s, First(0), 12.0));
    Append(all, Step(rec, s, Home{}, 13.0));
    auto abandoned = OfKind(all, EventKind::QuizAbandoned);
    REQUIRE(abandoned.size() == 1);
    CHECK(abandoned[0].setting == "at=" + Q(1).id);
    // Walking away mid-quiz counts too, when the visit ends.
    all.clear();
    Append(all, Step(rec, s, StartQuiz{}, 20.0));
    Append(all, rec.EndVisit(90.0, 1.8e9 + 90.0));
    abandoned = OfKind(all, EventKind::QuizAbandoned);
    REQUIRE(abandoned.size() == 1);
    CHECK(abandoned[0].setting == "at=" + Q(0).id);
}

TEST_CASE("a visit reset clears the quiz", "[core][quiz]")
{
    struct Sink : EventSink
    {
        void Record(StatsEvent e) override { list.push_back(std::move(e)); }
        std::vector<StatsEvent> list;
    } sink;
    Visit visit;
    visit.Start(Pack(), &sink, 0, {0.0, 1.8e9});
    visit.Touch({1.0, 1.8e9 + 1});
    visit.Apply(StartQuiz{}, {2.0, 1.8e9 + 2}, {});
    visit.Apply(First(0), {3.0, 1.8e9 + 3}, {});
    REQUIRE(visit.State().quiz.answers.size() == 1);
    // Nobody touches it: "Still there?", then the reset.
    for (double t = 4.0; t < 400.0; t += 1.0)
        visit.Tick({t, 1.8e9 + t});
    CHECK(visit.State().screen == ScreenId::Home);
    CHECK(visit.State().quiz.answers.empty());
    bool abandoned = false;
    for (const StatsEvent& e : sink.list)
        abandoned |= e.kind == EventKind::QuizAbandoned && e.setting == "at=" + Q(1).id;
    CHECK(abandoned);
}

TEST_CASE("stats summary and the CSV export show the quiz", "[core][quiz][stats]")
{
    auto event = [](EventKind kind, const std::string& role, const std::string& setting)
    {
        StatsEvent e;
        e.kind = kind;
        e.wall_time = 1.8e9;
        e.role_id = role;
        e.setting = setting;
        return e;
    };
    std::vector<StatsEvent> events;
    for (int i = 0; i < 4; i++)
        events.push_back(event(EventKind::QuizStarted, "", ""));
    events.push_back(event(EventKind::QuizAnswered, "", "subject=physics"));
    events.push_back(event(EventKind::QuizAbandoned, "", "at=subject"));
    events.push_back(event(EventKind::QuizAbandoned, "", "at=subject"));
    events.push_back(event(EventKind::QuizAbandoned, "", "at=people"));
    events.push_back(event(EventKind::QuizFinished, "", ""));
    events.push_back(event(EventKind::QuizResult, "radiotherapy-physics", "rank=1"));
    events.push_back(event(EventKind::QuizResult, "nuclear-medicine", "rank=2"));
    events.push_back(event(EventKind::QuizResultOpened, "nuclear-medicine", "open=route"));
    const StatsSummary summary = Summarize(events);
    const StatsGroupSummary& s = summary.total;
    CHECK(s.quiz_started == 4);
    CHECK(s.quiz_finished == 1);
    CHECK(s.QuizCompletion() == Approx(0.25));
    REQUIRE(s.quiz_abandoned_at.size() == 2);
    CHECK(s.quiz_abandoned_at[0].key == "subject");
    CHECK(s.quiz_abandoned_at[0].count == 2);
    REQUIRE(s.quiz_top_results.size() == 1); // only the best match of each result
    CHECK(s.quiz_top_results[0].key == "radiotherapy-physics");
    REQUIRE(s.quiz_opened.size() == 1);
    CHECK(s.quiz_opened[0].key == "nuclear-medicine");
    const std::string text = FormatSummary(summary);
    CHECK(text.find("Quiz: 4 started, 1 finished (25% completed)") != std::string::npos);
    CHECK(text.find("Quiz left at question:\n       2  subject") != std::string::npos);
    std::ostringstream csv;
    WriteStatsCsv(events, csv);
    CHECK(csv.str().find("quiz_abandoned") != std::string::npos);
    CHECK(csv.str().find("at=people") != std::string::npos);
    // Kinds survive the round trip through their stored names.
    for (EventKind k : {EventKind::QuizStarted, EventKind::QuizAnswered, EventKind::QuizFinished,
                        EventKind::QuizAbandoned, EventKind::QuizResult, EventKind::QuizResultOpened})
        CHECK(ParseEventKind(EventKindName(k)) == k);
}

TEST_CASE("quiz screen names parse and print in the one grammar", "[core][quiz][screen-name]")
{
    ScreenName name;
    std::string error;
    REQUIRE(ParseScreenName("quiz", &name, &error));
    CHECK(name.kind == ScreenName::Kind::Quiz);
    CHECK(FormatScreenName(name) == "quiz:1");
    REQUIRE(ParseScreenName("quiz:4", &name, &error));
    CHECK(name.index == 4);
    CHECK(FormatScreenName(name) == "quiz:4");
    REQUIRE(ParseScreenName("quiz:result", &name, &error));
    CHECK(name.kind == ScreenName::Kind::QuizResult);
    CHECK(FormatScreenName(name) == "quiz:result");
    for (const char* bad : {"quiz:0", "quiz:", "quiz:x", "quiz:999", "quiz:results"})
    {
        INFO(bad);
        CHECK_FALSE(ParseScreenName(bad, &name, &error));
        CHECK(error.find("quiz:result") != std::string::npos); // the grammar lists the quiz names
    }
}
