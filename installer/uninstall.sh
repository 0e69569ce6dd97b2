#!/usr/bin/env bash
# Remove what installer/install.sh installed for this user.
#
#   installer/uninstall.sh [--prefix DIR]
#
# The user's data (database with every sale, settings, secure-module state, logs) stays:
# it is the utility's record. `starpos db status` shows where it is; remove it yourself only
# once it has been synchronised or archived.
set -euo pipefail

DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
PREFIX="$HOME/.local/opt/starpos"

while (($#)); do
  case "$1" in
    --prefix) PREFIX="${2:?--prefix needs a folder}"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

if [ ! -f "$PREFIX/installed.txt" ]; then
  echo "uninstall.sh: StarPOS is not installed in $PREFIX" >&2
  exit 2
fi
while IFS= read -r installed; do
  [ -n "$installed" ] && rm -f "$installed"
done < "$PREFIX/installed.txt"
rm -rf "$PREFIX/venv" "$PREFIX/installed.txt"
rmdir "$PREFIX" 2>/dev/null || true
echo "StarPOS removed from $PREFIX. Your data was kept."
