"""Throughput of the reported-sentiment extractor on real text, one core.

Texts: the article bodies of the public article-extraction benchmark
(``../shared/data/article-extraction-benchmark/ground-truth.json``, 181 news and
blog pages, when present) plus the passages of ``data/devsets/sentiment.jsonl``.
The whole corpus is run `--rounds` times in one process; the best round is kept.
Prints MB/s (UTF-8 bytes of input text per second of CPU time) and the share of
time spent in the document tone (VADER over the whole text). With the seed article
present (``../shared/seed/000_be45d91411c44e6a.txt``) it also times sentiment-dense
text: the seed article repeated 20 times as one document.

    python benchmarks/bench_sentiment.py [--ground-truth PATH] [--seed PATH] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors.sentiment import document_tone, extract_sentiment  # noqa: E402

DEFAULT_GT = ROOT.parent / "shared" / "data" / "article-extraction-benchmark" / "ground-truth.json"
DEVSET = ROOT / "data" / "devsets" / "sentiment.jsonl"
DEFAULT_SEED = ROOT.parent / "shared" / "seed" / "000_be45d91411c44e6a.txt"


def load_texts(ground_truth: Path) -> list[str]:
    texts: list[str] = []
    if ground_truth.exists():
        data = json.loads(ground_truth.read_text(encoding="utf-8"))
        texts.extend(v["articleBody"] for v in data.values() if v.get("articleBody"))
    else:
        print(f"note: {ground_truth} not found; dev set only", file=sys.stderr)
    if DEVSET.exists():
        for line in DEVSET.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ground-truth", type=Path, default=DEFAULT_GT)
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    texts = load_texts(args.ground_truth)
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = best_tone = float("inf")
    reports = 0
    for _ in range(args.rounds):
        t0 = time.process_time()
        reports = sum(len(extract_sentiment(t).reports) for t in texts)
        best = min(best, time.process_time() - t0)
        t0 = time.process_time()
        for t in texts:
            document_tone(t)
        best_tone = min(best_tone, time.process_time() - t0)
    mb = size / 1e6
    print(f"texts: {len(texts)}  size: {mb:.2f} MB  reports: {reports}")
    print(f"extract_sentiment: {best:.3f} s CPU (best of {args.rounds}) -> {mb / best:.2f} MB/s")
    print(f"of which document tone (VADER): {best_tone:.3f} s ({100 * best_tone / best:.0f}%)")
    if args.seed.exists():
        dense = args.seed.read_text(encoding="utf-8") * 20
        best_dense = float("inf")
        for _ in range(args.rounds):
            t0 = time.process_time()
            extract_sentiment(dense)
            best_dense = min(best_dense, time.process_time() - t0)
        mb_dense = len(dense.encode("utf-8")) / 1e6
        print(f"sentiment-dense text (seed article x20, {mb_dense:.2f} MB): {best_dense:.3f} s -> {mb_dense / best_dense:.2f} MB/s")


if __name__ == "__main__":
    main()
