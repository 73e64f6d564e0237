"""Casualty figures in news text: every killed / wounded / casualties / captured / missing figure.

`extract_casualties(text, parties, subject=...)` returns one `CasualtyReport` per figure
as the text reports it (a claim, not a verified count). Pure and fast: sentences without
any casualty word are skipped with one regex; every pattern and word list is in
`extractors.casualty_patterns`.

How a figure is read (the conventions, also in the README):

* category: the cue right after the figure's noun phrase ("300 soldiers were killed",
  "1,100 casualties") or right before it ("killed at least 200", "death toll rose to 900");
  "killed or wounded", "casualties", personnel "losses" and "lost N soldiers" are
  `casualties`; "captured dead" is `killed`; "put the figure at N" repeats the previous
  figure's category.
* min/max: one number gives min = max; a range gives both ends; a bound ("more than N",
  "up to N") keeps min = max = N and says so in `qualifier`; vague amounts use the
  convention tens 10, dozens 12, scores 20, hundreds 100, thousands 1000.
* party: the figure's own noun phrase first ("300 North Korean troops", "11 civilians"),
  then the nearest side named in the sentence that is not the attacker or the source,
  then the article's subject, else `unknown`. Civilian words win over nationality.
* attributed_to: "according to X", "X said / estimated / claimed ...", ", said X".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from extractors import casualty_patterns as P
from extractors.model import CasualtyReport, Party
from extractors.sentences import sentence_spans

_TOKEN_RE = re.compile(r"[\w'’]+(?:[-.][\w'’]+)*|[^\w\s]")
_PERSON_OR_PARTY_HINT = P.PERSON_NOUNS


# --- numbers ---------------------------------------------------------------------------

def _words_value(text: str) -> int | None:
    """Value of a number written in words (optionally mixed with digits): 'twenty-two', 'four-thousand-100'."""
    total = 0
    current = 0
    seen = False
    for w in re.split(r"[\s-]+", text.lower()):
        if not w or w == "and":
            continue
        if w in ("a", "one") and not seen:
            current += 1
            seen = True
        elif w in P.UNITS:
            current += P.UNITS[w]
            seen = True
        elif w in P.TENS:
            current += P.TENS[w]
            seen = True
        elif w == "dozen":
            current = (current or 1) * P.DOZEN
            seen = True
        elif w in P.SCALES:
            scale = P.SCALES[w]
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
    return total + current if seen else None


def _number_value(raw: str) -> tuple[float | None, bool]:
    """Value of one number and whether it carries its own scale word."""
    s = raw.strip()
    m = re.match(r"^([\d.,\s\u00a0\u202f]+?)(?:[\s-]+(hundred|thousand|million|billion)(?:[\s-]+(?:and[\s-]+)?(\d+))?)?$", s, re.I)
    if m and re.search(r"\d", m.group(1)):
        digits = m.group(1).strip()
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits) or re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+", digits):
            base = float(re.sub(r"[^\d]", "", digits))
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", digits) and not m.group(2):
            base = float(digits.replace(".", ""))
        else:
            try:
                base = float(digits.replace(",", ""))
            except ValueError:
                return None, False
        if m.group(2):
            value = base * P.SCALES[m.group(2).lower()]
            if m.group(3):
                value += int(m.group(3))
            return value, True
        return base, False
    value = _words_value(s)
    has_scale = bool(re.search(r"hundred|thousand|million|billion", s, re.I))
    return (float(value) if value is not None else None), has_scale


# --- parties -----------------------------------------------------------------------------

class _PartyMatcher:
    """Finds party, civilian and other-side words in a string; built once per parties tuple."""

    def __init__(self, parties: tuple[Party, ...]) -> None:
        self.labels: dict[str, str] = {}
        proper: list[str] = []
        civil: list[str] = list(P.CIVILIAN_WORDS)
        for party in parties:
            for alias in party.aliases + (party.label.replace("_", " "),):
                if party.label == "civilian":
                    civil.append(alias)
                    continue
                self.labels.setdefault(alias.lower(), party.label)
                proper.append(alias)
        for w in P.OTHER_SIDE_WORDS:
            if w.lower() not in self.labels:
                self.labels[w.lower()] = "other"
                proper.append(w)
        for w in civil:
            self.labels[w.lower()] = "civilian"
        proper = sorted(set(proper), key=len, reverse=True)
        civil = sorted(set(civil), key=len, reverse=True)
        self.proper_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, proper)) + r")(?![\w])") if proper else None
        self.civil_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, civil)) + r")(?![\w-])", re.I)

    def find(self, text: str, offset: int = 0) -> list[tuple[int, int, str]]:
        """(start, end, label) of every party word in text, offsets shifted by offset."""
        out = []
        if self.proper_re is not None:
            for m in self.proper_re.finditer(text):
                out.append((m.start() + offset, m.end() + offset, self.labels[m.group(0).lower()]))
        for m in self.civil_re.finditer(text):
            out.append((m.start() + offset, m.end() + offset, "civilian"))
        out.sort()
        return out


@lru_cache(maxsize=32)
def _matcher(parties: tuple[Party, ...]) -> _PartyMatcher:
    return _PartyMatcher(parties)


def _is_attacker(sent: str, start: int, end: int) -> bool:
    return bool(P.ATTACKER_NOUNS_RE.match(sent[end:end + 60]) or P.BY_BEFORE_RE.search(sent[max(0, start - 60):start]))


def _derive_subject(text: str, matcher: _PartyMatcher) -> str | None:
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for s, e, label in matcher.find(text):
        if _is_attacker(text, s, e):
            continue
        counts[label] = counts.get(label, 0) + 1
        first.setdefault(label, s)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


# --- attribution ---------------------------------------------------------------------

def _clean_source(src: str) -> str | None:
    src = src.strip(" \t'\"“”’‘-—–")
    src = P.SOURCE_TRIM_LEAD_RE.sub("", src)
    src = P.SOURCE_TRIM_TAIL_RE.sub("", src).strip()
    if not src or src.lower() in P.PRONOUN_SOURCES or len(src) < 2:
        return None
    first = src.split()[0].lower()
    if first in P.PRONOUN_SOURCES and len(src.split()) == 1:
        return None
    if re.match(r"^(?:it|this|that|there)\b", src, re.I):
        return None
    return src


def _attributions(sent: str) -> list[tuple[int, int, str]]:
    """(start, end, source) spans of attribution phrases in a sentence."""
    out = []
    for m in P.ACCORDING_TO_RE.finditer(sent):
        src = _clean_source(m.group("src"))
        if src:
            out.append((m.start("src"), m.end("src"), src))
    for rx in (P.SAID_AFTER_SUBJECT_RE, P.SAID_BEFORE_SUBJECT_RE):
        for m in rx.finditer(sent):
            src = _clean_source(m.group("src"))
            if src and not P.CUE_PRESENCE_RE.search(src):
                out.append((m.start("src"), m.end("src"), src))
    return out


# --- the figures ---------------------------------------------------------------------

class _Qty:
    __slots__ = ("start", "end", "lo", "hi", "qualifier", "vague", "strong")

    def __init__(self, start: int, end: int, lo: int, hi: int, qualifier: str, vague: bool = False, strong: bool = False):
        self.start, self.end, self.lo, self.hi = start, end, lo, hi
        self.qualifier, self.vague, self.strong = qualifier, vague, strong


def _quantities(sent: str) -> list[_Qty]:
    out: list[_Qty] = []
    taken: list[tuple[int, int]] = []
    for m in P.VAGUE_RE.finditer(sent):
        phrase = m.group("vague").lower().split()
        value = P.VAGUE_VALUES.get(phrase[-1])
        if phrase[0] in ("tens", "hundreds") and len(phrase) > 1:
            value = P.VAGUE_VALUES[phrase[0]] * P.VAGUE_VALUES[phrase[-1]] // 1
            value = {"tens": 10, "hundreds": 100}[phrase[0]] * P.VAGUE_VALUES[phrase[-1]]
        elif phrase[0] in ("several", "a"):
            value = {"dozen": 12, "hundred": 100, "thousand": 1000}[phrase[-1]]
        if value is None:
            continue
        out.append(_Qty(m.start(), m.end(), value, value, "vague", vague=True))
        taken.append((m.start(), m.end()))
    for m in P.QUANTITY_RE.finditer(sent):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        a, a_scaled = _number_value(m.group("a"))
        if a is None:
            continue
        lo = hi = a
        qualifier = "exact"
        if m.group("b"):
            b, b_scaled = _number_value(m.group("b"))
            if b is None:
                continue
            if b_scaled and not a_scaled and a < b:
                # "30-35 thousand": the scale word applies to both ends
                for scale in (1_000_000_000, 1_000_000, 1000, 100):
                    if b >= scale and a * scale <= b * 1.0 + scale:
                        a = a * scale
                        break
            lo, hi = (a, b) if a <= b else (b, a)
            qualifier = "range"
        qual = (m.group("qual") or "").lower()
        qual = re.sub(r"\s+", " ", qual).strip()
        if qual and qualifier != "range":
            qualifier = P.QUALIFIER_WORDS.get(qual, "exact")
        suffix = (m.group("suffix") or "").lower().strip()
        if suffix in ("-plus", "+", "or more") and qualifier == "exact":
            qualifier = "more_than"
        if lo != int(lo) or hi != int(hi):
            continue
        out.append(_Qty(m.start(), m.end(), int(lo), int(hi), qualifier, strong=suffix == "-strong"))
    out.sort(key=lambda q: q.start)
    return out


def _not_a_casualty(sent: str, q: _Qty, num_start: int) -> bool:
    if q.strong:
        return True
    before = sent[max(0, num_start - 40):num_start]
    after = sent[q.end:q.end + 40]
    if P.NOT_BEFORE_RE.search(before) or P.NOT_AFTER_RE.match(after):
        return True
    if P.NON_CASUALTY_PRE_RE.search(sent[max(0, q.start - 40):q.start]):
        return True
    if P.RATE_RE.search(sent[max(0, q.start - 20):q.start]):
        return True
    raw = sent[num_start:q.end]
    if re.fullmatch(r"(?:1[89]|20)\d\d", raw.strip()):
        return True  # a year
    return False


def _post_scan(sent: str, q: _Qty, qtys: list[_Qty]) -> tuple[str | None, int, int, bool]:
    """Category cue after the figure. Returns (category, np_start, np_end, thing)."""
    pos = q.end
    np_start = pos
    np_end = pos
    n_np = 0
    aux = False
    thing = False
    relative = 0
    qty_starts = {x.start: x for x in qtys}
    while pos < len(sent) and n_np < 18:
        m = P.COMBINED_RE.match(sent, pos)
        if m:
            return "casualties", np_start, np_end, thing
        m = P.POST_CUE_RE.match(sent, pos)
        if m:
            cat = m.lastgroup
            if cat == "captured_dead":
                cat = "killed"
            if cat in ("casualties",) and re.match(r"lost\b", m.group(0), re.I) and not aux and n_np == 0:
                return None, np_start, np_end, thing
            return cat, np_start, np_end, thing
        if P.NON_CASUALTY_VERB_RE.match(sent, pos):
            return None, np_start, np_end, thing
        tok = _TOKEN_RE.match(sent, pos)
        if tok is None:
            pos += 1
            continue
        word = tok.group(0)
        lw = word.lower()
        if word in (",", "(") :
            # a parenthetical ", including a monk," or a list ", 125 members, and 148 militants"
            nxt = _next_token(sent, tok.end())
            if nxt and nxt.start() in qty_starts:
                x = qty_starts[nxt.start()]
                pos = x.end
                n_np += 1
                continue
            if nxt and nxt.group(0).lower() == "and":
                n2 = _next_token(sent, nxt.end())
                if n2 and n2.start() in qty_starts:
                    pos = qty_starts[n2.start()].end
                    continue
            close = sent.find("," if word == "," else ")", tok.end())
            if 0 <= close - tok.end() <= 60:
                inner = sent[tok.end():close]
                after_close = _next_token(sent, close + 1)
                if (not P.POST_CUE_RE.search(inner) and after_close is not None
                        and (after_close.group(0).lower() in P.AUX_WORDS
                             or P.POST_CUE_RE.match(sent, after_close.start()))):
                    pos = close + 1
                    continue
            break
        if lw == "and" or lw == "or":
            nxt = _next_token(sent, tok.end())
            if nxt and nxt.start() in qty_starts and not aux:
                pos = qty_starts[nxt.start()].end
                n_np += 1
                continue
            break
        if not (word[0].isalnum() or word[0] in "'’"):
            if word in ("-", "'", "’"):
                pos = tok.end()
                continue
            break
        if tok.start() in qty_starts:
            break
        if lw in P.AUX_WORDS:
            aux = True
            pos = tok.end()
            continue
        if aux:
            break
        if lw in P.STOP_WORDS:
            break
        if n_np == 0 and lw in P.THING_NOUNS:
            thing = True
            return None, np_start, np_end, thing
        if relative or (n_np > 0 and re.fullmatch(r"\w+(?:ed|ing)", lw) and lw not in P.PERSON_NOUNS):
            relative += 1
            if relative > 12:
                break
        elif n_np >= 7:
            break
        n_np += 1
        if not relative:
            np_end = tok.end()
        pos = tok.end()
    return None, np_start, np_end, thing


def _next_token(sent: str, pos: int) -> re.Match[str] | None:
    return _TOKEN_RE.search(sent, pos)


def _pre_scan(sent: str, q: _Qty) -> tuple[str | None, int]:
    """Category cue right before the figure (and its qualifier). Returns (category, cue_start)."""
    start = q.start
    before = sent[max(0, start - 160):start]
    offset = max(0, start - 160)
    m = re.search(r"(?:" + P.COMBINED_RE.pattern + r")\s*$", before, re.I)
    if m:
        return "casualties", m.start() + offset
    m = P.PRE_CUE_RE.search(before)
    if not m:
        return None, -1
    cat = m.lastgroup
    if cat is None:
        return None, -1
    return cat, m.start() + offset


def _np_words(sent: str, s: int, e: int) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w'’-]+", sent[s:e])]


def _resolve_party(sent: str, abs_start: int, q: _Qty, np_span: tuple[int, int], mentions, attrib_spans,
                   perpetrator_end: int, subject: str | None) -> str:
    np_s, np_e = np_span
    own = [(s, e, lab) for s, e, lab in mentions if np_s <= s and e <= np_e + 1]
    if own:
        labels = [lab for _, _, lab in own]
        return "civilian" if "civilian" in labels else labels[0]
    best = None
    for s, e, lab in mentions:
        if any(a <= s < b for a, b, _ in attrib_spans):
            continue
        if s < perpetrator_end:
            continue
        if _is_attacker(sent, s, e):
            continue
        dist = (q.start - e) if e <= q.start else (s - q.end) * 1.5
        dist = abs(dist)
        if P.PLACE_AFTER_RE.match(sent[e:e + 40]) or P.PLACE_BEFORE_RE.search(sent[max(0, s - 12):s]):
            dist += 60
        if lab == "civilian":
            dist -= 10
        if best is None or dist < best[0]:
            best = (dist, lab)
    if best is not None:
        return best[1]
    return subject or "unknown"


def _sentence_records(sent: str, offset: int, matcher: _PartyMatcher, subject: str | None,
                      prev: list[str]) -> list[CasualtyReport]:
    qtys = _quantities(sent)
    if not qtys:
        return []
    mentions = matcher.find(sent)
    attribs = _attributions(sent)
    out: list[CasualtyReport] = []
    for q in qtys:
        qm = None if q.vague else P.QUANTITY_RE.match(sent, q.start)
        num_start = qm.start("between") if qm and qm.group("between") else (qm.start("a") if qm else q.start)
        if not q.vague and _not_a_casualty(sent, q, num_start):
            continue
        post, np_s, np_e, thing = _post_scan(sent, q, qtys)
        if thing:
            continue
        pre, cue_start = _pre_scan(sent, q)
        np_words = _np_words(sent, np_s, np_e)
        category = None
        perpetrator_end = -1
        if pre == "anaphor":
            category = post or (prev[-1] if prev else None)
        elif pre is not None:
            if post and pre in ("captured", "casualties") and post != "casualties" and not np_words[:1] == ["lives"]:
                category = post if pre == "casualties" and not re.match(r"\s*(?:lost|loses|losing|lose)\b", sent[cue_start:]) else pre
            else:
                category = pre
            if category == "captured" and not _personish(np_words, mentions, np_s, np_e) and np_words:
                category = None if not post else post
            if pre == "casualties" and re.match(r"\s*(?:lost|loses|losing|lose)\b", sent[cue_start:], re.I):
                if not _personish(np_words, mentions, np_s, np_e):
                    category = post
            if np_words and np_words[0] == "lives" and category in ("casualties", "captured", None):
                category = "killed"
            if re.match(r"(?:killed|killing|kills|kill|executed|executes|executing|massacred|shot|wounded|wounding"
                        r"|injured|injuring|injures|captured|capturing|kidnapped|kidnapping|abducted|abducting"
                        r"|seized|took|lost|loses)\b", sent[cue_start:], re.I):
                perpetrator_end = cue_start
        else:
            category = post
        if category is None:
            continue
        if q.vague and not post and pre is None:
            continue
        if BREAKDOWN_BEFORE(sent, q) and not post:
            continue
        party = _resolve_party(sent, offset, q, (np_s, np_e), mentions, attribs, perpetrator_end, subject)
        attributed = _nearest_attribution(attribs, q)
        out.append(CasualtyReport(
            category=category,
            min=q.lo,
            max=q.hi,
            qualifier=q.qualifier,
            party=party,
            attributed_to=attributed,
            sentence=sent,
            start=offset + q.start,
            end=offset + q.end,
            text=sent[q.start:q.end],
        ))
        prev.append(category)
    return out


def BREAKDOWN_BEFORE(sent: str, q: _Qty) -> bool:  # noqa: N802 - reads as a predicate
    return bool(P.BREAKDOWN_PRE_RE.search(sent[max(0, q.start - 30):q.start]) and q.start > 0
                and re.search(r"\w", sent[max(0, q.start - 30):q.start]))


def _personish(np_words: list[str], mentions, np_s: int, np_e: int) -> bool:
    if not np_words:
        return True
    if any(w in P.PERSON_NOUNS for w in np_words):
        return True
    return any(np_s <= s and e <= np_e + 1 for s, e, _ in mentions)


def _nearest_attribution(attribs: list[tuple[int, int, str]], q: _Qty) -> str | None:
    if not attribs:
        return None
    return min(attribs, key=lambda a: min(abs(a[0] - q.end), abs(q.start - a[1])))[2]


def extract_casualties(text: str, parties: Sequence[Party], *, subject: str | None = None) -> list[CasualtyReport]:
    """Every casualty figure in text, in order, with category, bounds, party and source."""
    matcher = _matcher(tuple(parties))
    if subject is None:
        subject = _derive_subject(text, matcher)
    prev: list[str] = []
    out: list[CasualtyReport] = []
    for s, e in sentence_spans(text):
        sent = text[s:e]
        if not P.CUE_PRESENCE_RE.search(sent):
            continue
        out.extend(_sentence_records(sent, s, matcher, subject, prev))
    return out
