// Test hook for the end-to-end tests: with $KIOSK_HITS_FILE set, after each frame the file holds
// "screen NAME" (core/visit/screen_name.h) and one "ID X0 Y0 X1 Y1" line per tappable area
// (window pixels), so a test taps real widgets instead of guessed coordinates; while the keypad's
// focus ring shows, also "focus ID" (ui/key_focus.h).
#pragma once
#include "ui/hit_registry.h"

#include <string>

namespace kiosk::app
{
class HitsFile
{
public:
    // Reads $KIOSK_HITS_FILE; without it Write() does nothing.
    void ConfigureFromEnvironment();
    // Writes the frame's areas atomically (a rename); an unchanged frame writes nothing.
    void Write(const std::string& screen_name, const ui::HitRegistry& hits, const std::string& focus = {});

private:
    std::string m_path;
    std::string m_last_text;
};
} // namespace kiosk::app
