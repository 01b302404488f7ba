#!/usr/bin/env bash
# The demo: set up, ingest the bundled demo corpus into demo.db, show what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
rm -f demo.db demo.db-wal demo.db-shm
.venv/bin/communique ingest demo/corpus --db demo.db
.venv/bin/communique stats --db demo.db
.venv/bin/communique events --db demo.db --limit 15
.venv/bin/communique dyad CHN TJK --db demo.db
echo
echo "Browse it: .venv/bin/communique serve --db demo.db   (then open http://127.0.0.1:8000/)"
echo "To type 'communique' without .venv/bin/: source .venv/bin/activate"
