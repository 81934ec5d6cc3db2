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

// Where Debian and Raspberry Pi OS's fonts-noto-core puts Noto Sans (the package depends on it).
inline constexpr const char* kPackagedNotoDir = "/usr/share/fonts/truetype/noto";

// Noto Sans regular and bold: NotoSans-Regular.ttf and NotoSans-Bold.ttf in `packaged_dir` when
// both can be read, without starting fontconfig (FcInit reads its configuration and caches: about
// 9 ms of CPU on every start, issue 13). Otherwise asks fontconfig for "Noto Sans" regular and
// bold. When Noto is missing, fontconfig would substitute any font; we accept the substitute only
// if it is a scalable font, and say so in `error` only when nothing usable exists.
FontFiles LocateUiFonts(const std::string& packaged_dir = kPackagedNotoDir);
} // namespace kiosk::platform
