// Where the app finds its content pack and statistics when the command line does not say.
#pragma once
#include <string>

namespace kiosk::app
{
// $KIOSK_CONTENT_DIR, else /opt/careers-kiosk/content when installed, else the content folder
// beside the executable's build tree (the source checkout).
std::string DefaultContentDir();
// $KIOSK_STATS_DB, else /var/lib/careers-kiosk/stats.db when that folder is writable, else
// $XDG_DATA_HOME (or ~/.local/share)/careers-kiosk/stats.db.
std::string DefaultStatsPath();
// The caches kept between runs, one folder each: rasterised illustrations, baked font atlases and
// snapshots of the content pack (core/content/content_snapshot.h).
inline constexpr const char* kIllustrationCache = "illustrations";
inline constexpr const char* kFontCache = "fonts";
inline constexpr const char* kContentCache = "content";

// Where the cache `kind` is kept: /var/cache/careers-kiosk/KIND when /var/cache/careers-kiosk is
// writable, else $XDG_CACHE_HOME (or ~/.cache)/careers-kiosk/KIND. $KIOSK_CACHE_DIR overrides
// both: the illustrations go in it, every other kind in its subfolder KIND. Empty when none can
// be named.
std::string DefaultCacheDir(const char* kind);

// This program's identity for the content snapshots: the running executable's path, device,
// inode, size and modification time, so a rebuilt or upgraded kiosk never reads a snapshot made
// by another build. Empty when /proc/self/exe cannot be read (then no snapshot is used).
std::string ProgramIdentity();
} // namespace kiosk::app
