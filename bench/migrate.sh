#!/usr/bin/env bash
# Migration benchmark (ARCHITECTURE "Performance is measured side by side"): 500 generated
# migrations applied to an empty database by `meshc migrate up` (Mesh files, compiled with
# the project and run in-process) and by sqlx-cli (`sqlx migrate run`, the same statements
# as SQL files), each on a fresh database, 7 alternating runs after a checkpoint (the server's
# work dominates and varies from run to run, so the medians and the median of the paired ratios
# are reported, with the best times); then `meshc migrate status` with the 500 applied.
#
# Usage: bench/migrate.sh [N]   (default N=500)
# Needs PostgreSQL: uses DATABASE_URL if set, else starts scripts/pg.sh (and stops it).
# Installs sqlx-cli from crates.io if `sqlx` is missing:
#   cargo install sqlx-cli --no-default-features --features postgres,rustls
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-500}"
RUNS="${RUNS:-7}"

if ! command -v sqlx >/dev/null 2>&1; then
    echo "installing sqlx-cli (once)…" >&2
    cargo install -q sqlx-cli --no-default-features --features postgres,rustls
fi
cargo build --release -q -p meshc
MESHC="${CARGO_TARGET_DIR:-target}/release/meshc"

PG_STARTED=""
if [[ -z "${DATABASE_URL:-}" ]]; then
    DATABASE_URL="$(scripts/pg.sh start)"
    PG_STARTED=1
fi
export DATABASE_URL
WORK="$(mktemp -d)"
cleanup() {
    rm -rf "$WORK"
    if [[ -n "$PG_STARTED" ]]; then scripts/pg.sh stop; fi
}
trap cleanup EXIT

python3 - "$N" "$WORK" <<'EOF'
import os, sys
n, work = int(sys.argv[1]), sys.argv[2]
mesh = os.path.join(work, "mesh")
sqlx = os.path.join(work, "sqlx")
os.makedirs(os.path.join(mesh, "migrations"))
os.makedirs(sqlx)
with open(os.path.join(mesh, "main.mpl"), "w") as f:
    f.write('fn main() do\n  println("bench")\nend\n')
for i in range(1, n + 1):
    version = 20260101000000 + i
    stmts = [
        f"CREATE TABLE t_{i} (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, n INT NOT NULL DEFAULT 0)",
        f"CREATE INDEX t_{i}_name ON t_{i} (name)",
        f"INSERT INTO t_{i} (name, n) VALUES ('row', {i})",
    ]
    with open(os.path.join(mesh, "migrations", f"{version}_step_{i}.mpl"), "w") as f:
        body = "".join(f'  Pool.execute(pool, "{s}", [])?\n' for s in stmts)
        f.write(f"pub fn up(pool :: PoolHandle) -> Int!String do\n{body}  Ok(0)\nend\n\n"
                f"pub fn down(pool :: PoolHandle) -> Int!String = Pool.execute(pool, \"DROP TABLE t_{i}\", [])\n")
    with open(os.path.join(sqlx, f"{version}_step_{i}.sql"), "w") as f:
        f.write(";\n".join(stmts) + ";\n")
EOF

db_url() { python3 -c "import sys; u=sys.argv[1]; b,_,q=u.partition('?'); s=b.index('://')+3; h=b[s:].find('/'); b=b if h<0 else b[:s+h]; print(b+'/'+sys.argv[2]+(('?'+q) if q else ''))" "$DATABASE_URL" "$1"; }
sql() { python3 - "$DATABASE_URL" "$1" <<'EOF'
import subprocess, sys
subprocess.run(["psql", sys.argv[1], "-qAtc", sys.argv[2]], check=True, stdout=subprocess.DEVNULL)
EOF
}
# A fresh database, with the previous run's dirty pages written out first, so that one run's
# leftovers do not slow the next one down.
fresh() { sql "DROP DATABASE IF EXISTS $1 WITH (FORCE)" 2>/dev/null; sql "CREATE DATABASE $1"; sql "CHECKPOINT"; sync; }
secs() { python3 -c "import time; print(time.perf_counter())"; }

run_once() {  # wall-clock seconds of one run on a fresh database: $1 = db name, rest = command (DB_URL substituted)
    local db="$1"; shift
    fresh "$db"
    local url; url="$(db_url "$db")"
    local t0; t0="$(secs)"
    "${@//DB_URL/$url}" >/dev/null 2>"$WORK/err" || { cat "$WORK/err" >&2; echo "command failed: $*" >&2; exit 1; }
    local t1; t1="$(secs)"
    python3 -c "print($t1 - $t0)"
}

# The two tools alternate, so that a change of load on the machine hits both alike.
echo "applying $N migrations ($RUNS alternating runs each, fresh database each run)…" >&2
MESH_TS=""; SQLX_TS=""
for _ in $(seq "$RUNS"); do
    m="$(run_once bench_mesh env DATABASE_URL=DB_URL "$MESHC" migrate "$WORK/mesh" up)"
    s="$(run_once bench_sqlx sqlx migrate run --source "$WORK/sqlx" --database-url DB_URL)"
    MESH_TS="$MESH_TS $m"; SQLX_TS="$SQLX_TS $s"
    echo "  run: meshc $(python3 -c "print(round($m * 1000))") ms, sqlx $(python3 -c "print(round($s * 1000))") ms" >&2
done

# `status` with all N applied (bench_mesh holds them after the last run).
STATUS_T="$(python3 - "$MESHC" "$WORK/mesh" "$(db_url bench_mesh)" <<'EOF'
import os, subprocess, sys, time
meshc, proj, url = sys.argv[1:]
env = dict(os.environ, DATABASE_URL=url)
times = []
for _ in range(10):
    t0 = time.perf_counter()
    out = subprocess.run([meshc, "migrate", proj, "status"], env=env, capture_output=True, text=True)
    times.append(time.perf_counter() - t0)
    assert out.returncode == 0, out.stderr
times.sort()
print(times[len(times) // 2])
EOF
)"
sql "DROP DATABASE IF EXISTS bench_mesh WITH (FORCE)"
sql "DROP DATABASE IF EXISTS bench_sqlx WITH (FORCE)"

python3 - "$N" "$MESH_TS" "$SQLX_TS" "$STATUS_T" <<'EOF'
import statistics, sys
n = int(sys.argv[1])
mesh = [float(x) for x in sys.argv[2].split()]
sqlx = [float(x) for x in sys.argv[3].split()]
status = float(sys.argv[4])
ratios = [m / s for m, s in zip(mesh, sqlx)]
med = statistics.median
print(f"migrations applied: {n} ({len(mesh)} runs each)")
print(f"  meshc migrate up   median {med(mesh) * 1000:6.0f} ms, best {min(mesh) * 1000:6.0f} ms  (compiles the {n} files, then runs them)")
print(f"  sqlx migrate run   median {med(sqlx) * 1000:6.0f} ms, best {min(sqlx) * 1000:6.0f} ms")
print(f"  ratio meshc/sqlx   median of paired runs {med(ratios):.2f}, of medians {med(mesh) / med(sqlx):.2f}, of bests {min(mesh) / min(sqlx):.2f}  (target: <= 1.00)")
print(f"meshc migrate status with {n} applied: {status * 1000:.0f} ms (median of 10; target: < 300 ms)")
EOF
