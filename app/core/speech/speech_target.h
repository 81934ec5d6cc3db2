// What a visitor can ask to hear (a ReadAloud action carries one) and what the ui is told about
// the speech in progress. Plain data; the words themselves come from speech_script.h.
#pragma once
#include <string>

namespace kiosk::core
{
// What a visitor asked to hear.
struct SpeechTarget
{
    enum class Kind
    {
        None,
        Role,         // id: a role id; the role page
        Photo,        // id: a photo id; its caption and description
        PathwayNode,  // id: a pathway node id; the flowchart's details sheet
        GlossaryTerm, // id: a glossary term id; its definition card
        StillThere,   // the "Still there?" prompt; seconds: the time left
    };
    Kind kind = Kind::None;
    std::string id;
    int seconds = 0;
    // "role:clinical-engineer", "photo:p1", "node:ptp", "term:ucas", "still-there"; "" for None.
    // The ui compares it with what is being read to draw "Stop" and the highlight.
    std::string Key() const;
    bool operator==(const SpeechTarget& o) const { return kind == o.kind && id == o.id && seconds == o.seconds; }
};

// What the ui needs to know about speech, filled in by the shell each frame.
struct SpeechStatus
{
    bool available = false; // a voice and a sound device (or the test sink): show the controls
    std::string target;     // SpeechTarget::Key() of what is being read; empty when silent
    std::string block;      // the block of the segment being spoken (speech_script.h)
    // True when `key` is being read, and (when `block` is given) that block is the one spoken.
    bool Reading(const std::string& key, const char* block_name = nullptr) const
    {
        return !target.empty() && target == key && (!block_name || block == block_name);
    }
};
} // namespace kiosk::core
