#include "platform/audio_output.h"

#include <alsa/asoundlib.h>
#include <cerrno>
#include <cstdio>
#include <vector>

namespace kiosk::platform
{
namespace
{
// ALSA prints its errors on stderr by default; the engine logs one line of its own instead.
void QuietAlsa(const char*, int, const char*, int, const char*, ...) {}

class AlsaOutput final : public AudioOutput
{
public:
    explicit AlsaOutput(snd_pcm_t* pcm) : m_pcm(pcm) {}
    ~AlsaOutput() override { snd_pcm_close(m_pcm); }

    void Begin(const std::string&) override { snd_pcm_prepare(m_pcm); }

    bool Write(const std::int16_t* samples, std::size_t count) override
    {
        while (count > 0)
        {
            const snd_pcm_sframes_t n = snd_pcm_writei(m_pcm, samples, count);
            if (n < 0)
            {
                // An underrun (the synthesiser was slower than playback) or a suspend: recover.
                if (snd_pcm_recover(m_pcm, static_cast<int>(n), 1) < 0)
                    return false;
                continue;
            }
            samples += n;
            count -= static_cast<std::size_t>(n);
        }
        return true;
    }

    void End(bool cancelled) override
    {
        if (cancelled)
            snd_pcm_drop(m_pcm);
        else
            snd_pcm_drain(m_pcm);
    }

private:
    snd_pcm_t* m_pcm;
};

void PutLe(std::vector<unsigned char>& out, std::uint32_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.push_back(static_cast<unsigned char>((value >> (8 * i)) & 0xFF));
}

class WavSink final : public AudioOutput
{
public:
    WavSink(std::string path, int sample_rate) : m_path(std::move(path)), m_rate(sample_rate) {}

    void Begin(const std::string& transcript) override
    {
        m_samples.clear();
        m_transcript = transcript;
    }

    bool Write(const std::int16_t* samples, std::size_t count) override
    {
        m_samples.insert(m_samples.end(), samples, samples + count);
        return true;
    }

    void End(bool) override
    {
        const std::uint32_t data_bytes = static_cast<std::uint32_t>(m_samples.size() * 2);
        std::vector<unsigned char> out;
        out.reserve(44 + data_bytes);
        for (char c : std::string("RIFF"))
            out.push_back(static_cast<unsigned char>(c));
        PutLe(out, 36 + data_bytes, 4);
        for (char c : std::string("WAVEfmt "))
            out.push_back(static_cast<unsigned char>(c));
        PutLe(out, 16, 4);                                     // fmt chunk size
        PutLe(out, 1, 2);                                      // PCM
        PutLe(out, 1, 2);                                      // mono
        PutLe(out, static_cast<std::uint32_t>(m_rate), 4);     // sample rate
        PutLe(out, static_cast<std::uint32_t>(m_rate) * 2, 4); // byte rate
        PutLe(out, 2, 2);                                      // block align
        PutLe(out, 16, 2);                                     // bits per sample
        for (char c : std::string("data"))
            out.push_back(static_cast<unsigned char>(c));
        PutLe(out, data_bytes, 4);
        for (std::int16_t s : m_samples)
            PutLe(out, static_cast<std::uint16_t>(s), 2);
        WriteWhole(m_path + ".txt", m_transcript.data(), m_transcript.size());
        WriteWhole(m_path, out.data(), out.size());
    }

private:
    static void WriteWhole(const std::string& path, const void* data, std::size_t size)
    {
        const std::string tmp = path + ".part";
        if (FILE* f = std::fopen(tmp.c_str(), "wb"))
        {
            const bool ok = std::fwrite(data, 1, size, f) == size;
            if (std::fclose(f) == 0 && ok)
                std::rename(tmp.c_str(), path.c_str());
        }
    }

    std::string m_path;
    int m_rate;
    std::string m_transcript;
    std::vector<std::int16_t> m_samples;
};
} // namespace

std::unique_ptr<AudioOutput> OpenAlsaOutput(int sample_rate, std::string* error)
{
    snd_lib_error_set_handler(&QuietAlsa);
    snd_pcm_t* pcm = nullptr;
    int rc = snd_pcm_open(&pcm, "default", SND_PCM_STREAM_PLAYBACK, 0);
    if (rc < 0)
    {
        *error = std::string("no sound device (ALSA: ") + snd_strerror(rc) + ")";
        return nullptr;
    }
    // 0.2 s of buffer: speech starts quickly and Stop is heard within about that.
    rc = snd_pcm_set_params(pcm, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
                            static_cast<unsigned>(sample_rate), 1, 200000);
    if (rc < 0)
    {
        *error = std::string("the sound device refused mono 16-bit audio (ALSA: ") + snd_strerror(rc) + ")";
        snd_pcm_close(pcm);
        return nullptr;
    }
    return std::make_unique<AlsaOutput>(pcm);
}

std::unique_ptr<AudioOutput> OpenWavSink(const std::string& path, int sample_rate)
{
    return std::make_unique<WavSink>(path, sample_rate);
}
} // namespace kiosk::platform
