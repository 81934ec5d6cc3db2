// The first view of a flowchart an editor did not expect: generated pathways of 10, 50, 150 and
// 400 nodes at the five target sizes. Nothing covers anything (node boxes, condition labels, the
// legend, the start chips, the zoom controls, the bar), no box is cut by the canvas edge where
// the chart starts (the top, under the legend, for a chart running down), the text is
// readable, a start point is whole in view, and "Show all" is one tap away.
#include "support/pathway_test_util.h"
#include "ui/pathway/pathway_camera.h"
#include "ui/pathway/pathway_regions.h"
#include "ui/pathway/pathway_scene.h"
#include "ui/screens/chrome.h"
#include "ui/ui_strings.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cfloat>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::ContextOf;
using kiosk::ui::test::OpenFlowchart;
using kiosk::ui::test::SceneOf;
using kiosk::ui::test::UiHarness;

namespace
{
const std::pair<float, float> kSizes[] = {{800, 480}, {1280, 800}, {1920, 1080}, {1080, 1920}, {3840, 2160}};

struct Rect
{
    ImVec2 min, max;
};

bool Overlap(const Rect& a, const Rect& b)
{
    // Touching edges are not an overlap; half a pixel of rounding is forgiven.
    return a.min.x < b.max.x - 0.5f && b.min.x < a.max.x - 0.5f && a.min.y < b.max.y - 0.5f && b.min.y < a.max.y - 0.5f;
}

bool Inside(const Rect& a, const Rect& b)
{
    return a.min.x >= b.min.x - 0.5f && a.min.y >= b.min.y - 0.5f && a.max.x <= b.max.x + 0.5f &&
           a.max.y <= b.max.y + 0.5f;
}

Rect Visible(const HitArea& a)
{
    return Rect{ImVec2(a.x0, a.y0), ImVec2(a.x1, a.y1)};
}

Rect LabelRect(const SceneEdge& e)
{
    return Rect{ImVec2(e.label_centre.x - 0.5f * e.label_size.x, e.label_centre.y - 0.5f * e.label_size.y),
                ImVec2(e.label_centre.x + 0.5f * e.label_size.x, e.label_centre.y + 0.5f * e.label_size.y)};
}

// The condition labels a scene places (edges long enough to carry one), and how many of them
// overlap a node box or another label.
struct LabelOverlaps
{
    size_t labels = 0;
    int on_nodes = 0, on_labels = 0;
};

LabelOverlaps CountLabelOverlaps(const PathwayScene& scene)
{
    std::vector<Rect> labels;
    for (const SceneEdge& e : scene.edges)
        if (!e.label_lines.empty() && e.points.size() >= 4)
            labels.push_back(LabelRect(e));
    LabelOverlaps out;
    out.labels = labels.size();
    for (size_t i = 0; i < labels.size(); ++i)
    {
        for (const SceneNode& n : scene.nodes)
            out.on_nodes += Overlap(labels[i], Rect{n.min, n.max});
        for (size_t j = i + 1; j < labels.size(); ++j)
            out.on_labels += Overlap(labels[i], labels[j]);
    }
    return out;
}

// The pathway screen's regions as the screen lays them out (no sheet open).
PathwayRegions RegionsOf(const UiHarness& h)
{
    const UiContext ctx = ContextOf(h);
    return LayoutPathwayRegions(ctx, LayoutChrome(ctx, TopBarSpec{true, true, Tr(ctx, "pathway.title")}), nullptr);
}

// A pathway pack in a visitor's language and text size.
struct Variant
{
    const char* name;
    const char* language;
    bool larger_text;
};
const Variant kVariants[] = {{"English", "en", false}, {"Welsh, larger text", "cy", true}};

void Apply(UiHarness& h, const Variant& v)
{
    h.Frame();
    h.Act(core::SetLanguage{v.language});
    if (v.larger_text)
        h.Act(core::ToggleLargerText{});
    h.Frame();
    REQUIRE(h.State().language == v.language);
    REQUIRE(h.State().larger_text == v.larger_text);
}

// The view opened at a start point whose first node is `first_id`: that box whole inside the
// visible canvas, clear of the bar, the legend, the chips, the zoom controls and every other
// control; its text at least the body size; "Show all" on screen.
void CheckOpensAt(const UiHarness& h, const std::string& first_id)
{
    const PathwayRegions r = RegionsOf(h);
    const HitArea* canvas = h.Find("pathway:canvas");
    REQUIRE(canvas);
    // The regions computed here are the ones the screen drew.
    CHECK(canvas->x0 == Approx(r.view_min.x).margin(0.5));
    CHECK(canvas->y0 == Approx(r.view_min.y).margin(0.5));
    CHECK(canvas->x1 == Approx(r.view_max.x).margin(0.5));
    CHECK(canvas->y1 == Approx(r.view_max.y).margin(0.5));

    const HitArea* start = h.Find("pathway:node:" + first_id);
    INFO("start node " << first_id);
    REQUIRE(start);
    const Rect box{ImVec2(start->full_x0, start->full_y0), ImVec2(start->full_x1, start->full_y1)};
    INFO("its box " << box.min.x << "," << box.min.y << " .. " << box.max.x << "," << box.max.y << " in the view "
                    << r.view_min.x << "," << r.view_min.y << " .. " << r.view_max.x << "," << r.view_max.y);
    CHECK(box.min.x >= r.view_min.x - 0.5f);
    CHECK(box.min.y >= r.view_min.y - 0.5f);
    CHECK(box.max.x <= r.view_max.x + 0.5f);
    CHECK(box.max.y <= r.view_max.y + 0.5f);
    CHECK_FALSE(Overlap(box, Rect{ImVec2(0.0f, 0.0f), ImVec2(h.metrics.screen_w, r.bar_h)}));
    if (r.legend)
        CHECK_FALSE(Overlap(box, Rect{r.legend_min, r.legend_max}));
    if (r.chips)
        CHECK_FALSE(Overlap(box, Rect{r.chips_min, r.chips_max}));
    CHECK_FALSE(Overlap(box, Rect{r.controls_min, r.controls_max}));
    for (const HitArea& a : h.hits.Areas())
        if (a.id.rfind("pathway:node:", 0) != 0 && a.id != "pathway:canvas")
        {
            INFO(a.id);
            CHECK_FALSE(Overlap(box, Rect{ImVec2(a.full_x0, a.full_y0), ImVec2(a.full_x1, a.full_y1)}));
        }

    // Legible: the chart's text is drawn at em * zoom pixels. The floor is the body text size
    // (zoom kReadableZoom = 1 em), which the metrics keep at 2.5 % of the screen's shorter side
    // or more (STYLE.md: body text never below that, about 27 px at 1080p; 12 px at 800x480
    // is too small to read at arm's length on a 7-inch panel).
    const float text_px = h.metrics.em * h.view.pathway.zoom;
    INFO("text " << text_px << " px, em " << h.metrics.em);
    CHECK(h.view.pathway.zoom >= kReadableZoom - 1e-3f);
    CHECK(text_px >= 0.025f * std::min(h.metrics.screen_w, h.metrics.screen_h) - 0.01f);

    // "Show all" one tap away, on the chip panel.
    const HitArea* fit = h.Find("pathway:fit");
    REQUIRE(fit);
    CHECK(fit->x0 == fit->full_x0);
    CHECK(fit->y1 == fit->full_y1);
    CHECK(Inside(Rect{ImVec2(fit->x0, fit->y0), ImVec2(fit->x1, fit->y1)}, Rect{r.chips_min, r.chips_max}));
}
} // namespace

