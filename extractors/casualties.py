"""Casualty figures in news text: every killed / wounded / casualties / captured / missing figure.

`extract_casualties(text, parties, subject=...)` returns one `CasualtyReport` per figure
as the text reports it (a claim, not a verified count). Pure and fast: one regex pass
finds the sentences with a casualty word; every pattern and word list is in
`extractors.casualty_patterns`.

How a figure is read (the conventions, also in data/devsets/README.md):

* category: the cue right after the figure's noun phrase ("300 soldiers were killed",
  "1,100 casualties", "24,470 soldiers who had been killed") or right before it
  ("killed at least 200", "death toll rose to 900", "the remains of 55 soldiers");
  "killed or wounded", "casualties", personnel "losses" and "lost N soldiers" are
  `casualties`; "captured dead", "neutralised", "eliminated", "N bodies" are `killed`;
  "put the figure at N" repeats the previous figure's category. A breakdown of a total
  ("including six children", "three children among the dead") is not a figure of its own
  unless it is of another category ("4,700 casualties, including 600 deaths").
* not figures: troops sent or deployed, unit sizes ("12,000-strong"), dates, years, ages,
  money, percentages, equipment and other things counted, rates ("1,500 a day"),
  prisoners freed, hypotheticals ("if 3,000 were lost"), deaths from disease or disasters.
* min/max: one number gives min = max; a range gives both ends; a bound ("more than N",
  "up to N") keeps min = max = N and says so in `qualifier`; vague amounts use the
  convention tens 10, dozens 12, scores 20, hundreds 100, thousands 1000.
* party: the head of the figure's own noun phrase first ("300 North Korean troops",
  "11 civilians"; civilian words win over a nationality), then a side named in the cue
  ("North Korean casualties exceeded 6,000"), then the party of the figure before it for
  "and 2,700 others", then the nearest side in the sentence that is neither the attacker,
  an ally, the source nor a list-mate's (a side named only as a place yields to the
  article's subject), then the side of a civil source reporting its own victims ("Lebanon's
  health ministry said 51 people were killed"), then the article's subject, else `unknown`.
* attributed_to: "according to X", "X said / estimated / claimed ...", ", said X".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import lru_cache

from extractors import casualty_patterns as P
from extractors.model import CasualtyReport, Party
from extractors.sentences import sentence_spans

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
            for alias in _with_variants(party.aliases + (party.label.replace("_", " "),)):
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
        # a first-character class in front lets the engine skip most positions at once
        self.proper_re = re.compile(
            r"(?<![\w-])(?=[" + re.escape("".join(sorted({w[0] for w in proper}))) + r"])(?:"
            + "|".join(map(re.escape, proper)) + r")(?![\w])") if proper else None
        # "children's hospital" names a place, not victims; matched on lower-cased text
        civil_low = sorted({w.lower() for w in civil}, key=len, reverse=True)
        self.civil_re = re.compile(
            r"(?<![\w-])(?=[" + re.escape("".join(sorted({w[0] for w in civil_low}))) + r"])(?:"
            + "|".join(map(re.escape, civil_low)) + r")(?![\w-]|['’]s\b)")
        self.civil_re_ic = re.compile(self.civil_re.pattern.replace("(?=[", "(?=(?i:[", 1).replace("])(?:", "]))(?:", 1),
                                      re.I)

    def find(self, text: str, offset: int = 0) -> list[tuple[int, int, str]]:
        """(start, end, label) of every party word in text, offsets shifted by offset."""
        out = []
        if self.proper_re is not None:
            for m in self.proper_re.finditer(text):
                out.append((m.start() + offset, m.end() + offset, self.labels[m.group(0).lower()]))
        low = text.lower()
        for m in (self.civil_re.finditer(low) if len(low) == len(text) else self.civil_re_ic.finditer(text)):
            out.append((m.start() + offset, m.end() + offset, "civilian"))
        out.sort()
        return out


def _with_variants(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """Aliases plus their known spelling variants ("N. Korean" for "North Korean")."""
    out = list(aliases)
    for alias in aliases:
        for key, variants in P.ALIAS_VARIANTS.items():
            if key in alias:
                out.extend(alias.replace(key, v) for v in variants)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=32)
def _matcher(parties: tuple[Party, ...]) -> _PartyMatcher:
    return _PartyMatcher(parties)


def _is_attacker(sent: str, start: int, end: int) -> bool:
    """A side named as the attacker or holder ("Russian strike", "by the RSF", "the RSF attacked")."""
    after = sent[end:end + 70]
    return bool(P.ATTACKER_NOUNS_RE.match(after) or P.ATTACKER_VERB_AFTER_RE.match(after)
                or P.BY_BEFORE_RE.search(sent[max(0, start - 60):start]))


def _derive_subject(sentences: list[tuple[int, int, str]], matcher: _PartyMatcher) -> str | None:
    """The side the text is about: most mentions that are neither attacker nor source."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for s0, _, sent in sentences:
        mentions = matcher.find(sent)
        if not mentions:
            continue
        attribs = _attributions(sent)
        breakdowns = [(m.start(), m.end()) for m in P.BREAKDOWN_SPAN_RE.finditer(sent)]
        paired = _coordinated_sides(sent, mentions)
        for s, e, label in mentions:
            if (s in paired or _is_attacker(sent, s, e) or any(a <= s < b for a, b, _ in attribs)
                    or P.ALLY_BEFORE_RE.search(sent[max(0, s - 25):s])
                    or any(a <= s < b for a, b in breakdowns)):
                continue
            counts[label] = counts.get(label, 0) + 1
            first.setdefault(label, s0 + s)
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
    if src.split()[-1].lower() in ("a", "an", "the"):
        return None  # "suffered an estimated 1,500": not a source
    first = src.split()[0].lower()
    if first in P.NOT_SOURCE_START or re.search(r"\d", src):
        return None
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
    low = sent.lower()
    lowered = len(low) == len(sent)
    for m in (P.VAGUE_LOWER_RE.finditer(low) if lowered else P.VAGUE_RE.finditer(sent)):
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
    for m in (P.QUANTITY_LOWER_RE.finditer(low) if lowered else P.QUANTITY_RE.finditer(sent)):
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
            sep = sent[m.end("a"):m.start("b")]
            if a > b and not re.search(r"\d", m.group("b")) or re.fullmatch(r"\s+[-–—]\s+", sep):
                # "14 - seven police officers": a dash, not a range
                out.append(_Qty(m.start(), m.end("a"), int(a), int(a),
                                P.QUALIFIER_WORDS.get(re.sub(r"\s+", " ", (m.group("qual") or "").lower()).strip(), "exact")))
                continue
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
    if _non_conflict(sent, q):
        return True  # "an earthquake killing over 4,500", "died of cholera"
    if P.HYPOTHETICAL_BEFORE_RE.search(sent[max(0, q.start - 40):q.start]):
        return True  # "If 3,000 were lost in the first month, ..."
    if P.FRAME_BEFORE_RE.search(sent, max(0, q.start - 60), q.start):
        return True  # "Of the 11,000 troops sent, about 4,000 ..."
    if re.fullmatch(r"one", sent[num_start:q.end], re.I) and _ONE_ADJECTIVE_RE.match(sent, q.end):
        return True  # "one captured soldier carried a military ID": a reference, not a count
    before = sent[max(0, num_start - 40):num_start]
    after = sent[q.end:q.end + 40]
    m = P.NOT_BEFORE_RE.search(before)
    if (m and not P.DETERMINER_RE.fullmatch(m.group(0))) or P.NOT_AFTER_RE.match(after):
        return True
    if P.NON_CASUALTY_PRE_LOWER_RE.search(sent[max(0, q.start - 40):q.start].lower()) and \
            not _BODIES_AFTER_RE.match(sent, q.end):
        return True
    if P.RATE_RE.search(sent[max(0, q.start - 20):q.start]) or P.RATE_AFTER_RE.match(sent, q.end):
        return True
    if re.match(r"-\d", sent[q.end:q.end + 2]) or re.search(r"\d-$", sent[max(0, num_start - 2):num_start]):
        return True  # a score or code ("9-2-1")
    if q.qualifier == "range" and re.search(r"\d\s*[-–]\s*\d", sent[num_start:q.end]) and q.lo != q.hi and \
            _descending(sent[num_start:q.end]):
        return True  # "lost 24-17": a score, not a range
    if re.match(r"\s+of\s+(?:the|those|them|these|its|their)\b", sent[q.end:q.end + 12]) and \
            sent[num_start:q.end].lower() == "one":
        return True
    raw = sent[num_start:q.end]
    if re.fullmatch(r"(?:1[89]|20)\d\d", raw.strip()):
        following = [w.lower() for w in re.findall(r"[\w-]+", sent[q.end:q.end + 30])[:2]]
        if following[:1] in (["a"], ["an"], ["the"]) or not any(
                w in P.PERSON_NOUNS or w in P.COMBATANT_NOUNS for w in following):
            return True  # a year (but "more than 2000 people" is a count)
    return False


