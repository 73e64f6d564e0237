"""What a number in a casualty sentence is not: dates, ages, amounts, scores, rates, hypotheticals, deaths of
disease or disaster.

`not_a_casualty(sent, q, num_start)`, `non_conflict(sent, q)` and `disaster_only(sent)` are the filters `extractors.casualties` runs on
every number before reading its category; their patterns are in `extractors.casualty_number_patterns` (dates, ages,
amounts, periods, rates, hypotheticals) and `extractors.casualty_patterns` (non-casualty verbs, person nouns,
disease and disaster words).
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors import casualty_number_patterns as N
from extractors import casualty_patterns as P
from extractors.casualty_numbers import Qty, descending

_SCORE_AFTER_RE = re.compile(r"-\d")
_SCORE_BEFORE_RE = re.compile(r"\d-$")
_DIGIT_RANGE_RE = re.compile(r"\d\s*[-–]\s*\d")
_OF_WHOLE_AFTER_RE = re.compile(r"\s+of\s+(?:the|those|them|these|its|their|(?=\d|(?:two|three|four|five|six|seven|eight|nine|ten"
                                r"|eleven|twelve|twenty|thirty|forty|fifty|hundreds?|thousands?|dozens?)\b))\b")  # "one of 35 killed"
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d")
_WORD_RE = re.compile(r"[\w-]+")


_NO_BEFORE_RE = re.compile(r"\b(?:no|not)\s+$", re.IGNORECASE)
_TO_HELL_AFTER_RE = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?to\s+hell\b", re.IGNORECASE)

def not_a_casualty(sent: str, q: Qty, num_start: int) -> bool:
    """The number is no casualty figure: a date, age, amount, score, rate, hypothetical or a death of disease."""
    if q.strong:
        return True
    if non_conflict(sent, q):
        return True  # "an earthquake killing over 4,500", "died of cholera"
    if N.HYPOTHETICAL_BEFORE_RE.search(sent[max(0, q.start - 40):q.start]):
        return True  # "If 3,000 were lost in the first month, ..."
    if N.MODAL_BEFORE_RE.search(sent, max(0, q.start - 160), q.start) or N.MODAL_AFTER_RE.match(sent, q.end):
        return True  # "the fighting could kill 25,000 civilians", "34 million people would die"
    if N.FORCE_SIZE_BEFORE_RE.search(sent, max(0, q.start - 60), q.start):
        return True  # "leaving an effective force of about 150,000": a unit's size
    if N.PROJECTION_RE.search(sent, 0, q.start):
        return True  # "the simulation's scenario predicted 91.5 million casualties"
    if P.FRAME_BEFORE_RE.search(sent, max(0, q.start - 60), q.start) and not P.FRAME_CUE_AFTER_RE.match(sent, q.end):
        return True  # "Of the 11,000 troops sent, about 4,000 ..." (but "Of the 40 people killed, 12 were children")
    if re.fullmatch(r"one", sent[num_start:q.end], re.I) and _NO_BEFORE_RE.search(sent, max(0, num_start - 5), num_start):
        return True  # "no one was injured", "not one soldier died"
    if re.fullmatch(r"one", sent[num_start:q.end], re.I) and P.ONE_ADJECTIVE_RE.match(sent, q.end):
        return True  # "one captured soldier carried a military ID": a reference, not a count
    before = sent[max(0, num_start - 30):num_start]
    after = sent[q.end:q.end + 40]
    if N.AGE_LIST_BEFORE_RE.search(sent, max(0, num_start - 40), num_start):
        return True  # "two men aged 29 and 41 were killed": the second age of a list
    if N.PERIOD_NO_UNIT_BEFORE_RE.search(before) and N.PERIOD_NO_UNIT_AFTER_RE.match(sent, q.end):
        return True  # "In the last 24, 1,030 Russian soldiers have been killed": a period with its unit left out
    m = N.NOT_BEFORE_RE.search(before)
    if (m and not P.DETERMINER_RE.fullmatch(m.group(0))) or N.NOT_AFTER_RE.match(after):
        return True
    pre = P.NON_CASUALTY_PRE_LOWER_RE.search(sent[max(0, q.start - 40):q.start].lower())
    if pre is not None and P.OFFER_BEFORE_RE.search(sent, max(0, q.start - 80), max(0, q.start - 40) + pre.start()) \
            and P.CAPTIVE_AFTER_RE.match(sent, q.end):
        pre = None  # "ready to send two North Koreans captured in battle back": captives offered, still held
    if pre is not None and _TO_HELL_AFTER_RE.match(sent, q.end):
        pre = None  # "sent twelve terrorists to hell": killed
    if pre is not None and \
            not P.BODIES_AFTER_RE.match(sent, q.end) and not P.AMONG_TOTAL_RE.match(sent, q.end) and \
            not P.CUE_ADJECTIVE_GROUP_RE.match(sent, q.end) and not P.FIGURE_NOUN_AFTER_RE.match(sent, q.end) and \
            not (P.FRAME_BEFORE_RE.search(sent, max(0, q.start - 60), q.start) and P.FRAME_CUE_AFTER_RE.match(sent, q.end)):
        return True
    if N.RATE_RE.search(sent[max(0, q.start - 20):q.start]) or N.RATE_AFTER_RE.match(sent, q.end):
        return True
    if _SCORE_AFTER_RE.match(sent[q.end:q.end + 2]) or _SCORE_BEFORE_RE.search(sent[max(0, num_start - 2):num_start]):
        return True  # a score or code ("9-2-1")
    if q.qualifier == "range" and _DIGIT_RANGE_RE.search(sent[num_start:q.end]) and q.lo != q.hi and \
            descending(sent[num_start:q.end]):
        return True  # "lost 24-17": a score, not a range
    if _OF_WHOLE_AFTER_RE.match(sent[q.end:q.end + 12]) and \
            sent[num_start:q.end].lower() == "one":
        return True
    raw = sent[num_start:q.end]
    if _YEAR_RE.fullmatch(raw.strip()):
        if N.YEAR_BEFORE_RE.search(sent, max(0, num_start - 20), num_start) or (
                sent[q.end:q.end + 1] == "," and not N.CUE_AFTER_COMMA_RE.match(sent, q.end + 1)):
            return True  # "Since 2004, more than 6,500 ...", "October 11, 2025, 591 Palestinians"
        following = [w.lower() for w in _WORD_RE.findall(sent[q.end:q.end + 30])[:2]]
        if following[:1] in (["a"], ["an"], ["the"]) or not any(
                w in P.PERSON_NOUNS or w in P.COMBATANT_NOUNS for w in following):
            return True  # a year (but "more than 2000 people" is a count)
    return False


def non_conflict(sent: str, q: Qty) -> bool:
    """A disease, disaster or accident word close to the figure, or anywhere in a sentence with no word of
    violence: not a casualty of violence."""
    words, violent = _non_conflict_words(sent)
    if words and not violent:
        return True  # "hundreds of bodies from areas ... hit by a major earthquake"
    return any(q.start - 90 <= start and end <= q.end + 60 for start, end in words)


def disaster_only(sent: str) -> bool:
    """The sentence names a disease, disaster or accident and no violence: the next sentence, if it names no
    violence either, goes on about the same event."""
    words, violent = _non_conflict_words(sent)
    return bool(words) and not violent


@lru_cache(maxsize=256)
def _non_conflict_words(sent: str) -> tuple[tuple[tuple[int, int], ...], bool]:
    low = sent.lower()
    if len(low) == len(sent):
        words = tuple((m.start(), m.end()) for m in P.NON_CONFLICT_LOWER_RE.finditer(low))
        words += tuple((m.start(), m.end()) for m in P.DISASTER_LOWER_RE.finditer(low))
    else:  # lower() changed offsets (rare letters): the case-blind patterns
        words = tuple((m.start(), m.end()) for m in P.NON_CONFLICT_RE.finditer(sent))
        words += tuple((m.start(), m.end()) for m in P.DISASTER_RE.finditer(sent))
    return words, bool(words) and P.VIOLENCE_RE.search(sent) is not None
