#include "core/quiz/quiz_checks.h"

#include "core/seeded_random.h"

#include <cmath>
#include <cstdio>
#include <set>

namespace kiosk::core
{
std::uint64_t QuizCombinationCount(const Quiz& quiz)
{
    std::uint64_t n = 1;
    for (const QuizQuestion& q : quiz.questions)
    {
        n *= q.answers.size() + 1;
        if (n > (1ull << 40))
            return n; // far past any limit; stop before overflowing
    }
    return n;
}

std::uint64_t ForEachQuizCombination(const Quiz& quiz, const std::function<void(const QuizAnswers&)>& fn)
{
    return ForEachQuizCombinationUntil(quiz,
                                       [&](const QuizAnswers& answers)
                                       {
                                           fn(answers);
                                           return true;
                                       });
}

std::uint64_t ForEachQuizCombinationUntil(const Quiz& quiz, const std::function<bool(const QuizAnswers&)>& fn)
{
    const size_t n = quiz.questions.size();
    QuizAnswers answers(n);
    const std::uint64_t total = QuizCombinationCount(quiz);
    auto fill = [&](std::uint64_t code)
    {
        for (size_t i = 0; i < n; i++)
        {
            const std::uint64_t options = quiz.questions[i].answers.size() + 1;
            const std::uint64_t pick = code % options;
            code /= options;
            answers[i] = pick == 0 ? std::string() : quiz.questions[i].answers[pick - 1].id;
        }
    };
    if (total <= kQuizExhaustiveLimit)
    {
        for (std::uint64_t code = 0; code < total; code++)
        {
            fill(code);
            if (!fn(answers))
                return code + 1;
        }
        return total;
    }
    // A fixed seed: the same sample on every machine and every run.
    SplitMix64 random(0x5EED12ull);
    for (std::uint64_t i = 0; i < kQuizSampleSize; i++)
    {
        fill(random.Next() % total);
        if (!fn(answers))
            return i + 1;
    }
    return kQuizSampleSize;
}

QuizCoverage MeasureQuiz(const Quiz& quiz)
{
    QuizCoverage c;
    const QuizScorer scorer(quiz);
    c.combinations = ForEachQuizCombination(quiz,
                                            [&](const QuizAnswers& answers)
                                            {
                                                const QuizResult r = scorer.Score(answers);
                                                if (r.mostly_unsure)
                                                {
                                                    c.mostly_unsure++;
                                                    return;
                                                }
                                                if (!r.matches.empty())
                                                    c.top[r.matches[0].role_id]++;
                                                for (const QuizMatch& m : r.matches)
                                                    c.in_result[m.role_id]++;
                                            });
    return c;
}

namespace
{
// Every role some answer leans towards, once each, where it is first named.
std::vector<const QuizWeight*> WeightedRoles(const Quiz& quiz)
{
    std::vector<const QuizWeight*> roles;
    std::set<std::string> seen;
    for (const QuizQuestion& q : quiz.questions)
        for (const QuizAnswer& a : q.answers)
            for (const QuizWeight& w : a.weights)
                if (seen.insert(w.role_id).second)
                    roles.push_back(&w);
    return roles;
}

std::string NeverInResult(const std::string& role_id)
{
    return "role '" + role_id +
           "' is never in the result: no combination of answers makes it one of the top three; give it more "
           "weight or fewer rivals";
}

// The errors alone: the roles no combination puts in the result. Scoring stops once every role
// has been in one, so a good quiz costs a fraction of MeasureQuiz (same combinations, same order).
void CheckQuizReachable(const Quiz& quiz, DiagnosticList& diags)
{
    const std::vector<const QuizWeight*> roles = WeightedRoles(quiz);
    std::set<std::string> unseen;
    for (const QuizWeight* w : roles)
        unseen.insert(w->role_id);
    const QuizScorer scorer(quiz);
    ForEachQuizCombinationUntil(quiz,
                                [&](const QuizAnswers& answers)
                                {
                                    const QuizResult r = scorer.Score(answers);
                                    if (!r.mostly_unsure)
                                        for (const QuizMatch& m : r.matches)
                                            unseen.erase(m.role_id);
                                    return !unseen.empty();
                                });
    for (const QuizWeight* w : roles)
        if (unseen.count(w->role_id))
            diags.Error(w->where, NeverInResult(w->role_id));
}
} // namespace

void CheckQuizBalance(const Quiz& quiz, DiagnosticList& diags, QuizBalanceFindings findings)
{
    if (quiz.Empty())
        return;
    if (findings == QuizBalanceFindings::ErrorsOnly)
    {
        CheckQuizReachable(quiz, diags);
        return;
    }
    const bool errors = findings == QuizBalanceFindings::All;
    const QuizCoverage c = MeasureQuiz(quiz);
    const std::uint64_t answered = c.combinations - c.mostly_unsure;
    for (const QuizWeight* weight : WeightedRoles(quiz))
    {
        const QuizWeight& w = *weight;
        if (!c.in_result.count(w.role_id) && !c.top.count(w.role_id))
        {
            if (errors)
                diags.Error(w.where, NeverInResult(w.role_id));
        }
        else if (!c.top.count(w.role_id))
            diags.Warning(w.where,
                          "role '" + w.role_id + "' is never the top match, whatever the answers; give it more weight");
        const std::uint64_t top = c.top.count(w.role_id) ? c.top.at(w.role_id) : 0;
        if (answered > 0 && (double)top > quiz.max_top_share * (double)answered)
        {
            char share[64];
            std::snprintf(share, sizeof share, "%.0f%%", 100.0 * (double)top / (double)answered);
            char allowed[64];
            std::snprintf(allowed, sizeof allowed, "%.0f%%", 100.0 * quiz.max_top_share);
            diags.Warning(w.where, "role '" + w.role_id + "' is the top match for " + share +
                                       " of answer combinations (more than the " + allowed + " max_top_share allows)");
        }
    }
}
} // namespace kiosk::core
