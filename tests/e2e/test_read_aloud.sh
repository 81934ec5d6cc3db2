#!/usr/bin/env bash
# Read aloud, end to end, with the file sink ($KIOSK_SPEECH_SINK: the kiosk writes what it would
# play as a WAV, and its transcript beside it). On a role page a tap on "Read aloud" gives speech
# that is not silent, in the English voice; walking away brings "Still there?", which is spoken
# because read aloud is on, and its "More time" keeps the visit; in Welsh the same tap gives
# Welsh words in the Welsh voice. With no sound device, and with our plugin modules missing or
# broken, the kiosk still runs: the controls are hidden and one log line says why.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"
e2e_require python3
e2e_start_xvfb 1280x800
export KIOSK_SPEECH_SINK="$E2E_TMP/speech.wav"
idle=15
e2e_start_kiosk --content "$E2E_CONTENT" --stats "$E2E_TMP/stats.db" --idle-timeout "$idle"
e2e_wait_for 15 grep -q "read aloud: espeak-ng" "$E2E_KIOSK_LOG" || e2e_fail "the kiosk did not start its speech engine: $(cat "$E2E_KIOSK_LOG")"

# wav_check FILE: prints "SECONDS RMS" of a mono 16-bit WAV.
wav_check() {
    /usr/bin/python3 - "$1" <<'PY'
import array, math, sys, wave
with wave.open(sys.argv[1]) as w:
    assert w.getnchannels() == 1 and w.getsampwidth() == 2
    frames = w.readframes(w.getnframes())
    rate = w.getframerate()
a = array.array("h", frames)
rms = math.sqrt(sum(x * x for x in a) / len(a)) if a else 0.0
print("%.2f %d" % (len(a) / rate, rms))
PY
}

# speech_ok WHAT VOICE TEXT: waits for a new WAV whose transcript starts with "VOICE: TEXT" and
# checks it is at least a second long and not silent (RMS above 300 of 32767).
speech_ok() {
    local what=$1 voice=$2 text=$3 secs rms
    e2e_wait_for 20 grep -q "^$voice: $text" "$KIOSK_SPEECH_SINK.txt" 2>/dev/null ||
        e2e_fail "$what: no speech '$voice: $text' (transcript: $(cat "$KIOSK_SPEECH_SINK.txt" 2>/dev/null))"
    e2e_wait_for 10 test -s "$KIOSK_SPEECH_SINK" || e2e_fail "$what: no WAV written"
    sleep 0.5
    read -r secs rms <<<"$(wav_check "$KIOSK_SPEECH_SINK")"
    cp "$KIOSK_SPEECH_SINK" "$E2E_ARTEFACTS/$what.wav"
    cp "$KIOSK_SPEECH_SINK.txt" "$E2E_ARTEFACTS/$what.txt"
    e2e_log "$what: ${secs} s of speech, RMS $rms"
    [[ ${secs%.*} -ge 1 ]] || e2e_fail "$what: only $secs s of audio"
    ((rms > 300)) || e2e_fail "$what: the audio is silent (RMS $rms)"
    rm -f "$KIOSK_SPEECH_SINK" "$KIOSK_SPEECH_SINK.txt"
}

e2e_wake
e2e_tap_hit role-card:clinical-engineer
e2e_wait_screen role:clinical-engineer
sleep 0.5
e2e_tap_hit read-aloud:role:clinical-engineer
speech_ok role-en en-gb "Clinical engineer"
e2e_screenshot 01-role-read.png >/dev/null
e2e_pass "Read aloud on a role page speaks it in English (en-gb), not silent"

# Walk away: the countdown shows and, read aloud being on, is spoken.
e2e_wait_screen still-there $((idle + 15))
speech_ok still-there-en en-gb "Still there?"
e2e_screenshot 02-still-there.png >/dev/null
e2e_pass "'Still there?' is spoken when read aloud is on"
e2e_tap_hit idle:more-time
e2e_wait_screen role:clinical-engineer 5
e2e_pass "More time closes the countdown and keeps the visit on its page"

# Welsh: the same button speaks the Welsh page in the Welsh voice.
e2e_tap_hit lang:cy
sleep 0.5
e2e_tap_hit read-aloud:role:clinical-engineer
speech_ok role-cy cy "Peiriannydd clinigol"
e2e_pass "Read aloud in Welsh speaks Welsh words in the cy voice, not silent"

