"""Casualty figures in news text: every killed / wounded / casualties / captured / missing figure.

`extract_casualties(text, parties, subject=...)` returns one `CasualtyReport` per figure
as the text reports it (a claim, not a verified count). Pure and fast: one regex pass
finds the sentences with a casualty word; every pattern and word list is in
`extractors.casualty_patterns` (casualty words, nouns, grammar) or
`extractors.casualty_number_patterns` (numbers and what a number is not).

How a figure is read (the conventions, also in data/devsets/README.md):

* category: the cue right after the figure's noun phrase ("300 soldiers were killed",
  "1,100 casualties", "24,470 soldiers who had been killed") or right before it
  ("killed at least 200", "death toll rose to 900", "the remains of 55 soldiers");
  "killed or wounded", "casualties", personnel "losses" and "lost N soldiers" are
  `casualties`; "captured dead", "neutralised", "eliminated", "N bodies" are `killed`;
  "put the figure at N" repeats the previous figure's category. A relative clause or apposition
  between the noun phrase and its verb is looked across, bounded ("Two members of the security
  forces who were returning fire were wounded"), and so are coordinated participles ("dragged
  from buses and shot dead"). A breakdown of a total
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
  health ministry said 51 people were killed"), then the side "the country" stands for, then the
  article's subject, else `unknown`. Remains "returned to X" are X's; "regime/junta soldiers" are a side
  outside the topic; fighters named by what they did ("12 militants", "six terrorist attackers") are
  never the side of the state source or authority that reports them.
* attributed_to: "according to X", "X said / estimated / claimed ...", ", said X"; a pronoun
  source ("he said") is the last named source before it in the text, else the pronoun itself.

The module is split by concern: `casualty_numbers` reads the numbers, `casualty_filters` sets
aside the numbers that are no casualties, `casualty_post_scan` reads the noun phrase after a figure and
the category cue that ends it, `casualty_shares` reads figures that have no cue of their own
(a bare number in a list of tolls, each side's share in an exchange of the dead), `casualty_context` resolves parties and sources, and
this module scans each sentence for category cues: the cue before a figure, the figure's category from
both cues, breakdowns, revisions and figures named only as "the figure".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

from extractors import casualty_number_patterns as N
from extractors import casualty_patterns as P
from extractors.casualty_context import (
    MentionFlags,
    PartyMatcher,
    Sources,
    Subject,
    attributions,
    nearest_attribution,
    next_sentence_source,
    noun_phrase_words,
    party_matcher,
    people_head,
    personish,
    quote_close_source,
    resolve_party,
)
from extractors.casualty_filters import disaster_only, non_conflict, not_a_casualty
from extractors.casualty_numbers import Found, Qty, quantities
from extractors.casualty_post_scan import _post_scan
from extractors.casualty_shares import exchange_shares, list_gaps
from extractors.model import CasualtyReport, Party
from extractors.sentences import sentence_spans

# small patterns of the code below, compiled once (a lookup in the re module cache costs more here)
_AUX_AFTER_RE = re.compile(r"\s+(?:were|was|are|is|have|has|had)\b")
_OF_END_RE = re.compile(r"\bof\s*$")  # "the deaths of 24 soldiers and 26 civilians"
_LAST_WORD_RE = re.compile(r"(\w+)\s*$")
_LIVES_AFTER_RE = re.compile(r"\s+lives\b")
_VICTIMS_AFTER_RE = re.compile(r"\s+victims\b")
_OTHER_PART_RE = re.compile(r",\s+(?:and|while|but)\s+the\s+other\s*$")
_LIST_NEXT_RE = re.compile(  # "reached 159, 61 deaths", "Number of wounded climbs to six, one dead"
    r"\s*,\s*(?:\d|(?:at\s+least|some|about|around|nearly|over|more\s+than)\s"
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:dead|killed|wounded|injured|missing|died)\b)")


# a capture verb right before "the (first) N" (the captured cue of PRE_CUE_RE takes "the" too): the figure
# repeated by reference is a record
_VERB_THE_BEFORE_RE = re.compile(r"\b(?:captured|capturing|captures|capture|kidnapped|kidnapping|abducted|abducting"
                                 r"|seized|took|taken|taking|detained|detaining)\s+the\s+(?:first\s+|last\s+)?$", re.IGNORECASE)
# a list of groups that "were among those killed": a part of a total given before
_AMONG_LATER_RE = re.compile(r"[^.;:]{0,120}?\b(?:were|was|are|is)\s+among\s+(?:the|those)\s+(?:dead|killed|victims|fatalities|wounded|injured)\b",
                             re.IGNORECASE)
# words that open a time phrase, not a noun phrase, after a bare figure ("kidnapping another 3,000 last year")
_TIME_WORDS = frozenset("last this next yesterday today overnight earlier since during so".split())


def _pre_scan(sent: str, q: Qty, num_start: int) -> tuple[str | None, int, int]:
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
            if cat == "captured_count":
                cat = "captured"  # "the number of Ukrainian POWs held by Russia is estimated at 8,000"
            return (cat if m.lastgroup != "casualties_pair" else "casualties_pair"), m.start() + lo, m.end() + lo
    return None, -1, -1


def _is_breakdown(sent: str, q: Qty) -> bool:
    lo = max(0, q.start - 95)
    m = P.DASH_BREAKDOWN_RE.search(sent, lo, q.start)
    if m and not P.DATE_DAY_BEFORE_RE.search(sent, max(0, m.start() - 12), m.start() + 1):
        return True  # (not "BOGOTA, Nov 22 — ...": a dateline)
    m = P.BREAKDOWN_CHAIN_RE.search(sent[max(0, q.start - 120):q.start])
    if m and _OTHER_PART_RE.search(m.group("chain")):
        return False  # "14 killed including three generals, and the other five soldiers got killed"
    return bool(m and not P.CUE_PRESENCE_RE.search(m.group("chain")))


def _classify(sent: str, q: Qty, qtys: list[Qty], mentions, prev: list[str],
              last: Found | None = None) -> Found | None:
    qm = None if q.vague else N.QUANTITY_RE.match(sent, q.start)
    num_start = (qm.start("between") if qm.group("between") else qm.start("a")) if qm else q.start
    if (non_conflict(sent, q) if q.vague else not_a_casualty(sent, q, num_start)):
        return None
    if q.qualifier == "exact":
        word = _LAST_WORD_RE.search(sent[max(0, q.start - 20):q.start])
        if word and word.group(1).lower() in N.VERB_QUALIFIERS:  # "exceeded 6,000"
            q.qualifier = N.VERB_QUALIFIERS[word.group(1).lower()]
    breakdown = _is_breakdown(sent, q)
    if not breakdown and last is not None and not q.vague:
        part = P.OF_THEM_PART_RE.match(sent, q.end)
        if part is not None and not P.CUE_PRESENCE_RE.search(part.group("words")):
            breakdown = True  # "at least 1,700 people killed, 57 of them minors, and nearly 2,000 missing"
    whole = P.WHOLE_INCLUDED_RE.search(sent, max(0, q.start - 120), q.start) if breakdown else None
    if whole is not None and (last.cue[0] == whole.start() if last is not None else not prev):
        breakdown = False  # "the dead included five soldiers and one civilian", with no total given before
    post, np_s, np_e, thing = _post_scan(sent, q, qtys, allow_list=not breakdown)
    if thing:
        return None
    determiner = qm is not None and bool(P.DETERMINER_BEFORE_RE.search(sent[max(0, num_start - 8):num_start]))
    if determiner and post is None and not _VERB_THE_BEFORE_RE.search(sent, max(0, num_start - 40), num_start):
        return None  # "the 2,500 troops of the bureau": a reference, not a figure (but "had captured the two North Koreans")
    pre, cue_s, cue_e = _pre_scan(sent, q, num_start)
    pair = pre == "casualties_pair"  # "killed and wounded ... exceeded 3,000": a noun phrase, not a verb
    if pair:
        pre = "casualties"
    np_words = noun_phrase_words(sent, np_s, np_e)
    category: str | None
    kind = "post"
    if pre == "total_anaphor":  # "Another victim died in hospital, bringing the total to 8": the cue before it
        cues = [c for c in P.POST_CUE_RE.finditer(sent, 0, cue_s) if c.lastgroup != "casualties" or "lost" not in c.group(0)]
        category = post or (("killed" if cues[-1].lastgroup == "captured_dead" else cues[-1].lastgroup) if cues else None)
        pre = None
    elif pre == "anaphor":
        category = post or (prev[-1] if prev else None)
        if not post and len(prev) >= 2 and {prev[-1], prev[-2]} == {"killed", "wounded"}:
            category = "casualties"  # "300 deaths and 2,700 injuries ... later raised that estimate to 4,000": both
    elif pre is not None:
        kind = "noun" if pair else (
            "verb" if P.ACTIVE_VERB_RE.match(sent, cue_s) else ("loss" if P.LOSS_RE.match(sent, cue_s) else "noun"))
        category = pre
        if kind == "loss":
            if (np_words and np_words[0] == "lives") or _LIVES_AFTER_RE.match(sent[q.end:q.end + 7]):
                category = "killed"
            elif not personish(np_words, mentions, np_s, np_e) or post in ("killed", "wounded", "missing", "captured"):
                category = post  # "lost 350 000 soldiers killed": the participle says which loss
        elif pre == "captured" and np_words and np_words[0] not in _TIME_WORDS and not personish(np_words, mentions, np_s, np_e):
            category = post
        elif pre == "killed" and P.DESTROY_RE.match(sent, cue_s) and not people_head(np_words):
            category = post  # "destroyed 12 tanks" is not a casualty, "eliminated 77 North Koreans" is
        elif post and kind == "noun" and post != pre and not (pre == "killed" and post == "captured") and (
                pre == "casualties" and post != "casualties" or np_s == np_e) and not _LIST_NEXT_RE.match(sent, q.end):
            category = post  # "casualties ... increased to 215 martyrs", "toll ended at 19 dead and wounded"
            # (not "the bodies of three hostages": dead captives are dead)
        if (np_words[:1] == ["lives"] or _LIVES_AFTER_RE.match(sent[q.end:q.end + 7])) and category in (
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
    if category is None and last is not None and pre is None and not q.vague \
            and P.REVISION_BETWEEN_RE.match(sent[last.q.end:q.start]) and not people_head(np_words) \
            and not P.REVISION_THING_RE.match(sent, q.end):
        category, kind = last.category, "post"  # "the toll rose to 50, up from 34", "7,155 killed (7,110)"
    if category is None and last is not None and pre is None and not q.vague \
            and P.TO_BETWEEN_RE.fullmatch(sent, last.q.end, q.start) \
            and N.RISE_FROM_BEFORE_RE.search(sent, max(0, last.q.start - 40), last.q.start):
        category, kind = last.category, "post"  # "the death toll climbed from 558 to 569": the current figure
    if category is None and last is not None and pre is None and not q.vague \
            and P.FROM_AFTER_REVISED_RE.fullmatch(sent, last.q.end, q.start) \
            and P.REVISED_TO_BEFORE_RE.search(sent, max(0, last.q.start - 60), last.q.start):
        category, kind = last.category, "post"  # "revised the death toll down to 11 Monday night from 12": the earlier
    held = P.HOSTAGE_LATER_RE.match(sent, q.end) if category is None and pre is None and not q.vague and \
        P.HOLD_BEFORE_RE.search(sent, max(0, num_start - 20), num_start) else None
    if held is not None and people_head(noun_phrase_words(sent, q.end, held.start("word"))):
        category, kind = "captured", "post"  # "held 1,100 pupils, their relatives, and teachers hostage"
    if category is None and last is not None and last.category == "killed" and pre is None and not q.vague \
            and _VICTIMS_AFTER_RE.match(sent, q.end):
        category, kind = "killed", "post"  # "5,440 killed, ..., with 4,985 victims in September"
    if category is None and last is not None and (last.cue_kind in ("verb", "loss") or last.cue[0] >= 0 and (P.WHOLE_INCLUDED_RE.match(
            sent, last.cue[0]) or last.cue_kind == "noun" and _OF_END_RE.search(sent, last.cue[0], last.cue[1]))) and not q.vague \
            and P.COORDINATED_OBJECT_RE.match(sent[last.np[1]:q.start]) and people_head(np_words):
        category, kind = last.category, "verb"  # "killed 20 students and two teachers"
        cue_s, cue_e = last.cue
    if category is None:
        return None
    if category == "killed" and kind in ("verb", "noun") and P.PUT_OUT_OF_ACTION_RE.search(sent, max(0, q.start - 40), q.start) \
            and P.OF_WHICH_KILLED_RE.match(sent, q.end):
        category = "casualties"  # "neutralised more than 15,000 invaders, of which about 7,000 were killed": all losses
    if np_s == np_e and kind == "post" and _AUX_AFTER_RE.match(sent, q.end) and \
            P.THING_COUNT_BEFORE_RE.search(sent, max(0, q.start - 90), q.start):
        return None  # "Ukraine has received 31 Abrams tanks, and 2 were lost in combat"
    if category == "captured" and P.RELEASE_RE.search(sent) and not P.CAPTURE_VERB_RE.search(sent):
        return None  # "44 prisoners of war were flown to Yerevan": captives going home, not a capture
    if q.vague and post is None and pre is None:
        return None
    if breakdown and (post is None or (last is not None and category == last.category and np_s != np_e)):
        return None
    if breakdown and last is None and prev and prev[-1] == category and P.ANAPHORIC_BREAKDOWN_RE.match(sent):
        return None  # "... 26,000 missing. Out of these, 11,000 non-combatants and 15,000 soldiers are missing"
    if category in prev and P.TOTAL_INCLUDES_RE.match(sent):
        return None  # "... 200 people were killed and 400 wounded. This number allegedly includes ... 10 killed civilians"
    if category in prev and last is None and P.AMONG_LEAD_RE.match(sent):
        return None  # "Among the injured is a 40-year-old woman ..., and 11 other injured people": a breakdown
    partitive = bool(P.PARTITIVE_RE.match(sent, q.end) or P.AMONG_RE.match(sent, q.end)
                     or (kind == "post" and _AMONG_LATER_RE.match(sent, q.end)))  # "Two police officers, ... were among those killed"
    if category in prev and pre == category and P.AMONG_BEFORE_RE.search(sent, max(0, num_start - 50), num_start):
        return None  # "Among the dead are 382 children" after "5,996 people have died"
    if partitive and category in prev and not (last is not None and last.partitive and category == last.category):
        return None  # "three children among the dead" after "22 fatalities"  # "nine of those killed were children": part of a total already reported
    found = Found(q, category, (np_s, np_e), (cue_s, cue_e), kind, breakdown)
    found.partitive = partitive
    return found


_COUNTED_NOUNS = P.PERSON_NOUNS | P.COMBATANT_NOUNS | P.THING_NOUNS


def _bare_figures(sent: str, qtys: list[Qty], found: list[Found], prev: list[str]) -> list[Found]:
    """Figures named only as "the figure of 64" or "an estimate of 55": the category of the next figure
    in the sentence ("..., bringing the number of civilians killed to 119"), else of the one before;
    "such a figure, it is N" with no other figure in the sentence repeats the last figure's category."""
    taken = {f.q.start for f in found}
    extra: list[Found] = []
    for q in qtys:
        if q.start in taken or q.vague:
            continue
        named = P.BARE_FIGURE_BEFORE_RE.search(sent, max(0, q.start - 40), q.start)
        if not named and not (prev and not found and P.BARE_FIGURE_IS_RE.search(sent, max(0, q.start - 60), q.start)):
            continue
        post, np_s, np_e, thing = _post_scan(sent, q, qtys)
        nxt = P.TOKEN_RE.search(sent, q.end)
        noun = nxt is not None and nxt.group(0).lower() in _COUNTED_NOUNS  # "an estimate of 30 tanks"
        if post is not None or thing or noun or not_a_casualty(sent, q, q.start):
            continue
        np_s = np_e = q.end
        after = [f for f in found if f.q.start > q.end]
        before = [f for f in found if f.q.end <= q.start]
        if not after and not before:
            extra.append(Found(q, prev[-1], (np_s, np_e), (-1, -1), "post", False))
            continue
        model = after[0] if after else before[-1]
        extra.append(Found(q, model.category, (np_s, np_e), (-1, -1), "bare", False))
    return sorted(found + extra, key=lambda f: f.q.start)


