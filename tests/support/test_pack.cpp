#include "support/test_pack.h"

namespace kiosk::test
{
using namespace kiosk::core;

namespace
{
LocalizedText L(const std::string& en, const std::string& cy = std::string())
{
    LocalizedText t;
    t.by_language["en"] = en;
    if (!cy.empty())
        t.by_language["cy"] = cy;
    return t;
}

Role MakeRole(const std::string& id, const std::string& family, const std::string& parent, int order,
              const std::string& title, const std::string& title_cy)
{
    Role r;
    r.id = id;
    r.family = family;
    r.parent = parent;
    r.order = order;
    r.title = L(title, title_cy);
    r.tagline = L("Keeps the equipment that treats patients safe and working", "Yn cadw'r offer yn ddiogel");
    r.summary = L("A role in healthcare science. You use engineering and science to help patients every day. "
                  "You work with doctors, nurses and other scientists.");
    r.also_known_as = {L("Bio-engineer"), L("Clinical scientist")};
    for (int i = 0; i < 6; ++i)
        r.what_you_do.push_back(L("Design, build and test equipment that monitors, diagnoses or treats patients, "
                                  "step " +
                                  std::to_string(i + 1) + "."));
    r.where_you_work = {L("Hospital departments that support every clinical unit"), L("Rehabilitation units"),
                        L("Industry and universities")};
    r.skills = {L("An interest in how things work"), L("Attention to detail"), L("Good at explaining things")};
    PayBand band;
    band.label = L("Starting");
    band.band = "Band 5";
    band.range = L("£29,970 to £36,483");
    r.pay = {band};
    r.hours = L("37.5 hours a week – some evenings and weekends", "37.5 awr yr wythnos");
    r.working_patterns = {L("Part-time and flexible working")};
    EntryRoute route;
    route.title = L("Practitioner Training Programme");
    route.text = L("An accredited BSc over 3 years with 50 weeks of NHS placement. Apply through UCAS.");
    route.pathway_node = "ptp";
    EntryRoute route2;
    route2.title = L("Apprenticeship");
    route2.text = L("Earn while you learn.");
    r.entry_routes = {route, route2};
    r.good_to_know = {L("Speaking Welsh is valued in Wales: ŵ ŷ."), L("HCPC registration is required.")};
    r.professional_bodies = {L("IPEM"), L("HCPC")};
    r.illustration = "illustrations/" + id + ".svg";
    r.more_info_url = "https://example.org/" + id;
    return r;
}
} // namespace

std::shared_ptr<ContentPack> MakeTestPack()
{
    auto pack = std::make_shared<ContentPack>();
    pack->root = "/pack";
    pack->settings.event.name = L("Healthcare Science Careers", "Gyrfaoedd Gwyddor Gofal Iechyd");
    pack->settings.event.organiser = L("Outreach team");
    pack->settings.languages = {{"en", "English"}, {"cy", "Cymraeg"}};
    RoleFamily eng{"engineering", L("Engineering"), 0x005EB8FF};
    RoleFamily tech{"technology", L("Clinical technology"), 0x00703CFF};
    pack->settings.families = {eng, tech};
    pack->roles = {
        MakeRole("clinical-engineer", "engineering", "", 10, "Clinical engineer", "Peiriannydd clinigol"),
        MakeRole("clinical-technologist", "technology", "", 20, "Clinical technologist", "Technolegydd clinigol"),
        MakeRole("medical-physicist", "engineering", "", 25, "Medical physicist", "Ffisegydd meddygol"),
        MakeRole("medical-electronics", "engineering", "clinical-engineer", 30, "Medical electronics",
                 "Electroneg feddygol"),
        MakeRole("renal-engineering", "engineering", "clinical-engineer", 40, "Renal engineering",
                 "Peirianneg arennol"),
        MakeRole("rehabilitation-engineering", "engineering", "clinical-engineer", 50, "Rehabilitation engineering",
                 ""),
        MakeRole("critical-care", "technology", "clinical-technologist", 60, "Critical care", "Gofal critigol"),
        MakeRole("vascular-technology", "technology", "clinical-technologist", 70, "Vascular technology", ""),
    };
    const char* photo_ids[] = {"servicing-pump", "repairing-pump", "testing-anaesthesia", "milling-part", "dialysis"};
    for (const char* id : photo_ids)
    {
        Photo p;
        p.id = id;
        p.image = std::string("photos/") + id + ".png";
        p.caption = L(std::string("Caption for ") + id, std::string("Capsiwn ") + id);
        p.description = L("A man sits at a workbench, looking closely at a piece of equipment.");
        pack->photos.push_back(p);
    }
    pack->roles[0].photos = {"servicing-pump", "milling-part", "dialysis"};
    pack->roles[1].photos = {"repairing-pump"};
    pack->strings.by_key["nav.back"] = L("Back", "Yn ôl");
    pack->strings.by_key["nav.home"] = L("Home", "Hafan");
    pack->strings.by_key["home.title"] = L("Explore careers", "Archwiliwch yrfaoedd");
    pack->strings.by_key["gallery.counter"] = L("{n} of {total}", "{n} o {total}");
    PathwayNode ptp;
    ptp.id = "ptp";
    ptp.title = L("Practitioner Training Programme");
    pack->pathway.nodes.push_back(ptp);
    return pack;
}
} // namespace kiosk::test
