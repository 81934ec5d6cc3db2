// JSON syntax errors in plain words: each mistake editors really make is named, placed where
// the fix goes, and shown with its line and a caret under the column.
#include "core/content/json_diagnosis.h"
#include "core/content/json_document.h"

#include <catch2/catch.hpp>
#include <dirent.h>

using namespace kiosk::core;

namespace
{
// The one error JsonDocument::Parse reports for `text`, as the validator prints it.
std::string Report(const std::string& text)
{
    DiagnosticList diags;
    const JsonDocument doc = JsonDocument::Parse(text, "x.json", diags);
    REQUIRE_FALSE(doc.Ok());
    REQUIRE(diags.items.size() == 1);
    return FormatDiagnosticWithExcerpt(diags.items[0]);
}
} // namespace

TEST_CASE("a trailing comma is named and the caret sits under it", "[json][diagnosis]")
{
    CHECK(Report("{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}\n") ==
          "x.json:3:13: error: a comma after the last item: delete this ',' (JSON allows no comma before ']')\n"
          "    3 |   \"b\": [1, 2,]\n"
          "      |             ^");
    CHECK(Report("{\"a\": 1,\n}").find("x.json:1:8: error: a comma after the last item") == 0);
}

TEST_CASE("curly quotes around a key or a value, or at the end of a text, are named", "[json][diagnosis]")
{
    CHECK(Report("{\n  \u201Ctitle\u201D: 1\n}") ==
          "x.json:2:3: error: curly quote '\u201C' around a key or text: JSON needs straight double quotes (\"); "
          "retype it, and turn off \"smart quotes\" in your editor\n"
          "    2 |   \u201Ctitle\u201D: 1\n"
          "      |   ^");
    CHECK(Report("{\"a\": \u2018b\u2019}").find("x.json:1:7: error: curly quote '\u2018'") == 0);
    // Opened straight, closed curly: the text runs on to the end of the line.
    CHECK(Report("{\"a\": \"b\u201D,\n \"c\": 1}")
              .find("x.json:1:9: error: this text starts with a straight quote "
                    "(\") but ends with a curly one") == 0);
    CHECK(Report("{\"a\": \"b\u201D, \"c\": 1}").find("x.json:1:9: error: this text starts with a straight quote") ==
          0);
}

TEST_CASE("comments are named", "[json][diagnosis]")
{
    CHECK(Report("{\n  // note\n  \"a\": 1\n}")
              .find("x.json:2:3: error: a comment ('//'): JSON files cannot have "
                    "comments; delete it") == 0);
    CHECK(Report("{\"a\": 1 /* note */}").find("x.json:1:9: error: a comment ('/* */')") == 0);
    CHECK(Report("{\"a\": 1}\n# note").find("x.json:2:1: error: '#' does not start a comment") == 0);
}

TEST_CASE("invisible characters outside a text are named with their code point", "[json][diagnosis]")
{
    CHECK(Report("{\"a\":\u00A01}") == "x.json:1:6: error: a no-break space (U+00A0) outside a text: it looks like "
                                       "a space (or like nothing) but JSON does not allow it here; delete it and "
                                       "type an ordinary space if one is needed\n"
                                       "    1 | {\"a\":\u00A01}\n"
                                       "      |      ^");
    CHECK(Report("{\u200B\"a\": 1}").find("x.json:1:2: error: a zero-width space (U+200B) outside a text") == 0);
    CHECK(Report("{\"a\": 1\u2060}").find("x.json:1:8: error: a word joiner (U+2060)") == 0);
    // Inside a text they are just characters.
    DiagnosticList ok;
    CHECK(JsonDocument::Parse("{\"a\": \"x\u00A0y\u200Bz\"}", "ok.json", ok).Ok());
}

