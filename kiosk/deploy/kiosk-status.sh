#!/usr/bin/env bash
# careers-kiosk-status: tells staff at a console, in plain words, how the kiosk is doing:
# whether it is running and since when, how many times it was restarted today, the content in
# use and its warnings, the size of the statistics, the free disk space and the last error.
# Installed as /usr/bin/careers-kiosk-status by careers-kiosk-machine. Run it with sudo to
# see the journal (restarts and errors); without, those two lines say they need it.
#
# Usage: careers-kiosk-status
set -uo pipefail

unit=careers-kiosk.service
KIOSK_CONTENT_DIR=/var/lib/careers-kiosk/content
KIOSK_STATS_DB=/var/lib/careers-kiosk/stats.db
settings="${KIOSK_SETTINGS:-/etc/default/careers-kiosk}"
binary="${KIOSK_BIN:-/usr/bin/careers-kiosk}"
if [[ -r $settings ]]; then
    # shellcheck disable=SC1090 # the organiser's settings file (KEY=VALUE lines)
    source "$settings"
fi
case "${1:-}" in
    -h | --help)
        awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
        exit 0
        ;;
esac

say() { printf '%-16s %s\n' "$1" "$2"; }
human() { numfmt --to=iec-i --suffix=B "$1" 2>/dev/null || echo "$1 bytes"; }

# --- running, since when -------------------------------------------------------------------
declare -A prop=()
while IFS='=' read -r key value; do
    prop[$key]="$value"
done < <(systemctl show "$unit" -p ActiveState -p SubState -p ActiveEnterTimestamp -p Result \
    -p UnitFileState 2>/dev/null)
state="${prop[ActiveState]:-unknown}"
case "$state" in
    active)
        since="${prop[ActiveEnterTimestamp]:-}"
        ago=""
        if [[ -n $since ]]; then
            secs=$(($(date +%s) - $(date -d "$since" +%s 2>/dev/null || date +%s)))
            if ((secs >= 86400)); then
                ago=" ($((secs / 86400)) days ago)"
            else
                ago=" ($((secs / 3600)) h $((secs % 3600 / 60)) min ago)"
            fi
        fi
        say "Kiosk:" "running since $since$ago"
        ;;
    activating) say "Kiosk:" "starting (or being restarted after a stop)" ;;
    failed)
        say "Kiosk:" "NOT running: it failed too many times in a row (${prop[Result]:-}); it tries again every 10 minutes"
        ;;
    inactive)
        if [[ ${prop[UnitFileState]:-} == enabled ]]; then
            say "Kiosk:" "NOT running: stopped (staff Exit or systemctl stop); start it with: sudo systemctl start careers-kiosk"
        else
            say "Kiosk:" "NOT running, and not enabled at boot (sudo systemctl enable --now careers-kiosk)"
        fi
        ;;
    *) say "Kiosk:" "state unknown (is careers-kiosk-machine installed? systemctl says '$state')" ;;
esac

# --- restarts today and the last error (journal) ---------------------------------------------
if journal="$(journalctl -q -u "$unit" --since today -o short-iso --no-pager 2>/dev/null)" && [[ -n $journal || $(id -u) -eq 0 ]]; then
    restarts="$(grep -c 'Scheduled restart job' <<<"$journal" || true)"
    say "Restarts today:" "${restarts:-0}"
    last="$({
        journalctl -q -u "$unit" -u careers-kiosk-display.service -o short-iso --no-pager -n 5000
        journalctl -q -t careers-kiosk-update-content -o short-iso --no-pager -n 100
    } 2>/dev/null | sort | grep -iE 'error|fail|refus|cannot|no display|no /dev/dri|watchdog|killed|dumped core|no space|stopped before|exited with status [1-9]' |
        grep -v -e 'Scheduled restart job' -e 'careers-kiosk: status: ' | tail -n 1)"
    say "Last error:" "${last:-none in the journal}"
else
    say "Restarts today:" "unknown (run with sudo to read the journal)"
    say "Last error:" "unknown (run with sudo to read the journal)"
fi

# --- content ------------------------------------------------------------------------------------
if [[ -x $binary && -d $KIOSK_CONTENT_DIR ]]; then
    report="$("$binary" --validate "$KIOSK_CONTENT_DIR" 2>&1)"
    rc=$?
    warnings="$(grep -c ': warning:' <<<"$report" || true)"
    if [[ $rc -eq 0 ]]; then
        say "Content:" "$KIOSK_CONTENT_DIR: $(tail -n 1 <<<"$report" | sed 's/^content in .* is valid: /valid, /'); $warnings warning(s)"
    else
        say "Content:" "$KIOSK_CONTENT_DIR HAS ERRORS: the kiosk keeps showing its last good content or a fault screen"
    fi
    grep -E ': (warning|error):' <<<"$report" | head -n 10 | sed 's/^/                   /'
else
    say "Content:" "no content folder at $KIOSK_CONTENT_DIR (or no $binary)"
fi

# --- statistics and disk ----------------------------------------------------------------------------
if [[ -e $KIOSK_STATS_DB ]]; then
    bytes=0
    for f in "$KIOSK_STATS_DB" "$KIOSK_STATS_DB-wal"; do
        [[ -e $f ]] && bytes=$((bytes + $(stat -c %s "$f")))
    done
    say "Statistics:" "$KIOSK_STATS_DB, $(human "$bytes") (with its -wal file)"
elif [[ -d $(dirname "$KIOSK_STATS_DB") && ! -r $(dirname "$KIOSK_STATS_DB") ]]; then
    say "Statistics:" "$KIOSK_STATS_DB (run with sudo to see its size)"
else
    say "Statistics:" "none yet at $KIOSK_STATS_DB (no visitor so far)"
fi
where="$(dirname "$KIOSK_STATS_DB")"
[[ -d $where ]] || where=/
read -r avail size pcent < <(df -B1 --output=avail,size,pcent "$where" | tail -n 1)
say "Free disk:" "$(human "$avail") free of $(human "$size") ($pcent used) where the statistics are"
if [[ $avail -lt 200000000 ]]; then
    say "" "WARNING: under 200 MB free; export the statistics and free some space"
fi
