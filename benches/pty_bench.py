#!/usr/bin/env python3
"""The real binary in a pseudo-terminal beside its floor (examples/floor.rs), interleaved
run by run so both see the same machine: first screen, keys and peak memory per map size.

    python3 -m venv /tmp/perf-venv && /tmp/perf-venv/bin/pip install pyte
    cargo build --release --bin cxmap --example floor --example cxmap-gen
    /tmp/perf-venv/bin/python benches/pty_bench.py --maps /tmp/perf-maps --sizes 70,700,2800

Maps missing from --maps are generated (cxmap-gen, seed 7). Prints one markdown table;
--json keeps every run. Needs /work/shared/tools/tuibench.py (or --tuibench PATH).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RELEASE = os.path.join(ROOT, "target", "release")
MOVES = "<right>*20<left>*10"
EDITS = 10
# Enter opens the goal's editor, x types, Enter commits: one edit per three keys.
EDIT_KEYS = "<enter>x<enter>" * EDITS


def pct(values, p):
    v = sorted(values)
    if not v:
        return None
    k = (len(v) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def scenarios(maps, sizes, data):
    env = {"CXMAP_DATA_DIR": os.path.join(data, "data"), "CXMAP_CONFIG_DIR": os.path.join(data, "config")}
    out = []
    for n in sizes:
        path = os.path.join(maps, f"m{n}.json")
        expect = f"stage 1/{n}"
        base = {"expect": expect, "env": env, "size": "120x40", "key_quiet_ms": 40}
        out.append(dict(base, label=f"floor {n}", tool="floor", rows_in_file=n, keys=MOVES, quit="q",
                        argv=[os.path.join(RELEASE, "examples", "floor"), path]))
        out.append(dict(base, label=f"cxmap {n} move", tool="cxmap", rows_in_file=n, keys=MOVES, quit="q",
                        argv=[os.path.join(RELEASE, "cxmap"), path]))
        out.append(dict(base, label=f"cxmap {n} edit", tool="cxmap", rows_in_file=n, keys=EDIT_KEYS,
                        quit="u" * EDITS + "q", argv=[os.path.join(RELEASE, "cxmap"), path]))
    return out


def pooled(runs, pick):
    """Latencies (ms, to the end of each key's update) of the keys `pick` selects, all runs."""
    values = []
    for run in runs:
        for i, (name, _first, last, _changed) in enumerate(run.get("per_key", [])):
            if last is not None and pick(i, name):
                values.append(last)
    return values


def cpu_ms(runs):
    """Median CPU time (user + system) of whole runs: steadier than wall time on a busy machine."""
    values = [(r["cpu_user_s"] + r["cpu_sys_s"]) * 1000 for r in runs if r.get("ok") and "cpu_user_s" in r]
    return statistics.median(values) if values else float("nan")


def median_of(runs, metric):
    values = [r[metric] for r in runs if r.get("ok") and r.get(metric) is not None]
    return statistics.median(values) if values else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--maps", default="/tmp/perf-maps")
    ap.add_argument("--sizes", default="70,700,2800")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--json")
    ap.add_argument("--tuibench", default="/work/shared/tools/tuibench.py")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",")]
    os.makedirs(a.maps, exist_ok=True)
    for n in sizes:
        path = os.path.join(a.maps, f"m{n}.json")
        if not os.path.exists(path):
            subprocess.run([os.path.join(RELEASE, "examples", "cxmap-gen"), "--stages", str(n), "-o", path],
                           check=True)
    with tempfile.TemporaryDirectory() as data:
        suite = os.path.join(data, "suite.json")
        results = os.path.join(data, "results.json")
        with open(suite, "w") as f:
            json.dump({"scenarios": scenarios(a.maps, sizes, data)}, f)
        subprocess.run([sys.executable, a.tuibench, "suite", suite, "--runs", str(a.runs), "--quiet",
                        "--json", results], check=True, stdout=subprocess.DEVNULL)
        with open(results) as f:
            report = json.load(f)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(report, f, indent=1)
    by_label = {r["label"]: [run for run in r["runs"] if run.get("ok")] for r in report["results"]}
    print(f"load average before: {report['meta']['loadavg_before']}; {a.runs} runs each, interleaved")
    print("| stages | file MB | first screen ms: cxmap / floor (ratio) | CPU ms: cxmap / floor (ratio) "
          "| peak MiB: cxmap / floor / budget | move p50 / p90 ms: cxmap / floor | commit an edit p50 / p90 ms "
          "| other edit keys p50 / p90 ms |")
    print("|---:|---:|---|---|---|---|---|---|")
    for n in sizes:
        floor, move, edit = by_label[f"floor {n}"], by_label[f"cxmap {n} move"], by_label[f"cxmap {n} edit"]
        size_mb = os.path.getsize(os.path.join(a.maps, f"m{n}.json")) / 1e6
        fc, cc = median_of(floor, "first_content_ms"), median_of(move + edit, "first_content_ms")
        fm, cm = median_of(floor, "vmhwm_kb"), median_of(move + edit, "vmhwm_kb")
        fcpu, ccpu = cpu_ms(floor), cpu_ms(move)
        budget = 2 * size_mb * 1e6 / 2**20 + 16
        fmoves, cmoves = pooled(floor, lambda i, k: True), pooled(move, lambda i, k: True)
        commits = pooled(edit, lambda i, k: i % 3 == 2)
        others = pooled(edit, lambda i, k: i % 3 != 2)

        def two(v):
            return f"{pct(v, 50):.2f} / {pct(v, 90):.2f}" if v else "-"

        print(f"| {n} | {size_mb:.1f} | {cc:.0f} / {fc:.0f} ({cc / fc:.2f}×) | {ccpu:.0f} / {fcpu:.0f} "
              f"({ccpu / fcpu:.2f}×) | {cm / 1024:.1f} / {fm / 1024:.1f} / "
              f"{budget:.1f} | {two(cmoves)} / {two(fmoves)} | {two(commits)} | {two(others)} |")


if __name__ == "__main__":
    main()
