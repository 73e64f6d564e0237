"""The rules behind `extractors.sentiment` for one unit once its stance cues are found:
holder nouns and the holder nearest a cue, quote scoring, the document tone and the
per-holder combination of cues.

`extractors.sentiment` splits a text into units and decides reports and the verdict;
this module answers the questions it asks of one unit: which holder nouns are there, which
of them is nearest a given cue (`extractors.sentiment_resolve` turns that into the unit's
holder, with the carry-over from the unit before), what a quotation says, and what one
holder's cues add up to. The cues themselves (with negation, peace-object flips and
attached percentages) are found by `extractors.sentiment_cues`; the word lists and patterns
are in `extractors.sentiment_lexicon`. Regexes over the big alternations (holders, domain
lexicon) run case-sensitively on lower-cased text: without IGNORECASE the engine skips an
alternative on its first letter.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import vaderSentiment.vaderSentiment as _vader
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from extractors import sentiment_holder_words as hw
from extractors import sentiment_holders as hol
from extractors import sentiment_lexicon as lex
from extractors import sentiment_quote_words as qw
from extractors.sentiment_cues import (
    _CLAUSE_STOP,
    _EXCEPTIONS_LOW,
    _JOY_EVENT,
    _JOY_LIKE,
    _TOKEN,
    _Cue,
    _find_cues,
)
from extractors.sentiment_shares import has_share, share_value  # noqa: F401  (re-exported)

_I = re.IGNORECASE

_HOLDER_CLASSES: list[str] = []
_holder_parts: list[str] = []
for _cls, _frag in hw.HOLDER_PATTERNS:
    _holder_parts.append(f"(?P<h{len(_HOLDER_CLASSES)}>{_frag})")
    _HOLDER_CLASSES.append(_cls)
_HOLDER_RE = re.compile(r"\b(?=[a-z0-9])(?:" + "|".join(_holder_parts) + r")\b")  # on lower-cased text
_HOLDER_RE_I = re.compile(_HOLDER_RE.pattern, _I)  # when lower-casing changes the length
_HOLDER_CASED_CLASSES = [cls for cls, _ in hw.HOLDER_PATTERNS_CASED]
_HOLDER_CASED_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<k{i}>{frag})" for i, (_, frag) in enumerate(hw.HOLDER_PATTERNS_CASED)) + r")\b"
)


def _weighted(table: tuple[tuple[str, float], ...]) -> tuple[re.Pattern[str], list[float]]:
    parts = [f"(?P<d{i}>{frag})" for i, (frag, _) in enumerate(table)]
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b"), [w for _, w in table]  # on lower-cased text


_DOM_POS_RE, _DOM_POS_W = _weighted(qw.DOMAIN_POSITIVE)
_DOM_NEG_RE, _DOM_NEG_W = _weighted(qw.DOMAIN_NEGATIVE)

_PLACES_RE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(hw.KNOWN_PLACES, key=len, reverse=True)) + r")\b"
)
# an emotion noun names its holder after "of": "joy and excitement of the commanding officers and combatants"
_EMOTION_NOUN = re.compile(r"(?:joy|excitement|pride|anger|grief|frustration|fury|despair|enthusiasm|exhaustion|fatigue|resentment"
                           r"|discontent|dissatisfaction|jubilation|happiness|sorrow|anguish|outrage|indignation|bitterness)\b", _I)
_EMOTION_OF = re.compile(r"\s*(?:(?:and|,)\s+[\w-]+\s+)?of\s+(?:[\w'’-]+\s+){0,4}$", _I)
_SOURCE_PREP = re.compile(r"\s*(?:(?:and|or|,)\s+[\w-]+\s+)?(?:from|among|amongst|within|inside)\s+(?:[\w'’-]+\s+){0,3}$", _I)
_QUANTIFIER_OF = re.compile(
    r"^\W*(?:\w+\s+){0,2}(?:group|groups|dozens|hundreds|thousands|many|some|most|all|majority|couple|few|several|\d+)\s+of\s+(?:(?:the|its|their|[A-Z][\w’'-]+)\s+){0,2}$",
    _I,
)
_IN_PHRASE = re.compile(
    r"\b(?:to|at|with|against|by|of|from|toward|towards|on|for|into|outside|near|inside|before)\s+(?:the\s+|their\s+|its\s+|local\s+|federal\s+)?(?:[\w.-]+\s+){0,2}$", _I
)
_THIRD_KIN_BEFORE = re.compile(r"\b(?:his|her)\s+$", _I)  # "he and his father made us live in fear": a third person's kin
# a holder right after one of these verbs is its object
_TRANSITIVE_CUE = re.compile(
    r"(?:condemn|critici[sz]|prais|blam|accus|slam|hail|laud|thank|salut|denounc|attack|rebuk|lambast|deplor|applaud|commend|support|back|oppos|welcom|trust|distrust)\w*\b(?!\s+(?:from|among|by)\b)",
    _I,
)
_DIRECT_OBJECT = re.compile(r"\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?(?:[\w’'.-]+\s+){0,3}$", _I)
_EXPRESSED = re.compile(r"\b(?:express\w*|voic\w*|show\w*|display\w*|convey\w*|shar(?:e|ed|ing))\s+(?:[\w-]+\s+){0,2}$", _I)
_OF_BEFORE = re.compile(r"\bof\s+(?:[\w-]+\s+)?\(?$", _I)
_SUBJECT_STOP = re.compile(r"[,;:–—]|\b(?:but|however|while|whereas|although|though|yet)\b", _I)  # "(men)" inside a subject
# a place set in front of the sentence: "In Kharkiv, people are terrified" (a town, not a country: residents)
_FRONTED_PLACE = re.compile(
    r"\W*(?:(?:but|and|yet|meanwhile|now|today)\s+)?(?:in|across|around|throughout|inside|here in|on the streets of)\s+(?:the\s+)?(?:(?:city|town|village|region|province|district|"
    r"besieged|embattled|frontline|front-line|northern|southern|eastern|western|central|border)\s+(?:city\s+|town\s+)?(?:of\s+)?)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)(?:(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’-]+)*\s*(?:,|(?=there\s+(?:is|are|was|were)\b))", _I)
_OBJECT_PREP = re.compile(r"\b(?:for|against|with|at|to|over|about|on|toward|towards|around|behind)\b", _I)
_FLEEING_AFTER = re.compile(
    r"\s+(?:to\s+|were\s+|have\s+been\s+|had\s+been\s+|are\s+)?(?:flee|fled|fleeing|leave|left|evacuat\w*|displaced|shelter\w*"
    r"|prepare\w*\s+(?:for|to)\s+(?:evacuat\w*|flee|leave))\b")
_FLEEING_BEFORE = re.compile(r"\b(?:displaced|fleeing|evacuated|homeless|civilian|poor)\s+$")
# groups named by where they are: "people in Belgorod", "students in Kursk city" are residents
_PLACE_GROUPS = frozenset({"people", "students", "workers", "women", "men", "youths", "civilians", "young people", "citizens"})
# quantifiers named by where they are: "many in Sweida" (a people in a town stays the public: "Ukrainians in Kharkiv",
# "Sudanese in Tawila"), and any of them along a border or front line: "Lebanese living along the border"
_PLACE_GROUPS_AFTER = frozenset({"many", "most", "some", "others"})
_BORDER_GROUPS = _PLACE_GROUPS_AFTER | frozenset({
    "russians", "ukrainians", "israelis", "lebanese", "iranians", "syrians", "sudanese", "palestinians", "koreans", "north koreans",
    "pakistanis", "indians", "kashmiris", "congolese", "burmese", "haitians", "ethiopians", "tigrayans", "yemenis", "armenians",
    "afghans", "iraqis"})
# victims, not holders: "among 14 people killed", "where around 20 people were killed", "killing dozens of Palestinians"
_KIN_OBJECT_BEFORE = re.compile(r"\b(?:for|to|about|from|on|over|at)\s+(?:them|him|her|themselves),?\s+(?:and\s+)?$")
_VICTIM_AFTER = re.compile(r"\s+(?:who\s+)?(?:(?:were|was|have\s+been|had\s+been|are|is)\s+)?(?:killed|dead|died|slain|murdered|massacred|executed)\b")
_KILLED_BEFORE = re.compile(r"\b(?:kill\w*|slaughter\w*|massacr\w*|murder\w*)\s+(?:at\s+least\s+|more\s+than\s+)?(?:[\w,]+\s+){0,2}?(?:of\s+)?(?:the\s+)?$")
_FROM_TO_AFTER = re.compile(r"\s+from\s+(?:[\w'’-]+\s+){1,3}to\s", _I)
_BORDER_AFTER = re.compile(r"\s+(?:who\s+)?(?:living|live|lived|in|on|near|along)\s+(?:along\s+|near\s+)?the\s+(?:border|front\s?lines?|front)\b")
_TARGET_PREP = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:of|to|in|against|toward|towards|at|with|on|by|outside|near|before|in front of)\W+(?:\w+\W+){0,3}$", _I
)
# a holder as the subject of expressing: "a letter in which the soldier expresses the willingness to give his life"
_EXPRESSES_AFTER = re.compile(r"\s+(?:\w+ly\s+)?(?:express\w*|voic\w*|show\w*|declar\w*|profess\w*|pledg\w*|vow\w*|swor\w*|wr[io]te\w*)\b", _I)
_TROOPS_ASKED_BEFORE = re.compile(
    r"\b(?:call\w*\s+(?:on|for|upon)|urg\w*|ask\w*|implor\w*|appeal\w*\s+to)\s+(?:the\s+|their\s+|all\s+)?(?:[A-Z][\w-]*\s+){0,3}$"
)
_ASKED_BEFORE = re.compile(r"\b(?:want\w*|urg\w*|ask\w*|call\w*\s+on|press\w*|pressur\w*|push\w*|expect\w*|implor\w*|beg\w*)\s+(?:the\s+|their\s+|its\s+)?"
                           r"(?:(?-i:[A-Z])[\w.]*\s+){0,3}$", _I)  # "urged US President Donald Trump to stop the war"
_COUNT_OPENS = re.compile(r"\W*(?:nearly|about|some|more\s+than|over|around|almost|at\s+least|roughly)?\s*\d[\d,.]*\s+(?:[\w'’-]+\s+){0,6}$", _I)
# a quotation in which the speaker feels something in the first person ("We now live in fear")
# the speaker's own feeling or verdict: "We strongly condemn this action" (not "the international community" named before)
_FIRST_PERSON_FEELING = re.compile(
    r"\b(?:i|we)\s+(?:[\w’']+\s+){0,3}?(?:was|were|am|are|feel|felt|live|lived|now|fear|worry|worried|can't|cannot|don't"
    r"|condemn|denounce|deplore|oppose|reject|protest|demand|welcome)\b",
    _I,
)
# a job at an institution is not the institution's voice: "a civil servant at the finance ministry"
_JOB_AT_BEFORE = re.compile(
    r"\b(?:civil\s+servant|employee|worker|clerk|staffer|accountant|secretary|driver|cleaner|engineer|teacher|nurse|doctor|janitor|guard"
    r"|who\s+works?|works?|working|worked|employed)\s+(?:at|in|for|with|by)\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}$",
    _I,
)
_AMONG_BEFORE = re.compile(r"\b(?:among|amongst|of|in)\s+(?:[\w’'-]+\s+){0,2}$", _I)
_ATTRIBUTIVE_HOLDERS = frozenset({"officials", "soldiers"})
# "..., says foreign soldier Ares": the holder named as the speaker right after a cue
_SPEAKER_BEFORE = re.compile(r"[,”\"]\s*(?:says?|said|told|tells|added|explained|recalled)\s+(?:[\w’'-]+\s+){0,3}$", _I)
# "the fatigue that he and his unit are experiencing": the holder as the subject of feeling
_EXPERIENCER_AFTER = re.compile(r"\s+(?:(?:are|is|were|was|have been|had been)\s+)?(?:experienc|feel|felt|suffer|endur|describ|express|voic)", _I)
# a holder noun right after a transitive verb or a possessive is an object: "killing people", "fight my own people"
_OBJECT_BEFORE = re.compile(
    r"\b(?:\w+ing|kill\w*|fight|arrest\w*|attack\w*|send|sent|shoot|shot|my|our|your|own)\s+$"
    r"|\b(?:home|bring|free|release|rescue|save|protect|abandon\w*|neglect\w*)\s+(?:the\s+|these\s+|those\s+)?$"  # "bring home the people you neglected"
    r"|\b(?:honou?r\w*|elevat\w*|prais\w*|thank\w*|salut\w*|comfort\w*|consol\w*|care\s+for)\s+(?:the\s+|their\s+|his\s+|her\s+)?$",  # "elevates their families"
    _I,
)

_VADER = SentimentIntensityAnalyzer()
_VADER_LEX: dict[str, float] = _VADER.lexicon
_VADER_BOOSTERS: dict[str, float] = _vader.BOOSTER_DICT
_VADER_NEGATE = frozenset(_vader.NEGATE) | {"not", "never", "no", "nor", "none", "nobody", "nothing", "without"}
_VADER_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


@dataclass(frozen=True, slots=True)
class _Holder:
    start: int
    end: int
    cls: str


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


@lru_cache(maxsize=1024)
def _holders(s: str) -> tuple[_Holder, ...]:
    """Holder nouns in `s` (cached: a unit is looked at again as the next unit's carry-over)."""
    low = s.lower()
    found = (
        [(m.start(), m.end(), _HOLDER_CLASSES[int(m.lastgroup[1:])]) for m in _HOLDER_RE.finditer(low)]  # type: ignore[index]
        if len(low) == len(s)
        else [(m.start(), m.end(), _HOLDER_CLASSES[int(m.lastgroup[1:])]) for m in _HOLDER_RE_I.finditer(s)]  # type: ignore[index]
    )
    cased = (
        [(m.start(), m.end(), _HOLDER_CASED_CLASSES[int(m.lastgroup[1:])]) for m in _HOLDER_CASED_RE.finditer(s)]  # type: ignore[index]
        if hw.HOLDER_CASED_HINT.search(s)
        else []
    )
    if cased:  # merge: leftmost first, the longer at one position, no overlaps
        found.sort()
        merged: list[tuple[int, int, str]] = []
        for a, b, cls in sorted(found + cased, key=lambda x: (x[0], x[0] - x[1])):
            if not merged or a >= merged[-1][1]:
                merged.append((a, b, cls))
        found = merged
    out = []
    for a, b, cls in found:
        if cls not in ("officials", "families") and (
                _VICTIM_AFTER.match(low, b) or _KILLED_BEFORE.search(low, max(0, a - 40), a)):
            continue  # the dead feel nothing: "14 people killed", "killing dozens of Palestinians"
        if cls == "public" and low[a:b] in _BORDER_GROUPS and _BORDER_AFTER.match(low, b):
            out.append(_Holder(a, b, "residents"))  # "Lebanese living along the border"
            continue
        if cls == "public" and (low[a:b] in _PLACE_GROUPS or low[a:b] in _PLACE_GROUPS_AFTER or _FRONTED_PLACE.match(s, 0, a)) \
                and not _FROM_TO_AFTER.match(s, b):  # (a span of places is the nation: "citizens from AJK to Islamabad")
            m = (hw.PEOPLE_OF_PLACE.match(s, b) if low[a:b] in _PLACE_GROUPS or low[a:b] in _PLACE_GROUPS_AFTER else None) \
                or _FRONTED_PLACE.match(s, 0, a)
            if m and m.group(1).split()[0].rstrip("'’s") not in hw.COUNTRIES \
                    and m.group(1).split()[0] not in hw.NOT_PLACES:
                cls = "residents"  # "the people of the Syrian coast", "people in Belgorod", "In Kharkiv, people ..."
        elif cls == "families" and low[a:b] == "families" and (
                _FLEEING_AFTER.match(low, b) or _FLEEING_BEFORE.search(low, max(0, a - 24), a)):
            cls = "residents"  # "forced many families to flee", "displaced families": households, not soldiers' kin
        elif cls == "families" and s.startswith(("’s ", "'s "), b) and _THIRD_KIN_BEFORE.search(s, max(0, a - 6), a):
            continue  # "the strike rocked her mother's home": a person's relative, not a soldier's family
        elif cls == "officials" and _JOB_AT_BEFORE.search(s, max(0, a - 60), a):
            continue  # "a civil servant at the finance ministry": a person with a job, not an official statement
        elif cls == "families" and low.startswith(("her ", "his ", "their "), a) and low.endswith(("with ", "alongside "), 0, a):
            continue  # "celebrating with her children": companions, not a soldier's family
        elif cls == "families" and low.startswith(("her ", "his ", "their "), a) and _KIN_OBJECT_BEFORE.search(low, max(0, a - 24), a):
            continue  # "what it will mean for them, their loved ones and their communities": objects, not who feels
        out.append(_Holder(a, b, cls))
    return tuple(out)


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
    asides = hol.relative_spans(s) if cue is not None and len(holders) > 1 else []
    for h in holders:
        if asides and h is not holders[0] and h.end <= pos and hol.inside_aside(asides, h.start, holders[0].end, pos):
            continue  # "The protesters, who included REFUGEES from Karabakh, blamed ...": not the subject
        if cue is None and h.start >= anchor_end and hol.is_companion(s, h.start):
            continue  # "said Mahasin Ahmed as she left ... with two RELATIVES"
        if h.cls in _ATTRIBUTIVE_HOLDERS and not hol.carries_remarks(s, h.start) and not hol.trailing_speaker(s, h.start, h.end) and not _EXPRESSES_AFTER.match(s, h.end) and any(
            c.end <= h.start and _is_object(s[c.end:h.start]) for c in (cues or ([cue] if cue else []))
        ):
            continue
        if h.cls == "officials" and cue is not None and 0 <= cue.start - h.end <= 8 and s.startswith(("'s", "’s"), h.end):
            continue  # 'the Kremlin’s “unjustifiable” war': whose war is judged, not who judges it
        if h.cls == "officials" and hol.OBLIGED_AFTER.match(s, h.end):
            continue  # "said authorities must take responsibility": the ones called on, not the holder
        if h.cls == "officials" and h.end <= pos and _ASKED_BEFORE.search(s, max(0, h.start - 30), h.start):
            continue  # "want THE GOVERNMENT to prioritize a deal": the one asked, not the holder
        if h.cls in hw.WEAK_HOLDERS and h.end <= pos and _TROOPS_ASKED_BEFORE.search(s, max(0, h.start - 50), h.start):
            continue  # "calling for North Korean TROOPS in Russia to stop helping ...": the ones asked
        if h is not holders[0] and h.start >= (cue.start if cue is not None else 0) and h.cls == "other" and hol.is_predicate(s, h.start):
            continue  # "the mothers ... have become the most active CRITICS of the regime": a predicate
        if h.cls == "officials" and _IN_PHRASE.search(s, max(0, h.start - 30), h.start) and not hol.carries_remarks(s, h.start) and (
            len(holders) > 1 or (cue is not None and h.start >= cue.end)
        ):
            continue  # "appealing to authorities": officials inside a phrase are not the subject
        source = cue is not None and h.start >= cue.end and (
            bool(_SOURCE_PREP.match(s, cue.end, h.start))
            or (bool(_EMOTION_NOUN.match(s, cue.start)) and bool(_EMOTION_OF.match(s, cue.end, h.start)))
            or (h.start - cue.end <= 30 and bool(_EXPERIENCER_AFTER.match(s, h.end)))
        )
        speaker = (
            cue is not None
            and not source
            and 0 <= h.start - cue.end <= 60
            and (bool(_SPEAKER_BEFORE.search(s, max(0, h.start - 40), h.start)) or hol.trailing_speaker(s, h.start, h.end))
        )
        if source:  # "complaints from Russian troops", "opposition among the people"
            cost: float = 0
        elif speaker:  # named as the speaker right after the cue: a holder before the cue still wins
            cost = 40
        elif h.end <= pos:
            cost = pos - h.end
        elif cue is None:  # the speaker of a quotation: after it is as good as before
            cost = h.start - anchor_end
        elif h.start < cue.end:
            if h.start > cue.start and _TRANSITIVE_CUE.match(s, pos):
                continue  # the object inside the cue phrase: "do not trust THE GOVERNMENT", "attacked the government's decision"
            if h.start > cue.start and _OBJECT_PREP.search(s, cue.start, h.start):
                continue  # "hungry for the army -- and PUTIN -- to bring home a victory": after a preposition, an object
            cost = 0  # the cue word opens the holder: "grieving families", "worried parents"
        elif h.start - pos <= 60:
            if _TRANSITIVE_CUE.match(s, pos) and _DIRECT_OBJECT.match(s, cue.end, h.start):  # type: ignore[union-attr]
                continue  # "condemned Prime Minister Netanyahu's speech": the object, not the holder
            cost = (h.start - pos) * 1.5 + 10
        elif hol.REPORTING_AFTER.match(s, h.end):
            cost = 100  # "... fought valiantly ..., Secretary of the Security Council Sergey Shoigu told journalists"
        else:
            continue
        if h.cls in hw.WEAK_HOLDERS and cue is not None and hol.PRAISE_OF_FIGHTERS.match(s, cue.start):
            continue  # "North Korean troops fought VALIANTLY, Shoigu told journalists": the praised, not the holder
        if h.cls in hw.WEAK_HOLDERS and not source and not speaker and not (
            cue is not None and cue.start < h.start and h.end <= cue.end
            and (_AMONG_BEFORE.search(s, cue.start, h.start) or h.end == cue.end)  # "exhausted Ukrainian SOLDIERS say"
        ):
            # (a weak holder inside the cue phrase holds it: "morale among Russian troops ... is low")
            if cue is None:
                cost += 30  # "..., says Artem Ruban, a soldier in the battalion"
            elif h.end > pos or not (_opens_clause(s, h.start) or _EXPRESSES_AFTER.match(s, h.end)):
                continue  # (a soldier who "expresses", "voiced", "showed" it is its subject)
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
    if _COUNT_OPENS.match(before):  # "Nearly 1,000 current and former Israel Air Force reservists signed a letter"
        return True
    return len(_TOKEN.findall(before)) <= 4 and not re.search(r"\b(?:of|to|sent|send|sending|deployed|killed|with|against)\s+(?:\w+\s+){0,3}$", before, _I)


def _quote_score(q: str, cues: list[_Cue] | None = None) -> tuple[float, bool]:
    """(score, has_lexicon_hit) of a quotation: domain lexicon + stance cues + VADER compound / 2
    (VADER's lexicon in one linear pass: `polarity_scores` costs ~0.3 ms on a long quote)."""
    score, hits = 0.0, 0
    joy_at_end = False
    low = q.lower()
    exceptions: list[tuple[int, int]] | None = None
    for dom_re, weights, sign in ((_DOM_POS_RE, _DOM_POS_W, 1), (_DOM_NEG_RE, _DOM_NEG_W, -1)):
        for m in dom_re.finditer(low):
            if exceptions is None:  # "pay painful prices", "devastating consequences": events, not feelings
                exceptions = [(e.start(), e.end()) for e in _EXCEPTIONS_LOW.finditer(low)] if len(low) == len(q) else []
            if any(a <= m.start() < b for a, b in exceptions):
                continue
            hit_sign = sign
            if sign > 0 and _JOY_LIKE.match(m.group(0)) and _JOY_EVENT.search(low, m.end()):
                hit_sign, joy_at_end = -1, True  # "happy and relieved that a ceasefire agreement has finally been reached"
            score += hit_sign * weights[int(m.lastgroup[1:])]  # type: ignore[index]
            hits += 1
    for c in _find_cues(q) if cues is None else cues:
        if c.polarity:
            score += c.polarity * c.strength
            hits += 1
    if hits and not joy_at_end:  # (VADER reads joy at a ceasefire as positive)
        score += qw.VADER_WEIGHT * document_tone(q)
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
        if h.cls in hw.WEAK_HOLDERS or q.startswith(("’s", "'s"), h.end):  # "Netanyahu's war" is a target
            continue
        if h.cls in ("public", "residents") and _OBJECT_BEFORE.search(q, max(0, h.start - 20), h.start):
            continue
        if _OF_BEFORE.search(q, max(0, h.start - 30), h.start):
            continue  # "wives and mothers of mobilised (men)": a complement, not the subject
        if h.start <= first.end and first.start - h.end <= 40:
            between = q[h.end:first.start] if h.end <= first.start else ""
            if not _SUBJECT_STOP.search(between) and not re.match(r"\s*(?:were|are|was|is|have been|had been)\s+(?:killed|sent|deployed|wounded)", between, _I):
                best = h
        elif 0 <= h.start - first.end <= 12 and q[first.end:h.start].strip().lower() in ("among", "among the"):
            best = best or h
    return best.cls if best else None


def _location(unit: str, masked: str) -> str | None:
    """The first place named (outside quotes first); at one position the longer name wins."""
    for s in (masked, unit):
        found = [m for m in (_PLACES_RE.search(s), hw.PLACE_PATTERN.search(s)) if m]
        if found:
            m = min(found, key=lambda m: (m.start(), -len(m.group(1))))
            return m.group(1)
    return None


def _clauses(s: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in lex.CONTRAST_MARKERS.finditer(s):
        if m.start() > cuts[-1]:
            cuts.append(m.start())
    cuts.append(len(s))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def _is_weak(masked: str, cue: _Cue) -> bool:
    """A one-word affect cue with no share attached (multi-word cues are specific constructions)."""
    if cue.pct_at >= 0 or any(ch.isspace() for ch in masked[cue.start:cue.end]):
        return False
    if _EXPRESSED.search(masked, max(0, cue.start - 40), cue.start):
        return False  # "expressing admiration for", "voiced concern over": said to be felt
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
    more than half wins when the other does not; otherwise a side needs 1.2x the
    other's share, else the report is mixed."""
    majority = any(m for _, _, m, _, _ in lst)
    shares: dict[int, list[float]] = {}
    for p, s, _, w, at in lst:
        if at >= 0:
            shares.setdefault(at, [w, 0.0])[1] += p * s
    if shares:  # "a third would accept concessions, although most still oppose ...": "most" is a share above half
        for i, (p, s, m, _, at) in enumerate(lst):
            if at < 0 and m and p:
                shares[-1 - i] = [0.51, p * s]
    if shares:
        pos = sum(w for w, v in shares.values() if v > 0)
        neg = sum(w for w, v in shares.values() if v < 0)
        if pos or neg:
            if pos and neg and (pos > 0.5) == (neg > 0.5) and max(pos, neg) < 1.2 * min(pos, neg):
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
