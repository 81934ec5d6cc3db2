// GL texture create/update/destroy for RGBA8 images.
#include "platform/gl_texture.h"

#ifdef KIOSK_GLES
#include <glad/gles2.h>
#else
#include <glad/gl.h>
#endif

namespace kiosk::platform
{
namespace
{
// GL thread only, like every function here.
std::int64_t g_live_textures = 0; // signed: a texture destroyed twice shows as a negative count

// Restores the caller's texture binding and unpack alignment, so uploads in the middle of a
// frame do not disturb the ImGui renderer's state.
class TextureStateGuard
{
public:
    TextureStateGuard()
    {
        glGetIntegerv(GL_TEXTURE_BINDING_2D, &m_binding);
        glGetIntegerv(GL_UNPACK_ALIGNMENT, &m_alignment);
        glPixelStorei(GL_UNPACK_ALIGNMENT, 1); // rows are tightly packed (width * 4 bytes)
    }
    ~TextureStateGuard()
    {
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(m_binding));
        glPixelStorei(GL_UNPACK_ALIGNMENT, m_alignment);
    }
    TextureStateGuard(const TextureStateGuard&) = delete;
    TextureStateGuard& operator=(const TextureStateGuard&) = delete;

private:
    GLint m_binding = 0;
    GLint m_alignment = 4;
};

void DrainGlErrors()
{
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; i++)
    {
    }
}

bool FitsGl(const core::ImageRgba& image)
{
    if (image.Empty() || image.pixels.size() < size_t(image.width) * size_t(image.height) * 4)
        return false;
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
    return image.width <= max_size && image.height <= max_size;
}
} // namespace

uintptr_t CreateTexture(const core::ImageRgba& image)
{
    if (!FitsGl(image))
        return 0;
    TextureStateGuard guard;
    DrainGlErrors();
    GLuint name = 0;
    glGenTextures(1, &name);
    if (name == 0)
        return 0;
    glBindTexture(GL_TEXTURE_2D, name);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 image.pixels.data());
    if (glGetError() != GL_NO_ERROR)
    {
        glDeleteTextures(1, &name);
        return 0;
    }
    g_live_textures++;
    return static_cast<uintptr_t>(name);
}

void DestroyTexture(uintptr_t texture)
{
    if (texture == 0)
        return;
    GLuint name = static_cast<GLuint>(texture);
    glDeleteTextures(1, &name);
    g_live_textures--;
}

std::int64_t LiveTextureCount()
{
    return g_live_textures;
}
} // namespace kiosk::platform
