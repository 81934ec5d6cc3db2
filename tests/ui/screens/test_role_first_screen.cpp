// The validator's model of the role page's first screen at 800x480 (core/content/guide_limits.h)
// against the real layout: where the model puts the bottom of "How do I get this job?", the
// button really is no lower (the model never promises a fit the screen does not have), and not
// more than two lines higher (the warning does not come far too early). Default and larger
// text, English and Welsh, every bundled role, and summaries from one line to far too long.
#include "core/content/content_loader.h"
#include "core/content/guide_limits.h"
#include "support/ui_harness.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;
using namespace kiosk::ui;
using kiosk::ui::test::UiHarness;

TEST_CASE("the role page's first-screen model is never below the real button, and close to it",
          "[ui][role][guide-limits]")
{
    const core::ContentLoadResult loaded = core::LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(loaded.pack);
    const std::string sentence = "You check, mend and look after the equipment that keeps patients safe on the ward. ";
    for (bool larger : {false, true})
        for (const char* language : {"en", "cy"})
            for (int sentences : {0, 3, 8, 14, 24})
            {
                auto pack = std::make_shared<core::ContentPack>(*loaded.pack);
                for (core::Role& role : pack->roles)
                    if (sentences > 0)
                    {
                        std::string summary;
                        for (int i = 0; i < sentences; i++)
                            summary += sentence;
                        summary.pop_back();
                        role.summary.by_language[language] = summary;
                    }
                const core::RoleFirstScreen& model =
                    larger ? core::kRoleFirstScreen800Large : core::kRoleFirstScreen800;
                UiHarness h(800, 480, pack);
                h.visit.Touch(h.Time());
                if (language != h.State().language)
                    h.Act(core::SetLanguage{language});
                if (larger)
                    h.Act(core::ToggleLargerText{});
                for (const core::Role& role : pack->roles)
                {
                    h.Act(core::Home{});
                    h.Act(core::OpenRole{role.id});
                    h.Settle();
                    const HitArea* button = h.Find("role:pathway");
                    if (!button)
                        continue; // no route into this role: no button
                    INFO(role.id << " " << language << (larger ? " larger" : "") << ", " << sentences << " sentences");
                    CHECK(h.metrics.em == Approx(larger ? 20.0f : 16.0f));
                    const float predicted = core::RoleCallToActionBottom(
                        model, role.title.Get(language), role.summary.Get(language), !role.parent.empty());
                    CHECK(predicted >= button->full_y1 - 0.5f);
                    CHECK(predicted <= button->full_y1 + 2.0f * model.body_line_px);
                }
            }
}