_DASH_RE = re.compile(r"\s(?:--|—|–|-)\s")
_AMONG_RE = re.compile(r"\s+(?:[\w'’-]+\s+){0,6}?(?:(?:are|were|was|is)\s+)?among\s+(?:the|those)\b", re.I)
_RELATIVE_CUE_RE = re.compile(
    r"(?:(?:\s+(?:reportedly|later|also|since|all))*\s+(?:have|has|had)?\s*(?:were|was|are|is|been|being)"
    r"(?:\s+(?:reportedly|later|also|since|all))*\s+(?:killed|wounded|injured|captured|slain|executed|reported\s+missing)"
    r"|(?:\s+(?:have|has|had|reportedly|later|also))*\s+(?:died|perished|gone\s+missing|lost\s+their\s+lives)"
    r"|\s+(?:are|were|is|was)\s+(?:still\s+)?missing)\b",
    re.I,
)
_BODIES_AFTER_RE = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?(?:bodies|remains|corpses|coffins|caskets)\b", re.I)


def _dash_close(sent: str, pos: int) -> int:
    """Where a dash parenthetical opened before pos closes (the next dash, else the next comma)."""
    m = re.compile(r"\s(?:--|—|–|-)\s|,").search(sent, pos)
    return m.start() if m else -1


_ONE_ADJECTIVE_RE = re.compile(
    r"\s+(?:captured|wounded|injured|dead|missing)\s+(?:[\w'’-]+\s+){1,3}?(?!(?:was|were|is|are|has|had|have)\b)"
    r"(?!killed|died|captured|wounded|injured)[a-z]+(?:ed|s)\b", re.I)


