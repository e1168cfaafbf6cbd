#!/usr/bin/env bash
# Open de app op het meegeleverde voorbeeldwerkboek. De eerste keer installeert dit de app (alleen wat hij nodig
# heeft) in .venv; daarna start hij meteen, tot pyproject.toml of requirements.lock verandert.
#   bash scripts/start.sh [--server.port 8502] [andere streamlit-opties]
set -euo pipefail
cd "$(dirname "$0")/.."
KENMERKBESTAND=.venv/.tariefmodel-kenmerk

kenmerk() {  # verandert als de afhankelijkheden veranderen
  { cat pyproject.toml; cat requirements.lock 2>/dev/null || true; } | sha256sum | cut -c1-64
}

zoek_python() {  # de eerste Python >= 3.11 (of $PYTHON als die goed genoeg is)
  local p
  for p in "${PYTHON:-}" python3 python3.13 python3.12 python3.11; do
    if [ -n "$p" ] && command -v "$p" >/dev/null \
        && "$p" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

poort() {  # --server.port N of --server.port=N uit de argumenten; anders 8501
  local p="${STREAMLIT_SERVER_PORT:-8501}"
  while [ $# -gt 0 ]; do
    case "$1" in
      --server.port) p="${2:-$p}"; shift ;;
      --server.port=*) p="${1#*=}" ;;
    esac
    shift
  done
  echo "$p"
}

if [ -x .venv/bin/streamlit ] && [ "$(cat "$KENMERKBESTAND" 2>/dev/null)" = "$(kenmerk)" ]; then
  echo "Python-omgeving .venv is bij; installeren overgeslagen."
else
  if ! PYTHON="$(zoek_python)"; then
    echo "Python 3.11 of nieuwer is nodig, maar niet gevonden." >&2
    echo "Installeer het (Debian/Ubuntu: sudo apt-get install python3 python3-venv) en start opnieuw." >&2
    echo "Op Windows: gebruik WSL of de container (zie README.md, 'Installeren bij uw organisatie')." >&2
    exit 1
  fi
  if [ ! -x .venv/bin/python ] && ! "$PYTHON" -c 'import ensurepip' 2>/dev/null; then
    echo "Python mist de module venv; installeer die (Debian/Ubuntu: sudo apt-get install python3-venv)." >&2
    exit 1
  fi
  echo "Eerste start: de app wordt geïnstalleerd met $("$PYTHON" --version)."
  PYTHON="$PYTHON" bash scripts/installeer.sh --runtime
  kenmerk > "$KENMERKBESTAND"
fi
echo "Open http://localhost:$(poort "$@") in uw browser (stoppen: Ctrl+C)."
exec .venv/bin/streamlit run app.py "$@"
