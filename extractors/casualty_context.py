"""Whose casualties and who says so: party words, attribution phrases and the article's subject.

`PartyMatcher` finds the topic's parties, other sides and civilian words in a sentence;
`attributions` finds "according to X" / "X said" sources; `resolve_party` gives a figure its
party by the rules in `extractors.casualties`; `Subject` works out the article's subject
party lazily; `Sources` resolves pronoun sources; `linked_predicate` reads the casualty verb a
figure's noun phrase leads to across a relative clause or apposition. Side and source patterns are in `extractors.casualty_context_patterns`, the rest
in `extractors.casualty_patterns`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors import casualty_context_patterns as S
from extractors import casualty_patterns as P
from extractors.casualty_numbers import Found, Qty
from extractors.model import Party
from extractors.sentences import sentence_spans

# small patterns of the code below, compiled once (a lookup in the re module cache costs more here)
_DIGIT_RE = re.compile(r"\d")
_NUMBER_RE = re.compile(r"\d|\b(?:million|thousand|hundred|dozens?)\b", re.I)
_WORD_RE = re.compile(r"[\w'’-]+")
_AND_WORDS_RE = re.compile(r"\s*(?:and|or)\s+\w+(?:\s+\w+)?\s*")
_LAST_WORD_RE = re.compile(r"(\w+)\s*$")
_SHORT_NAME_RE = re.compile(r"(?:the\s+)?[\w'’ -]+")
_AND_RE = re.compile(r"\s*(?:and|or|&)\s*")
_QUOTE_CHAR_RE = re.compile(r"[\"“”]")
# words that tie fighters to a side named in their own noun phrase ("148 militants with armed groups affiliated with Assad")
_AFFILIATION_WORDS = frozenset("with affiliated loyal linked belonging allied from".split())


class PartyMatcher:
    """Finds party, civilian and other-side words in a string; built once per parties tuple."""

    def __init__(self, parties: tuple[Party, ...]) -> None:
        self.labels: dict[str, str] = {}
        proper: list[str] = []
        civil: list[str] = list(S.CIVILIAN_WORDS)
        for party in parties:
            for alias in with_variants(party.aliases + (party.label.replace("_", " "),)):
                if party.label == "civilian":
                    civil.append(alias)
                    continue
                self.labels.setdefault(alias.lower(), party.label)
                proper.append(alias)
        for w in S.OTHER_SIDE_WORDS:
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
        # places in a party's country, and every word that names a topic party at all
        self.place_labels = {w.lower(): p.label for p in parties if p.label != "civilian"
                             for w in with_variants(p.places)}
        places = sorted({w for p in parties if p.label != "civilian" for w in with_variants(p.places)},
                        key=len, reverse=True)
        self.place_re = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, places)) + r")(?![\w-])") \
            if places else None
        self.topic_labels = frozenset(p.label for p in parties if p.label != "civilian")

    def find_places(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, label) of every place of a topic party in text."""
        if self.place_re is None:
            return []
        return [(m.start(), m.end(), self.place_labels[m.group(0).lower()]) for m in self.place_re.finditer(text)]

    def names_topic(self, text: str) -> bool:
        """Whether text names a topic party at all (an alias, also as attacker, or a place of one)."""
        if self.proper_re is not None and any(self.labels[m.group(0).lower()] in self.topic_labels
                                              for m in self.proper_re.finditer(text)):
            return True
        return self.place_re is not None and self.place_re.search(text) is not None

    def find(self, text: str, offset: int = 0) -> list[tuple[int, int, str]]:
        """(start, end, label) of every party word in text, offsets shifted by offset."""
        out = []
        if self.proper_re is not None:
            for m in self.proper_re.finditer(text):
                out.append((m.start() + offset, m.end() + offset, self.labels[m.group(0).lower()]))
        low = text.lower()
        for m in (self.civil_re.finditer(low) if len(low) == len(text) else self.civil_re_ic.finditer(text)):
            if S.UNIFORMED_BEFORE_RE.search(text, max(0, m.start() - 30), m.start()) or S.RANK_AFTER_RE.match(text, m.end()):
                continue  # "police and security staff", "Staff Sergeant" are not civilians
            out.append((m.start() + offset, m.end() + offset, "civilian"))
        out.sort()
        return out


