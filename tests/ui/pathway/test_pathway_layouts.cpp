// The flowchart at every target size: text at least 1 em at the default fit, touch targets at
// least touch_min, colours with enough contrast, zero crossings for the bundled pathway, and a
// generated 1000-node pathway that renders within ImGui 1.86's 16-bit vertex indices at every zoom.
#include "support/pathway_test_util.h"
#include "ui/metrics.h"
#include "ui/pathway/pathway_camera.h"
#include "ui/pathway/pathway_scene.h"
#include "ui/pathway/pathway_style.h"
#include "ui/theme.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::BundledPack;
using kiosk::ui::test::MaxDrawListVertices;
using kiosk::ui::test::OpenFlowchart;
using kiosk::ui::test::SceneOf;
using kiosk::ui::test::UiHarness;

namespace
{
const std::pair<float, float> kSizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

// Buttons and chips: at least touch_min and on screen. Nodes: at least touch_min (they may run
// off the canvas: the visitor pans to them).
void CheckTargets(const UiHarness& h)
{
    INFO(h.metrics.screen_w << "x" << h.metrics.screen_h);
    for (const HitArea& a : h.hits.Areas())
    {
        INFO(a.id);
        CHECK(a.full_x1 - a.full_x0 >= h.metrics.touch_min - 0.5f);
        CHECK(a.full_y1 - a.full_y0 >= h.metrics.touch_min - 0.5f);
        if (a.id.rfind("pathway:node:", 0) == 0 || a.id == "pathway:canvas")
            continue;
        if (a.id.rfind("pathway:sheet-", 0) == 0 && a.id != "pathway:sheet-close")
        {
            // In the sheet's scrolled body: what shows is on screen.
            CHECK(a.y1 <= h.metrics.screen_h);
            CHECK(a.x1 <= h.metrics.screen_w);
            continue;
        }
        CHECK(a.full_x0 >= 0.0f);
        CHECK(a.full_y0 >= 0.0f);
        CHECK(a.full_x1 <= h.metrics.screen_w);
        CHECK(a.full_y1 <= h.metrics.screen_h);
    }
}
} // namespace

TEST_CASE("at every size the default fit keeps node text at 1 em and targets at touch size", "[ui][pathway][layout]")
{
    for (auto [w, ht] : kSizes)
        for (bool larger : {false, true})
        {
            INFO(w << "x" << ht << (larger ? " larger text" : ""));
            UiHarness h(w, ht, BundledPack());
            if (larger)
                h.Act(core::ToggleLargerText{});
            OpenFlowchart(h);
            CHECK(h.view.pathway.zoom >= kReadableZoom);
            CHECK(h.hits.WithPrefix("pathway:node:").size() >= 3);
            REQUIRE(h.hits.WithPrefix("pathway:start:").size() == h.pack->pathway.starts.size());
            CHECK(h.Find("pathway:zoom-in"));
            CHECK(h.Find("pathway:zoom-out"));
            CHECK(h.Find("pathway:fit"));
            CheckTargets(h);
            // The start chips sit in the lower part of a tall screen, within reach.
            if (ht > w)
                for (const HitArea& a : h.hits.WithPrefix("pathway:start:"))
                    CHECK(a.y0 > ht / 3.0f);
            // With a node's sheet open.
            const std::string first = h.hits.WithPrefix("pathway:node:").front().id;
            REQUIRE(h.TapId(first));
            h.Settle();
            REQUIRE(h.Find("pathway:sheet-close"));
            CheckTargets(h);
            CHECK(h.view.pathway.zoom >= kReadableZoom);
            // The zoom controls stay clear of the sheet.
            const HitArea* fit = h.Find("pathway:fit");
            const HitArea* close = h.Find("pathway:sheet-close");
            REQUIRE(fit);
            CHECK((fit->x1 <= close->x0 || fit->y1 <= close->y0 || fit->x0 >= close->x1 || fit->y0 >= close->y1));
        }
}

TEST_CASE("node and label colours keep their text readable in both themes", "[ui][pathway][layout]")
{
    for (bool hc : {false, true})
    {
        const Palette p = MakePalette(kiosk::core::Theme{}, hc);
        for (const std::string& kind : PathwayKinds())
            for (NodeState s : {NodeState::Normal, NodeState::Lit, NodeState::Dimmed})
                for (bool selected : {false, true})
                {
                    INFO(kind << " state " << static_cast<int>(s) << (hc ? " high contrast" : ""));
                    const NodeColors c = PathwayNodeColors(p, kind, s, selected);
                    const float need = s == NodeState::Dimmed ? 3.0f : 4.5f;
                    CHECK(ContrastRatio(c.text, c.fill) >= need);
                    CHECK(ContrastRatio(c.header_text, c.header) >= need);
                }
        for (NodeState s : {NodeState::Normal, NodeState::Lit, NodeState::Dimmed})
        {
            const EdgeColors e = PathwayEdgeColors(p, s);
            CHECK(ContrastRatio(e.label_text, e.label_fill) >= (s == NodeState::Dimmed ? 3.0f : 4.5f));
            if (s != NodeState::Dimmed)
                CHECK(ContrastRatio(e.line, p.background) >= 3.0f); // lines are graphics: 3:1
        }
    }
}

