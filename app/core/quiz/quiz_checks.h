// The quiz's own content rules, beyond what the reader checks field by field: every role the
// quiz leans towards must be reachable (some combination of answers puts it in the result), and
// no role may be the top match for more than the quiz's max_top_share of all combinations.
// Combinations are enumerated exhaustively up to kQuizExhaustiveLimit, else a seeded sample.
#pragma once
#include "core/content/diagnostics.h"
#include "core/quiz/quiz_score.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace kiosk::core
{
inline constexpr std::uint64_t kQuizExhaustiveLimit = 200000;
inline constexpr std::uint64_t kQuizSampleSize = 100000;

// Number of answer combinations, "not sure" included ((answers + 1) per question, multiplied).
std::uint64_t QuizCombinationCount(const Quiz& quiz);
// Calls `fn` for every combination (or a fixed seeded sample of kQuizSampleSize when there are more
// than kQuizExhaustiveLimit). Returns how many were visited.
std::uint64_t ForEachQuizCombination(const Quiz& quiz, const std::function<void(const QuizAnswers&)>& fn);
// The same, in the same order, stopping after the first call of `fn` that returns false.
std::uint64_t ForEachQuizCombinationUntil(const Quiz& quiz, const std::function<bool(const QuizAnswers&)>& fn);

struct QuizCoverage
{
    std::uint64_t combinations = 0;                 // visited
    std::map<std::string, std::uint64_t> top;       // role -> combinations where it is first
    std::map<std::string, std::uint64_t> in_result; // role -> combinations where it is in the result
    std::uint64_t mostly_unsure = 0;                // combinations answered mostly "not sure"
};
QuizCoverage MeasureQuiz(const Quiz& quiz);

// Which of CheckQuizBalance's findings to look for. The errors alone are cheap (the combinations are
// scored only until every role has been in a result); the warnings need every combination scored.
// The kiosk's start takes the errors first and the warnings after its first frame (issue 13).
enum class QuizBalanceFindings
{
    All,
    ErrorsOnly,
    WarningsOnly,
};

// Appends errors (unreachable roles) and warnings (a role never the top match, or topping too
// many combinations), role by role in file order.
void CheckQuizBalance(const Quiz& quiz, DiagnosticList& diags, QuizBalanceFindings findings = QuizBalanceFindings::All);
} // namespace kiosk::core
