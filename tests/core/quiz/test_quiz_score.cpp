// Quiz scoring: the bundled quiz run through every combination of answers, and the rules of the
// score (ties, reasons, "not sure") on small hand-made quizzes.
#include "core/content/content_loader.h"
#include "core/quiz/quiz_checks.h"
#include "core/quiz/quiz_score.h"

#include <catch2/catch.hpp>
#include <set>

using namespace kiosk::core;

namespace
{
const ContentPack& Bundled()
{
    static const ContentLoadResult result = LoadContentPack(KIOSK_CONTENT_DIR);
    INFO(FormatDiagnostics(result.diagnostics));
    REQUIRE(result.pack);
    return *result.pack;
}

QuizWeight W(const std::string& role, int weight)
{
    QuizWeight w;
    w.role_id = role;
    w.weight = weight;
    return w;
}

QuizAnswer Answer(const std::string& id, std::vector<QuizWeight> weights)
{
    QuizAnswer a;
    a.id = id;
    a.reason.by_language["en"] = "you like " + id;
    a.weights = std::move(weights);
    return a;
}

// Two questions: q1 leans to "a" or "b", q2 to "b" or "c".
Quiz SmallQuiz()
{
    Quiz quiz;
    QuizQuestion q1;
    q1.id = "q1";
    q1.answers = {Answer("x", {W("a", 2), W("b", 1)}), Answer("y", {W("b", 2)})};
    QuizQuestion q2;
    q2.id = "q2";
    q2.answers = {Answer("z", {W("c", 3)}), Answer("w", {W("a", 1), W("b", 1)})};
    quiz.questions = {q1, q2};
    quiz.broad_roles = {"a", "b"};
    return quiz;
}

std::vector<std::string> Ids(const QuizResult& r)
{
    std::vector<std::string> ids;
    for (const QuizMatch& m : r.matches)
        ids.push_back(m.role_id);
    return ids;
}
} // namespace

TEST_CASE("every combination of the bundled quiz gives three different roles of the pack", "[core][quiz]")
{
    const ContentPack& pack = Bundled();
    const Quiz& quiz = pack.quiz;
    REQUIRE(quiz.questions.size() >= 5);
    REQUIRE(quiz.questions.size() <= 7);
    // Few enough to try them all: (answers + 1 for "not sure") per question, multiplied.
    const std::uint64_t total = QuizCombinationCount(quiz);
    REQUIRE(total <= kQuizExhaustiveLimit);
    std::uint64_t visited = 0, unsure = 0;
    ForEachQuizCombination(quiz,
                           [&](const QuizAnswers& answers)
                           {
                               visited++;
                               const QuizResult r = ScoreQuiz(quiz, answers);
                               unsure += r.mostly_unsure;
                               const size_t want = r.mostly_unsure ? quiz.broad_roles.size() : kQuizResultSize;
                               REQUIRE(r.matches.size() == want);
                               std::set<std::string> distinct;
                               for (const QuizMatch& m : r.matches)
                               {
                                   REQUIRE(pack.FindRole(m.role_id));
                                   distinct.insert(m.role_id);
                                   // Every reason is one of the visitor's own answers.
                                   for (const QuizAnswer* reason : m.reasons)
                                       REQUIRE(std::find(answers.begin(), answers.end(), reason->id) != answers.end());
                               }
                               REQUIRE(distinct.size() == r.matches.size());
                               if (!r.mostly_unsure)
                               {
                                   REQUIRE(r.matches[0].score > 0);
                                   REQUIRE_FALSE(r.matches[0].reasons.empty());
                               }
                           });
    CHECK(visited == total);
    CHECK(unsure > 0);
    CHECK(unsure < total / 10);
}

TEST_CASE("every role of the bundled quiz is someone's top match, and none tops more than allowed", "[core][quiz]")
{
    const Quiz& quiz = Bundled().quiz;
    const QuizCoverage c = MeasureQuiz(quiz);
    const std::uint64_t answered = c.combinations - c.mostly_unsure;
    REQUIRE(answered > 0);
    const std::vector<std::string> roles = QuizRoles(quiz);
    CHECK(roles.size() == Bundled().roles.size()); // the bundled quiz can lead to every role
    for (const std::string& role : roles)
    {
        INFO(role << " tops " << (c.top.count(role) ? c.top.at(role) : 0) << " of " << answered);
        CHECK(c.top.count(role) == 1);
        CHECK((double)c.top.at(role) <= quiz.max_top_share * (double)answered);
    }
    CHECK(quiz.max_top_share <= 0.5);
}

