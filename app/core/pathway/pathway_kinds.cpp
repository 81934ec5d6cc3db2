#include "core/pathway/pathway_kinds.h"

namespace kiosk::core
{
const std::vector<PathwayNodeKind>& PathwayNodeKinds()
{
    // Okabe-Ito order: sky blue, orange, reddish purple, bluish green, yellow, blue, vermillion, black.
    static const std::vector<PathwayNodeKind> kinds = {
        {"school", "School", "a school qualification such as GCSEs, A levels or Highers", 0x56B4E9FF},
        {"college", "College", "a college or Access course, or a vocational qualification", 0xE69F00FF},
        {"degree", "Degree", "a university degree", 0xCC79A7FF},
        {"apprenticeship", "Apprenticeship", "an apprenticeship", 0x009E73FF},
        {"programme", "Training programme", "a training programme such as the PTP or STP", 0xF0E442FF},
        {"job", "Job", "a job", 0x0072B2FF},
        {"registration", "Registration", "registration or chartership", 0xD55E00FF},
        {"application", "Application",
         "a step where you apply, such as applying to university through UCAS or to the STP", 0x000000FF},
    };
    return kinds;
}

const PathwayNodeKind* FindPathwayNodeKind(const std::string& id)
{
    for (const PathwayNodeKind& kind : PathwayNodeKinds())
        if (id == kind.id)
            return &kind;
    return nullptr;
}

std::string PathwayNodeKindList()
{
    std::string out;
    for (const PathwayNodeKind& kind : PathwayNodeKinds())
        out += (out.empty() ? "\"" : ", \"") + std::string(kind.id) + "\"";
    return out;
}

std::string PathwayNodeKindKey(const std::string& id)
{
    return "pathway.kind." + id;
}
} // namespace kiosk::core
