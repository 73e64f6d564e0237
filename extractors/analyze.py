"""One call for everything the extractors say about a text (the `newsmon extract` object)."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.casualties import extract_casualties
from extractors.model import Analysis, Party
from extractors.sentiment import extract_sentiment
from extractors.sentiment_reader import SentenceReader


def analyze(text: str, parties: Sequence[Party], reader: SentenceReader | None = None) -> Analysis:
    """Casualty figures and reported sentiment of ``text``, for a topic's parties; with a
    sentence `reader`, the model reader's second reading of sentiment (`extractors.sentiment_reader`)."""
    sentiment = extract_sentiment(text, reader)
    return Analysis(
        casualties=extract_casualties(text, parties),
        sentiment=list(sentiment.reports),
        overall_sentiment=sentiment.overall,
        tone=sentiment.tone,
    )
