// The image cache behind every picture on screen: the UI asks for (path, pixel size) each frame
// and gets back, at once, a ready texture, "not ready yet" (draw a placeholder) or "failed"
// (placeholder, with the error for staff). Decoding runs on a DecodeQueue worker; uploading
// goes through a TextureUploader on the main thread, within a per-frame budget.
//
// This class holds no GL: the platform supplies the uploader (platform/gl_texture), and tests
// supply a fake one, so the whole policy (quantising, fallbacks, budgets, eviction) is tested
// in tests/core.
//
// Paths: Request takes ABSOLUTE paths that the content loader has already resolved and
// confined to the content folder (no "..", no links out). The cache does no confinement.
//
// Threading: every member except the worker inside is for the main (GL) thread only.
// The wake callback runs on the worker thread when a decode finishes (use glfwPostEmptyEvent).
#pragma once
#include "core/images/decode_queue.h"
#include "core/images/image_decode.h"
#include "core/images/raster_cache.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace kiosk::core
{
// Creates and destroys GPU textures; implemented in platform/gl_texture over GL.
class TextureUploader
{
public:
    virtual ~TextureUploader() = default;
    // Uploads straight-alpha RGBA8 pixels; returns a non-zero ImTextureID-compatible id, or 0.
    virtual uintptr_t Create(const ImageRgba& image) = 0;
    virtual void Destroy(uintptr_t texture) = 0;
};

struct ImageCacheOptions
{
    ImageLimits limits;
    // Requested sizes are rounded up so that the larger side is a multiple of this, and the
    // other side follows the requested aspect: small resizes reuse the same texture.
    int size_step = 64;
    // A texture not requested for this many drawn frames is freed. The kiosk draws no frames
    // while idle, so nothing is evicted while the screen is simply showing.
    int evict_after_frames = 300;
    // A decode still waiting for a request not made for this many frames is cancelled: the UI
    // only asks for what it draws, so that image has left the screen (swiped past, scrolled off).
    int cancel_unseen_after_frames = 2;
    // Textures beyond this many bytes are freed least recently used first (never ones used in
    // the last frame).
    size_t memory_budget_bytes = size_t(256) * 1024 * 1024;
    // Decode threads: 0 means one per core; 1 keeps the order of results (tests).
    int decode_workers = 1;
    // Rasterised SVGs are kept here between runs (raster_cache.h); empty: no disk cache.
    std::string raster_cache_dir;
    long long raster_cache_max_bytes = 64ll * 1024 * 1024;
};

enum class ImageState
{
    Loading, // not decoded yet: draw a placeholder
    Ready,   // texture holds the image
    Failed,  // never will be ready: draw a placeholder; error says why
};

struct ImageView
{
    ImageState state = ImageState::Loading;
    uintptr_t texture = 0; // ImTextureID when Ready
    int width = 0;         // the texture's pixel size; its aspect is the image's (Contain) or the box's (Cover)
    int height = 0;
    std::string error; // when Failed: a sentence without the file name
};

struct ImageCacheStats
{
    size_t textures = 0;        // textures alive
    size_t texture_bytes = 0;   // their pixel bytes (width * height * 4)
    size_t pending = 0;         // requests waiting for a decode or an upload
    size_t decoded_waiting = 0; // decoded on the worker, waiting for ProcessUploads
    size_t failed = 0;
    uint64_t uploads = 0;   // textures created since start
    uint64_t evictions = 0; // textures freed by eviction since start
};

class ImageCache
{
public:
    // `uploader` must outlive the cache.
    ImageCache(TextureUploader& uploader, const ImageCacheOptions& options = {}, std::function<void()> wake = {});
    // Stops the worker and destroys every texture (so the GL context must still be current).
    ~ImageCache();
    ImageCache(const ImageCache&) = delete;
    ImageCache& operator=(const ImageCache&) = delete;

    // Never blocks. target_w/h: the pixel size the image is drawn at. While an image is being
    // re-decoded for a new size, the texture of another size of the same image is returned
    // (Ready), so a resize never flashes placeholders.
    ImageView Request(const std::string& absolute_path, int target_w, int target_h, ImageFit fit = ImageFit::Contain);

    // Call once per frame on the GL thread, before drawing. Uploads decoded images until
    // `budget_bytes` is used (at least one per frame, so a big image is never starved),
    // then evicts. Returns true if decoded images are still waiting for upload: draw another
    // frame soon. (Decodes still running wake the app through the callback instead.)
    bool ProcessUploads(size_t budget_bytes = size_t(8) * 1024 * 1024);

    // True when nothing is waiting to be decoded or uploaded (preview mode waits for this
    // before taking a screenshot).
    bool Idle() const;
    // Decodes one queued image on the calling thread (DecodeQueue::DecodeOneHere); false when
    // none was queued. Only for a thread that would otherwise wait (before the first frame).
    bool DecodeOneHere();
    // Frees every texture and forgets every request (e.g. after reloading the content).
    void Clear();
    ImageCacheStats Stats() const;

    // The quantised size a request is decoded at (public for tests).
    static void QuantiseSize(int target_w, int target_h, int step, int& out_w, int& out_h);

private:
    struct Entry
    {
        std::string path;
        ImageFit fit = ImageFit::Contain;
        ImageState state = ImageState::Loading;
        uint64_t job = 0; // decode job while Loading or waiting for upload
        uintptr_t texture = 0;
        int width = 0;
        int height = 0;
        size_t bytes = 0;
        std::string error;
        uint64_t last_used = 0; // frame number
    };

    ImageView ViewOf(const Entry& e) const;
    Entry* FindFallback(const std::string& path, ImageFit fit, const std::string& except_key);
    void Upload(DecodeJobResult& result);
    void Evict();
    void Free(Entry& e);

    TextureUploader& m_uploader;
    ImageCacheOptions m_options;
    std::unordered_map<std::string, Entry> m_entries;       // key: path | w x h | fit
    std::unordered_map<uint64_t, std::string> m_job_to_key; // decode jobs in flight
    std::unordered_multimap<std::string, std::string> m_keys_by_path;
    std::unordered_set<std::string> m_failures_logged; // paths whose failure is in the log (once each)
    uint64_t m_frame = 1;
    size_t m_texture_bytes = 0;
    uint64_t m_uploads = 0;
    uint64_t m_evictions = 0;
    std::unique_ptr<RasterCache> m_raster_cache; // used by the queue's workers: outlives them
    std::unique_ptr<DecodeQueue> m_queue;        // last: its workers stop first on destruction
};
} // namespace kiosk::core
