// Content pack loading: every file of the pack, each read through FieldReader, then the
// references between files, then the images. Problems are collected, never thrown.
//
// Index
//   1. One reader per file (kiosk, strings, roles, photos, pathway, attract)
//   2. Cross-file checks (references, duplicates, images, translations)
//   3. LoadContentPack
//   4. ContentPack and UiStrings lookups, CollectPackText
#include "core/content/content_loader.h"

#include "core/content/colour_contrast.h"
#include "core/content/content_paths.h"
#include "core/content/content_snapshot.h"
#include "core/content/file_name_checks.h"
#include "core/content/guide_limits.h"
#include "core/content/interface_strings.h"
#include "core/content/json_fields.h"
#include "core/content/quiz_reader.h"
#include "core/content/translation_checks.h"
#include "core/images/image_decode.h"
#include "core/pathway/pathway_checks.h"
#include "core/pathway/pathway_kinds.h"
#include "core/quiz/quiz_checks.h"

#include <algorithm>
#include <atomic>
#include <climits>
#include <cstdlib>
#include <dirent.h>
#include <map>
#include <set>
#include <sys/stat.h>

namespace kiosk::core
{
// --- 1. Readers ------------------------------------------------------------------------------

namespace
{
bool IsValidStringKey(const std::string& key)
{
    if (key.empty() || key.size() > 64 || key.find('.') == std::string::npos)
        return false;
    for (char c : key)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.'))
            return false;
    return true;
}

// An editor's colour that is too light to read: a warning when the kiosk can darken it enough,
// an error when even darkened it stays unreadable (core/content/colour_contrast.h).
void ReportContrast(DiagnosticList& diags, const ContrastCheck& check, const SourceLocation& where)
{
    if (check.Passes())
        return;
    if (check.ShownPasses())
        diags.Warning(where, DescribeContrast(check));
    else
        diags.Error(where, DescribeContrast(check));
}

// An image that is there but cannot be shown (another format, a broken file, a name that says
// another format): warnings only, as the kiosk shows a placeholder.
void ProbeOneImage(const std::string& root, const std::string& path, const SourceLocation& where, DiagnosticList& diags)
{
    const std::string full = JoinContentPath(root, path);
    const ImageProbe probe = ProbeImage(full, ImageLimits{});
    const std::string other_format = probe.ok ? "" : OtherImageFormat(full);
    if (!other_format.empty())
        diags.Warning(where, "image '" + path + "' is " + other_format +
                                 ", which the kiosk cannot show; save it as JPEG or PNG; a placeholder will show");
    else if (!probe.ok)
        diags.Warning(where, "image '" + path + "': " + probe.error + "; a placeholder will show");
    else if (const std::string mismatch = ImageNameMismatch(path, probe.format); !mismatch.empty())
        diags.Warning(where, "image '" + path + "' " + mismatch);
}

struct PackLoader
{
    std::string root;
    DiagnosticList diags;
    ReadContext ctx;
    ContentPack pack;
    // Files that exist but could not be parsed: references into them are not reported again.
    std::set<std::string> unreadable_files;
    // Images named by the pack, with where they were named, checked in step 3.
    std::vector<std::pair<std::string, SourceLocation>> images;

    // Stray files read in place of the missing files they stand for (file_name_checks.h):
    // "roles/engineer.json" -> "roles/engineer.json.txt".
    std::map<std::string, std::string> stand_ins;

    // Opens `relative` (or the stray file standing in for it) as a JSON document and hands its
    // root object to `fn`.
    bool ReadFile(const std::string& relative, bool required, const std::function<void(FieldReader&)>& fn)
    {
        const auto stand_in = stand_ins.find(relative);
        const std::string actual = stand_in != stand_ins.end() ? stand_in->second : relative;
        const std::string full = JoinContentPath(root, actual);
        if (!FileExists(full))
        {
            if (required)
                diags.Error({relative, 0, 0}, "required file is missing");
            return false;
        }
        JsonDocument doc = JsonDocument::Load(full, actual, diags);
        if (!doc.Ok())
        {
            unreadable_files.insert(relative);
            return false;
        }
        ctx.missing_translations = 0;
        ctx.missing_by_language.clear();
        FieldReader reader(doc, &doc.Root(), "", diags, ctx);
        if (!reader.ExpectObject("the file's top level"))
            return false;
        reader.Allow("$schema");
        reader.Int("schema_version", Need::Required, 1, 1, 1);
        fn(reader);
        reader.Finish();
        // A required language missing is an error, one per file and language; the rest are one
        // warning per file, as before.
        bool optional_missing = false;
        for (const auto& [lang, missing] : ctx.missing_by_language)
        {
            if (!IsRequired(lang))
            {
                optional_missing = true;
                continue;
            }
            diags.Error(missing.second, std::to_string(missing.first) +
                                            (missing.first == 1 ? " text has" : " texts have") + " no " + lang +
                                            " translation, and " + lang + " is required (" + required_by +
                                            "); the first is here");
        }
        if (ctx.missing_translations > 0 && optional_missing)
        {
            std::string missing;
            for (const std::string& lang : ctx.languages)
                if (lang != kDefaultLanguage && !IsRequired(lang))
                    missing += (missing.empty() ? "" : "/") + lang;
            diags.Warning(ctx.first_missing_translation,
                          std::to_string(ctx.missing_translations) +
                              (ctx.missing_translations == 1 ? " text has" : " texts have") + " no " + missing +
                              " translation (English is shown instead); the first is here");
        }
        return true;
    }

