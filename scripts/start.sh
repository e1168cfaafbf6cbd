#!/usr/bin/env bash
# Installeer alles en open de app op het meegeleverde voorbeeldwerkboek.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/installeer.sh
exec .venv/bin/streamlit run app.py "$@"
