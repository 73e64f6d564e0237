"""The noun phrase after a casualty figure and the category cue that ends it.

`_post_scan(sent, q, qtys)` walks the words after a figure ("300 North Korean troops were killed"):
the figure's own noun phrase, then the cue after it, looking across a list of figures ("745 civilians,
125 members, and 148 militants were killed"), a parenthetical or dash aside, a breakdown ("including
six children"), auxiliaries and adverbs, a reduced or full relative clause ("24,470 soldiers who had
been killed") and an apposition. It tells a count of things ("199 tanks", "78 terrorist attacks") from
a count of people. `extractors.casualties` calls it for every figure; the patterns are in
`extractors.casualty_patterns`.
"""

from __future__ import annotations

import re

from extractors import casualty_patterns as P
from extractors.casualty_context import linked_predicate, noun_phrase_words, people_head
from extractors.casualty_numbers import Qty

# small patterns of the code below, compiled once (a lookup in the re module cache costs more here)
_SEIZED_RE = re.compile(r"seized|snatched", re.I)
_CAPTIVE_NOUNS = frozenset("hostages captives pows pow".split())
_PREPOSITION_IN_RE = re.compile(r"\b(?:about|with|for|to|by|in|on|at|from|of|over|against|and|or)\b", re.I)
_PARTITIVE_OF_BEFORE_RE = re.compile(r"\bof\s+(?:the|those|them|these)\s+$", re.I)
_DASH_OR_COMMA_RE = re.compile(r"\s(?:--|—|–|-)\s|,")
_HYPHENS_RE = re.compile(r"-+")
_BREAKDOWN_WORD_AFTER_RE = re.compile(r"\s*(?:including|among|most|many|mostly)\b")
_INITIAL_BEFORE_RE = re.compile(r"(?<![\w.])[A-Z]$")
_ABBREV_BEFORE_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.)+[A-Z]$")  # "U.S. service members"
_TO_BE_HAVE_RE = re.compile(r"\s+(?:be|have)\b")
_PARTICIPLE_RE = re.compile(r"[a-z]+(?:ed|ing)")
_DASH_PAIR_RE = re.compile(r"\s(?:--|—|–)\s")
_DASH_END_RE = re.compile(r"\s*(?:--|—|–|-)\s")
_WORDS_RE = re.compile(r"[\w'’-]+")
_ACRONYM_PAREN_RE = re.compile(r"\((?-i:[A-Z][A-Za-z0-9.&-]{1,9})\)(?=\s+[a-z])")
# an aside between a figure's noun and its verb: ages ("aged 51, 18 and 69") or a part of the group
# ("two of them children", "most of them women")
_OF_THINGS_RE = re.compile(r"\s+of\s+(?:(?:the|their|its|[a-z][\w-]*)\s+){0,2}", re.I)  # "dozens of [small] weapons"
_AGE_OR_PART_ASIDE_RE = re.compile(
    r",\s*(?:(?:both|all|each)\s+)?aged\s+(?:between\s+)?\d{1,3}(?:\s*(?:,|and|or|to|-|–)\s*\d{1,3})*"
    r"(?:\s+(?:years?|months?)(?:\s+old)?)?\s*,"
    r"|,\s*(?:[\w-]+\s+){1,2}of\s+(?:them|whom)\s+[^,;.:()]{1,60},", re.I)


def _dash_close(sent: str, pos: int) -> int:
    """Where a dash parenthetical opened before pos closes (the next dash, else the next comma)."""
    m = _DASH_OR_COMMA_RE.search(sent, pos)
    return m.start() if m else -1


