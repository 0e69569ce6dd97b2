#!/usr/bin/env bash
# Prepare a fresh Debian/Ubuntu machine for StarPOS: system packages, then a virtual
# environment in .venv with StarPOS and its development tools. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

SYSTEM_PACKAGES=(
  python3-venv python3-dev gcc
  # smart cards: the PC/SC daemon, its headers (pyscard builds against them), the vpcd reader
  pcscd libpcsclite-dev vsmartcard-vpcd
  # Qt on a screen or under Xvfb, with real fonts (Latin and CJK)
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core
  fonts-noto-cjk xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1
  libxcb-sync1 libxcb-shm0 libx11-xcb1
  # reading QR codes back off rendered vouchers, and text back out of PDFs (poppler-data:
  # the Chinese PDFs name an Adobe-GB1 font), in the tests
  zbar-tools poppler-utils poppler-data
  # the central server's database; the tests start a throwaway server of their own
  postgresql
)

missing=()
for package in "${SYSTEM_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[dev]"
