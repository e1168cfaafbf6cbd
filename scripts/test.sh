#!/usr/bin/env bash
# Installeer alles (ook chromium, LibreOffice en poppler via apt-get) en draai de hele testsuite.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh --systeem || exit 1
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
code=$?
if [ "$code" -eq 5 ]; then
  echo "pytest vond geen tests: dat is een fout." >&2
  exit 1
fi
exit "$code"
