// The content checker: plain-words rules over every visible text of a pack, as warnings with
// FILE:LINE:COLUMN, so an editor writes for a 14-year-old reading standing up:
//   - a sentence over 25 words, a text (paragraph) over 60 words;
//   - a role title that will wrap to three lines on the role page at 800x480 (text_measure.h);
//   - an acronym (a word with two or more capitals: "NHS", "BSc") the glossary does not define;
//   - a glossary term no text uses, and a wording two glossary terms share (an alias collision).
// The admin panel's strings ("admin.*" in strings.json) are for staff and are not checked.
// It also counts translations for `--validate --translation-report`. No ImGui: the title width
// is estimated from Noto Sans's advance widths (text_measure.h).
#pragma once
#include "core/content/diagnostics.h"
#include "core/content/glossary.h"
#include "core/content/localized_text.h"
#include "core/content/text_measure.h"

#include <map>
#include <string>
#include <vector>

namespace kiosk::core
{
// One visible text as read from its file (json_fields.cpp records every one).
struct TextRecord
{
    std::string pointer;                                     // JSON Pointer of the text object: "/what_you_do/2"
    LocalizedText text;                                      // what was read
    SourceLocation where;                                    // the text object
    std::map<std::string, SourceLocation> where_by_language; // each language's string
};

// Every text of one pack, by file (content-relative), in reading order.
using TextRecords = std::map<std::string, std::vector<TextRecord>>;

inline constexpr int kMaxSentenceWords = 25;
inline constexpr int kMaxParagraphWords = 60;

// The role page's title column at 800x480 in ems of the title font: there 1 em = 16 px (the
// minimum em), the page has two columns and the left one is 0.55 of (800 - 2 margins of 0.9 em
// - a 20 px gutter) = 413 px, and the title font is 2.25 em = 36 px: 413 / 36 = 11.47 ems.
// (Larger text gives one column of 680 px at a 45 px title: 15.1 ems, so 800x480 default is the
// tighter case.) tests/ui checks this against the role screen's layout.
inline constexpr float kRoleTitleWidthEm800 = 11.45f;

// The plain-words rules above; appends warnings to `diags` in file order.
void CheckPlainWords(const TextRecords& texts, const Glossary& glossary, const SourceLocation& glossary_where,
                     DiagnosticList& diags);

// Words in a text; sentences of a text (split after . ! ? followed by a space or the end).
int CountWords(const std::string& text);
std::vector<std::string> SplitSentences(const std::string& text);
// Words with two or more ASCII capitals, as written ("NHS", "BSc", "IPEM" in "IPEM's").
std::vector<std::string> FindAcronyms(const std::string& text);

// Per file and language other than English: texts present, missing, and identical to English.
struct TranslationCount
{
    int texts = 0;
    int present = 0;
    int missing = 0;
    int same_as_english = 0;
    SourceLocation first_missing;
    SourceLocation first_same;
};
std::string FormatTranslationReport(const TextRecords& texts, const std::vector<std::string>& languages);
} // namespace kiosk::core
