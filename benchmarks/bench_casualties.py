"""Throughput of the casualty extractor: MB of article text per second on one core.

Text: the article bodies of the public article-extraction benchmark
(../shared/data/article-extraction-benchmark/ground-truth.json, when present) plus the
casualty development set (data/devsets/casualties.jsonl). Every text is run through
`extract_casualties` several times; the best round is reported.

    python benchmarks/bench_casualties.py [--rounds 5] [--ground-truth PATH]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from extractors.casualties import extract_casualties
from newsmon.evaluation.casualties import default_parties, load_cases

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GROUND_TRUTH = ROOT.parent / "shared" / "data" / "article-extraction-benchmark" / "ground-truth.json"
DEVSET = ROOT / "data" / "devsets" / "casualties.jsonl"


def load_texts(ground_truth: Path) -> tuple[list[str], str]:
    texts: list[str] = []
    sources = []
    if ground_truth.exists():
        data = json.loads(ground_truth.read_text(encoding="utf-8"))
        texts += [v["articleBody"] for v in data.values() if v.get("articleBody")]
        sources.append(f"{len(texts)} benchmark articles")
    dev = [c["text"] for c in load_cases(DEVSET)]
    texts += dev
    sources.append(f"{len(dev)} dev-set passages")
    return texts, " + ".join(sources)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--ground-truth", type=Path, default=DEFAULT_GROUND_TRUTH)
    args = parser.parse_args()
    texts, what = load_texts(args.ground_truth)
    parties = default_parties()
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extract_casualties(texts[0], parties)  # build the party matcher once, outside the timing
    best = float("inf")
    records = 0
    for _ in range(args.rounds):
        t0 = time.process_time()
        records = sum(len(extract_casualties(t, parties)) for t in texts)
        best = min(best, time.process_time() - t0)
    print(f"text: {what}, {size_mb:.2f} MB")
    print(f"best of {args.rounds} rounds: {best:.3f} s CPU -> {size_mb / best:.2f} MB/s on one core")
    print(f"records found per round: {records}")


if __name__ == "__main__":
    main()
