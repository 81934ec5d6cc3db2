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
// Where rasterised illustrations are kept between runs: $KIOSK_CACHE_DIR, else
// /var/cache/careers-kiosk/illustrations when /var/cache/careers-kiosk is writable, else
// $XDG_CACHE_HOME (or ~/.cache)/careers-kiosk/illustrations. Empty when none can be named.
std::string DefaultRasterCacheDir();
} // namespace kiosk::app
