// The "What could you do?" quiz as the pack carries it (content/quiz.json): a few questions about
// what a visitor enjoys, each with two to four illustrated answers. Every answer leans towards some
// roles (weights 1..3) and carries a short reason phrase ("you like fixing things") that the result
// repeats back. "Not sure" is always allowed and is not an answer in the file: it leans nowhere.
// Checked by the content loader (quiz_reader.h) and quiz_checks.h; scored by quiz_score.h.
#pragma once
#include "core/content/diagnostics.h"
#include "core/content/localized_text.h"

#include <string>
#include <vector>

namespace kiosk::core
{
struct QuizWeight
{
    std::string role_id;
    int weight = 1; // 1 (a little) .. 3 (strongly)
    SourceLocation where;
};

struct QuizAnswer
{
    std::string id;           // unique within its question
    LocalizedText label;      // a few words on the card: "Fixing things"
    LocalizedText reason;     // repeated in the result: "you like fixing things"
    std::string illustration; // content-relative SVG/PNG/JPEG
    std::vector<QuizWeight> weights;
    SourceLocation where;
};

struct QuizQuestion
{
    std::string id;
    LocalizedText text; // "What would you rather do on a free afternoon?"
    std::vector<QuizAnswer> answers;
    SourceLocation where;
};

struct Quiz
{
    std::vector<QuizQuestion> questions; // empty: the pack has no quiz
    // Shown when the answers were mostly "not sure": the broad roles a visitor can start from.
    std::vector<std::string> broad_roles;
    // The most combinations of answers one role may top, as a fraction (0.5: half). The content can
    // raise it when one role is meant to be the usual answer.
    double max_top_share = 0.5;
    std::string illustration; // the home card's picture; may be empty
    SourceLocation where;

    bool Empty() const { return questions.empty(); }
    const QuizQuestion* FindQuestion(const std::string& id) const;
    const QuizAnswer* FindAnswer(const std::string& question_id, const std::string& answer_id) const;
};
} // namespace kiosk::core
