"""Sentence spans for news text: a small rule-based splitter shared by the extractors.

Pure and fast (one regex pass). It knows the abbreviations news text uses
("Dec.", "Gen.", "U.S.", "No."), keeps closing quotes with their sentence and
treats line breaks as boundaries (feeds and extracted text keep paragraphs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen lt col maj capt sgt cpl pvt adm cmdr rep sen gov pres st mt ft
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig approx est etc vs
    inc corp co ltd jr sr u.s u.k u.n e.g i.e a.m p.m
    """.split()
)

# a candidate boundary: terminal punctuation, optional closing quotes/brackets, then space
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)|\n+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_COMPASS_NEXT = re.compile(r"\s*(?:Korea|Korean|Koreans|Darfur|Kordofan|Kivu|Sudan|Africa|African)\b")
_NEXT_CHAR = re.compile(r"[ \t]*([^ \t])")
# how far back to look for the word before a period: searching from 0 made splitting quadratic
_LOOKBEHIND = 64


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) offsets of each sentence, whitespace trimmed."""
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group(0)[0] == ".":
            word = _WORD_BEFORE.search(text, max(0, m.start() - _LOOKBEHIND), m.start())
            token = word.group(1).lower() if word else ""
            # "Dec. 14", "U.S. forces", single initials "J. Smith": not a boundary
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", token):
                nxt = text[end:end + 3].lstrip()
                if not nxt or not nxt[0].isupper() or token in _ABBREVIATIONS:
                    continue
                # wire-service compass abbreviations: "N. Korean", "S. Korea", "N. Darfur"
                if token in ("n", "s") and word.group(1)[:1].isupper() and _COMPASS_NEXT.match(text, end):
                    continue
        # do not split before a lowercase continuation ("... 3.5 p.m. on Monday")
        nxt_char = _NEXT_CHAR.match(text, end)
        if m.group(0)[0] != "\n" and nxt_char and nxt_char.group(1).islower():
            continue
        yield from _trimmed(text, start, end)
        start = end
    yield from _trimmed(text, start, len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]
