// How much room a text takes in Noto Sans, without ImGui: the one model of text width that the
// content checks use (a title that will wrap to three lines, the role page's call to action on an
// 800x480 screen). The widths are Noto Sans's own advance widths, rounded up, so an estimate is
// never below what ImGui draws (tests/ui checks it against the real fonts for every bundled title).
#pragma once
#include <string>
#include <vector>

namespace kiosk::core
{
// The words of a text, split at blanks and line breaks, punctuation kept.
std::vector<std::string> SplitWords(const std::string& text);

// Width of `text` in ems of the font size of Noto Sans Regular (bold = false) or Bold.
float EstimateNotoWidthEm(const std::string& text, bool bold);
// Lines `text` takes when wrapped at words to `width_em` ems, as ImGui wraps: a line break in the
// text starts a new line, and a word longer than the line breaks inside it.
int EstimateNotoLines(const std::string& text, float width_em, bool bold);
} // namespace kiosk::core
