#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, unit tests and the program corpus.
# Usage: scripts/test.sh   (from anywhere inside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== cargo test"
cargo test --workspace --quiet
