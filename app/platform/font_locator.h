// Finds the UI font files through fontconfig (Debian package fonts-noto-core: Noto Sans covers
// Welsh ŵ and ŷ, £ and typographic punctuation).
#pragma once
#include <string>

namespace kiosk::platform
{
struct FontFiles
{
    std::string regular; // absolute path of a TrueType/OpenType file
    std::string bold;
    std::string error; // empty on success
};

// Asks fontconfig for "Noto Sans" regular and bold. When Noto is missing, fontconfig would
// substitute any font; we accept the substitute only if it is a scalable font, and say so in
// `error` only when nothing usable exists.
FontFiles LocateUiFonts();
} // namespace kiosk::platform
