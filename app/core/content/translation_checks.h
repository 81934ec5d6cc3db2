// Translations checked, not trusted: rules over every visible text of a pack, each language
// against the English of the same text, as errors with FILE:LINE:COLUMN of the translation:
//   - a placeholder ("{total}", "{n}") the English has and the translation lacks, or one the
//     translation has and the English does not (a renamed or translated placeholder), since the
//     kiosk fills in only the English names and a visitor would see the raw braces;
//   - an empty text in a language other than English (the kiosk would silently show English).
// And, for the translation report, the texts whose translation is exactly the English.
#pragma once
#include "core/content/content_checker.h"
#include "core/content/diagnostics.h"

#include <set>
#include <string>
#include <vector>

namespace kiosk::core
{
// The "{name}" placeholders of a text: a name of letters, digits and '_' between braces.
std::set<std::string> FindPlaceholders(const std::string& text);

// The rules above, for every text of `texts`, in file order; appends errors to `diags`.
void CheckTranslations(const TextRecords& texts, DiagnosticList& diags);

// One line per text of `records` whose `language` text is exactly its English, for the report:
// "    12:9: 'UCAS'" (line:column of the translation). Empty when there is none.
std::string ListSameAsEnglish(const std::vector<TextRecord>& records, const std::string& language);
} // namespace kiosk::core
