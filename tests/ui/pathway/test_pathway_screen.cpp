// The pathway flowchart driven like a visitor would: start chips light exact routes, drags pan
// without opening anything, taps open the details sheet, its role cards open roles, the role
// page's "How do I get here?" lights the routes into the role, zoom buttons and double taps.
#include "core/pathway/pathway_highlight.h"
#include "support/pathway_test_util.h"
#include "ui/pathway/pathway_scene.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::BundledPack;
using kiosk::ui::test::OpenFlowchart;
using kiosk::ui::test::UiHarness;
using Ids = std::vector<std::string>;

namespace
{
bool Opened(const UiHarness& h, const std::string& description_prefix)
{
    for (const core::VisitAction& a : h.actions)
        if (DescribeAction(a).rfind(description_prefix, 0) == 0)
            return true;
    return false;
}

ImVec2 CanvasPoint(const UiHarness& h, float fx, float fy)
{
    const HitArea* c = h.Find("pathway:canvas");
    REQUIRE(c);
    return ImVec2(c->x0 + fx * c->Width(), c->y0 + fy * c->Height());
}
} // namespace

TEST_CASE("a start chip lights exactly its routes; the lit chip again clears them", "[ui][pathway]")
{
    UiHarness h(1920, 1080, BundledPack());
    OpenFlowchart(h);
    CHECK(PathwayLitNodeIds(*h.pack, h.State()).empty());
    REQUIRE(h.TapId("pathway:start:have-a-degree"));
    h.Settle();
    CHECK(h.State().pathway.lit_start == "have-a-degree");
    CHECK(PathwayLitNodeIds(*h.pack, h.State()) ==
          Ids{"hospital-technologist-post", "higher-degree", "ipem-training-scheme", "distance-learning-degree",
              "stp-application", "stp", "technologist-job", "hcpc-registration", "experienced-technologist",
              "clinical-engineer-job", "senior-technologist", "teaching-and-research", "chartered-engineer"});
    // The lit routes are framed: the start point's first steps are on screen.
    CHECK(h.Find("pathway:node:hospital-technologist-post"));
    CHECK(h.Find("pathway:node:stp-application"));
    CHECK(Opened(h, "pathway-start:have-a-degree"));

    REQUIRE(h.TapId("pathway:start:changing-career"));
    h.Settle();
    const Ids adult = PathwayLitNodeIds(*h.pack, h.State());
    CHECK(adult.size() == 21);
    CHECK(adult.front() == "access-to-science");
    CHECK(std::find(adult.begin(), adult.end(), "gcses") == adult.end());

    REQUIRE(h.TapId("pathway:start:changing-career"));
    h.Settle();
    CHECK(h.State().pathway.lit_start.empty());
    CHECK(PathwayLitNodeIds(*h.pack, h.State()).empty());
    CHECK(h.State().screen == core::ScreenId::Pathway);
}

