"""Tests of the casualty evaluation (strict matching, vague records, party accuracy) and the quality floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import repeated_texts

from extractors.model import CasualtyReport, Party
from newsmon.evaluation.casualties import default_parties, evaluate, format_report, load_cases

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "data" / "devsets" / "casualties.jsonl"
BASELINE = Path(__file__).resolve().parent / "eval_baseline_casualties.json"


def _rec(category: str, lo: int, hi: int | None = None, party: str = "unknown", qualifier: str = "exact") -> CasualtyReport:
    return CasualtyReport(category=category, min=lo, max=lo if hi is None else hi, qualifier=qualifier, party=party,
                          attributed_to=None, sentence="s", start=0, end=1, text="x")


def _fixed(predictions: dict[str, list[CasualtyReport]]):
    """An extract function that returns canned records per text."""
    return lambda text, parties: predictions[text]


def test_eval_casualties_perfect_match() -> None:
    cases = [{"id": "a", "text": "t1", "casualties": [{"category": "killed", "min": 3, "max": 3, "party": "civilian"}]}]
    result = evaluate(cases, _fixed({"t1": [_rec("killed", 3, party="civilian")]}))
    assert (result["precision"], result["recall"], result["f1"], result["party_accuracy"]) == (1.0, 1.0, 1.0, 1.0)
    assert result["counts"]["true_positives"] == 1


def test_eval_casualties_strict_category_min_max() -> None:
    gold = [{"category": "killed", "min": 300, "max": 300, "party": "x"},
            {"category": "wounded", "min": 2000, "max": 4000, "party": "x"}]
    cases = [{"id": "a", "text": "t", "casualties": gold}]
    predicted = [_rec("casualties", 300), _rec("wounded", 2000, 3999)]
    result = evaluate(cases, _fixed({"t": predicted}))
    counts = {k: result["counts"][k] for k in ("true_positives", "false_positives", "false_negatives", "party_correct")}
    assert counts == {"true_positives": 0, "false_positives": 2, "false_negatives": 2, "party_correct": 0}
    assert result["f1"] == 0.0
    assert len(result["misses"]) == 2 and len(result["false_figures"]) == 2


def test_eval_casualties_each_record_counted_once() -> None:
    cases = [{"id": "a", "text": "t", "casualties": [{"category": "killed", "min": 5, "max": 5, "party": "x"}]}]
    result = evaluate(cases, _fixed({"t": [_rec("killed", 5, party="x"), _rec("killed", 5, party="x")]}))
    assert result["counts"]["true_positives"] == 1
    assert result["counts"]["false_positives"] == 1
    assert result["precision"] == 0.5 and result["recall"] == 1.0


def test_eval_casualties_matching_is_per_case() -> None:
    cases = [{"id": "a", "text": "t1", "casualties": [{"category": "killed", "min": 5, "max": 5, "party": "x"}]},
             {"id": "b", "text": "t2", "casualties": []}]
    result = evaluate(cases, _fixed({"t1": [], "t2": [_rec("killed", 5, party="x")]}))
    assert result["counts"]["true_positives"] == 0
    assert [m["id"] for m in result["misses"]] == ["a"]
    assert [f["id"] for f in result["false_figures"]] == ["b"]


def test_eval_casualties_vague_gold_is_ignored() -> None:
    cases = [{"id": "a", "text": "t", "casualties": [{"category": "killed", "vague": True}]}]
    vague_same = evaluate(cases, _fixed({"t": [_rec("killed", 12, qualifier="vague")]}))
    assert vague_same["counts"]["false_positives"] == 0 and vague_same["counts"]["false_negatives"] == 0
    vague_other = evaluate(cases, _fixed({"t": [_rec("wounded", 12, qualifier="vague")]}))
    assert vague_other["counts"]["false_positives"] == 1
    exact = evaluate(cases, _fixed({"t": [_rec("killed", 12)]}))
    assert exact["counts"]["false_positives"] == 1


def test_eval_casualties_party_accuracy_over_matched_pairs() -> None:
    gold = [{"category": "killed", "min": 1, "max": 1, "party": "russian"},
            {"category": "killed", "min": 2, "max": 2, "party": "civilian"},
            {"category": "killed", "min": 3, "max": 3, "party": "other"}]
    cases = [{"id": "a", "text": "t", "casualties": gold}]
    predicted = [_rec("killed", 1, party="russian"), _rec("killed", 2, party="ukrainian")]
    result = evaluate(cases, _fixed({"t": predicted}))
    assert result["party_accuracy"] == 0.5
    assert result["party_errors"] == [{"id": "a", "category": "killed", "min": 2, "gold": "civilian",
                                       "predicted": "ukrainian"}]
    assert result["recall"] == pytest.approx(2 / 3)


def test_eval_casualties_format_report_lists_errors() -> None:
    cases = [{"id": "case-1", "text": "About 300 soldiers died.", "casualties":
              [{"category": "wounded", "min": 300, "max": 300, "party": "unknown"}]}]
    report = format_report(evaluate(cases, _fixed({"About 300 soldiers died.": [_rec("killed", 300)]})))
    assert "F1: 0.000" in report
    assert "misses" in report and "false figures" in report and "case-1" in report


def test_eval_casualties_load_cases(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_text('{"id": "a", "text": "x", "casualties": []}\n\n{"id": "b", "text": "y", "casualties": []}\n')
    assert [c["id"] for c in load_cases(path)] == ["a", "b"]
    path.write_text('{"id": "a"}\nnot json\n')
    with pytest.raises(ValueError, match=":2:"):
        load_cases(path)


def test_eval_casualties_default_parties() -> None:
    parties = default_parties()
    assert [p.label for p in parties] == ["north_korean", "russian", "ukrainian", "civilian"]
    assert all(isinstance(p, Party) and p.aliases for p in parties)
    assert "DPRK" in parties[0].aliases
    assert "Dnipro" in parties[2].places  # places travel with the parties into the evaluation


def test_eval_casualties_devset_shape() -> None:
    cases = load_cases(DEVSET)
    assert len(cases) >= 150
    assert len({c["id"] for c in cases}) == len(cases)
    assert all(c["origin"].startswith(("http://", "https://")) for c in cases)
    negatives = [c for c in cases if not c["casualties"]]
    assert len(negatives) >= len(cases) / 4
    labels = {"north_korean", "russian", "ukrainian", "civilian", "other", "unknown"}
    for c in cases:
        for g in c["casualties"]:
            assert g["category"] in {"killed", "wounded", "casualties", "captured", "missing"}
            if not g.get("vague"):
                assert g["min"] <= g["max"] and g["party"] in labels
            if "qualifier" in g:
                assert g["qualifier"] in {"exact", "approximately", "at_least", "more_than", "up_to", "range"}
            if "attributed" in g:
                assert isinstance(g["attributed"], bool)



def test_eval_casualties_devset_has_no_repeated_text() -> None:
    assert repeated_texts(load_cases(DEVSET)) == []


def test_eval_casualties_devset_floor() -> None:
    """The real extractor on the dev set must not fall below the pinned floor (it may only go up)."""
    floor = json.loads(BASELINE.read_text())
    result = evaluate(load_cases(DEVSET))
    assert result["f1"] >= floor["f1"], format_report(result)
    assert result["party_accuracy"] >= floor["party_accuracy"], format_report(result)
    assert result["precision"] >= floor["precision"]
    assert result["recall"] >= floor["recall"]


def test_eval_casualties_qualifier_and_attribution_on_matched_records() -> None:
    gold = [{"category": "killed", "min": 5, "max": 5, "party": "x", "qualifier": "at_least", "attributed": True},
            {"category": "wounded", "min": 9, "max": 9, "party": "x", "qualifier": "exact", "attributed": False},
            {"category": "missing", "min": 2, "max": 2, "party": "x"}]
    cases = [{"id": "a", "text": "t", "casualties": gold}]
    sourced = CasualtyReport(category="killed", min=5, max=5, qualifier="at_least", party="x", attributed_to="UN",
                             sentence="s", start=0, end=1, text="x")
    predicted = [sourced, _rec("wounded", 9, qualifier="more_than"), _rec("missing", 2), _rec("captured", 1)]
    result = evaluate(cases, _fixed({"t": predicted}))
    assert result["f1"] == 6 / 7  # the extra checks leave the strict score alone
    assert result["qualifier_accuracy"] == 0.5  # 2 scored (the missing record has no gold qualifier), 1 right
    assert result["attribution_accuracy"] == 1.0
    assert result["attribution_rate"] == 1 / 3
    report = format_report(result)
    assert "qualifier accuracy: 0.500 (1/2" in report and "attribution accuracy: 1.000 (2/2" in report


def test_eval_casualties_extra_checks_absent_without_gold_fields() -> None:
    cases = [{"id": "a", "text": "t", "casualties": [{"category": "killed", "min": 3, "max": 3, "party": "x"}]}]
    result = evaluate(cases, _fixed({"t": [_rec("killed", 3, party="x")]}))
    assert result["qualifier_accuracy"] is None and result["attribution_accuracy"] is None
    assert "qualifier accuracy" not in format_report(result)
