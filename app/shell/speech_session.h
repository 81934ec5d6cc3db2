// Read aloud in the running kiosk: joins the visit (what the visitor asked to hear, where they
// are) to the speaking engine (platform/speech_engine.h). Once per frame, after the visit has
// carried out the frame's actions, Follow() stops speech whose screen, language, visit or phase
// has changed (core/speech/speech_scope.h; the attract loop is always silent), speaks what a
// ReadAloud asked for, and calls out the "Still there?" countdown when the visitor has used
// read aloud in this visit. While a page is being read the visitor is listening, so the idle
// timer counts from the end of the speech, not from the tap. The UI thread only; nothing here
// waits for audio.
#pragma once
#include "core/content/content_model.h"
#include "core/speech/speech_scope.h"
#include "core/visit/visit.h"
#include "platform/speech_engine.h"

#include <functional>
#include <string>
#include <vector>

namespace kiosk::app
{
class SpeechSession
{
public:
    // Starts the engine with the pack's rate and volume; $KIOSK_SPEECH_SINK (a .wav path) sends
    // the audio to a file instead of the sound device. Without a voice or a sound device the
    // controls stay hidden and one line on stderr says why.
    void Start(const core::KioskSettings& settings, std::function<void()> wake);
    // A reloaded pack's rate and volume.
    void Configure(const core::KioskSettings& settings);
    // What the ui is told this frame (controls shown, what is being read).
    const core::SpeechStatus& Status();
    // After each frame (see above). `attract` is true while the attract loop or the staff panel
    // shows: both are silent.
    void Follow(const core::ContentPack& pack, core::Visit& visit, bool attract,
                const std::vector<core::VisitAction>& actions, core::VisitTime t);
    // Silences and joins the engine; call before the window is destroyed.
    void Shutdown() { m_engine.Shutdown(); }

private:
    platform::SpeechEngine m_engine;
    core::SpeechStatus m_status;
    core::SpeechScope m_scope;
    double m_countdown_left = 0; // the countdown's time left at the last frame (0: not showing)
};
} // namespace kiosk::app
