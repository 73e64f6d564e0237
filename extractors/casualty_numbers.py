"""Numbers in casualty sentences: digits, number words, ranges, bounds and vague amounts.

`quantities(sentence)` finds every figure-like quantity (`Qty`: span, min, max, qualifier);
`Found` is a quantity once the scan has given it a category. Word lists and patterns are in
`extractors.casualty_number_patterns`.
"""

from __future__ import annotations

import re

from extractors import casualty_number_patterns as N

# small patterns of the code below, compiled once (a lookup in the re module cache costs more here)
_WORD_SEP_RE = re.compile(r"[\s-]+")
_DIGIT_RE = re.compile(r"\d")
_COMMA_THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+")
_SPACE_THOUSANDS_RE = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+")
_NON_DIGIT_RE = re.compile(r"[^\d]")
_DOT_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+")
# a day or "since" right before a year ("since Oct, 7, 2023 to 4,720"): the year ends a date, the figure follows
_DATE_YEAR_BEFORE_RE = re.compile(r"(?:\b\d{1,2},?|\bsince|\bfrom)\s+$", re.IGNORECASE)
_TO_SEP_RE = re.compile(r"\s+to\s+")
_YEAR_RE = re.compile(r"(?:19|20)\d\d")
_SPACED_DASH_RE = re.compile(r"\s+[-–—]\s+")
_SPACES_RE = re.compile(r"\s+")
_DASH_SPLIT_RE = re.compile(r"\s*[-–]\s*")


def words_value(text: str) -> int | None:
    """Value of a number written in words (optionally mixed with digits): 'twenty-two', 'four-thousand-100'."""
    total = 0
    current = 0
    seen = False
    for w in _WORD_SEP_RE.split(text.lower()):
        if not w or w == "and" or (w == "a" and seen):
            continue
        if w == "half" and seen:
            current += 0.5  # "two and a half thousand"
            continue
        if w in ("a", "one") and not seen:
            current += 1
            seen = True
        elif w in N.UNITS:
            current += N.UNITS[w]
            seen = True
        elif w in N.TENS:
            current += N.TENS[w]
            seen = True
        elif w == "dozen":
            current = (current or 1) * N.DOZEN
            seen = True
        elif w in N.SCALES:
            scale = N.SCALES[w]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            seen = True
        elif w.isdigit():
            current += int(w)
            seen = True
        else:
            return None
    value = total + current
    return (int(value) if value == int(value) else None) if seen else None


def number_value(raw: str) -> tuple[float | None, bool]:
    """Value of one number and whether it carries its own scale word."""
    s = raw.strip()
    m = re.match(r"^([\d.,\s\u00a0\u202f]+?)(?:[\s-]+(hundred|thousand|million|billion)(?:[\s-]+(?:and[\s-]+)?(\d+))?)?$", s, re.I)
    if m and _DIGIT_RE.search(m.group(1)):
        digits = m.group(1).strip()
        if _COMMA_THOUSANDS_RE.fullmatch(digits) or _SPACE_THOUSANDS_RE.fullmatch(digits):
            base = float(_NON_DIGIT_RE.sub("", digits))
        elif _DOT_THOUSANDS_RE.fullmatch(digits) and not m.group(2):
            base = float(digits.replace(".", ""))
        else:
            try:
                base = float(digits.replace(",", ""))
            except ValueError:
                return None, False
        if m.group(2):
            value = base * N.SCALES[m.group(2).lower()]
            if m.group(3):
                value += int(m.group(3))
            return value, True
        return base, False
    value = words_value(s)
    has_scale = bool(re.search(r"hundred|thousand|million|billion", s, re.I))
    return (float(value) if value is not None else None), has_scale


# --- the figures ---------------------------------------------------------------------

# "another" after "one ... and", straight before a casualty participle, is one more person
_ANOTHER_ONE_RE = re.compile(
    r"\bone\b[^.;:]{0,60}?\band\s+(another)\s+(?:(?:was|were|is|has\s+been|had\s+been)\s+)?"
    r"(?:wounded|injured|hurt|killed|dead|missing|captured|kidnapped|abducted)\b", re.IGNORECASE)


class Qty:
    __slots__ = ("start", "end", "lo", "hi", "qualifier", "vague", "strong")

    def __init__(self, start: int, end: int, lo: int, hi: int, qualifier: str, vague: bool = False, strong: bool = False):
        self.start, self.end, self.lo, self.hi = start, end, lo, hi
        self.qualifier, self.vague, self.strong = qualifier, vague, strong


