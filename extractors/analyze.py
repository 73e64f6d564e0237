"""One call for everything the extractors say about a text (the `newsmon extract` object)."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.casualties import extract_casualties
from extractors.model import Analysis, Party
from extractors.sentiment import extract_sentiment


def analyze(text: str, parties: Sequence[Party]) -> Analysis:
    """Casualty figures and reported sentiment of ``text``, for a topic's parties."""
    sentiment = extract_sentiment(text)
    return Analysis(
        casualties=extract_casualties(text, parties),
        sentiment=list(sentiment.reports),
        overall_sentiment=sentiment.overall,
        tone=sentiment.tone,
    )