e2e_stop_kiosk TERM
((E2E_KIOSK_STATUS == 0)) || e2e_fail "the kiosk exited with $E2E_KIOSK_STATUS on SIGTERM"
e2e_pass "the kiosk stops cleanly with its speech engine"

# No sound device (an ALSA configuration that defines none, and no sink): no read-aloud
# controls, and one line in the log says why.
unset KIOSK_SPEECH_SINK
: >"$E2E_TMP/no-sound.conf"
ALSA_CONFIG_PATH="$E2E_TMP/no-sound.conf" e2e_start_kiosk --content "$E2E_CONTENT" --stats "$E2E_TMP/stats2.db"
e2e_wake
e2e_tap_hit role-card:clinical-engineer
e2e_wait_screen role:clinical-engineer
sleep 0.5
e2e_wait_for 15 grep -q "read aloud is off" "$E2E_KIOSK_LOG" || true
grep -q "^read-aloud:" "$KIOSK_HITS_FILE" && e2e_fail "read-aloud controls are shown with no sound device"
lines=$(grep -c "read aloud is off" "$E2E_KIOSK_LOG" || true)
((lines == 1)) || e2e_fail "expected one log line saying why read aloud is off, found $lines: $(cat "$E2E_KIOSK_LOG")"
e2e_log "$(grep "read aloud is off" "$E2E_KIOSK_LOG")"
e2e_stop_kiosk TERM
e2e_pass "with no sound device the controls are hidden and one log line says why"

# Our plugin modules (core/plugins/plugin_module.h) broken or missing: a module folder holding a
# careers-kiosk-svg.so that is no shared object, and no careers-kiosk-speech.so; an illustration
# cache of its own, empty, so the role page's SVGs must be rasterised. The kiosk still shows the
# role page, with placeholders (nothing rasterised is cached) and no read-aloud controls, and
# each module gives one log line naming it.
export KIOSK_SPEECH_SINK="$E2E_TMP/speech3.wav"
mkdir -p "$E2E_TMP/broken-modules" "$E2E_TMP/cold-cache"
echo "not a shared object" >"$E2E_TMP/broken-modules/careers-kiosk-svg.so"
KIOSK_PLUGIN_DIR="$E2E_TMP/broken-modules" KIOSK_CACHE_DIR="$E2E_TMP/cold-cache" \
    e2e_start_kiosk --content "$E2E_CONTENT" --stats "$E2E_TMP/stats3.db"
e2e_wake
e2e_tap_hit role-card:clinical-engineer
e2e_wait_screen role:clinical-engineer
e2e_wait_for 15 grep -q "read aloud is off" "$E2E_KIOSK_LOG" || true
sleep 1
e2e_screenshot 03-broken-modules.png >/dev/null
grep -q "^read-aloud:" "$KIOSK_HITS_FILE" && e2e_fail "read-aloud controls are shown without the speech module"
speech_lines=$(grep -c "read aloud is off.*careers-kiosk-speech.so is missing" "$E2E_KIOSK_LOG" || true)
svg_lines=$(grep -c "SVG support is off: cannot load $E2E_TMP/broken-modules/careers-kiosk-svg.so" "$E2E_KIOSK_LOG" || true)
((speech_lines == 1 && svg_lines == 1)) ||
    e2e_fail "expected one log line for each module, found $speech_lines and $svg_lines: $(cat "$E2E_KIOSK_LOG")"
e2e_log "$(grep -e "read aloud is off" -e "SVG support is off" "$E2E_KIOSK_LOG")"
cached=$(find "$E2E_TMP/cold-cache" -name '*.rgba' | wc -l)
((cached == 0)) || e2e_fail "$cached illustrations were rasterised without an SVG module"
e2e_kiosk_alive || e2e_fail "the kiosk stopped without its modules"
e2e_stop_kiosk TERM
((E2E_KIOSK_STATUS == 0)) || e2e_fail "the kiosk exited with $E2E_KIOSK_STATUS without its modules"
e2e_pass "broken or missing modules: placeholders, no read-aloud controls, one log line for each"
