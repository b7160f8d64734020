"""Runs each benchmark in Mesh, Erlang/OTP and Python 3 and prints the ratios.

Every program times its own work with a monotonic clock and prints `<result> <microseconds>`,
so interpreter and VM start-up are not counted (Erlang's takes ~100 ms). Each program runs
REPEAT times; the best time counts. Results of the languages must agree.

Groups: `lang` (sequential code: Mesh, Erlang, Python), `proc` (processes and messages:
Mesh and Erlang, with the peak memory of the spawn benchmark per process), `http` (wrk
against a hello-world JSON endpoint in Mesh and in Go's net/http, and a WebSocket broadcast
to 1,000 clients), `tooling` (meshc itself), `all`.
"""

import json
import os
import re
import signal
import time
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LANG = os.path.join(ROOT, "bench", "lang")
OUT = os.path.join(ROOT, "bench", "out")
MESHC = os.path.join(os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target"), "release", "meshc")
REPEAT = 3

# name, erlang module
BENCHES = [
    ("fib", "fib"),
    ("loop", "loop"),
    ("list", "list"),
    ("string", "string_cat"),
    ("map", "map_bench"),
]


# name, erlang module, unit of the reported figure, how to compute it from µs, and whether
# a higher figure is better
PROC_BENCHES = [
    ("spawn", "spawn_bench", "ms", lambda us: us / 1000, False),
    ("ring", "ring", "msg/s", lambda us: 1_000_000 / (us / 1e6), True),
    ("pingpong", "pingpong", "us/round trip", lambda us: us / 100_000, False),
    ("service", "service_bench", "calls/s", lambda us: 100_000 / (us / 1e6), True),
]

# Processes the spawn benchmark starts (its peak memory is divided by this).
SPAWNED = 1_000_000


def run(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{p.stdout}\n{p.stderr}")
    return p.stdout


def best(cmd, cwd=None):
    results = []
    for _ in range(REPEAT):
        out = run(cmd, cwd).split()
        results.append((int(out[-1]), out[0]))
    results.sort()
    return results[0]


def lang():
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for name, erl_mod in BENCHES:
        proj = os.path.join(OUT, f"mesh_{name}")
        os.makedirs(proj, exist_ok=True)
        shutil.copy(os.path.join(LANG, f"{name}.mpl"), os.path.join(proj, "main.mpl"))
        exe = os.path.join(proj, "bench")
        run([MESHC, "build", proj, "-o", exe])
        run(["erlc", "-o", OUT, os.path.join(LANG, f"{erl_mod}.erl")])
        mesh_t, mesh_r = best([exe])
        erl_t, erl_r = best(["erl", "-noshell", "-pa", OUT, "-s", erl_mod, "main", "-s", "init", "stop"])
        py_t, py_r = best([sys.executable, os.path.join(LANG, f"{name}.py")])
        if not (mesh_r == erl_r == py_r):
            raise SystemExit(f"{name}: results differ: mesh {mesh_r}, erlang {erl_r}, python {py_r}")
        rows.append((name, mesh_t, erl_t, py_t))
    print(f"{'benchmark':<10}{'mesh ms':>10}{'erlang ms':>11}{'python ms':>11}{'mesh/erlang':>13}{'mesh/python':>13}")
    for name, m, e, p in rows:
        print(f"{name:<10}{m/1000:>10.1f}{e/1000:>11.1f}{p/1000:>11.1f}{m/e:>13.2f}{m/p:>13.2f}")
    return rows


def best_measured(cmd):
    """Best of REPEAT runs: (µs, result, peak RSS bytes of the best run)."""
    results = []
    for _ in range(REPEAT):
        out = run([sys.executable, __file__, "--measure", *cmd]).split()
        # The wrapper appends the child's peak RSS (KiB) after its output.
        results.append((int(out[-2]), out[0], int(out[-1]) * 1024))
    results.sort()
    return results[0]


def measure_child(cmd):
    """`--measure CMD…`: runs CMD, prints its output and then its peak RSS in KiB."""
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    out = p.stdout.read()
    _, status, usage = os.wait4(p.pid, 0)
    if status != 0:
        raise SystemExit(f"{' '.join(cmd)} failed with status {status}:\n{out}")
    sys.stdout.write(out.rstrip("\n") + f" {usage.ru_maxrss}\n")


def proc():
    os.makedirs(OUT, exist_ok=True)
    rows = []
    for name, erl_mod, unit, figure, higher_better in PROC_BENCHES:
        proj = os.path.join(OUT, f"mesh_{name}")
        os.makedirs(proj, exist_ok=True)
        shutil.copy(os.path.join(LANG, f"{name}.mpl"), os.path.join(proj, "main.mpl"))
        exe = os.path.join(proj, "bench")
        run([MESHC, "build", proj, "-o", exe])
        run(["erlc", "-o", OUT, os.path.join(LANG, f"{erl_mod}.erl")])
        mesh_t, mesh_r, mesh_mem = best_measured([exe])
        erl_t, erl_r, erl_mem = best_measured(
            ["erl", "+P", str(2 * SPAWNED), "-noshell", "-pa", OUT, "-s", erl_mod, "main", "-s", "init", "stop"])
        if mesh_r != erl_r:
            raise SystemExit(f"{name}: results differ: mesh {mesh_r}, erlang {erl_r}")
        m, e = figure(mesh_t), figure(erl_t)
        rows.append((name, unit, m, e, (m / e) if higher_better else (e / m), mesh_mem, erl_mem))
    print("mesh vs erlang: how many times faster Mesh is (below 1: slower)")
    print(f"{'benchmark':<10}{'unit':>15}{'mesh':>14}{'erlang':>14}{'mesh vs erlang':>16}")
    for name, unit, m, e, speed, _, _ in rows:
        print(f"{name:<10}{unit:>15}{m:>14.2f}{e:>14.2f}{speed:>15.2f}x")
    for name, unit, _, _, _, mm, em in rows:
        if name == "spawn":
            print(f"spawn: peak RSS of the whole program per process spawned: mesh {mm / SPAWNED:.0f} bytes, "
                  f"erlang {em / SPAWNED:.0f} bytes")
    return rows


def gen_project(path, lines_target=10000):
    """A project of many modules of ordinary code, about `lines_target` lines."""
    os.makedirs(path, exist_ok=True)
    per_module = 200
    total = 0
    m = -1
    while total < lines_target:
        m += 1
        out = [f"# Generated module {m}.", f"pub struct Rec{m} do", "  id :: Int", "  name :: String", "  tags :: List<String>", "end deriving(Eq, Display)", ""]
        f = 0
        while len(out) < per_module - 12:
            out += [
                f"pub fn f{m}_{f}(x :: Int, r :: Rec{m}) -> Int!String do",
                f"  let y = x * {f + 1} + String.length(r.name)",
                "  let tags = List.map(r.tags, fn t -> t <> \"!\" end)",
                "  if y > 100 do",
                "    Ok(y + List.length(tags))",
                "  else",
                "    case String.to_int(r.name) do",
                "      Some(n) -> Ok(n + y)",
                "      None -> Err(\"not a number: \" <> r.name)",
                "    end",
                "  end",
                "end",
                "",
            ]
            f += 1
        total += len(out)
        with open(os.path.join(path, f"mod{m}.mpl"), "w") as fh:
            fh.write("\n".join(out) + "\n")
    main = ["from Mod0 import f0_0, Rec0", "", "fn main() do",
            "  let r = Rec0 { id: 1, name: \"7\", tags: [\"a\"] }",
            "  case f0_0(3, r) do", "    Ok(v) -> println(\"${v}\")", "    Err(e) -> println(e)", "  end", "end"]
    with open(os.path.join(path, "main.mpl"), "w") as fh:
        fh.write("\n".join(main) + "\n")
    return total + len(main)


def hyperfine(cmds, label):
    tmp = tempfile.mktemp(suffix=".json")
    subprocess.run(["hyperfine", "-N", "--warmup", "3", "--runs", "20", "--export-json", tmp, *cmds],
                   check=True, capture_output=True)
    with open(tmp) as fh:
        data = json.load(fh)
    os.unlink(tmp)
    for r in data["results"]:
        print(f"{label:<34}{r['mean']*1000:>9.1f} ms  (±{r['stddev']*1000:.1f}, min {r['min']*1000:.1f})")


def tooling():
    proj = os.path.join(OUT, "big_project")
    shutil.rmtree(proj, ignore_errors=True)
    n = gen_project(proj)
    print(f"generated project: {n} lines")
    hyperfine([f"{MESHC} check {proj}"], "meshc check (10k lines)")
    hyperfine([f"{MESHC} build {proj} -o {OUT}/big_exe"], "meshc build (10k lines)")
    hello = os.path.join(OUT, "hello")
    run([MESHC, "build", os.path.join(ROOT, "examples", "hello"), "-o", hello])
    hyperfine([hello], "hello-world executable start-up")


HTTP = os.path.join(ROOT, "bench", "http")
# wrk settings shared by both servers: same threads, connections and duration.
WRK_THREADS = 2
WRK_CONNECTIONS = [64, 256]
WRK_SECONDS = 10


def start_server(cmd, port, env_extra=None):
    """Starts a server with PORT set and waits until it prints its "listening on" line."""
    env = dict(os.environ, PORT=str(port), **(env_extra or {}))
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while time.time() < deadline:
        line = p.stderr.readline()
        if "listening on" in line:
            return p
        if not line and p.poll() is not None:
            break
    p.kill()
    raise SystemExit(f"{' '.join(cmd)} did not start")


def stop_server(p):
    p.send_signal(signal.SIGTERM)
    try:
        p.wait(timeout=40)
    except subprocess.TimeoutExpired:
        p.kill()
        p.wait()


def wrk(url, connections):
    """(requests per second, p99 latency in ms) of one wrk run."""
    out = run(["wrk", f"-t{WRK_THREADS}", f"-c{connections}", f"-d{WRK_SECONDS}s", "--latency", url])
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: .*", out)
    if errors:
        raise SystemExit(f"wrk reported errors against {url}:\n{out}")
    return rps, p99


def http():
    os.makedirs(OUT, exist_ok=True)
    proj = os.path.join(OUT, "mesh_http")
    os.makedirs(proj, exist_ok=True)
    shutil.copy(os.path.join(HTTP, "hello.mpl"), os.path.join(proj, "main.mpl"))
    mesh_exe = os.path.join(proj, "server")
    run([MESHC, "build", proj, "-o", mesh_exe])
    go_dir = os.path.join(OUT, "go_http")
    os.makedirs(go_dir, exist_ok=True)
    shutil.copy(os.path.join(HTTP, "hello.go"), os.path.join(go_dir, "main.go"))
    go_exe = os.path.join(go_dir, "server")
    run(["go", "build", "-o", go_exe, "main.go"], cwd=go_dir)
    print(f"wrk -t{WRK_THREADS} -d{WRK_SECONDS}s on GET /hello (same machine as the servers, {os.cpu_count()} cores)")
    print(f"{'connections':<13}{'mesh req/s':>12}{'mesh p99 ms':>13}{'go req/s':>12}{'go p99 ms':>11}{'mesh/go req/s':>15}")
    for c in WRK_CONNECTIONS:
        results = {}
        for name, exe, port in (("mesh", mesh_exe, 18480), ("go", go_exe, 18481)):
            p = start_server([exe], port)
            try:
                url = f"http://127.0.0.1:{port}/hello"
                wrk_warm = ["wrk", f"-t{WRK_THREADS}", f"-c{c}", "-d2s", url]
                run(wrk_warm)
                results[name] = wrk(url, c)
            finally:
                stop_server(p)
        (m, mp), (g, gp) = results["mesh"], results["go"]
        print(f"{c:<13}{m:>12.0f}{mp:>13.2f}{g:>12.0f}{gp:>11.2f}{m/g:>15.2f}")
    ws()


def ws():
    proj = os.path.join(OUT, "mesh_ws")
    os.makedirs(proj, exist_ok=True)
    shutil.copy(os.path.join(HTTP, "ws_broadcast.mpl"), os.path.join(proj, "main.mpl"))
    exe = os.path.join(proj, "server")
    run([MESHC, "build", proj, "-o", exe])
    load = os.path.join(os.path.dirname(MESHC), "examples", "ws_load")
    port = 18482
    p = start_server([exe], port)
    try:
        out = run([load, str(port), "1000", "10", "500"]).strip()
    finally:
        stop_server(p)
    fields = dict(kv.split("=") for kv in out.split())
    print(f"WebSocket broadcast: {fields['clients']} clients in one room, {fields['messages']} messages delivered "
          f"in {fields['seconds']} s: {float(fields['msgs_per_sec']):,.0f} messages/s")


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--measure":
        measure_child(sys.argv[2:])
        sys.exit(0)
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    if what in ("lang", "all"):
        lang()
    if what in ("proc", "all"):
        proc()
    if what in ("http", "all"):
        http()
    if what in ("tooling", "all"):
        tooling()