TEST_CASE("a drag across the canvas pans the flowchart and opens nothing", "[ui][pathway]")
{
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}, {800.f, 480.f}})
    {
        INFO(w << "x" << ht);
        UiHarness h(w, ht, BundledPack());
        OpenFlowchart(h);
        // Start the drag on a node, so a drag that tapped would open it.
        const std::vector<HitArea> nodes = h.hits.WithPrefix("pathway:node:");
        REQUIRE_FALSE(nodes.empty());
        const HitArea* canvas = h.Find("pathway:canvas");
        const HitArea* start = nullptr;
        for (const HitArea& n : nodes)
            if (n.CenterX() > canvas->x0 + 0.55f * canvas->Width() && n.Width() > 0.9f * (n.full_x1 - n.full_x0) &&
                n.Height() > 0.9f * (n.full_y1 - n.full_y0))
                start = &n;
        if (!start)
            start = &nodes.front();
        const HitArea before = *start;
        const ImVec2 from(before.CenterX(), before.CenterY());
        const ImVec2 to(from.x - 0.3f * canvas->Width(), from.y - 0.15f * canvas->Height());
        h.Drag(from, to, 12);
        CHECK(h.State().pathway.selected.empty());
        CHECK_FALSE(h.Find("pathway:sheet-close"));
        CHECK_FALSE(Opened(h, "pathway-node:"));
        h.Settle();
        const HitArea* after = h.Find(before.id);
        // The content moved with the finger: left (a node gone from view went off the left), unless the
        // view already showed the graph's right edge (then not at all, and a drag right must move it);
        // never against the finger.
        const float moved_x = after ? after->full_x0 - before.full_x0 : -1e9f;
        CHECK(moved_x <= 0.5f);
        if (moved_x > -0.1f * canvas->Width() && after)
        {
            const HitArea again = *after;
            const ImVec2 grab(again.CenterX(), again.CenterY());
            h.Drag(grab, ImVec2(grab.x + 0.3f * canvas->Width(), grab.y), 12);
            CHECK_FALSE(Opened(h, "pathway-node:"));
            h.Settle();
            const HitArea* back = h.Find(before.id);
            CHECK((back ? back->full_x0 - again.full_x0 : 1e9f) > 0.1f * canvas->Width()); // gone: off the right
        }
        const HitArea* any =
            h.hits.WithPrefix("pathway:node:").empty() ? nullptr : &h.hits.WithPrefix("pathway:node:")[0];
        CHECK(any);
        CHECK(h.State().screen == core::ScreenId::Pathway);
        // Still means no frames.
        CHECK_FALSE(h.Frame().animating);
    }
}

TEST_CASE("a fling glides on after the finger lifts, then stops", "[ui][pathway]")
{
    UiHarness h(1920, 1080, BundledPack());
    OpenFlowchart(h);
    const ImVec2 a = CanvasPoint(h, 0.8f, 0.5f), b = CanvasPoint(h, 0.4f, 0.5f);
    h.Drag(a, b, 4); // fast: 4 frames
    const float x_at_release = h.view.pathway.centre_x;
    CHECK(h.last.animating);
    h.Frames(5);
    CHECK(h.view.pathway.centre_x > x_at_release); // still moving right through the content
    CHECK(h.Settle(600) < 600);
    CHECK_FALSE(h.Frame().animating);
}

TEST_CASE("tapping a node opens its sheet; a role card opens the role; Back returns to the sheet", "[ui][pathway]")
{
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}})
    {
        INFO(w << "x" << ht);
        UiHarness h(w, ht, BundledPack());
        OpenFlowchart(h, core::OpenPathway{"stp", "", ""}); // centres the STP and opens its sheet
        REQUIRE(h.TapId("pathway:sheet-close"));
        h.Settle();
        CHECK(h.State().pathway.selected.empty());
        CHECK_FALSE(h.Find("pathway:sheet-close"));
        REQUIRE(h.TapId("pathway:node:stp"));
        h.Settle();
        CHECK(h.State().pathway.selected == "stp");
        CHECK(Opened(h, "pathway-node:stp"));
        REQUIRE(h.Find("pathway:sheet-close"));
        CHECK(h.hits.Drew("A graduate NHS training post."));
        // The sheet never hides the node it describes.
        const HitArea* node = h.Find("pathway:node:stp");
        REQUIRE(node);
        CHECK(node->Width() > 0.9f * (node->full_x1 - node->full_x0));
        const HitArea* role = h.Find("pathway:sheet-role:clinical-engineer");
        REQUIRE(role);
        REQUIRE(h.TapId("pathway:sheet-role:clinical-engineer"));
        CHECK(h.State().screen == core::ScreenId::Role);
        CHECK(h.State().role_id == "clinical-engineer");
        REQUIRE(h.TapId("nav:back"));
        CHECK(h.State().screen == core::ScreenId::Pathway);
        CHECK(h.State().pathway.selected == "stp");
        h.Frame();
        CHECK(h.Find("pathway:sheet-close"));
    }
}

