#include "platform/font_locator.h"

#include <fontconfig/fontconfig.h>

namespace kiosk::platform
{
static std::string MatchFont(const char* family, int weight)
{
    std::string path;
    FcPattern* pattern = FcPatternCreate();
    FcPatternAddString(pattern, FC_FAMILY, (const FcChar8*)family);
    FcPatternAddInteger(pattern, FC_WEIGHT, weight);
    FcPatternAddInteger(pattern, FC_SLANT, FC_SLANT_ROMAN);
    FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    if (FcPattern* match = FcFontMatch(nullptr, pattern, &result))
    {
        FcChar8* file = nullptr;
        FcBool scalable = FcFalse;
        if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch &&
            FcPatternGetBool(match, FC_SCALABLE, 0, &scalable) == FcResultMatch && scalable)
            path = (const char*)file;
        FcPatternDestroy(match);
    }
    FcPatternDestroy(pattern);
    return path;
}

FontFiles LocateUiFonts()
{
    FontFiles files;
    if (!FcInit())
    {
        files.error = "fontconfig could not start";
        return files;
    }
    files.regular = MatchFont("Noto Sans", FC_WEIGHT_REGULAR);
    files.bold = MatchFont("Noto Sans", FC_WEIGHT_BOLD);
    if (files.bold.empty())
        files.bold = files.regular;
    if (files.regular.empty())
        files.error = "no scalable font found; install fonts-noto-core";
    return files;
}
} // namespace kiosk::platform
