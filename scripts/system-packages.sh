#!/usr/bin/env bash
# Debian packages beyond Python, each installed only when missing:
#   venv      python3-venv, when this Python cannot make a virtual environment (setup.sh)
#   chromium  Debian's Chromium, for the browser tests (test.sh)
#   postgresql  PostgreSQL 15's server binaries (initdb, pg_ctl), which the PostgreSQL tests start (test.sh)
# Installed as root (directly, or through passwordless sudo); otherwise says what to install and fails.
set -euo pipefail
PY=${PYTHON:-python3}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}  # where the browser tests look for it (tests/conftest.py)
need=()
for what in "$@"; do
  case "$what" in
    venv) "$PY" -c "import ensurepip, venv" 2>/dev/null || need+=(python3-venv) ;;
    chromium) [ -x "$CHROMIUM" ] || need+=(chromium) ;;
    postgresql) command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
                  || need+=(postgresql-15) ;;
    *) echo "scripts/system-packages.sh: unknown package group $what" >&2; exit 2 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "scripts/system-packages.sh: please install Debian's ${need[*]} (as root: apt-get install ${need[*]})" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "scripts/system-packages.sh: no apt-get here; install ${need[*]} with this system's package manager" >&2
  exit 1
fi
echo "installing Debian packages: ${need[*]}" >&2
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