    std::vector<std::string> required_langs; // languages a text must have (kiosk.json and the options)
    std::string required_by;                 // says where that came from, for the error message
    bool IsRequired(const std::string& lang) const
    {
        return std::find(required_langs.begin(), required_langs.end(), lang) != required_langs.end();
    }

    void NoteImage(FieldReader& r, const char* key, const std::string& path)
    {
        if (!path.empty())
            images.push_back({path, r.Where(key)});
    }

    void ReadKiosk()
    {
        // Languages first: every other text is checked against them.
        ReadFile(
            "kiosk.json", true,
            [&](FieldReader& r)
            {
                KioskSettings& s = pack.settings;
                std::vector<std::string> codes;
                r.ObjectList("languages", Need::Required,
                             [&](FieldReader& l, size_t)
                             {
                                 Language lang;
                                 lang.code = l.String("code", Need::Required, 8);
                                 lang.name = l.String("name", Need::Required, 40);
                                 if (!lang.code.empty() &&
                                     std::find(codes.begin(), codes.end(), lang.code) != codes.end())
                                     diags.Error(l.Where("code"), "language '" + lang.code + "' is listed twice");
                                 codes.push_back(lang.code);
                                 s.languages.push_back(lang);
                             });
                // Any order: the first is the language of a fresh visit. English must be
                // there, anywhere: it is in every text, the fallback for a missing one.
                if (!codes.empty())
                {
                    if (std::find(codes.begin(), codes.end(), kDefaultLanguage) == codes.end())
                        diags.Error(r.Where("languages"), "English (\"en\") must be one of the languages: "
                                                          "every text has it, and it is shown when a "
                                                          "translation is missing");
                    ctx.languages = codes;
                }
                s.required_languages = r.IdList("required_languages", Need::Optional);
                for (const std::string& code : s.required_languages)
                {
                    if (!codes.empty() && std::find(codes.begin(), codes.end(), code) == codes.end())
                        diags.Error(r.Where("required_languages"),
                                    "required language '" + code + "' is not one of the languages");
                    else if (!IsRequired(code))
                    {
                        required_langs.push_back(code);
                        required_by = required_by.empty() ? "kiosk.json \"required_languages\"" : required_by;
                    }
                }
                s.kiosk_name = r.Id("kiosk_name", Need::Required);
                {
                    const std::string where = r.String("controls_position", Need::Optional, 16);
                    if (where == "top")
                        s.controls_position = ControlsPosition::Top;
                    else if (where == "bottom")
                        s.controls_position = ControlsPosition::Bottom;
                    else if (where != "auto" && !where.empty())
                        diags.Error(r.Where("controls_position"),
                                    "controls_position '" + where +
                                        "' is not one of \"auto\" (bottom on a portrait screen, top on a "
                                        "landscape one), \"top\" or \"bottom\"");
                }
                r.Object("event", Need::Required,
                         [&](FieldReader& e)
                         {
                             s.event.name = e.Text("name", Need::Required);
                             s.event.organiser = e.Text("organiser", Need::Optional);
                             s.event.logo = e.Path("logo", Need::Optional);
                             NoteImage(e, "logo", s.event.logo);
                         });
                r.Object("timings", Need::Optional,
                         [&](FieldReader& t)
                         {
                             s.timings.idle_timeout_s = t.Number("idle_timeout_s", Need::Optional, 20, 3600, 60);
                             s.timings.countdown_s = t.Number("countdown_s", Need::Optional, 20, 300, 20);
                             s.timings.attract_slide_s = t.Number("attract_slide_s", Need::Optional, 2, 120, 8);
                             s.timings.hold_max_minutes = t.Number("hold_max_minutes", Need::Optional, 1, 240, 20);
                         });
                r.Object("speech", Need::Optional,
                         [&](FieldReader& sp)
                         {
                             s.speech.rate_wpm = (int)sp.Number("rate_wpm", Need::Optional, 80, 300, 150);
                             s.speech.volume_percent = (int)sp.Number("volume_percent", Need::Optional, 10, 200, 100);
                         });
                r.Object("theme", Need::Optional,
                         [&](FieldReader& t)
                         {
                             s.theme.accent = t.Color("accent", Need::Optional, s.theme.accent);
                             s.theme.background = t.Color("background", Need::Optional, s.theme.background);
                             s.theme.text = t.Color("text", Need::Optional, s.theme.text);
                             for (const ContrastCheck& c : ThemeColourChecks(s.theme))
                                 ReportContrast(diags, c, t.Where(c.field == "theme.text" ? "text" : "accent"));
                         });
                r.ObjectList("families", Need::Required,
                             [&](FieldReader& f, size_t)
                             {
                                 RoleFamily family;
                                 family.id = f.Id("id", Need::Required);
                                 family.title = f.Text("title", Need::Required);
                                 family.color = f.Color("color", Need::Required, family.color);
                                 ReportContrast(diags, FamilyColourCheck(s.families.size(), family), f.Where("color"));
                                 if (!family.id.empty() && pack.FindFamily(family.id))
                                     diags.Error(f.Where("id"), "family id '" + family.id + "' is used twice");
                                 s.families.push_back(family);
                             });
                r.Object("admin", Need::Optional,
                         [&](FieldReader& a)
                         {
                             s.admin_pin_hash = a.String("pin_hash", Need::Optional, 256);
                             if (const std::string p = PinHashProblem(s.admin_pin_hash); !p.empty())
                                 diags.Warning(a.Where("pin_hash"), p);
                         });
            });
    }

