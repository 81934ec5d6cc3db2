#!/usr/bin/env bash
# The same screens drawn three ways match: GL 3.3 core (the default), GL 3.1 (the driver
# limited with MESA_GL_VERSION_OVERRIDE=3.1, as on a Raspberry Pi 4/5: the app falls back),
# and, when $KIOSK_GLES_BIN names a -DKIOSK_GLES=ON build, OpenGL ES 3.0 through Mesa.
# Screenshots at 1920x1080 of home, a role page, the gallery and the pathway; prints the
# number of pixels differing by more than 2% for each pair and fails above 0.5%.
# Usage (as CTest runs it): bash test_gl_variants.sh PATH_TO_careers-kiosk ARTEFACT_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$here/lib.sh"
e2e_init "$@"
e2e_require compare

screens=(home role:clinical-engineer gallery:0 pathway)
shoot() { # VARIANT BIN [env ARGUMENTS...]
    local variant="$1" bin="$2" screen
    shift 2
    for screen in "${screens[@]}"; do
        env "$@" "$bin" --screenshot "$E2E_ARTEFACTS/$variant-${screen//:/-}.png" --size 1920x1080 \
            --screen "$screen" --content "$E2E_CONTENT" >>"$E2E_ARTEFACTS/$variant.log" 2>&1 ||
            e2e_fail "$variant: --screenshot $screen failed (see $variant.log)"
    done
}
shoot gl33 "$E2E_BIN" -u MESA_GL_VERSION_OVERRIDE
shoot gl31 "$E2E_BIN" MESA_GL_VERSION_OVERRIDE=3.1
variants=(gl31)
if [[ -n ${KIOSK_GLES_BIN:-} ]]; then
    shoot gles "$KIOSK_GLES_BIN" -u MESA_GL_VERSION_OVERRIDE
    variants+=(gles)
fi
limit=$((1920 * 1080 / 200))
for variant in "${variants[@]}"; do
    for screen in "${screens[@]}"; do
        name="${screen//:/-}"
        ae="$(compare -metric AE -fuzz 2% "$E2E_ARTEFACTS/gl33-$name.png" "$E2E_ARTEFACTS/$variant-$name.png" \
            "$E2E_ARTEFACTS/diff-$variant-$name.png" 2>&1 || true)"
        [[ $ae =~ ^[0-9]+$ ]] || e2e_fail "compare $variant $screen: $ae"
        e2e_log "$variant vs gl33, $screen: $ae pixels differ by more than 2%"
        ((ae <= limit)) || e2e_fail "$variant draws $screen differently from GL 3.3: $ae pixels (limit $limit)"
    done
done
e2e_pass "GL 3.1${KIOSK_GLES_BIN:+ and GLES} screenshots match GL 3.3's"
