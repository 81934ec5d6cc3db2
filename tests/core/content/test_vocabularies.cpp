// One source for each vocabulary: the interface-string keys (core/content/interface_strings.h)
// and the pathway node kinds (core/pathway/pathway_kinds.h) are tables in the code, and the
// editors' guide (content/README.md), the JSON Schemas and the bundled pack must agree with
// them. On a mismatch the test prints the text the file should hold.
#include "core/content/content_loader.h"
#include "core/content/interface_strings.h"
#include "core/pathway/pathway_kinds.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

using namespace kiosk::core;
using nlohmann::json;

namespace
{
std::string ReadText(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

json ReadJson(const std::string& path)
{
    return json::parse(ReadText(path));
}

// The guide's interface-string table, between its two marker lines.
const char* kGuideBegin = "<!-- interface-strings: begin (checked against app/core/content/interface_strings.cpp) -->";
const char* kGuideEnd = "<!-- interface-strings: end -->";

std::string ExpectedGuideTable()
{
    std::string out = "| key | English | where it shows |\n| --- | --- | --- |\n";
    for (const InterfaceString& s : InterfaceStrings())
        out += "| `" + s.key + "` | " + s.english + " | " + s.where +
               (s.only_with_quiz ? " (needed only with quiz.json)" : "") + " |\n";
    return out;
}

std::string KindList(bool markdown)
{
    std::string out;
    for (const PathwayNodeKind& k : PathwayNodeKinds())
    {
        const std::string id = markdown ? "`" + std::string(k.id) + "`" : std::string(k.id);
        out += (out.empty() ? "" : ", ") + id + " (" + k.description + ")";
    }
    return out;
}

std::string ExpectedGuideKindRow()
{
    return "| `nodes[].kind` | string | required | one of " + KindList(true) +
           ". Sets the node's colour and the name on its band (interface string `pathway.kind.<kind>`) |";
}

std::string ExpectedSchemaKindDescription()
{
    return "What sort of step, one of " + KindList(false) + ". Sets the node's colour and the name on its band.";
}

std::string SchemaDescription(const InterfaceString& s)
{
    return s.where + (s.only_with_quiz ? " (needed only with quiz.json)" : "") + ". English: \"" + s.english + "\".";
}
} // namespace

TEST_CASE("the interface-string table has unique, well-formed keys with English and a description", "[content][vocab]")
{
    std::set<std::string> seen;
    for (const InterfaceString& s : InterfaceStrings())
    {
        INFO(s.key);
        CHECK(seen.insert(s.key).second);
        CHECK(s.key.find('.') != std::string::npos);
        CHECK(s.key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.") == std::string::npos);
        CHECK_FALSE(s.english.empty());
        CHECK_FALSE(s.where.empty());
        CHECK(s.where.find('|') == std::string::npos); // it goes into a Markdown table
        CHECK(FindInterfaceString(s.key) == &s);
    }
    for (const PathwayNodeKind& k : PathwayNodeKinds())
    {
        INFO(k.id);
        const InterfaceString* label = FindInterfaceString(PathwayNodeKindKey(k.id));
        REQUIRE(label);
        CHECK(label->english == k.label);
    }
    CHECK(FindInterfaceString("no.such_key") == nullptr);
}

TEST_CASE("the guide lists exactly the interface strings of the table", "[content][vocab]")
{
    const std::string guide = ReadText(std::string(KIOSK_CONTENT_DIR) + "/README.md");
    const size_t begin = guide.find(kGuideBegin);
    const size_t end = guide.find(kGuideEnd);
    REQUIRE(begin != std::string::npos);
    REQUIRE(end != std::string::npos);
    REQUIRE(begin < end);
    const size_t start = begin + std::string(kGuideBegin).size() + 1;
    const std::string table = guide.substr(start, end - start);
    const std::string expected = ExpectedGuideTable();
    if (table != expected)
        std::cout << "content/README.md should hold, between its interface-strings markers:\n" << expected;
    CHECK(table == expected);
}

TEST_CASE("the strings schema declares and requires exactly the interface strings of the table", "[content][vocab]")
{
    const json schema = ReadJson(std::string(KIOSK_CONTENT_DIR) + "/schema/strings.schema.json");
    const json& strings = schema.at("properties").at("strings");
    json properties = json::object();
    json required = json::array();
    for (const InterfaceString& s : InterfaceStrings())
    {
        properties[s.key] = {{"$ref", "#/$defs/text"}, {"description", SchemaDescription(s)}};
        if (!s.only_with_quiz) // the quiz's keys are required by the loader only when quiz.json exists
            required.push_back(s.key);
    }
    const bool same =
        strings.value("properties", json()) == properties && strings.value("required", json()) == required;
    if (!same)
        std::cout << "content/schema/strings.schema.json properties.strings should have\n\"properties\": "
                  << properties.dump(2) << ",\n\"required\": " << required.dump(2) << "\n";
    CHECK(strings.value("properties", json()) == properties);
    CHECK(strings.value("required", json()) == required);
}

TEST_CASE("the bundled strings.json has every interface string in English and Welsh, and no other", "[content][vocab]")
{
    const json file = ReadJson(std::string(KIOSK_CONTENT_DIR) + "/strings.json");
    const json& strings = file.at("strings");
    for (const InterfaceString& s : InterfaceStrings())
    {
        INFO(s.key);
        REQUIRE(strings.contains(s.key));
        CHECK(strings[s.key].value("en", "") != "");
        CHECK(strings[s.key].value("cy", "") != "");
    }
    for (const auto& [key, text] : strings.items())
    {
        INFO(key);
        CHECK(FindInterfaceString(key) != nullptr);
    }
}

TEST_CASE("the guide and the pathway schema list exactly the node kinds of the table", "[content][vocab]")
{
    const json schema = ReadJson(std::string(KIOSK_CONTENT_DIR) + "/schema/pathway.schema.json");
    const json& kind = schema.at("properties").at("nodes").at("items").at("properties").at("kind");
    json ids = json::array();
    for (const PathwayNodeKind& k : PathwayNodeKinds())
        ids.push_back(k.id);
    CHECK(kind.at("enum") == ids);
    CHECK(kind.at("description") == ExpectedSchemaKindDescription());

    const std::string guide = ReadText(std::string(KIOSK_CONTENT_DIR) + "/README.md");
    std::istringstream lines(guide);
    std::string row;
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("| `nodes[].kind` |", 0) == 0)
            row = line;
    if (row != ExpectedGuideKindRow())
        std::cout << "content/README.md's nodes[].kind row should be:\n" << ExpectedGuideKindRow() << "\n";
    CHECK(row == ExpectedGuideKindRow());
    // The loader's message names the same kinds.
    CHECK(PathwayNodeKindList() == "\"school\", \"college\", \"degree\", \"apprenticeship\", \"programme\", \"job\", "
                                   "\"registration\", \"application\"");
}

TEST_CASE("the glyph text of a pack holds every text a visitor can see, attract slides included", "[content][vocab]")
{
    ContentPack pack;
    auto text = [](const char* en, const char* cy)
    {
        LocalizedText t;
        t.by_language = {{"en", en}, {"cy", cy}};
        return t;
    };
    AttractSlide slide;
    slide.title = text("Slide title \u01B5", "Teitl \u0176");
    slide.text = text("Slide text \u0292", "Testun \u1E84");
    pack.attract.push_back(slide);
    pack.strings.by_key["nav.back"] = text("Back \u2192", "Yn \u00F4l");
    PathwayNode node;
    node.title = text("Node \u0394", "Nod");
    pack.pathway.nodes.push_back(node);
    const std::string all = CollectPackText(pack);
    for (const char* needle : {"Slide title \u01B5", "Teitl \u0176", "Slide text \u0292", "Testun \u1E84",
                               "Back \u2192", "Yn \u00F4l", "Node \u0394"})
    {
        INFO(needle);
        CHECK(all.find(needle) != std::string::npos);
    }
}
