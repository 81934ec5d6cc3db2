// Interface strings as the screens read them: the pack's strings.json in the visit's language,
// with the English fallbacks of the one key table (core/content/interface_strings.h), which the
// loader also requires. A key a screen draws must be in that table.
#pragma once
#include "ui/ui_context.h"

#include <string>

namespace kiosk::ui
{
// The language on screen: ctx.language when set (the admin panel), else the visit's, or the
// pack's first where there is no visit (attract, fault).
const std::string& ScreenLanguage(const UiContext& ctx);

// The text for `key` in `language`, else English from the pack, else the fallback from
// InterfaceStrings(), else the key itself (visible to an editor, never a crash). Tr() uses the
// language on screen.
std::string TrIn(const UiContext& ctx, const std::string& language, const char* key);
inline std::string Tr(const UiContext& ctx, const char* key)
{
    return TrIn(ctx, ScreenLanguage(ctx), key);
}

// Replaces every "{name}" in `pattern` with `value` ("{n} of {total}").
std::string Format(std::string pattern, const std::string& name, const std::string& value);
} // namespace kiosk::ui
