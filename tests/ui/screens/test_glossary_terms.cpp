// Glossary terms in the headless ui: on the role page, in a flowchart step's details and in a
// photograph's description, the first use of a term is a touch-sized tappable term; a tap opens
// its definition card (visit state, and a glossary_term_opened statistic), a tap anywhere closes
// it. In English and Welsh, in larger text and high contrast. Also: the plain-words checker's
// title width model is never below the real font's width.
#include "core/content/content_checker.h"
#include "support/ui_harness.h"
#include "ui/widgets/term_text.h"
#include "ui/widgets/text.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cfloat>
#include <cmath>
#include <set>

namespace core = kiosk::core;
using namespace kiosk::ui;
using kiosk::ui::test::BundledPack;
using kiosk::ui::test::UiHarness;

namespace
{
// The term ids marked on screen now (first parts only: a term broken over two lines has a second
// hit area "term:<id>:2").
std::vector<std::string> MarkedTerms(const UiHarness& h)
{
    std::vector<std::string> ids;
    for (const HitArea& a : h.hits.WithPrefix("term:"))
        if (a.id.find(':', 5) == std::string::npos)
            ids.push_back(a.id.substr(5));
    return ids;
}

// Taps the first visible term, checks the card, the statistic and the close; returns the term id.
std::string TapFirstTermAndClose(UiHarness& h, const std::string& language)
{
    const core::ScreenId screen = h.State().screen;
    const std::vector<std::string> ids = MarkedTerms(h);
    REQUIRE_FALSE(ids.empty());
    // First use only: no term is marked twice on one screen.
    CHECK(std::set<std::string>(ids.begin(), ids.end()).size() == ids.size());
    const HitArea* area = h.Find("term:" + ids[0]);
    REQUIRE(area);
    CHECK(area->full_y1 - area->full_y0 >= h.metrics.touch_min - 0.5f); // touch-sized
    CHECK(area->full_x1 - area->full_x0 >= h.metrics.touch_min - 0.5f);
    const size_t events_before = h.events.list.size();
    REQUIRE(h.TapId("term:" + ids[0]));
    CHECK(h.State().glossary_term == ids[0]);
    CHECK(h.State().screen == screen);
    bool recorded = false;
    for (size_t i = events_before; i < h.events.list.size(); i++)
        recorded |=
            h.events.list[i].kind == core::EventKind::GlossaryTermOpened && h.events.list[i].glossary_term_id == ids[0];
    CHECK(recorded);
    h.Frame();
    const core::GlossaryTerm* term = h.pack->glossary.Find(ids[0]);
    REQUIRE(term);
    CHECK(h.Find("glossary:card"));
    CHECK(h.hits.Drew(term->definition.Get(language)));
    // A tap anywhere closes it, and does not press what is under it (the top bar's Home here).
    const HitArea* home = h.Find("nav:home");
    if (home)
        h.Tap(home->CenterX(), home->CenterY());
    else
        h.Tap(2.0f, 0.5f * h.metrics.screen_h);
    CHECK(h.State().glossary_term.empty());
    CHECK(h.State().screen == screen);
    h.Frame();
    CHECK_FALSE(h.Find("glossary:card"));
    return ids[0];
}

// Drags the page up until some term is on screen (a page may open on photographs).
void ScrollToATerm(UiHarness& h)
{
    for (int i = 0; i < 12 && MarkedTerms(h).empty(); ++i)
    {
        const float x = 0.5f * h.metrics.screen_w, y = 0.8f * h.metrics.screen_h;
        h.Drag(ImVec2(x, y), ImVec2(x, y - 0.3f * h.metrics.screen_h), 10);
        h.Settle();
    }
}

// A visitor's touch starts the visit (so it records), then the language and the settings.
void Prepare(UiHarness& h, const std::string& language, bool larger, bool contrast)
{
    h.visit.Touch(h.Time());
    if (language != h.State().language)
        h.Act(core::SetLanguage{language});
    if (larger)
        h.Act(core::ToggleLargerText{});
    if (contrast)
        h.Act(core::ToggleHighContrast{});
    h.Frames(2);
}
} // namespace

TEST_CASE("a term on the role page opens its definition card, in English and Welsh", "[ui][glossary]")
{
    for (const char* language : {"en", "cy"})
        for (const auto& [w, h_px] : {std::pair<float, float>{800, 480}, {1080, 1920}})
        {
            DYNAMIC_SECTION(language << " " << w << "x" << h_px)
            {
                UiHarness h(w, h_px, BundledPack());
                Prepare(h, language, false, false);
                h.Act(core::OpenRole{"clinical-technologist"});
                h.Frames(2);
                ScrollToATerm(h);
                TapFirstTermAndClose(h, language);
            }
        }
}

TEST_CASE("terms stay tappable in larger text and high contrast", "[ui][glossary]")
{
    UiHarness h(1280, 800, BundledPack());
    Prepare(h, "cy", true, true);
    h.Act(core::OpenRole{"clinical-engineer"});
    h.Frames(3);
    ScrollToATerm(h);
    TapFirstTermAndClose(h, "cy");
}

