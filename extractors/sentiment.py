"""Reported public sentiment: who, in the text, is said to feel what about the topic.

A *sentiment report* is a statement in the text that attributes an attitude toward
the topic to a group of people: "Some residents have expressed negative views",
"Parents of North Korean soldiers are growing increasingly anxious", "76% of
Russians support the war", a resident's quotation. It is not the tone of the
article: "around 3,000 soldiers have been killed" is grim news but reports nobody's
feeling and yields no record.

How one report is decided, per *unit* (a sentence, or consecutive sentences one
quotation spans, or a quotation with the sentence that only attributes it:
'"... Where do we go?" 51-year-old Hoda Adly said.'). This module splits the text into
units, runs the loop over them and decides reports and the verdict. For one unit,
`extractors.sentiment_cues` finds the stance cues (step 1), `extractors.sentiment_rules`
finds holder nouns and the one nearest a cue, scores quotations and combines one holder's
cues (steps 2, 4, 5), and `extractors.sentiment_resolve` decides the holder and what the
unit hands on to the next (step 3); `extractors.sentiment_lexicon` holds the cue lists,
`extractors.sentiment_holder_words` the holder and place words and
`extractors.sentiment_quote_words` the quotation marks, reporting cues and quote lexicon.

1. **Stance cues** outside quotation marks (`sentiment_lexicon.NEGATIVE_CUES`,
   `POSITIVE_CUES`, `MIXED_CUES`) give polarity and strength. A negator up to
   18 tokens earlier in the same clause flips a cue ("not something they can
   justify" -> negative; "no regrets about launching" it -> positive), except
   where the negator governs voicing the feeling ("suffering without being able to
   express their grievances" stays negative). Stance is toward the war: backing peace
   (talks, a ceasefire, a deal, a decision to end the war) is negative, opposing it
   positive; opposing one's country's involvement ("against supplying weapons to Ukraine",
   backing a decision "to suspend arms exports") is the war-negative side too. Diplomatic
   appeals ("we hope that all parties will ...", "urged the population not to panic"),
   forecasts ("expect the fighting to end in a stalemate"), beliefs about the other side's
   means and questioned claims ("question claims that society supports the war") are no
   one's attitude. Words that look like cues but are not (military or U.S. "support",
   "seeking support from allies", "approved a bill", "the junta's shock announcement",
   "economic hardship") are listed in `CUE_EXCEPTIONS`. Joy at a ceasefire the sentence reports
   is war-negative ("joyful but wary Palestinians emerged ... at the start of the ceasefire");
   "war fatigue" needs no holder noun; an ellipsis or "and that" ends a negator's reach.
   Comparatives ("more people view X negatively than positively") give the first
   side and mark a majority statement. One-word affect cues that also describe
   things ("suffer", "fear", "support", "hope") count only when the unit says who
   feels them (a holder noun, a pronoun continuing the last holder, a speaker, a
   poll); opinion words ("oppose", "protest", "praise", "refuse to serve") count alone.
2. With no cue outside quotes, a **quotation** of five words or more carries the
   stance: the domain lexicon (duty, honour, dying for the fatherland -> positive;
   wrong, dying for nothing, how must their parents feel -> negative) and cues
   inside it, plus half its VADER compound. It needs at least one such hit, so a
   spokesman quoting casualty figures reports no one's feeling. Evaluative and affect
   words are hits ("cynical", "it hurts us", "I can't do anything", "valiant", "we are
   reborn"); event words (killed, attack, blood) never are, and the cue exceptions
   ("pay painful prices", "the devastating consequences of") cover quote hits too.
   Collective action is stance: crowds "expressing solidarity with the armed forces" or
   chanting "long live" back the war effort; welcoming "a call to stop the bombing" wants it
   to end.
3. **Holder**: the holder noun nearest the cue (before it preferred; "complaints
   from X", "anger among X" name X). Objects and agents of a cue ("criticism of the
   government", "abandoned by the state") and officials inside a phrase
   ("appealing to authorities") are not holders; soldiers hold a feeling only as a
   subject or speaker. A quotation's holder is its speaker, or the group the quote
   names as the subject of its feeling ("Worried parents are ..."). With no noun:
   the previous unit's holder, then ``public`` in a poll or for a bare opinion noun
   ("Support for the war remains strong"), ``other`` for a named person quoted or
   speaking ("the 27-year-old says", "said Moumen Abou Wassam"). A speaker named right
   after a cue ("I'm tired, says soldier Ares") and an experiencer ("the fatigue he and
   his unit are experiencing") hold it, though a holder before the cue ranks first;
   "many"/"some" after a contrast are the group named before ("Residents ... survived,
   but many are fearful"); officials named inside a spoken quotation are its target; a
   noun right after a transitive cue is its object ("condemned Prime Minister X's
   speech", "do not trust the government"); someone quoted speaking of "our husbands",
   "my son" (or doing so in the previous quotation) speaks as ``families``. Clause shape
   (`extractors.sentiment_holders`): a noun in an aside after another holder is not the
   subject ("The protesters, who included refugees ..., blamed"), nor one after "with"
   for a speaker; "he"/"she" before a cue is a person, not a collective noun before it
   ("the junta announced ..., and she was terrified" -> ``other``); a weak holder named by
   apposition ("Kassa, an ex-soldier") holds it; officials asked to act ("want the
   government to ...") do not; a speaker saying "we/I ..." in a quotation holds it
   rather than "everybody" or "people" in it. A clause about the past ("Initially ...,
   but ...") gives way to a later clause with a cue.
   "People of/in" a place that is not a country ("the people of the Syrian coast") and
   "everyone" in a quotation naming a town are ``residents``; "most people", "many" two
   sentences after residents are still residents; state media carrying a speaker's remarks
   ("in remarks carried by KCNA, Kim said") make the speaker an official.
   Poll context (a survey word or a percentage) lasts one more sentence; in it
   residents become ``public``, and so does any holder when respondents are named.
4. **Clauses** split at contrast markers (but, however, while, despite...). One
   holder with both polarities gets one ``mixed`` report, unless shares decide: a
   cue's percentage (before it, or in brackets after; "46%", "Sixty-one percent",
   "six in 10", "one in three", "two-thirds of") counts once per figure; a side
   holding more than half wins, else a side needs 1.2x the other's share (a closer split is mixed). A poll
   breakdown running over two sentences ("46% support a deal ... In contrast, 18%
   opposed it") is one report: of two adjacent reports by one holder with opposite
   stances and shares, the smaller share's is dropped.
5. **Score** in [-1, 1]: the signed sum of cue strengths (plus a quarter of an
   agreeing quote score), clipped; with shares, the winning share of the total;
   for ``mixed``, the balance (P - N) / (P + N) halved.

Article verdict (`overall`): ``none`` with no report. If any report is a majority
statement (a comparative, "most", "the majority", a share above half), the
majority reports decide: one stance -> that stance, both -> ``mixed``. Otherwise
each report counts 1 (``mixed`` 0.5 to each side) and the side with at least
two thirds of the weight wins, else ``mixed``. `tone` is the document's VADER
compound (VADER's lexicon, negation, boosters and normalisation in one linear pass),
kept apart as a secondary number.

Speed: one pass finds the gate words (`CUE_TRIGGER_STEMS`) of the whole document; a
paragraph with neither a gate word nor a quotation is not split into sentences (its last
sentence is worked out only if the next unit needs it as carry-over); cues are tried only
at gate words and at word starts up to 60 characters before a late gate word; the big
alternations run on lower-cased text without IGNORECASE; VADER runs on quotes only.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from extractors import sentiment_holder_words as hw
from extractors import sentiment_holders as hol
from extractors import sentiment_lexicon as lex
from extractors import sentiment_quote_words as qw
from extractors.model import SentimentAnalysis, SentimentReport
from extractors.sentences import sentence_spans
from extractors.sentiment_cues import (  # noqa: F401  (_CUE_RE, _cue_matches, has_cue_trigger: re-exported for tests)
    _CUE_RE,
    _TOKEN,
    _cue_matches,
    _find_cues,
    _gate_hits,
    has_cue_trigger,
)
from extractors.sentiment_reader import SentenceReader, second_reading
from extractors.sentiment_resolve import _Carry, _kin_state, _resolve_holder, _speaker_first
from extractors.sentiment_rules import (
    _FIRST_PERSON_FEELING,
    _clauses,
    _combine,
    _holders,
    _is_weak,
    _location,
    _pick_holder,
    _quote_score,
    _quote_subject,
    _winning_share,
    document_tone,
)
from extractors.sentiment_shares import has_share, merge_poll_breakdown

_I = re.IGNORECASE
# a clause that turns against the one before it ("Initially, the movement pledged loyalty ... but ...")
_BUT_AFTER = re.compile(r"[\s,;]*(?:but|however|yet)\b", re.IGNORECASE)
_CONTRAST_WORD = re.compile(r"\b(?:but|however|yet|though|although|whereas)\b", _I)
_CLOSE_QUOTES = frozenset(c for _, c in qw.QUOTE_PAIRS)
_QUOTE_OPEN = re.compile("[" + "".join(re.escape(o) for o, _ in qw.QUOTE_PAIRS) + "]")
# a sentence that only attributes the quotation before it: '"...Where do we go?" 51-year-old Hoda Adly said.'
_ATTRIBUTION_ONLY = re.compile(
    r"\s*(?:[\w’'.,-]+\s+){0,6}?(?:said|says|told|tells|added|explained|recalled|wrote|asked|insisted)\b[^.!?]{0,80}[.!?]?\s*$", _I
)


def _elaborates(found: list, middle: _Carry) -> bool:
    """Did the unit between two poll shares only add reports, without shares, of the holder and a
    stance the unit before it reported (so the breakdown around it can still be merged)?"""
    if middle.shares or not middle.n_found or middle.before is None:
        return False
    before = [f[0] for f in found[len(found) - middle.n_found - len(middle.before.shares):len(found) - middle.n_found]
              if f is not None]
    sides = {(r.holder, r.stance) for r in before}
    return all(f is not None and (f[0].holder, f[0].stance) in sides for f in found[len(found) - middle.n_found:])


# ---------------------------------------------------------------------------------------
def extract_sentiment(text: str, reader: SentenceReader | None = None) -> SentimentAnalysis:
    """All sentiment reports in `text`, the article verdict and the document tone. With a
    `reader` (`extractors.sentiment_reader`), a sentence model adds reports the rules missed."""
    if not text or not text.strip():
        return SentimentAnalysis(reports=[], overall="none", tone=0.0)
    quotes = _quote_spans(text)
    found: list[tuple[SentimentReport, bool]] = []
    prev_holder: _Carry | None = None
    q_ends = [qe for _, qe in quotes]
    doc_hits = _gate_hits(text)
    hit_pos = [p for p, _ in doc_hits] if doc_hits is not None else []
    for start, end in _candidate_units(text, quotes, q_ends, hit_pos if doc_hits is not None else None):
        if end < 0:  # a paragraph with no gate word and no quotation: it only hands on its last sentence
            prev_holder = _Carry(region=(start, -end), text=text)
            continue
        k = bisect_right(q_ends, start)
        unit_quotes = []
        while k < len(quotes) and quotes[k][0] < end:
            qs, qe = quotes[k]
            unit_quotes.append((max(qs, start) - start, min(qe, end) - start))
            k += 1
        unit_hits = None
        if doc_hits is not None:
            unit_hits = [
                (p - start, late)
                for p, late in doc_hits[bisect_left(hit_pos, start) : bisect_left(hit_pos, end)]
                if not any(qs <= p - start < qe for qs, qe in unit_quotes)
            ]
        reports, holder_seen = _analyse_unit(text, start, end, unit_quotes, prev_holder, unit_hits)
        if prev_holder is not None and prev_holder.shares and holder_seen.shares:
            reports = merge_poll_breakdown(found, prev_holder, reports, holder_seen)
        elif holder_seen.shares and prev_holder is not None and prev_holder.before is not None \
                and prev_holder.before.shares and _elaborates(found, prev_holder):
            reports = merge_poll_breakdown(found, prev_holder.before, reports, holder_seen, gap=prev_holder.n_found)
        found.extend(reports)
        holder_seen.n_found = len(reports)
        if prev_holder is not None and prev_holder.before is not None:
            prev_holder.before.before = None  # two steps back at most
        holder_seen.before = prev_holder
        prev_holder = holder_seen
    found = [f for f in found if f is not None]
    if reader is not None:
        found = second_reading(text, found, reader, quotes)
    reports = [r for r, _ in found]
    return SentimentAnalysis(reports=reports, overall=overall_verdict(found), tone=document_tone(text))


def overall_verdict(found: list[tuple[SentimentReport, bool]]) -> str:
    """The article verdict from (report, is_majority_statement) pairs (rule in the module doc)."""
    if not found:
        return "none"
    majority = {r.stance for r, is_majority in found if is_majority}
    if majority:
        if majority == {"negative"}:
            return "negative"
        if majority == {"positive"}:
            return "positive"
        return "mixed"
    neg = pos = 0.0
    for r, _ in found:
        if r.stance == "negative":
            neg += 1
        elif r.stance == "positive":
            pos += 1
        else:
            neg += 0.5
            pos += 0.5
    if neg >= 2 * pos:
        return "negative"
    if pos >= 2 * neg:
        return "positive"
    return "mixed"


# ---------------------------------------------------------------------------------------
def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotation spans (marks included) of at least MIN_QUOTE_WORDS words; unclosed curly
    quotes run to the end of their paragraph."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    openers = dict(qw.QUOTE_PAIRS)
    pos = 0
    for m in _QUOTE_OPEN.finditer(text):
        i = m.start()
        if i < pos:
            continue
        ch = text[i]
        limit = text.find("\n", i)
        limit = n if limit < 0 else limit
        j = text.find(openers[ch], i + 1, limit)
        if j < 0:
            if ch == '"':
                continue
            j = limit - 1  # an unclosed curly quote runs to the end of its paragraph
        spans.append((i, j + 1))
        pos = j + 1
    if "''" in text:
        for m in qw.DOUBLE_APOSTROPHE_QUOTE.finditer(text):
            if not any(s <= m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    if "—" in text or "–" in text:
        for m in qw.DASH_SPEECH.finditer(text):
            if not any(s <= m.start("d") < e for s, e in spans):
                spans.append((m.start("d"), m.end("d")))
    # single-quoted speech ('we are living in hell'), only outside double quotes
    for m in qw.SINGLE_QUOTE.finditer(text):
        if not any(s <= m.start() < e for s, e in spans) and "\n" not in m.group(0):
            spans.append((m.start(), m.end()))
    spans.sort()
    return [
        (s, e)
        for s, e in spans
        if len(_TOKEN.findall(text, s, e)) >= qw.MIN_QUOTE_WORDS or qw.SPEECH_COLON.search(text, max(0, s - 40), s)
    ]


def _candidate_units(
    text: str, quotes: list[tuple[int, int]], q_ends: list[int], hit_pos: list[int] | None
) -> Iterator[tuple[int, int]]:
    """The units of `text`, paragraph by paragraph; a paragraph with no cue gate word and no
    quotation can report nothing and is not split: it comes as (start, -end)."""
    if hit_pos is None:
        yield from _units(text, quotes)
        return
    n = len(text)
    ps = 0
    while ps < n:
        pe = text.find("\n", ps)
        pe = n if pe < 0 else pe
        if text[ps:pe].strip():
            k = bisect_left(hit_pos, ps)
            has_hit = k < len(hit_pos) and hit_pos[k] < pe
            j = bisect_right(q_ends, ps)
            has_quote = j < len(quotes) and quotes[j][0] < pe
            if has_hit or has_quote:
                yield from _units(text, quotes, ps, pe)
            else:
                yield ps, -pe
        ps = pe + 1


def _units(text: str, quotes: list[tuple[int, int]], lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of text[lo:hi], merged where one quotation runs across sentences."""
    starts = [q[0] for q in quotes]
    units: list[tuple[int, int]] = []
    if hi is None:
        hi = len(text)
    spans = sentence_spans(text) if (lo, hi) == (0, len(text)) else ((lo + a, lo + b) for a, b in sentence_spans(text[lo:hi]))
    for s, e in spans:
        if units and s < units[-1][1]:
            s = units.pop()[0]
        end = e
        k = bisect_left(starts, s)
        while k < len(quotes) and quotes[k][0] < end:
            end = max(end, quotes[k][1])
            k += 1
        if units and end - s <= 120 and text[units[-1][1] - 1 : units[-1][1]] in _CLOSE_QUOTES and _ATTRIBUTION_ONLY.match(text, s, end):
            s = units.pop()[0]
        units.append((s, end))
    return units