TEST_CASE("generated flowcharts: labels never sit on boxes or on each other", "[ui][pathway][first-view]")
{
    for (int count : {10, 50, 150, 400})
        for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {1080.f, 1920.f}})
        {
            INFO(count << " nodes at " << w << "x" << ht);
            UiHarness h(w, ht, kiosk::ui::test::GeneratedPathwayPack(count));
            h.Frame(); // fonts
            const PathwayScene scene = SceneOf(h);
            const LabelOverlaps o = CountLabelOverlaps(scene);
            REQUIRE(o.labels >= static_cast<size_t>(count) / 5);
            CHECK(o.on_nodes == 0);
            CHECK(o.on_labels == 0);
            for (size_t i = 0; i < scene.nodes.size(); ++i)
                for (size_t j = i + 1; j < scene.nodes.size(); ++j)
                    CHECK_FALSE(Overlap(Rect{scene.nodes[i].min, scene.nodes[i].max},
                                        Rect{scene.nodes[j].min, scene.nodes[j].max}));
        }
}

TEST_CASE("generated flowcharts: the first view is readable and nothing covers a box", "[ui][pathway][first-view]")
{
    for (int count : {10, 50, 150, 400})
        for (auto [w, ht] : kSizes)
        {
            INFO(count << " nodes at " << w << "x" << ht);
            auto pack = kiosk::ui::test::GeneratedPathwayPack(count);
            UiHarness h(w, ht, pack);
            OpenFlowchart(h);
            const HitArea* canvas = h.Find("pathway:canvas");
            REQUIRE(canvas);
            const Rect view = Visible(*canvas);

            // Every control (zoom, Show all, start chips, the bar) lies outside the canvas, so
            // no box or label can be under one.
            std::vector<HitArea> controls;
            for (const HitArea& a : h.hits.Areas())
                if (a.id.rfind("pathway:node:", 0) != 0 && a.id != "pathway:canvas")
                    controls.push_back(a);
            REQUIRE(h.Find("pathway:fit"));
            REQUIRE(h.Find("pathway:zoom-in"));
            for (const HitArea& c : controls)
            {
                INFO(c.id);
                CHECK_FALSE(Overlap(Visible(c), view));
                for (const HitArea& d : controls)
                    if (c.id != d.id)
                        CHECK_FALSE(Overlap(Visible(c), Visible(d)));
            }
            const bool top_to_bottom = core::ChooseDirection(w, ht) == core::LayoutDirection::TopToBottom;
            const std::vector<HitArea> nodes = h.hits.WithPrefix("pathway:node:");
            REQUIRE_FALSE(nodes.empty());
            for (const HitArea& n : nodes)
            {
                INFO(n.id);
                // Drawn only inside the canvas (under the legend and the bar nothing shows) ...
                CHECK(n.x0 >= view.min.x - 0.5f);
                CHECK(n.y0 >= view.min.y - 0.5f);
                CHECK(n.x1 <= view.max.x + 0.5f);
                CHECK(n.y1 <= view.max.y + 0.5f);
                // ... and no box is cut by the edge where the chart starts (the top, under the
                // legend, when it runs down; the left when it runs across). Across the flow a
                // wide chart runs off both sides, and only the start point must be whole (below).
                if (top_to_bottom)
                    CHECK_FALSE((n.full_y0 < view.min.y - 0.5f && n.full_y1 > view.min.y));
                else
                    CHECK_FALSE((n.full_x0 < view.min.x - 0.5f && n.full_x1 > view.min.x));
            }

            // Condition labels on screen: inside the canvas, clear of every control.
            const PathwayScene scene = SceneOf(h);
            Camera cam{h.view.pathway.centre_x, h.view.pathway.centre_y, h.view.pathway.zoom};
            CameraFrame frame;
            frame.view_min = view.min;
            frame.view_max = view.max;
            frame.anchor = ImVec2(0.5f * (view.min.x + view.max.x), 0.5f * (view.min.y + view.max.y));
            for (const SceneEdge& e : scene.edges)
            {
                if (e.label_lines.empty() || e.points.size() < 4)
                    continue;
                const Rect world = LabelRect(e);
                Rect s{WorldToScreen(cam, frame, world.min), WorldToScreen(cam, frame, world.max)};
                if (!Overlap(s, view))
                    continue;
                s.min = ImVec2(std::max(s.min.x, view.min.x), std::max(s.min.y, view.min.y));
                s.max = ImVec2(std::min(s.max.x, view.max.x), std::min(s.max.y, view.max.y));
                for (const HitArea& c : controls)
                    CHECK_FALSE(Overlap(s, Visible(c)));
            }

            // Readable, and a start point whole in view.
            CHECK(h.view.pathway.zoom >= kReadableZoom - 1e-3f);
            int whole_starts = 0;
            for (const std::string& id : pack->pathway.starts.front().nodes)
                if (const HitArea* a = h.Find("pathway:node:" + id))
                    whole_starts +=
                        a->x0 == a->full_x0 && a->y0 == a->full_y0 && a->x1 == a->full_x1 && a->y1 == a->full_y1;
            CHECK(whole_starts >= 1);

            // Show all: one tap, and the camera moves out to the whole chart (or stays, when it
            // already shows all of it).
            const float zoom = h.view.pathway.zoom;
            REQUIRE(h.TapId("pathway:fit"));
            h.Settle();
            CHECK(h.view.pathway.zoom <= zoom + 1e-3f);
            if (count <= 50)
                CHECK(h.hits.WithPrefix("pathway:node:").size() == pack->pathway.nodes.size());
        }
}

