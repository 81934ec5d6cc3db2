// The C ABI between the kiosk and its speech module, careers-kiosk-speech.so
// (app/plugins/speech_plugin.cpp), which links espeak-ng so that the executable does not
// (core/plugins/plugin_module.h says why). Plain C types only; the caller owns every buffer.
//
// The module exports careers_kiosk_speech_plugin_v1, returning a table whose `abi` is
// KIOSK_SPEECH_PLUGIN_ABI and whose `size` is sizeof(KioskSpeechPlugin) as the module was built;
// the kiosk refuses a table that differs in either. Change the number, and the symbol's suffix,
// whenever the table changes.
//
// Threading: espeak-ng keeps global state. start, speak and stop are called by one thread at a
// time (platform::SpeechEngine calls start, then speak only on its worker, then stop after
// joining it).
#pragma once
#include <stddef.h>

#define KIOSK_SPEECH_PLUGIN_ABI 1u
#define KIOSK_SPEECH_PLUGIN_FILE "careers-kiosk-speech.so"
#define KIOSK_SPEECH_PLUGIN_SYMBOL "careers_kiosk_speech_plugin_v1"

extern "C"
{
    // Takes one buffer of 16-bit mono samples; returns 1 to abort the synthesis, else 0.
    typedef int (*KioskSpeechTake)(void* user, const short* samples, int count);

    struct KioskSpeechPlugin
    {
        unsigned abi;  // KIOSK_SPEECH_PLUGIN_ABI
        unsigned size; // sizeof(KioskSpeechPlugin)
        // Loads espeak-ng's voice data and sets up synchronous synthesis with buffers of
        // `buffer_ms`. Returns the sample rate (> 0), or 0 with a one-line reason in `why`.
        int (*start)(int buffer_ms, char* why, size_t why_size);
        // Speaks UTF-8 `text` with `voice` (en-gb when that voice cannot be had) at `rate_wpm` and
        // `volume_percent`, handing every buffer to take(user, ...) until it is done or take
        // returns 1.
        void (*speak)(const char* voice, const char* text, int rate_wpm, int volume_percent, KioskSpeechTake take,
                      void* user);
        // Frees what start set up.
        void (*stop)(void);
    };

    typedef const KioskSpeechPlugin* (*KioskSpeechPluginEntry)(void);
}
