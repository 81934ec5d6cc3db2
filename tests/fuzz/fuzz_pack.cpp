// See fuzz_pack.h.
#include "fuzz_pack.h"

#include "core/content/content_loader.h"
#include "fuzz_check.h"

#include <filesystem>
#include <map>

namespace kiosk::fuzz
{
namespace
{
std::string SourceOf(BasePack base)
{
    return base == BasePack::Minimal ? std::string(KIOSK_FIXTURES_DIR) + "/content/minimal"
                                     : std::string(KIOSK_CONTENT_DIR);
}

// The copy of each base pack, made on first use.
const std::string& PackCopy(BasePack base)
{
    static std::map<BasePack, std::string> copies;
    auto found = copies.find(base);
    if (found != copies.end())
        return found->second;
    const std::string dest = ScratchDir() + (base == BasePack::Minimal ? "/minimal" : "/bundled");
    std::error_code ec;
    std::filesystem::copy(SourceOf(base), dest, std::filesystem::copy_options::recursive, ec);
    KIOSK_FUZZ_CHECK(!ec, "copying " + SourceOf(base) + ": " + ec.message());
    return copies.emplace(base, dest).first->second;
}
} // namespace

void LoadPackWithFile(BasePack base, const std::string& relative, const std::uint8_t* data, std::size_t size)
{
    const std::string& root = PackCopy(base);
    KIOSK_FUZZ_CHECK(WriteInputFile(root + "/" + relative, data, size), "writing " + relative);
    const core::ContentLoadResult result = core::LoadContentPack(root);
    KIOSK_FUZZ_CHECK((result.pack != nullptr) == !result.diagnostics.HasErrors(),
                     "a pack is built exactly when there are no errors");
    for (const core::Diagnostic& d : result.diagnostics.items)
    {
        KIOSK_FUZZ_CHECK(!d.message.empty(), "every diagnostic says what is wrong");
        KIOSK_FUZZ_CHECK(!d.where.file.empty(), "every diagnostic names a file: " + d.message);
    }
    if (result.pack)
        KIOSK_FUZZ_CHECK(!core::CollectPackText(*result.pack).empty(), "a loaded pack has text for the font atlas");
}
} // namespace kiosk::fuzz
