"""Holder resolution for `extractors.sentiment`: who holds a cue in one unit, and what a unit
hands on to the next.

`_resolve_holder` turns the holder noun nearest a cue (`extractors.sentiment_rules._pick_holder`,
with the clause-shape tests of `extractors.sentiment_holders`) into the unit's holder class:
fighters' own state and inverted subjects first, then "he"/"she" after a collective noun, a
holder named in the quotation, the previous unit's holder, a named person (``other``), "many"
of a group named before, kin spoken of (``families``) and the poll defaults (``public``); the
rules are step 3 of the `extractors.sentiment` docstring. `_Carry` is what a unit hands to
the next one (its holder, poll context, speaker and poll shares), worked out only when asked;
`_kin_state` tells when a family's report is also the soldiers' own state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors import sentiment_holder_words as hw
from extractors import sentiment_holders as hol
from extractors import sentiment_lexicon as lex
from extractors import sentiment_quote_words as qw
from extractors.sentences import sentence_spans
from extractors.sentiment_cues import _Cue
from extractors.sentiment_rules import (
    _FIRST_PERSON_FEELING,
    _IN_PHRASE,
    _OBJECT_BEFORE,
    _THIRD_KIN_BEFORE,
    _Holder,
    _holders,
    _pick_holder,
)
from extractors.sentiment_shares import has_share

_I = re.IGNORECASE
# capitalised pairs that are not people: places, institutions, nationalities
_PLACE_OR_GROUP = re.compile(r"\b(?:[A-Z][a-z]+\s+(?:Province|Oblast|Region|City|Strip|Bank|Forces|Army|Ministry|Council|Party|Forum|Union|Nations|States|Institute|Center|Centre|Agency))\b")
# a town named as the setting: "The city of El Fasher", "the besieged town of Bakhmut"
_TOWN_NAMED = re.compile(r"\b(?:city|town|village|port city|capital)\s+of\s+([A-Z][\w'’-]+)")
# a country named in the sentence itself keeps its people the public ("People across Sudan ...")
_COUNTRY_IN = re.compile(r"\b(?:across|throughout|all over)\s+(?:the\s+)?[A-Z]")
_HE_SHE_FIRST = re.compile(r"\s*(?:he|she)\b", re.IGNORECASE)
# a person named as a member of a group, whom "he"/"she" then continues as the group ("One of them said ...")
_MEMBER_OF = re.compile(r"\b(?:one|another|some|a\s+member|members)\s+of\b", re.IGNORECASE)
_PERSON_AGE = re.compile(r"\b[A-Z][a-z]+,\s+(?:aged\s+)?\d{1,2},")  # "Manal, 44, a schoolteacher ...": one person
_SAY_BEFORE = re.compile(r"\b(?:say|says|said|think|thinks|thought|believe[sd]?|agree[sd]?|want|wants)\s+(?:that\s+)?(?:the\s+|their\s+|its\s+)?$", _I)
_RESPONDENTS = re.compile(r"\b(?:respondents|those (?:polled|surveyed|asked|questioned)|people (?:polled|surveyed))\b", _I)
_POSSESSED_KIN = re.compile(
    r"(?<!with\s)(?<!alongside\s)(?<!for\sthem,\s)(?<!about\sthem,\s)\b(?:their|her|his)\s+(?:[\w-]+\s+){0,2}(?:husbands?|sons?|children|daughters?|loved ones)\b"
    r"|\breturn\s+of\s+(?:their\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:husbands|sons|partners|men|loved ones|relatives)\b",
    _I,
)
# someone speaking of "our loved ones", "my son", "our husbands" speaks as a soldier's family
_FIRST_PERSON_KIN = re.compile(r"\b(?:our|my)\s+(?:[\w-]+\s+)?(?:husbands?|sons?|boys|loved ones|children|men)\b", _I)
# a person's name with no group noun: "former cricketer Shahid Afridi, who led a rally"
PERSON_NAME = re.compile(r"\b[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?[A-Z][a-z]+\b")
# a person speaking, with no group noun: "the 27-year-old says", "said Moumen Abou Wassam"
_FIRST_PERSON_WORD = re.compile(r"\b(?:i|we|we['’]re|i['’]m|my|our|us|me)\b", re.IGNORECASE)
_PERSON_SPEAKER = re.compile(
    r"\b\d{1,3}-year-old\b|\b(?:said|says|told|tells|added)\s+(?:Mr\.?\s|Ms\.?\s|Mrs\.?\s|Dr\.?\s)?[A-Z][a-z]+\s+[A-Z][a-z]+"
    r"|\b[A-Z][a-z]+\s+[A-Z][a-z]+,?\s+(?:\d{1,3},\s+)?(?:said|says|told|tells)\b|[,”\"]\s+(?:\d{1,3}-year-old\s+)?[A-Z][a-z]+\s+(?:said|says|told|tells)\b"
    r"|\b(?:said|says)\s+[A-Z][a-z]+(?=\s*[,.]|\s*$)"
)


def soldier_kin(s: str, lo: int = 0, hi: int | None = None) -> bool:
    """Does s[lo:hi] speak of "our sons", "my husband" as soldiers' or captives' kin?"""
    hi = len(s) if hi is None else hi
    return _FIRST_PERSON_KIN.search(s, lo, hi) is not None and hw.KIN_CONTEXT.search(s, lo, hi) is not None


def _speaker_first(holders: Sequence[_Holder], masked: str) -> _Holder | None:
    """The first holder noun followed by a reporting verb: "Another resident said people were
    trying to flee" hands on the resident, not the people spoken of."""
    return next((h for h in holders if h.cls not in hw.WEAK_HOLDERS and hol.REPORTING_AFTER.match(masked, h.end)), None)