    // Every key of InterfaceStrings() must be there (an error), in every language the pack
    // offers (a warning per key and language, English being shown instead); a key the app never
    // draws is reported as unused (a typo, or a key from an older kiosk).
    void ReadStrings()
    {
        std::set<std::string> present;
        const bool read = ReadFile(
            "strings.json", true,
            [&](FieldReader& r)
            {
                r.Object("strings", Need::Required,
                         [&](FieldReader& s)
                         {
                             for (const std::string& key : s.Keys())
                             {
                                 if (!IsValidStringKey(key))
                                 {
                                     diags.Error(
                                         s.Where(key.c_str()),
                                         "interface string key '" + key +
                                             "' must look like 'area.name' (lowercase letters, digits, '_' and '.')");
                                     s.Allow(key.c_str());
                                     continue;
                                 }
                                 const LocalizedText text = s.Text(key.c_str(), Need::Required);
                                 pack.strings.by_key[key] = text;
                                 present.insert(key);
                                 if (!FindInterfaceString(key))
                                 {
                                     diags.Warning(s.Where(key.c_str()),
                                                   "interface string '" + key + "' is not used by the app (a typo?)");
                                     continue;
                                 }
                                 for (const std::string& lang : ctx.languages)
                                     if (lang != kDefaultLanguage && !text.Empty() && !text.Has(lang))
                                         diags.Warning(s.Where(key.c_str()), "interface string '" + key + "' has no " +
                                                                                 lang +
                                                                                 " translation (English is shown "
                                                                                 "instead)");
                             }
                         });
                // Reported above key by key, not as the file's summary.
                ctx.missing_translations = 0;
            });
        if (!read)
            return;
        std::vector<std::string> missing;
        for (const InterfaceString& s : InterfaceStrings())
            if (!s.only_with_quiz && !present.count(s.key))
                missing.push_back(s.key);
        ReportMissingStrings(missing, false);
    }

    // One error per missing key; from kGroupMissingStrings keys on (a strings.json from an older
    // kiosk, or started from scratch) one error naming them all, grouped by screen, so the real
    // problem is not buried under dozens of lines.
    static constexpr size_t kGroupMissingStrings = 6;
    void ReportMissingStrings(const std::vector<std::string>& missing, bool for_quiz)
    {
        if (missing.size() < kGroupMissingStrings)
        {
            for (const std::string& key : missing)
                diags.Error({"strings.json", 0, 0},
                            "interface string '" + key + "' is missing" + (for_quiz ? " (quiz.json needs it)" : ""));
            return;
        }
        std::map<std::string, std::vector<std::string>> by_area;
        std::vector<std::string> areas; // in the table's order
        for (const std::string& key : missing)
        {
            const std::string area = key.substr(0, key.find('.'));
            if (!by_area.count(area))
                areas.push_back(area);
            by_area[area].push_back(key);
        }
        std::string list;
        for (const std::string& area : areas)
        {
            list += (list.empty() ? "" : "; ") + area + ".* (" + std::to_string(by_area[area].size()) + "):";
            for (const std::string& key : by_area[area])
                list += " " + key;
        }
        diags.Error({"strings.json", 0, 0},
                    std::to_string(missing.size()) + " interface strings are missing" +
                        (for_quiz ? " (quiz.json needs them)" : "") +
                        ": is strings.json from an older kiosk? Copy the missing keys from the bundled "
                        "strings.json (content/README.md section 5 says where each shows) and translate them. " +
                        list);
    }

