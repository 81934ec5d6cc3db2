// The bundled content pack: loads with no errors and carries the facts PRODUCT.md lists.
#include "core/content/content_loader.h"

#include <catch2/catch.hpp>
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
