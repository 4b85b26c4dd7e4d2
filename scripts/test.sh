#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine, then runs lint, type checks and tests.
# Extra arguments go to pytest, e.g. scripts/test.sh -k bundle
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: a real X server (Xvfb) for the display tests.
need_apt=()
command -v Xvfb >/dev/null 2>&1 || need_apt+=(xvfb)
command -v xrdb >/dev/null 2>&1 || need_apt+=(x11-xserver-utils)
# openssl makes the self-signed certificates for the SMTP and HTTPS tests.
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
# Tesseract for the screenshot OCR tests, and the font those tests render text in.
command -v tesseract >/dev/null 2>&1 || need_apt+=(tesseract-ocr)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need_apt+=(fonts-dejavu-core)
# Debian and Ubuntu ship python3 without venv's pip bootstrap.
python3 -c 'import ensurepip' >/dev/null 2>&1 || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Python packages, in a project-local virtual environment.
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

# Real Redmine and Request Tracker 5 on loopback for tests/integration (root or passwordless
# sudo). On CI a failure to start them fails the run; elsewhere the suite skips and says why.
if [ "$(id -u)" -eq 0 ] || sudo -n true 2>/dev/null; then
  scripts/integration-servers.sh start >/dev/null || [ "${CI:-}" != true ] || exit 1
fi

.venv/bin/ruff check src tests benchmarks examples
.venv/bin/ruff format --check src tests benchmarks examples
.venv/bin/mypy
.venv/bin/pytest "$@"
