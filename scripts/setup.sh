#!/usr/bin/env bash
# Installs everything the app and the tests need on a fresh Debian machine:
# Debian's Chromium + CJK fonts (chart export, browser tests) and a .venv with the pinned packages.
set -euo pipefail
cd "$(dirname "$0")/.."
need_apt=""
command -v chromium >/dev/null 2>&1 || need_apt="$need_apt chromium"
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_apt="$need_apt fonts-noto-cjk"
if [ -n "$need_apt" ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need_apt >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
# reinstall only when the pinned lists changed since the last install (a stamp of their hash)
stamp=".venv/.requirements.sha256"
want="$(cat requirements.txt requirements-dev.txt | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt 2>&1 | grep -v "is ignored: it is neither" || true
  echo "$want" > "$stamp"
fi
.venv/bin/python -c "import streamlit, pandas, plotly, jieba, opencc, pytest, playwright, tqdm, dask.distributed" 
