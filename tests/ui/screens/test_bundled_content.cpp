// The real content pack through the real screens: every role of content/ gets a card, every
// role page and every photo draws, in English and in Welsh, at the smallest and largest size.
#include "core/content/content_loader.h"
#include "core/content/interface_strings.h"
#include "core/visit/navigation.h"
#include "support/ui_harness.h"
#include "ui/ui_strings.h"

#include <catch2/catch.hpp>
#include <set>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::UiHarness;

namespace
{
std::shared_ptr<const kiosk::core::ContentPack> LoadBundled()
{
    auto result = kiosk::core::LoadContentPack(KIOSK_CONTENT_DIR);
    INFO(kiosk::core::FormatDiagnostics(result.diagnostics));
    REQUIRE(result.pack);
    return result.pack;
}
} // namespace

TEST_CASE("every bundled role has a home card and a page that draws", "[ui][content]")
{
    auto pack = LoadBundled();
    for (auto [w, ht] : {std::pair{800.f, 480.f}, {3840.f, 2160.f}})
        for (const char* lang : {"en", "cy"})
        {
            INFO(w << "x" << ht << " " << lang);
            UiHarness h(w, ht, pack);
            h.Act(core::SetLanguage{lang});
            std::set<std::string> seen;
            h.Frame();
            for (int i = 0; i < 30; ++i)
            {
                for (const HitArea& a : h.hits.WithPrefix("role-card:"))
                    seen.insert(a.id.substr(10));
                h.Drag(ImVec2(0.5f * w, 0.75f * ht), ImVec2(0.5f * w, 0.45f * ht), 8);
                h.Settle();
            }
            for (const auto& role : pack->roles)
            {
                INFO(role.id);
                CHECK(seen.count(role.id) == 1);
                h.Act(core::Home{});
                h.view = VisitView{};
                h.Act(core::SetLanguage{lang});
                h.Act(core::OpenRole{role.id});
                h.Frame();
                CHECK(h.hits.Drew(role.title.Get(lang)));
                CHECK(h.Find("nav:back"));
            }
        }
}

TEST_CASE("every bundled photo shows in the gallery with its caption", "[ui][content]")
{
    auto pack = LoadBundled();
    UiHarness h(1920, 1080, pack);
    h.Frame();
    REQUIRE(h.TapId("home:gallery"));
    for (const auto& photo : pack->photos)
    {
        h.Settle();
        INFO(photo.id);
        CHECK(h.hits.Drew(photo.caption.Get("en")));
        REQUIRE(h.TapId("gallery:next"));
    }
    CHECK(h.State().gallery_index == 0); // wrapped round
}

TEST_CASE("the bundled strings.json has every interface string the screens use, in English and Welsh", "[ui][content]")
{
    auto pack = LoadBundled();
    for (const kiosk::core::InterfaceString& s : kiosk::core::InterfaceStrings())
    {
        INFO(s.key);
        auto it = pack->strings.by_key.find(s.key);
        REQUIRE(it != pack->strings.by_key.end());
        CHECK(it->second.Has("en"));
        CHECK(it->second.Has("cy"));
    }
}
