#!/usr/bin/env bash
# Benchmarks Mesh side by side with Erlang/OTP and Python 3 and prints time ratios.
# Usage: bench/run.sh [lang|proc|tooling|all]   (default: all)
# Installs erlang-base and hyperfine from Debian's packages if they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1; }
if ! need erlc || ! need hyperfine; then
  echo "installing erlang-base and hyperfine…" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq erlang-base hyperfine >/dev/null
fi

cargo build --release -q -p meshc
exec python3 bench/compare.py "${1:-all}"
