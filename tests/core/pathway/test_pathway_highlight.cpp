// Which nodes light up for a start point, a role and a node: exact sets, on a small hand-made
// pathway (with a cycle and a dangling edge) and on the bundled pathway.
#include "core/content/content_loader.h"
#include "core/pathway/pathway_highlight.h"

#include <catch2/catch.hpp>

using namespace kiosk::core;
using Ids = std::vector<std::string>;

namespace
{
const ContentPack& BundledPack()
{
    static const ContentLoadResult result = LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(result.pack != nullptr);
    return *result.pack;
}

PathwayNode Node(const std::string& id, std::vector<std::string> roles = {})
{
    PathwayNode n;
    n.id = id;
    n.kind = "school";
    n.roles = std::move(roles);
    return n;
}

//   s1 -> a -> c -> job1 (role r1) -> senior
//   s2 -> b -> c
//         b -> d -> job2 (role r2)
//   x (isolated start) ; loop: d -> e -> d ; dangling: a -> nowhere
//   role r3 is a specialism of r1 with no nodes; role r2 has an entry route naming b.
ContentPack SmallPack()
{
    ContentPack pack;
    Pathway& p = pack.pathway;
    p.nodes = {Node("s1"),           Node("s2"),           Node("a"),      Node("b"), Node("c"), Node("d"),
               Node("job1", {"r1"}), Node("job2", {"r2"}), Node("senior"), Node("e"), Node("x")};
    auto edge = [&](const char* f, const char* t) { p.edges.push_back(PathwayEdge{f, t, {}, {}}); };
    edge("s1", "a");        // 0
    edge("a", "c");         // 1
    edge("c", "job1");      // 2
    edge("job1", "senior"); // 3
    edge("s2", "b");        // 4
    edge("b", "c");         // 5
    edge("b", "d");         // 6
    edge("d", "job2");      // 7
    edge("d", "e");         // 8
    edge("e", "d");         // 9
    edge("a", "nowhere");   // 10
    p.starts.push_back(PathwayStart{"first", {}, {"s1"}, {}});
    p.starts.push_back(PathwayStart{"second", {}, {"s2", "x"}, {}});
    Role r1, r2, r3;
    r1.id = "r1";
    r2.id = "r2";
    EntryRoute route;
    route.pathway_node = "b";
    r2.entry_routes = {route};
    r3.id = "r3";
    r3.parent = "r1";
    pack.roles = {r1, r2, r3};
    return pack;
}

std::vector<int> LitEdges(const PathwayHighlight& h)
{
    std::vector<int> out;
    for (size_t e = 0; e < h.edge_lit.size(); ++e)
        if (h.edge_lit[e])
            out.push_back(static_cast<int>(e));
    return out;
}
} // namespace

TEST_CASE("a start point lights every node reachable from its nodes, and their edges", "[pathway][highlight]")
{
    const ContentPack pack = SmallPack();
    const PathwayHighlight first = HighlightFromStart(pack.pathway, "first");
    CHECK(first.active);
    CHECK(LitNodeIds(pack.pathway, first) == Ids{"s1", "a", "c", "job1", "senior"});
    CHECK(LitEdges(first) == std::vector<int>{0, 1, 2, 3});
    CHECK(first.focus_nodes == std::vector<int>{0});

    const PathwayHighlight second = HighlightFromStart(pack.pathway, "second");
    CHECK(LitNodeIds(pack.pathway, second) == Ids{"s2", "b", "c", "d", "job1", "job2", "senior", "e", "x"});
    CHECK(LitEdges(second) == std::vector<int>{2, 3, 4, 5, 6, 7, 8, 9}); // the cycle is followed once
}

TEST_CASE("an unknown start, role or node lights nothing", "[pathway][highlight]")
{
    const ContentPack pack = SmallPack();
    for (const PathwayHighlight& h :
         {HighlightFromStart(pack.pathway, "nope"), HighlightToRole(pack, "nope"), HighlightNode(pack, "nope")})
    {
        CHECK_FALSE(h.active);
        CHECK(LitNodeIds(pack.pathway, h).empty());
        CHECK(LitEdges(h).empty());
    }
}

TEST_CASE("a role lights every route into its nodes and nothing after them", "[pathway][highlight]")
{
    const ContentPack pack = SmallPack();
    const PathwayHighlight r1 = HighlightToRole(pack, "r1");
    CHECK(LitNodeIds(pack.pathway, r1) == Ids{"s1", "s2", "a", "b", "c", "job1"});
    CHECK(LitEdges(r1) == std::vector<int>{0, 1, 2, 4, 5}); // not job1 -> senior
    CHECK(r1.focus_nodes == std::vector<int>{6});

    // r2: its node job2 and its entry route's node b.
    const PathwayHighlight r2 = HighlightToRole(pack, "r2");
    CHECK(LitNodeIds(pack.pathway, r2) == Ids{"s2", "b", "d", "job2", "e"});
    CHECK(LitEdges(r2) == std::vector<int>{4, 6, 7, 8, 9});
    CHECK(r2.focus_nodes == std::vector<int>{3, 7});

    // r3 has no nodes of its own: its parent's routes.
    CHECK(LitNodeIds(pack.pathway, HighlightToRole(pack, "r3")) == LitNodeIds(pack.pathway, r1));
}

