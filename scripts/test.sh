#!/usr/bin/env bash
# Runs every test of the project: formatting, lints, unit tests, the program corpus, and the
# database tests against a throwaway PostgreSQL cluster (scripts/pg.sh), which is always
# stopped at the end.
# Usage: scripts/test.sh   (from anywhere inside the repository)
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== cargo fmt --check"
cargo fmt --all -- --check

echo "== cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings

echo "== PostgreSQL for the database tests (scripts/pg.sh)"
trap 'scripts/pg.sh stop' EXIT
DATABASE_URL="$(scripts/pg.sh start)"
export DATABASE_URL
echo "DATABASE_URL=$DATABASE_URL"

echo "== cargo test"
cargo test --workspace --quiet