def _sum_breakdown(sent: str, found: list[Found], totals: list[tuple[str, int]]) -> list[Found]:
    """Figures of one category, one of them counting a group of people (men, women, children), that add up exactly
    to a figure of the same category given in an earlier sentence are its breakdown by group ("has left 23 people
    dead. ..., killing eight women and 15 men"), not figures of their own; a split by place or day ("nine in
    Kharkiv city while two others in Krasnohrad") stays."""
    out = found
    for cat in {f.category for f in found}:
        parts = [f for f in found if f.category == cat and not f.q.vague]
        if len(parts) < 2 or any(f.q.lo != f.q.hi for f in parts):
            continue
        if not any(P.GROUP_BREAKDOWN_WORD_RE.search(sent, f.np[0], f.np[1]) for f in parts if f.np[0] >= 0):
            continue
        if (cat, sum(f.q.lo for f in parts)) in totals:
            out = [f for f in out if f not in parts]
    return out


def _sentence_records(sent: str, offset: int, matcher: PartyMatcher, subject: Callable[[], str | None],
                      prev: list[str], sources: Sources,
                      totals: list[tuple[str, int]] | None = None) -> list[CasualtyReport]:
    qtys = quantities(sent)
    if not qtys:
        return []
    said = sent
    if "-" in sent:
        sent = P.GLUED_DASH_RE.sub(",", sent)  # "44,805 people-mostly women and children": read as a dash
    mentions = matcher.find(sent)
    found: list[Found] = []
    for q in qtys:
        f = _classify(sent, q, qtys, mentions, prev, found[-1] if found else None)
        if f is not None:
            found.append(f)
            prev.append(f.category)
    if len(found) < len(qtys) and (found and P.BARE_FIGURE_BEFORE_RE.search(sent)
                                   or prev and not found and P.BARE_FIGURE_IS_GATE_RE.search(sent)):
        found = _bare_figures(sent, qtys, found, prev)
    if len(found) >= 2 and len(found) < len(qtys):
        found = list_gaps(sent, qtys, found)
    if len(found) < len(qtys) and ("bodies" in sent or "remains" in sent or "corpses" in sent):
        found = exchange_shares(sent, qtys, found, mentions)
    if totals is not None and found:
        earlier = list(totals)
        totals.extend((f.category, f.q.lo) for f in found if not f.q.vague and f.q.lo == f.q.hi)
        found = _sum_breakdown(sent, found, earlier)
    if not found:
        return []
    attribs = attributions(sent)
    flags = MentionFlags(sent, mentions)
    out: list[CasualtyReport] = []
    last: Found | None = None
    for f in found:
        if f.cue_kind not in ("bare", "exchange"):
            f.party = resolve_party(sent, f, mentions, attribs, found, last, subject, flags)
            last = f
    for i, f in enumerate(found):  # a bare figure is the same measure as the figure it was named with
        if f.cue_kind == "bare":
            model = next((g for g in found[i + 1:] if g.cue_kind != "bare"), None) or next(
                (g for g in reversed(found[:i]) if g.cue_kind != "bare"), f)
            f.party = model.party
    after_src: list[str | None] = []  # a source named in the next sentence, looked up once
    for f in found:
        src = nearest_attribution(attribs, f.q)
        if src is None:
            if not after_src:
                after_src.append(next_sentence_source(sources.text, offset + len(sent))
                                 or quote_close_source(sources.text, offset, offset + len(sent)))
            src = after_src[0]
        out.append(CasualtyReport(
            category=f.category,
            min=f.q.lo,
            max=f.q.hi,
            qualifier=f.q.qualifier,
            party=f.party,
            attributed_to=sources.resolve(src, offset),
            sentence=said,
            start=offset + f.q.start,
            end=offset + f.q.end,
            text=said[f.q.start:f.q.end],
        ))
    return out


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
    matcher = party_matcher(tuple(parties))
    subject_of = Subject(text, matcher, subject)
    sources = Sources(text)
    prev: list[str] = []
    totals: list[tuple[str, int]] = []
    out: list[CasualtyReport] = []
    after_disaster = False
    for offset, sent in _cue_sentences(text):
        if after_disaster and not P.VIOLENCE_RE.search(sent):
            continue  # "... the death toll from the disaster was raised to 94. The number of those injured ..."
        after_disaster = disaster_only(sent)
        if P.BARE_MORE_SUBJECT_RE.match(sent) and _counted_things_before(text, offset):
            continue  # "... shot down 14 Shahed drones. Two more disappeared in the area."
        out.extend(_sentence_records(sent, offset, matcher, subject_of, prev, sources, totals))
    return out


def _counted_things_before(text: str, offset: int) -> bool:
    """Did the sentence right before `offset` count things last ("shot down 14 Shahed drones.")?"""
    m = P.LAST_COUNTED_THING_RE.search(text, max(0, offset - 200), offset)
    return m is not None and m.group("noun").lower() in P.THING_NOUNS