TEST_CASE("a file saved as Windows-1252 names the byte, the letter it meant, and says to save as UTF-8",
          "[json][diagnosis]")
{
    // "£" is 0xA3 and "ô" 0xF4 in Latin-1 and Windows-1252; neither byte is valid UTF-8 there.
    CHECK(Report("{\n  \"pay\": \"\xA3"
                 "30,000\"\n}") ==
          "x.json:2:11: error: byte 0xA3 is not UTF-8: the file was saved as Latin-1 or Windows-1252, where 0xA3 is "
          "'\u00A3'. Save it as UTF-8 (in your editor: Save As, Encoding: UTF-8), then check the letter here\n"
          "    2 |   \"pay\": \"\u00A3"
          "30,000\"\n"
          "      |           ^");
    CHECK(Report("{\"cy\": \"Yn \xF4l\"}").find("x.json:1:12: error: byte 0xF4 is not UTF-8") == 0);
    // Word's curly quotes in Windows-1252 are 0x93 and 0x94.
    CHECK(Report("{\"a\": \"\x93hi\x94\"}").find("where 0x93 is '\u201C'") != std::string::npos);
    CHECK(Windows1252Character(0x80) == "\u20AC");
    CHECK(Windows1252Character(0x81).empty());
    CHECK(Windows1252Character(0xE9) == "\u00E9");
}

TEST_CASE("an empty file, and a UTF-16 file, are named", "[json][diagnosis]")
{
    CHECK(Report("") == "x.json:1:1: error: the file is empty: a content file holds one object, starting "
                        "{\"schema_version\": 1, ... (was it saved before it was written?)");
    CHECK(Report("  \n\n").find("x.json:1:1: error: the file is empty") == 0);
    CHECK(Report(std::string("\xFF\xFE{\0}\0", 6)) ==
          "x.json:1:1: error: the file is saved as UTF-16 (\"Unicode\"); save it as UTF-8");
}

TEST_CASE("a missing comma is placed where the comma goes", "[json][diagnosis]")
{
    CHECK(Report("{\n  \"a\": 1\n  \"b\": 2\n}") ==
          "x.json:2:9: error: missing comma: put ',' here, between this item and the next (at line 3, column 3)\n"
          "    2 |   \"a\": 1\n"
          "      |         ^");
    CHECK(Report("[\"a\" \"b\"]").find("x.json:1:5: error: missing comma") == 0);
}

TEST_CASE("unbalanced brackets point at the opening one", "[json][diagnosis]")
{
    // Never closed: the file ends first.
    CHECK(Report("{\n  \"a\": {\n    \"b\": 1\n") ==
          "x.json:2:8: error: this '{' is never closed: add '}' (the file ends at line 4, column 1 with it still "
          "open)\n"
          "    2 |   \"a\": {\n"
          "      |        ^");
    // Closed by the wrong bracket.
    CHECK(Report("{\n  \"list\": [\"a\", \"b\"}\n")
              .find("x.json:2:11: error: this '[' is not closed: at line 2, "
                    "column 20 a '}' comes first; add ']' before it") == 0);
    // A list whose ']' is missing before the next key.
    CHECK(Report("{\n  \"list\": [\"a\",\n  \"next\": 1\n}")
              .find("x.json:2:11: error: this '[' is not closed: the key before the ':' at line 3, column 9 comes "
                    "first; add ']' before that key") == 0);
    // The inner '{' lost its '}': the outer '}' is lined up with the outer '{', so the inner is named.
    CHECK(Report("{\n  \"a\": {\"x\": 1,\n  \"b\": 2\n}\n")
              .find("x.json:2:8: error: this '{' seems never to be "
                    "closed") == 0);
    CHECK(Report("{\"a\": 1}\n}")
              .find("x.json:2:1: error: an extra '}': the file's outer brackets already closed at "
                    "line 1, column 8") == 0);
}

