// The pathway graph as loaded from pathway.json: steps (nodes), arrows (edges) and the
// "Where are you now?" start points. The loader checks it (pathway_checks.h) before a pack is
// accepted; the flowchart lays it out (core/layout) and lights routes in it (pathway_highlight.h).
#pragma once
#include "core/content/diagnostics.h"
#include "core/content/localized_text.h"

#include <string>
#include <vector>

namespace kiosk::core
{
struct PathwayNode
{
    std::string id;
    std::string kind; // the id of one of PathwayNodeKinds() (pathway_kinds.h)
    LocalizedText title;
    LocalizedText detail;
    LocalizedText duration;
    LocalizedText requirements;
    std::vector<std::string> roles; // Role ids this node leads to / is
    SourceLocation where;
};

struct PathwayEdge
{
    std::string from;
    std::string to;
    LocalizedText condition; // optional label, e.g. "2:1 or higher"
    SourceLocation where;
};

struct PathwayStart
{
    std::string id;
    LocalizedText title; // "Choosing GCSEs"
    std::vector<std::string> nodes;
    SourceLocation where;
};

struct Pathway
{
    std::vector<PathwayNode> nodes;
    std::vector<PathwayEdge> edges;
    std::vector<PathwayStart> starts;

    const PathwayNode* FindNode(const std::string& id) const
    {
        for (const PathwayNode& n : nodes)
            if (n.id == id)
                return &n;
        return nullptr;
    }
};
} // namespace kiosk::core
