#include "ui/metrics.h"
#include "ui/theme.h"

#include <catch2/catch.hpp>

namespace core = kiosk::core;

using namespace kiosk::ui;

TEST_CASE("body text is at least 2.5% of the shorter side; larger text is 1.25x", "[ui][metrics]")
{
    const Metrics m = ComputeMetrics(1920, 1080, 0, 0, false);
    CHECK(m.em >= 27.0f);
    CHECK(m.em <= 28.0f);
    const Metrics big = ComputeMetrics(1920, 1080, 0, 0, true);
    CHECK(big.em == Approx(1.25f * m.em).margin(1.0f));
    for (auto [w, h] : {std::pair{800.f, 480.f}, {1280.f, 800.f}, {1080.f, 1920.f}, {3840.f, 2160.f}})
    {
        const Metrics s = ComputeMetrics(w, h, 0, 0, false);
        CHECK(s.em >= 0.025f * std::min(w, h) - 0.5f);
        CHECK(s.touch_min >= 9.0f * s.px_per_mm - 0.5f);
        CHECK(s.touch_min >= 1.8f * s.em - 0.5f);
        CHECK(s.gap >= kMinGapMm * s.px_per_mm - 0.5f);
    }
}

TEST_CASE("touch targets are 9 mm on the real screen when its size is known", "[ui][metrics]")
{
    // A 21.5-inch 1080p monitor is about 476 x 268 mm: 4.03 px/mm, 9 mm = 37 px.
    const Metrics m = ComputeMetrics(1920, 1080, 476, 268, false);
    CHECK(m.px_per_mm == Approx(1920.0f / 476.0f));
    CHECK(m.touch_min >= 9.0f * m.px_per_mm);
    // Nonsense sizes (some drivers report 0 or 1 mm) fall back to the documented default.
    const Metrics unknown = ComputeMetrics(1920, 1080, 1, 1, false);
    CHECK(unknown.px_per_mm == Approx(PixelsPerMm(1920, 1080, 0, 0)));
    CHECK(PixelsPerMm(1920, 1080, 0, 0) == Approx(2202.9f / (15.6f * 25.4f)).epsilon(0.01));
    CHECK(PixelsPerMm(800, 480, 0, 0) == Approx(933.0f / (7.0f * 25.4f)).epsilon(0.01));
}

TEST_CASE("contrast ratio matches WCAG reference values", "[ui][theme]")
{
    CHECK(ContrastRatio(IM_COL32_WHITE, IM_COL32_BLACK) == Approx(21.0f).epsilon(0.001));
    CHECK(ContrastRatio(IM_COL32_WHITE, IM_COL32_WHITE) == Approx(1.0f));
    // NHS blue #005EB8 on white: 6.38:1 (WebAIM checker gives 6.38).
    CHECK(ContrastRatio(ToImU32(0x005EB8FF), IM_COL32_WHITE) == Approx(6.38f).margin(0.02f));
}

TEST_CASE("every text/background pair of both themes meets WCAG AA (4.5:1)", "[ui][theme]")
{
    const kiosk::core::Theme theme; // NHS blue, calm grey, near black
    for (bool hc : {false, true})
    {
        INFO("high contrast " << hc);
        const Palette p = MakePalette(theme, hc);
        CHECK(ContrastRatio(p.text, p.background) >= 4.5f);
        CHECK(ContrastRatio(p.text, p.surface) >= 4.5f);
        CHECK(ContrastRatio(p.text_muted, p.surface) >= 4.5f);
        CHECK(ContrastRatio(p.text_muted, p.background) >= 4.5f);
        CHECK(ContrastRatio(p.accent_text, p.accent) >= 4.5f);
        CHECK(ContrastRatio(p.bar_text, p.bar) >= 4.5f);
        CHECK(ContrastRatio(p.text, p.accent_soft) >= 4.5f);
        CHECK(ContrastRatio(p.accent, p.surface) >= 4.5f); // links and chip labels
        if (hc)
            CHECK(ContrastRatio(p.text, p.background) >= 7.0f);
    }
}

TEST_CASE("a content accent too light for text is darkened until it passes", "[ui][theme]")
{
    kiosk::core::Theme pale;
    pale.accent = 0xAADDFFFF;
    const Palette p = MakePalette(pale, false);
    CHECK(ContrastRatio(p.accent, p.surface) >= 4.5f);
    CHECK(ContrastRatio(p.accent_text, p.accent) >= 4.5f);
}
