"""The floor the full flow is compared with: download every feed and page, run trafilatura. Nothing else.

Builds the synthetic corpus (benchmarks/corpus.py) in a temporary directory, serves it with
``serve_directory`` (from a child process by default, so the figures are the client's alone),
then, with no Prefect and no storage: fetches every feed and every article page with one
``httpx.AsyncClient`` at concurrency 10, takes the links from the feeds with lxml, and runs
``trafilatura.extract(html, **TRAFILATURA_OPTIONS)`` (the flow's own options) on each page as it arrives. Prints one JSON
object: articles, wall_s, cpu_s, articles_per_s, cpu_s_per_article, peak_rss_mb (from
getrusage: this process only), then trafilatura_cpu_s (thread CPU inside extract) and corpus facts.

    python -m benchmarks.bench_floor [--feeds 20] [--entries 50] [--in-process]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
import trafilatura
from lxml import etree

from benchmarks.corpus import build_corpus, serve_corpus
from extractors.text import TRAFILATURA_OPTIONS

CONCURRENCY = 10
TIMEOUT = httpx.Timeout(30.0)


def _peak_rss_kb() -> int:
    """This process's peak RSS (VmHWM). Unlike getrusage's ru_maxrss, which Linux carries over
    across exec from the parent, VmHWM starts afresh in a new program."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _links(feed: bytes) -> list[str]:
    root = etree.fromstring(feed)
    return [link.text for link in root.iter("link") if link.getparent().tag == "item" and link.text]


async def _run(base_url: str, feed_names: list[str]) -> dict:
    semaphore = asyncio.Semaphore(CONCURRENCY)
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    extracted_chars = 0
    empty = 0
    extract_cpu = 0.0

    async with httpx.AsyncClient(base_url=base_url, timeout=TIMEOUT, limits=limits) as client:

        async def get(url: str) -> httpx.Response:
            async with semaphore:
                response = await client.get(url)
            response.raise_for_status()
            return response

        feeds = await asyncio.gather(*(get(f"/feeds/{name}") for name in feed_names))
        links = [link for response in feeds for link in _links(response.content)]

        async def page(url: str) -> None:
            nonlocal extracted_chars, empty, extract_cpu
            response = await get(url)
            started = time.thread_time()
            text = trafilatura.extract(response.text, **TRAFILATURA_OPTIONS)
            extract_cpu += time.thread_time() - started
            if text:
                extracted_chars += len(text)
            else:
                empty += 1

        await asyncio.gather(*(page(link) for link in links))
    return {"feeds": len(feeds), "articles": len(links), "extracted_chars": extracted_chars, "empty": empty,
            "extract_cpu_s": extract_cpu}


def run_floor(*, feeds: int = 20, entries: int = 50, seed: int = 1, subprocess: bool = True) -> dict:
    """Build, serve and measure; returns the figures printed by ``main``."""
    with tempfile.TemporaryDirectory(prefix="newsmon-bench-") as tmp:
        root = Path(tmp)
        corpus = build_corpus(root, feeds=feeds, entries=entries, seed=seed)
        feed_names = sorted(p.name for p in (root / "feeds").glob("*.xml"))
        with serve_corpus(root, subprocess=subprocess) as base_url:
            wall0, cpu0 = time.perf_counter(), _cpu()
            counts = asyncio.run(_run(base_url, feed_names))
            wall, cpu = time.perf_counter() - wall0, _cpu() - cpu0
    articles = counts["articles"]
    return {
        "articles": articles,
        "wall_s": round(wall, 3),
        "cpu_s": round(cpu, 3),
        "articles_per_s": round(articles / wall, 2) if wall else None,
        "cpu_s_per_article": round(cpu / articles, 5) if articles else None,
        "peak_rss_mb": round(_peak_rss_kb() / 1024, 1),
        "trafilatura_cpu_s": round(counts["extract_cpu_s"], 3),
        "feeds": counts["feeds"],
        "page_mb": round(corpus["page_bytes"] / 1e6, 1),
        "on_topic": corpus["on_topic"],
        "extracted_chars": counts["extracted_chars"],
        "empty_extractions": counts["empty"],
        "server": "subprocess" if subprocess else "in-process",
        "text_source": corpus["text_source"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--in-process", action="store_true", help="serve from this process (its CPU counts too)")
    args = parser.parse_args()
    result = run_floor(feeds=args.feeds, entries=args.entries, seed=args.seed, subprocess=not args.in_process)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