    void ReadRoles()
    {
        const std::string folder = JoinContentPath(root, "roles");
        std::vector<std::string> files;
        if (DIR* dir = opendir(folder.c_str()))
        {
            while (dirent* entry = readdir(dir))
            {
                const std::string name = entry->d_name;
                // Stray copies ("engineer - Copy.json") are reported by CheckStrayContentFiles.
                if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0 && !GuessStrayFile(name))
                    files.push_back(name);
            }
            closedir(dir);
        }
        else
        {
            diags.Error({"roles/", 0, 0}, "the roles folder is missing");
            return;
        }
        for (const auto& [intended, stray] : stand_ins)
            if (intended.compare(0, 6, "roles/") == 0)
                files.push_back(intended.substr(6));
        std::sort(files.begin(), files.end());
        if (files.empty())
            diags.Error({"roles/", 0, 0}, "there are no roles: add at least one roles/<id>.json");
        for (const std::string& name : files)
        {
            const std::string relative = "roles/" + name;
            const std::string id = name.substr(0, name.size() - 5);
            if (!IsValidId(id))
            {
                diags.Error({relative, 0, 0},
                            "the file name is the role's id and must use only lowercase letters, digits and '-'");
                continue;
            }
            if (CheckContentPath(root, relative) != "")
            {
                diags.Error({relative, 0, 0}, CheckContentPath(root, relative));
                continue;
            }
            ReadFile(relative, true,
                     [&](FieldReader& r)
                     {
                         Role role;
                         role.id = id;
                         role.where = r.Where();
                         role.family = r.Id("family", Need::Required);
                         if (!role.family.empty())
                             family_refs.push_back({role.family, r.Where("family")});
                         role.parent = r.Id("parent", Need::Optional);
                         if (!role.parent.empty())
                             parent_refs.push_back({role.parent, r.Where("parent")});
                         if (role.parent == id)
                             diags.Error(r.Where("parent"), "a role cannot be its own parent");
                         role.order = r.Int("order", Need::Optional, -10000, 10000, 0);
                         role.title = r.Text("title", Need::Required);
                         role.tagline = r.Text("tagline", Need::Required);
                         role.summary = r.Text("summary", Need::Required);
                         role.also_known_as = r.TextList("also_known_as", Need::Optional);
                         role.what_you_do = r.TextList("what_you_do", Need::Required);
                         role.where_you_work = r.TextList("where_you_work", Need::Optional);
                         role.skills = r.TextList("skills", Need::Optional);
                         r.ObjectList("pay", Need::Optional,
                                      [&](FieldReader& p, size_t)
                                      {
                                          PayBand band;
                                          band.label = p.Text("label", Need::Required);
                                          band.band = p.String("band", Need::Required, 40);
                                          band.range = p.Text("range", Need::Required);
                                          role.pay.push_back(band);
                                      });
                         role.hours = r.Text("hours", Need::Optional);
                         role.working_patterns = r.TextList("working_patterns", Need::Optional);
                         r.ObjectList("entry_routes", Need::Optional,
                                      [&](FieldReader& e, size_t)
                                      {
                                          EntryRoute route;
                                          route.title = e.Text("title", Need::Required);
                                          route.text = e.Text("text", Need::Optional);
                                          route.pathway_node = e.Id("pathway_node", Need::Optional);
                                          if (!route.pathway_node.empty())
                                              node_refs.push_back({route.pathway_node, e.Where("pathway_node")});
                                          role.entry_routes.push_back(route);
                                      });
                         role.good_to_know = r.TextList("good_to_know", Need::Optional);
                         role.professional_bodies = r.TextList("professional_bodies", Need::Optional);
                         role.illustration = r.Path("illustration", Need::Required);
                         NoteImage(r, "illustration", role.illustration);
                         role.photos = r.IdList("photos", Need::Optional);
                         role.more_info_url = r.String("more_info_url", Need::Optional, 300);
                         if (!role.more_info_url.empty() && role.more_info_url.compare(0, 8, "https://") != 0 &&
                             role.more_info_url.compare(0, 7, "http://") != 0)
                             diags.Error(r.Where("more_info_url"),
                                         "'more_info_url' must start with https:// (it becomes a QR code)");
                         for (size_t i = 0; i < role.photos.size(); i++)
                         {
                             photo_refs.push_back({role.photos[i], r.Where("photos")});
                             role_photo_links.push_back({id, role.photos[i], r.Where("photos")});
                         }
                         pack.roles.push_back(role);
                     });
        }
        std::stable_sort(pack.roles.begin(), pack.roles.end(),
                         [](const Role& a, const Role& b)
                         { return a.order != b.order ? a.order < b.order : a.id < b.id; });
    }

