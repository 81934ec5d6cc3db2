// A small content pack built in code, for tests that need one without reading content/: 2 parent
// roles with 3 and 2 specialisms, 1 more role, 5 photos, English and Welsh. Enough roles that
// the home grid scrolls at 1920x1080.
#pragma once
#include "core/content/content_model.h"

#include <memory>

namespace kiosk::test
{
std::shared_ptr<kiosk::core::ContentPack> MakeTestPack();
} // namespace kiosk::test
