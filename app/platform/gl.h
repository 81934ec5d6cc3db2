// The one place the GL loader is included. Platform files include this, never glad directly,
// so that the desktop GL / GLES choice (KIOSK_GLES) is made once.
#pragma once
#if defined(KIOSK_GLES)
#include <glad/gles2.h>
#else
#include <glad/gl.h>
#endif

namespace kiosk::platform
{
// Loads GL entry points for the current context. Call after glfwMakeContextCurrent.
bool LoadGl();
} // namespace kiosk::platform
