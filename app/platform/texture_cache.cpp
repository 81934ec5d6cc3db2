// The kiosk's texture cache: core::ImageCache driven with GL textures.
#include "platform/texture_cache.h"

namespace kiosk::platform
{
TextureCache::TextureCache(const core::ImageCacheOptions& options, std::function<void()> wake)
    : m_cache(m_uploader, options, std::move(wake))
{
}

// m_cache is destroyed first (members in reverse order): it stops the worker and frees its
// textures through m_uploader, which is still alive.
TextureCache::~TextureCache() = default;

bool TextureCache::ProcessUploads(size_t budget_bytes)
{
    return m_cache.ProcessUploads(budget_bytes);
}
} // namespace kiosk::platform
