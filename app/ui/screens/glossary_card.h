// The glossary definition card: a glossary term tapped in running text (term_text.h) opens it
// over the screen (core::VisitState::glossary_term). It shows the term and its short plain
// definition in the visitor's language, dims the screen under it, and a tap anywhere closes it.
#pragma once
#include "ui/screens/screens.h"

namespace kiosk::ui
{
// Draws the card for ctx.visit->glossary_term over the screen just drawn. The screen's own action
// is dropped (the tap that closes the card must not also press what is under it); returns
// CloseGlossary on a tap anywhere. Hit id: "glossary:card".
ScreenResult DrawGlossaryCard(const UiContext& ctx, const ScreenResult& under);
} // namespace kiosk::ui
