// Generated pathways for the flowchart's tests and previews (pathway_samples.h).
#include "support/pathway_samples.h"

#include "support/graph_samples.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

namespace kiosk::core
{
namespace
{
struct Words
{
    const char* en;
    const char* cy;
};

// Kinds in the order a route runs, each with titles an editor might give such a step.
struct KindTitles
{
    const char* kind;
    Words titles[3];
};

const KindTitles kKinds[] = {
    {"school", {{"GCSEs", "TGAU"}, {"A levels", "Safon Uwch"}, {"Scottish Highers", "Highers yr Alban"}}},
    {"college",
     {{"Access to Science course", "Cwrs Mynediad at Wyddoniaeth"},
      {"BTEC level 3", "BTEC lefel 3"},
      {"T level in science", "Lefel T mewn gwyddoniaeth"}}},
    {"application",
     {{"Apply through UCAS", "Gwneud cais drwy UCAS"},
      {"Apply to the training scheme", "Gwneud cais i'r cynllun hyfforddi"},
      {"Apply for a trainee post", "Gwneud cais am swydd dan hyfforddiant"}}},
    {"degree",
     {{"Engineering degree", "Gradd peirianneg"},
      {"Physics degree", "Gradd ffiseg"},
      {"Healthcare science degree", "Gradd gwyddor gofal iechyd"}}},
    {"apprenticeship",
     {{"NHS apprenticeship", "Prentisiaeth yn y GIG"},
      {"Degree apprenticeship", "Prentisiaeth gradd"},
      {"Technician apprenticeship", "Prentisiaeth technegydd"}}},
    {"programme",
     {{"Scientist training", "Hyfforddiant gwyddonydd"},
      {"Practitioner training", "Hyfforddiant ymarferydd"},
      {"Technologists' scheme", "Cynllun technolegwyr"}}},
    {"job",
     {{"Equipment technician", "Technegydd offer"},
      {"Clinical technologist", "Technolegydd clinigol"},
      {"Clinical scientist", "Gwyddonydd clinigol"}}},
    {"registration",
     {{"HCPC registration", "Cofrestru gyda'r HCPC"},
      {"Chartered Engineer", "Peiriannydd Siartredig"},
      {"Register of Clinical Technologists", "Cofrestr Technolegwyr Clinigol"}}},
};
constexpr int kKindCount = static_cast<int>(sizeof(kKinds) / sizeof(kKinds[0]));

// Some titles run to two or three lines in their box, as editors' titles do.
const Words kLongerTitle = {" with a year working in a hospital", " gyda blwyddyn yn gweithio mewn ysbyty"};

const Words kConditions[] = {
    {"2:1 or higher", "2:1 neu uwch"},
    {"Grade C/4 or above", "Gradd C/4 neu uwch"},
    {"With an offer from a university", "Gyda chynnig gan brifysgol"},
    {"After two years in the job", "Ar ôl dwy flynedd yn y swydd"},
};

// A second sentence for some details, using the bundled glossary's terms (so that pack, with
// its pathway replaced, still uses every term it explains).
const Words kDetails[] = {
    {"", ""},
    {" Pay starts at Band 5.", " Cyflog: Band 5."},
    {" Some people go on to a doctorate.", " Mae rhai yn gwneud doethuriaeth wedyn."},
    {" In Scotland, National 5s come first.", " Yn yr Alban, National 5 sy'n dod gyntaf."},
};

const Words kStartTitles[] = {
    {"Choosing GCSEs", "Dewis TGAU"},
    {"Changing career", "Newid gyrfa"},
    {"At university", "Yn y brifysgol"},
    {"Have a degree", "Mae gennych radd"},
};

LocalizedText Text(const std::string& en, const std::string& cy)
{
    LocalizedText t;
    t.by_language["en"] = en;
    t.by_language["cy"] = cy;
    return t;
}

nlohmann::ordered_json TextJson(const LocalizedText& t)
{
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const char* language : {"en", "cy"})
        if (t.Has(language))
            j[language] = t.by_language.at(language);
    return j;
}

// How many nodes each layer gets: a small first layer, the rest spread evenly.
std::vector<int> LayerSizes(int node_count, int layers)
{
    std::vector<int> sizes(static_cast<size_t>(layers), 0);
    sizes[0] = std::clamp(node_count / (3 * layers), 1, 4);
    const int rest = node_count - sizes[0];
    for (int l = 1; l < layers; ++l)
        sizes[static_cast<size_t>(l)] = rest * l / (layers - 1) - rest * (l - 1) / (layers - 1);
    return sizes;
}
} // namespace