class _Carry:
    """What a unit hands to the next one, computed on demand: its holder ("Lee expressed
    his devastation" continues "One such defector is Lee") and whether it was about a poll
    ("Fear was the most common answer" continues "In a new survey ...")."""

    __slots__ = ("_masked", "_cls", "_unit", "_poll", "speaker", "shares", "_region", "_text", "before", "_group",
                 "n_found", "_person")

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
        self.before: _Carry | None = None  # the unit before, for "Many attended services" after "Residents ..."
        self._group = False  # the holder handed on was named by a group noun ("soldiers", "the junta")
        self.n_found = 0  # reports this unit added
        self._person: str | None = None  # the class of the last one-person holder noun ("the soldier speaking")

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
            seen = _speaker_first(hs, self._masked) or _pick_holder([h for h in hs if h.cls not in hw.WEAK_HOLDERS], self._masked, None, len(self._masked))
            self._cls = seen.cls if seen else (hs[-1].cls if hs else None)
            named_by = seen or (hs[-1] if hs else None)
            self._group = named_by is not None and hol.is_collective(self._masked[named_by.start:named_by.end]) \
                and not _MEMBER_OF.search(self._masked)  # "one of the many Ukrainians in Kharkiv ... He is confident"
            singles = [h for h in hs if not hol.is_collective(self._masked[h.start:h.end])]
            self._person = singles[-1].cls if singles else None
            if seen is not None and self._cls == "public" and self.before is not None and hol.is_bare_quantifier(self._masked, seen.start, seen.end) and not self.poll:
                earlier = self.before.get()
                if earlier in ("residents", "families", "soldiers", "defectors"):
                    self._cls = earlier  # "Residents took to the streets ... Many attended services"
            elif seen is None and not hs and self.before is not None and hol.PRONOUN_SPEAKER.search(self._masked):
                self._cls = self.before.get()  # 'Another resident, X, ... "...," she said. "It hurts us," she said.'
            self._masked = None
            self.before = None
        return self._cls

    @property
    def person(self) -> str | None:
        """The class of the last one-person holder noun of this unit, for a "he"/"she" that follows."""
        self.get()
        return self._person

    @property
    def group(self) -> bool:
        """Was the holder handed on named by a group noun (so "she" or "he" cannot continue it)?"""
        self.get()
        return self._group

    @property
    def kin(self) -> bool:
        """Did this unit quote someone speaking of "our husbands", "my son"?"""
        self._split()
        return bool(self._unit) and soldier_kin(self._unit)

    @property
    def local_place(self) -> bool:
        """Does this unit set the news in a town, not a country ("The city of El Fasher has been under siege")?"""
        self._split()
        m = _TOWN_NAMED.search(self._unit)
        return m is not None and m.group(1) not in hw.COUNTRIES

    @property
    def poll(self) -> bool:
        self._split()
        if self._poll is None:
            self._poll = bool(lex.POLL_CONTEXT.search(self._unit) or has_share(self._unit))
        return self._poll


