// Fuzz target: the pathway flowchart (pathway.json), through the same
// parse and validation as the kiosk (LoadContentPack on a copy of a pack with this one file replaced).
#include "fuzz_check.h"
#include "fuzz_pack.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    kiosk::fuzz::LoadPackWithFile(kiosk::fuzz::BasePack::Minimal, "pathway.json", data, size);
    return 0;
}
