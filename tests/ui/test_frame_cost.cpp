// Not a timed test: prints the CPU cost of DrawUi per screen for the README's figures. Hidden
// ([.]); run with: kiosk_ui_tests "[frame-cost]"
#include "core/content/content_loader.h"
#include "core/visit/navigation.h"
#include "support/ui_harness.h"

#include <catch2/catch.hpp>
#include <chrono>

namespace core = kiosk::core;

using namespace kiosk::ui;
using kiosk::ui::test::UiHarness;

TEST_CASE("DrawUi CPU time per screen (bundled content)", "[.][frame-cost]")
{
    auto loaded = kiosk::core::LoadContentPack(KIOSK_CONTENT_DIR);
    REQUIRE(loaded.pack);
    for (auto [w, ht] : {std::pair{1920.f, 1080.f}, {3840.f, 2160.f}})
        for (const char* screen : {"home", "role", "gallery"})
        {
            UiHarness h(w, ht, loaded.pack);
            h.hits.capture_text = false;
            if (std::string(screen) == "role")
                h.Act(core::OpenRole{"clinical-technologist"});
            if (std::string(screen) == "gallery")
                h.Act(core::OpenGallery{});
            h.Frames(3);
            const int n = 200;
            const auto t0 = std::chrono::steady_clock::now();
            h.Frames(n);
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / n;
            const ImDrawData* dd = ImGui::GetDrawData();
            WARN(screen << " " << w << "x" << ht << ": " << ms << " ms per frame (NewFrame+DrawUi+Render), "
                        << dd->TotalVtxCount << " vertices, font atlas " << h.fonts.atlas_width << "x"
                        << h.fonts.atlas_height);
        }
}
