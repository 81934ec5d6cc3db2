// Translation checks (core/content/translation_checks.h): placeholders must match the English,
// an empty translation is an error, and the report's list of texts identical to the English.
// The broken fixtures translation-placeholder-renamed and translation-empty run them through
// the whole loader.
#include "core/content/translation_checks.h"

#include <catch2/catch.hpp>

using namespace kiosk::core;

namespace
{
TextRecord Record(const std::string& en, const std::string& cy, int line)
{
    TextRecord r;
    r.text.by_language = {{"en", en}, {"cy", cy}};
    r.where = {"strings.json", line, 5};
    r.where_by_language["en"] = {"strings.json", line, 10};
    r.where_by_language["cy"] = {"strings.json", line, 30};
    return r;
}
} // namespace

TEST_CASE("placeholders are the {name}s of a text", "[content][translation]")
{
    CHECK(FindPlaceholders("{n} of {total}") == std::set<std::string>{"{n}", "{total}"});
    CHECK(FindPlaceholders("Because you said {reasons}.") == std::set<std::string>{"{reasons}"});
    CHECK(FindPlaceholders("no braces, {} or { n } or {two words}").empty());
    CHECK(FindPlaceholders("{{n}}") == std::set<std::string>{"{n}"});
}

TEST_CASE("a translation must keep the English placeholders and may not be empty", "[content][translation]")
{
    TextRecords texts;
    texts["strings.json"] = {Record("{n} of {total}", "{n} o {total}", 3),
                             Record("{n} of {total}", "{n} o {cyfanswm}", 4), Record("Question {n}", "Cwestiwn", 5),
                             Record("Back", "", 6), Record("Home", "Hafan", 7)};
    DiagnosticList diags;
    CheckTranslations(texts, diags);
    REQUIRE(diags.items.size() == 4);
    for (const Diagnostic& d : diags.items)
    {
        CHECK(d.severity == Severity::Error);
        CHECK(d.where.column == 30); // the translation, not the English
    }
    CHECK(diags.items[0].where.line == 4);
    CHECK(diags.items[0].message.find("lacks the placeholder '{total}'") != std::string::npos);
    CHECK(diags.items[1].where.line == 4);
    CHECK(diags.items[1].message.find("has the placeholder '{cyfanswm}'") != std::string::npos);
    CHECK(diags.items[2].where.line == 5);
    CHECK(diags.items[2].message.find("lacks the placeholder '{n}'") != std::string::npos);
    CHECK(diags.items[3].where.line == 6);
    CHECK(diags.items[3].message.find("the cy text is empty") != std::string::npos);
}

TEST_CASE("the report lists each translation identical to the English", "[content][translation]")
{
    const std::vector<TextRecord> records = {Record("UCAS", "UCAS", 3), Record("Home", "Hafan", 4),
                                             Record("2:1", "2:1", 9), Record("Back", "", 10)};
    CHECK(ListSameAsEnglish(records, "cy") == "    3:30: 'UCAS'\n    9:30: '2:1'\n");
    CHECK(ListSameAsEnglish(records, "fr").empty());
}
