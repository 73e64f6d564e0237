"""Throughput of the casualty extractor: MB of article text per second on one core.

Text, measured separately:
- the article bodies of the public article-extraction benchmark
  (../shared/data/article-extraction-benchmark/ground-truth.json, when present): ordinary
  news and web articles;
- the topic's own articles: the demo corpus pages (newsmon/demo_corpus/articles, main
  text by trafilatura) plus the founding article (../shared/seed, when present): war
  reporting with a figure in many paragraphs;
- the casualty development set (data/devsets/casualties.jsonl): every passage dense with
  figures, the worst case.
Each set is run through `extract_casualties` several times; the best round is reported,
in CPU seconds of this process.

    python benchmarks/bench_casualties.py [--rounds 5] [--ground-truth PATH]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import trafilatura

from extractors.casualties import extract_casualties
from newsmon.evaluation.casualties import default_parties, load_cases

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GROUND_TRUTH = ROOT.parent / "shared" / "data" / "article-extraction-benchmark" / "ground-truth.json"
DEVSET = ROOT / "data" / "devsets" / "casualties.jsonl"
SEED = ROOT.parent / "shared" / "seed" / "000_be45d91411c44e6a.txt"


def load_sets(ground_truth: Path) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    if ground_truth.exists():
        data = json.loads(ground_truth.read_text(encoding="utf-8"))
        sets["benchmark articles"] = [v["articleBody"] for v in data.values() if v.get("articleBody")]
    topic = []
    for page in sorted((ROOT / "newsmon" / "demo_corpus" / "articles").glob("*.html")):
        topic.append(trafilatura.extract(page.read_text(encoding="utf-8")) or "")
    if SEED.exists():
        topic.append(SEED.read_text(encoding="utf-8"))
    if any(topic):
        sets["topic articles"] = [t for t in topic if t]
    sets["dev-set passages"] = [c["text"] for c in load_cases(DEVSET)]
    return sets


def measure(texts: list[str], rounds: int) -> tuple[float, int]:
    parties = default_parties()
    extract_casualties(texts[0], parties)  # build the party matcher outside the timing
    best = float("inf")
    records = 0
    for _ in range(rounds):
        t0 = time.process_time()
        records = sum(len(extract_casualties(t, parties)) for t in texts)
        best = min(best, time.process_time() - t0)
    return best, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--ground-truth", type=Path, default=DEFAULT_GROUND_TRUTH)
    args = parser.parse_args()
    for name, texts in load_sets(args.ground_truth).items():
        size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        seconds, records = measure(texts, args.rounds)
        print(f"{name}: {len(texts)} texts, {size_mb:.2f} MB, best of {args.rounds}: {seconds:.3f} s CPU"
              f" -> {size_mb / seconds:.2f} MB/s on one core, {records} records")


if __name__ == "__main__":
    main()
