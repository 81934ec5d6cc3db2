// Screen names: the one grammar for naming what the kiosk shows. --screen takes these, the test
// hits file reports them, and screen_viewed events in the statistics carry the visitor's ones.
//
//   home | role:ID | gallery | gallery:N | pathway | pathway:NODE      a visitor's screens
//   quiz | quiz:N | quiz:result                                       the quiz: question N (from 1), the result
//   attract | attract:N | still-there                                 between and at the end of visits
//   fault                                                             staff: the content has errors
//   admin:pin | admin:panel | admin:touch-test                        staff: the admin panel
#pragma once
#include "core/visit/navigation.h"

#include <string>

namespace kiosk::core
{
struct ScreenName
{
    enum class Kind
    {
        Home,
        Role,    // arg: role id
        Gallery, // index: photo number (0-based)
        Pathway, // arg: node id, may be empty
        Attract, // index: slide number from 1 (--screen attract:N); 0: the loop as it runs
        StillThere,
        Fault,
        AdminPin,
        AdminPanel,
        AdminTouchTest,
        Quiz,       // index: question number, from 1
        QuizResult, // the quiz's result
    };
    Kind kind = Kind::Home;
    std::string arg;
    int index = 0;
};

// Reads a name; false with `error` set to one sentence naming the bad part and listing the grammar.
bool ParseScreenName(const std::string& text, ScreenName* out, std::string* error);
std::string FormatScreenName(const ScreenName& name);
// The grammar in one line, for error messages: every name, staff screens included.
const char* ScreenNameGrammar();
// The names --screenshot can show (the staff's admin screens cannot be previewed), in one line,
// for --help, the README and the error for a bad --screen.
const char* PreviewScreenGrammar();
bool CanPreview(const ScreenName& name);

// The visitor's screen as a name: "home", "role:ID", "gallery:N", "pathway", "quiz:N" or "quiz:result".
std::string ScreenKey(const VisitState& state);
} // namespace kiosk::core
