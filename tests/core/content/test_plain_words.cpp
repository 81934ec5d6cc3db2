// The glossary (matching, loading) and the plain-words checker's rules; the broken fixtures
// (tests/fixtures/content/broken/long-sentence, ...) check each rule's exact message and place.
#include "core/content/content_checker.h"
#include "core/content/content_loader.h"
#include "core/visit/navigation.h"
#include "core/visit/usage_recorder.h"
#include "core/visit/visit.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace kiosk::core;
namespace fs = std::filesystem;

static LocalizedText L(const std::string& en, const std::string& cy = "")
{
    LocalizedText t;
    t.by_language["en"] = en;
    if (!cy.empty())
        t.by_language["cy"] = cy;
    return t;
}

static Glossary SampleGlossary()
{
    Glossary g;
    g.terms.push_back({"ucas", L("UCAS"), {}, L("The service you use to apply to university."), {}});
    g.terms.push_back({"band", L("Band"), {L("Band 6"), L("pay band", "band cyflog")}, L("A pay level."), {}});
    g.terms.push_back({"degree", L("degree", "gradd"), {}, L("A university course."), {}});
    return g;
}

static std::vector<std::string> Found(const Glossary& g, const std::string& text, const std::string& lang = "en")
{
    std::vector<std::string> out;
    for (const GlossaryHit& h : FindGlossaryTerms(g, text, lang))
        out.push_back(text.substr(h.begin, h.end - h.begin) + "=" + g.terms[h.term].id);
    return out;
}

TEST_CASE("glossary terms are found as whole words, longest first", "[content][glossary]")
{
    const Glossary g = SampleGlossary();
    CHECK(Found(g, "Apply through UCAS.") == std::vector<std::string>{"UCAS=ucas"});
    CHECK(Found(g, "You start on Band 6, a pay band.") == std::vector<std::string>{"Band 6=band", "pay band=band"});
    CHECK(Found(g, "Degrees and a degree.") == std::vector<std::string>{"Degrees=degree", "degree=degree"});
    CHECK(Found(g, "ucas is not UCAS in lower case") == std::vector<std::string>{"UCAS=ucas"});
    CHECK(Found(g, "UCASX and degreed are other words").empty());
    CHECK(Found(g, "gradd meistr", "cy") == std::vector<std::string>{"gradd=degree"});
    CHECK(Found(g, "graddfa swydd", "cy").empty()); // a longer Welsh word is not the term
}

TEST_CASE("words, sentences and acronyms are counted as the rules say", "[content][plain-words]")
{
    CHECK(CountWords("One two – three.") == 3);
    CHECK(SplitSentences("First one. Second one? Third").size() == 3);
    CHECK(SplitSentences("Pay is £30,401 to £37,267 a year.").size() == 1);
    CHECK(FindAcronyms("The NHS, a BSc and IPEM's MEng, but not A levels.") ==
          std::vector<std::string>{"NHS", "BSc", "IPEM", "MEng"});
}

TEST_CASE("the title width model wraps where a real title would", "[content][plain-words]")
{
    CHECK(EstimateNotoLines("Clinical engineer", kRoleTitleWidthEm800, true) == 1);
    CHECK(EstimateNotoLines("Radiotherapy physics and dosimetry", kRoleTitleWidthEm800, true) == 2);
    CHECK(EstimateNotoLines("Renal engineering", kRoleTitleWidthEm800, true) <= 2);
    CHECK(EstimateNotoLines("Medical engineering and radiotherapy physics specialist", kRoleTitleWidthEm800, true) >=
          3);
    CHECK(EstimateNotoWidthEm("WWW", true) > EstimateNotoWidthEm("iii", true));
}

TEST_CASE("the checker warns on each plain-words rule at the text's place", "[content][plain-words]")
{
    TextRecords texts;
    TextRecord long_sentence;
    long_sentence.pointer = "/summary";
    long_sentence.text = L("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                           "fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three "
                           "twenty-four twenty-five twenty-six.");
    long_sentence.where_by_language["en"] = {"roles/a.json", 4, 20};
    texts["roles/a.json"].push_back(long_sentence);
    TextRecord acronym;
    acronym.pointer = "/what_you_do/0";
    acronym.text = L("Apply through UCAS, then the STP.");
    acronym.where_by_language["en"] = {"roles/a.json", 6, 9};
    texts["roles/a.json"].push_back(acronym);
    DiagnosticList diags;
    CheckPlainWords(texts, SampleGlossary(), {"glossary.json", 0, 0}, diags);
    INFO(FormatDiagnostics(diags));
    REQUIRE(diags.items.size() == 4);
    CHECK(FormatDiagnostic(diags.items[0]) == "roles/a.json:4:20: warning: sentence of 26 words (over 25): 'one two "
                                              "three four five six ...'; split it in two");
    CHECK(FormatDiagnostic(diags.items[1]) ==
          "roles/a.json:6:9: warning: 'STP' is not in the glossary (glossary.json): add it there, or spell it out");
    // Band and degree are never used in these texts.
    CHECK(diags.items[2].message.find("'band' is not used") != std::string::npos);
    CHECK(diags.items[3].message.find("'degree' is not used") != std::string::npos);
}

