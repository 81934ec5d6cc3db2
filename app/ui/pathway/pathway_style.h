// Colours and labels of the flowchart's node kinds, and the colours a node or edge is drawn in
// for its state (normal, lit, dimmed, selected). Kind colours come from the kinds table in core
// (pathway_kinds.h: the Okabe-Ito palette, which stays distinguishable with the common
// colour-vision deficiencies); the kind is also written on every node, so colour never carries meaning alone. Text
// colours are picked for at least 4.5:1 contrast against what they sit on (tests/ui/pathway/test_pathway_layouts.cpp
// checks).
#pragma once
#include "ui/theme.h"
#include "ui/ui_context.h"

#include <imgui.h>
#include <string>
#include <vector>

namespace kiosk::ui
{
// The ids of the node kinds in legend order (core/pathway/pathway_kinds.h holds the table).
const std::vector<std::string>& PathwayKinds();

// The visitor-facing name of a kind ("Degree"), from strings.json key "pathway.kind.<kind>"
// with the table's English fallback; an unknown kind shows its id.
std::string PathwayKindLabel(const UiContext& ctx, const std::string& kind);

enum class NodeState
{
    Normal, // nothing is lit
    Lit,    // on a lit route
    Dimmed, // something else is lit
};

struct NodeColors
{
    ImU32 fill = 0;        // the node's body (behind its title)
    ImU32 header = 0;      // the band that names the kind
    ImU32 header_text = 0; // the kind's name on the band
    ImU32 text = 0;        // the title
    ImU32 outline = 0;
    float outline_ems = 0.06f; // outline thickness in ems (at zoom 1)
};

NodeColors PathwayNodeColors(const Palette& palette, const std::string& kind, NodeState state, bool selected);

struct EdgeColors
{
    ImU32 line = 0;
    float thickness_ems = 0.08f;
    ImU32 label_fill = 0;
    ImU32 label_text = 0;
    ImU32 label_outline = 0;
};

EdgeColors PathwayEdgeColors(const Palette& palette, NodeState state);

// `a` mixed towards `b` by t (0 = a, 1 = b), opaque.
ImU32 MixColor(ImU32 a, ImU32 b, float t);
} // namespace kiosk::ui