TEST_CASE("scores add the chosen answers' weights and reasons come strongest first", "[core][quiz]")
{
    const Quiz quiz = SmallQuiz();
    const QuizResult r = ScoreQuiz(quiz, {"x", "w"});      // a: 2+1, b: 1+1
    REQUIRE(Ids(r) == std::vector<std::string>{"a", "b"}); // c scored nothing and a, b are already there
    CHECK(r.matches[0].score == 3);
    REQUIRE(r.matches[0].reasons.size() == 2);
    CHECK(r.matches[0].reasons[0]->id == "x"); // weight 2 before weight 1
    CHECK(r.matches[0].reasons[1]->id == "w");
    CHECK_FALSE(r.mostly_unsure);
}

TEST_CASE("ties go to the role with more supporting answers, then to the first mentioned", "[core][quiz]")
{
    const Quiz quiz = SmallQuiz();
    // y then z: b 2 (one answer), c 3 (one answer): c first.
    CHECK(Ids(ScoreQuiz(quiz, {"y", "z"})) == std::vector<std::string>{"c", "b", "a"});
    // One "not sure" in two is not "mostly": x alone gives a 2, b 1.
    CHECK(Ids(ScoreQuiz(quiz, {"x", ""})) == std::vector<std::string>{"a", "b"});
    // A tie on score and support: a and b both 1 from "w"; a is mentioned first in the quiz.
    Quiz tie = SmallQuiz();
    tie.questions[0].answers[0].weights = {W("b", 1), W("a", 1)};
    const QuizResult r = ScoreQuiz(tie, {"x", "w"});  // b: 1+1, a: 1+1, both two answers
    CHECK(Ids(r)[0] == "b");                          // b is mentioned first in this quiz
    CHECK(Ids(ScoreQuiz(tie, {"x", "w"})) == Ids(r)); // and the same again
}

TEST_CASE("mostly 'not sure' gives the broad roles with the gentle flag", "[core][quiz]")
{
    Quiz quiz = SmallQuiz();
    QuizQuestion q3 = quiz.questions[1];
    q3.id = "q3";
    quiz.questions.push_back(q3);
    const QuizResult none = ScoreQuiz(quiz, {"", "", ""});
    CHECK(none.mostly_unsure);
    CHECK(Ids(none) == std::vector<std::string>{"a", "b"});
    const QuizResult two = ScoreQuiz(quiz, {"", kQuizNotSure, "z"}); // 2 of 3 not sure
    CHECK(two.mostly_unsure);
    CHECK(Ids(two) == std::vector<std::string>{"a", "b"});
    const QuizResult one = ScoreQuiz(quiz, {"", "z", "z"}); // 1 of 3 not sure
    CHECK_FALSE(one.mostly_unsure);
    CHECK(Ids(one)[0] == "c");
}

TEST_CASE("the balance check finds a role no answers can reach", "[core][quiz]")
{
    Quiz quiz = SmallQuiz();
    // d gets a little from one answer that always gives three others more.
    quiz.questions[1].answers[1].weights = {W("a", 3), W("b", 3), W("c", 3), W("d", 1)};
    quiz.questions[0].answers[0].weights = {W("a", 2), W("b", 2), W("c", 2)};
    quiz.questions[0].answers[1].weights = {W("a", 2), W("b", 2), W("c", 2)};
    DiagnosticList diags;
    CheckQuizBalance(quiz, diags);
    bool found = false;
    for (const Diagnostic& d : diags.items)
        found |= d.severity == Severity::Error && d.message.find("role 'd' is never in the result") == 0;
    CHECK(found);
}

TEST_CASE("a quiz with more combinations than the limit is sampled, the same way every time", "[core][quiz]")
{
    Quiz quiz;
    for (int i = 0; i < 12; i++)
    {
        QuizQuestion q;
        q.id = "q" + std::to_string(i);
        for (int j = 0; j < 4; j++)
            q.answers.push_back(Answer("a" + std::to_string(j), {W("r" + std::to_string(j), 1)}));
        quiz.questions.push_back(q);
    }
    REQUIRE(QuizCombinationCount(quiz) > kQuizExhaustiveLimit);
    std::vector<QuizAnswers> first, second;
    CHECK(ForEachQuizCombination(quiz, [&](const QuizAnswers& a) { first.push_back(a); }) == kQuizSampleSize);
    ForEachQuizCombination(quiz, [&](const QuizAnswers& a) { second.push_back(a); });
    CHECK(first == second);
    CHECK(std::set<QuizAnswers>(first.begin(), first.end()).size() > kQuizSampleSize * 9 / 10);
}
