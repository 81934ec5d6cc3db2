#include "platform/audio_output.h"

#include <algorithm>
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

// Streams each utterance into `path`.part as it is synthesised and renames it over `path` at the
// end, so the sink holds a few kilobytes however long the page read (a whole role page is minutes
// of speech: buffering it kept the longest utterance's samples, 16 MiB, for the rest of the run).
class WavSink final : public AudioOutput
{
public:
    WavSink(std::string path, int sample_rate) : m_path(std::move(path)), m_rate(sample_rate) {}
    ~WavSink() override { Close(); }

    void Begin(const std::string& transcript) override
    {
        Close();
        m_transcript = transcript;
        m_samples = 0;
        m_file = std::fopen((m_path + ".part").c_str(), "wb");
        m_ok = m_file && WriteHeader(0);
    }

    bool Write(const std::int16_t* samples, std::size_t count) override
    {
        if (!m_file)
            return true; // a sink that cannot write is quiet, as a missing device would be
        unsigned char chunk[4096];
        while (count > 0)
        {
            const std::size_t n = std::min(count, sizeof(chunk) / 2);
            for (std::size_t i = 0; i < n; ++i)
            {
                const auto v = static_cast<std::uint16_t>(samples[i]);
                chunk[2 * i] = static_cast<unsigned char>(v & 0xFF);
                chunk[2 * i + 1] = static_cast<unsigned char>(v >> 8);
            }
            m_ok = m_ok && std::fwrite(chunk, 1, 2 * n, m_file) == 2 * n;
            m_samples += n;
            samples += n;
            count -= n;
        }
        return true;
    }

    void End(bool) override
    {
        if (!m_file)
            return;
        // The sizes in the header, now that they are known.
        m_ok = m_ok && std::fseek(m_file, 0, SEEK_SET) == 0 && WriteHeader(m_samples * 2);
        const bool closed = std::fclose(m_file) == 0;
        m_file = nullptr;
        WriteWhole(m_path + ".txt", m_transcript.data(), m_transcript.size());
        if (m_ok && closed)
            std::rename((m_path + ".part").c_str(), m_path.c_str());
    }

private:
    bool WriteHeader(std::size_t data_bytes)
    {
        const auto data = static_cast<std::uint32_t>(data_bytes);
        std::vector<unsigned char> h;
        for (char c : std::string("RIFF"))
            h.push_back(static_cast<unsigned char>(c));
        PutLe(h, 36 + data, 4);
        for (char c : std::string("WAVEfmt "))
            h.push_back(static_cast<unsigned char>(c));
        PutLe(h, 16, 4);                                     // fmt chunk size
        PutLe(h, 1, 2);                                      // PCM
        PutLe(h, 1, 2);                                      // mono
        PutLe(h, static_cast<std::uint32_t>(m_rate), 4);     // sample rate
        PutLe(h, static_cast<std::uint32_t>(m_rate) * 2, 4); // byte rate
        PutLe(h, 2, 2);                                      // block align
        PutLe(h, 16, 2);                                     // bits per sample
        for (char c : std::string("data"))
            h.push_back(static_cast<unsigned char>(c));
        PutLe(h, data, 4);
        return std::fwrite(h.data(), 1, h.size(), m_file) == h.size();
    }

    void Close()
    {
        if (m_file)
            std::fclose(m_file);
        m_file = nullptr;
    }

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
    FILE* m_file = nullptr;    // path.part while an utterance is being written
    std::size_t m_samples = 0; // written so far in this utterance
    bool m_ok = false;         // every write so far succeeded
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
