"""Patterns and word lists for the numbers in casualty sentences (data only, no logic).

What a number is: number words, digits and their separators, ranges, bounds and vague amounts
(`QUANTITY_RE`, `VAGUE_RE`, the qualifier words, a rise that is no range or bound), read by
`extractors.casualty_numbers`; and what a number is not: dates, ages, amounts and units, periods,
rates, hypotheticals and projections, set aside by `extractors.casualty_filters`. The words of the
casualties themselves are in `extractors.casualty_patterns`.
"""

from __future__ import annotations

import re

# --- numbers -----------------------------------------------------------------------

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
DOZEN = 12

# Vague quantities -> conventional value (ACLED-style conservative mapping).
VAGUE_VALUES = {
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
    "millions": 1_000_000,
}

_NUMWORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|hundred|thousand|million|billion)"
)
_SCALE = r"(?:hundred|thousand|million|billion)"
_DIGITS = (
    r"(?:\d{1,3}(?:,\d{3})+(?!\d)"  # 3,000
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,]|\.\d)"  # 3 000
    r"|\d{1,3}(?:\.\d{3})+(?![\d]|\s*" + _SCALE + r")"  # 1.100 (European separator)
    r"|\d+(?:\.\d+)?)"  # 300, 1.2
)
_ONE_NUM = (
    r"(?:(?:" + _NUMWORD + r"|\d{1,3})[\s-]+and[\s-]+a[\s-]+half[\s-]+(?:thousand|million|billion)"  # two and a half thousand
    r"|(?:a|one)[\s-]+(?:dozen|hundred|thousand|million)"
    r"|" + _DIGITS + r"(?:[\s-]+" + _SCALE + r"(?:[\s-]+(?:and[\s-]+)?\d+)?)?"
    r"|" + _NUMWORD + r"(?:[\s-]+(?:and[\s-]+)?(?:" + _NUMWORD + r"|dozen\b))*(?:-\d+)?"
    r"|dozen)"
)
_RANGE_SEP = r"(?:\s*(?:-|–|—)\s*|\s+to\s+)"

# One quantity: optional qualifier, a number (or range), optional suffix. Named groups:
# qual, between, a, b, suffix.  Matched case-insensitively on a sentence.
QUANTITY_RE = re.compile(
    r"(?<![\w$€£.,])"
    r"(?:(?P<qual>at\s+least|no\s+fewer\s+than|no\s+less\s+than|not\s+less\s+than|a\s+minimum\s+of"
    r"|more\s+than|higher\s+than|greater\s+than|well\s+over|just\s+over|over|upwards\s+of|in\s+excess\s+of|above|exceeding"
    r"|up\s+to|as\s+many\s+as|as\s+high\s+as|fewer\s+than|less\s+than|under|below|just\s+under"
    r"|around|about|some|nearly|almost|roughly|approximately|approx\.|an\s+estimated|estimated"
    r"|close(?:r)?\s+to|nearing|~)\s*)?"
    r"(?P<between>between\s+)?"
    r"(?P<a>" + _ONE_NUM + r")"
    r"(?:(?(between)(?:\s+(?:and|to)\s+|\s*[-–—]\s*)|" + _RANGE_SEP + r")(?P<b>" + _ONE_NUM + r"))?"
    r"(?P<suffix>-plus|\+|\s+or\s+more|-strong)?"
    r"(?![\w])",
    re.IGNORECASE,
)

VAGUE_RE = re.compile(
    r"\b(?P<vague>(?:tens|hundreds)\s+of\s+thousands|hundreds\s+of\s+millions"
    r"|(?:several|a\s+few)\s+(?:dozen|hundred|thousand)"
    r"|dozens|scores|hundreds|thousands|millions)\b",
    re.IGNORECASE,
)

# The same two patterns for lower-cased text (about twice as fast as the case-blind ones).
QUANTITY_LOWER_RE = re.compile(QUANTITY_RE.pattern)
VAGUE_LOWER_RE = re.compile(VAGUE_RE.pattern)

