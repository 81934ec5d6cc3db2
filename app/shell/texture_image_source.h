// Adapts the platform texture cache to the UI's ImageSource interface, so screens see only
// texture ids and sizes and UI tests can use a fake. It also counts, per frame, the pictures a
// frame draws that are still loading: the kiosk shows its first frame only once there are none.
#pragma once
#include "platform/texture_cache.h"
#include "ui/ui_context.h"

namespace kiosk::app
{
class TextureImageSource : public ui::ImageSource
{
public:
    explicit TextureImageSource(platform::TextureCache& cache) : m_cache(cache) {}
    ui::ImageHandle Request(const std::string& absolute_path, int width_px, int height_px) override
    {
        const core::ImageView view = m_cache.Request(absolute_path, width_px, height_px);
        ui::ImageHandle handle;
        handle.state = view.state == core::ImageState::Ready    ? ui::ImageHandle::State::Ready
                       : view.state == core::ImageState::Failed ? ui::ImageHandle::State::Failed
                                                                : ui::ImageHandle::State::Loading;
        handle.texture = view.texture;
        handle.width = view.width;
        handle.height = view.height;
        m_loading += handle.state == ui::ImageHandle::State::Loading ? 1 : 0;
        return handle;
    }
    void Prefetch(const std::string& absolute_path, int width_px, int height_px) override
    {
        if (m_prefetch)
            (void)m_cache.Request(absolute_path, width_px, height_px);
    }
    // Until the first frame is shown, look-ahead requests are dropped: the workers' time goes to
    // the pictures that frame draws. (The attract loop asks again every frame.)
    void AllowPrefetch() { m_prefetch = true; }
    // Call before a frame's UI; then LoadingInFrame() counts the pictures it drew as placeholders
    // because they were still loading (failed ones are final, so they do not count).
    void BeginFrame() { m_loading = 0; }
    int LoadingInFrame() const { return m_loading; }

private:
    platform::TextureCache& m_cache;
    int m_loading = 0;
    bool m_prefetch = false;
};
} // namespace kiosk::app
