// Which screens, overlays, admin pages and kiosk events a monkey run reached, and for how many
// frames. The required list is every screen of core/visit/screen_name.h (the pathway with a node
// open standing for pathway:NODE), the definition card, "Still there?" and every admin tab.
#pragma once
#include "monkey/monkey_kiosk.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace kiosk::monkey
{
// The kinds of screen the monkey counts frames on: a screen name with its argument dropped
// ("role:nurse" -> "role", "gallery:3" -> "gallery", "quiz:2" -> "quiz"; "quiz:result" stays).
std::string ScreenKind(const std::string& name);

class Coverage
{
public:
    // Notes what the kiosk's last frame showed.
    void Note(MonkeyKiosk& kiosk);
    // Something that happens rather than shows (a reset, a restart, a reload).
    void NoteEvent(const std::string& name) { ++m_frames["event:" + name]; }
    void Merge(const Coverage& other);
    // Required items not reached.
    std::vector<std::string> Missing() const;
    // One line per item: name and frames (or times) reached.
    void Print(std::FILE* out) const;
    // The share of all frames drawn on each screen (and on the definition card), largest first.
    void PrintShares(std::FILE* out) const;
    std::size_t Reached() const { return m_frames.size(); }

private:
    std::map<std::string, std::int64_t> m_frames;
};

const std::vector<std::string>& RequiredCoverage();
} // namespace kiosk::monkey