def with_variants(aliases: tuple[str, ...]) -> tuple[str, ...]:
    """Aliases plus their known spelling variants ("N. Korean" for "North Korean")."""
    out = list(aliases)
    for alias in aliases:
        for key, variants in S.ALIAS_VARIANTS.items():
            if key in alias:
                out.extend(alias.replace(key, v) for v in variants)
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=32)
def party_matcher(parties: tuple[Party, ...]) -> PartyMatcher:
    return PartyMatcher(parties)


def is_attacker(sent: str, start: int, end: int) -> bool:
    """A side named as the attacker or holder ("Russian strike", "by the RSF", "the RSF attacked")."""
    after = sent[end:end + 70]
    return bool(S.ATTACKER_NOUNS_RE.match(after) or S.ATTACKER_VERB_AFTER_RE.match(after)
                or S.BY_BEFORE_RE.search(sent[max(0, start - 60):start]))


def derive_subject(sentences: list[tuple[int, int, str]], matcher: PartyMatcher) -> str | None:
    """The side the text is about: most mentions that are neither attacker nor source."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for s0, _, sent in sentences:
        mentions = matcher.find(sent)
        if not mentions:
            continue
        attribs = attributions(sent)
        breakdowns = MentionFlags(sent, mentions).breakdowns  # "with five children among the victims", "14 - seven ..."
        paired = coordinated_sides(sent, mentions)
        for s, e, label in mentions:
            if (s in paired or is_attacker(sent, s, e) or any(a <= s < b for a, b, _ in attribs)
                    or S.ALLY_BEFORE_RE.search(sent[max(0, s - 40):s])
                    or any(a <= s < b for a, b in breakdowns)):
                continue
            counts[label] = counts.get(label, 0) + 1
            first.setdefault(label, s0 + s)
    if not counts:
        return None
    return max(counts, key=lambda k: (counts[k], -first[k]))


# --- attribution ---------------------------------------------------------------------

def clean_source(src: str) -> str | None:
    src = src.strip(" \t'\"“”’‘-—–")
    src = S.SOURCE_TRIM_LEAD_RE.sub("", src)
    src = S.SOURCE_TRIM_TAIL_RE.sub("", src).strip()
    if src.lower() in S.SPEAKER_PRONOUNS:
        return src.lower()  # "he said": a source, resolved to its antecedent by `Sources`
    if not src or src.lower() in S.PRONOUN_SOURCES or len(src) < 2:
        return None
    if src.split()[-1].lower() in S.NOT_SOURCE_END:
        return None  # "The army did not say", "an armed attack ... was reported"
    if src.split()[-1].lower() in ("a", "an", "the"):
        return None  # "suffered an estimated 1,500": not a source
    first = src.split()[0].lower()
    if first in S.NOT_SOURCE_START or _DIGIT_RE.search(src):
        return None
    if first in S.PRONOUN_SOURCES and len(src.split()) == 1:
        return None
    if re.match(r"^(?:it|this|that|there)\b", src, re.I):
        return None
    return src


def attributions(sent: str) -> list[tuple[int, int, str]]:
    """(start, end, source) spans of attribution phrases in a sentence."""
    out = []
    for m in S.ACCORDING_TO_RE.finditer(sent):
        src = clean_source(m.group("src"))
        if src:
            out.append((m.start("src"), m.end("src"), src))
    for rx in (S.SAID_AFTER_SUBJECT_RE, S.SAID_BEFORE_SUBJECT_RE, S.SOURCE_PARTICIPLE_RE, S.QUOTED_AS_SAYING_RE):
        for m in rx.finditer(sent):
            src = clean_source(m.group("src"))
            if src and not P.CUE_PRESENCE_RE.search(src):
                out.append((m.start("src"), m.end("src"), src))
    return out


def noun_phrase_words(sent: str, s: int, e: int) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(sent[s:e])]


_CONTINUING_WORDS = frozenset({"others", "other", "more", "further"})


def resolve_party(sent: str, f: Found, mentions, attribs, others: list[Found], prev_in_sent: Found | None,
                   subject_of: Subject, flags: MentionFlags) -> str:
    np_s, np_e = f.np
    head_end = noun_head_end(sent, np_s, np_e)
    own = [lab for s, e, lab in mentions if np_s <= s and e <= head_end + 1
           and not (lab == "civilian" and s - f.q.end > 1
                    and S.SINGLE_LISTMATE_BEFORE_RE.search(sent, max(0, s - 12), s))]
    if not own and f.cue_kind == "post" and np_s == np_e:
        # the side inside a cue right after the number: "in exchange for 100 fallen Ukrainian servicemen"
        post = P.POST_CUE_RE.match(sent, f.q.end + 1)
        if post is not None:
            own = [lab for s, e, lab in mentions if post.start() <= s and e <= post.end() and lab != "civilian"]
    own = own or cue_owner(f, sent, mentions, attribs)
    np_words = noun_phrase_words(sent, np_s, np_e)
    combatant = any(w in P.COMBATANT_NOUNS for w in np_words)
    if not np_words and f.cue_kind == "post":  # "1,000 killed and wounded soldiers": the noun after the cue
        post = P.POST_CUE_RE.match(sent, f.q.end + 1)
        combatant = post is not None and any(
            w.lower() in P.COMBATANT_NOUNS for w in _WORD_RE.findall(sent, post.end(), min(len(sent), post.end() + 30))[:3])
    if not own and P.POSSESSIVE_RE.search(sent[np_s:np_e]):
        # "Hezbollah said four of its fighters had been killed": the source's own side
        own = [lab for s, e, lab in mentions if any(a <= s < b for a, b, _ in attribs) and lab != "civilian"]
    if not own and not np_words:
        # "killed 77 and wounded 40 North Korean soldiers": a shared object further on
        for o in others:
            if o.q.start > f.q.end and _AND_WORDS_RE.fullmatch(sent[f.q.end:o.q.start]):
                own = [lab for s, e, lab in mentions if o.np[0] <= s and e <= o.np[1] + 1]
                break
    if not own and (S.REGIME_FORCES_RE.match(sent, np_s) or f.cue_kind == "loss" and not [
            m for m in mentions if m[1] <= f.cue[0]] and S.REGIME_FORCES_RE.search(sent, max(0, f.cue[0] - 40), f.cue[0])):
        own = ["other"]  # "60 regime soldiers", "junta troops lost 30 soldiers": a government named by its kind
    if own:
        if "civilian" in own and not combatant:
            return "civilian"
        sides = [lab for lab in own if lab != "civilian"]
        return sides[0] if sides else "civilian"
    if not own and (any(w in P.HOSTILE_NOUNS for w in np_words[:3]) and not set(np_words) & _AFFILIATION_WORDS or np_words[:2] in (["of", "them"], ["of", "whom"]) and any(
            w.lower() in P.HOSTILE_NOUNS for w in _WORD_RE.findall(sent, max(0, f.q.start - 50), f.q.start)[-6:])) \
            and not any(lab != "civilian" and s not in flags.attacker and not any(a <= s < b for a, b, _ in attribs)
                        and not any(o is not f and o.np[0] <= s < o.np[1] + 1 for o in others) for s, e, lab in mentions):
        # "Security forces killed at least 15 terrorists while two Pakistan Army soldiers ...", "operations against
        # outlaws leaving 537 of them dead": fighters named by what they did, in a sentence that names no side of
        # theirs, take no side from the article (its subject is the state that fights them)
        return subject_of.no_side()
    if any(w in P.HOSTILE_NOUNS for w in np_words[:3]) and any(
            lab != "civilian" and (any(a <= s < b and S.AUTHORITY_SOURCE_RE.search(src) for a, b, src in attribs)
                                   or S.AUTHORITY_AFTER_RE.match(sent, e))
            for s, e, lab in mentions):
        return subject_of.no_side()  # "Somalia's ministry said security forces shot dead six terrorist attackers"
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
        if s in flags.counted and not (f.q.start <= s <= np_e + 1):
            return False  # "22 people in total -- 20 children and two teachers --": a count of its own
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

    prev_general = prev_in_sent is not None and (prev_in_sent.party != "civilian" or prev_in_sent.general or bool(
        set(noun_phrase_words(sent, *prev_in_sent.np)) & P.GENERAL_CIVILIAN))
    if prev_in_sent is not None and prev_general:
        if not np_words or set(np_words) <= _CONTINUING_WORDS:
            f.general = True  # "30,457 civilian casualties -- 10,582 killed and 19,875 injured"
            return prev_in_sent.party  # "300 killed and 2,700 others injured"
        between = [m for m in mentions if prev_in_sent.q.end <= m[0] < f.q.start and usable(m[0], m[1])
                   and m[0] not in flags.place]
        own_side = [m for m in mentions if f.q.end <= m[0] < np_e + 1]
        if prev_general and not between and not own_side and prev_in_sent.party != "unknown" and not (
                combatant and prev_in_sent.party == "civilian") and not (
                prev_in_sent.party == "civilian" and people_head([w for w in np_words if w not in _CONTINUING_WORDS])):
            return prev_in_sent.party  # (not "killing two civilian bystanders and wounding at least 15 people")
    if f.breakdown and prev_in_sent is not None:
        return prev_in_sent.party
    best = None
    for s, e, lab in mentions:
        if not usable(s, e):
            continue
        if lab == "civilian" and combatant:
            continue
        if s > f.q.end and any(not any(o.q.start <= m.start() < o.q.end for o in others)
                               for m in _NUMBER_RE.finditer(sent, f.q.end, s)):
            continue  # "20,000 people dead and over 15 million displaced as refugees": that number's own
        dist = float(f.q.start - e) if e <= f.q.start else (s - f.q.end) * 1.5
        if 0 <= s < loss_subject_end:
            dist -= 200
        if s in flags.home:
            dist -= 200  # "the remains of 1,212 defenders have returned to Ukraine"
        elif s in flags.place:
            dist += 150
        if s in flags.opponent:
            dist += 120
        if lab == "civilian":
            dist -= 10
        if best is None or dist < best[0]:
            best = (dist, lab, s in flags.place)
    if best is not None and best[0] < 100:
        return best[1]
    own_source = _source_side(attribs, mentions, combatant, f.cue_kind)
    if best is not None:  # only a place name ("flown back from Russia"): the source or the subject says more
        if own_source is not None and combatant:
            return own_source  # "Kim Jong Un said 9 members of the regiment died in Russia"
        if combatant and not best[2] and best[1] != "civilian" and best[0] < 250:
            return best[1]  # "North Korean forces are experiencing ... in Kursk Oblast, ... 1,000 killed and wounded soldiers"
        place = None if combatant else _nearest_place(sent, f, subject_of.matcher, other_nps)
        if place is not None:
            return place  # "A Ukrainian drone attack on Russia's Samara region killed four people"
        subject = subject_of()
        if subject and subject != "civilian":
            return subject
        return best[1]
    if own_source is not None:
        return own_source
    country = _the_country(sent, mentions, flags)
    if country is not None:
        return country
    # a place of a topic party in the sentence: the side of people hit there ("two people were killed in
    # Kharkiv"); soldiers keep their army's side first, wherever they fall
    place = None if combatant else _nearest_place(sent, f, subject_of.matcher, other_nps)
    if place is not None:
        return place
    subject = subject_of()
    if subject == "civilian" and combatant:
        return subject_of.no_side()
    if subject:
        return subject
    if combatant:
        place = _nearest_place(sent, f, subject_of.matcher, other_nps)
        if place is not None:
            return place
    return subject_of.fallback()


def _nearest_place(sent: str, f: Found, matcher: PartyMatcher, other_nps: list[tuple[int, int]]) -> str | None:
    """The party of the topic place nearest the figure in its sentence, outside other figures' noun phrases."""
    best: tuple[int, str] | None = None
    for s, e, lab in matcher.find_places(sent):
        if any(a <= s < b for a, b in other_nps):
            continue
        dist = f.q.start - e if e <= f.q.start else s - f.q.end
        if best is None or dist < best[0]:
            best = (dist, lab)
    return best[1] if best else None


