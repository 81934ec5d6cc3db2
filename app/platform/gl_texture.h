// GL textures from decoded images: the only place image pixels meet OpenGL.
// The UI never sees GL names: a texture is a uintptr_t that converts to ImTextureID.
//
// All functions need a current GL context on the calling thread (the main thread).
#pragma once
#include "core/images/image_cache.h"
#include "core/images/image_decode.h"

#include <cstdint>

namespace kiosk::platform
{
// Creates an RGBA8 texture (linear filtering, clamped to the edge) holding `image`.
// Returns 0 when the image is empty, larger than GL_MAX_TEXTURE_SIZE, or GL runs out of memory.
uintptr_t CreateTexture(const core::ImageRgba& image);
// Deletes the texture; 0 is ignored.
void DestroyTexture(uintptr_t texture);
// Textures made by CreateTexture and not yet destroyed: every image texture the kiosk holds (the
// ImGui backend's one font atlas is not counted). Counted here, at the GL calls, so a leak in any
// cache above shows in this number (negative: one was destroyed twice); the soak reads it from the status line
// (shell/status_log.h).
std::int64_t LiveTextureCount();

// The uploader the image cache uses on the GL thread.
class GlTextureUploader final : public core::TextureUploader
{
public:
    uintptr_t Create(const core::ImageRgba& image) override { return CreateTexture(image); }
    void Destroy(uintptr_t texture) override { DestroyTexture(texture); }
};
} // namespace kiosk::platform
