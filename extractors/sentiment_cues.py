"""Stance cues for `extractors.sentiment`: the cue gate, the cue search, and the negation and
peace-object flips that turn a cue match into a cue with polarity, strength and poll share.

`extractors.sentiment` finds the gate words (`CUE_TRIGGER_STEMS`) of a whole document once
(`_gate_hits`); `_find_cues` tries the cue alternation only at those words (and, at word starts
up to 60 characters before a gate word that can stand late in a cue, only the few cues that
hold that word's stem: the same matches as a full scan, about a third of the cost), drops cue exceptions,
capitalised names and cues without their required word before them, flips a cue under a
negator or with a peace object ("back such a deal" is war-negative), and attaches the
percentage `extractors.sentiment_shares` reads. The word lists and patterns themselves are in
`extractors.sentiment_lexicon`. Regexes over the big alternations (cues, exceptions) run
case-sensitively on lower-cased text: without IGNORECASE the engine skips an alternative on
its first letter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors import sentiment_lexicon as lex
from extractors.sentiment_shares import cue_share

_I = re.IGNORECASE

# ---------------------------------------------------------------------------------------
# compiled at import: one alternation per concern, named groups map back to the tables
_CUE_TABLE: list[tuple[int, float]] = []
for _pol, _cues in ((-1, lex.NEGATIVE_CUES), (1, lex.POSITIVE_CUES), (0, lex.MIXED_CUES)):
    for _frag, _strength in _cues:
        _CUE_TABLE.append((_pol, _strength))


_FRAGMENTS = [f for cues in (lex.NEGATIVE_CUES, lex.POSITIVE_CUES, lex.MIXED_CUES) for f, _ in cues]
_LATE_STEMS = tuple(sorted({stem.rstrip("$") for stem in lex.LATE_TRIGGER_STEMS}))


def _cue_regex(flags: int = 0, stems: frozenset[str] | None = None) -> re.Pattern[str]:
    """All cues in one flat alternation of whole fragments, in table order (where two
    cues start at the same word, the earlier one wins); group ``c<index>`` names the cue.
    Measured: about 3x faster in Python's re than splitting fragments into alternatives.
    Compiled case-sensitive and run on lower-cased text: the fragments are lower case, and
    without IGNORECASE the engine skips an alternative on its first letter.

    With `stems`, only the fragments that hold one of these late gate stems, keeping their
    indices: at a word start reached only from late gate words, no other fragment can match
    (every fragment starts with a gate word or holds a late one), and 3-4 cues a stem on
    average are tried much faster than the whole alternation."""
    chosen = [(i, f) for i, f in enumerate(_FRAGMENTS) if stems is None or any(stem in f for stem in stems)]
    if not chosen:
        return re.compile(r"(?!)")
    return re.compile(r"\b(?=[a-z])(?:" + "|".join(f"(?P<c{i}>{f})" for i, f in chosen) + r")\b", flags)


_CUE_RE = _cue_regex()  # on lower-cased text
_CUE_RE_I = _cue_regex(_I)  # for the rare text whose length lower-casing changes


@lru_cache(maxsize=1024)
def _late_regex(stems: frozenset[str]) -> re.Pattern[str]:
    """The cues that hold one of these late stems (see `_cue_regex`), compiled once per set."""
    return _cue_regex(stems=stems)


_LATE_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _stem in _LATE_STEMS:
    _LATE_BY_FIRST[_stem[0]] = _LATE_BY_FIRST.get(_stem[0], ()) + (_stem,)


def _stems_of(low: str, pos: int) -> frozenset[str]:
    """The late stems the gate word at `pos` starts with."""
    m = _TOKEN.match(low, pos)
    word = m.group(0) if m else ""
    return frozenset(stem for stem in _LATE_BY_FIRST.get(word[:1], ()) if word.startswith(stem))


_CUE_NEEDS: dict[int, re.Pattern[str]] = {
    i: lex.CUE_NEEDS_BEFORE[f]
    for i, (f, _) in enumerate(c for cues in (lex.NEGATIVE_CUES, lex.POSITIVE_CUES, lex.MIXED_CUES) for c in cues)
    if f in lex.CUE_NEEDS_BEFORE
}

_TOKEN = re.compile(r"[\w'’]+")
_ABSENCE_ONLY = re.compile(r"protest|outcry|uproar|backlash|dissent|resist|objection|opposition|patriot", _I)  # negated, these say nothing happened
# "yet" after "not"/"as"/"has" is no contrast: "has not yet led to mass protests"
_CLAUSE_STOP = re.compile(
    r"[,;:()–—]|\b(?:but|however|while|whereas|although|though|(?<!not\s)(?<!n['’]t\s)(?<!as\s)(?<!has\s)(?<!have\s)(?<!had\s)yet)\b", _I
)
_SUPPORT_LIKE = re.compile(r"(?:support|back|approv|endors|welcom|favou?r|prefer|celebrat|cheer|rejoic|hop|trust|happ|glad|pleas|satisf|delight|joy|jubila|elat|relie|optimis|thank|grate)", _I)
# joy is about the event the sentence reports, past a contrast: "Many joyful but wary Palestinians emerged
# ... at the start of the four-day Gaza ceasefire" is relief that the fighting stops (war-negative)
_JOY_LIKE = re.compile(r"joy|jubila|elat|relie|celebrat|rejoic|happ|glad|delight", _I)
# the rest of the sentence, and a short next one: "I’m very happy. It’s over, and now we can live in peace"
_SENTENCE_REST = re.compile(r"[^.!?]{0,160}(?:[.!?]\s+[^.!?]{0,40})?")
_JOY_EVENT = re.compile(r"\b(?:ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)|end of the war|armistice"
                        r"|pause in (?:the |their |its )?(?:[\w-]+ ){0,3}(?:war|fighting|hostilities)|(?:agreed|agree|agreement) to a pause"
                        r"|it[’']?s over|it is over|the war is over|war has ended|fighting (?:has )?(?:stopped|ended))\b", _I)
_OPPOSE_LIKE = re.compile(r"(?:oppos|against|reject|refus|unwilling|reluctan|unlikely)", _I)
# a negator reaches no further back than its clause or sentence ("dared not stay. We now live in fear")
# an ellipsis ends a sentence too: "hasn’t been destroyed… We only hope the war will end" is no negated hope
# and a new complement clause: "said the truce has not changed her life and that she still lives ... in fear"
# a relative clause with its own copula too: "No one ... can overcome such an army that is absolutely loyal"
_NEGATION_STOP = re.compile(_CLAUSE_STOP.pattern + r"|[.!?…][\"”’']?\s|\band\s+that\b|\b(?:that|which|who)\s+(?:is|are|was|were)\b", _I)
_NAME_BEFORE = re.compile(r"(?:[\w,-]|[\w,]\s)$")  # not after a sentence end, a quotation mark or a bracket


def _gate_regex(stems: tuple[str, ...], flags: int = 0) -> re.Pattern[str]:
    # one alternation per first letter: Python's re then tests a handful of branches per word
    groups: dict[str, list[str]] = {}
    for stem in sorted(set(stems), key=len, reverse=True):
        if stem.endswith("$"):  # a whole word: "win" but not "winter"
            rest = re.escape(stem[1:-1]) + r"(?:s|es|d|ed|ing)?\b"
        else:
            rest = re.escape(stem[1:])
        groups.setdefault(stem[0], []).append(rest)
    return re.compile(r"\b(?:" + "|".join(f"{c}(?:{'|'.join(rest)})" for c, rest in groups.items()) + ")", flags)


_GATE_LOWER = _gate_regex(lex.CUE_TRIGGER_STEMS)  # on lower-cased text: the fast yes/no test
_GATE = _gate_regex(lex.CUE_TRIGGER_STEMS, _I)  # on the text itself: positions


def has_cue_trigger(s: str) -> bool:
    """Cheap gate: does any word of `s` start with a cue stem (see CUE_TRIGGER_STEMS)?"""
    return _GATE_LOWER.search(s.lower()) is not None


_WORD_START = re.compile(r"\b(?=[a-z])", _I)
_EXCEPTION_REACH = 120
_EXCEPTIONS_LOW = re.compile(lex.CUE_EXCEPTIONS.pattern)  # the same pattern, on lower-cased text


def _gate_hits(s: str) -> list[tuple[int, bool]] | None:
    """Gate words of `s` as (position, can stand late in a cue); None when lower-casing
    changes the length of `s` (positions would not line up)."""
    low = s.lower()
    if len(low) != len(s):
        return None
    late = lex.LATE_TRIGGER_STEMS
    return [(m.start(), m.group(0).startswith(late)) for m in _GATE_LOWER.finditer(low)]


def _cue_matches(s: str, hits: list[tuple[int, bool]] | None = None) -> list[re.Match[str]]:
    """Cue matches in `s`, tried only at gate words and, for gate words that can stand
    late in a cue (`LATE_TRIGGER_STEMS`), at word starts up to 60 characters before
    them; the same result as scanning all of `s`, several times faster. `hits` are the
    gate words of `s` when the caller has them already (one gate pass per document)."""
    if hits is None:
        if not has_cue_trigger(s):
            return []
        hits = [(h.start(), h.group(0).lower().startswith(lex.LATE_TRIGGER_STEMS)) for h in _GATE.finditer(s)]
    if not hits:
        return []
    low = s.lower()
    lowered = len(low) == len(s)
    gates: set[int] = set()  # gate words: any cue may start here
    window: dict[int, frozenset[str]] = {}  # word starts before a late gate word: only cues holding its stem
    for pos, late in hits:
        if late:
            stems = _stems_of(low, pos) if lowered else frozenset()
            for w in _WORD_START.finditer(s, max(0, pos - 60), pos + 1):
                window[w.start()] = window.get(w.start(), frozenset()) | stems
        else:
            gates.add(pos)
    out: list[re.Match[str]] = []
    end = -1
    if not lowered:
        low = s
    for pos in sorted(gates | window.keys()):
        if pos < end:
            continue
        if pos in gates:
            m = (_CUE_RE if lowered else _CUE_RE_I).match(low, pos)
        else:
            m = (_late_regex(window[pos]) if lowered else _CUE_RE_I).match(low, pos)
        if m:
            out.append(m)
            end = m.end()
    return out


@dataclass(frozen=True, slots=True)
class _Cue:
    start: int  # offsets within the unit
    end: int
    polarity: int  # -1, 0, +1
    strength: float
    weight: float  # share of respondents when a percentage is attached, else 1.0
    majority: bool
    pct_at: int  # position of that percentage, -1 without one


def _find_cues(s: str, hits: list[tuple[int, bool]] | None = None) -> list[_Cue]:
    """Stance cues in `s` (a masked unit, or a quote), with negation and object flips."""
    matches = _cue_matches(s, hits)
    if not matches:
        return []
    # exceptions start at most ~100 characters before the cue they cover
    lo, hi = max(0, matches[0].start() - _EXCEPTION_REACH), min(len(s), matches[-1].end() + _EXCEPTION_REACH)
    low = s.lower()
    exc_re, exc_s = (_EXCEPTIONS_LOW, low) if len(low) == len(s) else (lex.CUE_EXCEPTIONS, s)
    exceptions = [(m.start(), m.end()) for m in exc_re.finditer(exc_s, lo, hi)]
    cues: list[_Cue] = []
    object_until = -1
    comp = lex.COMPARATIVE.search(s)
    if comp:
        first = comp.group("first").lower()
        pol = -1 if first.startswith(("neg", "oppos", "against")) else 1
        cues.append(_Cue(comp.start(), comp.end(), pol, 0.8, 1.0, True, -1))
    for m in matches:
        if comp and comp.start() <= m.start() < comp.end():
            continue
        if any(a <= m.start() < b for a, b in exceptions):
            continue
        if m.start() and s[m.start()].isupper() and _NAME_BEFORE.search(s, max(0, m.start() - 3), m.start()):
            continue  # a capitalised word inside a sentence is a name: "IS-Resilient", "Operation Hope"
        idx = int(m.lastgroup[1:])  # type: ignore[index]
        needs = _CUE_NEEDS.get(idx)
        if needs is not None and not needs.search(s, max(0, m.start() - 60), m.start()):
            continue
        pol, strength = _CUE_TABLE[idx]
        word = m.group(0)
        if m.start() < object_until:
            continue  # the object of a flipped cue ("oppose GIVING UP ANY LAND") is not a cue of its own
        if pol != 0:
            after = s[m.end(): m.end() + lex.PEACE_OBJECT_WINDOW]
            after = _CLAUSE_STOP.split(after, maxsplit=1)[0]
            obj = lex.PEACE_OBJECTS.search(after)
            if not obj and pol > 0 and _JOY_LIKE.match(word):
                rest = _SENTENCE_REST.match(s, m.end()).group(0)  # type: ignore[union-attr]
                obj = _JOY_EVENT.search(rest)
            if obj or lex.PEACE_OBJECTS.search(word, 1):  # "back such a deal"
                flipped = False
                if pol > 0 and _SUPPORT_LIKE.search(word):
                    pol, flipped = -1, True
                elif pol < 0 and _OPPOSE_LIKE.search(word):
                    pol, flipped = 1, True
                if flipped and obj and pol > 0:
                    object_until = m.end() + obj.end()
            if _negated(s, m.start()):
                if _ABSENCE_ONLY.match(word):
                    continue  # "no protests are expected": an absence of protest is not support
                pol = -pol
        weight, majority, pct_at = cue_share(s, m.start(), m.end())
        cues.append(_Cue(m.start(), m.end(), pol, strength, weight, majority, pct_at))
    cues.sort(key=lambda c: c.start)
    return cues


def _negated(s: str, pos: int) -> bool:
    window_start = max(0, pos - 120)
    before = s[window_start:pos]
    stops = list(_NEGATION_STOP.finditer(before))
    if stops:
        before = before[stops[-1].end():]
    tokens = _TOKEN.findall(before)[-lex.NEGATION_WINDOW_TOKENS:]
    if not tokens:
        return False
    chunk = " ".join(tokens)
    if lex.NEGATION_EXCEPTIONS.search(chunk):
        return False
    return bool(lex.NEGATORS.search(chunk))