def _the_country(sent: str, mentions, flags: MentionFlags) -> str | None:
    """The side "the country" stands for: the last side named before it that is no attacker, ally or
    opponent ("A report by the Pakistan Institute ... revealed that the country suffered ...")."""
    if "country" not in sent:
        return None
    m = S.THE_COUNTRY_RE.search(sent)
    if m is None:
        return None
    for s, e, lab in reversed(mentions):
        if e <= m.start() and lab != "civilian" and s not in flags.attacker and s not in flags.ally \
                and s not in flags.opponent and s not in flags.paired:
            return lab
    return None


def _source_side(attribs, mentions, combatant: bool, cue_kind: str) -> str | None:
    """The side of a source that reports its own victims: a civil authority (health ministry, governor, police),
    a short name, or, for fighters, an army, a government or state media ("the Malian army said")."""
    for a, b, src in attribs:
        if S.CIVIL_SOURCE_RE.search(src) and not S.MILITARY_SOURCE_RE.search(src) or \
                _SHORT_NAME_RE.fullmatch(src) and len(src.split()) <= 2:
            sides = {lab for s, e, lab in mentions if a <= s < b and lab != "civilian"}
            if len(sides) == 1:
                return sides.pop()
        elif combatant and cue_kind != "verb" and (S.MILITARY_SOURCE_RE.search(src) or S.STATE_SOURCE_RE.search(src)) \
                and not S.ENEMY_COUNT_SOURCE_RE.search(src):
            sides = {lab for s, e, lab in mentions if a <= s < b and lab != "civilian"}
            if len(sides) == 1:
                return sides.pop()
    return None