TEST_CASE("a term in a flowchart step's details opens its card", "[ui][glossary][pathway]")
{
    const auto pack = BundledPack();
    // A step whose details use a glossary term (the bundled chart has many: UCAS, PTP, STP ...).
    std::string node_id;
    for (const auto& node : pack->pathway.nodes)
        if (!core::FindGlossaryTerms(pack->glossary, node.detail.Get("en"), "en").empty())
        {
            node_id = node.id;
            break;
        }
    REQUIRE_FALSE(node_id.empty());
    for (const char* language : {"en", "cy"})
    {
        DYNAMIC_SECTION(language)
        {
            UiHarness h(1920, 1080, pack);
            Prepare(h, language, false, false);
            h.Act(core::OpenPathway{node_id, "", ""});
            h.Settle();
            REQUIRE(h.State().pathway.selected == node_id);
            TapFirstTermAndClose(h, language);
        }
    }
}

TEST_CASE("a term in a photograph's description opens its card", "[ui][glossary][gallery]")
{
    const auto pack = BundledPack();
    int index = -1;
    for (size_t i = 0; i < pack->photos.size() && index < 0; i++)
        if (!core::FindGlossaryTerms(pack->glossary, pack->photos[i].description.Get("en"), "en").empty() &&
            !core::FindGlossaryTerms(pack->glossary, pack->photos[i].description.Get("cy"), "cy").empty())
            index = static_cast<int>(i);
    REQUIRE(index >= 0);
    for (const char* language : {"en", "cy"})
    {
        DYNAMIC_SECTION(language)
        {
            UiHarness h(1920, 1080, pack);
            Prepare(h, language, false, false);
            h.Act(core::OpenGallery{"", index});
            h.Settle();
            TapFirstTermAndClose(h, language);
        }
    }
}

TEST_CASE("the title width model is never below the real title font's width", "[ui][glossary][plain-words]")
{
    UiHarness h(800, 480, BundledPack());
    h.Frame();
    ImFont* title = h.fonts.title;
    REQUIRE(title);
    // The model's column: 800x480 gives a 16 px em and a 36 px title font (content_checker.h).
    CHECK(h.metrics.em == Approx(16.0f));
    CHECK(title->FontSize == Approx(36.0f));
    for (const auto& role : h.pack->roles)
        for (const auto& [lang, text] : role.title.by_language)
        {
            INFO(lang << ": " << text);
            CHECK(core::EstimateNotoWidthEm(text, true) * title->FontSize >= TextWidth(title, text));
            // Wrapped at the model's column, the real font takes no more lines than estimated.
            const float real_lines =
                TextHeight(title, text, core::kRoleTitleWidthEm800 * title->FontSize) / title->FontSize;
            CHECK(real_lines <= core::EstimateNotoLines(text, core::kRoleTitleWidthEm800, true) + 0.01f);
        }
}

TEST_CASE("a term is marked on the line ImGui draws it on, hard line breaks included", "[ui][glossary]")
{
    UiHarness h(800, 480, BundledPack());
    h.Frame();
    ImFont* font = h.fonts.body;
    const std::string text = "You would look after the equipment hospitals use.\nYou would check, calibrate and "
                             "operate it.\nYou might work with patients.";
    auto line_text = [&](const WrappedLine& l) { return text.substr(l.begin, l.end - l.begin); };
    const std::vector<WrappedLine> wide = WrapLinesAsDrawn(font, text, 1.0e5f);
    REQUIRE(wide.size() == 3);
    CHECK(line_text(wide[1]) == "You would check, calibrate and operate it.");
    // At every width the lines match ImGui's own layout in number, and no line runs past a break.
    for (float ems : {8.0f, 12.0f, 20.0f, 40.0f})
    {
        const float wrap_w = ems * font->FontSize;
        INFO(ems << " em");
        const std::vector<WrappedLine> lines = WrapLinesAsDrawn(font, text, wrap_w);
        const ImVec2 size = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_w, text.c_str());
        CHECK(static_cast<float>(lines.size()) == std::round(size.y / font->FontSize));
        for (const WrappedLine& l : lines)
            CHECK(line_text(l).find('\n') == std::string::npos);
    }
}

TEST_CASE("a pack reloaded where the one before was allocated gets its own term marks", "[ui][glossary]")
{
    // The marks are cached per pack. A reload can allocate the new pack at the old one's address,
    // so a pack is known by its load as well (ContentPack::load_id). Here the same object is
    // loaded again in place with its glossary in another order: the same terms must be marked,
    // not whatever now sits at the indices the old pack's marks pointed to.
    auto pack = std::make_shared<core::ContentPack>(*BundledPack());
    pack->load_id = 1001;
    UiHarness h(800, 480, pack);
    Prepare(h, "en", false, false);
    h.Act(core::OpenRole{"clinical-technologist"});
    h.Frames(2);
    ScrollToATerm(h);
    std::vector<std::string> before = MarkedTerms(h);
    REQUIRE_FALSE(before.empty());
    auto& terms = pack->glossary.terms;
    REQUIRE(terms.size() >= 2);
    std::reverse(terms.begin(), terms.end());
    pack->load_id = 1002;
    h.Frames(2);
    std::vector<std::string> after = MarkedTerms(h);
    std::sort(before.begin(), before.end());
    std::sort(after.begin(), after.end());
    CHECK(after == before);
}
