// Fonts baked for one set of Metrics. ImGui 1.86 bakes each size into the atlas, so the atlas
// holds only the glyphs the content uses (plus ASCII and the typographic marks below) at the
// few sizes the screens draw with; scaling a baked font up would blur.
//
// Lifetime: BuildFonts() clears and rebuilds `atlas`; call it before NewFrame() (never between
// NewFrame() and Render()) and re-upload the font texture afterwards. Rebuild whenever
// Metrics::em changes (screen size or the larger-text toggle): see FontsMatch().
#pragma once
#include "core/content/content_loader.h"
#include "core/content/content_model.h"
#include "core/images/file_cache.h"
#include "ui/ui_context.h"

#include <imgui.h>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::ui
{
inline constexpr int kMaxAtlasSide = 4096; // the Raspberry Pi's GL texture limit

struct Fonts
{
    ImFont* body = nullptr;      // 1 em regular: all body text
    ImFont* body_bold = nullptr; // 1 em bold: labels, buttons, card titles
    ImFont* heading = nullptr;   // 1.35 em bold: section headings
    ImFont* title = nullptr;     // 2.25 em bold: screen titles
    ImFont* display = nullptr;   // 3 em bold: the event name on home, gallery counters
    float em = 0.0f;             // the Metrics::em these were built for
    int atlas_width = 0;
    int atlas_height = 0;
    std::string error; // empty on success
    // Not empty when a font file could not be used and something stands in for it (the other Noto
    // face, or Dear ImGui's built-in font): one line for the journal, naming the file.
    std::string warning;
    bool built_in = false; // drawn with Dear ImGui's built-in font (no Welsh ŵ or ŷ)
    // Baked with GlyphSet::AsciiAndText: enough for the text it was given, not for every screen.
    bool partial = false;
    // The glyph ranges the fonts were built with; kept alive with the fonts because the atlas
    // refers to them when it is rebuilt.
    std::shared_ptr<std::vector<ImWchar>> ranges;

    bool Ok() const { return error.empty() && body != nullptr; }
};

// Which glyphs BuildFonts bakes besides those of its text. Everything: ASCII + Latin-1 + Welsh
// letters + typographic punctuation + the interface strings' English fallbacks, enough for any
// screen. AsciiAndText: ASCII + Welsh letters + typographic punctuation only, about half the
// glyphs and a third of the baking time: the kiosk's first frame, the attract loop, is drawn
// with such an atlas of its own texts and the full one is baked right after (issue 13).
enum class GlyphSet
{
    Everything,
    AsciiAndText,
};

// Builds the five fonts from Noto Sans Regular/Bold (paths found by the platform) at sizes from
// metrics.em, with glyphs for `all_text_utf8` (CollectPackText) and those of `glyphs`. Builds
// the atlas (no GL involved). Never leaves the kiosk without fonts: a face whose file cannot be
// used (missing, empty, garbled, cut short, damaged inside; an empty path) is drawn from the other
// face's file, and when neither can be used, or the atlas would exceed 4096x4096, the five sizes
// come from Dear ImGui's built-in font; Fonts::warning then says which file and what stands in.
// With a `cache`, an atlas baked before from the same files, size and glyphs is read back instead
// (ui/font_atlas_cache.h), and a fresh bake is stored there.
Fonts BuildFonts(ImFontAtlas* atlas, const std::string& regular_ttf, const std::string& bold_ttf,
                 const Metrics& metrics, const std::string& all_text_utf8, GlyphSet glyphs = GlyphSet::Everything,
                 core::FileCache* cache = nullptr);

// True when `fonts` were built for these metrics (no rebuild needed).
bool FontsMatch(const Fonts& fonts, const Metrics& metrics);

// The text to bake glyphs for: every visible text of the pack (core/content/content_loader.h),
// the one collection the app and the tests use.
} // namespace kiosk::ui
