#include "platform/speech_engine.h"

#include "core/plugins/plugin_module.h"
#include "platform/speech_plugin_abi.h"

#include <cstdio>

namespace kiosk::platform
{
namespace
{
// espeak-ng's buffer: how much audio each callback brings (and so how soon a Stop is noticed).
constexpr int kBufferMs = 60;

// espeak-ng, with the audio libraries it brings (libpcaudio, PulseAudio, libsndfile and its
// codecs), lives in careers-kiosk-speech.so, opened when read aloud starts (after the kiosk's
// first frame), once per process and never closed. A missing or refused module leaves read
// aloud off with its reason, as a missing sound device does.
struct SpeechModule
{
    const KioskSpeechPlugin* table = nullptr;
    std::string error; // why not, when table is null
};

SpeechModule OpenSpeechModule()
{
    SpeechModule speech;
    speech.table = core::PluginTable<KioskSpeechPlugin>(
        core::OpenPluginModule(KIOSK_SPEECH_PLUGIN_FILE), KIOSK_SPEECH_PLUGIN_SYMBOL, KIOSK_SPEECH_PLUGIN_ABI,
        [](const KioskSpeechPlugin& t) { return t.start && t.speak && t.stop; }, speech.error);
    if (!speech.table)
        speech.error = "the speech module cannot be used: " + speech.error + " (reinstall careers-kiosk)";
    return speech;
}

const SpeechModule& Speech()
{
    static const SpeechModule speech = OpenSpeechModule();
    return speech;
}

// The module's callback: every buffer of samples, for the engine that asked.
int TakeFromModule(void* user, const short* wav, int count)
{
    return static_cast<SpeechEngine*>(user)->TakeSamples(wav, count);
}
} // namespace

void SpeechEngine::Shutdown()
{
    if (!m_started)
        return;
    m_started = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_quit = true;
        m_pending.reset();
    }
    m_cancel = true;
    m_wake.notify_all();
    m_worker.join();
    m_output.reset();
    Speech().table->stop();
}

bool SpeechEngine::Start(const SpeechEngineOptions& options, std::string* why_not)
{
    m_options = options;
    m_rate = options.rate_wpm;
    m_volume = options.volume_percent;
    const SpeechModule& speech = Speech();
    if (!speech.table)
    {
        *why_not = speech.error;
        return false;
    }
    char why[512] = {};
    const int rate = speech.table->start(kBufferMs, why, sizeof(why));
    if (rate <= 0)
    {
        *why_not = why[0] ? why : "espeak-ng could not start";
        return false;
    }
    if (!options.sink_path.empty())
        m_output = OpenWavSink(options.sink_path, rate);
    else
        m_output = OpenAlsaOutput(rate, why_not);
    if (!m_output)
    {
        speech.table->stop();
        return false;
    }
    m_started = true;
    m_worker = std::thread([this] { Run(); });
    return true;
}

void SpeechEngine::Configure(int rate_wpm, int volume_percent)
{
    m_rate = rate_wpm;
    m_volume = volume_percent;
}

void SpeechEngine::Speak(core::SpeechScript script)
{
    if (!m_started)
        return;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        // The ui shows the new target at once, whatever the worker is finishing.
        m_target = script.Empty() ? std::string() : script.target;
        m_block = script.Empty() ? std::string() : script.segments.front().block;
        m_pending = std::move(script);
        m_cancel = true; // under the lock: the worker clears it only when it takes m_pending
    }
    m_wake.notify_all();
}

void SpeechEngine::Stop()
{
    Speak(core::SpeechScript{});
}

core::SpeechStatus SpeechEngine::Status() const
{
    core::SpeechStatus s;
    s.available = m_started;
    std::lock_guard<std::mutex> lock(m_mutex);
    s.target = m_target;
    s.block = m_block;
    return s;
}

void SpeechEngine::Run()
{
    for (;;)
    {
        core::SpeechScript script;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_wake.wait(lock, [this] { return m_quit || m_pending.has_value(); });
            if (m_quit)
                return;
            script = std::move(*m_pending);
            m_pending.reset();
            m_cancel = false;
        }
        if (!script.Empty())
            SpeakScript(script);
        bool finished = false;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (!m_pending)
            {
                m_target.clear();
                m_block.clear();
                finished = true;
            }
        }
        if (finished && m_options.wake)
            m_options.wake();
    }
}

void SpeechEngine::SpeakScript(const core::SpeechScript& script)
{
    std::string transcript;
    for (const core::SpeechSegment& s : script.segments)
        transcript += core::VoiceFor(s.language) + ": " + s.text + "\n";
    m_output->Begin(transcript);
    for (const core::SpeechSegment& segment : script.segments)
    {
        if (m_cancel)
            break;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            if (m_pending)
                break;
            m_block = segment.block;
        }
        if (m_options.wake)
            m_options.wake(); // the highlight moves to this block
        const std::string voice = core::VoiceFor(segment.language);
        Speech().table->speak(voice.c_str(), segment.text.c_str(), m_rate, m_volume, &TakeFromModule, this);
    }
    m_output->End(m_cancel.load());
}

// Synchronous mode: called on the worker inside espeak_Synth. Returning 1 aborts the synthesis:
// that is how Stop and a new Speak cut in.
int SpeechEngine::TakeSamples(const short* wav, int count)
{
    if (m_cancel)
        return 1;
    if (wav && count > 0 && !m_output_failed &&
        !m_output->Write(reinterpret_cast<const std::int16_t*>(wav), static_cast<std::size_t>(count)))
    {
        m_output_failed = true;
        std::fprintf(stderr, "careers-kiosk: read aloud: the sound device stopped working\n");
    }
    return m_cancel ? 1 : 0;
}
} // namespace kiosk::platform
