// A role card on the home grid: illustration (placeholder while loading), a stripe in the
// role family's colour, the title and the one-line tagline. The home grid groups specialisms under
// a heading naming their parent role.
#pragma once
#include "core/content/content_model.h"
#include "ui/ui_context.h"

#include <imgui.h>

namespace kiosk::ui
{
// Height of the illustration for a card of width `w` on a grid view of height `view_h`.
float RoleCardImageHeight(const Metrics& metrics, float w, float view_h);

// Height the card's text needs at width `w` (the grid makes a row as tall as its tallest card).
// `wide` cards (the main roles, spanning several columns) put the illustration on the left and
// add the role's summary beside it.
float RoleCardHeight(const UiContext& ctx, const kiosk::core::Role& role, float w, float image_h, bool wide);

// Draws the card; returns true when tapped. Registers "role-card:<id>".
bool DrawRoleCard(const UiContext& ctx, const kiosk::core::Role& role, ImVec2 min, ImVec2 max, float image_h,
                  bool wide);
} // namespace kiosk::ui
