#include "core/content/quiz_reader.h"

#include "core/quiz/quiz_score.h"

#include <algorithm>

namespace kiosk::core
{
namespace
{
constexpr size_t kMinQuestions = 5, kMaxQuestions = 7;
constexpr size_t kMinAnswers = 2, kMaxAnswers = 4;
} // namespace

void ReadQuizObject(FieldReader& r, Quiz& quiz, DiagnosticList& diags, LocatedIds& role_refs, LocatedIds& images)
{
    quiz.where = r.Where();
    quiz.broad_roles = r.IdList("broad_roles", Need::Required);
    for (const std::string& id : quiz.broad_roles)
        role_refs.push_back({id, r.Where("broad_roles")});
    if (r.Has("broad_roles") && quiz.broad_roles.empty())
        diags.Error(r.Where("broad_roles"), "'broad_roles' needs at least one role (shown when answers were mostly "
                                            "'not sure')");
    quiz.max_top_share = r.Number("max_top_share", Need::Optional, 0.1, 1.0, 0.5);
    quiz.illustration = r.Path("illustration", Need::Optional);
    if (!quiz.illustration.empty())
        images.push_back({quiz.illustration, r.Where("illustration")});
    r.ObjectList(
        "questions", Need::Required,
        [&](FieldReader& q, size_t)
        {
            QuizQuestion question;
            question.where = q.Where();
            question.id = q.Id("id", Need::Required);
            if (!question.id.empty() && quiz.FindQuestion(question.id))
                diags.Error(q.Where("id"), "question id '" + question.id + "' is used twice");
            question.text = q.Text("text", Need::Required);
            q.ObjectList(
                "answers", Need::Required,
                [&](FieldReader& a, size_t)
                {
                    QuizAnswer answer;
                    answer.where = a.Where();
                    answer.id = a.Id("id", Need::Required);
                    if (answer.id == kQuizNotSure)
                        diags.Error(a.Where("id"), "'not-sure' is kept for the 'not sure' card the quiz "
                                                   "always adds; choose another id");
                    for (const QuizAnswer& other : question.answers)
                        if (!answer.id.empty() && other.id == answer.id)
                            diags.Error(a.Where("id"), "answer id '" + answer.id + "' is used twice in question '" +
                                                           question.id + "'");
                    answer.label = a.Text("label", Need::Required);
                    answer.reason = a.Text("reason", Need::Required);
                    answer.illustration = a.Path("illustration", Need::Required);
                    if (!answer.illustration.empty())
                        images.push_back({answer.illustration, a.Where("illustration")});
                    a.Object("weights", Need::Required,
                             [&](FieldReader& w)
                             {
                                 for (const std::string& role : w.Keys())
                                 {
                                     QuizWeight weight;
                                     weight.role_id = role;
                                     weight.where = w.Where(role.c_str());
                                     weight.weight = w.Int(role.c_str(), Need::Required, 1, 3, 1);
                                     if (!IsValidId(role))
                                     {
                                         diags.Error(weight.where, "'" + role + "' is not a role id");
                                         continue;
                                     }
                                     role_refs.push_back({role, weight.where});
                                     answer.weights.push_back(weight);
                                 }
                                 if (w.Keys().empty())
                                     diags.Error(a.Where("weights"), "an answer must lean towards at least one role");
                             });
                    question.answers.push_back(answer);
                });
            const size_t n = question.answers.size();
            if (q.Has("answers") && (n < kMinAnswers || n > kMaxAnswers))
                diags.Error(q.Where("answers"), "a question needs 2 to 4 answers ('not sure' is added by the "
                                                "kiosk), found " +
                                                    std::to_string(n));
            quiz.questions.push_back(question);
        });
    const size_t n = quiz.questions.size();
    if (r.Has("questions") && (n < kMinQuestions || n > kMaxQuestions))
        diags.Error(r.Where("questions"),
                    "the quiz needs 5 to 7 questions (about a minute), found " + std::to_string(n));
}
} // namespace kiosk::core
