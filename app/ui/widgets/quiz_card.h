// The home screen's way into the quiz: a wide card as inviting as the role cards, with the quiz's
// picture, "What could you do?" and a line saying it takes a minute. Registers "home:quiz".
#pragma once
#include "ui/ui_context.h"

#include <imgui.h>

namespace kiosk::ui
{
// Height of the card at width `w`.
float QuizCardHeight(const UiContext& ctx, float w);
// Draws the card; true when tapped.
bool DrawQuizCard(const UiContext& ctx, ImVec2 min, ImVec2 max);
} // namespace kiosk::ui
