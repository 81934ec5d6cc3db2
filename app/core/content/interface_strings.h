// The interface strings: the one list of every strings.json key the app draws, with its
// English fallback and where it shows.
//
// Everything else reads or is checked against this table: the loader requires each key (and
// reports each language the pack offers that a key lacks), the UI's Tr() falls back to the
// English here, the font atlas bakes the fallbacks' glyphs, and the guide (content/README.md)
// and the JSON Schema (content/schema/strings.schema.json) list exactly these keys
// (tests/core/content/test_vocabularies.cpp fails when they disagree).
#pragma once
#include <string>
#include <vector>

namespace kiosk::core
{
struct InterfaceString
{
    std::string key;     // "area.name", as in strings.json
    std::string english; // shown when the pack lacks the key (a half-written pack, or no pack at all)
    std::string where;   // one line for editors: where the text shows
    // Required only when the pack has a quiz (quiz.json); every other key is always required.
    bool only_with_quiz = false;
};

// Every key, grouped by screen (the visitor's screens, the quiz, the staff's admin panel); the
// pathway node kinds' labels ("pathway.kind.<id>") come from PathwayNodeKinds()
// (core/pathway/pathway_kinds.h). "{name}" in a text is replaced by a value (a number, a path);
// each translation must keep the English text's placeholders.
const std::vector<InterfaceString>& InterfaceStrings();
// The entry for `key`, or null when the app never draws it.
const InterfaceString* FindInterfaceString(const std::string& key);
} // namespace kiosk::core
