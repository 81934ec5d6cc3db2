// The kiosk's texture cache: core::ImageCache (worker decode, budgets, eviction) with GL
// textures. The app owns one, calls ProcessUploads once per frame before drawing, and hands
// the UI an adapter to Request (the UI sees only texture ids and sizes).
//
// Decoding runs on worker threads, one per core at most (see core/images/decode_queue.h).
// Paths must be absolute and already confined to the content folder by the content loader.
// Construct and destroy it on the GL thread while the context is current: the destructor
// joins the worker and deletes every texture.
#pragma once
#include "core/images/image_cache.h"
#include "platform/gl_texture.h"

#include <functional>
#include <string>

namespace kiosk::platform
{
class TextureCache
{
public:
    static constexpr size_t kDefaultUploadBudget = size_t(8) * 1024 * 1024;

    // `wake` runs on the worker thread when an image is decoded: pass glfwPostEmptyEvent.
    explicit TextureCache(const core::ImageCacheOptions& options = {}, std::function<void()> wake = {});
    // Joins the decode worker, then deletes every texture: the GL context must be current.
    ~TextureCache();
    TextureCache(const TextureCache&) = delete;
    TextureCache& operator=(const TextureCache&) = delete;

    core::ImageView Request(const std::string& absolute_path, int target_w, int target_h,
                            core::ImageFit fit = core::ImageFit::Contain)
    {
        return m_cache.Request(absolute_path, target_w, target_h, fit);
    }
    // Once per frame, before drawing; true = uploads still waiting, draw another frame.
    // The default budget (8 MiB, about one 1080p texture; at least one upload per frame) keeps
    // an upload frame short even under llvmpipe; a bigger backlog spreads over the next frames.
    bool ProcessUploads(size_t budget_bytes = kDefaultUploadBudget);
    bool Idle() const { return m_cache.Idle(); }
    bool DecodeOneHere() { return m_cache.DecodeOneHere(); } // see core::ImageCache
    void Clear() { m_cache.Clear(); }
    core::ImageCacheStats Stats() const { return m_cache.Stats(); }

private:
    GlTextureUploader m_uploader; // before m_cache: it must outlive the cache
    core::ImageCache m_cache;
};
} // namespace kiosk::platform