TEST_CASE("flowcharts an editor might write open at a start point, whole, readable and clear of every control",
          "[ui][pathway][first-view]")
{
    for (int count : {10, 50, 150, 400})
    {
        auto pack = kiosk::ui::test::EditorPathwayPack(count);
        for (const Variant& v : kVariants)
            for (auto [w, ht] : kSizes)
            {
                INFO(count << " nodes at " << w << "x" << ht << ", " << v.name);
                UiHarness h(w, ht, pack);
                Apply(h, v);
                OpenFlowchart(h);
                // The first start point, as no start is chosen.
                CheckOpensAt(h, pack->pathway.starts.front().nodes.front());
            }
    }
}

TEST_CASE("a start point chosen deep in a large flowchart opens there, whole and readable", "[ui][pathway][first-view]")
{
    for (int count : {150, 400})
    {
        auto pack = kiosk::ui::test::EditorPathwayPack(count);
        REQUIRE(pack->pathway.starts.size() >= 3);
        for (auto [w, ht] : kSizes)
            for (const core::PathwayStart& start : pack->pathway.starts)
            {
                INFO(count << " nodes at " << w << "x" << ht << ", start " << start.id);
                UiHarness h(w, ht, pack);
                // Arriving with the start chosen (the quiz's route, a role page's route) ...
                OpenFlowchart(h, core::OpenPathway{"", start.id, ""});
                CheckOpensAt(h, start.nodes.front());
            }
        // ... and tapping its chip on the flowchart.
        for (auto [w, ht] : kSizes)
        {
            INFO(count << " nodes at " << w << "x" << ht << ", chips");
            UiHarness h(w, ht, pack);
            OpenFlowchart(h);
            for (const core::PathwayStart& start : pack->pathway.starts)
            {
                INFO("chip " << start.id);
                if (h.State().pathway.lit_start == start.id)
                    continue;
                REQUIRE(h.TapId("pathway:start:" + start.id));
                h.Settle();
                REQUIRE(h.State().pathway.lit_start == start.id);
                CheckOpensAt(h, start.nodes.front());
            }
        }
    }
}

