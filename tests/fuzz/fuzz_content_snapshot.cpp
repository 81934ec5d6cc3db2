// Fuzz target: the body of a content snapshot entry (core/content/content_snapshot.h), decoded as
// the kiosk's start decodes it: the pack first, the texts when the later checks run. The cache's
// checksum stands in front of this on a kiosk; the decoder must hold without it.
#include "core/content/content_snapshot.h"
#include "fuzz_check.h"

#include <memory>
#include <vector>

using namespace kiosk::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    PackSnapshot head;
    size_t texts_at = 0;
    if (DecodePackSnapshot(data, size, &head, &texts_at))
    {
        KIOSK_FUZZ_CHECK(texts_at <= size, "the texts start inside the entry");
        KIOSK_FUZZ_CHECK(head.texts.empty(), "the texts are left encoded");
        EncodedTexts texts{std::make_shared<const std::vector<unsigned char>>(data, data + size), texts_at};
        TextRecords decoded;
        texts.Decode(&decoded);
    }
    PackSnapshot whole;
    if (!DecodePackSnapshot(data, size, &whole))
        return 0;
    // What decodes encodes to bytes that decode to the same (maps drop repeated keys, so the
    // input's own bytes may differ).
    const std::vector<unsigned char> again = EncodePackSnapshot(whole);
    PackSnapshot second;
    KIOSK_FUZZ_CHECK(DecodePackSnapshot(again.data(), again.size(), &second), "an encoded snapshot decodes");
    KIOSK_FUZZ_CHECK(EncodePackSnapshot(second) == again, "decoding and encoding again changes nothing");
    return 0;
}
