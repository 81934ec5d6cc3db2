#include "core/content/pack_summary.h"

namespace kiosk::core
{
namespace
{
std::string Count(size_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}
} // namespace

std::string DescribeContentPack(const ContentPack& pack)
{
    std::string out = Count(pack.roles.size(), "role", "roles") + ", " +
                      Count(pack.photos.size(), "photograph", "photographs") + ", " +
                      Count(pack.pathway.nodes.size(), "pathway node", "pathway nodes");
    if (!pack.quiz.Empty())
        out += ", a " + std::to_string(pack.quiz.questions.size()) + "-question quiz";
    out += "; attract loop: ";
    if (!pack.attract.empty())
        return out + Count(pack.attract.size(), "slide", "slides") + " from attract.json";
    const std::string automatic = "one automatic slide per role (" + std::to_string(pack.roles.size()) + ")";
    if (pack.has_attract_file)
        return out + "attract.json lists no slides, so " + automatic;
    return out + "no attract.json, so " + automatic;
}
} // namespace kiosk::core
