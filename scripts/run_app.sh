#!/usr/bin/env bash
# Installs what the dashboard needs and opens it on the bundled corpus (data/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/streamlit run app.py "$@"