    void ReadPhotos()
    {
        pack_has_photos =
            ReadFile("photos.json", true,
                     [&](FieldReader& r)
                     {
                         r.ObjectList("photos", Need::Required,
                                      [&](FieldReader& p, size_t)
                                      {
                                          Photo photo;
                                          photo.id = p.Id("id", Need::Required);
                                          photo.image = p.Path("image", Need::Required);
                                          NoteImage(p, "image", photo.image);
                                          photo.caption = p.Text("caption", Need::Required);
                                          photo.description = p.Text("description", Need::Required);
                                          photo.roles = p.IdList("roles", Need::Optional);
                                          if (!photo.id.empty() && pack.FindPhoto(photo.id))
                                              diags.Error(p.Where("id"), "photo id '" + photo.id + "' is used twice");
                                          for (const std::string& role : photo.roles)
                                          {
                                              role_refs.push_back({role, p.Where("roles")});
                                              photo_role_links.push_back({role, photo.id, p.Where("roles")});
                                          }
                                          pack.photos.push_back(photo);
                                      });
                     });
    }

    void ReadPathway()
    {
        pack_has_pathway = ReadFile(
            "pathway.json", true,
            [&](FieldReader& r)
            {
                Pathway& pw = pack.pathway;
                r.ObjectList("nodes", Need::Required,
                             [&](FieldReader& n, size_t)
                             {
                                 PathwayNode node;
                                 node.where = n.Where();
                                 node.id = n.Id("id", Need::Required);
                                 node.kind = n.String("kind", Need::Required, 32);
                                 if (!node.kind.empty() && !FindPathwayNodeKind(node.kind))
                                     diags.Error(n.Where("kind"), "unknown node kind '" + node.kind + "' (use one of " +
                                                                      PathwayNodeKindList() + ")");
                                 node.title = n.Text("title", Need::Required);
                                 node.detail = n.Text("detail", Need::Required);
                                 node.duration = n.Text("duration", Need::Optional);
                                 node.requirements = n.Text("requirements", Need::Optional);
                                 node.roles = n.IdList("roles", Need::Optional);
                                 for (const std::string& role : node.roles)
                                     role_refs.push_back({role, n.Where("roles")});
                                 pw.nodes.push_back(node);
                             });
                r.ObjectList("edges", Need::Required,
                             [&](FieldReader& e, size_t)
                             {
                                 PathwayEdge edge;
                                 edge.where = e.Where();
                                 edge.from = e.Id("from", Need::Required);
                                 edge.to = e.Id("to", Need::Required);
                                 edge.condition = e.Text("condition", Need::Optional);
                                 edge_from_where.push_back(e.Where("from"));
                                 edge_to_where.push_back(e.Where("to"));
                                 pw.edges.push_back(edge);
                             });
                r.ObjectList("starts", Need::Required,
                             [&](FieldReader& s, size_t)
                             {
                                 PathwayStart start;
                                 start.where = s.Where();
                                 start.id = s.Id("id", Need::Required);
                                 start.title = s.Text("title", Need::Required);
                                 start.nodes = s.IdList("nodes", Need::Required);
                                 start_nodes_where.push_back(s.Where("nodes"));
                                 pw.starts.push_back(start);
                             });
            });
    }

    // glossary.json (optional): terms explained when a visitor taps them.
    void ReadGlossary()
    {
        ReadFile("glossary.json", false,
                 [&](FieldReader& r)
                 {
                     r.ObjectList("terms", Need::Required,
                                  [&](FieldReader& t, size_t)
                                  {
                                      GlossaryTerm term;
                                      term.where = t.Where();
                                      term.id = t.Id("id", Need::Required);
                                      term.term = t.Text("term", Need::Required);
                                      term.aliases = t.TextList("aliases", Need::Optional);
                                      term.definition = t.Text("definition", Need::Required);
                                      if (!term.id.empty() && pack.glossary.Find(term.id))
                                          diags.Error(t.Where("id"),
                                                      "glossary term id '" + term.id + "' is used twice");
                                      pack.glossary.terms.push_back(term);
                                  });
                 });
    }

    void ReadAttract()
    {
        // Without it, or with no slides in it, the loop shows one slide per role (DescribeContentPack).
        pack.has_attract_file = FileExists(JoinContentPath(root, "attract.json")) || stand_ins.count("attract.json");
        ReadFile("attract.json", false,
                 [&](FieldReader& r)
                 {
                     r.ObjectList("slides", Need::Required,
                                  [&](FieldReader& s, size_t)
                                  {
                                      AttractSlide slide;
                                      const std::string kind = s.String("kind", Need::Required, 16);
                                      if (kind == "role")
                                      {
                                          slide.kind = AttractSlide::Kind::Role;
                                          slide.target = s.Id("role", Need::Required);
                                          role_refs.push_back({slide.target, s.Where("role")});
                                      }
                                      else if (kind == "photo")
                                      {
                                          slide.kind = AttractSlide::Kind::Photo;
                                          slide.target = s.Id("photo", Need::Required);
                                          photo_refs.push_back({slide.target, s.Where("photo")});
                                      }
                                      else if (kind == "message")
                                      {
                                          slide.kind = AttractSlide::Kind::Message;
                                          slide.title = s.Text("title", Need::Required);
                                          slide.text = s.Text("text", Need::Optional);
                                      }
                                      else if (kind == "quiz")
                                      {
                                          slide.kind = AttractSlide::Kind::Quiz;
                                          slide.title = s.Text("title", Need::Required);
                                          slide.text = s.Text("text", Need::Optional);
                                          quiz_slides.push_back(s.Where("kind"));
                                      }
                                      else if (!kind.empty())
                                          diags.Error(s.Where("kind"),
                                                      "unknown slide kind '" + kind +
                                                          "' (use \"role\", \"photo\", \"message\" or \"quiz\")");
                                      pack.attract.push_back(slide);
                                  });
                 });
    }

