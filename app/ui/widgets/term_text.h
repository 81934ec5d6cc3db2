// Glossary terms in running text: after a text is drawn (DrawText, wrapped by ImGui), the first
// use of each glossary term on the screen is marked as tappable: a tinted rounded box and a thick
// underline (a shape as well as a colour, so it reads in high contrast and without colour), with a
// touch-sized hit area ("term:<term id>") that opens the term's definition card. Marking never
// moves text, so the measuring pass of a page needs no marks; call it just before DrawText so the
// tint lies under the glyphs.
#pragma once
#include "core/visit/visit_actions.h"
#include "ui/ui_context.h"

#include <imgui.h>
#include <set>
#include <string>
#include <vector>

namespace kiosk::ui
{
// The terms one screen has marked so far this frame (first use only), and the tap, if any.
// A screen makes one per drawing pass and hands it to every text it draws, in reading order.
struct TermMarks
{
    std::set<size_t> seen; // indices into the pack's glossary terms
    core::VisitAction action;
};

// One line of a wrapped text: bytes [begin, end) of it, never including a newline.
struct WrappedLine
{
    size_t begin = 0, end = 0;
};

// The lines ImFont::RenderText (Dear ImGui 1.86) makes of `text` at `wrap_w`: a line ends at a
// newline, or where CalcWordWrapPositionA says (at least one character), and blanks after a wrap
// are skipped. MarkGlossaryTerms places its marks by these lines.
std::vector<WrappedLine> WrapLinesAsDrawn(ImFont* font, const std::string& text, float wrap_w);

// Marks the glossary terms of `text` to be drawn with `font` at `pos`, wrapped at `wrap_w`, exactly
// as DrawText lays it out. Sets marks.action to OpenGlossaryTerm when one is tapped.
void MarkGlossaryTerms(const UiContext& ctx, ImFont* font, ImVec2 pos, const std::string& text, float wrap_w,
                       TermMarks& marks);
} // namespace kiosk::ui
