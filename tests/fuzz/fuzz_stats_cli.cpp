// Fuzz target: a statistics database file of any bytes, through `careers-kiosk stats summary`,
// `stats export` and `stats merge` (RunStatsCommand, as the command line runs them). A file that
// is not a kiosk database must give exit status 1 and one clear line; a merge that succeeds must
// leave an output that summarises.
#include "core/cli/stats_cli.h"
#include "fuzz_check.h"

#include <cstdio>
#include <sstream>
#include <string>

namespace
{
void RemoveDatabase(const std::string& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::remove((path + suffix).c_str());
}

int Run(const std::vector<std::string>& args, std::string* out_text = nullptr)
{
    std::ostringstream out, err;
    const int status = kiosk::core::RunStatsCommand(args, out, err);
    KIOSK_FUZZ_CHECK(status == kiosk::core::kStatsExitOk || status == kiosk::core::kStatsExitFileError,
                     args[0] + ": status " + std::to_string(status));
    if (status != kiosk::core::kStatsExitOk)
        KIOSK_FUZZ_CHECK(!err.str().empty(), args[0] + " failed without saying why");
    if (out_text)
        *out_text = out.str();
    return status;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string dir = kiosk::fuzz::ScratchDir();
    const std::string in = dir + "/in.db", merged = dir + "/merged.db", csv = dir + "/out.csv";
    RemoveDatabase(in);
    RemoveDatabase(merged);
    KIOSK_FUZZ_CHECK(kiosk::fuzz::WriteInputFile(in, data, size), "writing the database file");

    const int summary = Run({"summary", in});
    Run({"export", in, "--csv", csv});
    const int merge = Run({"merge", merged, in});
    if (merge == kiosk::core::kStatsExitOk)
    {
        std::string merged_summary;
        KIOSK_FUZZ_CHECK(Run({"summary", merged}, &merged_summary) == kiosk::core::kStatsExitOk,
                         "a merged database summarises");
        // Merging the same file again adds nothing and still succeeds.
        KIOSK_FUZZ_CHECK(Run({"merge", merged, in}) == kiosk::core::kStatsExitOk, "merging again succeeds");
    }
    (void)summary;
    return 0;
}
