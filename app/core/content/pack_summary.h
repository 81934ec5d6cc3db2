// The validator's summary of a valid pack: what a visitor will see, in one line, including what
// the kiosk chose by itself (the attract loop's automatic role slides when attract.json is missing
// or lists no slides), so nothing an editor left out is filled in silently.
#pragma once
#include "core/content/content_model.h"

#include <string>

namespace kiosk::core
{
// "11 roles, 8 photographs, 27 pathway nodes, a 6-question quiz; attract loop: 10 slides from
// attract.json" or "...; attract loop: no attract.json, so one automatic slide per role (11)".
std::string DescribeContentPack(const ContentPack& pack);
} // namespace kiosk::core
