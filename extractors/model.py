"""Records the extractors return: frozen dataclasses, the contract of `newsmon extract`.

Field names and values here are a stable interface (the JSON of `newsmon extract`,
the storage tables and the evaluation commands all use them). Change them only
together with a storage migration and the README.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

CASUALTY_CATEGORIES = ("killed", "wounded", "casualties", "captured", "missing")
QUALIFIERS = ("exact", "approximately", "at_least", "more_than", "up_to", "fewer_than", "range", "vague")
HOLDERS = ("residents", "soldiers", "families", "defectors", "officials", "public", "other")
STANCES = ("negative", "positive", "mixed")
OVERALL = ("negative", "positive", "mixed", "none")


@dataclass(frozen=True, slots=True)
class Party:
    """A side a topic tracks: a label (``north_korean``), the words that name it, and places in its
    country (victims hit in Kharkiv are Ukrainian when nothing nearer names their side)."""

    label: str
    aliases: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CasualtyReport:
    """One casualty figure as the text reports it (a claim, not a verified count)."""

    category: str  # one of CASUALTY_CATEGORIES
    min: int | None  # equal to max for a single number; vague quantities follow the convention
    max: int | None
    qualifier: str  # one of QUALIFIERS
    party: str  # a topic party label, "other" or "unknown"
    attributed_to: str | None  # e.g. "South Korea's National Intelligence Service"
    sentence: str
    start: int  # character offsets of the figure in the analysed text
    end: int
    text: str = ""  # the figure as written ("around 3,000")

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SentimentReport:
    """One statement reporting how a group of people feels about the topic."""

    holder: str  # one of HOLDERS
    stance: str  # one of STANCES
    score: float  # in [-1, 1]
    quote: str | None
    location: str | None
    sentence: str
    start: int  # character offsets of the sentence in the analysed text
    end: int

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SentimentAnalysis:
    reports: list[SentimentReport] = field(default_factory=list)
    overall: str = "none"  # one of OVERALL
    tone: float = 0.0  # document tone (VADER compound), secondary


@dataclass(frozen=True, slots=True)
class TopicMatch:
    topic: str
    matched: bool
    terms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the extractors say about one text: the `newsmon extract` object."""

    casualties: list[CasualtyReport]
    sentiment: list[SentimentReport]
    overall_sentiment: str
    tone: float

    def to_dict(self) -> dict:
        return {
            "casualties": [c.to_dict() for c in self.casualties],
            "sentiment": [s.to_dict() for s in self.sentiment],
            "overall_sentiment": self.overall_sentiment,
            "tone": round(self.tone, 4),
        }