TEST_CASE("the bundled pathway is laid out with zero crossings in both directions", "[ui][pathway][layout]")
{
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}})
    {
        UiHarness h(w, ht, BundledPack());
        h.Frame(); // fonts
        const PathwayScene scene = SceneOf(h);
        INFO(w << "x" << ht << ": " << scene.layer_count << " layers");
        CHECK(scene.crossings == 0);
        CHECK(scene.nodes.size() == h.pack->pathway.nodes.size());
        CHECK(scene.edges.size() == h.pack->pathway.edges.size());
        // No two node boxes overlap.
        for (size_t i = 0; i < scene.nodes.size(); ++i)
            for (size_t j = i + 1; j < scene.nodes.size(); ++j)
            {
                const SceneNode &a = scene.nodes[i], &b = scene.nodes[j];
                CHECK_FALSE((a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y));
            }
        // Node text never wraps beyond the box.
        for (const SceneNode& n : scene.nodes)
            for (const std::string& line : n.title_lines)
                CHECK(h.fonts.body_bold->CalcTextSizeA(h.fonts.body_bold->FontSize, FLT_MAX, 0.0f, line.c_str()).x <=
                      n.max.x - n.min.x - 2.0f * scene.m.pad_x + 0.5f);
    }
}

TEST_CASE("a generated 1000-node pathway renders within 16-bit vertex indices at every zoom", "[ui][pathway][layout]")
{
    auto pack = kiosk::ui::test::GeneratedPathwayPack(1000);
    REQUIRE(pack->pathway.edges.size() > 1000);
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {3840.f, 2160.f}, {800.f, 480.f}})
    {
        INFO(w << "x" << ht);
        UiHarness h(w, ht, pack);
        OpenFlowchart(h, core::OpenPathway{"", "sources", ""});
        CHECK(MaxDrawListVertices() < 65536);
        CHECK(h.view.pathway.zoom >= kReadableZoom);
        // Zoom out step by step to the whole graph, checking every frame of the animations.
        int most = 0;
        for (int i = 0; i < 14; ++i)
        {
            REQUIRE(h.TapId("pathway:zoom-out"));
            for (int f = 0; f < 40 && h.Frame().animating; ++f)
                most = std::max(most, MaxDrawListVertices());
            most = std::max(most, MaxDrawListVertices());
        }
        INFO("zoom " << h.view.pathway.zoom);
        CHECK(h.view.pathway.zoom < 0.1f);
        CHECK(most < 65536);
        // Fixed zoom levels, the camera on the node nearest the middle of the graph (the middle itself
        // may be open space between long edges), nothing lit and everything lit.
        const PathwayScene scene = SceneOf(h);
        const ImVec2 middle((scene.bounds_min.x + scene.bounds_max.x) / 2.0f,
                            (scene.bounds_min.y + scene.bounds_max.y) / 2.0f);
        ImVec2 aim = middle;
        float nearest = FLT_MAX;
        for (const SceneNode& n : scene.nodes)
        {
            const ImVec2 c((n.min.x + n.max.x) / 2.0f, (n.min.y + n.max.y) / 2.0f);
            const float d = (c.x - middle.x) * (c.x - middle.x) + (c.y - middle.y) * (c.y - middle.y);
            if (d < nearest)
            {
                nearest = d;
                aim = c;
            }
        }
        for (const char* start : {"", "sources"})
            for (float zoom : {2.5f, 1.0f, 0.6f, 0.4f, 0.25f, 0.15f, 0.08f, 0.03f})
            {
                if (h.State().pathway.lit_start != start)
                    h.Act(core::PathwayStartChosen{start});
                h.view.pathway.reframe = core::PathwayFraming::None; // the zoom below is the test's
                h.view.pathway.zoom = zoom;
                h.view.pathway.centre_x = aim.x; // clamped into the graph by the screen
                h.view.pathway.centre_y = aim.y;
                h.Frame();
                h.Frame();
                INFO("zoom " << zoom << " start '" << start << "'");
                CHECK(MaxDrawListVertices() < 65536);
                CHECK_FALSE(h.hits.WithPrefix("pathway:node:").empty());
            }
    }
}

TEST_CASE("large graphs are laid out off the UI thread", "[ui][pathway][layout]")
{
    auto pack = kiosk::ui::test::GeneratedPathwayPack(600);
    UiHarness h(1920, 1080, pack);
    h.Frame();
    h.Act(core::OpenPathway{});
    PathwaySceneCache::Shared().Clear();
    const UiFrame& first = h.Frame();
    // The first frame does not wait for the layout: it asks for more frames and shows no nodes yet.
    CHECK(first.animating);
    CHECK(h.hits.WithPrefix("pathway:node:").empty());
    CHECK(PathwaySceneCache::Shared().Pending());
    REQUIRE(kiosk::ui::test::WaitForFlowchart(h));
    CHECK_FALSE(PathwaySceneCache::Shared().Pending());
}
