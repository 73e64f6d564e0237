"""Scoring of the casualty extractor against a labelled JSON Lines set (`newsmon eval casualties`).

Each case is ``{"id", "origin", "text", "casualties": [{"category", "min", "max", "party"}]}``;
a vague gold record is ``{"category", "vague": true}`` and is not scored.

Matching is strict and per case: a predicted record matches a gold record when category,
min and max are all equal; each gold and each predicted record is used at most once.
Predicted vague records of a category that has a vague gold record in the same case are
neither true nor false figures. Party accuracy is measured over the matched pairs.

Two more checks on the matched pairs, outside the strict F1: qualifier accuracy over the
gold records that carry a ``"qualifier"`` (exact, approximately, at_least, more_than,
up_to, range), and attribution accuracy over the gold records that carry
``"attributed": true|false`` (whether the passage names who gives the figure; the
predicted record is attributed when its ``attributed_to`` is set). The share of matched
records with a source is reported as well.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

from extractors.casualties import extract_casualties
from extractors.model import CasualtyReport, Party

Extract = Callable[[str, Sequence[Party]], list[CasualtyReport]]


def default_parties() -> tuple[Party, ...]:
    """The parties of the first topic in the packaged default configuration."""
    raw = resources.files("newsmon").joinpath("default_config.toml").read_text(encoding="utf-8")
    topic = tomllib.loads(raw)["topics"][0]
    return tuple(Party(p["label"], tuple(p.get("aliases", ())), tuple(p.get("places", ())))
                 for p in topic.get("parties", ()))


def load_cases(path: str | Path) -> list[dict]:
    """Read a JSON Lines development set (blank lines ignored)."""
    cases = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                cases.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
    return cases


def _default_extract(text: str, parties: Sequence[Party]) -> list[CasualtyReport]:
    return extract_casualties(text, parties)


def evaluate(cases: list[dict], extract: Extract = _default_extract,
             parties: Sequence[Party] | None = None) -> dict:
    """Strict precision / recall / F1 and party accuracy of `extract` on `cases`."""
    parties = tuple(parties) if parties is not None else default_parties()
    tp = fp = fn = party_ok = 0
    qual_n = qual_ok = attr_n = attr_ok = with_source = 0
    misses: list[dict] = []
    false_figures: list[dict] = []
    party_errors: list[dict] = []
    for case in cases:
        gold = [g for g in case.get("casualties", []) if not g.get("vague")]
        vague_cats = {g["category"] for g in case.get("casualties", []) if g.get("vague")}
        predicted = extract(case["text"], parties)
        unused = list(range(len(gold)))
        for rec in predicted:
            hit = next((i for i in unused if gold[i]["category"] == rec.category
                        and gold[i]["min"] == rec.min and gold[i]["max"] == rec.max), None)
            if hit is None:
                if rec.qualifier == "vague" and rec.category in vague_cats:
                    continue
                fp += 1
                false_figures.append({"id": case.get("id"), "category": rec.category, "min": rec.min,
                                      "max": rec.max, "party": rec.party, "text": rec.text,
                                      "sentence": rec.sentence})
                continue
            unused.remove(hit)
            tp += 1
            with_source += rec.attributed_to is not None
            if "qualifier" in gold[hit]:
                qual_n += 1
                qual_ok += rec.qualifier == gold[hit]["qualifier"]
            if "attributed" in gold[hit]:
                attr_n += 1
                attr_ok += (rec.attributed_to is not None) == bool(gold[hit]["attributed"])
            if rec.party == gold[hit].get("party"):
                party_ok += 1
            else:
                party_errors.append({"id": case.get("id"), "category": rec.category, "min": rec.min,
                                     "gold": gold[hit].get("party"), "predicted": rec.party})
        for i in unused:
            fn += 1
            misses.append({"id": case.get("id"), **gold[i], "text": case["text"]})
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "cases": len(cases),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "party_accuracy": party_ok / tp if tp else 1.0,
        "qualifier_accuracy": qual_ok / qual_n if qual_n else None,
        "attribution_accuracy": attr_ok / attr_n if attr_n else None,
        "attribution_rate": with_source / tp if tp else None,
        "counts": {"true_positives": tp, "false_positives": fp, "false_negatives": fn,
                   "party_correct": party_ok, "qualifier_scored": qual_n, "qualifier_correct": qual_ok,
                   "attribution_scored": attr_n, "attribution_correct": attr_ok, "with_source": with_source},
        "misses": misses,
        "false_figures": false_figures,
        "party_errors": party_errors,
    }


def format_report(result: dict) -> str:
    """A human-readable summary: scores, then every miss, false figure and party error."""
    c = result["counts"]
    lines = [
        f"cases: {result['cases']}",
        f"precision: {result['precision']:.3f}  recall: {result['recall']:.3f}  F1: {result['f1']:.3f}",
        f"party accuracy: {result['party_accuracy']:.3f} ({c['party_correct']}/{c['true_positives']} matched)",
        f"true positives: {c['true_positives']}  false figures: {c['false_positives']}  misses: {c['false_negatives']}",
    ]
    if result.get("qualifier_accuracy") is not None:
        lines.append(f"qualifier accuracy: {result['qualifier_accuracy']:.3f}"
                     f" ({c['qualifier_correct']}/{c['qualifier_scored']} matched records with a gold qualifier)")
    if result.get("attribution_accuracy") is not None:
        lines.append(f"attribution accuracy: {result['attribution_accuracy']:.3f}"
                     f" ({c['attribution_correct']}/{c['attribution_scored']} matched records with gold attribution)")
    if result.get("attribution_rate") is not None:
        lines.append(f"matched records with a source: {result['attribution_rate']:.3f}"
                     f" ({c['with_source']}/{c['true_positives']})")
    if result["misses"]:
        lines.append("")
        lines.append("misses (gold figures not found):")
        for m in result["misses"]:
            lines.append(f"  [{m['id']}] {m['category']} {m['min']}-{m['max']} ({m.get('party')}): {m['text'][:160]}")
    if result["false_figures"]:
        lines.append("")
        lines.append("false figures (predicted, not in gold):")
        for f in result["false_figures"]:
            lines.append(f"  [{f['id']}] {f['category']} {f['min']}-{f['max']} ({f['party']}) \"{f['text']}\": {f['sentence'][:160]}")
    if result["party_errors"]:
        lines.append("")
        lines.append("party errors (matched figure, wrong party):")
        for p in result["party_errors"]:
            lines.append(f"  [{p['id']}] {p['category']} {p['min']}: gold {p['gold']}, predicted {p['predicted']}")
    return "\n".join(lines)