    // quiz.json is optional: a pack without it has no quiz card (and can have no quiz slide).
    std::vector<SourceLocation> quiz_slides;
    void ReadQuiz()
    {
        if (!FileExists(JoinContentPath(root, "quiz.json")) && !stand_ins.count("quiz.json"))
        {
            for (const SourceLocation& where : quiz_slides)
                diags.Error(where, "a \"quiz\" slide needs a quiz: there is no quiz.json");
            return;
        }
        LocatedIds quiz_images;
        const bool read = ReadFile(
            "quiz.json", false, [&](FieldReader& r) { ReadQuizObject(r, pack.quiz, diags, role_refs, quiz_images); });
        if (!read)
            return;
        images.insert(images.end(), quiz_images.begin(), quiz_images.end());
        if (!unreadable_files.count("strings.json"))
        {
            std::vector<std::string> missing;
            for (const InterfaceString& s : InterfaceStrings())
                if (s.only_with_quiz && !pack.strings.by_key.count(s.key))
                    missing.push_back(s.key);
            ReportMissingStrings(missing, true);
        }
    }

    // --- 3. Cross-file checks ------------------------------------------------------------------
    std::vector<std::pair<std::string, SourceLocation>> role_refs, photo_refs, node_refs, family_refs, parent_refs;
    std::vector<SourceLocation> edge_from_where, edge_to_where, start_nodes_where;

    void CheckReferences()
    {
        // A role whose file exists but is broken is already reported; references to it are not.
        std::set<std::string> role_ids;
        for (const Role& role : pack.roles)
            role_ids.insert(role.id);
        for (const std::string& file : unreadable_files)
            if (file.compare(0, 6, "roles/") == 0)
                role_ids.insert(file.substr(6, file.size() - 6 - 5));
        for (const auto& [id, where] : family_refs)
            if (!pack.FindFamily(id) && !unreadable_files.count("kiosk.json"))
                diags.Error(where, "family '" + id + "' is not one of the families in kiosk.json");
        for (const auto& [id, where] : parent_refs)
            if (!role_ids.count(id))
                diags.Error(where, "parent role '" + id + "' does not exist (no roles/" + id + ".json)");
        for (const auto& [id, where] : role_refs)
            if (!role_ids.count(id))
                diags.Error(where, "role '" + id + "' does not exist (no roles/" + id + ".json)");
        if (pack_has_photos)
            for (const auto& [id, where] : photo_refs)
                if (!pack.FindPhoto(id))
                    diags.Error(where, "photo '" + id + "' is not in photos.json");
        if (pack_has_pathway)
        {
            for (const auto& [id, where] : node_refs)
                if (!pack.pathway.FindNode(id))
                    diags.Error(where, "pathway node '" + id + "' is not in pathway.json");
            CheckPathway(pack.pathway, edge_from_where, edge_to_where, start_nodes_where, diags);
        }
    }
    bool pack_has_photos = false;
    bool pack_has_pathway = false;
    std::vector<PhotoRoleLink> role_photo_links, photo_role_links; // for CheckPhotoRoleLinks

    void CheckImages()
    {
        std::set<std::string> checked;
        for (const auto& [path, where] : images)
        {
            if (!checked.insert(path + "@" + where.file + std::to_string(where.line)).second)
                continue;
            const std::string full = JoinContentPath(root, path);
            if (!FileExists(full))
            {
                // Other capitals on disk: it opens on Windows and macOS and is missing on the kiosk.
                const std::string other_case = FindCaseVariant(root, path);
                const std::string stray = FindStrayVariant(root, path);
                if (!other_case.empty())
                    diags.Error(where, "image '" + path + "' is not there, but '" + other_case +
                                           "' is: capitals in file names matter on the kiosk; did you mean " +
                                           other_case + "?");
                else if (!stray.empty())
                    diags.Warning(where, "image '" + path + "' is missing; a placeholder will show. '" + stray +
                                             "' is there: did you mean it? (rename it to '" + path + "')");
                else
                    diags.Warning(where, "image '" + path + "' is missing; a placeholder will show");
                continue;
            }
            if (defer_probes)
                images_to_probe.push_back({path, where});
            else
                ProbeOneImage(root, path, where, diags);
        }
    }
    bool defer_probes = false;
    std::vector<std::pair<std::string, SourceLocation>> images_to_probe; // with defer_probes
};

} // namespace

