#!/usr/bin/env bash
# The layers' include directions, checked on every test run (issue: "folders that show the house").
#
#   app/core      the model: includes only core/ and the standard or Debian libraries it parses
#                 with; never ImGui, GLFW, glad or GL.
#   app/ui        ImGui screens: core/ and ui/; never GLFW, glad, GL or an ImGui backend.
#   app/platform  the only GLFW, glad and GL code: core/ and platform/.
#   app/shell     joins the three: core/, ui/, platform/, shell/; never GLFW, glad or a backend
#                 (it asks platform::Window for those).
#   app/plugins   our dlopen'd modules (librsvg, espeak-ng): core/ and platform/ (the C ABI headers they
#                 implement: core/images/svg_plugin_abi.h, platform/speech_plugin_abi.h); never ImGui or GL.
#   tests/core    links kiosk_core alone: core/ and support/ only.
# Every .cpp under app/ must also be named in CMakeLists.txt (explicit source lists, no globs).
# Prints one line per breach as FILE:LINE: what and why; exits 1 if there is any.
set -euo pipefail
root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
cd "$root"
status=0
breach() {
    echo "$1: $2"
    status=1
}

# check DIR ALLOWED_QUOTED_PREFIXES FORBIDDEN_SYSTEM_REGEX
check() {
    local dir=$1 allowed=$2 forbidden=$3 file line text inc
    while IFS=: read -r file line text; do
        if [[ $text =~ \#include[[:space:]]*\"([^\"]+)\" ]]; then
            inc=${BASH_REMATCH[1]}
            if [[ ! $inc =~ ^($allowed)/ ]]; then
                breach "$file:$line" "includes \"$inc\": $dir may include only ${allowed//|/, } headers"
            fi
        elif [[ -n $forbidden && $text =~ \#include[[:space:]]*\<([^\>]+)\> ]]; then
            inc=${BASH_REMATCH[1]}
            if [[ $inc =~ $forbidden ]]; then
                breach "$file:$line" "includes <$inc>: not allowed in $dir"
            fi
        fi
    done < <(grep -rn --include='*.h' --include='*.cpp' '^[[:space:]]*#[[:space:]]*include' "$dir" || true)
}

check app/core 'core' '^(imgui|GLFW/|glad/|GL/|GLES)'
check app/ui 'core|ui' '^(GLFW/|glad/|GL/|GLES|imgui_impl)'
check app/platform 'core|platform' ''
check app/shell 'core|ui|platform|shell' '^(GLFW/|glad/|GL/|GLES|imgui_impl)'
check app/plugins 'core|platform' '^(imgui|GLFW/|glad/|GL/|GLES)'
check tests/core 'core|support' '^(imgui|GLFW/|glad/|GL/)'

while IFS= read -r src; do
    rel=${src#./}
    grep -q "$rel" CMakeLists.txt || breach "$rel" "not listed in CMakeLists.txt (sources are listed by hand, per feature)"
done < <(find ./app -name '*.cpp' | sort)

if [[ $status == 0 ]]; then
    echo "layers: every include goes the right way; every source is listed"
fi
exit "$status"
