// make-flowchart-pack: a copy of a content pack whose pathway.json is a generated flowchart
// (support/pathway_samples.h), for looking at flowcharts an editor did not expect:
//
//   make-flowchart-pack --nodes 400 [--seed 1] --content content --out /tmp/pack400
//   careers-kiosk --validate /tmp/pack400
//   careers-kiosk --screenshot shot.png --size 800x480 --screen pathway --content /tmp/pack400
//
// The copy's roles (roles/<id>.json) are named on the generated jobs. A test-only tool: it is
// built with the tests and never installed.
#include "support/pathway_samples.h"

#include <cstdlib>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    int nodes = 0;
    std::uint64_t seed = 1;
    std::string content, out;
    for (int i = 1; i + 1 < argc; i += 2)
    {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--nodes")
            nodes = std::atoi(value.c_str());
        else if (key == "--seed")
            seed = std::strtoull(value.c_str(), nullptr, 10);
        else if (key == "--content")
            content = value;
        else if (key == "--out")
            out = value;
        else
        {
            std::cerr << "make-flowchart-pack: unknown option " << key << "\n";
            return 2;
        }
    }
    if (nodes <= 0 || content.empty() || out.empty() || argc % 2 == 0)
    {
        std::cerr << "usage: make-flowchart-pack --nodes N [--seed S] --content DIR --out DIR\n";
        return 2;
    }
    const std::string error = kiosk::core::WriteGeneratedPathwayPack(content, out, nodes, seed);
    if (!error.empty())
    {
        std::cerr << "make-flowchart-pack: " << error << "\n";
        return 1;
    }
    std::cout << out << "/pathway.json: " << nodes << " nodes (seed " << seed << ")\n";
    return 0;
}
