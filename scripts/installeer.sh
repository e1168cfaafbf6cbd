#!/usr/bin/env bash
# Zet alles klaar in .venv. Modus: (geen) app + ontwikkelgereedschap; --runtime alleen wat de app nodig heeft
# (scripts/start.sh, de container); --systeem ook de Debian-pakketten die de tests gebruiken.
# Staat er een requirements.lock, dan legt die de versies vast (pip -c).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
MODUS="${1:-}"
PAKKET='.[dev]' STIL=(--quiet)
if [ "$MODUS" = "--runtime" ]; then PAKKET='.' STIL=(--progress-bar on); fi
SLOT=(); if [ -f requirements.lock ]; then SLOT=(-c requirements.lock); fi
if [ ! -x .venv/bin/python ]; then
  echo "Python-omgeving aanmaken in .venv…"
  "$PYTHON" -m venv .venv
fi
echo "Pakketten installeren in .venv (de eerste keer enkele minuten)…"
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install "${STIL[@]}" "${SLOT[@]}" -e "$PAKKET"
if [ "$MODUS" = "--systeem" ]; then
  nodig=()
  command -v chromium >/dev/null || nodig+=(chromium)
  command -v soffice >/dev/null || nodig+=(libreoffice-calc-nogui)
  /usr/bin/python3 -c "import uno" 2>/dev/null || nodig+=(python3-uno)  # benchmark: LibreOffice via UNO
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
