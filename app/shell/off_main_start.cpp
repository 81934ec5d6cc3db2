#include "shell/off_main_start.h"

#include "shell/content_location.h"
#include "shell/startup_profile.h"
#include "ui/screens/attract_screen.h"

#include <pthread.h>

namespace kiosk::app
{
OffMainStart::~OffMainStart()
{
    if (!m_metrics_set)
        SetMetrics(nullptr);
    if (m_worker.joinable())
        m_worker.join();
}

void OffMainStart::Begin(const std::string& content_dir, ImFontAtlas* atlas, bool kiosk_start,
                         core::FileCache* font_cache, core::FileCache* content_cache)
{
    std::future<bool> metrics_ready = m_metrics_ready.get_future();
    m_worker = std::thread(
        [this, content_dir, atlas, kiosk_start, font_cache, content_cache,
         metrics_ready = std::move(metrics_ready)]() mutable
        {
            pthread_setname_np(pthread_self(), "kiosk-start"); // its own line in the start-up profile
            {
                startup::Phase phase("font_lookup");
                font_files = platform::LocateUiFonts();
            }
            {
                startup::Phase phase("content_load");
                core::ContentLoadOptions options;
                options.defer_warning_checks = kiosk_start;
                if (content_cache)
                {
                    options.snapshots = content_cache;
                    options.program_id = ProgramIdentity();
                }
                content = core::LoadContentPack(content_dir, options);
            }
            if (content.pack)
            {
                startup::Phase phase("glyph_text");
                glyph_text = core::CollectPackText(*content.pack);
            }
            // The metrics come once the display is open (SetMetrics): m_metrics is written before
            // the promise is set, so it is safe to read after get().
            // Without font files BuildFonts still bakes Dear ImGui's built-in font.
            if (!metrics_ready.get())
                return;
            startup::Phase phase("font_atlas");
            // The kiosk's first screen is the attract loop: its own glyphs are enough for it.
            if (kiosk_start && content.pack)
                fonts = ui::BuildFonts(atlas, font_files.regular, font_files.bold, m_metrics,
                                       ui::CollectAttractText(*content.pack), ui::GlyphSet::AsciiAndText, font_cache);
            else
                fonts = ui::BuildFonts(atlas, font_files.regular, font_files.bold, m_metrics, glyph_text,
                                       ui::GlyphSet::Everything, font_cache);
            if (fonts.Ok())
            {
                // The RGBA copy the OpenGL backend uploads, made here rather than on the main thread.
                unsigned char* pixels = nullptr;
                int w = 0, h = 0;
                atlas->GetTexDataAsRGBA32(&pixels, &w, &h);
            }
        });
}

void OffMainStart::SetMetrics(const ui::Metrics* metrics)
{
    if (m_metrics_set)
        return;
    m_metrics_set = true;
    if (metrics)
        m_metrics = *metrics;
    m_metrics_ready.set_value(metrics != nullptr);
}

void OffMainStart::Finish()
{
    if (!m_metrics_set)
        SetMetrics(nullptr);
    if (m_worker.joinable())
        m_worker.join();
}
} // namespace kiosk::app
