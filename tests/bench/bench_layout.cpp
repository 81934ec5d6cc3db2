// Benchmark "layout": our layered layout against Graphviz dot on the same graphs.
// Per graph it prints {"graph", "nodes", "edges", "ours_ms", "ours_crossings", "dot_ms", "dot_crossings"};
// both crossing counts come from CountCrossingsGeometric on each engine's own output coordinates and
// curves. dot_ms is the wall time of the whole `dot -Tplain` subprocess (start-up included, about
// 10-20 ms), median of 3 runs (1 for graphs over 500 nodes). Without /usr/bin/dot the dot fields are
// null. Graphs: content/pathway.json when present (nodes[].id/title, edges[].from/to; or the file named by
// KIOSK_LAYOUT_GRAPH), the built-in pathway-like graph, and seeded layered DAGs of 10, 100, 1000 nodes.
#include "bench.h"
#include "core/layout/graph_layout.h"
#include "support/graph_samples.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace
{
using kiosk::core::LayoutPoint;
using kiosk::core::SampleGraph;

double NowMs()
{
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

double Median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Title text for sizing: a string, or an object of translations (English preferred).
std::string TitleOf(const nlohmann::json& node)
{
    auto it = node.find("title");
    if (it == node.end())
        return node.value("id", std::string("node"));
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_object())
    {
        if (it->contains("en") && (*it)["en"].is_string())
            return (*it)["en"].get<std::string>();
        for (const auto& item : it->items())
            if (item.value().is_string())
                return item.value().get<std::string>();
    }
    return node.value("id", std::string("node"));
}

std::optional<SampleGraph> LoadPathway(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        return std::nullopt;
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("nodes") || !doc["nodes"].is_array())
        return std::nullopt;
    SampleGraph g;
    g.name = "pathway";
    std::map<std::string, int> index;
    for (const auto& node : doc["nodes"])
    {
        if (!node.is_object() || !node.contains("id") || !node["id"].is_string())
            continue;
        std::string id = node["id"].get<std::string>();
        if (index.count(id))
            continue;
        index[id] = static_cast<int>(g.nodes.size());
        std::string title = TitleOf(node);
        float chars = static_cast<float>(std::min<size_t>(title.size(), 28));
        g.labels.push_back(id);
        g.nodes.push_back({std::max(6.0f, 2.0f + 0.5f * chars), title.size() > 28 ? 3.4f : 2.0f});
    }
    if (doc.contains("edges") && doc["edges"].is_array())
        for (const auto& edge : doc["edges"])
        {
            if (!edge.is_object() || !edge.contains("from") || !edge.contains("to") || !edge["from"].is_string() ||
                !edge["to"].is_string())
                continue;
            auto a = index.find(edge["from"].get<std::string>());
            auto b = index.find(edge["to"].get<std::string>());
            if (a != index.end() && b != index.end())
                g.edges.push_back({a->second, b->second});
        }
    return g;
}

struct DotResult
{
    double ms = 0.0;
    long long crossings = 0;
};

// Writes the graph as DOT (boxes of the same sizes, 0.1 inch per unit), runs dot -Tplain, parses node
// centres and edge Bezier control points, and counts crossings with our counter.
std::optional<DotResult> RunDot(const SampleGraph& g, int runs)
{
    const char* dot = "/usr/bin/dot";
    if (access(dot, X_OK) != 0)
        return std::nullopt;
    char path[] = "/tmp/kiosk-bench-layout-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return std::nullopt;
    std::ostringstream text;
    text << "digraph G {\n  node [shape=box, fixedsize=true, label=\"\"];\n";
    for (size_t v = 0; v < g.nodes.size(); v++)
        text << "  n" << v << " [width=" << g.nodes[v].width * 0.1 << ", height=" << g.nodes[v].height * 0.1 << "];\n";
    for (const auto& e : g.edges)
        text << "  n" << e.from << " -> n" << e.to << ";\n";
    text << "}\n";
    std::string body = text.str();
    bool written = write(fd, body.data(), body.size()) == static_cast<ssize_t>(body.size());
    close(fd);
    if (!written)
    {
        unlink(path);
        return std::nullopt;
    }
    std::string command = std::string(dot) + " -Tplain " + path;
    std::vector<double> times;
    std::string output;
    for (int run = 0; run < runs; run++)
    {
        output.clear();
        double start = NowMs();
        FILE* pipe = popen(command.c_str(), "r");
        if (!pipe)
            break;
        char buffer[65536];
        size_t got;
        while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0)
            output.append(buffer, got);
        int status = pclose(pipe);
        times.push_back(NowMs() - start);
        if (status != 0)
        {
            unlink(path);
            return std::nullopt;
        }
    }
    unlink(path);
    if (times.empty())
        return std::nullopt;

    std::vector<LayoutPoint> centres(g.nodes.size());
    std::vector<kiosk::core::LayoutEdge> edges;
    std::vector<std::vector<LayoutPoint>> curves;
    std::istringstream lines(output);
    std::string line;
    auto node_index = [](const std::string& name) { return name.size() > 1 ? std::atoi(name.c_str() + 1) : -1; };
    while (std::getline(lines, line))
    {
        std::istringstream in(line);
        std::string kind;
        in >> kind;
        if (kind == "node")
        {
            std::string name;
            float x = 0, y = 0;
            in >> name >> x >> y;
            int v = node_index(name);
            if (v >= 0 && static_cast<size_t>(v) < centres.size())
                centres[static_cast<size_t>(v)] = {x, y};
        }
        else if (kind == "edge")
        {
            std::string tail, head;
            int count = 0;
            in >> tail >> head >> count;
            std::vector<LayoutPoint> curve;
            for (int i = 0; i < count; i++)
            {
                float x = 0, y = 0;
                in >> x >> y;
                curve.push_back({x, y});
            }
            edges.push_back({node_index(tail), node_index(head)});
            curves.push_back(std::move(curve));
        }
    }
    DotResult result;
    result.ms = Median(times);
    result.crossings =
        kiosk::core::CountCrossingsGeometric(centres, edges, curves, kiosk::core::LayoutDirection::TopToBottom, 1e-3f);
    return result;
}

