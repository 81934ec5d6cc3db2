// "After each idle reset the visit is indistinguishable from a fresh start": the core's visit
// state compared with a freshly started core::Visit's, and the ui's motion state and the targets
// of the new visit's first frame compared with those of a freshly constructed kiosk's first
// visit frame. Each function returns an empty string when they match, else the first difference.
#pragma once
#include "core/visit/navigation.h"
#include "ui/hit_registry.h"
#include "ui/ui_context.h"

#include <string>
#include <vector>

namespace kiosk::monkey
{
std::string CompareVisitState(const core::VisitState& got, const core::VisitState& fresh);
std::string CompareVisitView(const ui::VisitView& got, const ui::VisitView& fresh);
// Same ids in the same order, rectangles within half a pixel.
std::string CompareTargets(const std::vector<ui::HitArea>& got, const std::vector<ui::HitArea>& fresh);
} // namespace kiosk::monkey