class MentionFlags:
    """What each side name in a sentence is doing there, worked out once per sentence."""

    __slots__ = ("paired", "attacker_noun", "ally", "place", "attacker", "opponent", "breakdowns", "counted", "home")

    def __init__(self, sent: str, mentions) -> None:
        self.paired = coordinated_sides(sent, mentions)
        self.attacker_noun = {s for s, e, _ in mentions if S.ATTACKER_NOUNS_RE.match(sent[e:e + 70])}
        self.ally = {s for s, e, _ in mentions if S.ALLY_BEFORE_RE.search(sent[max(0, s - 40):s])}
        self.place = {s for s, e, _ in mentions if is_place(sent, s, e)}
        self.home = {s for s, e, lab in mentions if lab != "civilian" and S.HOME_BEFORE_RE.search(sent, max(0, s - 40), s)}
        self.counted = {s for s, e, lab in mentions if lab == "civilian" and S.COUNTED_BEFORE_RE.search(sent, max(0, s - 30), s)}
        self.attacker = {s for s, e, _ in mentions if is_attacker(sent, s, e)}
        self.opponent = {s for s, e, _ in mentions if S.OPPONENT_BEFORE_RE.search(sent[max(0, s - 20):s])}
        self.breakdowns = [(m.start(), m.end()) for m in P.BREAKDOWN_SPAN_RE.finditer(sent)]
        if "(" in sent:
            self.breakdowns += [(m.start("inner"), m.end("inner")) for m in P.PAREN_BREAKDOWN_RE.finditer(sent)]
        if "among" in sent:
            self.breakdowns += [(m.start(), m.end()) for m in P.AMONG_SPAN_RE.finditer(sent)]
        for m in _DASH_RE.finditer(sent):  # "a toll of 14 - seven police officers and seven civilians"
            if P.DASH_BREAKDOWN_RE.search(sent[max(0, m.end() - 45):m.end()]) and \
                    not P.DATE_DAY_BEFORE_RE.search(sent, max(0, m.start() - 15), m.start()):  # "JUBA, Oct. 8 — "
                close = _DASH_RE.search(sent, m.end())
                self.breakdowns.append((m.end(), close.start() if close else len(sent)))


