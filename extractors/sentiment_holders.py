"""Clause-level helpers for choosing the holder of a sentiment cue.

`extractors.sentiment_rules` picks the holder noun nearest a cue; these helpers tell it
which nouns cannot be the subject of the cue's clause, from the shape of the sentence
rather than from particular words:

- a noun inside a relative clause or an "including" aside that follows another holder is
  not the subject ("The protesters, who included refugees from Karabakh, blamed ..." ->
  the protesters);
- a noun after "with", "alongside", "near" is a companion, not the speaker ("said
  Mahasin Ahmed as she left ... with two relatives");
- "he"/"she" right before a cue is a person: a collective noun before it (the junta, the
  government, forces) cannot be who feels it ("the junta had just announced ..., and she
  was terrified");
- "Name, an ex-soldier ..." names the subject's group by apposition, so a weak holder
  (soldiers) there is the subject;
- a noun after a copula is a predicate, not the subject, when a holder precedes it
  ("the mothers ... have become one of the most active CRITICS of the regime");
- "everyone" in a quotation that names a town or district ("In Wegel Tena ... Everyone is
  afraid") are the people of that place, residents;
- state media that carry someone's remarks ("in remarks carried by KCNA, Kim said") make the
  speaker an official, though the noun sits inside a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from extractors import sentiment_holder_words as hw

_I = re.IGNORECASE

# ", who included refugees from Karabakh,"  ", including relatives of the dead,"  ", particularly the Sikh population,"
_RELATIVE = re.compile(
    r",\s+(?:who|whose|which|including|among\s+them|(?:many|some|most|all)\s+of\s+(?:whom|them)|particularly|especially|notably|mainly|mostly|chiefly)\b[^,;:.!?()]{0,120},",
    _I,
)
# "... with two relatives", "alongside her children": company, not the speaker
_COMPANION_BEFORE = re.compile(r"\b(?:with|alongside|near|into|towards?)\s+(?:[\w’'-]+\s+){0,5}$", _I)
# "she was terrified", "he felt", "she had long feared"
_PERSON_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s+(?:[\w’'-]+\s+){0,2}$", _I)
# "Tseganesh Kassa, an ex-soldier from Shire": an apposition after a name
_APPOSITION_BEFORE = re.compile(r"\b[A-Z][\w’'-]+,\s+(?:an?|the|one|another)\s+(?:[\w-]+\s*){0,3}$")
# "have become one of the most active critics", "are among the fiercest critics"
_PREDICATE_BEFORE = re.compile(
    r"\b(?:become|became|becoming|are|is|was|were|been|remain(?:s|ed)?)\s+(?:among\s+|(?:one|some|two|many|several)\s+of\s+)?(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:most\s+)?(?:[\w-]+\s+){0,2}$",
    _I,
)
# "remarks carried by KCNA", "a statement published by state media"
_CARRIED_BY = re.compile(r"\b(?:carried|published|released|broadcast|aired|run|relayed)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", _I)
# holder nouns that name an institution or a crowd, never one person
_COLLECTIVE = re.compile(
    r"(?:junta|government|regime|ministry|party|kremlin|authorities|parliament|congress|council|state|white house|pentagon"
    r"|propaganda|forces|army|military|people|public|population|society|majority|many|some|others|most|brigade|battalion|platoon)\b",
    _I,
)


def relative_spans(s: str) -> list[tuple[int, int]]:
    """Spans of relative clauses and "including" asides set off by commas in `s`."""
    if "," not in s:
        return []
    return [(m.start(), m.end()) for m in _RELATIVE.finditer(s)]


def inside_aside(spans: list[tuple[int, int]], start: int, first_holder_end: int, cue_start: int) -> bool:
    """Is a holder at `start` inside an aside that closes before the cue and follows
    another holder (ending at `first_holder_end`)?"""
    return any(a < start < b <= cue_start and first_holder_end <= a for a, b in spans)


def is_companion(s: str, start: int) -> bool:
    """Is the noun at `start` the object of "with", "alongside", ... ?"""
    return _COMPANION_BEFORE.search(s, max(0, start - 40), start) is not None


def person_pronoun_between(s: str, lo: int, cue_start: int) -> bool:
    """Does "he"/"she" stand right before the cue, after position `lo`?"""
    return _PERSON_PRONOUN_BEFORE.search(s, max(lo, cue_start - 40), cue_start) is not None


def is_collective(surface: str) -> bool:
    """Does a holder noun's surface name a group or an institution, not one person?"""
    low = surface.lower().rstrip("’'")
    return low.endswith("s") or _COLLECTIVE.search(low) is not None