Pathway GenerateEditorPathway(std::uint64_t seed, int node_count, const std::vector<std::string>& role_ids,
                              const std::vector<std::string>& keep_ids)
{
    Pathway p;
    if (node_count <= 0)
        return p;
    SplitMix64 rng(seed);
    const int layers = std::min(node_count, std::max(2, static_cast<int>(std::lround(std::sqrt(node_count / 2.0)))));
    const std::vector<int> sizes = LayerSizes(node_count, layers);
    std::vector<std::vector<int>> by_layer(static_cast<size_t>(layers));
    std::vector<int> layer_of;
    for (int l = 0; l < layers; ++l)
        for (int k = 0; k < sizes[static_cast<size_t>(l)]; ++k)
        {
            const int v = static_cast<int>(layer_of.size());
            layer_of.push_back(l);
            by_layer[static_cast<size_t>(l)].push_back(v);
        }

    // Nodes: the kind follows the node's rank down the chart, so every kind appears (from 8
    // nodes) and a route reads school -> ... -> registration.
    size_t job_count = 0;
    for (int v = 0; v < node_count; ++v)
    {
        const KindTitles& kind = kKinds[std::min(kKindCount - 1, v * kKindCount / node_count)];
        const Words& title = kind.titles[rng.Below(3)];
        const std::string number = " " + std::to_string(v + 1);
        const bool longer = rng.Chance(30);
        PathwayNode n;
        n.id = "step-" + std::to_string(v + 1);
        n.kind = kind.kind;
        n.title = Text(std::string(title.en) + number + (longer ? kLongerTitle.en : ""),
                       std::string(title.cy) + number + (longer ? kLongerTitle.cy : ""));
        const Words& more = kDetails[v % 4];
        n.detail = Text("Step " + std::to_string(v + 1) + " of a generated chart." + more.en,
                        "Cam " + std::to_string(v + 1) + " mewn siart a gynhyrchwyd." + more.cy);
        if (v % 3 == 0)
            n.duration = Text("2 years", "2 flynedd");
        if ((n.kind == "job" || n.kind == "registration") && !role_ids.empty())
            n.roles = {role_ids[job_count++ % role_ids.size()]};
        p.nodes.push_back(std::move(n));
    }

    // Ids the pack's other files name, spread down the chart (set before any arrow names them).
    const size_t keep = std::min(keep_ids.size(), p.nodes.size());
    for (size_t k = 0; k < keep; ++k)
        p.nodes[(2 * k + 1) * p.nodes.size() / (2 * keep)].id = keep_ids[k];

    // Arrows: a parent for every node below the first layer, then extra ones.
    std::set<std::pair<int, int>> present;
    auto add = [&](int from, int to)
    {
        if (!present.insert({from, to}).second)
            return;
        PathwayEdge e;
        e.from = p.nodes[static_cast<size_t>(from)].id;
        e.to = p.nodes[static_cast<size_t>(to)].id;
        if (p.edges.size() % 4 == 1)
        {
            const Words& c = kConditions[rng.Below(4)];
            e.condition = Text(c.en, c.cy);
        }
        p.edges.push_back(std::move(e));
    };
    auto pick = [&](int layer)
    {
        const std::vector<int>& list = by_layer[static_cast<size_t>(layer)];
        return list[static_cast<size_t>(rng.Below(static_cast<int>(list.size())))];
    };
    for (int v = 0; v < node_count; ++v)
    {
        const int layer = layer_of[static_cast<size_t>(v)];
        if (layer == 0)
            continue;
        int from_layer = layer - 1;
        if (layer >= 2 && !rng.Chance(80))
            from_layer = std::max(0, layer - 2 - rng.Below(3));
        add(pick(from_layer), v);
    }
    const size_t wanted = static_cast<size_t>(std::lround(node_count * 1.3));
    for (int attempt = 0; p.edges.size() < wanted && attempt < node_count * 50 && layers > 1; ++attempt)
    {
        const int from_layer = rng.Below(layers - 1);
        const int to_layer = std::min(layers - 1, from_layer + (rng.Chance(70) ? 1 : 2 + rng.Below(3)));
        add(pick(from_layer), pick(to_layer));
    }

    // Start points: the whole first layer, then one or two nodes part-way down (anywhere across).
    std::vector<int> start_layers = {0, 1, layers / 3, 2 * layers / 3};
    std::set<int> used_layers;
    for (size_t s = 0; s < start_layers.size(); ++s)
    {
        const int layer = start_layers[s];
        if (!used_layers.insert(layer).second)
            continue;
        PathwayStart start;
        start.id = "start-" + std::to_string(s + 1);
        start.title = Text(kStartTitles[s].en, kStartTitles[s].cy);
        const std::vector<int>& list = by_layer[static_cast<size_t>(layer)];
        if (layer == 0)
            for (int v : list)
                start.nodes.push_back(p.nodes[static_cast<size_t>(v)].id);
        else
        {
            const int first = pick(layer), second = pick(layer);
            start.nodes.push_back(p.nodes[static_cast<size_t>(first)].id);
            if (second != first && rng.Chance(50))
                start.nodes.push_back(p.nodes[static_cast<size_t>(second)].id);
        }
        p.starts.push_back(std::move(start));
    }
    return p;
}

