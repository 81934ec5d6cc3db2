// What a keypad, a large-button accessibility keypad or a switch interface asks for, as plain
// data: the platform turns key presses into these (arrow keys and the number pad's 2/4/6/8,
// Tab and Shift+Tab, Enter, Space and the pad's Enter, Escape and Backspace) and the ui moves
// its focus with them (ui/key_focus.h). Nothing else in the app sees key codes.
#pragma once

namespace kiosk::core
{
enum class KeyCommand
{
    Up,
    Down,
    Left,
    Right,
    Next,     // Tab: the next target in reading order
    Previous, // Shift+Tab
    Activate, // Enter: tap the focused target
    Back,     // Escape: what Back (or closing a card) does
};
} // namespace kiosk::core
