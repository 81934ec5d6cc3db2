// What each screen says when read aloud: the exact words, the blocks they highlight and the
// language (so the voice) of each, in English and Welsh; when speech stops; the countdown.
#include "core/speech/speech_scope.h"
#include "core/speech/speech_script.h"

#include <catch2/catch.hpp>

using namespace kiosk::core;

namespace
{
LocalizedText T(const std::string& en, const std::string& cy = std::string())
{
    LocalizedText t;
    t.by_language["en"] = en;
    if (!cy.empty())
        t.by_language["cy"] = cy;
    return t;
}

ContentPack SpeechPack()
{
    ContentPack pack;
    pack.strings.by_key["role.what_you_do"] = T("What you would do", "Beth fyddech chi'n ei wneud");
    pack.strings.by_key["role.pay"] = T("Pay", "Cyflog");
    pack.strings.by_key["role.entry_routes"] = T("Ways in", "Ffyrdd i mewn");
    pack.strings.by_key["role.also_known_as"] = T("Other job titles"); // no Welsh: English heading
    pack.strings.by_key["pathway.duration"] = T("How long", "Pa mor hir");
    pack.strings.by_key["pathway.leads_to"] = T("Leads to", "Yn arwain at");
    pack.strings.by_key["pathway.next_steps"] = T("Next steps", "Camau nesaf");
    pack.strings.by_key["pathway.kind.course"] = T("Course", "Cwrs");
    pack.strings.by_key["idle.still_there"] = T("Still there?", "Ydych chi'n dal yma?");
    pack.strings.by_key["idle.tap_to_continue"] = T("Touch the screen to carry on", "Cyffyrddwch â'r sgrin i barhau");
    pack.strings.by_key["idle.seconds_left"] = T("{n} seconds left", "{n} eiliad ar ôl");

    Role role;
    role.id = "clinical-engineer";
    role.title = T("Clinical engineer", "Peiriannydd clinigol");
    role.summary = T("You keep hospital equipment safe", "Rydych chi'n cadw offer ysbyty'n ddiogel.");
    role.what_you_do = {T("Test machines.", "Profi peiriannau."), T("Train staff", "Hyfforddi staff")};
    role.pay = {PayBand{T("Starting", "Dechrau"), "Band 5", T("£29,970 to £36,483")}};
    role.entry_routes = {EntryRoute{T("Apprenticeship", "Prentisiaeth"), T("Learn while you earn."), ""}};
    role.also_known_as = {T("Biomedical engineer")};
    pack.roles.push_back(role);

    Photo photo;
    photo.id = "bench";
    photo.caption = T("At the bench", "Wrth y fainc");
    photo.description = T("An engineer tests a monitor.", "Mae peiriannydd yn profi monitor.");
    pack.photos.push_back(photo);

    PathwayNode node;
    node.id = "btec";
    node.kind = "course";
    node.title = T("BTEC in engineering", "BTEC mewn peirianneg");
    node.detail = T("A practical course", "Cwrs ymarferol");
    node.duration = T("Two years", "Dwy flynedd");
    node.roles = {"clinical-engineer"};
    PathwayNode next;
    next.id = "degree";
    next.kind = "course";
    next.title = T("Degree", "Gradd");
    pack.pathway.nodes = {node, next};
    PathwayEdge edge;
    edge.from = "btec";
    edge.to = "degree";
    edge.condition = T("with maths", "gyda mathemateg");
    pack.pathway.edges = {edge};

    GlossaryTerm term;
    term.id = "ucas";
    term.term = T("UCAS");
    term.definition = T("The service you apply to university through.", "Y gwasanaeth i wneud cais i brifysgol.");
    pack.glossary.terms.push_back(term);
    return pack;
}

std::string Describe(const SpeechScript& s)
{
    std::string out;
    for (const SpeechSegment& seg : s.segments)
        out += seg.block + "|" + seg.language + "|" + seg.text + "\n";
    return out;
}
} // namespace

TEST_CASE("a role page is read block by block in English", "[speech]")
{
    const ContentPack pack = SpeechPack();
    const SpeechScript s = RoleSpeech(pack, pack.roles[0], "en");
    CHECK(s.target == "role:clinical-engineer");
    CHECK(Describe(s) == "summary|en|Clinical engineer. You keep hospital equipment safe.\n"
                         "what_you_do|en|What you would do. Test machines. Train staff.\n"
                         "pay|en|Pay. Starting, Band 5. £29,970 to £36,483.\n"
                         "entry_routes|en|Ways in. Apprenticeship. Learn while you earn.\n"
                         "also_known_as|en|Other job titles. Biomedical engineer.\n");
}