def _non_conflict(sent: str, q: _Qty) -> bool:
    """A disease, disaster or accident word close to the figure: not a casualty of violence."""
    return any(q.start - 90 <= start and end <= q.end + 60 for start, end in _non_conflict_words(sent))


@lru_cache(maxsize=256)
def _non_conflict_words(sent: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in P.NON_CONFLICT_RE.finditer(sent))


def _descending(raw: str) -> bool:
    parts = re.split(r"\s*[-–]\s*", raw)
    try:
        return len(parts) == 2 and float(parts[0].replace(",", "")) > float(parts[1].replace(",", ""))
    except ValueError:
        return False


def _post_scan(sent: str, q: _Qty, qtys: list[_Qty], *, allow_list: bool = True,
               adjective_seen: bool = False) -> tuple[str | None, int, int, bool]:
    """Category cue after the figure's noun phrase.

    Returns (category, np_start, np_end, thing): the noun phrase span is the figure's own
    ("300 North Korean troops"); thing is True when the number counts things ("199 tanks").
    """
    pos = q.end
    np_start = np_end = pos
    n_np = 0
    aux = False
    relative = 0
    qty_starts = {x.start: x for x in qtys}
    steps = 0
    own = True
    prev_word = ""
    while pos < len(sent) and steps < 40:
        steps += 1
        m = P.COMBINED_RE.match(sent, pos)
        if m:
            return "casualties", np_start, np_end, False
        m = P.POST_CUE_RE.match(sent, pos)
        if m and n_np == 0 and not aux and m.group(0).lower() in P.ADJECTIVE_CUES and not adjective_seen:
            nxt = P.TOKEN_RE.search(sent, m.end())
            if nxt is not None and nxt.group(0)[0].isalpha() and nxt.group(0).lower() not in P.AUX_WORDS \
                    and nxt.group(0).lower() not in P.STOP_WORDS and not P.POST_CUE_RE.match(sent, nxt.start()):
                later = _post_scan(sent, _Qty(q.start, m.end(), q.lo, q.hi, q.qualifier), qtys,
                                   allow_list=allow_list, adjective_seen=True)
                if later[0] is not None:
                    return later[0], m.end() + 1, later[2], False  # "one injured soldier has been captured"
        if m and m.group(0).lower() == "lives" and not P.LIVES_VERB_RE.search(sent[max(0, q.start - 20):q.start]):
            m = None  # "30 lives" counts the dead only after "claimed", "cost", "loss of"
        if m:
            cat = m.lastgroup
            if cat == "captured_dead":
                cat = "killed"
            if cat == "casualties" and re.match(r"(?:lost|losses)\b", m.group(0), re.I) and n_np and not any(
                    w in P.PERSON_NOUNS or w in P.COMBATANT_NOUNS for w in _np_words(sent, np_start, np_end)):
                return None, np_start, np_end, False
            return cat, np_start, np_end, False
        if P.NON_CASUALTY_VERB_RE.match(sent, pos):
            return None, np_start, np_end, False
        tok = P.TOKEN_RE.match(sent, pos)
        if tok is None:
            pos += 1
            continue
        word = tok.group(0)
        lw = word.lower()
        if word in "\"“”‘’'":
            pos = tok.end()
            continue
        if word == "-" and (sent.startswith("--", tok.start()) or sent[tok.start() - 1:tok.start()] == " "):
            word = "–"  # "--" or " - " is a dash, not a hyphen
            tok = re.compile(r"-+").match(sent, tok.start())
        if word in (",", "(", "–", "—"):
            nxt = _next_token(sent, tok.end())
            if allow_list and nxt is not None and nxt.start() in qty_starts and not aux:
                pos = qty_starts[nxt.start()].end  # a list: "745 civilians, 125 members, and 148 militants"
                n_np = 0
                relative = 0
                own = False
                continue
            if allow_list and nxt is not None and nxt.group(0).lower() == "and" and not aux:
                n2 = _next_token(sent, nxt.end())
                if n2 is not None and n2.start() in qty_starts:
                    pos = qty_starts[n2.start()].end
                    n_np = 0
                    relative = 0
                    own = False
                    continue
            close = sent.find(")", tok.end()) if word == "(" else (
                _dash_close(sent, tok.end()) if word in "–—" else sent.find(",", tok.end()))
            limit = 110 if re.match(r"\s*(?:including|among|most|many|mostly)\b", sent[tok.end():]) else 70
            if word in "–—" and 0 <= close - tok.end() <= limit and P.POST_CUE_RE.search(sent[tok.end():close]):
                pos = tok.end()  # "25,000 named individuals - people we know to have died -"
                continue
            if 0 <= close - tok.end() <= limit:
                inner = sent[tok.end():close]
                after_close = _next_token(sent, close + 1)
                if (not P.POST_CUE_RE.search(inner) and after_close is not None
                        and (after_close.group(0).lower() in P.AUX_WORDS
                             or P.POST_CUE_RE.match(sent, after_close.start()))):
                    pos = close + 1  # a parenthetical: ", including a monk,"
                    continue
            break
        if lw in ("including", "includes") and not aux:
            nxt_verb = P.BREAKDOWN_END_RE.search(sent, tok.end(), min(len(sent), tok.end() + 80))
            if nxt_verb is None:
                break
            pos = nxt_verb.start()
            continue
        if lw in ("and", "or"):
            nxt = _next_token(sent, tok.end())
            if nxt is None or aux:
                break
            if nxt.start() in qty_starts:
                if not allow_list:
                    break
                pos = qty_starts[nxt.start()].end
                n_np = 0
                relative = 0
                own = False
                continue
            nl = nxt.group(0).lower()
            if n_np > 0 and not relative and nxt.group(0)[0].isalpha() and nl not in P.AUX_WORDS \
                    and nl not in P.STOP_WORDS and not P.POST_CUE_RE.match(sent, nxt.start()):
                pos = tok.end()  # "civilians and resistance fighters"
                continue
            break
        if not (word[0].isalnum()):
            if word == "." and re.search(r"(?<![\w.])[A-Z]$", sent[max(0, tok.start() - 2):tok.start()]):
                pos = tok.end()  # "N. Korean soldiers": an initial, not the end of the phrase
                continue
            if word == "-":
                pos = tok.end()
                continue
            break
        if tok.start() in qty_starts:
            if prev_word in P.NP_PREPOSITIONS and n_np > 0 and not aux:
                pos = qty_starts[tok.start()].end  # "106 protesters in 21 cities"
                continue
            break
        if lw == "to" and re.match(r"\s+(?:be|have)\b", sent[tok.end():tok.end() + 6]):
            aux = True
            pos = tok.end()
            continue
        if relative:
            if lw in P.CORE_AUX:
                aux = True
                relative = 0
                pos = tok.end()
                continue
            relative += 1
            if relative > 12 or lw in P.STOP_WORDS:
                break
            pos = tok.end()
            continue
        if lw in P.AUX_WORDS:
            aux = True
            pos = tok.end()
            continue
        if aux:
            if lw.endswith("ly") or lw == "as":  # "were moderately wounded", "listed as missing"
                pos = tok.end()
                continue
            break
        if lw in P.RELATIVE_PRONOUNS and n_np > 0 and _RELATIVE_CUE_RE.match(sent, tok.end()):
            aux = True  # "24,470 Russian soldiers who had been killed"
            pos = tok.end()
            continue
        if lw in P.STOP_WORDS:
            break
        if n_np == 0 and lw in P.THING_NOUNS:
            return None, np_start, np_end, own
        if n_np > 0 and re.fullmatch(r"[a-z]+(?:ed|ing)", lw) and lw not in P.PERSON_NOUNS:
            relative = 1
            pos = tok.end()
            continue
        if n_np >= 9:
            break
        n_np += 1
        if own:
            np_end = tok.end()
        prev_word = lw
        pos = tok.end()
    return None, np_start, np_end, False


