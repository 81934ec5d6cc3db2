#!/usr/bin/env bash
# The kiosk machine booted under QEMU: builds the packages (unless DEB_DIR is given), a
# Debian 12 disk image with them (kiosk/deploy/vm/build-image.sh, base cached), and runs
# kiosk/deploy/vm/vm-test.py: first frame, a visit through QMP input, kill -9, USB sticks,
# staff Exit, crash loop and retry timer, reboot, power cuts. Prints one FIGURE line each.
#
# Usage: bash tests/deploy/test_vm.sh ARTEFACT_DIR [DEB_DIR]
# Environment: KIOSK_VM_CUTS (power cuts, default 3), KIOSK_VM_KILLS (kill -9 restarts, default 1),
# KIOSK_VM_CHECKS (comma list, default all).
# Needs root, debootstrap, qemu-system-x86, mtools, dosfstools. Slow (10-40 minutes with no
# KVM): CTest label `vm`, not in the default run.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
artefacts="$(realpath -m -- "${1:?usage: test_vm.sh ARTEFACT_DIR [DEB_DIR]}")"
debs="${2:-}"
mkdir -p "$artefacts"
for tool in qemu-system-x86_64 mkfs.vfat mcopy debootstrap; do
    command -v "$tool" >/dev/null || {
        echo "test_vm: FAIL: $tool is missing (apt-get install qemu-system-x86 dosfstools mtools debootstrap)" >&2
        exit 1
    }
done
if [[ -z $debs ]]; then
    debs="$artefacts/debs"
    bash "$root/kiosk/build-packages.sh" --out "$debs"
fi
bash "$root/kiosk/deploy/vm/build-image.sh" "$debs" "$artefacts/image"
checks=()
[[ -n ${KIOSK_VM_CHECKS:-} ]] && checks=(--only "$KIOSK_VM_CHECKS")
/usr/bin/python3 "$root/kiosk/deploy/vm/vm-test.py" "$artefacts/image" "$artefacts/run" \
    --cuts "${KIOSK_VM_CUTS:-3}" --kills "${KIOSK_VM_KILLS:-1}" "${checks[@]}" | tee "$artefacts/figures.txt"
