// Adapts the platform texture cache to the UI's ImageSource interface, so screens see only
// texture ids and sizes and UI tests can use a fake.
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
        return handle;
    }

private:
    platform::TextureCache& m_cache;
};
} // namespace kiosk::app