def _next_token(sent: str, pos: int) -> re.Match[str] | None:
    return P.TOKEN_RE.search(sent, pos)





def _pre_scan(sent: str, q: _Qty, num_start: int) -> tuple[str | None, int, int]:
    """Category cue right before the figure. Returns (category, cue_start, cue_end)."""
    for end in (q.start, num_start) if num_start != q.start else (q.start,):
        lo = max(0, end - 200)
        before = sent[lo:end]
        low = before.lower()
        if not P.PRE_CUE_GATE_RE.search(low):
            continue
        if len(low) == len(before):
            before, rx = low, P.PRE_CUE_LOWER_RE
        else:
            rx = P.PRE_CUE_RE
        m = P.COMBINED_BEFORE_RE.search(before)
        if m:
            return "casualties", m.start() + lo, m.end() + lo
        m = rx.search(before)
        while m is not None and m.lastgroup != "anaphor":  # the cue that starts closest to the number wins
            nxt = rx.search(before, m.start() + 1)
            if nxt is None or not nxt.lastgroup:
                break
            m = nxt
        if m and m.lastgroup:
            cat = "casualties" if m.lastgroup == "casualties_pair" else m.lastgroup
            return (cat if m.lastgroup != "casualties_pair" else "casualties_pair"), m.start() + lo, m.end() + lo
    return None, -1, -1


