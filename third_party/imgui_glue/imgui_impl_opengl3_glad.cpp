// Compiles Debian's imgui_impl_opengl3.cpp (libimgui-dev 1.86) against our glad loader.
// In 1.86, IMGUI_IMPL_OPENGL_LOADER_CUSTOM only stops the backend from including its own gl3w
// loader; the GL declarations must already be visible, so glad's header comes first.
#if defined(KIOSK_GLES)
#include <glad/gles2.h>
#else
#include <glad/gl.h>
#endif
#include "imgui_impl_opengl3.cpp"
