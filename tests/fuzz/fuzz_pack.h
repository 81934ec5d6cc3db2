// The content targets' common step: a private copy of a content pack in which one file is
// replaced by the fuzz input, loaded through LoadContentPack, exactly as the kiosk loads (and
// reloads) content and as `--validate` checks it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace kiosk::fuzz
{
// Which pack the copy is made from.
enum class BasePack
{
    Minimal, // tests/fixtures/content/minimal: one role, no attract, glossary or quiz (fast)
    Bundled, // content/: every kind of file, so references from attract, glossary and quiz resolve
};

// Copies the base pack once per process, writes `data` to `relative` inside the copy, loads it
// and checks what every load promises: a pack exactly when there are no errors, every diagnostic
// located in a file of the pack, and the pack's text collectable for the font atlas.
void LoadPackWithFile(BasePack base, const std::string& relative, const std::uint8_t* data, std::size_t size);
} // namespace kiosk::fuzz
