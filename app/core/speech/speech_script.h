// What each screen says when read aloud: the exact words, as a pure function of the content and
// the language on screen. No audio here: the shell hands a SpeechScript to the speaking engine
// (platform/speech_engine.h), which synthesises it off the UI thread.
//
// A script is a list of segments. Each segment belongs to one on-screen block (the ui highlights
// the block whose segment is being spoken) and carries the language its words are really in: a
// Welsh screen whose text falls back to English is spoken in the English voice, never English
// words in the Welsh voice (EN 301 549 5.1.3.14: speech in the language shown).
//
// Sentences: every piece ends in a full stop unless it already ends in . ! ? or :, so the voice
// pauses between a heading and its list and between list items.
#pragma once
#include "core/content/content_model.h"
#include "core/speech/speech_target.h"
#include "core/visit/navigation.h"

#include <string>
#include <vector>

namespace kiosk::core
{
struct SpeechSegment
{
    std::string block;    // the on-screen block it reads ("summary", "what_you_do", ...)
    std::string language; // "en", "cy": the language of these words (the voice follows it)
    std::string text;     // UTF-8, one or more sentences
};

struct SpeechScript
{
    std::string target; // what is read, as SpeechTarget::Key() names it
    std::vector<SpeechSegment> segments;
    bool Empty() const { return segments.empty(); }
    // Every segment's text joined by spaces (tests, the file sink's transcript).
    std::string FullText() const;
};

// espeak-ng's voice for a language code: "en" -> "en-gb", "cy" -> "cy", others unchanged.
std::string VoiceFor(const std::string& language);

// The interface string `key` in `language`, with the language it is really in (the pack's entry,
// else its English, else the app's English fallback).
SpeechSegment InterfaceSpeech(const ContentPack& pack, const std::string& key, const std::string& language,
                              const std::string& block);

// Role page blocks, in reading order: "summary" (title, parent's specialisms line, summary),
// "what_you_do", "where_you_work", "skills", "pay", "hours", "working_patterns", "entry_routes",
// "also_known_as", "good_to_know", "professional_bodies". Empty sections are skipped.
SpeechScript RoleSpeech(const ContentPack& pack, const Role& role, const std::string& language);
// Gallery: "caption" then "description".
SpeechScript PhotoSpeech(const ContentPack& pack, const Photo& photo, const std::string& language);
// Flowchart details sheet: "title" (kind label and title), "detail", "duration", "requirements",
// "leads_to" (role titles), "next_steps" (next steps' titles with their conditions).
SpeechScript PathwayNodeSpeech(const ContentPack& pack, const PathwayNode& node, const std::string& language);
// Definition card: "term" then "definition".
SpeechScript GlossarySpeech(const ContentPack& pack, const GlossaryTerm& term, const std::string& language);
// "Still there?": "prompt" (heading and what to do) then "countdown" ("20 seconds left").
SpeechScript StillThereSpeech(const ContentPack& pack, const std::string& language, int seconds_left);
// One countdown call-out: "15 seconds left" at 5 and above, the bare number below 5.
SpeechScript CountdownSpeech(const ContentPack& pack, const std::string& language, int seconds_left);

// What the always-present "Read aloud" control reads on the screen `state` shows: the open
// definition card, else the role page, the photo in view, or the flowchart step whose details
// are open; None where the screen has nothing of its own to read (home, the quiz, a flowchart
// with no step open).
SpeechTarget ScreenSpeechTarget(const VisitState& state, const ContentPack& pack);

// Dispatches on target.kind; an unknown id or None gives an empty script.
SpeechScript ScriptFor(const ContentPack& pack, const SpeechTarget& target, const std::string& language);

// The countdown number to call out when the time left moves from `before_s` to `now_s` (both
// counting down), or 0. Calls: every multiple of 5 seconds, then 3, 2 and 1. The first number
// of a countdown is part of StillThereSpeech, not a call-out.
int CountdownCallout(double before_s, double now_s);
} // namespace kiosk::core
