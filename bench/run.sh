#!/usr/bin/env bash
# Benchmarks Mesh side by side with Erlang/OTP and Python 3 and prints time ratios.
# Usage: bench/run.sh [lang|proc|http|tooling|all]   (default: all)
# Installs erlang-base and hyperfine (and, for `http`, golang-go and wrk) from Debian's
# packages if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
if ! need erlc || ! need hyperfine; then
  echo "installing erlang-base and hyperfine…" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq erlang-base hyperfine >/dev/null
fi

group="${1:-all}"
if { [ "$group" = http ] || [ "$group" = all ]; } && { ! need go || ! need wrk; }; then
  echo "installing golang-go and wrk…" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq golang-go wrk >/dev/null
fi

cargo build --release -q -p meshc
if [ "$group" = http ] || [ "$group" = all ]; then
  # The WebSocket benchmark's load client, and room for its 1,000 connections.
  cargo build --release -q -p mesh-rt --example ws_load
  ulimit -n 65536 2>/dev/null || true
fi
exec python3 bench/compare.py "$group"
