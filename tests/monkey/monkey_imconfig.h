// ImGui configuration for the monkey's sanitized build (IMGUI_USER_CONFIG): a failed IM_ASSERT in
// our screens, or in the ImGui headers they inline, stops the run and prints the seed and frame
// to replay it. Only IM_ASSERT is set here: nothing that changes the layout of ImGui's types,
// which is fixed by Debian's libimgui.a. ImGui's own .cpp files in that library were built
// without NDEBUG, so their asserts call assert(); the monkey's SIGABRT handler reports those.
#pragma once

namespace kiosk::monkey
{
[[noreturn]] void ImGuiAssertFailed(const char* expression, const char* file, int line);
} // namespace kiosk::monkey

#define IM_ASSERT(_EXPR) ((_EXPR) ? (void)0 : ::kiosk::monkey::ImGuiAssertFailed(#_EXPR, __FILE__, __LINE__))
