// The physical screens the target-size checks assume for each resolution the kiosk is tested at
// (issue 11; the same table is in README.md, "Accessibility checks"). The kiosk itself uses the
// size the monitor reports (ui/metrics.h); these are the screens a stand is likely to have.
#pragma once
#include <vector>

namespace kiosk::test
{
struct AssumedScreen
{
    int width_px, height_px;
    float width_mm, height_mm; // active area
    const char* what;
};

inline const std::vector<AssumedScreen>& AssumedScreens()
{
    static const std::vector<AssumedScreen> screens = {
        {800, 480, 154.2f, 85.9f, "7-inch Raspberry Pi touch display"},
        {1280, 800, 217.0f, 135.6f, "10.1-inch touch panel (a Pi or mini-PC tablet)"},
        {1920, 1080, 531.4f, 298.9f, "24-inch monitor"},
        {1080, 1920, 298.9f, 531.4f, "24-inch monitor, portrait"},
        {3840, 2160, 1209.6f, 680.4f, "55-inch display"},
    };
    return screens;
}
} // namespace kiosk::test
