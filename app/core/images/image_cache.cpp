// The image cache: request bookkeeping, per-frame uploads and eviction (no GL here).
#include "core/images/image_cache.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace kiosk::core
{
namespace
{
std::string MakeKey(const std::string& path, int w, int h, ImageFit fit)
{
    return path + '\n' + std::to_string(w) + 'x' + std::to_string(h) + (fit == ImageFit::Cover ? 'c' : 'f');
}
} // namespace

ImageCache::ImageCache(TextureUploader& uploader, const ImageCacheOptions& options, std::function<void()> wake)
    : m_uploader(uploader), m_options(options),
      m_raster_cache(options.raster_cache_dir.empty()
                         ? nullptr
                         : std::make_unique<RasterCache>(options.raster_cache_dir, options.raster_cache_max_bytes)),
      m_queue(
          std::make_unique<DecodeQueue>(options.limits, std::move(wake), options.decode_workers, m_raster_cache.get()))
{
    m_options.size_step = std::max(1, m_options.size_step);
    m_options.evict_after_frames = std::max(1, m_options.evict_after_frames);
    m_options.cancel_unseen_after_frames = std::max(1, m_options.cancel_unseen_after_frames);
}

ImageCache::~ImageCache()
{
    m_queue->Stop();
    for (auto& [key, e] : m_entries)
        Free(e);
}

void ImageCache::QuantiseSize(int target_w, int target_h, int step, int& out_w, int& out_h)
{
    step = std::max(1, step);
    // Clamped to 16384: beyond any screen, and far from integer overflow below.
    target_w = std::clamp(target_w, 1, 16384);
    target_h = std::clamp(target_h, 1, 16384);
    // Round the larger side up to the step; the smaller follows the requested aspect, so a
    // Cover texture keeps the box's shape and a Contain one is at least as sharp as needed.
    int larger = std::max(target_w, target_h);
    int quantised = ((larger + step - 1) / step) * step;
    double scale = double(quantised) / larger;
    if (target_w >= target_h)
    {
        out_w = quantised;
        out_h = std::max(1, static_cast<int>(std::lround(target_h * scale)));
    }
    else
    {
        out_h = quantised;
        out_w = std::max(1, static_cast<int>(std::lround(target_w * scale)));
    }
}

ImageView ImageCache::ViewOf(const Entry& e) const
{
    ImageView view;
    view.state = e.state;
    if (e.state == ImageState::Ready)
    {
        view.texture = e.texture;
        view.width = e.width;
        view.height = e.height;
    }
    else if (e.state == ImageState::Failed)
        view.error = e.error;
    return view;
}

ImageCache::Entry* ImageCache::FindFallback(const std::string& path, ImageFit fit, const std::string& except_key)
{
    Entry* best = nullptr;
    auto range = m_keys_by_path.equal_range(path);
    for (auto it = range.first; it != range.second; ++it)
    {
        if (it->second == except_key)
            continue;
        auto found = m_entries.find(it->second);
        if (found == m_entries.end())
            continue;
        Entry& e = found->second;
        if (e.fit != fit || e.state != ImageState::Ready)
            continue;
        if (!best || e.last_used > best->last_used ||
            (e.last_used == best->last_used && e.width * e.height > best->width * best->height))
            best = &e;
    }
    return best;
}

ImageView ImageCache::Request(const std::string& absolute_path, int target_w, int target_h, ImageFit fit)
{
    int qw = 0, qh = 0;
    QuantiseSize(target_w, target_h, m_options.size_step, qw, qh);
    std::string key = MakeKey(absolute_path, qw, qh, fit);
    auto it = m_entries.find(key);
    if (it == m_entries.end())
    {
        Entry e;
        e.path = absolute_path;
        e.fit = fit;
        e.job = m_queue->Submit(absolute_path, qw, qh, fit);
        if (e.job == 0)
        {
            e.state = ImageState::Failed;
            e.error = "the image loader has stopped";
        }
        else
            m_job_to_key[e.job] = key;
        it = m_entries.emplace(key, std::move(e)).first;
        m_keys_by_path.emplace(absolute_path, key);
    }
    Entry& entry = it->second;
    entry.last_used = m_frame;
    if (entry.state == ImageState::Loading)
    {
        if (Entry* fallback = FindFallback(absolute_path, fit, key))
        {
            fallback->last_used = m_frame;
            return ViewOf(*fallback);
        }
    }
    return ViewOf(entry);
}

void ImageCache::Upload(DecodeJobResult& result)
{
    auto job = m_job_to_key.find(result.job.id);
    if (job == m_job_to_key.end())
        return; // forgotten (evicted or cleared) while decoding
    auto it = m_entries.find(job->second);
    m_job_to_key.erase(job);
    if (it == m_entries.end())
        return;
    Entry& e = it->second;
    e.job = 0;
    if (!result.decoded.ok)
    {
        e.state = ImageState::Failed;
        e.error = result.decoded.error;
        // One line per picture for staff reading the journal (the file vanished or changed since
        // the content was validated); the screen shows the placeholder and carries on.
        if (m_failures_logged.insert(e.path).second)
            std::fprintf(stderr, "careers-kiosk: image '%s' cannot be shown (%s); drawing its placeholder instead\n",
                         e.path.c_str(), e.error.c_str());
        return;
    }
    const ImageRgba& image = result.decoded.image;
    uintptr_t texture = m_uploader.Create(image);
    if (texture == 0)
    {
        e.state = ImageState::Failed;
        e.error = "cannot create a texture for the image (out of video memory?)";
        return;
    }
    e.state = ImageState::Ready;
    e.texture = texture;
    e.width = image.width;
    e.height = image.height;
    e.bytes = image.ByteSize();
    m_texture_bytes += e.bytes;
    m_uploads++;
}

bool ImageCache::ProcessUploads(size_t budget_bytes)
{
    m_frame++;
    Evict(); // first, so that nothing is uploaded for an image that has left the screen
    size_t used = 0;
    int count = 0;
    DecodeJobResult result;
    while ((count == 0 || used < budget_bytes) && m_queue->TakeResult(result))
    {
        used += result.decoded.image.ByteSize();
        count++;
        Upload(result);
        result = DecodeJobResult{}; // release the pixels now
    }
    Evict();
    return m_queue->ReadyCount() > 0;
}

void ImageCache::Free(Entry& e)
{
    if (e.texture != 0)
    {
        m_uploader.Destroy(e.texture);
        m_texture_bytes -= std::min(m_texture_bytes, e.bytes);
        e.texture = 0;
        e.bytes = 0;
    }
    if (e.job != 0)
    {
        m_queue->Cancel(e.job);
        m_job_to_key.erase(e.job);
        e.job = 0;
    }
}

void ImageCache::Evict()
{
    std::vector<std::string> doomed;
    // 1. Anything not requested for evict_after_frames frames. Failed entries stay (they are
    //    small, and re-decoding a bad file every time it scrolls into view helps nobody).
    //    Decodes for images that have left the screen are cancelled sooner.
    for (const auto& [key, e] : m_entries)
    {
        uint64_t unused = m_frame - e.last_used;
        if ((e.state == ImageState::Ready && unused > uint64_t(m_options.evict_after_frames)) ||
            (e.state == ImageState::Loading && unused > uint64_t(m_options.cancel_unseen_after_frames)))
            doomed.push_back(key);
    }
    // 2. Over the memory budget: least recently used first, never one used in the last frame.
    size_t bytes = m_texture_bytes;
    for (const std::string& key : doomed)
        bytes -= std::min(bytes, m_entries[key].bytes);
    if (bytes > m_options.memory_budget_bytes)
    {
        std::vector<std::pair<uint64_t, std::string>> lru;
        for (const auto& [key, e] : m_entries)
            if (e.state == ImageState::Ready && e.last_used + 1 < m_frame &&
                std::find(doomed.begin(), doomed.end(), key) == doomed.end())
                lru.emplace_back(e.last_used, key);
        std::sort(lru.begin(), lru.end());
        for (const auto& [used, key] : lru)
        {
            if (bytes <= m_options.memory_budget_bytes)
                break;
            bytes -= std::min(bytes, m_entries[key].bytes);
            doomed.push_back(key);
        }
    }
    for (const std::string& key : doomed)
    {
        auto it = m_entries.find(key);
        if (it == m_entries.end())
            continue;
        if (it->second.texture != 0)
            m_evictions++;
        Free(it->second);
        auto range = m_keys_by_path.equal_range(it->second.path);
        for (auto p = range.first; p != range.second; ++p)
            if (p->second == key)
            {
                m_keys_by_path.erase(p);
                break;
            }
        m_entries.erase(it);
    }
}

bool ImageCache::Idle() const
{
    return m_job_to_key.empty() && m_queue->Idle();
}

void ImageCache::Clear()
{
    for (auto& [key, e] : m_entries)
        Free(e);
    m_entries.clear();
    m_job_to_key.clear();
    m_keys_by_path.clear();
    m_failures_logged.clear(); // new content: its pictures get their own lines
    m_texture_bytes = 0;
    // Drop results that were decoded for the forgotten requests.
    DecodeJobResult result;
    while (m_queue->TakeResult(result))
    {
    }
}

bool ImageCache::DecodeOneHere()
{
    return m_queue->DecodeOneHere();
}

ImageCacheStats ImageCache::Stats() const
{
    ImageCacheStats stats;
    for (const auto& [key, e] : m_entries)
    {
        if (e.texture != 0)
            stats.textures++;
        if (e.state == ImageState::Loading)
            stats.pending++;
        if (e.state == ImageState::Failed)
            stats.failed++;
    }
    stats.texture_bytes = m_texture_bytes;
    stats.decoded_waiting = m_queue->ReadyCount();
    stats.uploads = m_uploads;
    stats.evictions = m_evictions;
    return stats;
}
} // namespace kiosk::core
