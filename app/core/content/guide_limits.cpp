// The guide's visitor-facing rules (guide_limits.h).
//
// Index
//   1. Characters
//   2. Role texts: tagline length, summary sentences, the call to action on a small screen
//   3. Colours
//   4. Photographs and roles named on both sides
#include "core/content/guide_limits.h"

#include "core/admin/admin_pin.h"
#include "core/content/content_checker.h"
#include "core/content/text_measure.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace kiosk::core
{
// --- 1. Characters ----------------------------------------------------------------------------------

size_t CountCharacters(const std::string& text)
{
    size_t n = 0;
    for (size_t i = 0; i < text.size(); i++)
    {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        // Every byte but a continuation byte (10xxxxxx) that follows a lead byte starts a character.
        if ((c & 0xC0) != 0x80 || i == 0)
            n++;
    }
    return n;
}

// --- 2. Role texts ------------------------------------------------------------------------------------

float RoleCallToActionBottom(const RoleFirstScreen& s, const std::string& title, const std::string& summary,
                             bool is_specialism)
{
    const int title_lines = std::max(1, EstimateNotoLines(title, s.title_width_em, true));
    const int summary_lines = EstimateNotoLines(summary, s.body_width_em, false);
    return s.top_px + static_cast<float>(title_lines) * s.title_line_px + s.title_gap_px +
           (is_specialism ? s.parent_line_px : 0.0f) + static_cast<float>(summary_lines) * s.body_line_px +
           s.after_summary_px;
}

namespace
{
std::string RoleIdOf(const std::string& file)
{
    // "roles/<id>.json"; a stray file read in place of its role keeps its own name, which is fine
    // here: only the parent lookup uses the id.
    if (file.compare(0, 6, "roles/") != 0 || file.size() < 11)
        return {};
    return file.substr(6, file.size() - 6 - 5);
}

const TextRecord* FindRecord(const std::vector<TextRecord>& records, const char* pointer)
{
    for (const TextRecord& r : records)
        if (r.pointer == pointer)
            return &r;
    return nullptr;
}

SourceLocation WhereIn(const TextRecord& r, const std::string& lang)
{
    auto it = r.where_by_language.find(lang);
    return it != r.where_by_language.end() ? it->second : r.where;
}

// "You like fixing things" reads wrongly after "Because you said": a reason starts in lower case
// (an acronym such as "IT" is fine).
void CheckQuizReasons(const std::vector<TextRecord>& records, DiagnosticList& diags)
{
    for (const TextRecord& r : records)
    {
        if (r.pointer.size() < 7 || r.pointer.compare(r.pointer.size() - 7, 7, "/reason") != 0)
            continue;
        for (const auto& [lang, text] : r.text.by_language)
            if (text.size() >= 2 && text[0] >= 'A' && text[0] <= 'Z' && text[1] >= 'a' && text[1] <= 'z')
                diags.Warning(WhereIn(r, lang), "a reason starts in lower case: the result shows it after "
                                                "\"Because you said\" (write '" +
                                                    std::string(1, static_cast<char>(text[0] - 'A' + 'a')) +
                                                    text.substr(1, 20) + "...')");
    }
}
} // namespace

void CheckGuideTextRules(const TextRecords& texts, const std::vector<Role>& roles, DiagnosticList& diags)
{
    for (const auto& [file, records] : texts)
    {
        if (file == "quiz.json")
            CheckQuizReasons(records, diags);
        if (file.compare(0, 6, "roles/") != 0)
            continue;
        if (const TextRecord* tagline = FindRecord(records, "/tagline"))
            for (const auto& [lang, text] : tagline->text.by_language)
            {
                const size_t n = CountCharacters(text);
                if (n > static_cast<size_t>(kMaxTaglineCharacters))
                    diags.Warning(WhereIn(*tagline, lang),
                                  "tagline of " + std::to_string(n) + " characters (over " +
                                      std::to_string(kMaxTaglineCharacters) +
                                      "): it is one line on the role card, and a long one wraps; shorten it");
            }
        const TextRecord* summary = FindRecord(records, "/summary");
        if (!summary)
            continue;
        const TextRecord* title = FindRecord(records, "/title");
        const std::string id = RoleIdOf(file);
        bool is_specialism = false;
        for (const Role& r : roles)
            if (r.id == id)
                is_specialism = !r.parent.empty();
        for (const auto& [lang, text] : summary->text.by_language)
        {
            const size_t sentences = SplitSentences(text).size();
            if (sentences > static_cast<size_t>(kMaxSummarySentences))
                diags.Warning(WhereIn(*summary, lang), "summary of " + std::to_string(sentences) + " sentences (over " +
                                                           std::to_string(kMaxSummarySentences) +
                                                           "): two or three short sentences introduce the role; "
                                                           "move the rest into a list");
            const std::string title_text = title ? title->text.Get(lang) : std::string();
            for (const RoleFirstScreen* screen : {&kRoleFirstScreen800, &kRoleFirstScreen800Large})
            {
                const float bottom = RoleCallToActionBottom(*screen, title_text, text, is_specialism);
                if (bottom <= screen->screen_h)
                    continue;
                diags.Warning(WhereIn(*summary, lang),
                              std::string("summary too long for a small screen: on an 800x480 display") +
                                  (screen == &kRoleFirstScreen800Large ? " with larger text" : "") +
                                  " it pushes the \"How do I get this job?\" button below the bottom of the "
                                  "screen; shorten it (" +
                                  std::to_string(CountCharacters(text)) + " characters now)");
                break;
            }
        }
    }
}

// --- 3. Colours -----------------------------------------------------------------------------------------

std::string PinHashProblem(const std::string& stored)
{
    if (stored.empty() || CheckStoredPin(stored, {}) != PinPolicy::Malformed)
        return {};
    return "'pin_hash' is not a PIN hash (it should start \"pbkdf2-sha256$\"): make it with careers-kiosk "
           "hash-pin, never by hand; until then the kiosk refuses to run in kiosk mode";
}

// --- 4. Photographs and roles named on both sides --------------------------------------------------------

void CheckPhotoRoleLinks(const std::vector<PhotoRoleLink>& from_roles, const std::vector<PhotoRoleLink>& from_photos,
                         const ContentPack& pack, DiagnosticList& diags)
{
    std::set<std::pair<std::string, std::string>> in_roles, in_photos;
    for (const PhotoRoleLink& l : from_roles)
        in_roles.insert({l.role, l.photo});
    for (const PhotoRoleLink& l : from_photos)
        in_photos.insert({l.role, l.photo});
    for (const PhotoRoleLink& l : from_roles)
        if (pack.FindPhoto(l.photo) && !in_photos.count({l.role, l.photo}))
            diags.Warning(l.where, "role '" + l.role + "' shows photo '" + l.photo + "', but that photo's \"roles\" " +
                                       "in photos.json does not name the role: add it there too");
    for (const PhotoRoleLink& l : from_photos)
        if (pack.FindRole(l.role) && !in_roles.count({l.role, l.photo}))
            diags.Warning(l.where, "photo '" + l.photo + "' names role '" + l.role + "', but roles/" + l.role +
                                       ".json does not list the photo in its \"photos\": add it there too");
}
} // namespace kiosk::core
