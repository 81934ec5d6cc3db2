// What every fuzz target shares: the libFuzzer entry point's signature, an invariant check that
// stops the run with a message, and reading an input into a string or a file.
//
// A target is built twice: under clang with -fsanitize=fuzzer,address,undefined (KIOSK_FUZZ=ON,
// the campaign) and under the normal compiler with replay_main.cpp, which feeds it the inputs
// kept in tests/fixtures/fuzz/<target>/ (every input that ever crashed or hung) and its seeds.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

// Aborts with the broken invariant: libFuzzer saves the input as a crash, the replay test fails.
#define KIOSK_FUZZ_CHECK(condition, what)                                                                              \
    do                                                                                                                 \
    {                                                                                                                  \
        if (!(condition))                                                                                              \
        {                                                                                                              \
            std::fprintf(stderr, "%s:%d: fuzz invariant broken: %s (%s)\n", __FILE__, __LINE__, #condition,            \
                         std::string(what).c_str());                                                                   \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

namespace kiosk::fuzz
{
// Writes the input to `path`, replacing it; false when the file cannot be written.
bool WriteInputFile(const std::string& path, const std::uint8_t* data, std::size_t size);

// A private temp folder for this process (created once, removed at exit).
const std::string& ScratchDir();
} // namespace kiosk::fuzz