TEST_CASE("a Welsh role page is read in Welsh, with English only where the text is English", "[speech]")
{
    const ContentPack pack = SpeechPack();
    const SpeechScript s = RoleSpeech(pack, pack.roles[0], "cy");
    CHECK(Describe(s) == "summary|cy|Peiriannydd clinigol. Rydych chi'n cadw offer ysbyty'n ddiogel.\n"
                         "what_you_do|cy|Beth fyddech chi'n ei wneud. Profi peiriannau. Hyfforddi staff.\n"
                         "pay|cy|Cyflog. Dechrau, Band 5.\n"
                         "pay|en|£29,970 to £36,483.\n"
                         "entry_routes|cy|Ffyrdd i mewn. Prentisiaeth.\n"
                         "entry_routes|en|Learn while you earn.\n"
                         "also_known_as|en|Other job titles. Biomedical engineer.\n");
    CHECK(VoiceFor("cy") == "cy");
    CHECK(VoiceFor("en") == "en-gb");
}

TEST_CASE("a photo, a pathway step and a glossary card are read exactly", "[speech]")
{
    const ContentPack pack = SpeechPack();
    CHECK(Describe(PhotoSpeech(pack, pack.photos[0], "en")) ==
          "caption|en|At the bench.\ndescription|en|An engineer tests a monitor.\n");
    CHECK(Describe(PhotoSpeech(pack, pack.photos[0], "cy")) ==
          "caption|cy|Wrth y fainc.\ndescription|cy|Mae peiriannydd yn profi monitor.\n");
    CHECK(Describe(PathwayNodeSpeech(pack, pack.pathway.nodes[0], "en")) ==
          "title|en|Course. BTEC in engineering.\n"
          "detail|en|A practical course.\n"
          "duration|en|How long. Two years.\n"
          "leads_to|en|Leads to. Clinical engineer.\n"
          "next_steps|en|Next steps. Degree, with maths.\n");
    CHECK(Describe(PathwayNodeSpeech(pack, pack.pathway.nodes[0], "cy")) ==
          "title|cy|Cwrs. BTEC mewn peirianneg.\n"
          "detail|cy|Cwrs ymarferol.\n"
          "duration|cy|Pa mor hir. Dwy flynedd.\n"
          "leads_to|cy|Yn arwain at. Peiriannydd clinigol.\n"
          "next_steps|cy|Camau nesaf. Gradd, gyda mathemateg.\n");
    // The term itself has no Welsh (an acronym): it is said in English, the definition in Welsh.
    CHECK(Describe(GlossarySpeech(pack, pack.glossary.terms[0], "cy")) ==
          "term|en|UCAS.\ndefinition|cy|Y gwasanaeth i wneud cais i brifysgol.\n");
    CHECK(GlossarySpeech(pack, pack.glossary.terms[0], "en").FullText() ==
          "UCAS. The service you apply to university through.");
}

TEST_CASE("Still there? and its countdown are spoken in the screen's language", "[speech]")
{
    const ContentPack pack = SpeechPack();
    CHECK(Describe(StillThereSpeech(pack, "en", 20)) ==
          "prompt|en|Still there? Touch the screen to carry on.\ncountdown|en|20 seconds left.\n");
    CHECK(Describe(StillThereSpeech(pack, "cy", 20)) ==
          "prompt|cy|Ydych chi'n dal yma? Cyffyrddwch â'r sgrin i barhau.\ncountdown|cy|20 eiliad ar ôl.\n");
    CHECK(CountdownSpeech(pack, "en", 15).FullText() == "15 seconds left.");
    CHECK(CountdownSpeech(pack, "en", 3).FullText() == "3");
    CHECK(CountdownSpeech(pack, "en", 0).Empty());
    // A pack without the key falls back to the app's English.
    const ContentPack bare;
    CHECK(Describe(CountdownSpeech(bare, "cy", 10)) == "countdown|en|10 seconds left.\n");
}

