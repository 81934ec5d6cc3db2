// Sample graphs for the layout's tests and benchmark.
#include "support/graph_samples.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace kiosk::core
{
SampleGraph GenerateLayeredDag(std::uint64_t seed, int node_count)
{
    SampleGraph g;
    g.name = "dag" + std::to_string(node_count);
    if (node_count <= 0)
        return g;
    SplitMix64 rng(seed);
    int layers = std::max(2, static_cast<int>(std::lround(std::sqrt(node_count / 2.0))));
    layers = std::min(layers, node_count);
    std::vector<std::vector<int>> by_layer(static_cast<size_t>(layers));
    std::vector<int> layer_of(static_cast<size_t>(node_count));
    for (int v = 0; v < node_count; v++)
    {
        int layer = static_cast<int>(static_cast<long long>(v) * layers / node_count);
        layer_of[static_cast<size_t>(v)] = layer;
        by_layer[static_cast<size_t>(layer)].push_back(v);
        g.labels.push_back("n" + std::to_string(v));
        g.nodes.push_back({6.0f + static_cast<float>(rng.Below(7)), 2.0f});
    }
    std::set<std::pair<int, int>> present;
    auto add = [&](int from, int to)
    {
        if (present.insert({from, to}).second)
            g.edges.push_back({from, to});
    };
    auto pick = [&](int layer)
    {
        const std::vector<int>& list = by_layer[static_cast<size_t>(layer)];
        return list[static_cast<size_t>(rng.Below(static_cast<int>(list.size())))];
    };
    for (int v = 0; v < node_count; v++)
    {
        int layer = layer_of[static_cast<size_t>(v)];
        if (layer == 0)
            continue;
        int from_layer = layer - 1;
        if (layer >= 2 && !rng.Chance(80))
            from_layer = std::max(0, layer - 2 - rng.Below(3));
        add(pick(from_layer), v);
    }
    size_t wanted = static_cast<size_t>(std::lround(node_count * 1.364));
    for (int attempt = 0; g.edges.size() < wanted && attempt < node_count * 50; attempt++)
    {
        int from_layer = rng.Below(layers - 1);
        int span = rng.Chance(70) ? 1 : 2 + rng.Below(3);
        int to_layer = std::min(layers - 1, from_layer + span);
        add(pick(from_layer), pick(to_layer));
    }
    return g;
}

SampleGraph PathwayLikeGraph()
{
    static const std::pair<const char*, const char*> kNodes[] = {
        {"adult", "Changing career as an adult"},
        {"gcse", "GCSEs: maths, English, science"},
        {"access", "Access to Science course"},
        {"a_levels", "A levels (physics, maths)"},
        {"btec", "BTEC level 3 applied science"},
        {"ib", "International Baccalaureate"},
        {"highers", "Scottish Highers"},
        {"t_level", "T level in science"},
        {"adv_app", "Advanced apprenticeship (level 3)"},
        {"level3", "Level 3: A levels or equivalent"},
        {"nvq", "NVQ in equipment management"},
        {"bsc_hcs", "BSc Healthcare Science (PTP)"},
        {"degree_app", "Healthcare science degree apprenticeship"},
        {"biomed", "Biomedical science degree"},
        {"physics", "Physics degree"},
        {"engineering", "Engineering degree (BEng)"},
        {"meng", "Accredited MEng"},
        {"eq_tech", "Medical equipment technician"},
        {"practitioner", "Healthcare science practitioner"},
        {"ibms", "IBMS registration portfolio"},
        {"two2", "2:2"},
        {"first21", "First or 2:1"},
        {"tech_post", "Hospital technologist post"},
        {"eng_masters", "Master's to complete CEng"},
        {"grad_eng", "Graduate clinical engineer"},
        {"senior_tech", "Senior equipment technician"},
        {"ahcs", "AHCS or RCCP registration"},
        {"bms", "Biomedical scientist"},
        {"masters", "Relevant higher degree"},
        {"ipem_tts", "IPEM technologists' training scheme"},
        {"distance", "Distance-learning degree"},
        {"ceng", "Chartered Engineer (CEng)"},
        {"senior_prac", "Senior practitioner"},
        {"specialist_bms", "Specialist biomedical scientist"},
        {"stp", "Scientist Training Programme (STP)"},
        {"technologist", "Clinical technologist"},
        {"consultant_eng", "Consultant clinical engineer"},
        {"rct", "Register of Clinical Technologists"},
        {"equivalence", "AHCS equivalence to clinical scientist"},
        {"clin_sci", "Clinical scientist"},
        {"hcpc", "HCPC registration"},
        {"hsst", "Higher Specialist Scientist Training"},
        {"academic", "Clinical academic (PhD)"},
        {"consultant", "Consultant clinical scientist"},
        {"head_dept", "Head of department"},
        {"research_lead", "Research lead"},
    };
    static const std::pair<const char*, const char*> kEdges[] = {
        {"adult", "access"},
        {"gcse", "a_levels"},
        {"gcse", "btec"},
        {"gcse", "ib"},
        {"gcse", "highers"},
        {"gcse", "t_level"},
        {"gcse", "adv_app"},
        {"access", "level3"},
        {"a_levels", "level3"},
        {"btec", "level3"},
        {"ib", "level3"},
        {"highers", "level3"},
        {"t_level", "level3"},
        {"adv_app", "nvq"},
        {"nvq", "eq_tech"},
        {"eq_tech", "senior_tech"},
        {"level3", "bsc_hcs"},
        {"level3", "degree_app"},
        {"level3", "biomed"},
        {"level3", "physics"},
        {"level3", "engineering"},
        {"level3", "meng"},
        {"bsc_hcs", "practitioner"},
        {"degree_app", "practitioner"},
        {"practitioner", "ahcs"},
        {"ahcs", "senior_prac"},
        {"senior_prac", "equivalence"},
        {"equivalence", "hcpc"},
        {"biomed", "ibms"},
        {"ibms", "bms"},
        {"bms", "specialist_bms"},
        {"physics", "two2"},
        {"physics", "first21"},
        {"physics", "tech_post"},
        {"two2", "masters"},
        {"masters", "stp"},
        {"first21", "stp"},
        {"stp", "clin_sci"},
        {"clin_sci", "hcpc"},
        {"hcpc", "hsst"},
        {"hcpc", "academic"},
        {"hsst", "consultant"},
        {"consultant", "head_dept"},
        {"academic", "research_lead"},
        {"tech_post", "ipem_tts"},
        {"tech_post", "distance"},
        {"ipem_tts", "technologist"},
        {"distance", "technologist"},
        {"technologist", "rct"},
        {"engineering", "eng_masters"},
        {"eng_masters", "ceng"},
        {"meng", "grad_eng"},
        {"grad_eng", "ceng"},
        {"ceng", "consultant_eng"},
    };
    SampleGraph g;
    g.name = "pathway-like";
    std::map<std::string, int> index;
    for (const auto& [id, label] : kNodes)
    {
        index[id] = static_cast<int>(g.nodes.size());
        std::string text = label;
        g.labels.push_back(text);
        // Roughly what the UI measures: half an em per character, wrapped onto two lines past 28.
        float chars = static_cast<float>(std::min<size_t>(text.size(), 28));
        g.nodes.push_back({std::max(6.0f, 2.0f + 0.5f * chars), text.size() > 28 ? 3.4f : 2.0f});
    }
    for (const auto& [from, to] : kEdges)
        g.edges.push_back({index.at(from), index.at(to)});
    return g;
}
SampleGraph PermutedGraph(const SampleGraph& g, std::uint64_t seed, Permutation* map)
{
    SplitMix64 rng(seed);
    std::vector<int> new_id(g.nodes.size());
    for (size_t v = 0; v < new_id.size(); v++)
        new_id[v] = static_cast<int>(v);
    for (size_t j = new_id.size(); j > 1; j--)
        std::swap(new_id[j - 1], new_id[rng.Index(j)]);
    SampleGraph p;
    p.name = g.name;
    p.nodes.resize(g.nodes.size());
    p.labels.resize(g.nodes.size());
    for (size_t v = 0; v < g.nodes.size(); v++)
    {
        p.nodes[static_cast<size_t>(new_id[v])] = g.nodes[v];
        p.labels[static_cast<size_t>(new_id[v])] = v < g.labels.size() ? g.labels[v] : std::string();
    }
    for (const LayoutEdge& e : g.edges)
        p.edges.push_back({new_id[static_cast<size_t>(e.from)], new_id[static_cast<size_t>(e.to)]});
    // edge_at[j]: the input edge now at j, shuffled along with the edges.
    std::vector<int> edge_at(p.edges.size());
    for (size_t e = 0; e < edge_at.size(); e++)
        edge_at[e] = static_cast<int>(e);
    for (size_t j = p.edges.size(); j > 1; j--)
    {
        size_t k = rng.Index(j);
        std::swap(p.edges[j - 1], p.edges[k]);
        std::swap(edge_at[j - 1], edge_at[k]);
    }
    if (map)
    {
        map->node = new_id;
        map->edge.assign(edge_at.size(), 0);
        for (size_t j = 0; j < edge_at.size(); j++)
            map->edge[static_cast<size_t>(edge_at[j])] = static_cast<int>(j);
    }
    return p;
}

} // namespace kiosk::core
