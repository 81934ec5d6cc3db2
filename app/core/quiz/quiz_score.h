// Quiz scoring: a pure function from a visitor's answers to the three roles that fit them best,
// with the reasons drawn from their own answers. No clock, no randomness, no pack lookups beyond
// the quiz itself: the same answers always give the same result (tests/core/quiz/test_quiz_score.cpp
// runs every combination of the bundled quiz through it).
//
// A role's score is the sum of the weights the chosen answers give it. Ties are broken by the
// number of answers that support the role (more first), then by the role's first mention in the
// quiz (earlier first), then by id. When more than half of the questions were "not sure" (or
// nothing scored), the result is the quiz's broad roles and `mostly_unsure` is set.
#pragma once
#include "core/quiz/quiz_model.h"

#include <string>
#include <vector>

namespace kiosk::core
{
inline constexpr const char* kQuizNotSure = "not-sure"; // the answer id recorded for "not sure"

// One answer per question, in question order; an empty id (or kQuizNotSure) means "not sure".
using QuizAnswers = std::vector<std::string>;

struct QuizMatch
{
    std::string role_id;
    int score = 0;
    // The chosen answers that lean towards this role, strongest first (ties: question order); the
    // result shows their reason phrases.
    std::vector<const QuizAnswer*> reasons;
};

struct QuizResult
{
    std::vector<QuizMatch> matches; // best first; three when the quiz names at least three roles
    bool mostly_unsure = false;
};

inline constexpr size_t kQuizResultSize = 3;

QuizResult ScoreQuiz(const Quiz& quiz, const QuizAnswers& answers);

// ScoreQuiz with the quiz's roles and weights indexed once, for scoring many combinations (the
// validator scores every one at each content load). Same results as ScoreQuiz; keeps a pointer
// to `quiz`, which must outlive it.
class QuizScorer
{
public:
    explicit QuizScorer(const Quiz& quiz);
    QuizResult Score(const QuizAnswers& answers) const;

private:
    struct IndexedWeight
    {
        int role = 0;
        int weight = 0;
    };
    const Quiz* m_quiz;
    std::vector<std::string> m_roles;                         // in order of first mention
    std::vector<std::vector<std::vector<IndexedWeight>>> m_w; // [question][answer] -> weights
};

// Every role the quiz's answers lean towards, in order of first mention.
std::vector<std::string> QuizRoles(const Quiz& quiz);
} // namespace kiosk::core
