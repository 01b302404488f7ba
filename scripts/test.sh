#!/usr/bin/env bash
# Every check: ruff, mypy and the whole test suite, browser tests included. Installs what it needs
# first: Debian's chromium, PostgreSQL 15's server (and python3-venv) when missing, then the project
# with its extras (PostgreSQL driver, Dask) in .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh chromium postgresql
bash scripts/setup.sh
.venv/bin/ruff check src tests bench scripts
.venv/bin/mypy
.venv/bin/mypy scripts/*.py
.venv/bin/python -m pytest -q "$@"
