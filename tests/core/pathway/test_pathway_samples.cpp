// The generated flowcharts (support/pathway_samples.h) are packs an editor could ship: written
// into a copy of the bundled pack they load with no error and no warning about the pathway, and
// they carry what the first-view tests rely on (every kind, conditions, start points deep in
// the chart).
#include "core/content/content_loader.h"
#include "core/pathway/pathway_kinds.h"
#include "support/pathway_samples.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <set>

using namespace kiosk::core;

TEST_CASE("generated flowcharts load as valid packs", "[pathway][samples]")
{
    for (int count : {10, 50, 150, 400})
    {
        INFO(count << " nodes");
        kiosk::test::TempDir dir("kiosk-flowchart-pack");
        REQUIRE(WriteGeneratedPathwayPack(KIOSK_CONTENT_DIR, dir.File("pack"), count, 1) == "");
        const ContentLoadResult result = LoadContentPack(dir.File("pack"));
        INFO(FormatDiagnostics(result.diagnostics));
        REQUIRE_FALSE(result.diagnostics.HasErrors());
        for (const Diagnostic& d : result.diagnostics.items)
            CHECK(d.where.file.find("pathway") == std::string::npos);
        const Pathway& p = result.pack->pathway;
        CHECK(p.nodes.size() == static_cast<size_t>(count));
        std::set<std::string> kinds;
        for (const PathwayNode& n : p.nodes)
            kinds.insert(n.kind);
        CHECK(kinds.size() == PathwayNodeKinds().size());
        size_t conditions = 0;
        for (const PathwayEdge& e : p.edges)
            conditions += !e.condition.Empty();
        CHECK(conditions >= p.edges.size() / 5);
        CHECK(p.starts.size() >= 2);
    }
}

TEST_CASE("generated flowcharts are the same for a seed and differ between seeds", "[pathway][samples]")
{
    const std::string a = PathwayJsonText(GenerateEditorPathway(7, 150, {"r"}));
    CHECK(a == PathwayJsonText(GenerateEditorPathway(7, 150, {"r"})));
    CHECK(a != PathwayJsonText(GenerateEditorPathway(8, 150, {"r"})));
}
