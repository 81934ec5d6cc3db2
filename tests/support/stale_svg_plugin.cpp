// A stand-in for careers-kiosk-svg.so left over from another version of the kiosk: it exports the
// entry point the kiosk looks for, but its table has another ABI number and size. Built (never
// installed) as tests/stale-plugin/careers-kiosk-svg.so for tests/core/plugins/test_plugin_module.cpp.
#include "core/images/svg_plugin_abi.h"

namespace
{
struct OlderTable
{
    unsigned abi;
    unsigned size;
    void* open;
};
const OlderTable kOlder = {KIOSK_SVG_PLUGIN_ABI + 1, sizeof(OlderTable), nullptr};
} // namespace

extern "C" __attribute__((visibility("default"))) const KioskSvgPlugin* careers_kiosk_svg_plugin_v1(void)
{
    return reinterpret_cast<const KioskSvgPlugin*>(&kOlder);
}