def _mask(unit: str, quotes: list[tuple[int, int]]) -> str:
    if not quotes:
        return unit
    parts, last = [], 0
    for s, e in quotes:
        parts.append(unit[last:s])
        if hw.QUOTED_VERDICT.fullmatch(unit, s, e) and hw.QUOTED_VERDICT_AFTER.match(unit, e):
            parts.append(unit[s:e])  # 'the Kremlin's “unjustifiable” war efforts': the quoted verdict is a cue
        else:
            parts.append(" " * (e - s))
        last = e
    parts.append(unit[last:])
    return "".join(parts)


def _analyse_unit(
    text: str,
    start: int,
    end: int,
    quotes: list[tuple[int, int]],
    prev_holder: _Carry | None,
    hits: list[tuple[int, bool]] | None = None,
) -> tuple[list[tuple[SentimentReport, bool]], _Carry]:
    unit = text[start:end]
    masked = _mask(unit, quotes)
    cues = _find_cues(masked, hits)
    if not cues and not quotes:
        # '“My feelings are indescribable,” said Omar Daher': a short quote still names a speaker
        spoke = _QUOTE_OPEN.search(unit) is not None and qw.REPORTING_CUES.search(masked) is not None
        return [], _Carry(masked, unit=unit, speaker=spoke)
    quote_text = " ".join(unit[s:e].strip("“”„«»\"'‘’—– ") for s, e in quotes) if quotes else None
    quote_cues = _find_cues(quote_text) if quote_text else []
    if not cues:
        qs, has_hit = _quote_score(quote_text or "", quote_cues)
        if not has_hit or abs(qs) < qw.QUOTE_SCORE_THRESHOLD:
            return [], _Carry(masked, unit=unit, speaker=bool(qw.REPORTING_CUES.search(masked)))
    holders_out = _holders(masked)
    own_poll = bool(lex.POLL_CONTEXT.search(unit) or has_share(masked))
    poll = own_poll or (prev_holder is not None and prev_holder.poll)
    quote_score = 0.0

    # who is mentioned here, for the next unit's carry-over
    seen = _pick_holder([h for h in holders_out if h.cls not in hw.WEAK_HOLDERS], masked, None, len(masked))
    seen = _speaker_first(holders_out, masked) or seen
    seen_cls = seen.cls if seen else (holders_out[-1].cls if holders_out else None)

    items: list[tuple[str, int, float, bool, float, int]] = []  # holder, polarity, strength, majority, share, share pos
    if cues:
        clauses = _clauses(masked)
        last_cued = max(i for i, (c0, c1) in enumerate(clauses) if any(c0 <= c.start < c1 for c in cues))
        for i, (c0, c1) in enumerate(clauses):
            ccues = [c for c in cues if c0 <= c.start < c1]
            if not ccues or (
                (i < last_cued or i + 1 < len(clauses) and _BUT_AFTER.match(masked, clauses[i + 1][0]))
                and lex.PAST_MARKER.search(masked, c0, c1)
            ):
                continue  # "Initially she was hopeful ..., but things became bleak": the past feeling
            # the first cue that names a holder decides ("pride ..., anxiety pervades society")
            for c in ccues:
                holder, named = _resolve_holder(masked, holders_out, c, unit, quotes, prev_holder, poll, cues)
                if named:
                    break
            if not named and prev_holder is not None and hol.EXISTENTIAL.search(masked, max(0, ccues[0].start - 40), ccues[0].start):
                named = prev_holder.get() == holder  # "citizens ... are jubilant. However, there is a fear of retaliation"
            if not named:
                ccues = [c for c in ccues if not _is_weak(masked, c)]
            for c in ccues:
                items.append((holder, c.polarity, c.strength, c.majority, c.weight, c.pct_at))
                if holder == "families" and c.polarity < 0 and _kin_state(masked, c):
                    # "relatives say their men ...: they are exhausted": the soldiers' own state too
                    items.append(("soldiers", c.polarity, c.strength, False, 1.0, -1))
        if items and quotes and quote_text:
            # 'Syrians are fearful ..., but "today, all Syrian people will just celebrate"': the
            # quotation after a contrast answers the cue before it with the other side
            last = max(c.end for c in cues)
            side = sum(it[1] * it[2] for it in items)
            # '"I am against the ceasefire," said X, a resident ... who feared ...': the speaker's own
            # words state the other side in a stance word, the description of the speaker this one
            speaker_aside = (
                cues[0].start >= quotes[0][1]
                and qw.REPORTING_CUES.search(masked, quotes[0][1], cues[0].start) is not None
                and any(c.polarity * side < 0 and c.pct_at < 0 for c in quote_cues)
            )
            if speaker_aside or (last <= quotes[0][0] and _CONTRAST_WORD.search(masked, last, quotes[0][0])):
                qs, has_hit = _quote_score(quote_text, quote_cues)
                if has_hit and abs(qs) >= qw.QUOTE_SCORE_THRESHOLD and qs * side < 0:
                    items.append((items[-1][0], 1 if qs > 0 else -1, min(1.0, abs(qs)), False, 1.0, -1))
    elif quote_text:  # no cue outside quotes; the quote carries a stance (checked above)
        quote_score = qs
        attributed = bool(qw.REPORTING_CUES.search(masked)) or not masked.strip(" .,")
        if attributed or holders_out:
            subject = None if _FIRST_PERSON_FEELING.search(quote_text) else _quote_subject(quote_text, quote_cues)
            holder = subject or _resolve_holder(
                masked, holders_out, None, unit, quotes, prev_holder, poll
            )[0]
            if subject == "public" and not poll and any(hol.everyone_here(unit, s, e) for s, e in quotes):
                holder = "residents"  # '"In Wegel Tena ... Everyone is afraid," Gebeyehu added'
            if poll and holder == "residents":
                holder = "public"
            # majority words inside the quote ("Most do not see ...") count as a majority report
            inner = quote_cues
            majority = any(c.majority for c in inner)
            pos = sum(c.strength for c in inner if c.polarity > 0)
            neg = sum(c.strength for c in inner if c.polarity < 0)
            if any(c.pct_at >= 0 for c in inner):  # shares stated inside the quote ("77% of people are against")
                items.extend((holder, c.polarity, c.strength, c.majority, c.weight, c.pct_at) for c in inner if c.polarity)
            elif pos and neg and max(pos, neg) < 3 * min(pos, neg):  # "I am feeling sadness, I think we will win"
                items.extend((holder, c.polarity, c.strength, majority, 1.0, -1) for c in inner if c.polarity)
            else:
                items.append((holder, 1 if qs > 0 else -1, min(1.0, abs(qs)), majority, 1.0, -1))
    if not items:
        return [], _Carry(cls=seen_cls, poll=own_poll)
    if quote_text and cues:
        qs, has_hit = _quote_score(quote_text, quote_cues)
        quote_score = qs if has_hit else 0.0

    location = _location(unit, masked)
    sentence = unit
    reports: list[tuple[SentimentReport, bool]] = []
    shares: list[float | None] = []
    by_holder: dict[str, list[tuple[int, float, bool, float, int]]] = {}
    for holder, pol, strength, majority, weight, pct_at in items:
        by_holder.setdefault(holder, []).append((pol, strength, majority, weight, pct_at))
    for holder, lst in by_holder.items():
        stance, score, majority = _combine(lst, quote_score)
        shares.append(_winning_share(lst, stance))
        reports.append(
            (
                SentimentReport(
                    holder=holder,
                    stance=stance,
                    score=round(score, 3),
                    quote=quote_text,
                    location=location,
                    sentence=sentence,
                    start=start,
                    end=end,
                ),
                majority,
            )
        )
    carry = _Carry(cls=reports[-1][0].holder, poll=own_poll)
    carry.shares = shares if any(x is not None for x in shares) else []
    return reports, carry
