"""Scoring reported-sentiment extraction against a labelled set (`newsmon eval sentiment FILE`).

A case is one JSON line: ``{"id", "origin", "text", "reports": [{"holder", "stance"}],
"overall"}``. Three scores, all micro-averaged over the cases:

- **overall accuracy**: the predicted article verdict equals the labelled one;
- **detection** precision / recall / F1: does the passage report anyone's sentiment at
  all (labelled reports non-empty vs. predicted reports non-empty);
- **holder+stance** precision / recall / F1: each passage's labelled and predicted
  records are reduced to sets of distinct (holder, stance) pairs, so a pair counts
  once however many sentences repeat it; a pair is a true positive when both sets
  hold it.

`extract` is any callable from text to a `SentimentAnalysis`, or to the dict that
`newsmon extract` prints (``{"sentiment": [...], "overall_sentiment": ...}``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from extractors.model import HOLDERS, OVERALL, STANCES
from extractors.sentiment import extract_sentiment

Pair = tuple[str, str]


def load_cases(path: str | Path) -> list[dict]:
    """Read a JSON Lines file of labelled cases; raise ValueError naming the line on bad input."""
    cases: list[dict] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                case = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc
            _check_case(case, f"{path}:{lineno}")
            cases.append(case)
    return cases


def _check_case(case: Any, where: str) -> None:
    if not isinstance(case, dict):
        raise ValueError(f"{where}: a case must be a JSON object")
    for key in ("id", "text", "reports", "overall"):
        if key not in case:
            raise ValueError(f"{where}: missing key {key!r}")
    if case["overall"] not in OVERALL:
        raise ValueError(f"{where}: overall must be one of {OVERALL}, not {case['overall']!r}")
    for r in case["reports"]:
        if r.get("holder") not in HOLDERS or r.get("stance") not in STANCES:
            raise ValueError(f"{where}: bad report {r!r} (holder in {HOLDERS}, stance in {STANCES})")


def _prediction(result: Any) -> tuple[set[Pair], str]:
    if isinstance(result, dict):
        reports = result.get("sentiment", result.get("reports", []))
        overall = result.get("overall_sentiment", result.get("overall", "none"))
        return {(r["holder"], r["stance"]) for r in reports}, overall
    return {(r.holder, r.stance) for r in result.reports}, result.overall


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def evaluate(cases: list[dict], extract: Callable[[str], Any] = extract_sentiment) -> dict:
    """Score `extract` on `cases`: overall accuracy, detection P/R/F1, holder+stance P/R/F1, errors."""
    correct = 0
    d_tp = d_fp = d_fn = 0
    p_tp = p_fp = p_fn = 0
    errors: list[dict] = []
    for case in cases:
        gold = {(r["holder"], r["stance"]) for r in case["reports"]}
        pred, overall = _prediction(extract(case["text"]))
        ok_overall = overall == case["overall"]
        correct += ok_overall
        g_any, p_any = bool(gold), bool(pred)
        d_tp += g_any and p_any
        d_fp += p_any and not g_any
        d_fn += g_any and not p_any
        p_tp += len(gold & pred)
        p_fp += len(pred - gold)
        p_fn += len(gold - pred)
        if not ok_overall or gold != pred:
            errors.append(
                {
                    "id": case["id"],
                    "overall": case["overall"],
                    "predicted_overall": overall,
                    "missing": sorted(gold - pred),
                    "extra": sorted(pred - gold),
                    "text": case["text"],
                }
            )
    n = len(cases)
    return {
        "cases": n,
        "overall_accuracy": correct / n if n else 0.0,
        "detection": _prf(d_tp, d_fp, d_fn),
        "holder_stance": _prf(p_tp, p_fp, p_fn),
        "errors": errors,
    }


def format_report(result: dict) -> str:
    """Human-readable summary followed by one block per error."""
    d, h = result["detection"], result["holder_stance"]
    lines = [
        f"cases: {result['cases']}",
        f"overall accuracy: {result['overall_accuracy']:.3f}",
        f"detection: precision {d['precision']:.3f}  recall {d['recall']:.3f}  F1 {d['f1']:.3f}"
        f"  (tp {d['tp']}, fp {d['fp']}, fn {d['fn']})",
        f"holder+stance: precision {h['precision']:.3f}  recall {h['recall']:.3f}  F1 {h['f1']:.3f}"
        f"  (tp {h['tp']}, fp {h['fp']}, fn {h['fn']})",
        f"errors: {len(result['errors'])}",
    ]
    for e in result["errors"]:
        text = e["text"] if len(e["text"]) <= 200 else e["text"][:197] + "..."
        lines.append("")
        lines.append(f"- {e['id']}: overall {e['overall']} -> predicted {e['predicted_overall']}")
        if e["missing"]:
            lines.append("  missing: " + ", ".join(f"{a}/{b}" for a, b in e["missing"]))
        if e["extra"]:
            lines.append("  extra: " + ", ".join(f"{a}/{b}" for a, b in e["extra"]))
        lines.append(f"  text: {text}")
    return "\n".join(lines)
