// JSON syntax errors in plain words: what an editor did and how to fix it.
//
// nlohmann_json decides whether a file is valid JSON. When it refuses one, its message reads
// like parser output ("syntax error while parsing object - unexpected '}'; expected string
// literal"). DiagnoseJsonSyntax walks the same bytes with a small, forgiving scanner and names
// the mistakes editors really make: a trailing comma, curly ("smart") quotes, a // or /* */
// comment, a no-break space or other invisible character outside a text, a file saved as
// Latin-1 or Windows-1252, an empty file, a missing comma between items, a text with no
// closing quote, and unbalanced brackets (pointing at the opening one). It runs only on text
// the parser refused, so it never changes what is accepted; when it recognises nothing, the
// caller keeps the parser's own message and place.
#pragma once
#include <cstddef>
#include <string>
#include <utility>

namespace kiosk::core
{
struct JsonSyntaxDiagnosis
{
    bool found = false;
    size_t offset = 0;   // byte offset of the place to show (the stray comma, the opening bracket)
    size_t detected = 0; // byte offset where the scanner noticed the mistake (compared with the parser's)
    std::string message; // a sentence: what it is, then how to fix it
};

// The first recognised mistake in `bytes`, which the JSON parser refused at `parser_offset`.
// A mistake the scanner finds only after the parser's place is not returned: the parser saw
// something earlier (a malformed number or escape) that the scanner leaves to it.
JsonSyntaxDiagnosis DiagnoseJsonSyntax(const std::string& bytes, size_t parser_offset);

// The line holding byte `offset`, and a caret under its column, as compilers print them:
//     6 |   "tagline": {"en": "Fixes things",},
//       |                                   ^
// Bytes that are not UTF-8 are shown as Windows-1252 would show them. Empty when the line is
// empty (an empty file).
std::string SourceExcerpt(const std::string& bytes, size_t offset);

// 1-based line and column of byte `offset`; a column counts characters (a UTF-8 sequence is one,
// and so is each byte that is not UTF-8), so Welsh letters do not shift it.
std::pair<int, int> JsonLineColumn(const std::string& text, size_t offset);

// "é" for 0xE9: the character a Windows-1252 (or Latin-1) editor meant by a byte of 0x80 or
// more, as UTF-8; empty for the few bytes Windows-1252 leaves undefined.
std::string Windows1252Character(unsigned char byte);
} // namespace kiosk::core