std::string PathwayJsonText(const Pathway& pathway)
{
    nlohmann::ordered_json j;
    j["$schema"] = "schema/pathway.schema.json";
    j["schema_version"] = 1;
    j["nodes"] = nlohmann::ordered_json::array();
    for (const PathwayNode& n : pathway.nodes)
    {
        nlohmann::ordered_json node;
        node["id"] = n.id;
        node["kind"] = n.kind;
        node["title"] = TextJson(n.title);
        node["detail"] = TextJson(n.detail);
        if (!n.duration.Empty())
            node["duration"] = TextJson(n.duration);
        if (!n.roles.empty())
            node["roles"] = n.roles;
        j["nodes"].push_back(std::move(node));
    }
    j["edges"] = nlohmann::ordered_json::array();
    for (const PathwayEdge& e : pathway.edges)
    {
        nlohmann::ordered_json edge;
        edge["from"] = e.from;
        edge["to"] = e.to;
        if (!e.condition.Empty())
            edge["condition"] = TextJson(e.condition);
        j["edges"].push_back(std::move(edge));
    }
    j["starts"] = nlohmann::ordered_json::array();
    for (const PathwayStart& s : pathway.starts)
    {
        nlohmann::ordered_json start;
        start["id"] = s.id;
        start["title"] = TextJson(s.title);
        start["nodes"] = s.nodes;
        j["starts"].push_back(std::move(start));
    }
    return j.dump(2) + "\n";
}

std::string WriteGeneratedPathwayPack(const std::string& content, const std::string& out, int node_count,
                                      std::uint64_t seed)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(out, ec);
    fs::copy(content, out, fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
    if (ec)
        return "cannot copy " + content + " to " + out + ": " + ec.message();
    // The roles (named on the jobs) and the pathway nodes their entry routes name (kept).
    std::vector<std::string> roles;
    std::set<std::string> named;
    for (const auto& entry : fs::directory_iterator(fs::path(out) / "roles", ec))
    {
        if (entry.path().extension() != ".json")
            continue;
        roles.push_back(entry.path().stem().string());
        std::ifstream in(entry.path());
        const nlohmann::json role = nlohmann::json::parse(in, nullptr, false);
        if (role.is_object() && role.contains("entry_routes") && role["entry_routes"].is_array())
            for (const auto& route : role["entry_routes"])
                if (route.is_object() && route.contains("pathway_node") && route["pathway_node"].is_string())
                    named.insert(route["pathway_node"].get<std::string>());
    }
    std::sort(roles.begin(), roles.end());
    std::ofstream file(fs::path(out) / "pathway.json", std::ios::binary | std::ios::trunc);
    file << PathwayJsonText(
        GenerateEditorPathway(seed, node_count, roles, std::vector<std::string>(named.begin(), named.end())));
    if (!file.flush())
        return "cannot write " + (fs::path(out) / "pathway.json").string();
    return {};
}
} // namespace kiosk::core