void BenchGraph(const SampleGraph& g)
{
    kiosk::core::LayoutOptions options;
    options.direction = kiosk::core::LayoutDirection::TopToBottom;
    kiosk::core::GraphLayout layout = kiosk::core::ComputeLayout(g.nodes, g.edges, options); // warm-up
    std::vector<double> times;
    for (int run = 0; run < 7; run++)
    {
        double start = NowMs();
        layout = kiosk::core::ComputeLayout(g.nodes, g.edges, options);
        times.push_back(NowMs() - start);
    }
    std::vector<LayoutPoint> centres;
    std::vector<std::vector<LayoutPoint>> curves;
    for (const auto& n : layout.nodes)
        centres.push_back(n.centre);
    for (const auto& e : layout.edges)
        curves.push_back(e.points);
    long long ours = kiosk::core::CountCrossingsGeometric(centres, g.edges, curves, options.direction, 1e-3f);
    if (ours != layout.crossings)
        std::fprintf(stderr, "bench layout: %s: geometric count %lld differs from the engine's %d\n", g.name.c_str(),
                     ours, layout.crossings);
    double ours_ms = Median(times);
    std::optional<DotResult> dot = RunDot(g, g.nodes.size() > 500 ? 1 : 3);
    std::printf("{\"graph\": \"%s\", \"nodes\": %zu, \"edges\": %zu, \"ours_ms\": %.3f, \"ours_crossings\": %lld, ",
                g.name.c_str(), g.nodes.size(), g.edges.size(), ours_ms, ours);
    if (dot)
        std::printf("\"dot_ms\": %.1f, \"dot_crossings\": %lld}\n", dot->ms, dot->crossings);
    else
        std::printf("\"dot_ms\": null, \"dot_crossings\": null}\n");
    std::fflush(stdout);
    if (g.name == "dag1000")
    {
        kiosk::bench::PrintFigure("layout.dag1000.ours_ms", ours_ms, "ms");
        kiosk::bench::PrintFigure("layout.dag1000.ours_crossings", static_cast<double>(ours), "crossings");
        if (dot)
            kiosk::bench::PrintFigure("layout.dag1000.dot_crossings", static_cast<double>(dot->crossings), "crossings");
    }
}

void BenchLayout(const kiosk::bench::BenchContext& ctx)
{
    std::vector<SampleGraph> graphs;
    const char* chosen = std::getenv("KIOSK_LAYOUT_GRAPH");
    std::string pathway = chosen ? chosen : ctx.source_dir + "/content/pathway.json";
    if (std::optional<SampleGraph> loaded = LoadPathway(pathway))
        graphs.push_back(std::move(*loaded));
    graphs.push_back(kiosk::core::PathwayLikeGraph());
    for (int n : {10, 100, 1000})
        graphs.push_back(kiosk::core::GenerateLayeredDag(20261121u + static_cast<unsigned>(n), n));
    for (const SampleGraph& g : graphs)
        BenchGraph(g);
}

KIOSK_BENCH("layout", BenchLayout);
} // namespace
