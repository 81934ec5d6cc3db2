// What a visitor can ask of the visit. A ui widget returns one of these when tapped; screens
// never change the visit themselves. core::Visit::Apply() carries it out (navigation.h says what
// each does) and records the usage events it produces; the shell handles the app-level ones
// (font rebuild, content reload).
#pragma once
#include "core/speech/speech_target.h"

#include <string>
#include <variant>

namespace kiosk::core
{
struct OpenRole
{
    std::string role_id;
};

// role_id empty: every photo in the pack; otherwise only that role's photos.
struct OpenGallery
{
    std::string role_id;
    int index = 0;
};

// Any of the fields may be empty; an empty OpenPathway opens the whole flowchart.
struct OpenPathway
{
    std::string node_id;  // an entry route's pathway node
    std::string start_id; // a "Where are you now?" start point
    std::string role_id;  // "How do I become ...?"
};

// The flowchart's own choices, applied in place on the pathway screen (no back-stack entry, so
// Back still leaves the flowchart). Recorded as a start point chosen / a node tapped.
struct PathwayStartChosen
{
    std::string start_id; // empty: clear the lit routes
};

struct PathwayNodeOpened
{
    std::string node_id; // empty: close the details sheet
};

struct Back
{
};

struct Home
{
};

struct SetLanguage
{
    std::string code;
};

// The shell rebuilds fonts for the new Metrics before the next frame.
struct ToggleLargerText
{
};

struct ToggleHighContrast
{
};

struct GalleryNext
{
};

struct GalleryPrev
{
};

// Fault screen only: staff fixed the content and ask the app to load it again.
struct ReloadContent
{
};

// A tappable glossary term: opens its definition card over the screen (no back-stack entry).
// Recorded as a glossary term opened, so organisers learn which words puzzle visitors.
struct OpenGlossaryTerm
{
    std::string term_id;
};

// A tap anywhere while the definition card is open closes it.
struct CloseGlossary
{
};

// The "What could you do?" quiz (quiz_model.h). StartQuiz opens it at the first question (a fresh
// start, whatever was answered before); AnswerQuiz answers the question on show (answer_id
// kQuizNotSure for "not sure") and moves on, to the result after the last; QuizPrevious goes back one
// question to change its answer (from the result: the last question). QuizShowRoute asks "Where are
// you now?" for a result's role (an empty id closes the question); the start point chosen then
// opens the flowchart as OpenPathway{"", start, role}. Opening a result is an OpenRole or
// OpenPathway from the result screen.
struct StartQuiz
{
};

struct AnswerQuiz
{
    std::string question_id;
    std::string answer_id;
};

struct QuizPrevious
{
};

struct QuizShowRoute
{
    std::string role_id;
};

// "Read aloud" on a block (role page, photo, details sheet, definition card, "Still there?"):
// the shell builds the words (core/speech/speech_script.h) and speaks them, replacing anything
// being read. It also turns read aloud on for the rest of the visit (VisitState::read_aloud), so
// the "Still there?" countdown is spoken. StopReading is the same button while it reads.
struct ReadAloud
{
    SpeechTarget target;
};

struct StopReading
{
};

// "More time" on the "Still there?" overlay: core::Visit hands it to the phase machine
// (VisitPhaseMachine::MoreTime), which hides the countdown and restarts the idle timer.
struct MoreTime
{
};

// std::monostate means "nothing happened this frame".
using VisitAction = std::variant<std::monostate, OpenRole, OpenGallery, OpenPathway, Back, Home, SetLanguage,
                                 ToggleLargerText, ToggleHighContrast, GalleryNext, GalleryPrev, ReloadContent,
                                 PathwayStartChosen, PathwayNodeOpened, OpenGlossaryTerm, CloseGlossary, StartQuiz,
                                 AnswerQuiz, QuizPrevious, QuizShowRoute, ReadAloud, StopReading, MoreTime>;

inline bool IsNone(const VisitAction& a)
{
    return std::holds_alternative<std::monostate>(a);
}

// A short stable name for logs and tests: "open-role:clinical-engineer", "back", "gallery-next".
std::string DescribeAction(const VisitAction& a);
} // namespace kiosk::core
