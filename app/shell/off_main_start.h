// OffMainStart: the kiosk's start-up work that needs no window, done on a worker thread while the
// main thread makes the window and its GL context (the longest step before the first frame: Mesa
// loads and starts LLVM); the kiosk starts it once the display is open (KioskApp::Start says why).
// The worker finds the UI fonts through fontconfig, loads and validates the content folder (every
// check that can find an error, as a reload does: a pack is never shown before it is known to be
// good; the kiosk leaves the checks that can only warn for after its first frame), lists the
// glyphs it shows, and bakes the font atlas for the size the window will have.
//
// Threading: Begin, SetMetrics and Finish are called on the main thread, in that order. Until
// Finish returns the worker owns `atlas` and every result field; the atlas must not be handed to
// ImGui before then, and nothing else may use ImGui meanwhile except from the main thread without
// a context (ImGui counts allocations in the current context, so its context is created after).
#pragma once
#include "core/content/content_loader.h"
#include "platform/font_locator.h"
#include "ui/fonts.h"

#include <future>
#include <string>
#include <thread>

namespace kiosk::app
{
class OffMainStart
{
public:
    OffMainStart() = default;
    ~OffMainStart(); // joins the worker if Finish was not called (with no atlas baked)
    OffMainStart(const OffMainStart&) = delete;
    OffMainStart& operator=(const OffMainStart&) = delete;

    // Starts the worker: fonts found, then the content loaded, then it waits for SetMetrics. With
    // `kiosk_start` (kiosk mode, whose first screen is the attract loop) the checks that can only
    // warn are left in content.later_checks (core::ContentLoadOptions), and the atlas holds only
    // the attract loop's glyphs (fonts.partial: the full one is for after the first frame).
    // `font_cache` and `content_cache` (either may be null) must outlive Finish(); with
    // `content_cache` the content is read back from a snapshot of an earlier start when no file
    // changed (core/content/content_snapshot.h), and a pack read from its files is kept there.
    void Begin(const std::string& content_dir, ImFontAtlas* atlas, bool kiosk_start, core::FileCache* font_cache,
               core::FileCache* content_cache);
    // The metrics the first frame will be drawn with; null when they cannot be known (the
    // display did not open): the atlas is then left for the main thread. Call exactly once.
    void SetMetrics(const ui::Metrics* metrics);
    // Waits for the worker. The fields below are valid afterwards.
    void Finish();

    platform::FontFiles font_files;
    core::ContentLoadResult content;
    std::string glyph_text; // CollectPackText of content.pack (empty without a pack)
    ui::Fonts fonts;        // baked into the atlas for the metrics given; !Ok() when not baked

private:
    std::promise<bool> m_metrics_ready; // false: no metrics
    ui::Metrics m_metrics;
    bool m_metrics_set = false;
    std::thread m_worker;
};
} // namespace kiosk::app
