#include "platform/gl.h"

#include <GLFW/glfw3.h>

namespace kiosk::platform
{
bool LoadGl()
{
#if defined(KIOSK_GLES)
    return gladLoadGLES2((GLADloadfunc)glfwGetProcAddress) != 0;
#else
    return gladLoadGL((GLADloadfunc)glfwGetProcAddress) != 0;
#endif
}
} // namespace kiosk::platform
