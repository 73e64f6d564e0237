"""The full monitor flow against its floor, on the synthetic corpus (issue 2's speed targets).

Builds the corpus of benchmarks/corpus.py (20 feeds x 50 entries, 60-120 KB pages), serves it
from a child process on 127.0.0.1, starts Prefect's ephemeral server with a trivial flow (its
start-up is not counted), then times:

* run 1 of the real ``monitor`` flow into a fresh DuckDB file (fetch, parse, text, match,
  extract, store, alert digest written to an outbox folder);
* run 2 on the unchanged feeds (conditional GET: every feed answers 304);
* the floor: ``benchmarks/bench_floor.py`` in its own process on the same corpus (download
  the same feeds and pages, trafilatura with the flow's options; no Prefect, no storage).

Peak memory is the sampled sum of the flow's process and its extraction workers (Prefect's
ephemeral server and the corpus server are separate processes, left out). Prints one JSON object. Targets: run 1 <= 1.5x the floor, run 2 < 5% of run 1, peak RSS < 500 MB.
All feeds sit on one host here, so the per-host limit is raised to the floor's concurrency (10).

With ``--repeat N`` (N > 1) the pair "run 1 into a fresh database, then the floor" is measured
N times in turn, so that each ratio compares two measurements taken a few seconds apart; the
machine's speed drifts by a third over minutes here. The result then adds each pair and the
medians (``ratio_wall_to_floor_median``); the single-run fields are those of the first pair.

    python -m benchmarks.bench_flow [--feeds 20] [--entries 50] [--repeat 1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")

from benchmarks.corpus import build_corpus, serve_corpus  # noqa: E402


def _cpu() -> float:
    """CPU seconds of this process and of its reaped children (the extraction worker pool is
    shut down at the end of each run, so its CPU is counted; live servers are not)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        r = resource.getrusage(who)
        total += r.ru_utime + r.ru_stime
    return total


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> set[int]:
    out = set()
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.add(int(d))
            except (OSError, IndexError, ValueError):
                continue
    return out


class MemorySampler(threading.Thread):
    """Peak of (this process + its worker processes) RSS, sampled every 50 ms (the process list
    every 0.5 s); the servers already running when sampling started (the corpus server, Prefect's
    server) are left out."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.exclude = _children(os.getpid())
        self.peak_kb = 0
        self.stop = threading.Event()

    def run(self) -> None:
        me = os.getpid()
        pids, n = {me}, 0
        while not self.stop.wait(0.05):
            if n % 10 == 0:
                pids = {me} | (_children(me) - self.exclude)
            n += 1
            self.peak_kb = max(self.peak_kb, sum(_rss_kb(p) for p in pids))


def _config(path: Path, base_url: str, feeds: list[str], tmp: Path, db_name: str = "bench.duckdb") -> Path:
    from newsmon.config import default_topics_text

    topics = default_topics_text()
    feed_text = "\n".join(f'[[feeds]]\nname = "{Path(f).stem}"\nurl = "{base_url}/feeds/{f}"\n' for f in feeds)
    path.write_text(f"""
