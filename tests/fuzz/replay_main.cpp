// Replays inputs through a fuzz target without libFuzzer, so the normal (gcc) test build checks
// every input that ever crashed or hung a target (tests/fixtures/fuzz/<target>/) and its seeds.
// Arguments are files or folders (every regular file in a folder, in name order). Exits 1 when
// no input was found (a path typo must not pass as "nothing crashed"); a broken invariant aborts.
#include "fuzz_check.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace fs = std::filesystem;

int main(int argc, char** argv)
{
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; i++)
    {
        const fs::path arg = argv[i];
        if (fs::is_directory(arg))
        {
            std::vector<fs::path> files;
            for (const fs::directory_entry& entry : fs::recursive_directory_iterator(arg))
                if (entry.is_regular_file())
                    files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            inputs.insert(inputs.end(), files.begin(), files.end());
        }
        else if (fs::is_regular_file(arg))
            inputs.push_back(arg);
        else
            std::fprintf(stderr, "replay: %s: no such file or folder\n", argv[i]);
    }
    if (inputs.empty())
    {
        std::fprintf(stderr, "replay: no inputs\n");
        return 1;
    }
    for (const fs::path& path : inputs)
    {
        std::ifstream in(path, std::ios::binary);
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::fprintf(stderr, "replay: %s (%zu bytes)\n", path.c_str(), bytes.size());
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
    }
    std::printf("replayed %zu inputs\n", inputs.size());
    return 0;
}
