// The attract loop: fullscreen slides from the content pack (a role, a photograph or a
// message) with cross-fades and a slow pan and zoom, the event name and organiser logo, and a
// large "Touch to explore" prompt in every language of the pack. Timing comes from
// core::AttractAt (attract_timeline.h); this file only draws.
#pragma once
#include "core/content/content_model.h"
#include "ui/app_ui.h"
#include "ui/ui_context.h"

#include <string>
#include <vector>

namespace kiosk::ui
{
// Draws one frame of the attract loop at ctx.now_s, counting from attract_start_s (the
// monotonic time the loop began, so every loop starts at its first slide). Requires ctx.pack
// and ctx.fonts. Uses the pack's default language and ctx.palette (the light palette when
// null). Clears ctx.hits and records one area, "attract:screen", covering the whole screen.
//
// Returns no actions: a touch is the app's business (the visit state machine wakes the kiosk
// and consumes that touch). frame.animating is always true; the app caps the loop at 30 fps.
// frame.screen is left at its default (ScreenId has no attract value).
UiFrame DrawAttractUi(const UiContext& ctx, double attract_start_s);

// The slides the loop shows: the pack's attract list without slides whose role or photo is
// missing, or one Role slide per role when that leaves nothing.
std::vector<kiosk::core::AttractSlide> AttractSlides(const kiosk::core::ContentPack& pack);

// Every text DrawAttractUi can draw from `pack`, in every language, in one string: the glyphs
// the kiosk's first frame needs (ui/fonts.h, GlyphSet::AsciiAndText). Whatever the loop draws
// must be collected here, or its first frame shows '?' for a character only it uses.
std::string CollectAttractText(const kiosk::core::ContentPack& pack);
} // namespace kiosk::ui
