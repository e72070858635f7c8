#!/usr/bin/env bash
# sohoa from Python against the CLI, in the same run:
#  1. one process, one document at a time: `sohoa.convert` in a loop vs
#     `sohoa convert DIR --jobs 1` (documents/s, best of ROUNDS) on corpus/docx and corpus/pdf;
#  2. the Ray pipeline (`sohoa.ray.convert_dataset`, local `ray.init(num_cpus=2)`,
#     Parquet output) vs `sohoa convert DIR --jobs 2` on RAY_DIR (wall seconds).
# Needs the venv of `make python-test` (VENV, default target/py-venv) and the release binary.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-target/py-venv}
SOHOA=${SOHOA:-target/release/sohoa}
ROUNDS=${ROUNDS:-10}
RAY_DIR=${RAY_DIR:-corpus/pdf}
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sohoa, ray' 2>/dev/null; then
    echo "bench_python: no venv with sohoa and ray at $VENV (run make python-test first); skipped"
    exit 0
fi
[ -x "$SOHOA" ] || cargo build --release -p sohoa-cli
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$VENV/bin/python" - "$SOHOA" "$ROUNDS" "$RAY_DIR" "$tmp" <<'PY'
import os, subprocess, sys, time
import sohoa

sohoa_bin, rounds, ray_dir, tmp = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def files(folder):
    return [os.path.join(folder, f) for f in sorted(os.listdir(folder)) if not f.startswith(".") and sohoa._sohoa.is_supported(f)]

def best(fn):
    times = []
    for _ in range(rounds):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    return min(times)

def cli(folder, jobs, out):
    subprocess.run([sohoa_bin, "convert", folder, "--jobs", str(jobs), "--out", out], check=False, stderr=subprocess.DEVNULL)

print(f"sohoa {sohoa.__version__}; best of {rounds} rounds; one process, one document at a time")
print(f"{'folder':<14}{'docs':>5}{'CLI docs/s':>12}{'Python docs/s':>15}{'Python/CLI':>12}")
for folder in ["corpus/docx", "corpus/pdf"]:
    paths = files(folder)
    t_cli = best(lambda: cli(folder, 1, os.path.join(tmp, "cli")))
    t_py = best(lambda: [sohoa.convert(p, errors="record") for p in paths])
    n = len(paths)
    print(f"{folder:<14}{n:>5}{n / t_cli:>12.2f}{n / t_py:>15.2f}{t_cli / t_py:>12.2f}")

paths = files(ray_dir)
t_many = best(lambda: list(sohoa.convert_many(paths, jobs=2)))
t_cli2 = best(lambda: cli(ray_dir, 2, os.path.join(tmp, "cli2")))
import logging, ray, sohoa.ray as sray
logging.getLogger("ray").setLevel(logging.WARNING)
t = time.perf_counter()
ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
t_init = time.perf_counter() - t
from ray.data import DataContext
DataContext.get_current().enable_progress_bars = False
runs = []
for i in range(min(rounds, 3)):
    t = time.perf_counter()
    sray.convert_dataset(ray_dir, output=os.path.join(tmp, f"ray{i}"))
    runs.append(time.perf_counter() - t)
ray.shutdown()
print(f"\n{ray_dir} ({len(paths)} docs), 2 workers, wall seconds:")
print(f"  sohoa convert --jobs 2           {t_cli2:8.2f}")
print(f"  sohoa.convert_many(jobs=2)       {t_many:8.2f}")
print(f"  sohoa.ray.convert_dataset        {min(runs):8.2f}  (best of {len(runs)}; first run {runs[0]:.2f}; ray.init {t_init:.2f} more)")
PY
