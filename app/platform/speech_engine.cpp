#include "platform/speech_engine.h"

#include <cstdio>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

namespace kiosk::platform
{
namespace
{
// espeak-ng's buffer: how much audio each callback brings (and so how soon a Stop is noticed).
constexpr int kBufferMs = 60;

// espeak-ng's callback: every buffer of samples, with events carrying our user_data.
int OnSynth(short* wav, int count, espeak_EVENT* events)
{
    auto* self = events ? static_cast<SpeechEngine*>(events->user_data) : nullptr;
    return self ? self->TakeSamples(wav, count) : 0;
}

std::string StatusMessage(espeak_ng_STATUS status)
{
    char buffer[256] = {};
    espeak_ng_GetStatusCodeMessage(status, buffer, sizeof(buffer));
    return buffer;
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
    espeak_ng_Terminate();
}

bool SpeechEngine::Start(const SpeechEngineOptions& options, std::string* why_not)
{
    m_options = options;
    m_rate = options.rate_wpm;
    m_volume = options.volume_percent;
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    if (status != ENS_OK)
    {
        *why_not = "espeak-ng could not load its voice data (" + StatusMessage(status) + "; install espeak-ng-data)";
        espeak_ng_ClearErrorContext(&context);
        return false;
    }
    status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, kBufferMs, nullptr);
    if (status != ENS_OK)
    {
        *why_not = "espeak-ng could not start (" + StatusMessage(status) + ")";
        espeak_ng_Terminate();
        return false;
    }
    const int rate = espeak_ng_GetSampleRate();
    if (!options.sink_path.empty())
        m_output = OpenWavSink(options.sink_path, rate);
    else
        m_output = OpenAlsaOutput(rate, why_not);
    if (!m_output)
    {
        espeak_ng_Terminate();
        return false;
    }
    espeak_SetSynthCallback(&OnSynth);
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
        if (espeak_SetVoiceByName(voice.c_str()) != EE_OK)
            espeak_SetVoiceByName("en-gb");
        espeak_SetParameter(espeakRATE, m_rate, 0);
        espeak_SetParameter(espeakVOLUME, m_volume, 0);
        espeak_Synth(segment.text.c_str(), segment.text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                     this);
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
