"""Reported public sentiment: who, in the text, is said to feel what about the topic.

A *sentiment report* is a statement in the text that attributes an attitude toward
the topic to a group of people: "Some residents have expressed negative views",
"Parents of North Korean soldiers are growing increasingly anxious", "76% of
Russians support the war", a resident's quotation. It is not the tone of the
article: "around 3,000 soldiers have been killed" is grim news but reports nobody's
feeling and yields no record.

How one report is decided, per *unit* (a sentence, or consecutive sentences one
quotation spans):

1. **Stance cues** outside quotation marks (`sentiment_lexicon.NEGATIVE_CUES`,
   `POSITIVE_CUES`, `MIXED_CUES`) give polarity and strength. A negator up to
   18 tokens earlier in the same clause flips a cue ("not something they can
   justify" -> negative). Stance is toward the war: backing peace (talks, a
   ceasefire, a deal, an end to the war) is negative, opposing it positive.
   Comparatives ("more people view X negatively than positively") give the first
   side and mark a majority statement. One-word affect cues that also describe
   things ("suffer", "fear", "support", "hope") count only when the unit says who
   feels them (a holder noun, a pronoun continuing the last holder, a speaker, a
   poll); opinion words ("oppose", "protest", "praise", "refuse to serve") count alone.
2. With no cue outside quotes, a **quotation** of five words or more carries the
   stance: the domain lexicon (duty, honour, dying for the fatherland -> positive;
   wrong, dying for nothing, how must their parents feel -> negative) and cues
   inside it, plus half its VADER compound. It needs at least one such hit, so a
   spokesman quoting casualty figures reports no one's feeling.
3. **Holder**: the holder noun nearest the cue (before it preferred; "complaints
   from X", "anger among X" name X). Objects and agents of a cue ("criticism of the
   government", "abandoned by the state") and officials inside a phrase
   ("appealing to authorities") are not holders; soldiers hold a feeling only as a
   subject or speaker. A quotation's holder is its speaker, or the group the quote
   names as the subject of its feeling ("Worried parents are ..."). With no noun:
   the previous unit's holder, then ``public`` in a poll or for a bare opinion noun
   ("Support for the war remains strong"), ``other`` for a named person quoted.
   Poll context (a survey word or a percentage) lasts one more sentence; in it
   residents become ``public``, and so does any holder when respondents are named.
4. **Clauses** split at contrast markers (but, however, while, despite...). One
   holder with both polarities gets one ``mixed`` report, unless shares decide: a
   cue's percentage (before it, or in brackets after) counts once per figure; a
   side holding more than half wins, else a side needs 1.5x the other's share.
5. **Score** in [-1, 1]: the signed sum of cue strengths (plus a quarter of an
   agreeing quote score), clipped; with shares, the winning share of the total;
   for ``mixed``, the balance (P - N) / (P + N) halved.

Article verdict (`overall`): ``none`` with no report. If any report is a majority
statement (a comparative, "most", "the majority", a share above half), the
majority reports decide: one stance -> that stance, both -> ``mixed``. Otherwise
each report counts 1 (``mixed`` 0.5 to each side) and the side with at least
two thirds of the weight wins, else ``mixed``. `tone` is the document's VADER
compound (VADER's lexicon, negation, boosters and normalisation in one linear pass),
kept apart as a secondary number.

Speed: cues are searched only in units holding a gate word (`CUE_TRIGGER_STEMS`),
and only at word starts up to 60 characters before one; VADER runs on quotes only.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import vaderSentiment.vaderSentiment as _vader
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from extractors import sentiment_lexicon as lex
from extractors.model import SentimentAnalysis, SentimentReport
from extractors.sentences import sentence_spans

_I = re.IGNORECASE

# ---------------------------------------------------------------------------------------
# compiled at import: one alternation per concern, named groups map back to the tables
_CUE_TABLE: list[tuple[int, float]] = []
for _pol, _cues in ((-1, lex.NEGATIVE_CUES), (1, lex.POSITIVE_CUES), (0, lex.MIXED_CUES)):
    for _frag, _strength in _cues:
        _CUE_TABLE.append((_pol, _strength))


def _cue_regex(flags: int = 0) -> re.Pattern[str]:
    """All cues in one flat alternation of whole fragments, in table order (where two
    cues start at the same word, the earlier one wins); group ``c<index>`` names the cue.
    Measured: about 3x faster in Python's re than splitting fragments into alternatives.
    Compiled case-sensitive and run on lower-cased text: the fragments are lower case, and
    without IGNORECASE the engine skips an alternative on its first letter."""
    frags = [c for cues in (lex.NEGATIVE_CUES, lex.POSITIVE_CUES, lex.MIXED_CUES) for c in cues]
    return re.compile(r"\b(?=[a-z])(?:" + "|".join(f"(?P<c{i}>{f})" for i, (f, _) in enumerate(frags)) + r")\b", flags)


_CUE_RE = _cue_regex()  # on lower-cased text
_CUE_RE_I = _cue_regex(_I)  # for the rare text whose length lower-casing changes
_CUE_NEEDS: dict[int, re.Pattern[str]] = {
    i: lex.CUE_NEEDS_BEFORE[f]
    for i, (f, _) in enumerate(c for cues in (lex.NEGATIVE_CUES, lex.POSITIVE_CUES, lex.MIXED_CUES) for c in cues)
    if f in lex.CUE_NEEDS_BEFORE
}

_HOLDER_CLASSES: list[str] = []
_holder_parts: list[str] = []
for _cls, _frag in lex.HOLDER_PATTERNS:
    _holder_parts.append(f"(?P<h{len(_HOLDER_CLASSES)}>{_frag})")
    _HOLDER_CLASSES.append(_cls)
_HOLDER_RE = re.compile(r"\b(?=[a-z0-9])(?:" + "|".join(_holder_parts) + r")\b")  # on lower-cased text
_HOLDER_RE_I = re.compile(_HOLDER_RE.pattern, _I)  # when lower-casing changes the length
_HOLDER_CASED_CLASSES = [cls for cls, _ in lex.HOLDER_PATTERNS_CASED]
_HOLDER_CASED_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<k{i}>{frag})" for i, (_, frag) in enumerate(lex.HOLDER_PATTERNS_CASED)) + r")\b"
)


def _weighted(table: tuple[tuple[str, float], ...]) -> tuple[re.Pattern[str], list[float]]:
    parts = [f"(?P<d{i}>{frag})" for i, (frag, _) in enumerate(table)]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b", _I), [w for _, w in table]


_DOM_POS_RE, _DOM_POS_W = _weighted(lex.DOMAIN_POSITIVE)
_DOM_NEG_RE, _DOM_NEG_W = _weighted(lex.DOMAIN_NEGATIVE)

_PLACES_RE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(lex.KNOWN_PLACES, key=len, reverse=True)) + r")\b"
)
_CLOSE_QUOTES = frozenset(c for _, c in lex.QUOTE_PAIRS)
_QUOTE_OPEN = re.compile("[" + "".join(re.escape(o) for o, _ in lex.QUOTE_PAIRS) + "]")
_PAREN_PCT = re.compile(r"[^.;()]{0,40}?\((\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent|percent)")
_RESPONDENTS = re.compile(r"\b(?:respondents|those (?:polled|surveyed|asked|questioned)|people (?:polled|surveyed))\b", _I)
_SOURCE_PREP = re.compile(r"\s*(?:(?:and|or|,)\s+[\w-]+\s+)?(?:from|among|amongst|within|inside)\s+(?:[\w'’-]+\s+){0,3}$", _I)
_QUANTIFIER_OF = re.compile(
    r"^\W*(?:\w+\s+){0,2}(?:group|groups|dozens|hundreds|thousands|many|some|most|all|majority|couple|few|several|\d+)\s+of\s+(?:(?:the|its|their|[A-Z][\w’'-]+)\s+){0,2}$",
    _I,
)
_IN_PHRASE = re.compile(
    r"\b(?:to|at|with|against|by|of|from|toward|towards|on|for|into)\s+(?:the\s+|their\s+|its\s+|local\s+|federal\s+)?(?-i:[A-Z][\w.-]*\s+){0,2}$", _I
)
_POSSESSED_KIN = re.compile(r"\b(?:their|her|his)\s+(?:[\w-]+\s+){0,2}(?:husbands?|sons?|children|daughters?|loved ones)\b", _I)
_TOKEN = re.compile(r"[\w'’]+")
_CLAUSE_STOP = re.compile(r"[,;:()–—]|\b(?:but|however|while|whereas|although|though|yet)\b", _I)
_SUPPORT_LIKE = re.compile(r"(?:support|back|approv|endors|welcom|favou?r|prefer)", _I)
_OPPOSE_LIKE = re.compile(r"(?:oppos|against|reject|refus)", _I)
_TARGET_PREP = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:of|to|in|against|toward|towards|at|with|on|by|outside|near|before|in front of)\W+(?:\w+\W+){0,3}$", _I
)
_ATTRIBUTIVE_HOLDERS = frozenset({"officials", "soldiers"})
_BARE_QUANTIFIERS = frozenset({"many", "some", "others", "most"})
# a sentence that only attributes the quotation before it: '"...Where do we go?" 51-year-old Hoda Adly said.'
_ATTRIBUTION_ONLY = re.compile(
    r"\s*(?:[\w’'.,-]+\s+){0,6}?(?:said|says|told|tells|added|explained|recalled|wrote|asked|insisted)\b[^.!?]{0,80}[.!?]?\s*$", _I
)
# "..., says foreign soldier Ares": the holder named as the speaker right after a cue
_SPEAKER_BEFORE = re.compile(r"[,”\"]\s*(?:says?|said|told|tells|added|explained|recalled)\s+(?:[\w’'-]+\s+){0,3}$", _I)
# "the fatigue that he and his unit are experiencing": the holder as the subject of feeling
_EXPERIENCER_AFTER = re.compile(r"\s+(?:(?:are|is|were|was|have been|had been)\s+)?(?:experienc|feel|felt|suffer|endur|describ|express|voic)", _I)
# a person speaking, with no group noun: "the 27-year-old says", "said Moumen Abou Wassam"
_PERSON_SPEAKER = re.compile(
    r"\b(?:the|a|an)\s+\d{1,3}-year-old\b|\b(?:said|says|told|tells|added)\s+(?:Mr\.?\s|Ms\.?\s|Mrs\.?\s|Dr\.?\s)?[A-Z][a-z]+\s+[A-Z][a-z]+"
    r"|\b[A-Z][a-z]+\s+[A-Z][a-z]+,?\s+(?:\d{1,3},\s+)?(?:said|says|told|tells)\b|[,”\"]\s+(?:\d{1,3}-year-old\s+)?[A-Z][a-z]+\s+(?:said|says|told|tells)\b"
)
# a holder noun right after a transitive verb or a possessive is an object: "killing people", "fight my own people"
_OBJECT_BEFORE = re.compile(r"\b(?:\w+ing|kill\w*|fight|arrest\w*|attack\w*|send|sent|shoot|shot|my|our|your|own)\s+$", _I)

_VADER = SentimentIntensityAnalyzer()
_VADER_LEX: dict[str, float] = _VADER.lexicon
_VADER_BOOSTERS: dict[str, float] = _vader.BOOSTER_DICT
_VADER_NEGATE = frozenset(_vader.NEGATE) | {"not", "never", "no", "nor", "none", "nobody", "nothing", "without"}
_VADER_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


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
_SHARE_HINT = re.compile(r"%|per\s?cent|\bin\s(?:10|ten|three|four|five)\b|\bout\sof\b|\b(?:thirds?|quarters?|fifths?)\b|\bhalf\sof\b", _I)


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
    starts: set[int] = set()
    for pos, late in hits:
        if late:
            starts.update(w.start() for w in _WORD_START.finditer(s, max(0, pos - 60), pos + 1))
        else:
            starts.add(pos)
    out: list[re.Match[str]] = []
    end = -1
    low = s.lower()
    cue_re = _CUE_RE
    if len(low) != len(s):
        low, cue_re = s, _CUE_RE_I
    for pos in sorted(starts):
        if pos < end:
            continue
        m = cue_re.match(low, pos)
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


@dataclass(frozen=True, slots=True)
class _Holder:
    start: int
    end: int
    cls: str


# ---------------------------------------------------------------------------------------
def extract_sentiment(text: str) -> SentimentAnalysis:
    """All sentiment reports in `text`, the article verdict and the document tone."""
    if not text or not text.strip():
        return SentimentAnalysis(reports=[], overall="none", tone=0.0)
    quotes = _quote_spans(text)
    found: list[tuple[SentimentReport, bool]] = []
    prev_holder: _Carry | None = None
    q_ends = [qe for _, qe in quotes]
    doc_hits = _gate_hits(text)
    hit_pos = [p for p, _ in doc_hits] if doc_hits is not None else []
    for start, end in _candidate_units(text, quotes, q_ends, hit_pos if doc_hits is not None else None):
        if end < 0:  # a paragraph with no gate word and no quotation: it only hands on its last sentence
            prev_holder = _Carry(region=(start, -end), text=text)
            continue
        k = bisect_right(q_ends, start)
        unit_quotes = []
        while k < len(quotes) and quotes[k][0] < end:
            qs, qe = quotes[k]
            unit_quotes.append((max(qs, start) - start, min(qe, end) - start))
            k += 1
        unit_hits = None
        if doc_hits is not None:
            unit_hits = [
                (p - start, late)
                for p, late in doc_hits[bisect_left(hit_pos, start) : bisect_left(hit_pos, end)]
                if not any(qs <= p - start < qe for qs, qe in unit_quotes)
            ]
        reports, holder_seen = _analyse_unit(text, start, end, unit_quotes, prev_holder, unit_hits)
        if prev_holder is not None and prev_holder.shares and holder_seen.shares:
            reports = _merge_poll_breakdown(found, prev_holder, reports, holder_seen)
        found.extend(reports)
        prev_holder = holder_seen
    found = [f for f in found if f is not None]
    reports = [r for r, _ in found]
    return SentimentAnalysis(reports=reports, overall=overall_verdict(found), tone=document_tone(text))


def _merge_poll_breakdown(
    found: list, prev: _Carry, reports: list[tuple[SentimentReport, bool]], carry: _Carry
) -> list[tuple[SentimentReport, bool]]:
    """A poll breakdown running over two sentences ("46% support a deal ... In contrast,
    18% opposed it") is one report with the stance of the larger share: of two adjacent
    units' reports by one holder with opposite stances, both carrying shares, the smaller
    share's report is dropped (set to None in `found`, left out of `reports`)."""
    keep = []
    n_prev = len(prev.shares)
    base = len(found) - n_prev
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


def document_tone(text: str) -> float:
    """Document tone: VADER's lexicon, negation and booster rules and its normalisation
    (from the vaderSentiment package), summed over the whole text in one linear pass.

    `SentimentIntensityAnalyzer.polarity_scores` on a whole article costs about 0.6 s
    per MB (its "but" rule is quadratic), more than the rest of the extractor; this
    pass gives the same compound on short texts without the punctuation, capitals and
    "but" adjustments. Secondary: the tone, not anyone's reported view.
    """
    words = _VADER_WORD.findall(text.lower())
    lexicon, boosters, negate = _VADER_LEX, _VADER_BOOSTERS, _VADER_NEGATE
    total = 0.0
    for i in [i for i, w in enumerate(words) if w in lexicon and w not in boosters]:
        v = lexicon[words[i]]
        if i:
            b = boosters.get(words[i - 1])
            if b:
                v += b if v > 0 else -b
        if negate.intersection(words[max(0, i - 3):i]):
            v *= _vader.N_SCALAR
        total += v
    return round(float(_vader.normalize(total)), 4)


def overall_verdict(found: list[tuple[SentimentReport, bool]]) -> str:
    """The article verdict from (report, is_majority_statement) pairs (rule in the module doc)."""
    if not found:
        return "none"
    majority = {r.stance for r, is_majority in found if is_majority}
    if majority:
        if majority == {"negative"}:
            return "negative"
        if majority == {"positive"}:
            return "positive"
        return "mixed"
    neg = pos = 0.0
    for r, _ in found:
        if r.stance == "negative":
            neg += 1
        elif r.stance == "positive":
            pos += 1
        else:
            neg += 0.5
            pos += 0.5
    if neg >= 2 * pos:
        return "negative"
    if pos >= 2 * neg:
        return "positive"
    return "mixed"


# ---------------------------------------------------------------------------------------
def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotation spans (marks included) of at least MIN_QUOTE_WORDS words; unclosed curly
    quotes run to the end of their paragraph."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    openers = dict(lex.QUOTE_PAIRS)
    pos = 0
    for m in _QUOTE_OPEN.finditer(text):
        i = m.start()
        if i < pos:
            continue
        ch = text[i]
        limit = text.find("\n", i)
        limit = n if limit < 0 else limit
        j = text.find(openers[ch], i + 1, limit)
        if j < 0:
            if ch == '"':
                continue
            j = limit - 1  # an unclosed curly quote runs to the end of its paragraph
        spans.append((i, j + 1))
        pos = j + 1
    # single-quoted speech ('we are living in hell'), only outside double quotes
    for m in lex.SINGLE_QUOTE.finditer(text):
        if not any(s <= m.start() < e for s, e in spans) and "\n" not in m.group(0):
            spans.append((m.start(), m.end()))
    spans.sort()
    return [(s, e) for s, e in spans if len(_TOKEN.findall(text, s, e)) >= lex.MIN_QUOTE_WORDS]


def _candidate_units(
    text: str, quotes: list[tuple[int, int]], q_ends: list[int], hit_pos: list[int] | None
) -> Iterator[tuple[int, int]]:
    """The units of `text`, paragraph by paragraph; a paragraph with no cue gate word and no
    quotation can report nothing and is not split: it comes as (start, -end)."""
    if hit_pos is None:
        yield from _units(text, quotes)
        return
    n = len(text)
    ps = 0
    while ps < n:
        pe = text.find("\n", ps)
        pe = n if pe < 0 else pe
        if text[ps:pe].strip():
            k = bisect_left(hit_pos, ps)
            has_hit = k < len(hit_pos) and hit_pos[k] < pe
            j = bisect_right(q_ends, ps)
            has_quote = j < len(quotes) and quotes[j][0] < pe
            if has_hit or has_quote:
                yield from _units(text, quotes, ps, pe)
            else:
                yield ps, -pe
        ps = pe + 1


def _units(text: str, quotes: list[tuple[int, int]], lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of text[lo:hi], merged where one quotation runs across sentences."""
    starts = [q[0] for q in quotes]
    units: list[tuple[int, int]] = []
    if hi is None:
        hi = len(text)
    spans = sentence_spans(text) if (lo, hi) == (0, len(text)) else ((lo + a, lo + b) for a, b in sentence_spans(text[lo:hi]))
    for s, e in spans:
        if units and s < units[-1][1]:
            s = units.pop()[0]
        end = e
        k = bisect_left(starts, s)
        while k < len(quotes) and quotes[k][0] < end:
            end = max(end, quotes[k][1])
            k += 1
        if units and end - s <= 120 and text[units[-1][1] - 1 : units[-1][1]] in _CLOSE_QUOTES and _ATTRIBUTION_ONLY.match(text, s, end):
            s = units.pop()[0]
        units.append((s, end))
    return units


def _mask(unit: str, quotes: list[tuple[int, int]]) -> str:
    if not quotes:
        return unit
    parts, last = [], 0
    for s, e in quotes:
        parts.append(unit[last:s])
        parts.append(" " * (e - s))
        last = e
    parts.append(unit[last:])
    return "".join(parts)


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
        idx = int(m.lastgroup[1:])  # type: ignore[index]
        needs = _CUE_NEEDS.get(idx)
        if needs is not None and not needs.search(s, max(0, m.start() - 60), m.start()):
            continue
        pol, strength = _CUE_TABLE[idx]
        word = m.group(0)
        if pol != 0:
            after = s[m.end(): m.end() + lex.PEACE_OBJECT_WINDOW]
            after = _CLAUSE_STOP.split(after, maxsplit=1)[0]
            if lex.PEACE_OBJECTS.search(after) or lex.PEACE_OBJECTS.search(word, 1):  # "back such a deal"
                if pol > 0 and _SUPPORT_LIKE.search(word):
                    pol = -1
                elif pol < 0 and _OPPOSE_LIKE.search(word):
                    pol = 1
            if _negated(s, m.start()):
                pol = -pol
        weight, majority, pct_at = _share(s, m.start(), m.end())
        cues.append(_Cue(m.start(), m.end(), pol, strength, weight, majority, pct_at))
    cues.sort(key=lambda c: c.start)
    return cues


def _negated(s: str, pos: int) -> bool:
    window_start = max(0, pos - 120)
    before = s[window_start:pos]
    stops = list(_CLAUSE_STOP.finditer(before))
    if stops:
        before = before[stops[-1].end():]
    tokens = _TOKEN.findall(before)[-lex.NEGATION_WINDOW_TOKENS:]
    if not tokens:
        return False
    chunk = " ".join(tokens)
    if lex.NEGATION_EXCEPTIONS.search(chunk):
        return False
    return bool(lex.NEGATORS.search(chunk))


def _share(s: str, pos: int, end: int) -> tuple[float, bool, int]:
    """Percentage attached to a cue: the nearest before it in its clause, or one in
    parentheses right after it ("pride for Russia (23 percent each)"). Returns
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
    after = _PAREN_PCT.match(s, end)
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


class _Carry:
    """What a unit hands to the next one, computed on demand: its holder ("Lee expressed
    his devastation" continues "One such defector is Lee") and whether it was about a poll
    ("Fear was the most common answer" continues "In a new survey ...")."""

    __slots__ = ("_masked", "_cls", "_unit", "_poll", "speaker", "shares", "_region", "_text")

    def __init__(
        self,
        masked: str | None = None,
        cls: str | None = None,
        unit: str = "",
        poll: bool | None = None,
        speaker: bool = False,
        region: tuple[int, int] | None = None,
        text: str = "",
    ) -> None:
        self._masked = masked
        self._cls = cls
        self._unit = unit
        self._poll = poll
        self.speaker = speaker  # a quotation with its speaker named here ("..., he told AFP")
        self.shares: list[float | None] = []  # per report of this unit: the winning side's poll share
        self._region = region  # a paragraph not split yet: its last sentence is the unit
        self._text = text

    def _split(self) -> None:
        if self._region is not None:
            lo, hi = self._region
            spans = list(sentence_spans(self._text[lo:hi]))
            self._unit = self._text[lo + spans[-1][0] : lo + spans[-1][1]] if spans else ""
            self._masked = self._unit
            self._region = None

    def get(self) -> str | None:
        self._split()
        if self._masked is not None:
            hs = _holders(self._masked)
            seen = _pick_holder([h for h in hs if h.cls not in lex.WEAK_HOLDERS], self._masked, None, len(self._masked))
            self._cls = seen.cls if seen else (hs[-1].cls if hs else None)
            self._masked = None
        return self._cls

    @property
    def poll(self) -> bool:
        self._split()
        if self._poll is None:
            self._poll = bool(lex.POLL_CONTEXT.search(self._unit) or has_share(self._unit))
        return self._poll


@lru_cache(maxsize=1024)
def _holders(s: str) -> tuple[_Holder, ...]:
    """Holder nouns in `s` (cached: a unit is looked at again as the next unit's carry-over)."""
    low = s.lower()
    found = (
        [(m.start(), m.end(), _HOLDER_CLASSES[int(m.lastgroup[1:])]) for m in _HOLDER_RE.finditer(low)]  # type: ignore[index]
        if len(low) == len(s)
        else [(m.start(), m.end(), _HOLDER_CLASSES[int(m.lastgroup[1:])]) for m in _HOLDER_RE_I.finditer(s)]  # type: ignore[index]
    )
    cased = [(m.start(), m.end(), _HOLDER_CASED_CLASSES[int(m.lastgroup[1:])]) for m in _HOLDER_CASED_RE.finditer(s)]  # type: ignore[index]
    if cased:  # merge: leftmost first, the longer at one position, no overlaps
        found.sort()
        merged: list[tuple[int, int, str]] = []
        for a, b, cls in sorted(found + cased, key=lambda x: (x[0], x[0] - x[1])):
            if not merged or a >= merged[-1][1]:
                merged.append((a, b, cls))
        found = merged
    return tuple(_Holder(a, b, cls) for a, b, cls in found)


def _pick_holder(
    holders: Sequence[_Holder],
    s: str,
    cue: _Cue | None,
    anchor: int,
    cues: list[_Cue] | None = None,
    anchor_end: int | None = None,
) -> _Holder | None:
    """The holder nearest the cue (or anchor), preceding ones preferred.

    Skipped: nouns that are the object of a cue ("criticism of the government"),
    nouns far after the cue, and weak holders (soldiers) unless they open their
    clause before the cue ("Soldiers complain ...")."""
    pos = cue.start if cue is not None else anchor
    if anchor_end is None:
        anchor_end = pos
    best, best_cost = None, float("inf")
    for h in holders:
        if h.cls in _ATTRIBUTIVE_HOLDERS and any(
            c.end <= h.start and _is_object(s[c.end:h.start]) for c in (cues or ([cue] if cue else []))
        ):
            continue
        if h.cls == "officials" and _IN_PHRASE.search(s, max(0, h.start - 30), h.start) and (
            len(holders) > 1 or (cue is not None and h.start >= cue.end)
        ):
            continue  # "appealing to authorities": officials inside a phrase are not the subject
        source = cue is not None and h.start >= cue.end and (
            bool(_SOURCE_PREP.match(s, cue.end, h.start))
            or (h.start - cue.end <= 30 and bool(_EXPERIENCER_AFTER.match(s, h.end)))
        )
        speaker = (
            cue is not None
            and not source
            and 0 <= h.start - cue.end <= 60
            and bool(_SPEAKER_BEFORE.search(s, max(0, h.start - 40), h.start))
        )
        if source:  # "complaints from Russian troops", "opposition among the people"
            cost: float = 0
        elif speaker:  # named as the speaker right after the cue: a holder before the cue still wins
            cost = 40
        elif h.end <= pos:
            cost = pos - h.end
        elif cue is None:  # the speaker of a quotation: after it is as good as before
            cost = h.start - anchor_end
        elif h.start - pos <= 60:
            cost = (h.start - pos) * 1.5 + 10
        else:
            continue
        if h.cls in lex.WEAK_HOLDERS and not source and not speaker:
            if cue is None:
                cost += 30  # "..., says Artem Ruban, a soldier in the battalion"
            elif h.end > pos or not _opens_clause(s, h.start):
                continue
        if cost < best_cost:
            best, best_cost = h, cost
    return best


def _is_object(between: str) -> bool:
    return len(between) <= 40 and bool(_TARGET_PREP.match(between))


def _opens_clause(s: str, pos: int) -> bool:
    before = s[max(0, pos - 80):pos]
    stops = list(_CLAUSE_STOP.finditer(before))
    if stops:
        before = before[stops[-1].end():]
    before = re.sub(r"[.!?]\s", " ", before)
    if _QUANTIFIER_OF.search(before):  # "A group of Israeli reservists", "Dozens of soldiers"
        return True
    return len(_TOKEN.findall(before)) <= 4 and not re.search(r"\b(?:of|to|sent|send|sending|deployed|killed|with|against)\s+(?:\w+\s+){0,3}$", before, _I)


def _quote_score(q: str, cues: list[_Cue] | None = None) -> tuple[float, bool]:
    """(score, has_lexicon_hit) of a quotation: domain lexicon + stance cues + VADER compound / 2
    (VADER's lexicon in one linear pass: `polarity_scores` costs ~0.3 ms on a long quote)."""
    score, hits = 0.0, 0
    for m in _DOM_POS_RE.finditer(q):
        score += _DOM_POS_W[int(m.lastgroup[1:])]  # type: ignore[index]
        hits += 1
    for m in _DOM_NEG_RE.finditer(q):
        score -= _DOM_NEG_W[int(m.lastgroup[1:])]  # type: ignore[index]
        hits += 1
    for c in _find_cues(q) if cues is None else cues:
        if c.polarity:
            score += c.polarity * c.strength
            hits += 1
    if hits:
        score += lex.VADER_WEIGHT * document_tone(q)
    return score, hits > 0


def _quote_subject(q: str, inner_cues: list[_Cue] | None = None) -> str | None:
    """The holder a quotation itself names as the subject of its first stance cue
    ("More people view ... negatively", "Worried parents are ..."), or None."""
    cues = [c for c in (_find_cues(q) if inner_cues is None else inner_cues) if c.polarity or c.strength]
    if not cues:
        return None
    first = cues[0]
    best = None
    for h in _holders(q):
        if h.cls in lex.WEAK_HOLDERS or q.startswith(("’s", "'s"), h.end):  # "Netanyahu's war" is a target
            continue
        if h.cls in ("public", "residents") and _OBJECT_BEFORE.search(q, max(0, h.start - 20), h.start):
            continue
        if h.start <= first.end and first.start - h.end <= 40:
            between = q[h.end:first.start] if h.end <= first.start else ""
            if not _CLAUSE_STOP.search(between) and not re.match(r"\s*(?:were|are|was|is|have been|had been)\s+(?:killed|sent|deployed|wounded)", between, _I):
                best = h
        elif 0 <= h.start - first.end <= 12 and q[first.end:h.start].strip().lower() in ("among", "among the"):
            best = best or h
    return best.cls if best else None


def _location(unit: str, masked: str) -> str | None:
    """The first place named (outside quotes first); at one position the longer name wins."""
    for s in (masked, unit):
        found = [m for m in (_PLACES_RE.search(s), lex.PLACE_PATTERN.search(s)) if m]
        if found:
            m = min(found, key=lambda m: (m.start(), -len(m.group(1))))
            return m.group(1)
    return None


def _analyse_unit(
    text: str,
    start: int,
    end: int,
    quotes: list[tuple[int, int]],
    prev_holder: _Carry | None,
    hits: list[tuple[int, bool]] | None = None,
) -> tuple[list[tuple[SentimentReport, bool]], _Carry]:
    unit = text[start:end]
    masked = _mask(unit, quotes)
    cues = _find_cues(masked, hits)
    if not cues and not quotes:
        return [], _Carry(masked, unit=unit)
    quote_text = " ".join(unit[s:e].strip("“”„«»\"'‘’ ") for s, e in quotes) if quotes else None
    quote_cues = _find_cues(quote_text) if quote_text else []
    if not cues:
        qs, has_hit = _quote_score(quote_text or "", quote_cues)
        if not has_hit or abs(qs) < lex.QUOTE_SCORE_THRESHOLD:
            return [], _Carry(masked, unit=unit, speaker=bool(lex.REPORTING_CUES.search(masked)))
    holders_out = _holders(masked)
    own_poll = bool(lex.POLL_CONTEXT.search(unit) or has_share(masked))
    poll = own_poll or (prev_holder is not None and prev_holder.poll)
    quote_score = 0.0

    # who is mentioned here, for the next unit's carry-over
    seen = _pick_holder([h for h in holders_out if h.cls not in lex.WEAK_HOLDERS], masked, None, len(masked))
    seen_cls = seen.cls if seen else (holders_out[-1].cls if holders_out else None)

    items: list[tuple[str, int, float, bool, float, int]] = []  # holder, polarity, strength, majority, share, share pos
    if cues:
        clauses = _clauses(masked)
        for c0, c1 in clauses:
            ccues = [c for c in cues if c0 <= c.start < c1]
            if not ccues:
                continue
            # the first cue that names a holder decides ("pride ..., anxiety pervades society")
            for c in ccues:
                holder, named = _resolve_holder(masked, holders_out, c, unit, quotes, prev_holder, poll, cues)
                if named:
                    break
            if not named:
                ccues = [c for c in ccues if not _is_weak(masked, c)]
            for c in ccues:
                items.append((holder, c.polarity, c.strength, c.majority, c.weight, c.pct_at))
    elif quote_text:  # no cue outside quotes; the quote carries a stance (checked above)
        quote_score = qs
        attributed = bool(lex.REPORTING_CUES.search(masked)) or not masked.strip(" .,")
        if attributed or holders_out:
            holder = _quote_subject(quote_text, quote_cues) or _resolve_holder(
                masked, holders_out, None, unit, quotes, prev_holder, poll
            )[0]
            if poll and holder == "residents":
                holder = "public"
            # majority words inside the quote ("Most do not see ...") count as a majority report
            inner = quote_cues
            majority = any(c.majority for c in inner)
            pos = sum(c.strength for c in inner if c.polarity > 0)
            neg = sum(c.strength for c in inner if c.polarity < 0)
            if pos and neg and max(pos, neg) < 3 * min(pos, neg):  # "I am feeling sadness, I think we will win"
                items.extend((holder, c.polarity, c.strength, majority, 1.0, -1) for c in inner if c.polarity)
            else:
                items.append((holder, 1 if qs > 0 else -1, min(1.0, abs(qs)), majority, 1.0, -1))
    if not items:
        return [], _Carry(cls=seen_cls, poll=own_poll)
    if quote_text and cues:
        qs, has_hit = _quote_score(quote_text, quote_cues)
        quote_score = qs if has_hit else 0.0

    location = _location(unit, masked)
    sentence = unit
    reports: list[tuple[SentimentReport, bool]] = []
    shares: list[float | None] = []
    by_holder: dict[str, list[tuple[int, float, bool, float, int]]] = {}
    for holder, pol, strength, majority, weight, pct_at in items:
        by_holder.setdefault(holder, []).append((pol, strength, majority, weight, pct_at))
    for holder, lst in by_holder.items():
        stance, score, majority = _combine(lst, quote_score)
        shares.append(_winning_share(lst, stance))
        reports.append(
            (
                SentimentReport(
                    holder=holder,
                    stance=stance,
                    score=round(score, 3),
                    quote=quote_text,
                    location=location,
                    sentence=sentence,
                    start=start,
                    end=end,
                ),
                majority,
            )
        )
    carry = _Carry(cls=reports[-1][0].holder, poll=own_poll)
    carry.shares = shares if any(x is not None for x in shares) else []
    return reports, carry


def _clauses(s: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in lex.CONTRAST_MARKERS.finditer(s):
        if m.start() > cuts[-1]:
            cuts.append(m.start())
    cuts.append(len(s))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _resolve_holder(
    masked: str,
    holders_out: Sequence[_Holder],
    cue: _Cue | None,
    unit: str,
    quotes: list[tuple[int, int]],
    prev_holder: _Carry | None,
    poll: bool,
    cues: list[_Cue] | None = None,
) -> tuple[str, bool]:
    """(holder class, named): `named` is False when nothing in the unit says who holds
    the feeling and the holder is only the ``public`` default."""
    anchor = quotes[0][0] if quotes else len(masked)
    h = _pick_holder(holders_out, masked, cue, anchor, cues, quotes[-1][1] if quotes else None)
    cls = h.cls if h else None
    named = cls is not None
    if cls is None or (cls in lex.WEAK_HOLDERS and cue is not None):
        inner: list[_Holder] = []
        for s, e in quotes:
            inner.extend(
                _Holder(x.start + s, x.end + s, x.cls)
                for x in _holders(unit[s:e])
                if not (x.cls in ("public", "residents") and _OBJECT_BEFORE.search(unit, max(s, x.start + s - 20), x.start + s))
            )
        spoken = bool(lex.REPORTING_CUES.search(masked)) or (prev_holder is not None and prev_holder.speaker)
        hi = _pick_holder(
            [x for x in inner if x.cls not in lex.WEAK_HOLDERS and not (spoken and x.cls == "officials")], unit, None, len(unit)
        )
        carried = prev_holder.get() if prev_holder is not None else None
        if carried is not None:
            cls = carried
            named = named or bool(quotes) or bool(lex.PRONOUN_SUBJECT.search(masked))
        elif hi is not None:
            cls, named = hi.cls, True
        elif cls is None:
            # a quotation with a named speaker and no group noun: a person, not the public
            person = bool(_PERSON_SPEAKER.search(masked))
            cls = "other" if not poll and ((quotes and spoken) or person) else "public"
    if h is not None and cls == "public" and masked[h.start:h.end].lower() in _BARE_QUANTIFIERS:
        # "Residents of Goma survived ..., but many are fearful": "many" of the group named before
        group = [
            x
            for x in holders_out
            if x.end <= h.start and x.cls not in ("public", "officials") and not _IN_PHRASE.search(masked, max(0, x.start - 30), x.start)
        ]
        if group:
            cls = group[0].cls
    if cls in ("public", "other") and _POSSESSED_KIN.search(masked):
        cls, named = "families", True  # "women ... demand the return of their husbands and sons"
    if not named and lex.PRONOUN_SUBJECT.search(masked) and lex.REPORTING_CUES.search(masked):
        named = True  # "Some say we should support Russia": someone speaking for a group
    if poll:
        named = True
        if cls == "residents" or (cls != "public" and _RESPONDENTS.search(unit)):
            cls = "public"
    return cls, named


def _is_weak(masked: str, cue: _Cue) -> bool:
    """A one-word affect cue with no share attached (multi-word cues are specific constructions)."""
    if cue.pct_at >= 0 or any(ch.isspace() for ch in masked[cue.start:cue.end]):
        return False
    return bool(lex.WEAK_CUE.match(masked, cue.start))


def _winning_share(lst: list[tuple[int, float, bool, float, int]], stance: str) -> float | None:
    """The poll share behind a report: the summed distinct percentages of its side, or None."""
    sign = {"positive": 1, "negative": -1}.get(stance)
    if sign is None:
        return None
    seen: dict[int, float] = {p_at: w for p, _, _, w, p_at in lst if p_at >= 0 and p == sign}
    return sum(seen.values()) if seen else None


def _combine(lst: list[tuple[int, float, bool, float, int]], quote_score: float) -> tuple[str, float, bool]:
    """Stance, score and majority flag for one holder's cues in one unit.

    Cues carrying a percentage are counted once per share ("67% mention negative
    emotions (shame, horror, anxiety)" is one negative share of 0.67). A side holding
    more than half wins when the other does not; otherwise a side needs 1.5x the
    other's share, else the report is mixed."""
    majority = any(m for _, _, m, _, _ in lst)
    shares: dict[int, list[float]] = {}
    for p, s, _, w, at in lst:
        if at >= 0:
            shares.setdefault(at, [w, 0.0])[1] += p * s
    if shares:
        pos = sum(w for w, v in shares.values() if v > 0)
        neg = sum(w for w, v in shares.values() if v < 0)
        if pos or neg:
            if pos and neg and (pos > 0.5) == (neg > 0.5) and max(pos, neg) < 1.5 * min(pos, neg):
                return "mixed", 0.5 * (pos - neg) / (pos + neg), majority
            stance = "positive" if (pos > 0.5 >= neg) or (pos > neg and not neg > 0.5) else "negative"
            top, other = (pos, neg) if stance == "positive" else (neg, pos)
            score = min(1.0, max(0.05, top / (top + other) if other else top))
            return stance, score if stance == "positive" else -score, majority or top > 0.5
    pos = sum(s for p, s, _, _, _ in lst if p > 0)
    neg = sum(s for p, s, _, _, _ in lst if p < 0)
    mixed = sum(s for p, s, _, _, _ in lst if p == 0)
    if pos and neg:
        if max(pos, neg) >= 3 * min(pos, neg):
            stance = "positive" if pos > neg else "negative"
        else:
            return "mixed", 0.5 * (pos - neg) / (pos + neg), majority
    elif pos:
        stance = "positive"
    elif neg:
        stance = "negative"
    else:
        return "mixed", 0.0, majority
    if mixed:
        return "mixed", 0.5 * (pos - neg) / (pos + neg + mixed), majority
    magnitude = max(pos, neg)
    if quote_score * (1 if stance == "positive" else -1) > 0:
        magnitude += 0.25 * abs(quote_score)
    score = min(1.0, max(0.05, magnitude))
    return stance, score if stance == "positive" else -score, majority