# "hand over N", "turned over N": "over" is the verb's particle, no bound
PARTICLE_OVER_BEFORE_RE = re.compile(r"\b(?:hand|hands|handed|handing|turn|turns|turned|turning)\s+$", re.IGNORECASE)
QUALIFIER_WORDS = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "higher than": "more_than", "greater than": "more_than", "well over": "more_than", "just over": "more_than", "over": "more_than",
    "upwards of": "more_than", "in excess of": "more_than", "above": "more_than",
    "exceeding": "more_than",
    "up to": "up_to", "as many as": "up_to", "as high as": "up_to",
    "fewer than": "fewer_than", "less than": "fewer_than", "under": "fewer_than",
    "below": "fewer_than", "just under": "fewer_than",
    "around": "approximately", "about": "approximately", "some": "approximately",
    "nearly": "approximately", "almost": "approximately", "roughly": "approximately",
    "approximately": "approximately", "approx.": "approximately", "an estimated": "approximately",
    "estimated": "approximately", "close to": "approximately", "closer to": "approximately", "nearing": "approximately",
    "~": "approximately",
}
# verbs right before a number that set its qualifier ("exceeded 6,000")
VERB_QUALIFIERS = {
    "exceeded": "more_than", "exceeds": "more_than", "exceed": "more_than", "topped": "more_than",
    "surpassed": "more_than", "nearing": "approximately", "neared": "approximately",
    "approaching": "approximately", "passed": "more_than", "passes": "more_than", "surpasses": "more_than",
    "tops": "more_than", "exceeding": "more_than",
}
# "the death toll climbed from 558 to 569": a revision, two figures (the earlier and the current one), not a range
RISE_FROM_BEFORE_RE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|climbing|jumped|jumps|increased|increases|increasing|grew|grown|soared"
    r"|went\s+up|gone\s+up|revised(?:\s+(?:upward|upwards|up|downward|downwards|down))?|raised|raising|fell|fallen|dropped"
    r"|decreased|lowered)\s+from\s+$", re.IGNORECASE)
# "bringing the toll up to 624", "has gone up to nine": a rise, not an upper bound
RISE_BEFORE_UP_TO_RE = re.compile(
    r"\b(?:gone|went|goes|going|rose|risen|climbed|jumped|bringing|brought|brings|bring|raising|raised|pushing"
    r"|pushed|taking|took|moved|shot|gone)(?:\s+[\w'’-]+){0,6}?\s*$",
    re.IGNORECASE,
)

# --- what a number is not ------------------------------------------------------------

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# a month name right before a number: the number is a day ("Oct. 27 to 78" is no range)
MONTH_BEFORE_RE = re.compile(r"\b(?:" + MONTHS + r")\.?\s+$", re.IGNORECASE)
# text right before a number that makes it a non-casualty (money, dates, ages, ids)
NOT_BEFORE_RE = re.compile(
    r"(?:[$€£₩¥]|US\$|\b(?:" + MONTHS + r")\.?(?:\s+\d{1,2}\s*(?:and|through|-|–))?|\baged|\bages|\bage\s+of|\bno\.|\bpage|\bpara|\bmodel"
    r"|\bflight|\broute|\bresolution|\bthe|\bits|\bhis|\bher|\btheir|\b(?:older|younger)\s+than"
    r"|\bas\s+(?:young|old)\s+as|(?-i:\b[A-Z][A-Za-z]{0,3}-))\s*$",  # "a D-20 howitzer", "Su-25 jets": a model
    re.IGNORECASE,
)
# text right after a number that makes it a non-casualty
NOT_AFTER_RE = re.compile(
    r"^(?:\s*(?:%|percent\b|per\s*cent\b|percentage\b)"
    r"|(?:st|nd|rd|th)\b"
    r"|\s*(?:-|\s)?(?:year|month|week|day|hour|minute)s?[-\s]old\b"
    r"|\s*years?\s+old\b"
    r"|-(?:day|week|month|year|hour|minute|storey|story|floor|km|mile|metre|meter|kilometre|kilometer)s?\b"
    r"|\s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries)\b(?!\s+(?:of\s+)?(?:soldiers|troops))"
    r"|\s*(?:km|kilometers|kilometres|miles|metres|meters|kg|kilograms|pounds|tons|tonnes|tonne|barrels|acres|hectares|square)\b"
    r"|\s*(?:dollars|euros|won|rubles|roubles|yuan|pounds\s+sterling|usd|eur)\b"
    r"|\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt|utc)"
    r"|\s*(?:" + MONTHS.replace("|may|", "|") + r"|(?-i:May))\b"  # not the verb: "3,000 may have been killed"
    r"|\s*[:/]\d)",
    re.IGNORECASE,
)
# words before a year ("since 2004", "October 11, 2025", "in mid-2023")
YEAR_BEFORE_RE = re.compile(
    r"(?:\b(?:since|in|until|till|from|during|before|after|early|late|mid|year|summer|winter|spring"
    r"|autumn|fall)[\s-]+|\b(?:" + MONTHS + r")\.?\s+(?:\d{1,2},?\s+)?)$", re.IGNORECASE)
