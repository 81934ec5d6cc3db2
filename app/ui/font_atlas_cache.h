// Baked font atlases kept on disk (issue 13: nothing re-done on a Raspberry Pi). Baking rasterises
// every glyph at five sizes: at 1080p on a PC, 5.5-6.4 ms of the start worker's CPU for the first
// frame's atlas in a freshly started process and about 6 ms of the main thread's for the full one
// (`fonts` bench), several times that on a Pi; reading one back is a file read and a checksum.
//
// Contract:
//   - An entry is keyed by everything the bake depends on: the font files (path, device, inode,
//     size and modification time: a font package upgrade is a miss), the em size, the glyph ranges,
//     the ImGui version and kFontAtlasCacheVersion. The whole key is stored in the entry and
//     compared, so a hash collision is a miss, never a wrong atlas.
//   - Only a bake from both Noto files with no warning is stored: a stand-in face or Dear ImGui's
//     built-in font is baked afresh each time, so its warning is said each time.
//   - A hit leaves the atlas exactly as the bake left it (pixels, glyphs, metrics, the white
//     pixel and line UVs), with no font files read. It has no ImFontConfig inputs, so it cannot be
//     rebuilt with ImFontAtlas::Build(): BuildFonts clears it and builds afresh instead.
//   - A stale, foreign or damaged entry is removed and counts as a miss (core/images/file_cache.h).
#pragma once
#include "core/images/file_cache.h"

#include <imgui.h>
#include <string>
#include <vector>

namespace kiosk::ui
{
struct Fonts;

inline constexpr std::uint32_t kFontAtlasCacheVersion = 1; // bump when baking changes its output

// The key for baking these files at `em` with `ranges`; empty when a file cannot be looked at
// (then nothing is cached).
std::string FontAtlasCacheKey(const std::string& regular_ttf, const std::string& bold_ttf, float em,
                              const std::vector<ImWchar>& ranges);

// On a hit, `atlas` (cleared first) holds the five fonts and `fonts` points at them; true.
bool LoadFontAtlas(const core::FileCache& cache, const std::string& key, ImFontAtlas* atlas, Fonts* fonts);

// Stores a freshly baked atlas (its Alpha8 pixels) under `key`.
void StoreFontAtlas(core::FileCache& cache, const std::string& key, const ImFontAtlas& atlas, const Fonts& fonts);
} // namespace kiosk::ui