// --- 3. LoadContentPack ------------------------------------------------------------------------

ContentLoadResult LoadContentPack(const std::string& folder)
{
    return LoadContentPack(folder, ContentLoadOptions{});
}

namespace
{
// Reads and checks every file. True when a pack was built; `out` holds what the load found either
// way (without a pack, only diagnostics and texts).
bool LoadFromFiles(const std::string& folder, const ContentLoadOptions& options, PackSnapshot& out)
{
    struct stat st;
    if (folder.empty() || stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    {
        out.diagnostics.Error({folder, 0, 0}, "content folder not found");
        return false;
    }
    char buffer[PATH_MAX];
    PackLoader loader;
    loader.root = realpath(folder.c_str(), buffer) ? buffer : folder;
    loader.ctx.content_root = loader.root;
    loader.pack.root = loader.root;
    loader.ctx.texts = &out.texts;
    loader.stand_ins = CheckStrayContentFiles(
        loader.root,
        {"kiosk.json", "strings.json", "photos.json", "pathway.json", "attract.json", "glossary.json", "quiz.json"},
        loader.diags);
    for (const std::string& code : options.require_languages)
        if (!loader.IsRequired(code))
        {
            loader.required_langs.push_back(code);
            loader.required_by = "--require-language";
        }
    loader.ReadKiosk();
    for (const std::string& code : options.require_languages)
        if (std::find(loader.ctx.languages.begin(), loader.ctx.languages.end(), code) == loader.ctx.languages.end())
            loader.diags.Error({"kiosk.json", 0, 0},
                               "--require-language " + code + ": '" + code + "' is not one of the pack's languages");
    loader.ReadStrings();
    loader.ReadPhotos();
    loader.ReadPathway();
    loader.ReadRoles();
    loader.ReadAttract();
    loader.ReadGlossary();
    loader.ReadQuiz();
    loader.CheckReferences();
    const bool defer = options.defer_warning_checks;
    // Only a quiz that is otherwise right is scored: its balance means nothing before that.
    out.score_quiz = !loader.diags.HasErrors();
    if (out.score_quiz)
        CheckQuizBalance(loader.pack.quiz, loader.diags,
                         defer ? QuizBalanceFindings::ErrorsOnly : QuizBalanceFindings::All);
    loader.defer_probes = defer;
    loader.CheckImages();
    if (!defer)
        CheckPlainWords(out.texts, loader.pack.glossary, {"glossary.json", 0, 0}, loader.diags);
    CheckTranslations(out.texts, loader.diags);
    if (!defer)
        CheckGuideTextRules(out.texts, loader.pack.roles, loader.diags);
    if (loader.pack_has_photos)
        CheckPhotoRoleLinks(loader.role_photo_links, loader.photo_role_links, loader.pack, loader.diags);
    out.diagnostics = std::move(loader.diags);
    if (out.diagnostics.HasErrors())
        return false;
    loader.pack.warnings = out.diagnostics;
    out.pack = std::move(loader.pack);
    out.images_to_probe = std::move(loader.images_to_probe);
    return true;
}

// The result of a load that built a pack, from its files or from a snapshot. `encoded`: the
// snapshot's texts, not yet decoded (then built.texts is empty; only with `defer`).
ContentLoadResult ResultWithPack(PackSnapshot&& built, bool defer, EncodedTexts encoded)
{
    static std::atomic<std::uint64_t> loads{0};
    built.pack.load_id = ++loads;
    ContentLoadResult result;
    result.diagnostics = std::move(built.diagnostics);
    result.texts = std::move(built.texts);
    result.pack = std::make_shared<const ContentPack>(std::move(built.pack));
    if (!defer)
        return result;
    std::shared_ptr<const TextRecords> texts;
    if (!encoded.entry)
        texts = std::make_shared<const TextRecords>(result.texts);
    result.later_checks = [pack = result.pack, texts = std::move(texts), encoded = std::move(encoded),
                           images = std::move(built.images_to_probe), score_quiz = built.score_quiz]
    {
        DiagnosticList later;
        if (score_quiz)
            CheckQuizBalance(pack->quiz, later, QuizBalanceFindings::WarningsOnly);
        for (const auto& [path, where] : images)
            ProbeOneImage(pack->root, path, where, later);
        TextRecords decoded;
        if (!texts && !encoded.Decode(&decoded))
            later.Warning({"(content snapshot)", 0, 0},
                          "its texts could not be read; the plain-words and guide text checks were skipped");
        const TextRecords& all = texts ? *texts : decoded;
        CheckPlainWords(all, pack->glossary, {"glossary.json", 0, 0}, later);
        CheckGuideTextRules(all, pack->roles, later);
        return later;
    };
    return result;
}

// Every option the load depends on, for the snapshot's key.
std::string OptionsText(const ContentLoadOptions& options)
{
    std::string text = options.defer_warning_checks ? "deferred" : "whole";
    for (const std::string& code : options.require_languages)
        text += " require " + code;
    return text;
}
} // namespace

ContentLoadResult LoadContentPack(const std::string& folder, const ContentLoadOptions& options)
{
    // Only with the warning checks deferred: the image probes left out then are the only checks
    // whose findings depend on more than the program and the folder (the SVG module, for one).
    const bool use_snapshots = options.snapshots && !options.program_id.empty() && options.defer_warning_checks;
    const std::string key =
        use_snapshots ? ContentSnapshotKey(folder, options.program_id, OptionsText(options)) : std::string();
    PackSnapshot loaded;
    EncodedTexts encoded;
    if (!key.empty() && ReadContentSnapshot(*options.snapshots, key, &loaded, &encoded))
    {
        ContentLoadResult result = ResultWithPack(std::move(loaded), options.defer_warning_checks, std::move(encoded));
        result.from_snapshot = true;
        return result;
    }
    loaded = PackSnapshot{};
    if (!LoadFromFiles(folder, options, loaded))
    {
        ContentLoadResult result;
        result.diagnostics = std::move(loaded.diagnostics);
        result.texts = std::move(loaded.texts);
        return result;
    }
    // Kept only when no file changed while it was read: else the snapshot might mix two versions.
    if (!key.empty() && ContentSnapshotKey(folder, options.program_id, OptionsText(options)) == key)
        WriteContentSnapshot(*options.snapshots, key, loaded);
    return ResultWithPack(std::move(loaded), options.defer_warning_checks, EncodedTexts{});
}

// --- 4. Lookups --------------------------------------------------------------------------------

const Role* ContentPack::FindRole(const std::string& id) const
{
    for (const Role& r : roles)
        if (r.id == id)
            return &r;
    return nullptr;
}

const Photo* ContentPack::FindPhoto(const std::string& id) const
{
    for (const Photo& p : photos)
        if (p.id == id)
            return &p;
    return nullptr;
}

const RoleFamily* ContentPack::FindFamily(const std::string& id) const
{
    for (const RoleFamily& f : settings.families)
        if (f.id == id)
            return &f;
    return nullptr;
}

std::string ContentPack::ResolvePath(const std::string& relative) const
{
    return JoinContentPath(root, relative);
}

const std::string& UiStrings::Get(const std::string& key, const std::string& language) const
{
    auto it = by_key.find(key);
    if (it == by_key.end())
        return key; // a missing key shows as itself: visible to an editor, never a crash
    return it->second.Get(language);
}

std::string CollectPackText(const ContentPack& pack)
{
    std::string all;
    auto add = [&](const LocalizedText& t)
    {
        for (const auto& [lang, text] : t.by_language)
            all += text;
    };
    auto add_list = [&](const std::vector<LocalizedText>& list)
    {
        for (const LocalizedText& t : list)
            add(t);
    };
    add(pack.settings.event.name);
    add(pack.settings.event.organiser);
    for (const Language& l : pack.settings.languages)
        all += l.name;
    for (const RoleFamily& f : pack.settings.families)
        add(f.title);
    for (const auto& [key, text] : pack.strings.by_key)
        add(text);
    for (const Role& r : pack.roles)
    {
        add(r.title);
        add(r.tagline);
        add(r.summary);
        add_list(r.also_known_as);
        add_list(r.what_you_do);
        add_list(r.where_you_work);
        add_list(r.skills);
        for (const PayBand& p : r.pay)
        {
            add(p.label);
            all += p.band;
            add(p.range);
        }
        add(r.hours);
        add_list(r.working_patterns);
        for (const EntryRoute& e : r.entry_routes)
        {
            add(e.title);
            add(e.text);
        }
        add_list(r.good_to_know);
        add_list(r.professional_bodies);
    }
    for (const Photo& p : pack.photos)
    {
        add(p.caption);
        add(p.description);
    }
    for (const PathwayNode& n : pack.pathway.nodes)
    {
        add(n.title);
        add(n.detail);
        add(n.duration);
        add(n.requirements);
    }
    for (const PathwayEdge& e : pack.pathway.edges)
        add(e.condition);
    for (const PathwayStart& s : pack.pathway.starts)
        add(s.title);
    for (const AttractSlide& s : pack.attract)
    {
        add(s.title);
        add(s.text);
    }
    for (const GlossaryTerm& t : pack.glossary.terms)
    {
        add(t.term);
        add(t.definition);
    }
    for (const QuizQuestion& q : pack.quiz.questions)
    {
        add(q.text);
        for (const QuizAnswer& a : q.answers)
        {
            add(a.label);
            add(a.reason);
        }
    }
    return all;
}
} // namespace kiosk::core
