#!/usr/bin/env bash
# Renders the review page of a rule set and takes a headless Chromium screenshot of it, to check that the page opens
# and renders (issue 5). Usage:
#   scripts/review-screenshot.sh [RULES_DIR] [OUT_DIR]        # defaults: rules/ and artifacts/review/
# Writes OUT_DIR/review.html, OUT_DIR/review.png (top of the page), OUT_DIR/review-full.png (a tall capture), and
# OUT_DIR/review.md. Installs Debian's chromium when it is missing (needs root and the Debian package archive).
# The page is rendered by `planrules review` (src/PlanRules.Cli).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rules="$(cd "${1:-$root/rules}" && pwd)"
out="${2:-$root/artifacts/review}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "chromium not found: installing the Debian package" >&2
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-dejavu-core >/dev/null
  browser="$(command -v chromium)"
fi

dotnet run --project "$root/src/PlanRules.Cli" -c Release -- review "$rules" -o "$out/review.html"
dotnet run --project "$root/src/PlanRules.Cli" -c Release --no-build -- review "$rules" --format markdown -o "$out/review.md"

shot() { # shot FILE.png WIDTH,HEIGHT
  local profile
  profile="$(mktemp -d)"
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$profile" \
    --screenshot="$1" --window-size="$2" "file://$out/review.html" >/dev/null 2>&1
  rm -rf "$profile"
  [[ -s "$1" ]] || { echo "no screenshot written: $1" >&2; exit 1; }
}
shot "$out/review.png" 1400,2000
shot "$out/review-full.png" 1400,12000

# The page must be self-contained: no external scripts, styles, images or fonts.
if grep -Eq '(src|href)="(https?:)?//|@import|url\(' "$out/review.html"; then
  echo "review.html references an external asset" >&2
  exit 1
fi
echo "review page: $out/review.html"
echo "screenshots: $out/review.png $out/review-full.png"
