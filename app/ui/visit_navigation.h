// Navigation as a pure function of the visit: ApplyAction() moves a VisitView from one screen
// to the next. No ImGui, no clock; unit-tested in tests/ui/test_visit_navigation.cpp.
//
// Back stack: opening a screen pushes the current one (Home <- Role <- Gallery, Role <- Role
// for a specialism); Back pops it and restores its scroll position; Home clears the stack.
// The flowchart's start chips and node taps (PathwayStartChosen, PathwayNodeOpened) change the
// pathway screen in place and push nothing.
// The stack keeps the 32 most recent screens. Back on Home does nothing. Invalid targets (an unknown role id, a gallery
// with no photos) leave the view unchanged, so a stale action can never strand the visitor.
#pragma once
#include "core/content/content_model.h"
#include "ui/ui_actions.h"
#include "ui/ui_context.h"

#include <vector>

namespace kiosk::ui
{
// Returns true when the action changed the view.
bool ApplyAction(VisitView& view, const UiAction& action, const kiosk::core::ContentPack& pack);

// The photos the gallery cycles through for this view: the role's photos when gallery_role is
// set (in the role's order), else every photo in the pack. Unknown photo ids are skipped.
std::vector<const kiosk::core::Photo*> GalleryPhotos(const VisitView& view, const kiosk::core::ContentPack& pack);

// The flowchart state an OpenPathway opens (see visit_navigation.cpp): a node is selected and
// its routes lit, a start point or a role has its routes lit and framed.
PathwayView OpenedPathway(const kiosk::core::ContentPack& pack, const OpenPathway& action);

// Wraps an index into [0, count): the gallery wraps round at both ends (count > 0).
int WrapIndex(int index, int count);
} // namespace kiosk::ui
