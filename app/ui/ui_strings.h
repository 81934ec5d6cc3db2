// Interface strings as the screens read them: the pack's strings.json in the visit's language,
// with the English fallbacks of the one key table (core/content/interface_strings.h), which the
// loader also requires. A key a screen draws must be in that table.
#pragma once
#include "ui/ui_context.h"

#include <string>

namespace kiosk::ui
{
// The text for `key` in the visit's language, else English from the pack, else the fallback
// from InterfaceStrings(), else the key itself (visible to an editor, never a crash).
std::string Tr(const UiContext& ctx, const VisitView& view, const char* key);

// Replaces every "{name}" in `pattern` with `value` ("{n} of {total}").
std::string Format(std::string pattern, const std::string& name, const std::string& value);
} // namespace kiosk::ui
