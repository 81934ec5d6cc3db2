// Interface strings the screens ask strings.json for, with the English fallback used when a
// key is missing (the loader should require these keys; the fallback keeps a half-written
// pack readable rather than blank). Welsh comes from the pack only.
#pragma once
#include "ui/ui_context.h"

#include <string>
#include <utility>
#include <vector>

namespace kiosk::ui
{
// Every key the UI uses, with its English fallback, for the loader's required-key check and
// for editors (content/README.md).
const std::vector<std::pair<const char*, const char*>>& UiStringKeys();

// The language on screen: the visit's, or the pack's first where there is no visit (attract, fault).
const std::string& ScreenLanguage(const UiContext& ctx);

// The text for `key` in `language`, else English from the pack, else the fallback from
// UiStringKeys(), else the key itself. Tr() uses the language on screen.
std::string TrIn(const UiContext& ctx, const std::string& language, const char* key);
inline std::string Tr(const UiContext& ctx, const char* key)
{
    return TrIn(ctx, ScreenLanguage(ctx), key);
}

// Replaces every "{name}" in `pattern` with `value` ("{n} of {total}").
std::string Format(std::string pattern, const std::string& name, const std::string& value);
} // namespace kiosk::ui