[database]
path = "{(tmp / db_name).as_posix()}"
[fetch]
allowed_hosts = ["127.0.0.1"]
concurrency = 10
per_host = 10
min_host_interval = 0.0
[alerts]
outbox = "{(tmp / 'outbox').as_posix()}"
{topics}
{feed_text}
""")
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--feeds", type=int, default=20)
    ap.add_argument("--entries", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip-floor", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="measure (run 1, floor) pairs this many times in turn")
    args = ap.parse_args()

    from prefect import flow

    from flows.monitor import monitor

    @flow
    async def warm_up() -> None:
        return None

    with tempfile.TemporaryDirectory(prefix="newsmon-bench-") as t:
        tmp = Path(t)
        facts = build_corpus(tmp / "corpus", feeds=args.feeds, entries=args.entries, seed=args.seed)
        feeds = sorted(p.name for p in (tmp / "corpus" / "feeds").glob("*.xml"))
        with serve_corpus(tmp / "corpus") as base_url:
            cfg = _config(tmp / "bench.toml", base_url, feeds, tmp)
            t0 = time.perf_counter()
            asyncio.run(warm_up())
            startup = time.perf_counter() - t0

            sampler = MemorySampler()
            sampler.start()
            c0, t0 = _cpu(), time.perf_counter()
            r1 = asyncio.run(monitor(config_path=str(cfg)))
            wall1, cpu1 = time.perf_counter() - t0, _cpu() - c0

            c0, t0 = _cpu(), time.perf_counter()
            r2 = asyncio.run(monitor(config_path=str(cfg)))
            wall2, cpu2 = time.perf_counter() - t0, _cpu() - c0
            sampler.stop.set()  # before the floor: its process is a child of this one

            floor = None if args.skip_floor else _floor(args)
            pairs = [(wall1, cpu1, floor)]
            for k in range(1, args.repeat):  # (run 1 into a fresh database, floor) again, in turn
                cfg_k = _config(tmp / f"bench{k}.toml", base_url, feeds, tmp, db_name=f"bench{k}.duckdb")
                c0, t0 = _cpu(), time.perf_counter()
                asyncio.run(monitor(config_path=str(cfg_k)))
                pairs.append((time.perf_counter() - t0, _cpu() - c0, None if args.skip_floor else _floor(args)))
        peak = sampler.peak_kb / 1024
    n = r1["counts"].get("entries_new", 0)
    result = {
        "articles": n,
        "on_topic_in_corpus": facts.get("on_topic"),
        "matches": r1["counts"].get("matches"),
        "casualty_reports": r1["counts"].get("casualty_reports"),
        "sentiment_reports": r1["counts"].get("sentiment_reports"),
        "prefect_startup_s": round(startup, 2),
        "run1_wall_s": round(wall1, 2),
        "run1_cpu_s": round(cpu1, 2),
        "articles_per_s": round(n / wall1, 1),
        "cpu_s_per_article": round(cpu1 / max(n, 1), 4),
        "run2_wall_s": round(wall2, 2),
        "run2_cpu_s": round(cpu2, 2),
        "run2_feeds_not_modified": r2["counts"].get("feeds_not_modified"),
        "run2_share_of_run1": round(wall2 / wall1, 4),
        "peak_rss_mb": round(peak, 1),  # flow process + extraction workers, sampled
    }
    if floor:
        result["floor"] = floor
        result["ratio_wall_to_floor"] = round(wall1 / floor["wall_s"], 2)
        result["ratio_cpu_to_floor"] = round(cpu1 / floor["cpu_s"], 2)
    if len(pairs) > 1:
        result["pairs"] = [{"run1_wall_s": round(w, 2), "run1_cpu_s": round(c, 2),
                            "floor_wall_s": f["wall_s"] if f else None,
                            "ratio_wall_to_floor": round(w / f["wall_s"], 2) if f else None} for w, c, f in pairs]
        result["run1_wall_s_median"] = round(statistics.median(w for w, _, _ in pairs), 2)
        if floor:
            result["floor_wall_s_median"] = round(statistics.median(f["wall_s"] for _, _, f in pairs), 3)
            result["ratio_wall_to_floor_median"] = round(statistics.median(w / f["wall_s"] for w, _, f in pairs), 2)
            result["ratio_cpu_to_floor_median"] = round(statistics.median(c / f["cpu_s"] for _, c, f in pairs), 2)
    print(json.dumps(result, indent=2))


def _floor(args: argparse.Namespace) -> dict:
    """One floor measurement (benchmarks/bench_floor.py in its own process) on the same corpus."""
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_floor", "--feeds", str(args.feeds),
                          "--entries", str(args.entries), "--seed", str(args.seed)],
                         capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parents[1])
    return json.loads(out.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
