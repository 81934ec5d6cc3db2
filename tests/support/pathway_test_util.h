// Helpers shared by the pathway screen tests: a generated large pathway, and
// waiting for the flowchart to be laid out (large graphs are laid out on a worker thread).
#pragma once
#include "core/content/content_loader.h"
#include "core/pathway/pathway_kinds.h"
#include "core/visit/navigation.h"
#include "support/graph_samples.h"
#include "support/pathway_samples.h"
#include "support/ui_harness.h"
#include "ui/hit_registry.h"
#include "ui/pathway/pathway_scene.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <memory>
#include <thread>

namespace kiosk::ui::test
{
// The test pack with its pathway replaced by a seeded layered DAG of `count` nodes: kinds in
// turn, two-line titles, a condition on every fifth edge, one start point naming the sources.
inline std::shared_ptr<kiosk::core::ContentPack> GeneratedPathwayPack(int count)
{
    auto pack = MakeTestPack();
    const kiosk::core::SampleGraph g = kiosk::core::GenerateLayeredDag(20240601u, count);
    kiosk::core::Pathway& p = pack->pathway;
    p = {};
    const auto& kinds = kiosk::core::PathwayNodeKinds();
    std::vector<int> in_degree(g.nodes.size(), 0);
    for (const auto& e : g.edges)
        ++in_degree[static_cast<size_t>(e.to)];
    kiosk::core::PathwayStart start;
    start.id = "sources";
    start.title.by_language["en"] = "Starting out";
    for (size_t i = 0; i < g.nodes.size(); ++i)
    {
        kiosk::core::PathwayNode n;
        n.id = "n" + std::to_string(i);
        n.kind = kinds[i % kinds.size()].id;
        n.title.by_language["en"] = "Step " + std::to_string(i) + ": a course with a longer name";
        n.roles = {i % 5 == 0 ? "clinical-engineer" : "clinical-technologist"};
        p.nodes.push_back(n);
        if (in_degree[i] == 0)
            start.nodes.push_back(n.id);
    }
    for (size_t e = 0; e < g.edges.size(); ++e)
    {
        kiosk::core::PathwayEdge edge;
        edge.from = "n" + std::to_string(g.edges[e].from);
        edge.to = "n" + std::to_string(g.edges[e].to);
        if (e % 5 == 0)
            edge.condition.by_language["en"] = "2:1 or higher";
        p.edges.push_back(edge);
    }
    p.starts.push_back(start);
    return pack;
}

// The test pack with its pathway replaced by a flowchart an editor might write
// (support/pathway_samples.h): every kind, conditions, start points deep in the chart.
inline std::shared_ptr<kiosk::core::ContentPack> EditorPathwayPack(int count, std::uint64_t seed = 1)
{
    auto pack = MakeTestPack();
    std::vector<std::string> roles;
    for (const auto& r : pack->roles)
        roles.push_back(r.id);
    pack->pathway = kiosk::core::GenerateEditorPathway(seed, count, roles);
    return pack;
}

// Draws frames until the flowchart shows nodes (at most 20 s: a worker may be laying it out).
inline bool WaitForFlowchart(UiHarness& h)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline)
    {
        h.Frame();
        if (!h.hits.WithPrefix("pathway:node:").empty())
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

// Opens the flowchart with `action` and lets the camera settle.
inline void OpenFlowchart(UiHarness& h, const kiosk::core::OpenPathway& action = {})
{
    h.Frame();
    h.Act(action);
    REQUIRE(WaitForFlowchart(h));
    h.Settle();
}

// Every ImGui draw list of the last frame stays within 16-bit indices.
inline int MaxDrawListVertices()
{
    const ImDrawData* dd = ImGui::GetDrawData();
    int most = 0;
    for (int i = 0; dd && i < dd->CmdListsCount; ++i)
        most = std::max(most, dd->CmdLists[i]->VtxBuffer.Size);
    return most;
}
// The context the pathway screen builds its scene from, for a harness's pack and visit.
inline UiContext ContextOf(const UiHarness& h)
{
    UiContext ctx;
    ctx.pack = h.pack.get();
    ctx.visit = &h.State();
    ctx.metrics = h.metrics;
    ctx.fonts = &h.fonts;
    return ctx;
}

// The scene the pathway screen draws at the harness's size, in the direction that size chooses.
inline PathwayScene SceneOf(const UiHarness& h)
{
    return BuildPathwayScene(ContextOf(h), kiosk::core::ChooseDirection(h.metrics.screen_w, h.metrics.screen_h));
}
} // namespace kiosk::ui::test