def _kin_state(masked: str, cue: _Cue) -> bool:
    """Is `cue` a state ("exhausted", "demoralised") of the kin a family speaks of ("their men
    ... they are", "their sons are")?"""
    if not hw.KIN_STATE_CUE.match(masked, cue.start):
        return False
    return hw.KIN_SUBJECT_BEFORE.search(masked, max(0, cue.start - 120), cue.start) is not None


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
    if cue is not None and hol.fighters_state(masked, holders_out, cue.start):
        return "soldiers", True  # '... deployed soldiers ..., though he warned that they are "highly motivated"'
    inverted = hol.inverted_subject(masked, holders_out, cue.start, cue.end) if cue is not None else None
    if inverted is not None:
        return inverted, True  # "Among those most opposed to such concessions are Ukraine's soldiers themselves"
    anchor = quotes[0][0] if quotes else len(masked)
    h = _pick_holder(holders_out, masked, cue, anchor, cues, quotes[-1][1] if quotes else None)
    pronoun_person = False
    if (
        h is not None
        and cue is not None
        and h.end <= cue.start
        and hol.is_collective(masked[h.start:h.end])
        and hol.person_pronoun_between(masked, h.end, cue.start)
    ):  # "the junta had announced ..., and SHE was terrified": a person, not the junta
        persons = [x for x in holders_out if x.end <= h.start and not hol.is_collective(masked[x.start:x.end])]
        h = persons[-1] if persons else None
        pronoun_person = h is None
    elif (
        h is None
        and cue is not None
        and hol.person_pronoun_between(masked, 0, cue.start)
        and (PERSON_NAME.search(masked, 0, cue.start) or _PERSON_AGE.search(masked, 0, cue.start))
    ):
        pronoun_person = True  # "she was terrified" with no group noun: a person
    cls = h.cls if h else None
    if poll and cls == "officials" and _SAY_BEFORE.search(masked, max(0, h.start - 24), h.start):  # type: ignore[union-attr]
        cls = "public"  # "61% of the surveyees say THE GOVERNMENT should support ...": what they say, not who says it
    named = cls is not None or pronoun_person
    subject = (  # "many Ukrainian soldiers are finding it increasingly difficult to continue fighting"
        h is not None and cue is not None and h.end <= cue.start and hol.SUBJECT_VERB.match(masked, h.end) is not None
    )
    if cls is None or (cls in hw.WEAK_HOLDERS and cue is not None and not subject and not hol.is_apposition(masked, h.start)):  # type: ignore[union-attr]
        inner: list[_Holder] = []
        for s, e in quotes:
            inner.extend(
                _Holder(x.start + s, x.end + s, x.cls)
                for x in _holders(unit[s:e])
                if not (x.cls in ("public", "residents", "families") and _OBJECT_BEFORE.search(unit, max(s, x.start + s - 20), x.start + s))
                and not (x.cls == "families" and _THIRD_KIN_BEFORE.search(unit, max(s, x.start + s - 6), x.start + s))
            )
        spoken = bool(qw.REPORTING_CUES.search(masked)) or (prev_holder is not None and prev_holder.speaker)
        hi = _pick_holder(
            [x for x in inner if x.cls not in hw.WEAK_HOLDERS and not (spoken and x.cls == "officials")], unit, None, len(unit)
        )
        carried = prev_holder.get() if prev_holder is not None else None
        if carried is not None and quotes and not holders_out and hol.PERSON_APPOSITION.search(masked):
            carried = None  # '"I was terrified," shared Alina K., a 50-year-old woman who ...': one person, described as such
        if carried is not None and cue is not None and not holders_out and prev_holder is not None and prev_holder.group \
                and (hol.person_pronoun_between(masked, 0, cue.start) or _HE_SHE_FIRST.match(masked)) \
                and not _MEMBER_OF.search(masked, 0, cue.start):
            # "... heard about North Korean soldiers ..., she started ... She worries": one person, not them; the
            # one person named before if there is one ("only the soldier speaking remained ... He described ...")
            carried = prev_holder.person
            pronoun_person = named = True
        if carried is not None:
            cls = carried
            named = named or bool(quotes) or bool(lex.PRONOUN_SUBJECT.search(masked))
        elif hi is not None and not (hi.cls == "public" and any(_FIRST_PERSON_FEELING.search(unit, s, e) for s, e in quotes)):
            # '"Everybody is desperate to leave. I was worried ...," she said': the speaker's own feeling
            cls, named = hi.cls, True
            if cls == "public" and any(hol.local_everyone(unit, unit[hi.start:hi.end], s, e) for s, e in quotes):
                cls = "residents"  # '"In Wegel Tena ... Everyone is afraid," Gebeyehu added
        elif cls is None:
            # a quotation with a named speaker and no group noun: a person, not the public
            person = bool(_PERSON_SPEAKER.search(masked))
            if not person and cue is not None and not quotes:
                person = (
                    PERSON_NAME.search(masked, 0, cue.start) is not None or _PERSON_AGE.search(masked, 0, cue.start) is not None
                ) and not _PLACE_OR_GROUP.search(masked)
            # "While HE hopes for a Russian victory" with no group noun and nothing carried: one person
            person = person or (carried is None and hol.person_pronoun_between(masked, 0, cue.start) if cue is not None else False)
            # (a quotation in the first person is someone's words even with the speaker named only later:
            # '"... We're exhausted." This message from Abdel Fattah al-Behairi, 38, came after ...')
            first_person = bool(quotes) and any(_FIRST_PERSON_WORD.search(unit, s, e) for s, e in quotes)
            cls = "other" if not poll and ((quotes and (spoken or first_person)) or person or pronoun_person) else "public"
    if h is not None and cls == "public" and hol.is_bare_quantifier(masked, h.start, h.end):
        # "Residents of Goma survived ..., but many are fearful": "many" of the group named before
        group = [
            x
            for x in holders_out
            if x.end <= h.start and x.cls not in ("public", "officials") and not _IN_PHRASE.search(masked, max(0, x.start - 30), x.start)
        ]
        if group:
            cls = group[0].cls
        elif prev_holder is not None and not poll and prev_holder.get() in ("residents", "families", "soldiers", "defectors"):
            cls = prev_holder.get() or cls  # "Another resident ... said ... Many have called for a halt"
    if h is not None and cls == "public" and masked[h.start:h.end].lower().endswith(("populace", "population")) \
            and masked[max(0, h.start - 4):h.start].lower() == "the " and (
            any(x.cls == "residents" for x in holders_out if x.end <= h.start)
            or prev_holder is not None and not poll and prev_holder.get() == "residents"):
        cls = "residents"  # "In El Fasher ... residents face ... the fear gripping the populace": the people of that place
    if h is not None and cls == "public" and not poll and masked[h.start:h.end].lower() in ("people", "civilians") \
            and prev_holder is not None and not prev_holder.poll and prev_holder.local_place \
            and not _COUNTRY_IN.search(masked):
        cls = "residents"  # "The city of El Fasher has been under siege for months. People are terrified": its people
    if cls in ("public", "other") and _POSSESSED_KIN.search(masked):
        cls, named = "families", True  # "women ... demand the return of their husbands and sons"
    elif cls in ("public", "other") and (
        (quotes and any(soldier_kin(unit, s, e) for s, e in quotes))
        or (h is None and prev_holder is not None and prev_holder.kin)  # the same speaker's next sentence
    ):
        cls, named = "families", True  # '"We want our husbands back alive," one of the protesters said'
    if not named and lex.PRONOUN_SUBJECT.search(masked) and qw.REPORTING_CUES.search(masked):
        named = True  # "Some say we should support Russia": someone speaking for a group
    if poll:
        named = True
        if cls == "residents" or (cls != "public" and _RESPONDENTS.search(unit)):
            cls = "public"
    return cls, named
