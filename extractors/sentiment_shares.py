"""Poll shares for the sentiment extractor: the percentage attached to a stance cue and the
number words of a share ("46%", "Sixty-one percent", "six in 10", "one in three", "two-thirds of",
"support ... has soared to 61%"). `extractors.sentiment_cues` uses these when it finds cues;
`extractors.sentiment` merges a poll breakdown over two sentences with `merge_poll_breakdown`."""

from __future__ import annotations

import re
from typing import Any

from extractors import sentiment_lexicon as lex

_I = re.IGNORECASE
_PAREN_PCT = re.compile(r"[^.;()]{0,40}?\((\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent|percent)")
# a share the cue's level moved to or stands at: "support for negotiating peace has soared to 61%"
_MOVED_TO_PCT = re.compile(
    r"[^.;()]{0,50}?\b(?:rose|risen|rising|soared|climbed|grew|grown|increased|jumped|reached|stood|stands|fell|fallen|dropped|declined|slipped|dipped|decreased)"
    r"\s(?:to|at)\s(\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent|percent)",
    _I,
)
# a share as the head of the sentence's subject, further back than the cue's clause window:
# "24% of the respondents prioritize the achievement of military objectives ... and are against"
_SUBJECT_SHARE_BEFORE = re.compile(
    r"(?:^|[.!?]\s+)(\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent|percent)\s+of\b(?=[^.;:!?]*$)", _I
)
_SHARE_HINT = re.compile(r"%|per\s?cent|\bin\s(?:10|ten|three|four|five)\b|\bout\sof\b|\b(?:thirds?|quarters?|fifths?)\b|\bhalf\sof\b", _I)


def cue_share(s: str, pos: int, end: int) -> tuple[float, bool, int]:
    """Percentage attached to a cue: the nearest before it in its clause, or one in
    parentheses right after it ("pride for Russia (23 percent each)"), or the level it rose
    or fell to ("support for negotiating peace has soared to 61%"). Returns
    (share, is_majority, position of the percentage or -1)."""
    lo = max(0, pos - 90)
    before = s[lo:pos]
    clause_start = 0
    stops = list(re.finditer(r"[;:]|\bwhile\b|\bwhereas\b|\bbut\b|\bhowever\b|\bcompared\b|,\s(?=\d)|[.!?]\s", before))
    if stops:
        clause_start = stops[-1].end()
    pcts = [p for p in lex.PERCENT.finditer(before) if p.start() >= clause_start]
    if pcts:
        value = share_value(pcts[-1].group(1))
        return value / 100.0, value > 50.0, lo + pcts[-1].start()
    far = _SUBJECT_SHARE_BEFORE.search(s, max(0, pos - 200), lo) if not pcts and not stops else None
    if far:  # a share heading a long subject: "24% of the respondents prioritize ... and are against a ceasefire"
        value = share_value(far.group(1))
        return value / 100.0, value > 50.0, far.start(1)
    after = _PAREN_PCT.match(s, end) or _MOVED_TO_PCT.match(s, end)
    if after:
        value = share_value(after.group(1))
        return value / 100.0, value > 50.0, after.start(1)
    clause = before[clause_start:]
    return 1.0, bool(lex.MAJORITY.search(clause)), -1


_UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}
_FRACTIONS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5}


def _number(word: str) -> float:
    word = word.lower()
    if word[0].isdigit():
        return float(word)
    parts = re.split(r"[- ]", word)
    return float(sum(_TENS.get(p, _UNITS.get(p, 1 if p == "a" else 0)) for p in parts))


def share_value(expr: str) -> float:
    """A share in percent from a `PERCENT` match: "46%" -> 46, "Sixty-one percent" -> 61,
    "six in 10" -> 60, "one in three" -> 33.3, "two-thirds of" -> 66.7."""
    tokens = re.findall(r"\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?", expr.lower())
    if len(tokens) >= 3 and tokens[1] in ("in", "out"):
        return 100.0 * _number(tokens[0]) / _number(tokens[-1])
    for i, t in enumerate(tokens):
        base = t.split("-")[-1]
        if base in _FRACTIONS:
            head = tokens[i - 1] if "-" not in t and i else t.split("-")[0]
            return 100.0 * _number(head if head != base else "one") / _FRACTIONS[base]
    return _number(tokens[0].replace("-", " ") if not tokens[0][0].isdigit() else tokens[0]) if tokens else 0.0


def has_share(s: str) -> bool:
    """Does `s` state a share ("46%", "six in 10", "two-thirds of")? A literal pre-check
    first: `PERCENT` with its number words is slow to run over whole sentences."""
    return _SHARE_HINT.search(s) is not None and lex.PERCENT.search(s) is not None


def merge_poll_breakdown(found: list, prev: Any, reports: list[tuple[Any, bool]], carry: Any,
                         gap: int = 0) -> list[tuple[Any, bool]]:
    """A poll breakdown running over two sentences ("46% support a deal ... In contrast,
    18% opposed it") is one report with the stance of the larger share: of two adjacent
    units' reports by one holder with opposite stances, both carrying shares, the smaller
    share's report is dropped (set to None in `found`, left out of `reports`). `gap` is the
    number of reports in `found` after `prev`'s (a sentence between the two that only
    elaborates one side: "A significant part of those who advocate an early end ...")."""
    keep = []
    n_prev = len(prev.shares)
    base = len(found) - gap - n_prev
    for (rep, maj), share in zip(reports, carry.shares, strict=True):
        drop = False
        for i, pshare in enumerate(prev.shares):
            old = found[base + i]
            if old is None or share is None or pshare is None:
                continue
            o = old[0]
            if o.holder == rep.holder and {o.stance, rep.stance} == {"positive", "negative"}:
                if share < pshare:
                    drop = True
                elif share > pshare:
                    found[base + i] = None
        if not drop:
            keep.append((rep, maj))
    carry.shares = []  # the merged unit does not take part in a further merge
    return keep
