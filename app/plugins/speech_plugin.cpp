// careers-kiosk-speech.so: espeak-ng behind the small table of platform/speech_plugin_abi.h.
// Opened with dlopen when read aloud starts, after the kiosk's first frame
// (platform/speech_engine.cpp), so espeak-ng and the audio libraries it brings (libpcaudio,
// PulseAudio, libsndfile and its codecs) are neither loaded before that frame nor in the
// executable's global scope.
#include "platform/speech_plugin_abi.h"

#include <cstdio>
#include <cstring>
#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

namespace
{
struct Listener
{
    KioskSpeechTake take;
    void* user;
};

// espeak-ng's callback: every buffer of samples, with events carrying our user_data.
int OnSynth(short* wav, int count, espeak_EVENT* events)
{
    auto* listener = events ? static_cast<Listener*>(events->user_data) : nullptr;
    return listener ? listener->take(listener->user, wav, count) : 0;
}

void StatusMessage(espeak_ng_STATUS status, char* out, size_t size)
{
    char buffer[256] = {};
    espeak_ng_GetStatusCodeMessage(status, buffer, sizeof(buffer));
    std::snprintf(out, size, "%s", buffer);
}

int Start(int buffer_ms, char* why, size_t why_size)
{
    char message[256] = {};
    espeak_ng_InitializePath(nullptr);
    espeak_ng_ERROR_CONTEXT context = nullptr;
    espeak_ng_STATUS status = espeak_ng_Initialize(&context);
    if (status != ENS_OK)
    {
        StatusMessage(status, message, sizeof(message));
        std::snprintf(why, why_size, "espeak-ng could not load its voice data (%s; install espeak-ng-data)", message);
        espeak_ng_ClearErrorContext(&context);
        return 0;
    }
    status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, buffer_ms, nullptr);
    if (status != ENS_OK)
    {
        StatusMessage(status, message, sizeof(message));
        std::snprintf(why, why_size, "espeak-ng could not start (%s)", message);
        espeak_ng_Terminate();
        return 0;
    }
    espeak_SetSynthCallback(&OnSynth);
    return espeak_ng_GetSampleRate();
}

void Speak(const char* voice, const char* text, int rate_wpm, int volume_percent, KioskSpeechTake take, void* user)
{
    if (espeak_SetVoiceByName(voice) != EE_OK)
        espeak_SetVoiceByName("en-gb");
    espeak_SetParameter(espeakRATE, rate_wpm, 0);
    espeak_SetParameter(espeakVOLUME, volume_percent, 0);
    Listener listener{take, user};
    espeak_Synth(text, std::strlen(text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &listener);
}

void Stop()
{
    espeak_ng_Terminate();
}

const KioskSpeechPlugin kTable = {KIOSK_SPEECH_PLUGIN_ABI, sizeof(KioskSpeechPlugin), &Start, &Speak, &Stop};
} // namespace

extern "C" __attribute__((visibility("default"))) const KioskSpeechPlugin* careers_kiosk_speech_plugin_v1(void)
{
    return &kTable;
}
