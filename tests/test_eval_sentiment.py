"""Scoring of reported-sentiment extraction (newsmon.evaluation.sentiment) and the dev-set floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import repeated_texts

from extractors.model import SentimentAnalysis, SentimentReport
from newsmon.evaluation.sentiment import evaluate, format_report, load_cases

ROOT = Path(__file__).resolve().parent.parent
DEVSET = ROOT / "data" / "devsets" / "sentiment.jsonl"
BASELINE = ROOT / "tests" / "eval_baseline_sentiment.json"


def _report(holder: str, stance: str) -> SentimentReport:
    return SentimentReport(holder, stance, -0.5 if stance == "negative" else 0.5, None, None, "s", 0, 1)


def _fake(table: dict[str, SentimentAnalysis]):
    return lambda text: table[text]


CASES = [
    {"id": "a", "text": "A", "reports": [{"holder": "residents", "stance": "negative"}], "overall": "negative"},
    {"id": "b", "text": "B", "reports": [], "overall": "none"},
    {
        "id": "c",
        "text": "C",
        "reports": [{"holder": "public", "stance": "positive"}, {"holder": "families", "stance": "negative"}],
        "overall": "mixed",
    },
]


def test_evaluate_sentiment_perfect_extractor() -> None:
    table = {
        "A": SentimentAnalysis([_report("residents", "negative")], "negative"),
        "B": SentimentAnalysis([], "none"),
        "C": SentimentAnalysis([_report("public", "positive"), _report("families", "negative")], "mixed"),
    }
    result = evaluate(CASES, extract=_fake(table))
    assert result["overall_accuracy"] == 1.0
    assert result["detection"]["f1"] == 1.0
    assert result["holder_stance"]["f1"] == 1.0
    assert result["errors"] == []


def test_evaluate_sentiment_counts_each_pair_once() -> None:
    # the same (holder, stance) in three sentences is one record, not three false positives
    table = {
        "A": SentimentAnalysis([_report("residents", "negative")] * 3, "negative"),
        "B": SentimentAnalysis([], "none"),
        "C": SentimentAnalysis([_report("public", "positive")], "positive"),
    }
    result = evaluate(CASES, extract=_fake(table))
    hs = result["holder_stance"]
    assert (hs["tp"], hs["fp"], hs["fn"]) == (2, 0, 1)
    assert hs["precision"] == 1.0 and hs["recall"] == pytest.approx(2 / 3)
    assert result["overall_accuracy"] == pytest.approx(2 / 3)
    assert [e["id"] for e in result["errors"]] == ["c"]
    assert result["errors"][0]["missing"] == [("families", "negative")]


def test_evaluate_sentiment_detection_false_positive_and_miss() -> None:
    table = {
        "A": SentimentAnalysis([], "none"),
        "B": SentimentAnalysis([_report("officials", "positive")], "positive"),
        "C": SentimentAnalysis([_report("public", "negative")], "negative"),
    }
    result = evaluate(CASES, extract=_fake(table))
    d = result["detection"]
    assert (d["tp"], d["fp"], d["fn"]) == (1, 1, 1)
    assert d["precision"] == 0.5 and d["recall"] == 0.5 and d["f1"] == 0.5
    assert result["overall_accuracy"] == 0.0
    assert result["holder_stance"]["tp"] == 0


def test_evaluate_sentiment_accepts_extract_json_output() -> None:
    table = {
        "A": {"sentiment": [{"holder": "residents", "stance": "negative"}], "overall_sentiment": "negative"},
        "B": {"sentiment": [], "overall_sentiment": "none"},
        "C": {"sentiment": [], "overall_sentiment": "none"},
    }
    result = evaluate(CASES, extract=_fake(table))
    assert result["overall_accuracy"] == pytest.approx(2 / 3)
    assert result["detection"]["fn"] == 1


def test_format_report_lists_scores_and_errors() -> None:
    table = {
        "A": SentimentAnalysis([_report("public", "negative")], "negative"),
        "B": SentimentAnalysis([], "none"),
        "C": SentimentAnalysis([], "none"),
    }
    text = format_report(evaluate(CASES, extract=_fake(table)))
    assert "overall accuracy: 0.667" in text
    assert "detection: precision 1.000  recall 0.500" in text
    assert "- a: overall negative -> predicted negative" in text
    assert "missing: residents/negative" in text and "extra: public/negative" in text
    assert "- c: overall mixed -> predicted none" in text


def test_load_cases_rejects_bad_lines(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": "t", "reports": [{"holder": "crowd", "stance": "negative"}], "overall": "negative"}) + "\n")
    with pytest.raises(ValueError, match="bad.jsonl:1"):
        load_cases(bad)
    bad.write_text('{"id": "x", "text": "t", "reports": []}\n')
    with pytest.raises(ValueError, match="missing key 'overall'"):
        load_cases(bad)


def test_sentiment_devset_is_well_formed() -> None:
    cases = load_cases(DEVSET)
    assert len(cases) >= 60
    assert len({c["id"] for c in cases}) == len(cases)
    assert sum(c["overall"] == "none" for c in cases) >= 10
    assert all(c["origin"].startswith("http") for c in cases)
    assert all((c["overall"] == "none") == (not c["reports"]) for c in cases)
    assert {c["id"].split("-")[0] for c in cases} >= {"nk", "ru", "ua", "il"}



def test_sentiment_devset_has_no_repeated_text() -> None:
    assert repeated_texts(load_cases(DEVSET)) == []


def test_sentiment_devset_floor() -> None:
    """The extractor may not fall below the scores pinned when it was last measured."""
    floor = json.loads(BASELINE.read_text(encoding="utf-8"))
    result = evaluate(load_cases(DEVSET))
    assert result["overall_accuracy"] >= floor["overall_accuracy"], format_report(result)
    assert result["detection"]["f1"] >= floor["detection_f1"], format_report(result)
    assert result["holder_stance"]["f1"] >= floor["holder_stance_f1"], format_report(result)
