// Where synthesised speech goes: the sound device through ALSA (Debian's libasound2), or a WAV
// file for tests ($KIOSK_SPEECH_SINK). Mono, signed 16-bit samples at the synthesiser's rate.
// An AudioOutput is used by one thread at a time (the speech engine's worker).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace kiosk::platform
{
class AudioOutput
{
public:
    virtual ~AudioOutput() = default;
    // An utterance begins; `transcript` is what will be said (voice and words), for the file sink.
    virtual void Begin(const std::string& transcript) = 0;
    // Plays (or stores) samples. The device blocks while its buffer (about 0.2 s) is full, which
    // is what paces the synthesiser in real time. False when the device failed.
    virtual bool Write(const std::int16_t* samples, std::size_t count) = 0;
    // The utterance is over: let the device play what it has, or drop it at once when cancelled.
    // The file sink writes its WAV file here (whole, by rename: a reader never sees half a file).
    virtual void End(bool cancelled) = 0;
};

// Opens ALSA's "default" playback device. Null with a one-line reason when there is no sound
// device (ALSA's own error printing is silenced: the caller logs the reason once).
std::unique_ptr<AudioOutput> OpenAlsaOutput(int sample_rate, std::string* error);
// Writes each utterance to `path` as a WAV file (replacing the last), and its transcript to
// `path` + ".txt". A cancelled utterance is written too, with what was synthesised so far. The
// samples are streamed to the file as they come: the sink's memory does not grow with the
// utterance (the soak runs with this sink all day).
std::unique_ptr<AudioOutput> OpenWavSink(const std::string& path, int sample_rate);
} // namespace kiosk::platform