def coordinated_sides(sent: str, mentions) -> set[int]:
    """Starts of side names joined to a different side by "and"/"or" ("Russia and Ukraine")."""
    out: set[int] = set()
    for (s1, e1, l1), (s2, _, l2) in zip(mentions, mentions[1:], strict=False):
        if l1 != l2 and "civilian" not in (l1, l2) and _AND_RE.fullmatch(sent[e1:s2]):
            out.update((s1, s2))
    return out


def is_place(sent: str, s: int, e: int) -> bool:
    """A side's name used as a place ("in Ukraine", "Russia's Kursk region")."""
    return bool(S.PLACE_AFTER_RE.match(sent[e:e + 40]) or S.PLACE_BEFORE_RE.search(sent[max(0, s - 25):s])
                or s < 40 and S.DATELINE_BEFORE_RE.fullmatch(sent, 0, s))  # "MANILA, Philippines – ..."


def cue_owner(f: Found, sent: str, mentions, attribs=()) -> list[str]:
    """A side named inside a noun cue before the figure ("North Korean casualties ... exceeds 6,000"), not
    the source ("Medics said the death toll rose to 40")."""
    if f.cue_kind != "noun" or f.cue[0] < 0:
        return []
    lo = max(0, f.cue[0] - 25)
    paired = coordinated_sides(sent, mentions)
    return [lab for s, e, lab in reversed(mentions) if lo <= s < f.cue[1] and s not in paired
            and not any(a <= s < b for a, b, _ in attribs) and not S.BY_BEFORE_RE.search(sent[max(0, s - 60):s])
            and not S.ATTACKER_NOUNS_RE.match(sent[e:e + 70])  # "the number of victims of the Russian attack"
            and not S.PLACE_AFTER_RE.match(sent[e:e + 40])
            and not S.OPPONENT_BEFORE_RE.search(sent[max(0, s - 20):s])
            and not S.PLACE_BEFORE_RE.search(sent[max(0, s - 12):s])
            and not (lab == "civilian" and S.COUNTED_BEFORE_RE.search(sent, max(0, s - 30), s))]  # "3,000 women, and injuries to 33,000"