def _np_words(sent: str, s: int, e: int) -> list[str]:
    return [w.lower() for w in re.findall(r"[\w'’-]+", sent[s:e])]


class _Found:
    __slots__ = ("q", "category", "np", "cue", "cue_kind", "breakdown", "party", "partitive")

    def __init__(self, q: _Qty, category: str, np: tuple[int, int], cue: tuple[int, int], cue_kind: str,
                 breakdown: bool) -> None:
        self.q, self.category, self.np, self.cue, self.cue_kind = q, category, np, cue, cue_kind
        self.breakdown = breakdown
        self.party = "unknown"
        self.partitive = False


def _is_breakdown(sent: str, q: _Qty) -> bool:
    if P.DASH_BREAKDOWN_RE.search(sent[max(0, q.start - 95):q.start]):
        return True
    m = P.BREAKDOWN_CHAIN_RE.search(sent[max(0, q.start - 120):q.start])
    return bool(m and not P.CUE_PRESENCE_RE.search(m.group("chain")))


def _classify(sent: str, q: _Qty, qtys: list[_Qty], mentions, prev: list[str],
              last: _Found | None = None) -> _Found | None:
    qm = None if q.vague else P.QUANTITY_RE.match(sent, q.start)
    num_start = (qm.start("between") if qm.group("between") else qm.start("a")) if qm else q.start
    if (_non_conflict(sent, q) if q.vague else _not_a_casualty(sent, q, num_start)):
        return None
    if q.qualifier == "exact":
        word = re.search(r"(\w+)\s*$", sent[max(0, q.start - 20):q.start])
        if word and word.group(1).lower() in P.VERB_QUALIFIERS:  # "exceeded 6,000"
            q.qualifier = P.VERB_QUALIFIERS[word.group(1).lower()]
    breakdown = _is_breakdown(sent, q)
    post, np_s, np_e, thing = _post_scan(sent, q, qtys, allow_list=not breakdown)
    if thing:
        return None
    determiner = qm is not None and bool(P.DETERMINER_BEFORE_RE.search(sent[max(0, num_start - 8):num_start]))
    if determiner and post is None:
        return None  # "the 2,500 troops of the bureau": a reference, not a figure
    pre, cue_s, cue_e = _pre_scan(sent, q, num_start)
    pair = pre == "casualties_pair"  # "killed and wounded ... exceeded 3,000": a noun phrase, not a verb
    if pair:
        pre = "casualties"
    np_words = _np_words(sent, np_s, np_e)
    category: str | None
    kind = "post"
    if pre == "anaphor":
        category = post or (prev[-1] if prev else None)
    elif pre is not None:
        kind = "noun" if pair else (
            "verb" if P.ACTIVE_VERB_RE.match(sent, cue_s) else ("loss" if P.LOSS_RE.match(sent, cue_s) else "noun"))
        category = pre
        if kind == "loss":
            if (np_words and np_words[0] == "lives") or re.match(r"\s+lives\b", sent[q.end:q.end + 7]):
                category = "killed"
            elif not _personish(np_words, mentions, np_s, np_e):
                category = post
        elif pre == "captured" and np_words and not _personish(np_words, mentions, np_s, np_e):
            category = post
        elif pre == "killed" and P.DESTROY_RE.match(sent, cue_s) and not _people_head(np_words):
            category = post  # "destroyed 12 tanks" is not a casualty, "eliminated 77 North Koreans" is
        elif post and kind == "noun" and post != pre and (
                pre == "casualties" and post != "casualties" or np_s == np_e):
            category = post  # "casualties ... increased to 215 martyrs", "toll ended at 19 dead and wounded"
        if (np_words[:1] == ["lives"] or re.match(r"\s+lives\b", sent[q.end:q.end + 7])) and category in (
                "casualties", "captured"):
            category = "killed"
        if category == post and post is not None and category != pre:
            kind = "post"
    else:
        category = post
    if category is None and last is not None and pre is None and not q.vague \
            and P.ELLIPSIS_BEFORE_RE.search(sent[last.q.end:q.start]) and P.ELLIPSIS_AFTER_RE.match(sent, q.end):
        category = last.category  # "nine were killed in the south and seven in eastern Lebanon"
        kind = "post"
    if category is None and last is not None and last.cue_kind == "verb" and not q.vague \
            and P.COORDINATED_OBJECT_RE.match(sent[last.np[1]:q.start]) and _people_head(np_words):
        category, kind = last.category, "verb"  # "killed 20 students and two teachers"
        cue_s, cue_e = last.cue
    if category is None:
        return None
    if q.vague and post is None and pre is None:
        return None
    if breakdown and (post is None or (last is not None and category == last.category and np_s != np_e)):
        return None
    partitive = bool(P.PARTITIVE_RE.match(sent, q.end) or _AMONG_RE.match(sent, q.end))
    if partitive and category in prev and not (last is not None and last.partitive and category == last.category):
        return None  # "three children among the dead" after "22 fatalities"  # "nine of those killed were children": part of a total already reported
    found = _Found(q, category, (np_s, np_e), (cue_s, cue_e), kind, breakdown)
    found.partitive = partitive
    return found