TEST_CASE("the sheet's next steps walk the route node by node", "[ui][pathway]")
{
    UiHarness h(1920, 1080, BundledPack());
    OpenFlowchart(h, core::OpenPathway{"science-degree", "", ""});
    REQUIRE(h.Find("pathway:sheet-next:stp-application"));
    REQUIRE(h.TapId("pathway:sheet-next:stp-application"));
    h.Settle();
    CHECK(h.State().pathway.selected == "stp-application");
    const HitArea* node = h.Find("pathway:node:stp-application");
    REQUIRE(node);
    CHECK(node->Width() > 0.9f * (node->full_x1 - node->full_x0)); // brought into view
    CHECK(h.State().history.size() == 1);                          // in place: Back still leaves the flowchart
}

TEST_CASE("How do I get here? on a role page lights every route into the role", "[ui][pathway]")
{
    UiHarness h(1920, 1080, BundledPack());
    h.Frame();
    h.Act(core::OpenRole{"clinical-engineer"});
    h.Frame();
    REQUIRE(h.TapId("role:pathway"));
    CHECK(h.State().screen == core::ScreenId::Pathway);
    CHECK(h.State().pathway.lit_role == "clinical-engineer");
    REQUIRE(kiosk::ui::test::WaitForFlowchart(h));
    h.Settle();
    CHECK(PathwayLitNodeIds(*h.pack, h.State()) ==
          Ids{"gcses", "access-to-science", "a-levels", "scottish-highers", "btec-level-3",
              "international-baccalaureate", "university-application", "science-degree", "meng-degree", "higher-degree",
              "stp-application", "stp", "hcpc-registration", "clinical-engineer-job", "teaching-and-research",
              "chartered-engineer", "national-5"});
    // Framed: the lit routes' first steps are on screen and nothing is selected.
    CHECK(h.Find("pathway:node:gcses"));
    CHECK(h.State().pathway.selected.empty());
    REQUIRE(h.TapId("nav:back"));
    CHECK(h.State().screen == core::ScreenId::Role);
}

TEST_CASE("an entry route centres its node, selects it and lights its routes to the role", "[ui][pathway]")
{
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}, {800.f, 480.f}, {3840.f, 2160.f}})
    {
        INFO(w << "x" << ht);
        UiHarness h(w, ht, BundledPack());
        OpenFlowchart(h, core::OpenPathway{"meng-degree", "", "clinical-engineer"});
        CHECK(h.State().pathway.selected == "meng-degree");
        const HitArea* node = h.Find("pathway:node:meng-degree");
        REQUIRE(node);
        CHECK(node->Width() > 0.99f * (node->full_x1 - node->full_x0));
        CHECK(node->Height() > 0.99f * (node->full_y1 - node->full_y0));
        const Ids lit = PathwayLitNodeIds(*h.pack, h.State());
        CHECK(std::find(lit.begin(), lit.end(), "chartered-engineer") != lit.end());
        CHECK(std::find(lit.begin(), lit.end(), "ptp-bsc") == lit.end());
    }
}

TEST_CASE("zoom buttons, Show all and a double tap change the zoom smoothly", "[ui][pathway]")
{
    UiHarness h(1920, 1080, BundledPack());
    OpenFlowchart(h);
    const float z0 = h.view.pathway.zoom;
    CHECK(z0 >= 1.0f);
    REQUIRE(h.TapId("pathway:zoom-in"));
    h.Frame();
    CHECK(h.last.animating); // animated, not a jump
    h.Settle();
    CHECK(h.view.pathway.zoom == Approx(1.5f * z0).epsilon(0.01));
    REQUIRE(h.TapId("pathway:zoom-out"));
    h.Settle();
    REQUIRE(h.TapId("pathway:zoom-out"));
    h.Settle();
    CHECK(h.view.pathway.zoom < z0);
    // Show all: the whole flowchart in one tap from anywhere (here zoomed in); pressed again
    // there, back to the readable fit.
    REQUIRE(h.TapId("pathway:zoom-in"));
    h.Settle();
    REQUIRE(h.TapId("pathway:fit"));
    h.Settle();
    CHECK(h.hits.WithPrefix("pathway:node:").size() == h.pack->pathway.nodes.size());
    REQUIRE(h.TapId("pathway:fit"));
    h.Settle();
    CHECK(h.view.pathway.zoom == Approx(z0).epsilon(0.01));

    // Double tap on an empty part of the canvas: zoom x2 around the tap point.
    ImVec2 p;
    bool found = false;
    for (float fy = 0.1f; fy < 0.9f && !found; fy += 0.05f)
        for (float fx = 0.1f; fx < 0.6f && !found; fx += 0.05f)
        {
            p = CanvasPoint(h, fx, fy);
            found = true;
            for (const HitArea& n : h.hits.WithPrefix("pathway:node:"))
                found &= !(p.x >= n.x0 && p.x < n.x1 && p.y >= n.y0 && p.y < n.y1);
        }
    REQUIRE(found);
    const float z1 = h.view.pathway.zoom;
    h.Tap(p.x, p.y);
    h.Tap(p.x, p.y);
    h.Settle();
    CHECK(h.view.pathway.zoom == Approx(std::min(2.0f * z1, 2.5f)).epsilon(0.01));
    CHECK(h.State().pathway.selected.empty());
}

