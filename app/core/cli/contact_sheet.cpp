#include "core/cli/contact_sheet.h"

#include <algorithm>

namespace kiosk::core
{
std::vector<ContactSheetScreen> ContactSheetScreens(const ContentPack& pack, int attract_slides)
{
    std::vector<ContactSheetScreen> out;
    out.push_back({"home", "Home", true, true});
    for (const Role& role : pack.roles)
        out.push_back({"role:" + role.id, "Roles", true, true});
    for (size_t i = 0; i < pack.photos.size(); i++)
        out.push_back({"gallery:" + std::to_string(i), "Gallery", true, false});
    out.push_back({"pathway", "Flowchart", true, false});
    for (const PathwayNode& node : pack.pathway.nodes)
        out.push_back({"pathway:" + node.id, "Flowchart: details sheets", true, true});
    if (!pack.quiz.Empty())
    {
        for (size_t i = 0; i < pack.quiz.questions.size(); i++)
            out.push_back({"quiz:" + std::to_string(i + 1), "Quiz", true, true});
        out.push_back({"quiz:result", "Quiz", true, true});
    }
    // The loop shows every language at once (the default language leads).
    for (int i = 1; i <= attract_slides; i++)
        out.push_back({"attract:" + std::to_string(i), "Attract loop", false, false, false});
    out.push_back({"still-there", "Still there?", true, false});
    return out;
}

bool ScreenChosen(const std::string& screen, const std::vector<std::string>& chosen)
{
    if (chosen.empty())
        return true;
    for (const std::string& c : chosen)
        if (screen == c || (c.find(':') == std::string::npos && screen.rfind(c + ":", 0) == 0))
            return true;
    return false;
}

std::string ContactSheetFileName(const std::string& screen)
{
    std::string f;
    for (char c : screen)
    {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == '.';
        f += plain ? c : '_';
    }
    return f + ".png";
}

std::string HtmlEscape(const std::string& text)
{
    std::string out;
    for (char c : text)
    {
        switch (c)
        {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

namespace
{
constexpr const char* kStyle = R"(<style>
body { font-family: "Noto Sans", sans-serif; margin: 1.5em; color: #1b1b1b; background: #f4f4f2; }
h1 { margin-bottom: 0.2em; }
h2 { margin-top: 2em; border-bottom: 2px solid #888; }
h3 { margin: 1.4em 0 0.4em; }
.screen { margin: 0.6em 0 1.2em; }
.screen > .name { font-family: monospace; font-size: 1.05em; font-weight: bold; }
.shots { display: flex; flex-wrap: wrap; gap: 0.8em; align-items: flex-start; }
figure { margin: 0; background: #fff; border: 1px solid #ccc; padding: 0.4em; }
figure img { display: block; width: 240px; max-height: 400px; object-fit: cover; object-position: top; }
figcaption { font-size: 0.85em; margin-top: 0.3em; }
.missing { max-width: 40em; color: #8a1010; font-weight: bold; }
nav a { margin-right: 1em; }
</style>
)";

std::string Label(const ContactSheetImage& image)
{
    std::string label = image.variant;
    if (!image.language.empty())
        label += ", " + image.language;
    return label;
}
} // namespace

std::string ContactSheetHtml(const ContactSheetPage& page)
{
    std::string h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Contact sheet: " +
                    HtmlEscape(page.title) + "</title>\n" + kStyle + "</head>\n<body>\n";
    h += "<h1>Contact sheet: " + HtmlEscape(page.title) + "</h1>\n";
    h += "<p>Every screen of the content in <code>" + HtmlEscape(page.content_dir) +
         "</code>, as the kiosk draws it. " + HtmlEscape(page.generated) +
         " Select a picture to open it at full size.</p>\n";
    for (const std::string& note : page.notes)
        h += "<p>" + note + "</p>\n";
    // Sizes in the order first met; within a size, groups and screens in the order first met.
    std::vector<std::string> sizes;
    for (const ContactSheetImage& image : page.images)
        if (std::find(sizes.begin(), sizes.end(), image.size) == sizes.end())
            sizes.push_back(image.size);
    if (sizes.size() > 1)
    {
        h += "<nav>";
        for (const std::string& size : sizes)
            h += "<a href=\"#size-" + HtmlEscape(size) + "\">" + HtmlEscape(size) + "</a>";
        h += "</nav>\n";
    }
    for (const std::string& size : sizes)
    {
        h += "<h2 id=\"size-" + HtmlEscape(size) + "\">" + HtmlEscape(size) + "</h2>\n";
        std::vector<std::string> groups;
        for (const ContactSheetImage& image : page.images)
            if (image.size == size && std::find(groups.begin(), groups.end(), image.group) == groups.end())
                groups.push_back(image.group);
        for (const std::string& group : groups)
        {
            h += "<h3>" + HtmlEscape(group) + "</h3>\n";
            std::vector<std::string> screens;
            for (const ContactSheetImage& image : page.images)
                if (image.size == size && image.group == group &&
                    std::find(screens.begin(), screens.end(), image.screen) == screens.end())
                    screens.push_back(image.screen);
            for (const std::string& screen : screens)
            {
                h += "<div class=\"screen\"><div class=\"name\">" + HtmlEscape(screen) +
                     "</div>\n<div class=\"shots\">\n";
                for (const ContactSheetImage& image : page.images)
                {
                    if (image.size != size || image.screen != screen)
                        continue;
                    const std::string label = HtmlEscape(Label(image));
                    h += "<figure>";
                    if (image.error.empty())
                        h += "<a href=\"" + HtmlEscape(image.file) + "\"><img src=\"" + HtmlEscape(image.file) +
                             "\" alt=\"" + HtmlEscape(screen) + ", " + label + "\"></a>";
                    else
                        h += "<div class=\"missing\">Not rendered: " + HtmlEscape(image.error) + "</div>";
                    h += "<figcaption>" + label + "</figcaption></figure>\n";
                }
                h += "</div></div>\n";
            }
        }
    }
    // Once everything has loaded, the page says whether any picture failed (a moved or deleted
    // file), at the top where an editor sees it, and in data-loaded / data-broken for tests.
    h += R"(<script>
window.addEventListener("load", function () {
  var images = document.querySelectorAll("img"), broken = 0;
  images.forEach(function (img) { if (!img.complete || img.naturalWidth === 0) broken++; });
  document.body.dataset.loaded = String(images.length - broken);
  document.body.dataset.broken = String(broken);
  if (broken > 0) {
    var p = document.createElement("p");
    p.className = "missing";
    p.textContent = broken + " of " + images.length + " pictures did not load: has a file been moved?";
    document.body.insertBefore(p, document.body.firstChild);
  }
});
</script>
)";
    h += "</body>\n</html>\n";
    return h;
}
} // namespace kiosk::core
