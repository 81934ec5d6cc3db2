// Touch targets on every visitor screen (issue 11): at 800x480, 1280x800, 1920x1080, 1080x1920 and
// 3840x2160 on the physical screens of support/assumed_screens.h, in English and Welsh, at normal
// and larger text, every tappable target of the hit registry is at least 9 mm each way, at least
// 2 mm from its neighbours, and wholly on screen (or clipped only by its scroll view, inside the
// screen). Failures list the screen, the size and the target.
#include "support/assumed_screens.h"
#include "support/ui_harness.h"
#include "ui/key_focus.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <functional>
#include <sstream>

namespace core = kiosk::core;
using namespace kiosk::ui;
using kiosk::test::AssumedScreen;
using kiosk::ui::test::BundledPack;
using kiosk::ui::test::UiHarness;

namespace
{
constexpr float kMinTargetMm = 9.0f;
constexpr float kMinGapMm = 2.0f;

// Distance between two rectangles (0 when they touch or overlap).
float Gap(const HitArea& a, const HitArea& b)
{
    const float dx = std::max({0.0f, b.x0 - a.x1, a.x0 - b.x1});
    const float dy = std::max({0.0f, b.y0 - a.y1, a.y0 - b.y1});
    return std::max(dx, dy);
}

// Checks the targets drawn in the harness's last frame; appends one line per problem.
void CheckTargets(UiHarness& h, const AssumedScreen& screen, const std::string& where, std::vector<std::string>* out)
{
    const float px_per_mm = static_cast<float>(screen.width_px) / screen.width_mm;
    const float w = static_cast<float>(screen.width_px), ht = static_cast<float>(screen.height_px);
    auto fail = [&](const std::string& what)
    {
        std::ostringstream s;
        s << screen.width_px << "x" << screen.height_px << " " << where << ": " << what;
        out->push_back(s.str());
    };
    const std::vector<HitArea> targets = FocusTargets(h.hits, h.metrics); // no scrims or canvases
    for (const HitArea& a : targets)
    {
        if (a.x1 <= a.x0)
            continue; // scrolled out of view: checked where it scrolls in
        const float w_mm = (a.full_x1 - a.full_x0) / px_per_mm, h_mm = (a.full_y1 - a.full_y0) / px_per_mm;
        if (w_mm < kMinTargetMm - 0.05f || h_mm < kMinTargetMm - 0.05f)
        {
            std::ostringstream s;
            s.precision(3);
            s << a.id << " is " << w_mm << " x " << h_mm << " mm";
            fail(s.str());
        }
        if (a.x0 < -0.5f || a.y0 < -0.5f || a.x1 > w + 0.5f || a.y1 > ht + 0.5f)
            fail(a.id + " is partly off screen");
        const bool clipped =
            a.x0 > a.full_x0 + 0.5f || a.y0 > a.full_y0 + 0.5f || a.x1 < a.full_x1 - 0.5f || a.y1 < a.full_y1 - 0.5f;
        const bool in_scroll_view = a.clip_x0 > -0.5f && a.clip_y0 > -0.5f && a.clip_x1 < w + 0.5f &&
                                    a.clip_y1 < ht + 0.5f && (a.clip_y1 - a.clip_y0 < ht - 0.5f || a.clip_y0 > 0.5f);
        if (clipped && !in_scroll_view)
            fail(a.id + " is cut off by the screen's edge");
    }
    for (size_t i = 0; i < targets.size(); ++i)
        for (size_t j = i + 1; j < targets.size(); ++j)
        {
            const HitArea &a = targets[i], &b = targets[j];
            if (a.x1 <= a.x0 || b.x1 <= b.x0)
                continue;
            // Glossary words inside a sentence (WCAG 2.5.8's inline exception): each is a full
            // 9 mm target, but words on neighbouring lines cannot be 2 mm apart.
            if (a.id.rfind("term:", 0) == 0 && b.id.rfind("term:", 0) == 0)
                continue;
            // Flowchart nodes pan under the floating zoom controls: there the control takes the
            // tap (pathway_screen.cpp ignores node taps on the controls) and the node can be
            // dragged clear, so the pair is not two targets competing for one finger.
            const bool a_node = a.id.rfind("pathway:node:", 0) == 0, b_node = b.id.rfind("pathway:node:", 0) == 0;
            const auto floating = [](const std::string& id)
            { return id == "pathway:zoom-in" || id == "pathway:zoom-out" || id == "pathway:fit"; };
            if ((a_node && floating(b.id)) || (b_node && floating(a.id)))
                continue;
            const float gap_mm = Gap(a, b) / px_per_mm;
            if (gap_mm < kMinGapMm - 0.05f)
            {
                std::ostringstream s;
                s.precision(3);
                s << a.id << " and " << b.id << " are " << gap_mm << " mm apart";
                fail(s.str());
            }
        }
}

struct ScreenCase
{
    const char* name;
    std::function<void(UiHarness&)> open;
};

std::vector<ScreenCase> Screens(const core::ContentPack& pack)
{
    const std::string role = pack.roles.front().id;
    const std::string last_role = pack.roles.back().id;
    const std::string term = pack.glossary.terms.empty() ? std::string() : pack.glossary.terms.front().id;
    return {
        {"home", [](UiHarness&) {}},
        {"role", [role](UiHarness& h) { h.Act(core::OpenRole{role}); }},
        {"role (last)", [last_role](UiHarness& h) { h.Act(core::OpenRole{last_role}); }},
        {"gallery",
         [](UiHarness& h) {
             h.Act(core::OpenGallery{"", 0});
         }},
        {"pathway", [](UiHarness& h) { h.Act(core::OpenPathway{}); }},
        {"pathway:stp",
         [](UiHarness& h) {
             h.Act(core::OpenPathway{"stp", "", ""});
         }},
        {"quiz", [](UiHarness& h) { h.Act(core::StartQuiz{}); }},
        {"glossary card",
         [role, term](UiHarness& h)
         {
             h.Act(core::OpenRole{role});
             if (!term.empty())
                 h.Act(core::OpenGlossaryTerm{term});
         }},
    };
}
} // namespace

TEST_CASE("every target is at least 9 mm, 2 mm apart and on screen, at every size, language and text size",
          "[ui][targets]")
{
    auto pack = BundledPack();
    std::vector<std::string> problems;
    for (const AssumedScreen& screen : kiosk::test::AssumedScreens())
        for (const char* lang : {"en", "cy"})
            for (bool larger : {false, true})
                for (const ScreenCase& sc : Screens(*pack))
                {
                    UiHarness h(static_cast<float>(screen.width_px), static_cast<float>(screen.height_px), pack);
                    h.physical_mm_w = screen.width_mm;
                    h.physical_mm_h = screen.height_mm;
                    h.Act(core::SetLanguage{lang});
                    if (larger)
                        h.Act(core::ToggleLargerText{});
                    sc.open(h);
                    h.Settle(240);
                    const std::string where = std::string(sc.name) + " " + lang + (larger ? " larger" : "");
                    CheckTargets(h, screen, where + " (top)", &problems);
                    // The rest of a scrolling screen: scrolled to the end.
                    h.view.scroll_y = h.view.home_scroll_y = 1e7f;
                    h.Settle(240);
                    CheckTargets(h, screen, where + " (end)", &problems);
                }
    std::sort(problems.begin(), problems.end());
    problems.erase(std::unique(problems.begin(), problems.end()), problems.end());
    std::ostringstream all;
    for (size_t i = 0; i < problems.size() && i < 400; ++i)
        all << problems[i] << "\n";
    INFO(problems.size() << " problem(s):\n" << all.str());
    CHECK(problems.empty());
}