TEST_CASE("other everyday mistakes are named too", "[json][diagnosis]")
{
    CHECK(Report("{\"a\": \"The \"best\" job\"}").find("x.json:1:12: error: a '\"' inside a text ends it early") == 0);
    CHECK(Report("{\"a\": \"no end,\n \"b\": 1}")
              .find("x.json:1:15: error: this text (opened at line 1, column 7) "
                    "has no closing '\"' before the end of the line") == 0);
    CHECK(Report("{'a': 1}").find("x.json:1:2: error: single quote") == 0);
    CHECK(Report("{a: 1}").find("x.json:1:2: error: the key 'a' needs double quotes around it: \"a\"") == 0);
    CHECK(Report("{\"a\": True}").find("x.json:1:7: error: 'True' is not a JSON value: write true") == 0);
    CHECK(Report("{\"a\": 05}").find("x.json:1:7: error: a number cannot start with 0: write 5, not 05") == 0);
    CHECK(Report("{\"a\": \"C:\\Docs\"}").find("x.json:1:10: error: a backslash (\\) in a text starts a code") == 0);
    CHECK(Report("{\"a\": }").find("x.json:1:7: error: the key 'a' has no value") == 0);
    CHECK(Report("[1,,2]").find("x.json:1:4: error: two commas in a row") == 0);
}

TEST_CASE("a mistake the scanner does not know keeps the parser's words and place", "[json][diagnosis]")
{
    // A malformed number: the parser's message, still with an excerpt.
    const std::string report = Report("{\"a\": 1.e5}");
    CHECK(report.find("x.json:1:9: error: invalid JSON: syntax error while parsing value - invalid number") == 0);
    CHECK(report.find("\n    1 | {\"a\": 1.e5}\n      |         ^") != std::string::npos);
    // Nothing is diagnosed past the parser's place.
    CHECK_FALSE(DiagnoseJsonSyntax("[1.e5, 2 3]", 3).found);
}

TEST_CASE("the excerpt shows the line with a caret, cut around the caret when long", "[json][diagnosis]")
{
    CHECK(SourceExcerpt("ab\n\tcd\n", 5) == "    2 | \tcd\n      | \t ^");
    CHECK(SourceExcerpt("ab\n", 2) == "    1 | ab\n      |   ^"); // the end of a line: where a missing ',' goes
    CHECK(SourceExcerpt("", 0).empty());
    const std::string long_line = std::string(300, 'x') + "!";
    const std::string excerpt = SourceExcerpt(long_line, 300);
    CHECK(excerpt.size() < 250);
    CHECK(excerpt.find("...x") != std::string::npos);
    CHECK(excerpt.back() == '^');
}

TEST_CASE("every JSONTestSuite rejection gets a message on a named line, and an excerpt", "[json][diagnosis][corpus]")
{
    const std::string folder = std::string(KIOSK_SHARED_DIR) + "/corpora/jsontestsuite";
    DIR* dir = opendir(folder.c_str());
    REQUIRE(dir != nullptr);
    int rejected = 0, plain = 0;
    while (dirent* e = readdir(dir))
    {
        const std::string name = e->d_name;
        if (name.compare(0, 2, "n_") != 0)
            continue;
        DiagnosticList diags;
        const JsonDocument doc = JsonDocument::Load(folder + "/" + name, name, diags);
        INFO(name);
        REQUIRE_FALSE(doc.Ok());
        rejected++;
        const Diagnostic& d = diags.items.at(0);
        CHECK(d.where.line >= 1);
        CHECK(d.where.column >= 1);
        if (d.message.find("empty") == std::string::npos && d.message.find("NUL byte") == std::string::npos &&
            d.message.find("byte order mark") == std::string::npos && d.message.find("nesting") == std::string::npos)
            CHECK(d.excerpt.find('^') != std::string::npos);
        plain += d.message.compare(0, 13, "invalid JSON:") != 0 ? 1 : 0;
    }
    closedir(dir);
    CHECK(rejected == 188);
    // Most of the suite's rejections are mistakes named in plain words (the rest are malformed
    // numbers and escapes, left in the parser's words).
    CHECK(plain >= 120);
}
