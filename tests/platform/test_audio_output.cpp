// The WAV sink (KIOSK_SPEECH_SINK), which the e2e tests and the soak use in place of a sound
// device: each utterance becomes a whole WAV file with exactly the samples written, a cancelled
// one too, and the sink's memory does not grow with the length of what is read (a role page read
// aloud is minutes of speech; the soak saw a buffered sink keep 20 MiB after one such page).
#include "platform/audio_output.h"
#include "shell/status_log.h"
#include "support/temp_dir.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <vector>

namespace
{
std::vector<unsigned char> ReadAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::uint32_t Le32(const std::vector<unsigned char>& b, size_t at)
{
    return std::uint32_t(b[at]) | std::uint32_t(b[at + 1]) << 8 | std::uint32_t(b[at + 2]) << 16 |
           std::uint32_t(b[at + 3]) << 24;
}

std::int16_t SampleAt(size_t i)
{
    return static_cast<std::int16_t>((i * 7919) % 65536 - 32768);
}
} // namespace

TEST_CASE("the WAV sink writes each utterance whole, with exactly its samples", "[platform][speech]")
{
    kiosk::test::TempDir dir;
    const std::string path = (dir.path / "speech.wav").string();
    auto sink = kiosk::platform::OpenWavSink(path, 22050);
    std::vector<std::int16_t> chunk(1000);
    sink->Begin("en-gb: first");
    for (size_t c = 0; c < 5; ++c)
    {
        for (size_t i = 0; i < chunk.size(); ++i)
            chunk[i] = SampleAt(c * chunk.size() + i);
        CHECK(sink->Write(chunk.data(), chunk.size()));
    }
    sink->End(false);
    std::vector<unsigned char> wav = ReadAll(path);
    REQUIRE(wav.size() == 44 + 5000 * 2);
    CHECK(std::string(wav.begin(), wav.begin() + 4) == "RIFF");
    CHECK(Le32(wav, 4) == 36 + 10000);
    CHECK(std::string(wav.begin() + 8, wav.begin() + 16) == "WAVEfmt ");
    CHECK(Le32(wav, 24) == 22050);
    CHECK(std::string(wav.begin() + 36, wav.begin() + 40) == "data");
    CHECK(Le32(wav, 40) == 10000);
    size_t wrong = 0;
    for (size_t i = 0; i < 5000; ++i)
    {
        const auto v = static_cast<std::int16_t>(wav[44 + 2 * i] | wav[44 + 2 * i + 1] << 8);
        wrong += v != SampleAt(i);
    }
    CHECK(wrong == 0);
    const std::vector<unsigned char> txt = ReadAll(path + ".txt");
    CHECK(std::string(txt.begin(), txt.end()) == "en-gb: first");

    // The next, cancelled, utterance replaces it with what was synthesised.
    sink->Begin("cy: ail");
    CHECK(sink->Write(chunk.data(), 300));
    sink->End(true);
    wav = ReadAll(path);
    REQUIRE(wav.size() == 44 + 600);
    CHECK(Le32(wav, 40) == 600);
    const std::vector<unsigned char> txt2 = ReadAll(path + ".txt");
    CHECK(std::string(txt2.begin(), txt2.end()) == "cy: ail");
}

#ifdef __GLIBC__
TEST_CASE("the WAV sink holds no more memory for a long utterance than for a short one", "[platform][speech]")
{
    kiosk::test::TempDir dir;
    const std::string path = (dir.path / "speech.wav").string();
    auto sink = kiosk::platform::OpenWavSink(path, 22050);
    std::vector<std::int16_t> chunk(2205, 1000); // a tenth of a second, as espeak-ng hands them over
    sink->Begin("short");
    sink->Write(chunk.data(), chunk.size());
    sink->End(false);
    const std::size_t before = kiosk::app::ReadMallocFigures().in_use_bytes;
    // Six minutes of speech (15 MiB of samples), more than the longest page in the bundled pack.
    sink->Begin("long");
    std::size_t most = before;
    for (int i = 0; i < 3600; ++i)
    {
        sink->Write(chunk.data(), chunk.size());
        if (i % 100 == 0)
            most = std::max(most, kiosk::app::ReadMallocFigures().in_use_bytes);
    }
    sink->End(false);
    const std::size_t after = kiosk::app::ReadMallocFigures().in_use_bytes;
    INFO("in use before " << before << " B, at most " << most << " B while writing, after " << after << " B");
    CHECK(most < before + 256 * 1024);
    CHECK(after < before + 64 * 1024);
    CHECK(ReadAll(path).size() == 44 + 3600 * chunk.size() * 2);
}
#endif
