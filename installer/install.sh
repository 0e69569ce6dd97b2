#!/usr/bin/env bash
# Install StarPOS for the current user on a Debian/Ubuntu counter PC (see installer/README.md).
#
#   installer/install.sh [--prefix DIR] [--bin-dir DIR] [--wheel FILE] [--wheelhouse DIR]
#                        [--no-system-packages]
#
# It installs the system packages StarPOS needs at run time (smart card service, Qt's
# libraries, fonts), builds a wheel of this source tree (or takes --wheel), installs it with
# its dependencies into its own virtual environment under --prefix, links the `starpos`
# command into --bin-dir and adds StarPOS to the desktop's application menu. Running it
# again upgrades in place. --wheelhouse DIR installs offline from wheels made with
# `pip wheel -w DIR starpos-*.whl` on a connected machine. The user's data (database,
# settings, module state) is never touched: it lives in the user data folder
# (`starpos db status` shows where).
set -euo pipefail

SOURCE="$(cd "$(dirname "$0")/.." && pwd)"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
PREFIX="$HOME/.local/opt/starpos"
BIN_DIR="$HOME/.local/bin"
WHEEL=""
WHEELHOUSE=""
SYSTEM_PACKAGES=1

fail() { echo "install.sh: $*" >&2; exit 2; }

while (($#)); do
  case "$1" in
    --prefix) PREFIX="${2:?--prefix needs a folder}"; shift 2 ;;
    --bin-dir) BIN_DIR="${2:?--bin-dir needs a folder}"; shift 2 ;;
    --wheel) WHEEL="${2:?--wheel needs a file}"; shift 2 ;;
    --wheelhouse) WHEELHOUSE="${2:?--wheelhouse needs a folder}"; shift 2 ;;
    --no-system-packages) SYSTEM_PACKAGES=0; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown option $1 (try --help)" ;;
  esac
done

RUNTIME_PACKAGES=(
  python3-venv
  # smart cards: the PC/SC service; pyscard builds against its headers when no wheel fits
  pcscd libpcsclite1 libpcsclite-dev python3-dev gcc
  # the vpcd reader driver, for the virtual SUN card of the demo and of training
  vsmartcard-vpcd
  # Qt on the desktop, with Latin and CJK fonts
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxcb-sync1 libxcb-shm0
  libx11-xcb1 fonts-dejavu-core fonts-noto-cjk
)

if ((SYSTEM_PACKAGES)); then
  missing=()
  for package in "${RUNTIME_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if ((${#missing[@]})); then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    echo "Installing system packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
      "${missing[@]}"
  fi
fi

PYTHON="${PYTHON:-python3}"
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || fail "StarPOS needs Python 3.11 or newer ($("$PYTHON" --version 2>&1) found); set PYTHON"

BUILD="$(mktemp -d)"
trap 'rm -rf "$BUILD"' EXIT
if [ -z "$WHEEL" ]; then
  [ -f "$SOURCE/pyproject.toml" ] || fail "no source tree at $SOURCE and no --wheel given"
  echo "Building StarPOS from $SOURCE"
  "$PYTHON" -m venv "$BUILD/venv"
  "$BUILD/venv/bin/python" -m pip install -q --upgrade pip
  "$BUILD/venv/bin/python" -m pip wheel -q --no-deps -w "$BUILD/wheel" "$SOURCE"
  WHEEL="$(ls "$BUILD"/wheel/starpos-*.whl)"
fi
[ -f "$WHEEL" ] || fail "no such wheel: $WHEEL"

echo "Installing into $PREFIX"
mkdir -p "$PREFIX"
[ -x "$PREFIX/venv/bin/python" ] || "$PYTHON" -m venv "$PREFIX/venv"
PIP=("$PREFIX/venv/bin/python" -m pip install -q)
if [ -n "$WHEELHOUSE" ]; then
  PIP+=(--no-index --find-links "$WHEELHOUSE")  # offline: every wheel comes from there
else
  "$PREFIX/venv/bin/python" -m pip install -q --upgrade pip
fi
"${PIP[@]}" --force-reinstall --no-deps "$WHEEL"
"${PIP[@]}" "$WHEEL"  # its dependencies, left alone when already satisfied

mkdir -p "$BIN_DIR"
ln -sfn "$PREFIX/venv/bin/starpos" "$BIN_DIR/starpos"

RESOURCES="$("$PREFIX/venv/bin/python" -c 'from starpos.paths import resources_dir; print(resources_dir())')"
ICONS="$DATA_HOME/icons/hicolor/scalable/apps"
APPLICATIONS="$DATA_HOME/applications"
mkdir -p "$ICONS" "$APPLICATIONS"
cp "$RESOURCES/icons/starpos.svg" "$ICONS/starpos.svg"
cat > "$APPLICATIONS/starpos.desktop" <<EOF
[Desktop Entry]
Type=Application
Version=1.5
Name=StarPOS
GenericName=Prepaid electricity point of sale
GenericName[fr]=Point de vente d'électricité prépayée
GenericName[zh_CN]=预付费电力售电终端
Comment=Sell prepaid electricity: STS tokens and SUN smart cards
Comment[fr]=Vendre de l'électricité prépayée : jetons STS et cartes SUN
Comment[zh_CN]=销售预付费电力：STS 令牌与 SUN 智能卡
Exec=$PREFIX/venv/bin/starpos
Icon=starpos
Terminal=false
Categories=Office;Finance;
Keywords=STS;token;prepaid;electricity;vending;
StartupWMClass=starpos
EOF

cat > "$PREFIX/installed.txt" <<EOF
$BIN_DIR/starpos
$ICONS/starpos.svg
$APPLICATIONS/starpos.desktop
EOF

VERSION="$("$PREFIX/venv/bin/starpos" --version)"
echo "Installed $VERSION: run 'starpos' (in $BIN_DIR) or open StarPOS from the application menu."
case ":$PATH:" in *":$BIN_DIR:"*) ;; *) echo "Note: $BIN_DIR is not on your PATH." ;; esac