def _resolve_party(sent: str, f: _Found, mentions, attribs, others: list[_Found], prev_in_sent: _Found | None,
                   subject_of: Callable[[], str | None], flags: _MentionFlags) -> str:
    np_s, np_e = f.np
    head_end = _head_end(sent, np_s, np_e)
    own = [lab for s, e, lab in mentions if np_s <= s and e <= head_end + 1]
    own = own or _cue_owner(f, sent, mentions)
    np_words = _np_words(sent, np_s, np_e)
    combatant = any(w in P.COMBATANT_NOUNS for w in np_words)
    if not own and P.POSSESSIVE_RE.search(sent[np_s:np_e]):
        # "Hezbollah said four of its fighters had been killed": the source's own side
        own = [lab for s, e, lab in mentions if any(a <= s < b for a, b, _ in attribs) and lab != "civilian"]
    if not own and not np_words:
        # "killed 77 and wounded 40 North Korean soldiers": a shared object further on
        for o in others:
            if o.q.start > f.q.end and re.fullmatch(r"\s*(?:and|or)\s+\w+(?:\s+\w+)?\s*", sent[f.q.end:o.q.start]):
                own = [lab for s, e, lab in mentions if o.np[0] <= s and e <= o.np[1] + 1]
                break
    if own:
        if "civilian" in own and not combatant:
            return "civilian"
        sides = [lab for lab in own if lab != "civilian"]
        return sides[0] if sides else "civilian"
    other_nps = [(o.np[0], o.np[1]) for o in others if o is not f]
    breakdown_spans = [(m.start("chain") + max(0, o.q.start - 120), o.q.start) for o in others
                       for m in [P.BREAKDOWN_CHAIN_RE.search(sent[max(0, o.q.start - 120):o.q.start])] if m]
    breakdown_spans.extend(flags.breakdowns)
    loss_subject_end = f.cue[0] if f.cue_kind == "loss" else -1
    perpetrator_end = f.cue[0] if f.cue_kind == "verb" else -1

    def usable(s: int, e: int) -> bool:
        if any(a <= s < b for a, b in other_nps) or any(a <= s < b for a, b in breakdown_spans):
            return False
        if s in flags.paired:
            return False  # "Russia and Ukraine exchanged the remains of 802 soldiers": whose is not said
        if s < loss_subject_end:
            return True
        if any(a <= s < b for a, b, _ in attribs):
            return False
        if s in flags.attacker_noun:
            return False  # "Russian strike", "in Russian custody"
        if s in flags.ally:
            return False  # "killed fighting for Russia"
        if s in flags.place:
            return True
        if perpetrator_end >= 0 and s < perpetrator_end:
            return False
        return s not in flags.attacker

    prev_general = prev_in_sent is not None and (prev_in_sent.party != "civilian" or bool(
        set(_np_words(sent, *prev_in_sent.np)) & P.GENERAL_CIVILIAN))
    if prev_in_sent is not None and prev_general:
        if not np_words or set(np_words) <= {"others", "other", "more", "further"}:
            return prev_in_sent.party  # "300 killed and 2,700 others injured"
        between = [m for m in mentions if prev_in_sent.q.end <= m[0] < f.q.start and usable(m[0], m[1])
                   and m[0] not in flags.place]
        own_side = [m for m in mentions if f.q.end <= m[0] < np_e + 1]
        if prev_general and not between and not own_side and prev_in_sent.party != "unknown" and not (
                combatant and prev_in_sent.party == "civilian"):
            return prev_in_sent.party
    if f.breakdown and prev_in_sent is not None:
        return prev_in_sent.party
    best = None
    for s, e, lab in mentions:
        if not usable(s, e):
            continue
        if lab == "civilian" and combatant:
            continue
        dist = float(f.q.start - e) if e <= f.q.start else (s - f.q.end) * 1.5
        if 0 <= s < loss_subject_end:
            dist -= 200
        if s in flags.place:
            dist += 150
        if s in flags.opponent:
            dist += 120
        if lab == "civilian":
            dist -= 10
        if best is None or dist < best[0]:
            best = (dist, lab)
    if best is not None:
        if best[0] >= 100:  # only a place name ("flown back from Russia"): the subject says more
            subject = subject_of()
            if subject and subject != "civilian":
                return subject
        return best[1]
    # a civil source (health ministry, governor, police) reports its own side's victims
    for a, b, src in attribs:
        if P.CIVIL_SOURCE_RE.search(src) and not P.MILITARY_SOURCE_RE.search(src) or \
                re.fullmatch(r"(?:the\s+)?[\w'’ -]+", src) and len(src.split()) <= 2:
            sides = {lab for s, e, lab in mentions if a <= s < b and lab != "civilian"}
            if len(sides) == 1:
                return sides.pop()
    subject = subject_of()
    if subject == "civilian" and combatant:
        return "unknown"
    return subject or "unknown"


