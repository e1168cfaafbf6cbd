#!/usr/bin/env bash
# Ververs requirements.lock na het wijzigen van een afhankelijkheid in pyproject.toml:
#   1. pas pyproject.toml aan (grens met ~=), 2. .venv/bin/pip install -U -e '.[dev]',
#   3. bash scripts/vergrendel.sh, 4. draai de tests, 5. commit pyproject.toml en requirements.lock samen.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
"$PYTHON" scripts/vergrendel.py
