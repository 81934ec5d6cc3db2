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
// A GL context to ask GLFW for, and the GLSL version ImGui's shaders then use.
struct GlContext
{
    int api; // GLFW_OPENGL_API or GLFW_OPENGL_ES_API
    int major, minor;
    bool core_profile;
    const char* glsl;
};

// The contexts the kiosk tries, most wanted first: GL 3.3 core, then 3.1 (a Raspberry Pi's desktop
// GL), or GLES 3.0 in a GLES build. The one list: the window (platform/window.cpp) and the start-up
// benchmark's bare window, which asks for the first, both read it. Sets `*count`.
const GlContext* GlContexts(int* count);
// GLFW's window hints for `context` (after glfwDefaultWindowHints).
void HintGlContext(const GlContext& context);
// Loads GL entry points for the current context. Call after glfwMakeContextCurrent.
bool LoadGl();
} // namespace kiosk::platform
