// Keypad and switch access for every visitor screen, without per-screen code: the focus is a hit
// id (KeyFocus, kept in VisitView), the arrow keys move it among the targets the last frame drew
// (the hit registry), Enter taps the focused target through TouchArea (the path a finger takes,
// so statistics and actions are the same), Escape taps what Back or closing a card would, and the
// focused target scrolls into view (UpdateDragScroll). The ring shows from the visit's first key
// press until the next touch; a touch-only visitor never sees it.
//
// Which targets take focus: those drawn after the last full-screen target (a card's or an
// overlay's scrim takes every tap, so only what lies on it can be focused), the scrim itself only
// when nothing lies on it. The admin corner is not a target (the shell watches it), so no key
// reaches it.
#pragma once
#include "core/visit/key_command.h"
#include "core/visit/navigation.h"
#include "ui/hit_registry.h"
#include "ui/theme.h"
#include "ui/ui_context.h"

#include <string>
#include <vector>

namespace kiosk::ui
{
// The targets a key can focus this frame (visible and scrolled out of view), in drawing order.
std::vector<HitArea> FocusTargets(const HitRegistry& hits, const Metrics& metrics);

// The same targets in reading order: rows top to bottom (a row is targets whose centres lie
// within half a target's height of the row's first), left to right within a row.
std::vector<HitArea> ReadingOrder(std::vector<HitArea> targets);

// The target an arrow (or Tab) moves to from `from` (an id among `targets`); `from` itself when
// there is nowhere to go. Arrows pick the nearest target in that direction, favouring ones in
// line; Right and Down with nothing that way go on in reading order, Left and Up back.
std::string MoveFocus(const std::vector<HitArea>& targets, const std::string& from, core::KeyCommand command);

// The target a screen's focus starts on: its first target in reading order that is not one of
// the always-present controls (Back, Home, language, larger text, high contrast), else the first.
std::string FirstContentTarget(const std::vector<HitArea>& targets);

// The target Escape taps: the scrim of an open card, else a close control, else Back; empty
// on the home screen (nothing to go back to).
std::string EscapeTarget(const std::vector<HitArea>& targets, const Metrics& metrics);

// After a frame is drawn: carries out this frame's keys on `focus` against the targets it drew.
// Sets focus.activate for Enter and Escape (tapped on the next frame), keeps the focused
// target's rectangle for scrolling it into view. Returns true when another frame must follow.
// `acting`: the frame tapped something (its action is about to change the screen): the keys wait.
bool HandleKeys(KeyFocus& focus, const std::vector<core::KeyCommand>& keys, const HitRegistry& hits,
                const core::VisitState& visit, const Metrics& metrics, bool acting = false);

// The ring around the focused target's visible part (nothing when hidden): a thick band in the
// palette's focus colour between two dark outlines, so it shows on light, dark and accent fills.
void DrawFocusRing(const KeyFocus& focus, const HitRegistry& hits, const Palette& palette, const Metrics& metrics);
} // namespace kiosk::ui
