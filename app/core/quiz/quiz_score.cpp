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

QuizScorer::QuizScorer(const Quiz& quiz) : m_quiz(&quiz), m_roles(QuizRoles(quiz))
{
    for (const QuizQuestion& q : quiz.questions)
    {
        m_w.emplace_back();
        for (const QuizAnswer& a : q.answers)
        {
            m_w.back().emplace_back();
            for (const QuizWeight& w : a.weights)
            {
                const int role =
                    static_cast<int>(std::find(m_roles.begin(), m_roles.end(), w.role_id) - m_roles.begin());
                m_w.back().back().push_back({role, w.weight});
            }
        }
    }
}

QuizResult QuizScorer::Score(const QuizAnswers& answers) const
{
    const Quiz& quiz = *m_quiz;
    const size_t n_roles = m_roles.size();
    std::vector<int> score(n_roles, 0), support(n_roles, 0);
    std::vector<int> chosen(quiz.questions.size(), -1); // answer index per question, -1: not sure
    int unsure = 0;
    for (size_t qi = 0; qi < quiz.questions.size(); qi++)
    {
        const std::string* id = qi < answers.size() ? &answers[qi] : nullptr;
        const auto& list = quiz.questions[qi].answers;
        for (size_t ai = 0; id && !id->empty() && ai < list.size(); ai++)
            if (list[ai].id == *id)
                chosen[qi] = static_cast<int>(ai);
        if (chosen[qi] < 0)
        {
            unsure++;
            continue;
        }
        for (const IndexedWeight& w : m_w[qi][(size_t)chosen[qi]])
        {
            score[(size_t)w.role] += w.weight;
            support[(size_t)w.role]++;
        }
    }
    // The match for one role: its score and the chosen answers leaning to it, strongest first
    // (among equals, the earlier question first).
    auto match = [&](size_t role)
    {
        QuizMatch m;
        m.role_id = m_roles[role];
        m.score = score[role];
        std::vector<std::pair<int, const QuizAnswer*>> reasons;
        for (size_t qi = 0; qi < quiz.questions.size(); qi++)
            if (chosen[qi] >= 0)
                for (const IndexedWeight& w : m_w[qi][(size_t)chosen[qi]])
                    if ((size_t)w.role == role)
                        reasons.push_back({w.weight, &quiz.questions[qi].answers[(size_t)chosen[qi]]});
        std::stable_sort(reasons.begin(), reasons.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (const auto& r : reasons)
            m.reasons.push_back(r.second);
        return m;
    };
    QuizResult result;
    const int questions = static_cast<int>(quiz.questions.size());
    const bool any_score = std::any_of(score.begin(), score.end(), [](int s) { return s > 0; });
    result.mostly_unsure = !any_score || 2 * unsure > questions;
    auto has = [&](const std::string& id)
    {
        return std::any_of(result.matches.begin(), result.matches.end(),
                           [&](const QuizMatch& m) { return m.role_id == id; });
    };
    auto index_of = [&](const std::string& id)
    { return static_cast<size_t>(std::find(m_roles.begin(), m_roles.end(), id) - m_roles.begin()); };
    if (result.mostly_unsure)
    {
        // The broad roles, with whatever reasons the few answers gave them.
        for (const std::string& id : quiz.broad_roles)
        {
            if (has(id))
                continue;
            const size_t i = index_of(id);
            if (i < n_roles)
                result.matches.push_back(match(i));
            else
                result.matches.push_back(QuizMatch{id, 0, {}});
        }
        return result;
    }
    // Roles are indexed in order of first mention, so that index is the last tie-break.
    std::vector<size_t> order(n_roles);
    for (size_t i = 0; i < n_roles; i++)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b)
              {
                  if (score[a] != score[b])
                      return score[a] > score[b];
                  if (support[a] != support[b])
                      return support[a] > support[b];
                  return a < b;
              });
    for (size_t i : order)
        if (score[i] > 0 && result.matches.size() < kQuizResultSize)
            result.matches.push_back(match(i));
    // Too few roles scored: the broad roles fill the list, so there is always somewhere to go.
    for (const std::string& id : quiz.broad_roles)
        if (result.matches.size() < kQuizResultSize && !has(id))
            result.matches.push_back(QuizMatch{id, 0, {}});
    return result;
}

QuizResult ScoreQuiz(const Quiz& quiz, const QuizAnswers& answers)
{
    return QuizScorer(quiz).Score(answers);
}
} // namespace kiosk::core