TEST_CASE("a node lights the routes through it, narrowed to a role when one is given", "[pathway][highlight]")
{
    const ContentPack pack = SmallPack();
    const PathwayHighlight b = HighlightNode(pack, "b");
    CHECK(LitNodeIds(pack.pathway, b) == Ids{"s2", "b", "c", "d", "job1", "job2", "senior", "e"});
    CHECK(LitEdges(b) == std::vector<int>{2, 3, 4, 5, 6, 7, 8, 9});

    const PathwayHighlight b_for_r1 = HighlightNode(pack, "b", "r1");
    CHECK(LitNodeIds(pack.pathway, b_for_r1) == Ids{"s2", "b", "c", "job1"});
    CHECK(LitEdges(b_for_r1) == std::vector<int>{2, 4, 5});
    CHECK(b_for_r1.focus_nodes == std::vector<int>{3});

    // A role with no nodes at all does not narrow anything.
    ContentPack bare = pack;
    bare.roles[0].id = "unlinked";
    bare.roles[2].parent.clear();
    CHECK(LitNodeIds(bare.pathway, HighlightNode(bare, "b", "r3")) == LitNodeIds(pack.pathway, b));
}

TEST_CASE("bundled pathway: the start points light exactly their routes", "[pathway][highlight][bundled]")
{
    const Pathway& p = BundledPack().pathway;
    CHECK(LitNodeIds(p, HighlightFromStart(p, "have-a-degree")) ==
          Ids{"hospital-technologist-post", "higher-degree", "ipem-training-scheme", "distance-learning-degree",
              "stp-application", "stp", "technologist-job", "hcpc-registration", "experienced-technologist",
              "clinical-engineer-job", "senior-technologist", "teaching-and-research", "chartered-engineer"});
    CHECK(LitNodeIds(p, HighlightFromStart(p, "doing-a-levels")) == Ids{"a-levels",
                                                                        "scottish-highers",
                                                                        "btec-level-3",
                                                                        "international-baccalaureate",
                                                                        "university-application",
                                                                        "ptp-bsc",
                                                                        "science-degree",
                                                                        "meng-degree",
                                                                        "ptp-specialism",
                                                                        "hospital-technologist-post",
                                                                        "higher-degree",
                                                                        "ipem-training-scheme",
                                                                        "distance-learning-degree",
                                                                        "stp-application",
                                                                        "stp",
                                                                        "technologist-job",
                                                                        "hcpc-registration",
                                                                        "experienced-technologist",
                                                                        "clinical-engineer-job",
                                                                        "senior-technologist",
                                                                        "teaching-and-research",
                                                                        "chartered-engineer"});
    // Adults changing career: the Access course and the apprenticeship, not GCSEs or A levels.
    const std::vector<std::string> adult = LitNodeIds(p, HighlightFromStart(p, "changing-career"));
    CHECK(adult.size() == 21);
    for (const char* dim : {"gcses", "a-levels", "scottish-highers", "btec-level-3", "international-baccalaureate"})
        CHECK(std::find(adult.begin(), adult.end(), dim) == adult.end());
    // Every start point lights something, and every node is lit by some start point.
    std::vector<char> any(p.nodes.size(), 0);
    for (const PathwayStart& s : p.starts)
    {
        const PathwayHighlight h = HighlightFromStart(p, s.id);
        CHECK(h.active);
        for (size_t i = 0; i < any.size(); ++i)
            any[i] |= h.node_lit[i];
    }
    CHECK(std::count(any.begin(), any.end(), 1) == static_cast<long>(p.nodes.size()));
}

TEST_CASE("bundled pathway: a role lights the routes into it", "[pathway][highlight][bundled]")
{
    const ContentPack& pack = BundledPack();
    // Every route into the engineer's job runs through a degree and the STP (the sources give no
    // apprenticeship or PTP route to it), from school in England, Wales or Scotland.
    CHECK(LitNodeIds(pack.pathway, HighlightToRole(pack, "clinical-engineer")) ==
          Ids{"gcses", "access-to-science", "a-levels", "scottish-highers", "btec-level-3",
              "international-baccalaureate", "university-application", "science-degree", "meng-degree", "higher-degree",
              "stp-application", "stp", "hcpc-registration", "clinical-engineer-job", "teaching-and-research",
              "chartered-engineer", "national-5"});
    // A specialism tagged on the technologist job: everything before it, nothing after it.
    const std::vector<std::string> renal = LitNodeIds(pack.pathway, HighlightToRole(pack, "renal-engineering"));
    CHECK(renal.size() == 20);
    for (const char* dim : {"hcpc-registration", "experienced-technologist", "clinical-engineer-job",
                            "senior-technologist", "teaching-and-research", "chartered-engineer"})
        CHECK(std::find(renal.begin(), renal.end(), dim) == renal.end());
    // The STP entry route of a clinical engineer: how to reach the STP, and on to the engineer's jobs.
    CHECK(LitNodeIds(pack.pathway, HighlightNode(pack, "stp", "clinical-engineer")) ==
          Ids{"gcses", "access-to-science", "a-levels", "scottish-highers", "btec-level-3",
              "international-baccalaureate", "university-application", "science-degree", "meng-degree", "higher-degree",
              "stp-application", "stp", "hcpc-registration", "clinical-engineer-job", "teaching-and-research",
              "chartered-engineer", "national-5"});
}
