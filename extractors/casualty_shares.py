"""Figures with no cue of their own, read from the figures around them.

`list_gaps` gives a bare number between two figures of one category in a comma list that category;
`exchange_shares` reads each side's share in an exchange of the dead ("with Ukraine retrieving 212 and
Russia 45"). Both take the figures `extractors.casualties` found in a sentence and return them with the
new ones, in order; the patterns are in `extractors.casualty_patterns`.
"""

from __future__ import annotations

from extractors import casualty_patterns as P
from extractors.casualty_filters import not_a_casualty
from extractors.casualty_numbers import Found, Qty


def list_gaps(sent: str, qtys: list[Qty], found: list[Found]) -> list[Found]:
    """A bare number between two figures of one category in a comma list is a figure of that category
    ("one reporting 20 soldiers killed, another citing over a dozen, and a third confirming at least 10 fatalities")."""
    taken = {f.q.start for f in found}
    extra: list[Found] = []
    for q in qtys:
        if q.start in taken or q.vague:
            continue
        before = [f for f in found if f.q.end <= q.start]
        after = [f for f in found if f.q.start >= q.end]
        if not before or not after or before[-1].category != after[0].category or before[-1].breakdown:
            continue
        if not P.LIST_GAP_AFTER_RE.match(sent, q.end) or not P.LIST_GAP_BEFORE_RE.search(sent, before[-1].q.end, q.start) \
                or not_a_casualty(sent, q, q.start):
            continue
        if P.CLAUSE_END_RE.search(sent, before[-1].q.end, after[0].q.start):
            continue
        extra.append(Found(q, before[-1].category, (q.end, q.end), (-1, -1), "bare", False))
    return sorted(found + extra, key=lambda f: f.q.start)


def exchange_shares(sent: str, qtys: list[Qty], found: list[Found], mentions) -> list[Found]:
    """Each side's share in an exchange of the dead, named right before its number ("the bodies of fallen
    soldiers were exchanged, with Ukraine retrieving 212 and Russia 45"): killed, that side's."""
    m = P.BODIES_EXCHANGE_RE.search(sent)
    if m is None:
        return found
    taken = {f.q.start for f in found}
    extra: list[Found] = []
    for q in qtys:
        if q.start in taken or q.vague or q.start < m.end():
            continue
        side = None
        for s, e, lab in reversed(mentions):
            if e > q.start:
                continue
            verb = P.EXCHANGE_SHARE_VERB_RE.fullmatch(sent, e, q.start)
            if verb is not None and lab != "civilian" and P.EXCHANGE_SIDE_BEFORE_RE.search(sent, max(0, s - 12), s) \
                    and (verb.end() > verb.start() + 1 or extra):
                side = lab  # "with Ukraine retrieving 212", then "and Russia 45"
            break
        nxt = P.TOKEN_RE.search(sent, q.end)
        if side is None or not_a_casualty(sent, q, q.start) or (
                nxt is not None and nxt.group(0).lower() in P.THING_NOUNS):
            continue
        f = Found(q, "killed", (q.end, q.end), (-1, -1), "exchange", False)
        f.party = side
        extra.append(f)
    return sorted(found + extra, key=lambda f: f.q.start) if extra else found