class _MentionFlags:
    """What each side name in a sentence is doing there, worked out once per sentence."""

    __slots__ = ("paired", "attacker_noun", "ally", "place", "attacker", "opponent", "breakdowns")

    def __init__(self, sent: str, mentions) -> None:
        self.paired = _coordinated_sides(sent, mentions)
        self.attacker_noun = {s for s, e, _ in mentions if P.ATTACKER_NOUNS_RE.match(sent[e:e + 70])}
        self.ally = {s for s, e, _ in mentions if P.ALLY_BEFORE_RE.search(sent[max(0, s - 25):s])}
        self.place = {s for s, e, _ in mentions if _is_place(sent, s, e)}
        self.attacker = {s for s, e, _ in mentions if _is_attacker(sent, s, e)}
        self.opponent = {s for s, e, _ in mentions if P.OPPONENT_BEFORE_RE.search(sent[max(0, s - 20):s])}
        self.breakdowns = [(m.start(), m.end()) for m in P.BREAKDOWN_SPAN_RE.finditer(sent)]
        if "among" in sent:
            self.breakdowns += [(m.start(), m.end()) for m in P.AMONG_SPAN_RE.finditer(sent)]
        for m in _DASH_RE.finditer(sent):  # "a toll of 14 - seven police officers and seven civilians"
            if P.DASH_BREAKDOWN_RE.search(sent[max(0, m.end() - 45):m.end()]):
                close = _DASH_RE.search(sent, m.end())
                self.breakdowns.append((m.end(), close.start() if close else len(sent)))


def _coordinated_sides(sent: str, mentions) -> set[int]:
    """Starts of side names joined to a different side by "and"/"or" ("Russia and Ukraine")."""
    out: set[int] = set()
    for (s1, e1, l1), (s2, _, l2) in zip(mentions, mentions[1:], strict=False):
        if l1 != l2 and "civilian" not in (l1, l2) and re.fullmatch(r"\s*(?:and|or|&)\s*", sent[e1:s2]):
            out.update((s1, s2))
    return out


def _is_place(sent: str, s: int, e: int) -> bool:
    """A side's name used as a place ("in Ukraine", "Russia's Kursk region")."""
    return bool(P.PLACE_AFTER_RE.match(sent[e:e + 40]) or P.PLACE_BEFORE_RE.search(sent[max(0, s - 25):s]))


