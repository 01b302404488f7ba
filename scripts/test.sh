#!/usr/bin/env bash
# Every check: ruff, mypy and the whole test suite (browser tests included when Chromium is there).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check src tests bench scripts
.venv/bin/mypy
.venv/bin/mypy scripts/*.py
.venv/bin/python -m pytest -q "$@"
