// The content pack as the app sees it: plain, immutable-after-load structs.
// A ContentPack is produced only by LoadContentPack() (content_loader.h) and only when it has
// no errors; screens read it through a `const ContentPack&` and never change it. Ids are
// validated to be unique and every reference (role -> family, role -> photo, route -> pathway
// node) is checked to resolve before a pack is accepted.
#pragma once
#include "core/content/diagnostics.h"
#include "core/content/glossary.h"
#include "core/content/localized_text.h"
#include "core/pathway/pathway_model.h"
#include "core/quiz/quiz_model.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace kiosk::core
{
// A colour as 0xRRGGBBAA, parsed from "#RRGGBB" or "#RRGGBBAA" in the content.
using Rgba = uint32_t;

// --- kiosk.json ---------------------------------------------------------------------
struct EventInfo
{
    LocalizedText name;      // "Careers in Healthcare Science"
    LocalizedText organiser; // "IPEM outreach"
    std::string logo;        // content-relative image path, may be empty
};

struct Timings
{
    double idle_timeout_s = 60.0;   // quiet time before "Still there?"
    double countdown_s = 20.0;      // length of the "Still there?" countdown (at least 20)
    double attract_slide_s = 8.0;   // how long each attract slide shows
    double hold_max_minutes = 20.0; // a staff hold ends on its own after this
};

// Read aloud (espeak-ng): how fast and how loud. The voice follows the language on screen.
struct SpeechSettings
{
    int rate_wpm = 150;       // words per minute (80 to 300)
    int volume_percent = 100; // espeak-ng's amplitude, 100 = normal (10 to 200)
};

struct RoleFamily
{
    std::string id; // "engineering", "physics", "technology"
    LocalizedText title;
    Rgba color = 0x005EB8FF;
};

struct Theme
{
    Rgba accent = 0x005EB8FF;     // NHS blue
    Rgba background = 0xF0F4F5FF; // calm light grey
    Rgba text = 0x212B32FF;       // near black
};

// Where the always-present controls (Back, Home, language, larger text, high contrast) sit.
// Auto: in a bar at the bottom on a portrait screen, within reach of a wheelchair user (a tall
// screen's top is out of reach), and at the top on a landscape one.
enum class ControlsPosition
{
    Auto,
    Top,
    Bottom,
};

struct Language
{
    std::string code; // "en", "cy"
    std::string name; // the language's own name, shown on the switch: "English", "Cymraeg"
};

struct KioskSettings
{
    int schema_version = 1;
    EventInfo event;
    std::vector<Language> languages; // first one is the default
    Timings timings;
    SpeechSettings speech;
    Theme theme;
    std::vector<RoleFamily> families;
    std::string admin_pin_hash;                                  // see admin_pin.h; empty means "no PIN set"
    std::string kiosk_name;                                      // tells stats from several kiosks apart
    ControlsPosition controls_position = ControlsPosition::Auto; // kiosk.json "controls_position"
    // Languages every text must have (an event in Wales: {"cy"}); a missing one is an error.
    std::vector<std::string> required_languages;
};

// --- roles/*.json -------------------------------------------------------------------
struct PayBand
{
    LocalizedText label; // "Starting", "With experience"
    std::string band;    // "Band 6" (Agenda for Change band, not translated)
    LocalizedText range; // "£30,401 to £37,267"
};

struct EntryRoute
{
    LocalizedText title;      // "Practitioner Training Programme"
    LocalizedText text;       // one or two short sentences
    std::string pathway_node; // id of a node in pathway.json, may be empty
};

struct Role
{
    std::string id;     // file stem, e.g. "clinical-engineer"
    std::string family; // RoleFamily::id
    std::string parent; // for specialisms: id of the role they belong to, else empty
    int order = 0;      // position on the home grid (ascending; ties by id)
    LocalizedText title;
    LocalizedText tagline; // one line on the home card: what the role does
    LocalizedText summary; // two or three sentences at the top of the role page
    std::vector<LocalizedText> also_known_as;
    std::vector<LocalizedText> what_you_do;
    std::vector<LocalizedText> where_you_work;
    std::vector<LocalizedText> skills;
    std::vector<PayBand> pay;
    LocalizedText hours;                         // may be empty
    std::vector<LocalizedText> working_patterns; // part-time, flexible, temporary shares
    std::vector<EntryRoute> entry_routes;
    std::vector<LocalizedText> good_to_know; // e.g. Rehabilitation of Offenders Act, Welsh in Wales
    std::vector<LocalizedText> professional_bodies;
    std::string illustration;        // content-relative SVG/PNG/JPEG path
    std::vector<std::string> photos; // Photo ids
    std::string more_info_url;       // encoded in the QR code; may be empty
    SourceLocation where;            // the role's file, for diagnostics
};

// --- photos.json ----------------------------------------------------------------------
struct Photo
{
    std::string id;
    std::string image; // content-relative path: an illustrated stand-in SVG or a real JPEG/PNG
    LocalizedText caption;
    LocalizedText description; // text description of what the photograph shows
    std::vector<std::string> roles;
};

// --- strings.json --------------------------------------------------------------------
// Interface strings ("Back", "Find your route") by key. Screens ask by key; every key the app
// draws is listed, with its English fallback, in InterfaceStrings() (interface_strings.h), and
// the loader requires each of them.
struct UiStrings
{
    std::map<std::string, LocalizedText> by_key;
    const std::string& Get(const std::string& key, const std::string& language) const;
};

// --- attract.json --------------------------------------------------------------------
struct AttractSlide
{
    enum class Kind
    {
        Role,
        Photo,
        Message,
        Quiz, // a message inviting visitors to the quiz: a touch on it starts the visit in the quiz
    };
    Kind kind = Kind::Message;
    std::string target;  // role id or photo id
    LocalizedText title; // Message and Quiz slides
    LocalizedText text;
};

// --- the pack -------------------------------------------------------------------------
struct ContentPack
{
    std::string root; // absolute path of the content folder
    KioskSettings settings;
    std::vector<Role> roles; // sorted by (order, id)
    std::vector<Photo> photos;
    UiStrings strings;
    Pathway pathway;                   // pathway.json (see pathway_model.h)
    std::vector<AttractSlide> attract; // empty: one automatic slide per role (no attract.json, or no slides in it)
    bool has_attract_file = false;     // attract.json was there (see DescribeContentPack)
    DiagnosticList warnings;           // warnings found while loading (a pack with errors is never built)
    Glossary glossary;                 // glossary.json (optional; empty when the file is absent)
    Quiz quiz;                         // quiz.json (see quiz_model.h); empty when the pack has none
    // Unique to each load (LoadContentPack numbers them from 1; copies keep it; 0: a pack made in
    // code). With the pack's address it tells one pack from another that happens to be allocated
    // where a freed one was, e.g. for caches of what was derived from a pack.
    std::uint64_t load_id = 0;

    const Role* FindRole(const std::string& id) const;
    const Photo* FindPhoto(const std::string& id) const;
    const RoleFamily* FindFamily(const std::string& id) const;
    // Resolves a content-relative path (already validated to stay inside the pack) to absolute.
    std::string ResolvePath(const std::string& relative) const;
};
} // namespace kiosk::core
