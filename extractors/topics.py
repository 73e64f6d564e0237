"""Topic matching: does a text match a topic's keyword query, and which terms hit.

A query has ``all_of`` groups (every group must hit, any term of a group will do),
``any_of`` terms (at least one, when given) and ``none_of`` terms (none may hit).
Matching is case-insensitive and on whole words, over NFKC-normalised,
case-folded plain text with invisible format characters (RTL overrides,
zero-width joiners) removed, so markup, entities and Unicode tricks neither
create nor hide a match. A term ending in ``*`` matches a word prefix.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from extractors.model import TopicMatch

_WORD = re.compile(r"\w+")
# every format character (Unicode category Cf: bidi overrides, zero-width joiners, soft hyphens...)
_FORMAT_CHARS = dict.fromkeys(c for c in range(0x110000) if unicodedata.category(chr(c)) == "Cf")


class QueryLike(Protocol):
    name: str
    all_of: Sequence[Sequence[str]]
    any_of: Sequence[str]
    none_of: Sequence[str]


def normalize_text(text: str) -> str:
    """NFKC, case-folded, format characters dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_FORMAT_CHARS).casefold()


@dataclass(frozen=True)
class _Term:
    source: str  # as written in the configuration
    words: tuple[str, ...]
    prefix: bool

    def hits(self, padded: str, tokens: frozenset[str]) -> bool:
        if self.prefix and len(self.words) == 1:
            stem = self.words[0]
            return any(t.startswith(stem) for t in tokens)
        if len(self.words) == 1 and not self.prefix:
            return self.words[0] in tokens
        phrase = " ".join(self.words)
        if self.prefix:
            return (" " + phrase) in padded
        return (" " + phrase + " ") in padded


@lru_cache(maxsize=1024)
def _term(source: str) -> _Term:
    prefix = source.rstrip().endswith("*")
    words = tuple(_WORD.findall(normalize_text(source.rstrip().rstrip("*"))))
    return _Term(source, words, prefix)


def match_topic(text: str, query: QueryLike) -> TopicMatch:
    """Match ``text`` (plain text: title + body) against a topic query."""
    tokens_list = _WORD.findall(normalize_text(text))
    tokens = frozenset(tokens_list)
    padded = " " + " ".join(tokens_list) + " "

    def hits(terms: Sequence[str]) -> list[str]:
        return [s for s in terms if (t := _term(s)).words and t.hits(padded, tokens)]

    found: list[str] = []
    for group in query.all_of:
        h = hits(group)
        if not h:
            return TopicMatch(query.name, False, tuple(found))
        found.extend(h)
    if query.any_of:
        h = hits(query.any_of)
        if not h:
            return TopicMatch(query.name, False, tuple(found))
        found.extend(h)
    if hits(query.none_of):
        return TopicMatch(query.name, False, tuple(found))
    return TopicMatch(query.name, True, tuple(dict.fromkeys(found)))