TEST_CASE("a glossary term opened is visit state and an anonymous statistic", "[content][glossary][usage]")
{
    ContentPack pack;
    pack.glossary = SampleGlossary();
    VisitState state;
    UsageRecorder rec;
    rec.StartVisit(state, pack, 10.0);
    NavigationResult r = Navigate(state, OpenGlossaryTerm{"ucas"}, pack, {});
    CHECK(r.changed);
    CHECK(state.glossary_term == "ucas");
    std::vector<StatsEvent> events = rec.Update(state, OpenGlossaryTerm{"ucas"}, pack, 11.0, 1.8e9);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == EventKind::GlossaryTermOpened);
    CHECK(std::string(EventKindName(events[0].kind)) == "glossary_term_opened");
    CHECK(events[0].glossary_term_id == "ucas");
    CHECK(events[0].setting.empty());
    // An unknown term opens nothing and records nothing; closing clears the card.
    CHECK_FALSE(Navigate(state, OpenGlossaryTerm{"nope"}, pack, {}).changed);
    CHECK(rec.Update(state, OpenGlossaryTerm{"nope"}, pack, 12.0, 1.8e9).empty());
    CHECK(Navigate(state, CloseGlossary{}, pack, {}).changed);
    CHECK(state.glossary_term.empty());
    CHECK_FALSE(Navigate(state, CloseGlossary{}, pack, {}).changed);
}

TEST_CASE("the bundled pack's glossary loads and every term is used", "[content][glossary][bundled]")
{
    const ContentLoadResult result = LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(result.pack);
    const Glossary& g = result.pack->glossary;
    CHECK(g.terms.size() >= 50);
    const GlossaryTerm* ucas = g.Find("ucas");
    REQUIRE(ucas);
    CHECK_FALSE(ucas->definition.Get("cy").empty());
    CHECK(ucas->where.file == "glossary.json");
    CHECK(ucas->where.line > 0);
}

TEST_CASE("the bundled pack is complete in both languages and has no plain-words warnings",
          "[content][bundled][plain-words]")
{
    ContentLoadOptions options;
    options.require_languages = {"cy"};
    const ContentLoadResult result = LoadContentPack(KIOSK_CONTENT_DIR, options);
    INFO(FormatDiagnostics(result.diagnostics));
    CHECK(result.diagnostics.items.empty());
    const std::string report = FormatTranslationReport(result.texts, {"en", "cy"});
    INFO(report);
    CHECK(report.find("0 missing") != std::string::npos);
    CHECK(report.find(" 1 missing") == std::string::npos);
}

TEST_CASE("the first language may be Welsh, and a fresh visit starts in it", "[content][languages]")
{
    kiosk::test::TempDir dir("kiosk-welsh-first");
    fs::copy(std::string(KIOSK_FIXTURES_DIR) + "/content/minimal", dir.path, fs::copy_options::recursive);
    std::ofstream(dir.path / "kiosk.json") << R"({"schema_version": 1, "kiosk_name": "fixture",
      "event": {"name": {"en": "Fixture event", "cy": "Digwyddiad prawf"}},
      "languages": [{"code": "cy", "name": "Cymraeg"}, {"code": "en", "name": "English"}],
      "families": [{"id": "engineering", "title": {"en": "Engineering", "cy": "Peirianneg"}, "color": "#005EB8"}]})";
    const ContentLoadResult result = LoadContentPack(dir.path.string());
    INFO(FormatDiagnostics(result.diagnostics));
    REQUIRE(result.pack);
    CHECK(result.diagnostics.items.empty());
    CHECK(result.pack->settings.languages.front().code == "cy");
    Visit visit;
    visit.Start(*result.pack, nullptr, 0, {0, 1.8e9});
    CHECK(visit.State().language == "cy");
    visit.Touch({1, 1.8e9 + 1}); // a visitor arrives: the fresh visit is in Welsh too
    CHECK(visit.State().language == "cy");

    // --require-language for a language the pack lacks is an error, not silently ignored.
    ContentLoadOptions options;
    options.require_languages = {"fr"};
    const ContentLoadResult fr = LoadContentPack(dir.path.string(), options);
    CHECK(fr.diagnostics.HasErrors());
}

TEST_CASE("the translation report counts present, missing and same-as-English texts", "[content][translation]")
{
    TextRecords texts;
    TextRecord a, b, c;
    a.text = L("Hello", "Helo");
    b.text = L("UCAS", "UCAS");
    c.text = L("Only English");
    c.where = {"roles/a.json", 9, 3};
    texts["roles/a.json"] = {a, b, c};
    const std::string report = FormatTranslationReport(texts, {"en", "cy"});
    CHECK(report.find("roles/a.json: cy: 2 of 3 present, 1 missing, 1 the same as English; first missing at 9:3") !=
          std::string::npos);
    // Each text identical to the English is listed, with where its translation is.
    b.where_by_language["cy"] = {"roles/a.json", 14, 11};
    texts["roles/a.json"] = {a, b, c};
    const std::string listed = FormatTranslationReport(texts, {"en", "cy"});
    CHECK(listed.find("the same as English; first missing at 9:3; first the same at 14:11\n    14:11: 'UCAS'\n") !=
          std::string::npos);
    CHECK(listed.find("'Helo'") == std::string::npos);
}
