// The bundled content pack: loads with no errors and carries the facts PRODUCT.md lists.
#include "core/content/content_loader.h"

#include <catch2/catch.hpp>
#include <cctype>
#include <iostream>

using namespace kiosk::core;

static const ContentPack& BundledPack()
{
    static const ContentLoadResult result = LoadContentPack(KIOSK_CONTENT_DIR);
    if (result.diagnostics.HasErrors())
        std::cerr << FormatDiagnostics(result.diagnostics);
    REQUIRE(result.pack != nullptr);
    return *result.pack;
}

static bool PackMentions(const ContentPack& pack, const std::string& needle)
{
    return CollectPackText(pack).find(needle) != std::string::npos;
}

TEST_CASE("the bundled content loads with no errors", "[content][bundled]")
{
    const ContentLoadResult result = LoadContentPack(KIOSK_CONTENT_DIR);
    INFO(FormatDiagnostics(result.diagnostics));
    CHECK_FALSE(result.diagnostics.HasErrors());
    REQUIRE(result.pack);
    // Warnings are allowed only for missing Welsh translations.
    for (const Diagnostic& d : result.diagnostics.items)
    {
        INFO(FormatDiagnostic(d));
        CHECK(d.message.find("translation") != std::string::npos);
    }
}

TEST_CASE("the bundled content has every role and specialism as its own card", "[content][bundled]")
{
    const ContentPack& pack = BundledPack();
    for (const char* id :
         {"clinical-engineer", "clinical-technologist", "medical-electronics", "radiotherapy-engineering",
          "renal-engineering", "rehabilitation-engineering", "nuclear-medicine", "radiotherapy-physics",
          "radiation-protection", "vascular-technology", "critical-care"})
    {
        INFO(id);
        const Role* role = pack.FindRole(id);
        REQUIRE(role);
        CHECK_FALSE(role->title.Get("en").empty());
        CHECK_FALSE(role->tagline.Get("en").empty());
        CHECK_FALSE(role->illustration.empty());
    }
    const Role* tech = pack.FindRole("clinical-technologist");
    REQUIRE(tech);
    CHECK(tech->also_known_as.size() >= 6);
    CHECK(tech->pay.size() == 3);
}

TEST_CASE("the bundled content carries the facts from the seeds", "[content][bundled]")
{
    const ContentPack& pack = BundledPack();
    CHECK(pack.photos.size() == 8);
    for (const char* fact : {"Practitioner Training Programme",
                             "Scientist Training Programme",
                             "UCAS",
                             "50 weeks",
                             "HCPC",
                             "Chartered Engineer",
                             "MEng",
                             "2:1",
                             "2:2",
                             "Access to Science",
                             "BTEC",
                             "International Baccalaureate",
                             "Highers",
                             "NVQ",
                             "IPEM",
                             "£30,401",
                             "£37,267",
                             "£37,570",
                             "£43,772",
                             "£89,537",
                             "£103,860",
                             "37 hours",
                             "Rehabilitation of Offenders",
                             "Welsh",
                             "January",
                             "September",
                             "11%",
                             "apprentice"})
    {
        INFO(fact);
        CHECK(PackMentions(pack, fact));
    }
}

// content/TERMS.md: in Welsh "gradd" is a degree and nothing else (the glossary explains it as
// one), an exam grade is a "canlyniad", a job grade a "graddfa". So no Welsh text may put "gradd"
// or "graddau" beside an exam grade ("gradd C/4", "TGAU gradd", "graddau da", "graddau mynediad").
TEST_CASE("the bundled Welsh never uses 'gradd' (a degree) for an exam grade", "[content][bundled][terms]")
{
    const ContentLoadResult result = LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(result.pack);
    auto lower = [](std::string s)
    {
        for (char& c : s)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        return s;
    };
    int welsh = 0;
    for (const auto& [file, records] : result.texts)
        for (const TextRecord& r : records)
        {
            auto cy = r.text.by_language.find("cy");
            if (cy == r.text.by_language.end())
                continue;
            welsh++;
            const std::string t = lower(cy->second);
            INFO(file << ":" << r.where.line << ": " << cy->second);
            for (const char* wrong : {"gradd c/", "radd c/", "gradd a*", "gradd 4", "tgau gradd", "graddau da",
                                      "raddau da", "graddau mynediad", "graddau tgau", "gradd tgau"})
                CHECK(t.find(wrong) == std::string::npos);
        }
    CHECK(welsh > 300);
}

// The pay figures are Agenda for Change 2019/20 rates (the seeds give them with no year): the
// year is kept in one place, the pay heading (strings.json role.pay), which must name the same
// year in every language, and the figures must stay exactly the sources'.
TEST_CASE("the pay heading names the pay-scale year in English and Welsh, and the figures are exact",
          "[content][bundled][pay]")
{
    const ContentLoadResult result = LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(result.pack);
    const LocalizedText& heading = result.pack->strings.by_key.at("role.pay");
    auto year = [](const std::string& s)
    {
        for (size_t i = 0; i + 7 <= s.size(); i++)
            if (std::isdigit((unsigned char)s[i]) && std::isdigit((unsigned char)s[i + 1]) &&
                std::isdigit((unsigned char)s[i + 2]) && std::isdigit((unsigned char)s[i + 3]) && s[i + 4] == '/' &&
                std::isdigit((unsigned char)s[i + 5]) && std::isdigit((unsigned char)s[i + 6]))
                return s.substr(i, 7);
        return std::string();
    };
    CHECK(year(heading.Get("en")) == "2019/20");
    CHECK(year(heading.Get("cy")) == "2019/20");
    int bands = 0;
    for (const Role& role : result.pack->roles)
        for (const auto& pay : role.pay)
        {
            INFO(role.id << " " << pay.band);
            const std::string en = pay.range.Get("en");
            if (pay.band == "Band 6")
                CHECK(en == "£30,401 to £37,267");
            else if (pay.band == "Band 7")
                CHECK(en == "£37,570 to £43,772");
            else if (pay.band == "Band 9")
                CHECK(en == "£89,537 to £103,860");
            else
                FAIL("unexpected band");
            bands++;
        }
    CHECK(bands == 30);
}
