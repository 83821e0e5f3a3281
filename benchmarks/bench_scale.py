"""Scale: text-only scoring of 10k, 100k and 1M synthetic listings, streamed, on every core.

    .venv/bin/python benchmarks/bench_scale.py [--sizes 10000 100000 1000000] [--jobs 2]
                                               [--chunk 20000] [--keep]

For each size a seeded synthetic catalog (benchmarks/synthetic.py: varied titles,
descriptions with label facts, prices in sellers' spellings, 3% exact and 5% near
duplicate titles; no photos) is written to a CSV in /tmp once, then scored from the file
to a CSV of scores with `stream.score_file` — the two-pass streaming path (measure and
spill, catalog context, judge) with `--jobs` worker processes. Each run is a fresh child
process, so its memory is its own; peak memory is the highest sum over that process and
its workers, sampled every 50 ms from /proc, in two measures: resident memory (RSS: a page
a forked worker still shares with its parent counts once in each) and proportional
memory (PSS: a shared page is split between the processes sharing it, so the sum is what
the run takes from the machine).

Baseline, measured in the same run on the same file: reading and adapting every row in
chunks (pandas C parser + `listings_from_frame`) on one core — the floor any scorer pays.
Cost growth: microseconds per listing at each size; near-linear means it stays flat.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = r"""
import json, sys, time
sys.path.insert(0, {here!r})
from bench_scale import PeakSampler
import listing_quality as lq
from listing_quality.partition import Reading, adapt
from listing_quality.stream import score_file
from listing_quality.stream_sources import source_of

path, jobs, chunk, mode = {path!r}, {jobs}, {chunk}, {mode!r}
with PeakSampler() as peak:
    start = time.perf_counter()
    if mode == "baseline":
        source = source_of(path, Reading())
        rows = sum(len(adapt(f, o, source.reading)) for f, o in source.chunks(chunk))
    else:
        rows = score_file(path, path + ".scores.csv", lq.Options(), n_jobs=jobs,
                          chunk_size=chunk)
    seconds = time.perf_counter() - start
print(json.dumps({{"rows": rows, "seconds": seconds, "peak_mb": peak.peak_mb,
                  "peak_pss_mb": peak.peak_pss_mb}}))
"""


class PeakSampler:
    """Highest total RSS of this process and its descendants, sampled from /proc.

    RSS (`status`, cheap) every `every` seconds; PSS only every `pss_every`: reading a
    process's `smaps_rollup` walks its memory map under the lock its own allocations take,
    and at 20 reads a second of three processes it slowed the run it measured by ~15%
    (100k listings: 16.3 -> 18.9 s). The peak moves slowly (a chunk at a time), so the
    sparser PSS reads find the same peak within a few MB.
    """

    def __init__(self, every: float = 0.05, pss_every: float = 1.0) -> None:
        self.every, self.peak_mb, self.peak_pss_mb = every, 0.0, 0.0
        self.pss_ticks = max(1, round(pss_every / every))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import os

        me, tick = os.getpid(), 0
        while not self._stop.is_set():
            tree = _tree(me)
            self.peak_mb = max(self.peak_mb, sum(_kb(p, "status", "VmRSS:") for p in tree) / 1024)
            if tick % self.pss_ticks == 0:
                self.peak_pss_mb = max(self.peak_pss_mb,
                                       sum(_kb(p, "smaps_rollup", "Pss:") for p in tree) / 1024)
            tick += 1
            time.sleep(self.every)


def _tree(root: int) -> list[int]:
    """The pid and every descendant, from /proc/<pid>/task/<tid>/children."""
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        for task in Path(f"/proc/{pid}/task").glob("*/children"):
            try:
                todo.extend(int(c) for c in task.read_text().split())
            except OSError:
                continue
    return found


def _kb(pid: int, name: str, field: str) -> int:
    """A kB figure of /proc/<pid>/<name> (0 once the process is gone)."""
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def run_child(path: str, jobs: int, chunk: int, mode: str) -> dict:
    code = CHILD.format(here=str(HERE), path=path, jobs=jobs, chunk=chunk, mode=mode)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--chunk", type=int, default=20_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated CSVs")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import synthetic

    print(f"{'listings':>10} {'baseline/s':>12} {'scored/s':>10} {'seconds':>8} "
          f"{'peak MB':>8} {'PSS MB':>7} {'µs/listing':>11} {'vs baseline':>12}")
    for n in args.sizes:
        path = Path(f"/tmp/lq-scale-{n}.csv")
        if not path.exists():
            synthetic.write(n, path)
        base = run_child(str(path), 1, args.chunk, "baseline")
        scored = run_child(str(path), args.jobs, args.chunk, "score")
        rate, base_rate = n / scored["seconds"], n / base["seconds"]
        print(f"{n:>10,} {base_rate:>12,.0f} {rate:>10,.0f} {scored['seconds']:>8.1f} "
              f"{scored['peak_mb']:>8,.0f} {scored['peak_pss_mb']:>7,.0f} "
              f"{1e6 * scored['seconds'] / n:>11.1f} "
              f"{rate / base_rate:>11.3f}x", flush=True)
        Path(str(path) + ".scores.csv").unlink(missing_ok=True)
        if not args.keep:
            path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
