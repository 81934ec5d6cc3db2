#include "core/quiz/quiz_score.h"

#include <algorithm>

namespace kiosk::core
{
const QuizQuestion* Quiz::FindQuestion(const std::string& id) const
{
    for (const QuizQuestion& q : questions)
        if (q.id == id)
            return &q;
    return nullptr;
}

const QuizAnswer* Quiz::FindAnswer(const std::string& question_id, const std::string& answer_id) const
{
    if (const QuizQuestion* q = FindQuestion(question_id))
        for (const QuizAnswer& a : q->answers)
            if (a.id == answer_id)
                return &a;
    return nullptr;
}

std::vector<std::string> QuizRoles(const Quiz& quiz)
{
    std::vector<std::string> roles;
    for (const QuizQuestion& q : quiz.questions)
        for (const QuizAnswer& a : q.answers)
            for (const QuizWeight& w : a.weights)
                if (std::find(roles.begin(), roles.end(), w.role_id) == roles.end())
                    roles.push_back(w.role_id);
    return roles;
}

QuizResult ScoreQuiz(const Quiz& quiz, const QuizAnswers& answers)
{
    const std::vector<std::string> roles = QuizRoles(quiz);
    struct Tally
    {
        QuizMatch match;
        std::vector<int> reason_weight; // parallel to match.reasons
        size_t mention = 0;
    };
    std::vector<Tally> tallies(roles.size());
    for (size_t i = 0; i < roles.size(); i++)
    {
        tallies[i].match.role_id = roles[i];
        tallies[i].mention = i;
    }
    int unsure = 0;
    for (size_t qi = 0; qi < quiz.questions.size(); qi++)
    {
        const QuizQuestion& q = quiz.questions[qi];
        const std::string id = qi < answers.size() ? answers[qi] : std::string();
        const QuizAnswer* chosen = nullptr;
        for (const QuizAnswer& a : q.answers)
            if (!id.empty() && a.id == id)
                chosen = &a;
        if (!chosen)
        {
            unsure++;
            continue;
        }
        for (const QuizWeight& w : chosen->weights)
            for (Tally& t : tallies)
                if (t.match.role_id == w.role_id)
                {
                    t.match.score += w.weight;
                    // Strongest reason first; among equals, the earlier question first.
                    size_t at = 0;
                    while (at < t.reason_weight.size() && t.reason_weight[at] >= w.weight)
                        at++;
                    t.match.reasons.insert(t.match.reasons.begin() + (long)at, chosen);
                    t.reason_weight.insert(t.reason_weight.begin() + (long)at, w.weight);
                }
    }
    QuizResult result;
    const int questions = static_cast<int>(quiz.questions.size());
    const bool any_score =
        std::any_of(tallies.begin(), tallies.end(), [](const Tally& t) { return t.match.score > 0; });
    result.mostly_unsure = !any_score || 2 * unsure > questions;
    std::stable_sort(tallies.begin(), tallies.end(),
                     [](const Tally& a, const Tally& b)
                     {
                         if (a.match.score != b.match.score)
                             return a.match.score > b.match.score;
                         if (a.match.reasons.size() != b.match.reasons.size())
                             return a.match.reasons.size() > b.match.reasons.size();
                         if (a.mention != b.mention)
                             return a.mention < b.mention;
                         return a.match.role_id < b.match.role_id;
                     });
    auto has = [&](const std::string& id)
    {
        return std::any_of(result.matches.begin(), result.matches.end(),
                           [&](const QuizMatch& m) { return m.role_id == id; });
    };
    if (result.mostly_unsure)
    {
        // The broad roles, with whatever reasons the few answers gave them.
        for (const std::string& id : quiz.broad_roles)
        {
            if (has(id))
                continue;
            QuizMatch m;
            m.role_id = id;
            for (const Tally& t : tallies)
                if (t.match.role_id == id)
                    m = t.match;
            result.matches.push_back(m);
        }
        return result;
    }
    for (const Tally& t : tallies)
        if (t.match.score > 0 && result.matches.size() < kQuizResultSize)
            result.matches.push_back(t.match);
    // Too few roles scored: the broad roles fill the list, so there is always somewhere to go.
    for (const std::string& id : quiz.broad_roles)
        if (result.matches.size() < kQuizResultSize && !has(id))
            result.matches.push_back(QuizMatch{id, 0, {}});
    return result;
}
} // namespace kiosk::core