TEST_CASE("ScriptFor reads what the target names, and nothing for unknown ids", "[speech]")
{
    const ContentPack pack = SpeechPack();
    using K = SpeechTarget::Kind;
    CHECK(ScriptFor(pack, SpeechTarget{K::Role, "clinical-engineer", 0}, "en").segments.size() == 5);
    CHECK(ScriptFor(pack, SpeechTarget{K::Photo, "bench", 0}, "en").target == "photo:bench");
    CHECK(ScriptFor(pack, SpeechTarget{K::PathwayNode, "btec", 0}, "en").target == "node:btec");
    CHECK(ScriptFor(pack, SpeechTarget{K::GlossaryTerm, "ucas", 0}, "en").target == "term:ucas");
    CHECK(ScriptFor(pack, SpeechTarget{K::StillThere, "", 12}, "en").FullText() ==
          "Still there? Touch the screen to carry on. 12 seconds left.");
    for (K kind : {K::Role, K::Photo, K::PathwayNode, K::GlossaryTerm, K::None})
        CHECK(ScriptFor(pack, SpeechTarget{kind, "gone", 0}, "en").Empty());
}

TEST_CASE("the countdown calls out every five seconds and the last three", "[speech]")
{
    std::vector<int> calls;
    double before = 20.0;
    for (double left = 20.0; left >= 0.0; left -= 0.1)
    {
        if (const int n = CountdownCallout(before, left))
            calls.push_back(n);
        before = left;
    }
    CHECK(calls == std::vector<int>{15, 10, 5, 3, 2, 1});
    CHECK(CountdownCallout(9.2, 9.1) == 0);
    CHECK(CountdownCallout(16.0, 9.5) == 10); // a stalled frame: only the latest mark
    CHECK(CountdownCallout(5.0, 6.0) == 0);   // time never counts up
}

TEST_CASE("speech stops on navigation, language, a new visit, the countdown and in the attract loop", "[speech]")
{
    VisitState state;
    state.screen = ScreenId::Role;
    state.role_id = "clinical-engineer";
    const SpeechScope reading = ScopeOf(state, VisitPhase::Visiting, 3);
    CHECK_FALSE(SpeechMustStop(reading, ScopeOf(state, VisitPhase::Visiting, 3)));

    VisitState other = state;
    other.role_id = "clinical-technologist";
    CHECK(SpeechMustStop(reading, ScopeOf(other, VisitPhase::Visiting, 3)));
    other = state;
    other.language = "cy";
    CHECK(SpeechMustStop(reading, ScopeOf(other, VisitPhase::Visiting, 3)));
    other = state;
    other.glossary_term = "ucas";
    CHECK(SpeechMustStop(reading, ScopeOf(other, VisitPhase::Visiting, 3)));
    CHECK(SpeechMustStop(reading, ScopeOf(state, VisitPhase::Visiting, 4)));
    CHECK(SpeechMustStop(reading, ScopeOf(state, VisitPhase::StillThere, 3)));
    // The attract loop is always silent, even with nothing changed.
    const SpeechScope attract = ScopeOf(VisitState{}, VisitPhase::Attract, 3);
    CHECK(SpeechMustStop(attract, attract));
    // Larger text or high contrast do not change what is read.
    other = state;
    other.larger_text = true;
    other.high_contrast = true;
    CHECK_FALSE(SpeechMustStop(reading, ScopeOf(other, VisitPhase::Visiting, 3)));
    // On the flowchart, the details sheet's node is part of the scope.
    VisitState chart;
    chart.screen = ScreenId::Pathway;
    chart.pathway.selected = "btec";
    VisitState next = chart;
    next.pathway.selected = "degree";
    CHECK(SpeechMustStop(ScopeOf(chart, VisitPhase::Visiting, 1), ScopeOf(next, VisitPhase::Visiting, 1)));
}

TEST_CASE("the bar's Read aloud reads what the screen shows, or nothing", "[speech]")
{
    const ContentPack pack = SpeechPack();
    VisitState s;
    CHECK(ScreenSpeechTarget(s, pack).kind == SpeechTarget::Kind::None); // home
    s.screen = ScreenId::Role;
    s.role_id = "clinical-engineer";
    CHECK(ScreenSpeechTarget(s, pack).Key() == "role:clinical-engineer");
    s.glossary_term = "stp"; // an open definition card comes first
    CHECK(ScreenSpeechTarget(s, pack).Key() == "term:stp");
    s.glossary_term.clear();
    s.screen = ScreenId::Gallery;
    s.gallery_index = 1; // wraps round the one photo
    CHECK(ScreenSpeechTarget(s, pack).Key() == "photo:" + pack.photos[0].id);
    s.screen = ScreenId::Pathway;
    CHECK(ScreenSpeechTarget(s, pack).kind == SpeechTarget::Kind::None); // no step open
    s.pathway.selected = "ptp";
    CHECK(ScreenSpeechTarget(s, pack).Key() == "node:ptp");
    s.screen = ScreenId::Quiz;
    CHECK(ScreenSpeechTarget(s, pack).kind == SpeechTarget::Kind::None);
}
