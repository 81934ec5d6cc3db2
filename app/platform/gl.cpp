#include "platform/gl.h"

#include <GLFW/glfw3.h>

namespace kiosk::platform
{
const GlContext* GlContexts(int* count)
{
#if defined(KIOSK_GLES)
    static const GlContext contexts[] = {{GLFW_OPENGL_ES_API, 3, 0, false, "#version 300 es"}};
#else
    static const GlContext contexts[] = {
        {GLFW_OPENGL_API, 3, 3, true, "#version 330 core"},
        {GLFW_OPENGL_API, 3, 1, false, "#version 140"},
    };
#endif
    *count = static_cast<int>(sizeof(contexts) / sizeof(contexts[0]));
    return contexts;
}

void HintGlContext(const GlContext& context)
{
    glfwWindowHint(GLFW_CLIENT_API, context.api);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, context.major);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, context.minor);
    if (context.core_profile)
    {
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    }
}

bool LoadGl()
{
#if defined(KIOSK_GLES)
    return gladLoadGLES2((GLADloadfunc)glfwGetProcAddress) != 0;
#else
    return gladLoadGL((GLADloadfunc)glfwGetProcAddress) != 0;
#endif
}
} // namespace kiosk::platform
