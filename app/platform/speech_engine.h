// The speaking engine: espeak-ng (Debian's libespeak-ng) synthesises a core::SpeechScript on a
// worker thread and hands the samples to an AudioOutput (ALSA, or a WAV file for tests).
//
// Why synthesise and play ourselves rather than use espeak-ng's own playback (pcaudiolib): we
// need to know at start whether there is a sound device at all (the controls are hidden
// otherwise), to stop within a fraction of a second, to know which segment is being heard (the
// ui highlights its block), and to write the very same samples to a file for the tests. With
// espeak-ng in synchronous mode the callback gets every buffer, and ALSA's blocking write paces
// it in real time, so the segment being synthesised is the one being heard.
//
// Threading: the UI thread calls Speak, Stop and Status, which never block on audio; every
// espeak-ng call after Start happens on the worker. espeak-ng keeps global state: at most one
// SpeechEngine may exist in a process.
#pragma once
#include "core/speech/speech_script.h"
#include "platform/audio_output.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace kiosk::platform
{
struct SpeechEngineOptions
{
    int rate_wpm = 150;         // kiosk.json speech.rate_wpm
    int volume_percent = 100;   // kiosk.json speech.volume_percent
    std::string sink_path;      // non-empty: write WAV files here instead of playing ($KIOSK_SPEECH_SINK)
    std::function<void()> wake; // called from the worker when what is being read changes
};

class SpeechEngine
{
public:
    SpeechEngine() = default;
    ~SpeechEngine() { Shutdown(); }
    SpeechEngine(const SpeechEngine&) = delete;
    SpeechEngine& operator=(const SpeechEngine&) = delete;

    // Loads espeak-ng's data and opens the output. False with a one-line reason when speech
    // cannot work here (no voice data, no sound device); the engine then stays silent.
    bool Start(const SpeechEngineOptions& options, std::string* why_not);
    bool Started() const { return m_started; }
    // Stops speaking and joins the worker (before the window goes: the worker wakes it).
    void Shutdown();
    // New rate and volume (a content reload); used from the next segment.
    void Configure(int rate_wpm, int volume_percent);

    // Replaces whatever is being said with `script` (an empty script just stops).
    void Speak(core::SpeechScript script);
    // Stops at once (the device drops what it holds).
    void Stop();
    // What is being read now: SpeechStatus with available = Started().
    core::SpeechStatus Status() const;

    // espeak-ng's synth callback only (the worker thread): takes a buffer of samples; returns 1
    // to abort the synthesis (Stop, or a new Speak), else 0.
    int TakeSamples(const short* wav, int count);

private:
    void Run();
    void SpeakScript(const core::SpeechScript& script);

    bool m_started = false;
    SpeechEngineOptions m_options;
    std::unique_ptr<AudioOutput> m_output;
    std::thread m_worker;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<core::SpeechScript> m_pending; // guarded by m_mutex
    bool m_quit = false;                         // guarded by m_mutex
    std::string m_target, m_block;               // guarded by m_mutex: what the ui shows as read
    std::atomic<bool> m_cancel{false};
    std::atomic<int> m_rate{150}, m_volume{100};
    bool m_output_failed = false; // worker only
};
} // namespace kiosk::platform