def is_apposition(s: str, start: int) -> bool:
    """Is the noun at `start` an apposition to a name ("Kassa, an ex-soldier")?"""
    return _APPOSITION_BEFORE.search(s, max(0, start - 60), start) is not None


def is_predicate(s: str, start: int) -> bool:
    """Is the noun at `start` a predicate after a copula ("have become ... critics")?"""
    return _PREDICATE_BEFORE.search(s, max(0, start - 60), start) is not None


def carries_remarks(s: str, start: int) -> bool:
    """Is the noun at `start` the medium that carries someone's remarks ("carried by KCNA")?"""
    return _CARRIED_BY.search(s, max(0, start - 40), start) is not None


# "In Wegel Tena, ...", "here in Kharkiv": a place named by the speaker
_PLACE_IN = re.compile(r"\b(?:[Ii]n|[Hh]ere in|[Aa]cross|[Aa]round|[Ff]rom)\s+(?:the\s+)?([A-Z][\w'’-]+)")
_EVERYONE = frozenset({"everyone", "everybody", "people", "the people"})
_EVERYONE_RE = re.compile(r"\b(?:everyone|everybody|all the people)\b", _I)


def local_everyone(s: str, surface: str, lo: int, hi: int) -> bool:
    """Is `surface` ("everyone", "people") said inside s[lo:hi], a quotation that names a place
    that is not a country ("In Wegel Tena ... Everyone is afraid")?"""
    if surface.lower() not in _EVERYONE:
        return False
    return names_local_place(s, lo, hi)


def names_local_place(s: str, lo: int, hi: int) -> bool:
    """Does s[lo:hi] name a place that is not a country after "in", "here in", "across"?"""
    return any(m.group(1) not in hw.COUNTRIES and m.group(1) not in hw.NOT_PLACES for m in _PLACE_IN.finditer(s, lo, hi))


def everyone_here(s: str, lo: int, hi: int) -> bool:
    """Does the quotation s[lo:hi] speak of "everyone" in a place it names (residents)?"""
    return _EVERYONE_RE.search(s, lo, hi) is not None and names_local_place(s, lo, hi)


_BARE_QUANTIFIERS = frozenset({"many", "some", "others", "most"})
_QUANTIFIED_PEOPLE = re.compile(r"\b(?:most|many|some|other)\s+$", _I)


def is_bare_quantifier(s: str, start: int, end: int) -> bool:
    """Is the holder s[start:end] "many", "some", "most" or "most/many people": a part of a group named before?"""
    surface = s[start:end].lower()
    return surface in _BARE_QUANTIFIERS or (surface == "people" and _QUANTIFIED_PEOPLE.search(s, max(0, start - 8), start) is not None)


# clause shapes around speakers (blind h19/h20)
REPORTING_AFTER = re.compile(r"\s+(?:said|says|told|tells|stated|noted|added|declared)\b", _I)
# a group named as the speaker after the reported statement: "... leading to exhaustion and diminished
# morale on the front line, military personnel in the field said this week"
_TRAILING_SPEAKER_BEFORE = re.compile(r"[,—–]\s*(?:[\w’'-]+\s+){0,2}$")
_TRAILING_SPEAKER_AFTER = re.compile(
    r"\s+(?:(?:in|on|at|from|near)\s+(?:the\s+)?[\w-]+(?:\s+lines?)?\s+)?(?:said|say|says|told|tell|reported|report)\b", _I
)