TEST_CASE("the flowchart falls back gracefully on a stale node or role", "[ui][pathway]")
{
    UiHarness h(1280, 800, BundledPack());
    OpenFlowchart(h, core::OpenPathway{"no-such-node", "no-such-start", "no-such-role"});
    CHECK(h.State().pathway.selected.empty());
    CHECK(PathwayLitNodeIds(*h.pack, h.State()).empty());
    CHECK(h.Find("pathway:start:choosing-gcses"));
}

TEST_CASE("an entry route in the test pack opens the flowchart at its node", "[ui][pathway]")
{
    UiHarness h(1280, 800);
    OpenFlowchart(h, core::OpenPathway{"ptp", "", "clinical-engineer"});
    CHECK(h.hits.Drew("Practitioner Training Programme"));
    CHECK(h.Find("pathway:node:ptp"));
    CHECK(h.Find("pathway:sheet-close"));
}

TEST_CASE("pathway screen CPU time per frame (bundled content)", "[.][frame-cost]")
{
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {3840.f, 2160.f}, {1080.f, 1920.f}})
    {
        UiHarness h(w, ht, BundledPack());
        h.hits.capture_text = false;
        OpenFlowchart(h, core::OpenPathway{"", "at-university", ""});
        const int n = 200;
        const auto t0 = std::chrono::steady_clock::now();
        h.Frames(n);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / n;
        WARN("pathway " << w << "x" << ht << ": " << ms << " ms per frame (NewFrame+DrawUi+Render), "
                        << ImGui::GetDrawData()->TotalVtxCount << " vertices");
    }
}

TEST_CASE("pathway scene build and 1000-node frame cost", "[.][frame-cost]")
{
    for (const bool large : {false, true})
    {
        auto pack = large ? std::shared_ptr<const kiosk::core::ContentPack>(kiosk::ui::test::GeneratedPathwayPack(1000))
                          : BundledPack();
        UiHarness h(1920, 1080, pack);
        h.hits.capture_text = false;
        h.Frame();
        const UiContext ctx = kiosk::ui::test::ContextOf(h);
        const int runs = large ? 5 : 50;
        PathwayScene scene;
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < runs; ++i)
            scene = BuildPathwayScene(ctx, kiosk::core::LayoutDirection::LeftToRight);
        const double build_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / runs;
        WARN((large ? "generated 1000" : "bundled")
             << ": scene (measure + layout + labels) " << build_ms << " ms, " << scene.nodes.size() << " nodes, "
             << scene.edges.size() << " edges, " << scene.crossings << " crossings, " << scene.layer_count
             << " layers");
        OpenFlowchart(h, core::OpenPathway{"", large ? "sources" : "at-university", ""});
        for (float zoom : {1.0f, 0.4f, 0.1f, 0.03f})
        {
            h.view.pathway.zoom = zoom;
            h.Frames(3);
            const int n = 100;
            const auto f0 = std::chrono::steady_clock::now();
            h.Frames(n);
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - f0).count() / n;
            WARN("  zoom " << h.view.pathway.zoom << ": " << ms << " ms per frame, "
                           << ImGui::GetDrawData()->TotalVtxCount << " vertices, "
                           << h.hits.WithPrefix("pathway:node:").size() << " nodes on screen");
        }
    }
}
