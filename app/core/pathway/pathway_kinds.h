// The pathway node kinds: the one list of them. The loader accepts exactly these in
// pathway.json "kind"; the flowchart colours, legend and labels, the interface-string keys
// "pathway.kind.<id>", the guide (content/README.md) and the JSON Schema (pathway.schema.json)
// all read or are checked against this table (tests/core/content/test_vocabularies.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::core
{
struct PathwayNodeKind
{
    const char* id;          // as written in pathway.json: "degree"
    const char* label;       // English name on the node's band and in the legend: "Degree"
    const char* description; // for editors: what sort of step it is
    uint32_t color;          // 0xRRGGBBAA: the node's band (Okabe-Ito, safe for colour-blind eyes)
};

// Every kind, in legend order.
const std::vector<PathwayNodeKind>& PathwayNodeKinds();
// The kind called `id`, or null when pathway.json names an unknown one.
const PathwayNodeKind* FindPathwayNodeKind(const std::string& id);
// "\"school\", \"college\", ..." for messages.
std::string PathwayNodeKindList();
// The interface-string key of a kind's label: "pathway.kind.<id>".
std::string PathwayNodeKindKey(const std::string& id);
} // namespace kiosk::core