_DASH_RE = re.compile(r"\s(?:--|—|–|-)\s")
_HEAD_END_RE = re.compile(r"\s(?:in|on|at|from|with|against|during|near|over|across|by|for|after|since|along)\s", re.I)


def noun_head_end(sent: str, np_s: int, np_e: int) -> int:
    """End of a noun phrase's head: before its first preposition other than "of"."""
    m = _HEAD_END_RE.search(sent, np_s, np_e + 1)
    return m.start() if m else np_e


def people_head(np_words: list[str]) -> bool:
    """The head of a noun phrase (before its first preposition) counts people, not things."""
    head = []
    for w in np_words:
        if w in P.NP_PREPOSITIONS:
            break
        head.append(w)
    return (any(w in P.PERSON_NOUNS or w in P.COMBATANT_NOUNS for w in head)
            and not any(w in P.THING_NOUNS for w in head))


def personish(np_words: list[str], mentions, np_s: int, np_e: int) -> bool:
    if not np_words:
        return True
    if any(w in P.PERSON_NOUNS for w in np_words):
        return True
    return any(np_s <= s and e <= np_e + 1 for s, e, _ in mentions)


def nearest_attribution(attribs: list[tuple[int, int, str]], q: Qty) -> str | None:
    if not attribs:
        return None
    return min(attribs, key=lambda a: min(abs(a[0] - q.end), abs(q.start - a[1])))[2]


def next_sentence_source(text: str, pos: int) -> str | None:
    """A source named by the sentence right after pos ("This was reported by the mayor", "X stated this")."""
    m = S.NEXT_SENTENCE_SOURCE_RE.match(text, pos, pos + 300)
    if m is None:
        return None
    src = m.group("src") or m.group("src2") or m.group("src3")
    return clean_source(src) if src else None