def quantities(sent: str) -> list[Qty]:
    out: list[Qty] = []
    taken: list[tuple[int, int]] = []
    low = sent.lower()
    lowered = len(low) == len(sent)
    for m in (N.VAGUE_LOWER_RE.finditer(low) if lowered else N.VAGUE_RE.finditer(sent)):
        phrase = m.group("vague").lower().split()
        value = N.VAGUE_VALUES.get(phrase[-1])
        if phrase[0] in ("tens", "hundreds") and len(phrase) > 1:
            value = N.VAGUE_VALUES[phrase[0]] * N.VAGUE_VALUES[phrase[-1]] // 1
            value = {"tens": 10, "hundreds": 100}[phrase[0]] * N.VAGUE_VALUES[phrase[-1]]
        elif phrase[0] in ("several", "a"):
            value = {"dozen": 12, "hundred": 100, "thousand": 1000}[phrase[-1]]
        if value is None:
            continue
        out.append(Qty(m.start(), m.end(), value, value, "vague", vague=True))
        taken.append((m.start(), m.end()))
    for m in (N.QUANTITY_LOWER_RE.finditer(low) if lowered else N.QUANTITY_RE.finditer(sent)):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        a, a_scaled = number_value(m.group("a"))
        if a is None:
            continue
        lo = hi = a
        qualifier = "exact"
        if m.group("between") and not m.group("b") and _YEAR_RE.fullmatch(m.group("a")):
            continue  # "killed between 2021 and December 2024": a span of dates
        if m.group("b"):
            b, b_scaled = number_value(m.group("b"))
            if b is None:
                continue
            if b_scaled and not a_scaled and a < b:
                # "30-35 thousand": the scale word applies to both ends
                for scale in (1_000_000_000, 1_000_000, 1000, 100):
                    if b >= scale and a * scale <= b * 1.0 + scale:
                        a = a * scale
                        break
            sep = sent[m.end("a"):m.start("b")]
            if _TO_SEP_RE.fullmatch(sep) and N.RISE_FROM_BEFORE_RE.search(sent, max(0, m.start() - 40), m.start()):
                out.append(Qty(m.start(), m.end("a"), int(a), int(a), "exact"))
                out.append(Qty(m.start("b"), m.end("b"), int(b), int(b), "exact"))
                continue
            if _TO_SEP_RE.fullmatch(sep) and (
                    _YEAR_RE.fullmatch(m.group("a")) and (a > b or not _YEAR_RE.fullmatch(m.group("b").strip())
                                                         and _DATE_YEAR_BEFORE_RE.search(sent, max(0, m.start() - 12), m.start()))
                    or N.MONTH_BEFORE_RE.search(sent, max(0, m.start() - 12), m.start())):
                # "killed since 2014 to 119", "since Oct. 27 to 78": a year or a date, then the figure
                out.append(Qty(m.start(), m.end("a"), int(a), int(a), "exact"))
                if not (a < b <= 31):  # "from May 3 to 9" is a span of days
                    out.append(Qty(m.start("b"), m.end("b"), int(b), int(b), "exact"))
                continue
            if a > b and not _DIGIT_RE.search(m.group("b")) or _SPACED_DASH_RE.fullmatch(sep):
                # "14 - seven police officers": a dash, not a range
                out.append(Qty(m.start(), m.end("a"), int(a), int(a),
                                N.QUALIFIER_WORDS.get(_SPACES_RE.sub(" ", (m.group("qual") or "").lower()).strip(), "exact")))
                continue
            lo, hi = (a, b) if a <= b else (b, a)
            qualifier = "range"
        qual = (m.group("qual") or "").lower()
        qual = _SPACES_RE.sub(" ", qual).strip()
        if qual and qualifier != "range":
            qualifier = N.QUALIFIER_WORDS.get(qual, "exact")
            if qual == "up to" and N.RISE_BEFORE_UP_TO_RE.search(sent, max(0, m.start() - 60), m.start()):
                qualifier = "exact"  # "bringing the toll up to 624": a rise, not a bound
            elif qual == "over" and N.PARTICLE_OVER_BEFORE_RE.search(sent, max(0, m.start() - 12), m.start()):
                qualifier = "exact"  # "offered to hand over two captured soldiers": a phrasal verb, not a bound
        suffix = (m.group("suffix") or "").lower().strip()
        if suffix in ("-plus", "+", "or more") and qualifier == "exact":
            qualifier = "more_than"
        if lo != int(lo) or hi != int(hi):
            continue
        out.append(Qty(m.start(), m.end(), int(lo), int(hi), qualifier, strong=suffix == "-strong"))
    if "another" in low:
        for m in _ANOTHER_ONE_RE.finditer(low if lowered else sent):
            out.append(Qty(m.start(1), m.end(1), 1, 1, "exact"))  # "one person was killed and another wounded"
    out.sort(key=lambda q: q.start)
    return _merge_glossed(sent, out)


_GLOSS_OPEN_RE = re.compile(r"\s*\(\s*")
_GLOSS_CLOSE_RE = re.compile(r"\s*\)")


def _merge_glossed(sent: str, qtys: list[Qty]) -> list[Qty]:
    """A number in words glossed by its digits is one number: "Twenty-one (21) persons were killed"."""
    i = 0
    while i + 1 < len(qtys):
        a, b = qtys[i], qtys[i + 1]
        close = _GLOSS_CLOSE_RE.match(sent, b.end)
        if (not a.vague and not b.vague and (a.lo, a.hi) == (b.lo, b.hi) and close is not None
                and _GLOSS_OPEN_RE.fullmatch(sent, a.end, b.start)):
            a.end = close.end()
            del qtys[i + 1]
        i += 1
    return qtys


def descending(raw: str) -> bool:
    parts = _DASH_SPLIT_RE.split(raw)
    try:
        return len(parts) == 2 and float(parts[0].replace(",", "")) > float(parts[1].replace(",", ""))
    except ValueError:
        return False


class Found:
    __slots__ = ("q", "category", "np", "cue", "cue_kind", "breakdown", "party", "partitive", "general")

    def __init__(self, q: Qty, category: str, np: tuple[int, int], cue: tuple[int, int], cue_kind: str,
                 breakdown: bool) -> None:
        self.q, self.category, self.np, self.cue, self.cue_kind = q, category, np, cue, cue_kind
        self.breakdown = breakdown
        self.party = "unknown"
        self.partitive = False
        self.general = False  # its party came from a general side word ("civilians"), so "and N others" may share it
