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
    python benchmarks/bench_sentiment.py --reader model --rounds 1   # with the model reader, one thread

With ``--reader model`` the sentence model reads every sentence the rules found nothing in
(PyTorch limited to one thread, so CPU time is one core's); its one-time load is not timed.
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


def load_articles(ground_truth: Path) -> list[str]:
    """The benchmark's article bodies, or [] when the file is not there."""
    if not ground_truth.exists():
        print(f"note: {ground_truth} not found; dev set only", file=sys.stderr)
        return []
    data = json.loads(ground_truth.read_text(encoding="utf-8"))
    return [v["articleBody"] for v in data.values() if v.get("articleBody")]


def load_passages() -> list[str]:
    """The sentiment dev set's passages (dense: most of them report a feeling)."""
    if not DEVSET.exists():
        return []
    return [json.loads(line)["text"] for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_texts(ground_truth: Path) -> list[str]:
    return load_articles(ground_truth) + load_passages()


def _best_cpu(texts: list[str], rounds: int, reader=None) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    """Best CPU seconds over `rounds` passes of extract_sentiment over `texts`, and the reports found."""
    best, reports = float("inf"), 0
    for _ in range(rounds):
        t0 = time.process_time()
        reports = sum(len(extract_sentiment(t, reader).reports) for t in texts)
        best = min(best, time.process_time() - t0)
    return best, reports


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ground-truth", type=Path, default=DEFAULT_GT)
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--reader", choices=["rules", "model"], default="rules")
    args = ap.parse_args()
    reader = None
    if args.reader == "model":
        from extractors.sentiment_reader import MiniLMReader

        reader = MiniLMReader(threads=1)
        reader.probabilities(["Warm-up: the model is loaded before timing."])
    articles, passages = load_articles(args.ground_truth), load_passages()
    texts = articles + passages
    size = sum(len(t.encode("utf-8")) for t in texts)
    best, reports = _best_cpu(texts, args.rounds, reader)
    best_tone = float("inf")
    for _ in range(args.rounds):
        t0 = time.process_time()
        for t in texts:
            document_tone(t)
        best_tone = min(best_tone, time.process_time() - t0)
    mb = size / 1e6
    print(f"texts: {len(texts)}  size: {mb:.2f} MB  reports: {reports}")
    print(f"reader: {args.reader}")
    print(f"extract_sentiment: {best:.3f} s CPU (best of {args.rounds}) -> {mb / best:.2f} MB/s")
    for name, part in (("article texts alone", articles), ("dev passages alone", passages)):
        if part:
            part_mb = sum(len(t.encode("utf-8")) for t in part) / 1e6
            part_best, part_reports = _best_cpu(part, args.rounds, reader)
            print(f"  {name}: {len(part)} texts, {part_mb:.2f} MB, {part_reports} reports -> {part_mb / part_best:.2f} MB/s")
    print(f"of which document tone (VADER): {best_tone:.3f} s ({100 * best_tone / best:.0f}%)")
    if args.seed.exists():
        dense = args.seed.read_text(encoding="utf-8") * 20
        best_dense = float("inf")
        for _ in range(args.rounds):
            t0 = time.process_time()
            extract_sentiment(dense, reader)
            best_dense = min(best_dense, time.process_time() - t0)
        mb_dense = len(dense.encode("utf-8")) / 1e6
        print(f"sentiment-dense text (seed article x20, {mb_dense:.2f} MB): {best_dense:.3f} s -> {mb_dense / best_dense:.2f} MB/s")


if __name__ == "__main__":
    main()
