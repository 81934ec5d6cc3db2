// The guide's rules that are about what a visitor sees, checked as warnings with FILE:LINE:COLUMN
// (content/README.md, section 13, lists every rule and how it is enforced):
//   - a role's tagline is 60 characters or fewer (it is one line on the card; longer wraps);
//   - a role's summary is two or three sentences, and short enough that the role page's call to
//     action ("How do I get this job?") is on the first screen of a small 800x480 display;
//   - white text is readable on each family colour and on the accent (contrast 4.5:1 or more);
//   - a photograph's "roles" and each role's "photos" name each other;
//   - a quiz answer's reason starts in lower case;
//   - kiosk.json's admin.pin_hash, when set, is a hash made by `careers-kiosk hash-pin`.
// Length limits count characters (UTF-8 code points), not bytes: "ŵ" is one character.
// No ImGui: the role page is modelled by the numbers below, which tests/ui checks against the
// real layout.
#pragma once
#include "core/content/content_checker.h"
#include "core/content/content_model.h"
#include "core/content/diagnostics.h"

#include <string>
#include <vector>

namespace kiosk::core
{
inline constexpr int kMaxTaglineCharacters = 60;
inline constexpr int kMaxSummarySentences = 3;

// Characters (UTF-8 code points) in `text`; a byte that is not UTF-8 counts as one.
size_t CountCharacters(const std::string& text);

// The first screen of the role page on an 800x480 display, in pixels, as role_screen.cpp lays it
// out: the top bar, the family stripe and spacing, the title (title font), the parent role's line
// for a specialism, the summary (body font), then the "How do I get this job?" button. The
// default text size and "Larger text" are both modelled. Widths are Noto Sans Regular's (summary)
// or Bold's (title) advances, per lowercase letter and per class for the rest (the widest of the
// class), measured with stb_truetype at the pixel-height scale ImGui uses and rounded up
// (guide_limits.cpp), so the model never promises a fit the screen does not have; tests/ui checks
// it against the real page, at most two lines early.
struct RoleFirstScreen
{
    float screen_h;
    float top_px;           // top bar + the spacing and stripe above the title
    float title_line_px;    // one line of the title font
    float title_width_em;   // the title column in title-font ems
    float title_gap_px;     // after the title paragraph
    float parent_line_px;   // the "Parent: Specialisms" line and its gap, for a specialism
    float body_line_px;     // one line of the body font
    float body_width_em;    // the summary column in body-font ems
    float after_summary_px; // the gap after the summary, the space above the button and the button
};
// 800x480 at the default text size: em 16 px; two columns, the left one 413 px; a 36 px title.
// (after_summary_px has 2 px more than the sum, for the layout's rounding to whole pixels.)
// top_px includes the taller top bar that keeps a 2 mm gap to content scrolled under it (10.8 px
// and 7.2 px more than before that gap), measured by test_role_first_screen.
inline constexpr RoleFirstScreen kRoleFirstScreen800 = {
    480.0f, 61.7f + 19.2f + 10.8f, 36.0f, 11.45f, 8.0f, 24.0f, 16.0f, 25.8f, 8.0f + 4.8f + 47.3f + 2.0f};
// 800x480 with "Larger text": em 20 px; one 680 px column; a 45 px title.
inline constexpr RoleFirstScreen kRoleFirstScreen800Large = {
    480.0f, 65.3f + 24.0f + 7.2f, 45.0f, 15.1f, 10.0f, 30.0f, 20.0f, 34.0f, 10.0f + 6.0f + 47.3f + 2.0f};

// Where the bottom of the call-to-action button falls, in pixels from the top of the screen.
float RoleCallToActionBottom(const RoleFirstScreen& screen, const std::string& title, const std::string& summary,
                             bool is_specialism);

// The tagline and summary rules, and that a quiz answer's reason starts in lower case (it follows
// "Because you said"), over every text read (TextRecords from the loader).
void CheckGuideTextRules(const TextRecords& texts, const std::vector<Role>& roles, DiagnosticList& diags);

// A warning's text when kiosk.json's admin.pin_hash is set but is not a hash `careers-kiosk
// hash-pin` makes (typed by hand, or cut short), or "" (an empty one is reported when the kiosk
// starts in kiosk mode, which it refuses).
std::string PinHashProblem(const std::string& stored);

// One link between a role and a photograph, as written in one of the two files.
struct PhotoRoleLink
{
    std::string role;
    std::string photo;
    SourceLocation where;
};
// Warns about each link written on one side only (a role's "photos" naming a photograph whose
// "roles" does not name the role, and the other way round). Links to ids that do not exist are
// reported elsewhere (errors).
void CheckPhotoRoleLinks(const std::vector<PhotoRoleLink>& from_roles, const std::vector<PhotoRoleLink>& from_photos,
                         const ContentPack& pack, DiagnosticList& diags);
} // namespace kiosk::core
