#include "platform/font_locator.h"

#include <cstdio>
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

static bool Readable(const std::string& path)
{
    if (FILE* f = std::fopen(path.c_str(), "rb"))
    {
        std::fclose(f);
        return true;
    }
    return false;
}

FontFiles LocateUiFonts(const std::string& packaged_dir)
{
    FontFiles files;
    const std::string regular = packaged_dir + "/NotoSans-Regular.ttf";
    const std::string bold = packaged_dir + "/NotoSans-Bold.ttf";
    if (!packaged_dir.empty() && Readable(regular) && Readable(bold))
    {
        files.regular = regular;
        files.bold = bold;
        return files;
    }
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