def _post_scan(sent: str, q: Qty, qtys: list[Qty], *, allow_list: bool = True,
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
        while pos < len(sent) and sent[pos] == " ":
            pos += 1  # spaces are not steps: the limit counts words
        steps += 1
        m = P.AGE_IN_PHRASE_RE.match(sent, pos) if n_np > 0 and not aux else None
        if m:
            pos = m.end()  # "five children no older than 10, ... were among the wounded"
            continue
        m = P.COMBINED_RE.match(sent, pos)
        if m:
            return "casualties", np_start, np_end, False
        m = P.POST_CUE_RE.match(sent, pos)
        if m and n_np == 0 and not aux and m.group(0).lower() in P.ADJECTIVE_CUES and not adjective_seen:
            nxt = P.TOKEN_RE.search(sent, m.end())
            if nxt is not None and nxt.group(0)[0].isalpha() and nxt.group(0).lower() not in P.AUX_WORDS \
                    and nxt.group(0).lower() not in P.STOP_WORDS and nxt.group(0).lower() not in P.NP_PREPOSITIONS \
                    and not P.POST_CUE_RE.match(sent, nxt.start()):
                later = _post_scan(sent, Qty(q.start, m.end(), q.lo, q.hi, q.qualifier), qtys,
                                   allow_list=allow_list, adjective_seen=True)
                if later[0] is not None:
                    return later[0], m.end() + 1, later[2], False  # "one injured soldier has been captured"
        if m and m.group(0).lower() in ("lives", "victims") and \
                not P.LIVES_VERB_RE.search(sent[max(0, q.start - 45):q.start]) and \
                not (m.group(0).lower() == "victims" and P.VICTIMS_BURIED_RE.match(sent, m.end())) and \
                not (m.group(0).lower() == "lives" and P.LIVES_LOST_AFTER_RE.match(sent, m.end())):
            m = None  # "30 lives", "6,000 victims" count the dead only after "claimed", "cost", "loss of" (or "were lost")
        if m and m.lastgroup == "captured" and m.group(0).lower() in _CAPTIVE_NOUNS and (
                relative or aux or _PREPOSITION_IN_RE.search(sent, q.end, pos)):
            m = None  # "talks with 3 officials about the hostages": a captive noun names the figure only as its head
        if m and relative and m.group(0).lower() in P.NOUN_CUES:
            break  # "two accused of defiling the bodies of ...": a noun inside the clause is not the figure's cue
        if m:
            cat = m.lastgroup
            if cat == "captured_dead":
                cat = "killed"
            if n_np and _PARTITIVE_OF_BEFORE_RE.search(sent, max(0, pos - 12), pos):
                later = P.PARTITIVE_VERB_AFTER_RE.match(sent, m.end())
                if later is not None:  # "Two of the wounded later died in hospital"
                    return ("killed" if later.group("killed") else "captured"), np_start, np_end, False
            if cat == "captured" and _SEIZED_RE.match(m.group(0)) and not people_head(
                    noun_phrase_words(sent, np_start, np_end)):
                return None, np_start, np_end, False  # "hundreds of munitions seized"
            if cat == "casualties" and re.match(r"(?:lost|losses)\b", m.group(0), re.I) and n_np and not any(
                    w in P.PERSON_NOUNS or w in P.COMBATANT_NOUNS for w in noun_phrase_words(sent, np_start, np_end)):
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
            tok = _HYPHENS_RE.match(sent, tok.start())
        if word in (",", "(", "–", "—"):
            nxt = _next_token(sent, tok.end())
            if word == "," and not aux and n_np > 0:
                aside = _AGE_OR_PART_ASIDE_RE.match(sent, tok.start())
                after_aside = _next_token(sent, aside.end()) if aside else None
                if after_aside is not None and (after_aside.group(0).lower() in P.AUX_WORDS
                                                or P.POST_CUE_RE.match(sent, after_aside.start())):
                    pos = aside.end()  # "Three women, aged 51, 18 and 69, were", "Four residents, two of them children, were"
                    continue
            if word in "–—" and not aux and n_np > 0:
                dash = _DASH_PAIR_RE.search(sent, tok.end(), tok.end() + 130)
                after_dash = _next_token(sent, dash.end()) if dash else None
                if after_dash is not None and (after_dash.group(0).lower() in P.CORE_AUX
                                               or P.POST_CUE_RE.match(sent, after_dash.start())):
                    pos = dash.end()  # "five security personnel – an Army colonel, a major, ... – died"
                    continue
            if word == "(" and not aux and n_np > 0 and _ACRONYM_PAREN_RE.match(sent, tok.start()):
                pos = sent.find(")", tok.end()) + 1  # "four New People's Army (NPA) fighters": an acronym inside the noun phrase
                continue
            if word == "(" and not aux:
                close = sent.find(")", tok.end())
                after_close = _next_token(sent, close + 1) if 0 <= close - tok.end() <= 110 else None
                if after_close is not None and (after_close.group(0).lower() in P.AUX_WORDS
                                                or P.POST_CUE_RE.match(sent, after_close.start())):
                    pos = close + 1  # "1,660 persons (1,347 men, 273 women and 40 children) were killed"
                    continue
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
            limit = 110 if _BREAKDOWN_WORD_AFTER_RE.match(sent[tok.end():]) else 70
            if word in "–—" and 0 <= close - tok.end() <= limit and P.POST_CUE_RE.search(sent[tok.end():close]):
                pos = tok.end()  # "25,000 named individuals - people we know to have died -"
                continue
            if 0 <= close - tok.end() <= limit:
                inner = sent[tok.end():close]
                resume = close + 1
                if word in "–—":  # past the closing dash itself
                    dash = _DASH_END_RE.match(sent, close)
                    resume = dash.end() if dash else close + 1
                after_close = _next_token(sent, resume)
                if (not P.POST_CUE_RE.search(inner) and after_close is not None
                        and (after_close.group(0).lower() in P.AUX_WORDS
                             or P.POST_CUE_RE.match(sent, after_close.start()))):
                    pos = resume  # a parenthetical: ", including a monk,", "two of them -- A and B -- died"
                    continue
            if word == "," and nxt is not None and not aux and n_np > 0 and P.COMMA_PASSIVE_RE.match(sent, nxt.start()):
                pos = tok.end()  # "four young fishermen from Ilala village in Macomia, were shot in the legs"
                continue
            if word == "," and nxt is not None and nxt.group(0).lower() in ("including", "includes") and not aux:
                pos = tok.end()  # "2832 civilians, including 861 children and 617 women perished"
                continue
            if word == "," and n_np > 0 and not aux and own and nxt is not None and \
                    nxt.group(0).lower() in P.APPOSITION_OPENERS:
                linked = linked_predicate(sent, tok.end(), qty_starts)
                if linked is not None:  # "Thirteen people, described as 'mobsters,' who tried ... were killed"
                    return linked, np_start, np_end, False
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
            if word == "." and (_INITIAL_BEFORE_RE.search(sent[max(0, tok.start() - 2):tok.start()])
                                or _ABBREV_BEFORE_RE.search(sent[max(0, tok.start() - 8):tok.start()])):
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
            frame = qty_starts[tok.start()]
            after_frame = _next_token(sent, frame.end)
            if n_np <= 2 and not aux and P.FRAME_OF_BEFORE_RE.fullmatch(sent, q.end, tok.start()) and not (
                    after_frame is not None and P.POST_CUE_RE.match(sent, after_frame.start())):
                pos = frame.end  # "some 4,000 of the 12,000 troops sent ... had been killed" (not "two of the 25,000 dead")
                continue
            break
        if lw == "to" and _TO_BE_HAVE_RE.match(sent[tok.end():tok.end() + 6]):
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
            if _PARTICIPLE_RE.fullmatch(lw) or lw in P.IRREGULAR_PARTICIPLES:
                m = P.COORDINATED_CUE_RE.match(sent, tok.end())
                if m:
                    pos = m.end()  # "four men being dragged from buses and shot dead"
                    continue
            break
        if lw in P.RELATIVE_PRONOUNS and n_np > 0 and P.RELATIVE_CUE_RE.match(sent, tok.end()):
            aux = True  # "24,470 Russian soldiers who had been killed"
            pos = tok.end()
            continue
        if lw in P.RELATIVE_PRONOUNS and n_np > 0:
            linked = linked_predicate(sent, tok.end(), qty_starts)
            if linked is not None:
                return linked, np_start, np_end, False  # "Two members ... who were returning fire were wounded"
            break
        if lw in P.STOP_WORDS:
            sub = P.SUBORDINATE_CUE_RE.match(sent, tok.start()) if n_np > 0 and not aux else None
            if sub is not None:  # "two wounded soldiers after they were captured"
                cue = P.POST_CUE_RE.match(sent, sub.end())
                if cue is not None and cue.lastgroup in ("captured", "killed", "missing"):
                    return ("killed" if cue.lastgroup == "killed" else cue.lastgroup), np_start, np_end, False
            break
        if lw in P.THING_NOUNS and _OF_THINGS_RE.fullmatch(sent, q.end, tok.start()):
            return None, np_start, np_end, True  # "dozens of weapons", "hundreds of homes": a count of things
        if lw in P.THING_NOUNS and (n_np == 0 or own and n_np <= 2 and _thing_modifiers_only(sent, q.end, tok.start())) \
                and not _person_next(sent, tok.end()):  # ("100 Storm Corps troops", "three drone operators")
            if not own:
                n_np = 1  # "250 Ukrainian soldiers, six tanks, five armored vehicles ... have been eliminated":
                pos = tok.end()  # an item of things in the list; the cue at the end still counts the soldiers
                continue
            return None, np_start, np_end, own  # "199 tanks", "five armored vehicles"
        if 0 < n_np <= 3 and lw in P.EVENT_NOUNS and not any(
                w in P.NP_PREPOSITIONS or w in P.PERSON_NOUNS and w.endswith("s") for w in noun_phrase_words(sent, q.end, tok.start())):
            return None, np_start, np_end, own  # "suffered 78 terrorist attacks, resulting in 100 deaths"
        if n_np > 0 and (_PARTICIPLE_RE.fullmatch(lw) or lw in P.IRREGULAR_PARTICIPLES) and lw not in P.PERSON_NOUNS:
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


def _thing_modifiers_only(sent: str, start: int, end: int) -> bool:
    """Are the words between a number and a thing noun only modifiers of things ("five ARMORED vehicles", "six
    Russian tanks"), not a person noun ("three drone operators" has no thing noun at its head anyway)?"""
    return not any(w in P.PERSON_NOUNS or w in P.COMBATANT_NOUNS or w in P.NP_PREPOSITIONS or w in P.STOP_WORDS
                   for w in _WORDS_RE.findall(sent[start:end].lower()))


def _person_next(sent: str, pos: int) -> bool:
    """Is the word after a thing noun a person noun, the thing being its modifier ("drone operators")?"""
    nxt = _WORDS_RE.search(sent, pos, pos + 40)
    return nxt is not None and not sent[pos:nxt.start()].strip() and (
        nxt.group(0).lower() in P.PERSON_NOUNS or nxt.group(0).lower() in P.COMBATANT_NOUNS)


def _next_token(sent: str, pos: int) -> re.Match[str] | None:
    return P.TOKEN_RE.search(sent, pos)
