#!/usr/bin/env bash
# Installs what the dashboard needs and opens it on the bundled corpus (data/corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "开发区指标看板: open http://localhost:8501 (or the --server.port you gave; Ctrl+C stops it)"
exec .venv/bin/streamlit run app.py "$@"