TEST_CASE("whichever start point an editor lists first, a large flowchart opens there", "[ui][pathway][first-view]")
{
    // An editor may list "Have a degree" first: its nodes lie deep in the chart, far from where
    // the chart begins (which, with a small first layer, is almost empty).
    for (int count : {150, 400})
    {
        const auto generated = kiosk::ui::test::EditorPathwayPack(count);
        for (size_t first = 1; first < generated->pathway.starts.size(); ++first)
        {
            auto pack = std::make_shared<core::ContentPack>(*generated);
            std::rotate(pack->pathway.starts.begin(), pack->pathway.starts.begin() + static_cast<long>(first),
                        pack->pathway.starts.end());
            for (auto [w, ht] : kSizes)
            {
                INFO(count << " nodes at " << w << "x" << ht << ", first start " << pack->pathway.starts.front().id);
                UiHarness h(w, ht, pack);
                OpenFlowchart(h);
                CHECK(h.State().pathway.lit_start.empty());
                CheckOpensAt(h, pack->pathway.starts.front().nodes.front());
            }
        }
    }
}

TEST_CASE("flowcharts an editor might write: labels never sit on boxes or on each other at any size",
          "[ui][pathway][first-view]")
{
    for (int count : {10, 50, 150, 400})
        for (std::uint64_t seed : {1u, 2u, 3u})
        {
            auto pack = kiosk::ui::test::EditorPathwayPack(count, seed);
            for (const Variant& v : kVariants)
                for (auto [w, ht] : kSizes)
                {
                    INFO(count << " nodes (seed " << seed << ") at " << w << "x" << ht << ", " << v.name);
                    UiHarness h(w, ht, pack);
                    Apply(h, v);
                    h.Frame(); // fonts for the text size
                    const PathwayScene scene = SceneOf(h);
                    const LabelOverlaps o = CountLabelOverlaps(scene);
                    REQUIRE(o.labels >= pack->pathway.edges.size() / 5);
                    CHECK(o.on_nodes == 0);
                    CHECK(o.on_labels == 0);
                }
        }
}

