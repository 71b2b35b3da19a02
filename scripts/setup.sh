#!/usr/bin/env bash
# Sets munshi up on a fresh Debian/Ubuntu machine with Node >= 20: the system packages it uses
# (Chromium for WhatsApp Web, ffmpeg for voice notes, espeak-ng for the voice tests, DejaVu fonts
# for chart labels and the rendered test receipts (-extra has the condensed face), strace and
# iproute2 for the network-isolation check, scripts/netcheck.sh), the exact npm dependency tree from
# package-lock.json (tesseract.js and its English data for receipt photos come from npm), and the
# compiled build in dist/.
# Safe to run again. Skips apt when it is not available or not permitted.
set -euo pipefail
cd "$(dirname "$0")/.."

PKGS="chromium ffmpeg espeak-ng fonts-dejavu-core fonts-dejavu-extra ca-certificates strace iproute2"
if command -v apt-get >/dev/null 2>&1; then
  missing=""
  for p in $PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
  if [ -n "$missing" ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        echo "setup: please install:$missing (apt-get), then run this again" >&2; exit 1
      fi
    fi
    echo "setup: installing$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  fi
else
  echo "setup: no apt-get here; install Chromium and ffmpeg with your package manager" >&2
fi

# puppeteer (inside whatsapp-web.js) must not download its own Chrome: .puppeteerrc.cjs says so too.
export PUPPETEER_SKIP_DOWNLOAD=true
npm ci --no-audit --no-fund

# The compiled daemon `npm start` runs (npm's prestart also rebuilds it whenever src/ changed).
node scripts/build.mjs --if-stale