def trailing_speaker(s: str, start: int, end: int) -> bool:
    """Is the holder at `start`..`end` the speaker of what comes before it ("..., troops at the front said")?"""
    return bool(_TRAILING_SPEAKER_BEFORE.search(s, max(0, start - 30), start)) and bool(_TRAILING_SPEAKER_AFTER.match(s, end))


OBLIGED_AFTER = re.compile(r"\s+(?:must|should|ought\s+to|need\s+to|have\s+to)\s+(?:\w+\s+)?(?:take|bear|accept|answer|stop|end|return|bring|release|apologi[sz]e|explain|resign|step\s+down|be\s+held)\b", _I)
PRAISE_OF_FIGHTERS = re.compile(r"valiant|courageous|heroic|brave", _I)
# a state of fighters named by "they are ..." after them: "... deployed soldiers ..., though he warned that they are
# 'highly motivated'" is the soldiers' morale, not the speaker's view (praise stays the speaker's)
STATE_OF_FIGHTERS = re.compile(r"(?:highly |very |super |so |well[- ])?(?:motivat|demotivat|demorali|exhaust|tired|fatigue|morale|determined|disciplined)", _I)
THEY_ARE_BEFORE = re.compile(r"\b(?:they|these\s+(?:soldiers|troops|men))\s+(?:are|were|remain|remained|seem|seemed|appear|appeared)\s+(?:still\s+|very\s+|highly\s+)?[\"“‘']?$", _I)
SUBJECT_VERB = re.compile(r"\s+(?:are|were|is|was|have|has|had|feel|felt|remain)\s+(?:\w+ly\s+)?(?:finding|losing|growing|becoming|feeling|increasingly)\b", _I)
PERSON_APPOSITION = re.compile(r",\s+an?\s+(?:\d{1,3}-year-old\s+)?(?:woman|man|girl|boy|grandmother|grandfather|pensioner|retiree|student|teacher|doctor|nurse|engineer|driver|shopkeeper|farmer)\b", _I)
EXISTENTIAL = re.compile(r"\bthere\s+(?:is|was|are|were|remains?)\s+(?:also\s+|still\s+)?(?:a\s+|an\s+)?(?:\w+\s+)?$", _I)
PRONOUN_SPEAKER = re.compile(r"\b(?:he|she)\s+(?:said|says|added|told|continued|recalled)\b", _I)


def fighters_state(masked: str, holders: Sequence[Any], cue_start: int) -> bool:
    """Is the cue at `cue_start` a state ("highly motivated", "exhausted") of fighters named before
    it by "they are ..."? `holders` are the unit's holder nouns (with .end and .cls). Kin speaking of
    their men are left to the families' rule ("Relatives ... say their men ...: they are exhausted")."""
    if not STATE_OF_FIGHTERS.match(masked, cue_start) or not THEY_ARE_BEFORE.search(masked, max(0, cue_start - 40), cue_start):
        return False
    before = [h.cls for h in holders if h.end <= cue_start and h.cls != "officials"]
    return bool(before) and before[-1] == "soldiers" and "families" not in before


# an inverted subject: "Among those most opposed to such concessions are Ukraine's soldiers themselves"
_AMONG_THOSE_BEFORE = re.compile(r"\bamong\s+(?:those|the\s+ones|the\s+people|the\s+groups?)\s+(?:\w+ly\s+)?(?:most\s+|more\s+|least\s+)?$", _I)
_COPULA_AFTER = re.compile(r"[^.;:!?]{0,80}?\b(?:are|is|were|was)\s+", _I)


def inverted_subject(masked: str, holders: Sequence[Any], cue_start: int, cue_end: int) -> str | None:
    """The class of the holder named after the copula of "Among those most opposed to ... are X",
    or None. `holders` are the unit's holder nouns (with .start and .cls)."""
    if not _AMONG_THOSE_BEFORE.search(masked, max(0, cue_start - 50), cue_start):
        return None
    m = _COPULA_AFTER.match(masked, cue_end)
    if m is None:
        return None
    after = [h.cls for h in holders if m.end() <= h.start <= m.end() + 30]
    return after[0] if after else None
