// JsonDocument: limits, syntax errors with line:column, value locations, duplicate keys, and
// robustness on every file of JSONTestSuite.
#include "core/content/json_document.h"

#include <catch2/catch.hpp>
#include <dirent.h>
#include <fstream>
#include <sstream>

using namespace kiosk::core;

TEST_CASE("a syntax error points at its line and column", "[json]")
{
    DiagnosticList diags;
    const JsonDocument doc = JsonDocument::Parse("{\n  \"a\": 1,\n  \"b\": tru\n}\n", "x.json", diags);
    REQUIRE_FALSE(doc.Ok());
    REQUIRE(diags.items.size() == 1);
    CHECK(diags.items[0].where.file == "x.json");
    CHECK(diags.items[0].where.line == 3);
    CHECK(diags.items[0].where.column >= 8);
    // Named in plain words (test_json_diagnosis.cpp has each mistake).
    CHECK(diags.items[0].message.find("'tru' is not a JSON value") == 0);
}

TEST_CASE("values and keys are located by JSON pointer", "[json]")
{
    DiagnosticList diags;
    const JsonDocument doc = JsonDocument::Parse(
        "{\n  \"roles\": [\n    {\"title\": {\"en\": \"Engineer\"}},\n    {\"x/y\": 2}\n  ]\n}", "r.json", diags);
    REQUIRE(doc.Ok());
    CHECK(doc.Where("/roles").line == 2);
    CHECK(doc.Where("/roles").column == 12);
    CHECK(doc.Where("/roles/0/title/en").line == 3);
    CHECK(doc.Where("/roles/0/title/en").column == 22);
    CHECK(doc.WhereKey("/roles/0/title").column == 6);
    CHECK(doc.Where(JsonPointerAppend("/roles/1", "x/y")).line == 4);
    // An unknown pointer falls back to its nearest recorded parent.
    CHECK(doc.Where("/roles/7/nothing").line == 2);
}

TEST_CASE("columns count characters, not bytes, so Welsh text does not shift them", "[json]")
{
    DiagnosticList diags;
    const JsonDocument doc = JsonDocument::Parse("{\"cy\": \"Ŵyr\", \"n\": 1}", "w.json", diags);
    REQUIRE(doc.Ok());
    CHECK(doc.Where("/n").column == 20);
}

TEST_CASE("duplicate keys are errors, not silently overwritten", "[json]")
{
    DiagnosticList diags;
    const JsonDocument doc = JsonDocument::Parse("{\"title\": 1,\n \"title\": 2}", "d.json", diags);
    CHECK_FALSE(doc.Ok());
    REQUIRE(diags.ErrorCount() == 1);
    CHECK(FormatDiagnostic(diags.items[0]) ==
          "d.json:2:2: error: duplicate key 'title' (the earlier value would be lost)");
}

TEST_CASE("duplicate keys in a large object are found, and the last one is located", "[json]")
{
    // Past sixteen members the scanner keeps a set of keys rather than comparing with each one.
    std::string text = "{";
    for (int k = 0; k < 40; k++)
        text += "\"k" + std::to_string(k) + "\": " + std::to_string(k) + ",\n";
    text += "\"k7\": {\"a\": 1, \"a\": 2},\n\"k39\": \"last\"}";
    DiagnosticList diags;
    const JsonDocument doc = JsonDocument::Parse(text, "big.json", diags);
    CHECK_FALSE(doc.Ok());
    REQUIRE(diags.ErrorCount() == 3);
    // In source order: the outer "k7" key, the inner "a", then the outer "k39".
    CHECK(FormatDiagnostic(diags.items[0]) ==
          "big.json:41:1: error: duplicate key 'k7' (the earlier value would be lost)");
    CHECK(FormatDiagnostic(diags.items[1]) ==
          "big.json:41:16: error: duplicate key 'a' (the earlier value would be lost)");
    CHECK(diags.items[2].where.line == 42);
    // Of repeated keys the last counts, as in the parsed value.
    CHECK(doc.Where("/k7/a").line == 41);
    CHECK(doc.Where("/k7/a").column == 21);
    CHECK(doc.WhereKey("/k39").line == 42);
    CHECK(doc.Where("/k12").line == 13);
    CHECK(doc.WhereKey("/k12").column == 1);
}

