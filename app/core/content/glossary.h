// The glossary: plain-words definitions of the terms a visitor may not know (UCAS, BSc, STP,
// Band ...), from glossary.json (optional). A term is found in visitor-facing text by its own
// wording or an alias, in the visitor's language; the ui draws the first use on each screen as a
// tappable term that opens its definition card.
//
// Matching, the same for the ui and the validator (FindGlossaryTerms):
// - whole words only: the characters either side of a match are not letters or digits (any
//   non-ASCII byte counts as a letter, so "ŵ" never ends a word);
// - a form with a capital letter ("UCAS", "A levels") matches with exactly that case; an all
//   lowercase form ("dialysis") also matches with a capital first letter, at a sentence start;
// - an "s" straight after a form is taken with it ("degrees", "BTECs");
// - where forms overlap, the leftmost match wins, then the longest ("Band 6" before "Band").
// Welsh mutations ("radd" for "gradd") are not matched: list a mutated form as an alias if it
// is common in the pack.
#pragma once
#include "core/content/diagnostics.h"
#include "core/content/localized_text.h"

#include <string>
#include <vector>

namespace kiosk::core
{
struct GlossaryTerm
{
    std::string id;                     // "ucas": recorded in the statistics when opened
    LocalizedText term;                 // "UCAS"; the card's heading
    std::vector<LocalizedText> aliases; // other wordings that mean the same
    LocalizedText definition;           // one or two short plain sentences
    SourceLocation where;               // the term's entry in glossary.json
};

struct Glossary
{
    std::vector<GlossaryTerm> terms; // file order
    const GlossaryTerm* Find(const std::string& id) const;
    bool Empty() const { return terms.empty(); }
};

// One use of a term in a text: bytes [begin, end) of the text.
struct GlossaryHit
{
    size_t begin = 0;
    size_t end = 0;
    size_t term = 0; // index into Glossary::terms
};

// Every use of a glossary term in `text` (one language), in text order, never overlapping.
std::vector<GlossaryHit> FindGlossaryTerms(const Glossary& glossary, const std::string& text,
                                           const std::string& language);
} // namespace kiosk::core
