// The contact sheet's pure parts: which screens a pack has (every one a visitor can see), and
// the index.html that shows the rendered images grouped and labelled. The shell renders
// (shell/contact_sheet.cpp); this never touches a window or the disk.
#pragma once
#include "core/content/content_model.h"

#include <string>
#include <vector>

namespace kiosk::core
{
struct ContactSheetScreen
{
    std::string name;         // a screen name (core/visit/screen_name.h): "role:clinical-engineer"
    std::string group;        // the heading it is listed under: "Roles"
    bool per_language = true; // false: it looks the same in every language (the attract loop)
    bool full_page = false;   // it scrolls: render it whole
    bool variants = true;     // false: normal look only (the attract loop runs between visits, so
                              // never in a visitor's large text or high contrast)
};

// Every screen of `pack`, in the order a visitor meets them: home, the roles, the gallery, the
// flowchart and each node's details sheet, the quiz's questions and result, the attract loop's
// slides (attract_slides of them, as the ui counts them) and the "Still there?" countdown.
std::vector<ContactSheetScreen> ContactSheetScreens(const ContentPack& pack, int attract_slides);

// contact-sheet --screens: true when `chosen` is empty, names the screen, or names its kind
// ("role" chooses every "role:ID", "pathway" the flowchart and every details sheet).
bool ScreenChosen(const std::string& screen, const std::vector<std::string>& chosen);

// The file a screen's image is written to inside its size/variant/language folder.
std::string ContactSheetFileName(const std::string& screen);

struct ContactSheetImage
{
    std::string file;     // relative to index.html
    std::string screen;   // its screen name
    std::string group;    // as in ContactSheetScreen
    std::string size;     // "800x480"
    std::string variant;  // "normal", "large text", "high contrast"
    std::string language; // a code, or "" when the same in every language
    std::string error;    // not rendered: why (shown in place of the picture)
};

struct ContactSheetPage
{
    std::string title;              // the event's name
    std::string content_dir;        // as given
    std::string generated;          // when, in words
    std::vector<std::string> notes; // links and lines above the pictures (already HTML-safe)
    std::vector<ContactSheetImage> images;
};

// index.html: one section per size, one heading per group, one row per screen with a labelled
// thumbnail (linking to the full image) for each variant and language.
std::string ContactSheetHtml(const ContactSheetPage& page);
std::string HtmlEscape(const std::string& text);
} // namespace kiosk::core
