// `careers-kiosk stats ...`: summary, CSV export and merge of statistics databases, for the
// organiser after an event. Uses only the core, so it runs without a display.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace kiosk::core
{
// Exit statuses of RunStatsCommand.
constexpr int kStatsExitOk = 0;
constexpr int kStatsExitFileError = 1; // a database or output file could not be read or written
constexpr int kStatsExitUsage = 2;     // bad arguments

// Runs the stats command. args are the words after `careers-kiosk stats`. Reports go to out;
// errors go to err as one clear line each ("PATH: error: ..." for files). Returns an exit status.
int RunStatsCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// The --help text (syntax of every subcommand, exit statuses).
std::string StatsCommandHelp();
} // namespace kiosk::core
