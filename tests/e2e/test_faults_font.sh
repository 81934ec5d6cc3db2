#!/usr/bin/env bash
# Fault: a Noto Sans file damaged on disk, as a failing SD card leaves it: two bytes of the bold
# face's 'head' table changed (its indexToLocFormat, which makes stb_truetype read glyph offsets
# the wrong size: a null dereference under ASan, a segfault at every start before). The damaged
# copy is bind-mounted over the system's file in this test's own mount namespace. Checked: the
# kiosk starts, draws with the regular face in its place and says which file in one line, said
# once although a larger-text tap rebuilds the fonts; with the regular face damaged too it draws
# with Dear ImGui's built-in font and says so; both visits are recorded and the database intact.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib_faults.sh"
faults_private_mounts "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_init "$@"
source "$(dirname "${BASH_SOURCE[0]}")/lib_hits.sh"
e2e_require sqlite3 python3

noto=/usr/share/fonts/truetype/noto
for face in Regular Bold; do
    [[ -r $noto/NotoSans-$face.ttf ]] || e2e_fail "no $noto/NotoSans-$face.ttf (fonts-noto-core)"
    # The table directory gives 'head' its offset; indexToLocFormat is at byte 50 of the table.
    python3 - "$noto/NotoSans-$face.ttf" "$E2E_TMP/NotoSans-$face.ttf" <<'EOF'
import struct, sys
font = bytearray(open(sys.argv[1], "rb").read())
for i in range(struct.unpack(">H", font[4:6])[0]):
    tag, _, offset, _ = struct.unpack(">4sIII", font[12 + 16 * i:28 + 16 * i])
    if tag == b"head":
        at = offset + 50
        font[at:at + 2] = struct.pack(">H", 1 - struct.unpack(">H", font[at:at + 2])[0])
open(sys.argv[2], "wb").write(font)
EOF
    cmp -s "$noto/NotoSans-$face.ttf" "$E2E_TMP/NotoSans-$face.ttf" && e2e_fail "the $face face was not changed"
done
db="$E2E_TMP/stats.db"

mount --bind "$E2E_TMP/NotoSans-Bold.ttf" "$noto/NotoSans-Bold.ttf"
faults_start_visit "$db"
e2e_tap_hit toggle:larger-text
sleep 1
e2e_screenshot 01-home-regular-for-bold.png >/dev/null
e2e_kiosk_alive || e2e_fail "the kiosk exited with a damaged bold face"
lines=$(faults_log_count "careers-kiosk: fonts: cannot read font file '$noto/NotoSans-Bold.ttf' \(.*damaged.*\); drawing with '$noto/NotoSans-Regular.ttf' in its place")
((lines == 1)) || e2e_fail "expected one line naming the damaged bold face, found $lines"
e2e_log "$(grep "fonts:" "$E2E_KIOSK_LOG")"
e2e_pass "a damaged bold face: the regular face stands in, one line names the file"

e2e_stop_kiosk
mount --bind "$E2E_TMP/NotoSans-Regular.ttf" "$noto/NotoSans-Regular.ttf"
e2e_start_kiosk --content "$E2E_CONTENT" --stats "$db"
e2e_wake
faults_read_roles 1
faults_open_role "${roles[0]}"
e2e_screenshot 02-home-built-in-font.png >/dev/null
lines=$(faults_log_count "careers-kiosk: fonts: cannot read font files '$noto/NotoSans-Regular.ttf' and '$noto/NotoSans-Bold.ttf' .*built-in font")
((lines == 1)) || e2e_fail "expected one line naming both damaged faces, found $lines"
e2e_stop_kiosk
faults_check_intact "$db"
opens=$(faults_role_opens "$db")
((opens == 3)) || e2e_fail "$opens role_opened events, 3 roles were opened"
e2e_pass "both faces damaged: Dear ImGui's built-in font, one line, every visit recorded"