TEST_CASE("escaped keys, array elements and odd pointers are located", "[json]")
{
    DiagnosticList diags;
    const JsonDocument doc = JsonDocument::Parse("{\"q\\\"x\": [10,\n 20, {\"~\": 3}],\n \"\": 4}", "e.json", diags);
    REQUIRE(doc.Ok());
    CHECK(doc.Where(JsonPointerAppend("", "q\"x")).column == 10);
    CHECK(doc.Where(JsonPointerAppend("/q\"x", 1)).line == 2);
    CHECK(doc.Where(JsonPointerAppend("/q\"x", 1)).column == 2);
    // An array element has no key: WhereKey gives where the value starts.
    CHECK(doc.WhereKey("/q\"x/1").column == 2);
    CHECK(doc.Where(JsonPointerAppend("/q\"x/2", "~")).column == 12);
    CHECK(doc.WhereKey("/").line == 3);
    CHECK(doc.WhereKey("/").column == 2);
    // Not an index, out of range, or not a pointer at all: the nearest parent that exists.
    CHECK(doc.Where("/q\"x/01x").column == 10);
    CHECK(doc.Where("/q\"x/3").column == 10);
    CHECK(doc.Where("nonsense").column == 1);
    // A document that failed to parse locates everything at its start.
    DiagnosticList bad;
    const JsonDocument broken = JsonDocument::Parse("{", "b.json", bad);
    CHECK(broken.Where("/a").line == 1);
    CHECK(broken.WhereKey("/a").column == 1);
}

TEST_CASE("nesting deeper than the limit is refused before parsing", "[json]")
{
    DiagnosticList diags;
    JsonLimits limits;
    limits.max_depth = 4;
    const JsonDocument doc = JsonDocument::Parse("[[[[[1]]]]]", "deep.json", diags, limits);
    CHECK_FALSE(doc.Ok());
    REQUIRE(diags.items.size() == 1);
    CHECK(diags.items[0].where.column == 5);
    CHECK(diags.items[0].message == "nesting is deeper than 4 levels");
    // Brackets inside strings do not count.
    DiagnosticList ok_diags;
    CHECK(JsonDocument::Parse("{\"a\": \"[[[[[[[[\"}", "s.json", ok_diags, limits).Ok());
}

TEST_CASE("a NUL byte is an error: nlohmann would stop reading there", "[json]")
{
    DiagnosticList diags;
    CHECK_FALSE(JsonDocument::Parse(std::string("{}\n\0{", 5), "nul.json", diags).Ok());
    REQUIRE(diags.items.size() == 1);
    CHECK(FormatDiagnostic(diags.items[0]) == "nul.json:2:1: error: file contains a NUL byte; it is not a text file");
}

TEST_CASE("files over the size limit are refused", "[json]")
{
    DiagnosticList diags;
    JsonLimits limits;
    limits.max_file_bytes = 10;
    CHECK_FALSE(JsonDocument::Parse("[1,2,3,4,5,6,7]", "big.json", diags, limits).Ok());
    CHECK(diags.items.at(0).message.find("more than the limit of 10 bytes") != std::string::npos);
}

TEST_CASE("a byte order mark and a missing file are clear errors", "[json]")
{
    DiagnosticList diags;
    CHECK_FALSE(JsonDocument::Parse("\xEF\xBB\xBF{}", "bom.json", diags).Ok());
    CHECK(diags.items.at(0).message.find("byte order mark") != std::string::npos);
    DiagnosticList missing;
    CHECK_FALSE(JsonDocument::Load("/nonexistent/kiosk.json", "kiosk.json", missing).Ok());
    CHECK(FormatDiagnostic(missing.items.at(0)) == "kiosk.json: error: cannot open file");
}

TEST_CASE("every JSONTestSuite file is accepted or rejected with a located error, never a crash", "[json][corpus]")
{
    const std::string folder = std::string(KIOSK_SHARED_DIR) + "/corpora/jsontestsuite";
    DIR* dir = opendir(folder.c_str());
    REQUIRE(dir != nullptr);
    int y = 0, n = 0, i = 0;
    while (dirent* e = readdir(dir))
    {
        const std::string name = e->d_name;
        if (name.size() < 6 || name.compare(name.size() - 5, 5, ".json") != 0)
            continue;
        DiagnosticList diags;
        const JsonDocument doc = JsonDocument::Load(folder + "/" + name, name, diags);
        INFO(name);
        if (doc.Ok())
            CHECK(diags.items.empty());
        else
        {
            REQUIRE(diags.ErrorCount() >= 1);
            CHECK(diags.items[0].where.file == name);
            CHECK_FALSE(diags.items[0].message.empty());
            // Every rejection names a line (and a column), so an editor can jump there.
            CHECK(diags.items[0].where.line >= 1);
            CHECK(diags.items[0].where.column >= 1);
        }
        if (name[0] == 'y')
        {
            y++;
            // Must-accept files are accepted, except those that repeat a key, which content
            // files must not do (see "duplicate keys are errors").
            if (name.find("duplicated_key") == std::string::npos)
                CHECK(doc.Ok());
        }
        else if (name[0] == 'n')
        {
            n++;
            CHECK_FALSE(doc.Ok());
        }
        else
            i++;
    }
    closedir(dir);
    CHECK(y == 95);
    CHECK(n == 188);
    CHECK(i == 35);
}