def _cue_owner(f: _Found, sent: str, mentions) -> list[str]:
    """A side named inside a noun cue before the figure ("North Korean casualties ... exceeds 6,000")."""
    if f.cue_kind != "noun" or f.cue[0] < 0:
        return []
    lo = max(0, f.cue[0] - 25)
    paired = _coordinated_sides(sent, mentions)
    return [lab for s, e, lab in reversed(mentions) if lo <= s < f.cue[1] and s not in paired
            and not P.PLACE_AFTER_RE.match(sent[e:e + 40])
            and not P.OPPONENT_BEFORE_RE.search(sent[max(0, s - 20):s])
            and not P.PLACE_BEFORE_RE.search(sent[max(0, s - 12):s])]




_HEAD_END_RE = re.compile(r"\s(?:in|on|at|from|with|against|during|near|over|across|by|for|after|since|along)\s", re.I)


def _head_end(sent: str, np_s: int, np_e: int) -> int:
    """End of a noun phrase's head: before its first preposition other than "of"."""
    m = _HEAD_END_RE.search(sent, np_s, np_e + 1)
    return m.start() if m else np_e


def _people_head(np_words: list[str]) -> bool:
    """The head of a noun phrase (before its first preposition) counts people, not things."""
    head = []
    for w in np_words:
        if w in P.NP_PREPOSITIONS:
            break
        head.append(w)
    return (any(w in P.PERSON_NOUNS or w in P.COMBATANT_NOUNS for w in head)
            and not any(w in P.THING_NOUNS for w in head))


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


def _sentence_records(sent: str, offset: int, matcher: _PartyMatcher, subject: Callable[[], str | None],
                      prev: list[str]) -> list[CasualtyReport]:
    qtys = _quantities(sent)
    if not qtys:
        return []
    mentions = matcher.find(sent)
    found: list[_Found] = []
    for q in qtys:
        f = _classify(sent, q, qtys, mentions, prev, found[-1] if found else None)
        if f is not None:
            found.append(f)
            prev.append(f.category)
    if not found:
        return []
    attribs = _attributions(sent)
    flags = _MentionFlags(sent, mentions)
    out: list[CasualtyReport] = []
    last: _Found | None = None
    for f in found:
        f.party = _resolve_party(sent, f, mentions, attribs, found, last, subject, flags)
        last = f
        out.append(CasualtyReport(
            category=f.category,
            min=f.q.lo,
            max=f.q.hi,
            qualifier=f.q.qualifier,
            party=f.party,
            attributed_to=_nearest_attribution(attribs, f.q),
            sentence=sent,
            start=offset + f.q.start,
            end=offset + f.q.end,
            text=sent[f.q.start:f.q.end],
        ))
    return out


class _Subject:
    """The article's subject party, worked out only when a figure needs it."""

    def __init__(self, text: str, matcher: _PartyMatcher, given: str | None) -> None:
        self.text, self.matcher = text, matcher
        self.value, self.done = given, given is not None

    def __call__(self) -> str | None:
        if not self.done:
            sentences = [(s, e, self.text[s:e]) for s, e in sentence_spans(self.text)]
            self.value = _derive_subject(sentences, self.matcher)
            self.done = True
        return self.value


def _cue_sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) of the sentences that have a casualty word (one pass over the text)."""
    low = text.lower()
    if len(low) == len(text):
        hits = [m.start() for m in P.CUE_PRESENCE_LOWER_RE.finditer(low)]
    else:  # lower() changed offsets (rare letters): use the slower case-blind pattern
        hits = [m.start() for m in P.CUE_PRESENCE_RE.finditer(text)]
    out: list[tuple[int, str]] = []
    done_until = -1
    for hit in hits:
        if hit < done_until:
            continue
        start = text.rfind("\n", 0, hit) + 1
        end = text.find("\n", hit)
        end = len(text) if end < 0 else end
        done_until = end
        first = bisect_left(hits, start)
        last = bisect_left(hits, end)
        para_hits = hits[first:last]
        chunk = text[start:end]
        for s, e in sentence_spans(chunk):
            i = bisect_left(para_hits, start + s)
            if i < len(para_hits) and para_hits[i] < start + e:
                out.append((start + s, chunk[s:e]))
    return out



def extract_casualties(text: str, parties: Sequence[Party], *, subject: str | None = None) -> list[CasualtyReport]:
    """Every casualty figure in text, in order, with category, bounds, party and source."""
    matcher = _matcher(tuple(parties))
    subject_of = _Subject(text, matcher, subject)
    prev: list[str] = []
    out: list[CasualtyReport] = []
    for offset, sent in _cue_sentences(text):
        out.extend(_sentence_records(sent, offset, matcher, subject_of, prev))
    return out