def quote_close_source(text: str, start: int, end: int) -> str | None:
    """The speaker named where a quotation still open at the end of the sentence start..end closes, in a later sentence ("Over the past 24
    hours, the Ukrainian armed forces have lost more than 250 servicepeople. ... surrendered," the ministry said)."""
    para = text.rfind("\n", 0, start) + 1
    before = text[para:end]  # still open where the figure's sentence ends
    if not (before.count('"') % 2 == 1 or before.count("“") > before.count("”")):
        return None
    close = _QUOTE_CHAR_RE.search(text, end, min(len(text), end + 800))
    if close is None or text.find("\n", end, close.start()) >= 0:
        return None
    tail = text[close.start():close.start() + 160]
    for s, _, src in attributions(tail):
        if s <= 4:
            return src
    return None


class Sources:
    """Resolves a pronoun source ("he said") to the last named source before it in the article."""

    def __init__(self, text: str) -> None:
        self.text = text

    def resolve(self, src: str | None, offset: int) -> str | None:
        if src is None or src not in S.SPEAKER_PRONOUNS:
            return src
        window = self.text[max(0, offset - S.ANTECEDENT_WINDOW):offset]
        named = [a[2] for s, e in sentence_spans(window) for a in attributions(window[s:e])
                 if a[2] not in S.SPEAKER_PRONOUNS]
        return named[-1] if named else src


class Subject:
    """The article's subject party, worked out only when a figure needs it; then, for figures no side
    word reaches, the party whose places the article names most, and whether it is about the topic."""

    def __init__(self, text: str, matcher: PartyMatcher, given: str | None) -> None:
        self.text, self.matcher = text, matcher
        self.value, self.done = given, given is not None
        self._place: str | None = None
        self._place_done = False
        self._topical: bool | None = None

    def __call__(self) -> str | None:
        if not self.done:
            sentences = [(s, e, self.text[s:e]) for s, e in sentence_spans(self.text)]
            self.value = derive_subject(sentences, self.matcher)
            self.done = True
        return self.value

    def fallback(self) -> str:
        """For a figure nothing else gives a side: the topic party whose places the article names most;
        `other` when the article names no topic party at all (news of another conflict); else `unknown`."""
        if not self._place_done:
            counts: dict[str, int] = {}
            for _, _, lab in self.matcher.find_places(self.text):
                counts[lab] = counts.get(lab, 0) + 1
            self._place = max(counts, key=counts.__getitem__) if counts else None  # ties: the one named first
            self._place_done = True
        if self._place is not None:
            return self._place
        return self.no_side()

    def no_side(self) -> str:
        """The label of a figure whose side is not given: `unknown` in news of the topic, `other` in an
        article that names no topic party at all (the victims of another conflict)."""
        if self._topical is None:
            self._topical = self.matcher.names_topic(self.text)
        return "unknown" if self._topical else "other"


def linked_predicate(sent: str, pos: int, qty_starts: dict[int, Qty]) -> str | None:
    """Category of the casualty verb that a relative clause or apposition starting at pos leads to.

    Bounded look-ahead (140 characters, no other number, no clause break): the verb counts only when the
    word before it is not a person noun or pronoun of its own ("... where civilians were killed")."""
    end = min(len(sent), pos + 140)
    for m in P.LINKED_SEARCH_RE.finditer(sent, pos, end):
        cue = P.LINKED_PREDICATE_RE.match(sent, m.end())
        if cue is None:
            continue
        between = sent[pos:m.end()]
        if P.CLAUSE_BREAK_RE.search(between) or any(pos <= s < m.end() for s in qty_starts):
            return None
        before = _LAST_WORD_RE.search(between)
        if before is None or before.group(1).lower() in P.PERSON_NOUNS or \
                before.group(1).lower() in P.COMBATANT_NOUNS or before.group(1).lower() in P.SUBJECT_PRONOUNS:
            return None
        post = P.POST_CUE_RE.search(sent, cue.start(), cue.end() + 1)
        if post is None:
            return None
        cat = post.lastgroup
        return "killed" if cat == "captured_dead" else cat
    return None
