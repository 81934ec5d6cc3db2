// Nothing flashes more than three times a second (WCAG 2.3.1, general flash threshold; issue 11):
// frames of the attract loop (its cross-fades included), the "Still there?" countdown and a keypad
// visit are drawn headlessly at 30 frames a second, rasterised on the CPU from ImGui's draw data
// (vertex colours, the font atlas's coverage; photographs as their tint), and the relative
// luminance of each cell of a grid is followed over time. A flash is a pair of opposing changes
// of at least 0.1 where the darker side is below 0.8; no cell may have more than three flashes in
// any one second. The cells are smaller than WCAG's flash area, so the count errs on the strict side.
#include "support/soft_raster.h"
#include "support/ui_harness_admin.h"
#include "ui/screens/attract_screen.h"
#include "ui/screens/still_there_overlay.h"
#include "ui/theme.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

namespace core = kiosk::core;
using namespace kiosk::ui;
using kiosk::ui::test::BundledPack;
using kiosk::ui::test::DrawHarness;
using kiosk::ui::test::RasteriseDrawData;
using kiosk::ui::test::RelativeLuminance;
using kiosk::ui::test::SoftFrame;
using kiosk::ui::test::SoftRasterOptions;
using kiosk::ui::test::UiHarness;

namespace
{
constexpr int kCellsX = 8, kCellsY = 6;
constexpr float kScale = 0.2f; // raster pixels per screen pixel

// The last rendered frame's relative luminance per cell (row-major), over `clear`.
std::vector<float> CellLuminance(float screen_w, float screen_h, ImU32 clear)
{
    SoftRasterOptions options;
    options.scale = kScale;
    options.clear = clear;
    const SoftFrame f = RasteriseDrawData(screen_w, screen_h, options);
    std::vector<float> cells(kCellsX * kCellsY, 0.0f);
    std::vector<int> counts(kCellsX * kCellsY, 0);
    for (int py = 0; py < f.height; ++py)
        for (int px = 0; px < f.width; ++px)
        {
            const size_t p = (size_t)py * f.width + px;
            const int cell = std::min(kCellsY - 1, py * kCellsY / f.height) * kCellsX +
                             std::min(kCellsX - 1, px * kCellsX / f.width);
            cells[(size_t)cell] += RelativeLuminance(f.rgb[p * 3], f.rgb[p * 3 + 1], f.rgb[p * 3 + 2]);
            counts[(size_t)cell]++;
        }
    for (size_t i = 0; i < cells.size(); ++i)
        cells[i] /= std::max(1, counts[i]);
    return cells;
}

// The most flashes (pairs of opposing luminance changes, WCAG 2.3.1) in any one-second window of
// one luminance series sampled at `fps`.
int MostFlashesPerSecond(const std::vector<float>& series, double fps)
{
    std::vector<double> transitions;
    int dir = 0;
    float lo = series.empty() ? 0.0f : series[0], hi = lo, peak = lo;
    for (size_t i = 1; i < series.size(); ++i)
    {
        const float L = series[i];
        const double t = (double)i / fps;
        if (dir == 0)
        {
            lo = std::min(lo, L), hi = std::max(hi, L);
            if (L - lo >= 0.1f && lo < 0.8f)
                dir = +1, peak = L, transitions.push_back(t);
            else if (hi - L >= 0.1f && L < 0.8f)
                dir = -1, peak = L, transitions.push_back(t);
        }
        else if (dir > 0)
        {
            if (L > peak)
                peak = L;
            else if (peak - L >= 0.1f && L < 0.8f)
                dir = -1, peak = L, transitions.push_back(t);
        }
        else
        {
            if (L < peak)
                peak = L;
            else if (L - peak >= 0.1f && peak < 0.8f)
                dir = +1, peak = L, transitions.push_back(t);
        }
    }
    int most = 0;
    for (size_t i = 0; i < transitions.size(); ++i)
    {
        size_t j = i;
        while (j < transitions.size() && transitions[j] < transitions[i] + 1.0)
            ++j;
        most = std::max(most, (int)(j - i) / 2);
    }
    return most;
}

// Draws `frames` frames at 30 fps with `draw_at(t)` and returns the most flashes per second of
// any cell.
template <typename DrawAt> int Flashes(float w, float h, ImU32 clear, int frames, DrawAt draw_at)
{
    std::vector<std::vector<float>> series(kCellsX * kCellsY);
    for (int f = 0; f < frames; ++f)
    {
        draw_at(f / 30.0);
        const std::vector<float> cells = CellLuminance(w, h, clear);
        for (size_t c = 0; c < cells.size(); ++c)
            series[c].push_back(cells[c]);
    }
    int most = 0;
    for (const auto& s : series)
        most = std::max(most, MostFlashesPerSecond(s, 30.0));
    return most;
}
} // namespace

TEST_CASE("the flash counter catches a screen that flashes", "[ui][flash]")
{
    std::vector<float> flashing, fading, slow;
    for (int i = 0; i < 90; ++i)
    {
        flashing.push_back((i / 3) % 2 ? 1.0f : 0.05f);             // 5 flashes a second at 30 fps
        fading.push_back(0.05f + 0.9f * std::min(1.0f, i / 30.0f)); // one fade: one change
        slow.push_back((i / 10) % 2 ? 1.0f : 0.05f);                // 1.5 flashes a second
    }
    CHECK(MostFlashesPerSecond(flashing, 30.0) >= 4);
    CHECK(MostFlashesPerSecond(fading, 30.0) == 0);
    CHECK(MostFlashesPerSecond(slow, 30.0) <= 2);
}

TEST_CASE("the attract loop never flashes more than three times a second", "[ui][flash]")
{
    auto pack = BundledPack();
    for (bool high_contrast : {false, true})
    {
        DrawHarness h(960, 540, pack);
        const Palette palette = MakePalette(pack->settings.theme, high_contrast);
        h.palette = &palette;
        const double start = h.now;
        // Three slides and the two cross-fades between them, at 30 frames a second.
        const double slide_s = pack->settings.timings.attract_slide_s;
        const int frames = (int)(30.0 * (2.0 * slide_s + 2.0));
        const int most = Flashes(960, 540, palette.background, frames,
                                 [&](double t)
                                 {
                                     h.now = start + t;
                                     h.draw = [&](const UiContext& ctx)
                                     { return DrawAttractUi(ctx, start - 0.5 * slide_s).animating; };
                                     h.Frame();
                                 });
        INFO((high_contrast ? "high contrast" : "light") << ": " << most << " flashes a second");
        CHECK(most <= 3);
    }
}

TEST_CASE("the Still there? countdown and the keypad ring never flash", "[ui][flash]")
{
    auto pack = BundledPack();
    DrawHarness h(960, 540, pack);
    const Palette palette = MakePalette(pack->settings.theme, false);
    h.palette = &palette;
    double left = 20.0;
    const int countdown =
        Flashes(960, 540, palette.background, 150,
                [&](double t)
                {
                    left = 20.0 - t;
                    h.draw = [&](const UiContext& ctx) { return DrawStillThereOverlay(ctx, left).animating; };
                    h.Frame();
                });
    CHECK(countdown <= 3);

    // A visitor holding Down: the ring moves from card to card (key repeat, 10 a second).
    UiHarness v(960, 540, pack);
    v.Settle();
    const int keys = Flashes(960, 540, palette.background, 90,
                             [&](double t)
                             {
                                 if ((int)(t * 30.0) % 3 == 0)
                                     v.keys.push_back(core::KeyCommand::Next);
                                 v.Frame();
                             });
    INFO("keypad: " << keys);
    CHECK(keys <= 3);
}