TEST_CASE("the bundled flowchart: each start chip frames its start whole", "[ui][pathway][first-view]")
{
    // Its start points have one to four steps, in different layers: when they fit the view
    // together at the readable zoom, every one of them is whole; else the first is.
    const auto pack = kiosk::ui::test::BundledPack();
    for (auto [w, ht] : kSizes)
    {
        UiHarness h(w, ht, pack);
        OpenFlowchart(h);
        for (const core::PathwayStart& start : pack->pathway.starts)
        {
            INFO(w << "x" << ht << ", chip " << start.id);
            REQUIRE(h.TapId("pathway:start:" + start.id));
            h.Settle();
            REQUIRE(h.State().pathway.lit_start == start.id);
            CheckOpensAt(h, start.nodes.front());
            const PathwayScene scene = SceneOf(h);
            ImVec2 lo(FLT_MAX, FLT_MAX), hi(-FLT_MAX, -FLT_MAX);
            for (const std::string& id : start.nodes)
            {
                const SceneNode& n = scene.nodes[static_cast<size_t>(core::PathwayNodeIndex(pack->pathway, id))];
                lo = ImVec2(std::min(lo.x, n.min.x), std::min(lo.y, n.min.y));
                hi = ImVec2(std::max(hi.x, n.max.x), std::max(hi.y, n.max.y));
            }
            if (FitZoom(lo, hi, PathwayCameraFrame(RegionsOf(h), h.metrics)) < kReadableZoom)
                continue;
            for (const std::string& id : start.nodes)
            {
                const HitArea* a = h.Find("pathway:node:" + id);
                INFO(id);
                REQUIRE(a);
                INFO(a->full_x0 << "," << a->full_y0 << " .. " << a->full_x1 << "," << a->full_y1);
                CHECK((a->x0 == a->full_x0 && a->y0 == a->full_y0 && a->x1 == a->full_x1 && a->y1 == a->full_y1));
            }
        }
    }
}