# a casualty word right after a comma that follows a figure ("2000, mostly civilians, were killed" is rare; the
# comma after a year opens the rest of the sentence)
CUE_AFTER_COMMA_RE = re.compile(r"\s*(?:mostly|mainly|including|among\s+them|of\s+whom|most\s+of\s+them)\b", re.I)
# the earlier ages of a list of ages right before a number ("two men aged 29 and 41", "aged 20, 35 and 60")
AGE_LIST_BEFORE_RE = re.compile(
    r"\b(?:aged|ages|age\s+of|ages\s+of)\s+(?:between\s+)?\d{1,3}(?:\s*(?:,|and|or|to|-|–)\s*\d{1,3})*"
    r"\s*(?:,\s*(?:and|or)?|and|or|to|-|–)\s*$", re.IGNORECASE)
# a period whose unit is left out ("In the last 24, 1,030 Russian soldiers have been killed"): the number is
# no count when punctuation follows it
PERIOD_NO_UNIT_BEFORE_RE = re.compile(r"\b(?:last|past|previous|preceding)\s+$", re.IGNORECASE)
PERIOD_NO_UNIT_AFTER_RE = re.compile(r"\s*[,;:]")
# a count per day is a rate, not a figure ("1,500 casualties a day")
# ("losing an estimated 20,000 lives a month", "losing 1,000 soldiers a day"), but "a day after" is a date
# and "killed in a week" a period
RATE_AFTER_RE = re.compile(
    r"\s*(?:[\w-]+\s+){0,3}?(?!(?:in|within|over|during|for|past|last|than|about|after|before|by)\s)[\w-]+\s+"
    r"(?:on\s+average\s+)?(?:a|per|each|every)\s+"
    r"(?:day|week|month)\b(?!\s+(?:after|before|earlier|later|ago|into|of|since|when|in\s+which|that)\b)"
    r"|\s*(?:[\w-]+\s+){0,3}?(?:casualties|deaths|losses)\s+daily\b",
    re.IGNORECASE,
)
# the size of a force, not a loss ("leaving an effective force of about 150,000", "a contingent of 12,000")
FORCE_SIZE_BEFORE_RE = re.compile(
    r"\b(?:(?:effective|fighting|standing|combined|total|active|remaining)\s+)?(?:force|army|contingent|garrison|strength|headcount)"
    r"\s+of\s+(?:(?:about|some|around|roughly|approximately|nearly|almost|over|more\s+than|at\s+least|up\s+to|fewer\s+than"
    r"|less\s+than|just\s+over|just\s+under|an\s+estimated)\s+)?$",
    re.IGNORECASE,
)
# rates are not counts ("an average of 165 people killed a day")
RATE_RE = re.compile(r"\b(?:average|avg\.?)\s+(?:of\s+)?$", re.IGNORECASE)
# a figure in a hypothetical ("If 3,000 were lost in the first month, ...")
HYPOTHETICAL_BEFORE_RE = re.compile(r"\b(?:if|unless|whether|suppose|supposing)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)
# a figure a modal verb only foresees ("the fighting could kill 25,000 to 50,000 civilians", "34 million
# people would die"): the modal and its verb before the figure, with no finite verb between them
MODAL_BEFORE_RE = re.compile(
    r"\b(?:would|could|might|may|will)\s+(?:(?:likely|potentially|possibly|also|easily|still)\s+)?"
    r"(?:kill|cause|leave|result\s+in|claim|cost|die|be\s+killed|be\s+wounded|be\s+injured"
    r"|hit|reach|rise\s+to|climb\s+to|go\s+up\s+to|grow\s+to|increase\s+to|exceed|top|surpass)\b"
    r"(?:(?!\b(?:were|was|are|is|has|have|had|said|says)\b)[^.;!?]){0,130}$",
    re.IGNORECASE,
)
MODAL_AFTER_RE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:would|could|might|may)\s+(?:(?:likely|potentially|possibly|also|still)\s+)?"
    r"(?:die|be\s+killed|be\s+wounded|be\s+injured|perish|lose\s+their\s+lives)\b",
    re.IGNORECASE,
)
# a projection: a model, simulation or scenario that predicts ("the scenario predicted 91.5 million casualties")
PROJECTION_RE = re.compile(
    r"\b(?:simulations?|scenarios?|projections?|models?|modell?ing|war\s+games?)\b[^.;]{0,80}?"
    r"\b(?:predict\w*|project\w*|forecast\w*|would|could|estimates?\s+that)\b",
    re.IGNORECASE,
)
