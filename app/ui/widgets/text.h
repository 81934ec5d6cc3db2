// Text measuring and drawing on a draw list, with wrapping. Screens lay text out themselves
// (compute, then draw), so these take explicit fonts, sizes and widths.
#pragma once
#include <imgui.h>
#include <string>
#include <vector>

namespace kiosk::ui
{
// Height of `text` wrapped at `wrap_w` (0 = no wrap).
float TextHeight(ImFont* font, const std::string& text, float wrap_w);
float TextWidth(ImFont* font, const std::string& text);

// Draws wrapped text with its top-left at `pos`; returns its height. Lines outside the draw
// list's clip rect are skipped by ImGui, so long scrolled pages stay cheap.
float DrawText(ImFont* font, ImVec2 pos, ImU32 color, const std::string& text, float wrap_w);

// Wrapped text with every line centred on `center_x`; returns its height.
float DrawTextCenteredWrapped(ImFont* font, float center_x, float y, ImU32 color, const std::string& text,
                              float wrap_w);

// One line, centred in [min, max]; ellipsised with "…" if too wide.
void DrawTextCentered(ImFont* font, ImVec2 min, ImVec2 max, ImU32 color, const std::string& text);

// Where drawn strings are copied for tests (HitRegistry::capture_text); null = off. Set by
// DrawUi for the length of a frame.
void SetDrawnTextSink(std::vector<std::string>* sink);
void NoteDrawnText(const std::string& text);

// Shortens a single line to fit `max_w`, adding "…".
std::string FitLine(ImFont* font, const std::string& text, float max_w);
} // namespace kiosk::ui
