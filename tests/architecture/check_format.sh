#!/usr/bin/env bash
# Fails when a C++ file in app/ or tests/ (test fixtures aside) is not formatted with the root
# .clang-format, and lists those files. Fix with: clang-format -i FILE...
# Usage: check_format.sh [SOURCE_DIR]   (default: the repository this script is in)
set -u
src="${1:-$(cd "$(dirname "$0")/../.." && pwd)}"
cd "$src" || { echo "check_format: cannot enter '$src'" >&2; exit 2; }
command -v clang-format >/dev/null || { echo "check_format: clang-format is not installed" >&2; exit 2; }

mapfile -d '' files < <(find app tests -path tests/fixtures -prune -o -type f \( -name '*.h' -o -name '*.cpp' \) -print0 | sort -z)
if [ "${#files[@]}" -eq 0 ]; then
    echo "check_format: no .h/.cpp files found under '$src'" >&2
    exit 2
fi
bad=()
for f in "${files[@]}"; do
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ "${#bad[@]}" -gt 0 ]; then
    echo "check_format: ${#bad[@]} of ${#files[@]} files are not clang-formatted (run clang-format -i on them):"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "check_format: ${#files[@]} files formatted"
