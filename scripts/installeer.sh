#!/usr/bin/env bash
# Zet alles klaar in .venv (Python-pakketten); met --systeem ook de Debian-pakketten die de tests gebruiken.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
# De geteste versies (requirements.lock, gemaakt met scripts/vergrendel.sh) als bovengrens en ondergrens.
.venv/bin/python -m pip install --quiet -c requirements.lock -e '.[dev]'
if [ "${1:-}" = "--systeem" ]; then
  nodig=()
  command -v chromium >/dev/null || nodig+=(chromium)
  command -v soffice >/dev/null || nodig+=(libreoffice-calc-nogui)
  [ -d /usr/share/fonts/truetype/liberation ] || nodig+=(fonts-liberation)
  command -v pdftoppm >/dev/null || nodig+=(poppler-utils)
  if [ ${#nodig[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "Nodig voor browser-, LibreOffice- en PDF-tests: ${nodig[*]} (installeer als root met apt-get)." >&2
      exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    apt-get install -y -q --no-install-recommends "${nodig[@]}"
  fi
fi
