"""Quotation words for reported-sentiment extraction (data, not logic).

How `extractors.sentiment` finds quotations (quote marks, single-quoted and dash-set speech,
the minimum length that tells speech from scare quotes), the reporting cues that attribute
them, and the domain lexicon that scores their content where a general lexicon fails
(``duty``, ``for the fatherland`` read as positive by the people who say it; ``dying for
nothing`` and ``how must their parents feel`` as negative). Like
`extractors.sentiment_lexicon` (the cue lists), everything here is plain strings, tuples and
compiled regexes.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# --- quotes ----------------------------------------------------------------------------
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (("“", "”"), ("„", "“"), ("«", "»"), ('"', '"'))
SINGLE_QUOTE = re.compile(r"(?<![\w’'])['‘](?=[A-Za-z])(.{3,}?)(?<=[\w.,!?])['’](?![\w])")
# two apostrophes as quotation marks ("''But at night, you brace for death,'' she said"), as some wire copy prints them
DOUBLE_APOSTROPHE_QUOTE = re.compile(r"''(?=\S)[^\n]{3,}?(?<=\S)''")
# speech set off by dashes, as translated Ukrainian and Russian news print it:
# "— And the Russians send them into assaults ... the madness that dictatorships are capable of, — said the president."
DASH_SPEECH = re.compile(r"^[ \t]*(?P<d>[—–][^\n]{20,}?[,.!?]?\s[—–])(?=\s*(?:said|says|stated|noted|added|emphasi[sz]ed|stressed|explained|told|wrote|according)\b)", re.MULTILINE)
MIN_QUOTE_WORDS = 5  # shorter quoted phrases are scare quotes: read as ordinary text
# ... unless a colon after an answer or a speech verb introduces them: 'one woman gave a firm answer: “Our victory, unquestionably.”'
SPEECH_COLON = re.compile(
    r"\b(?:answer|reply|response|replied|answered|responded|said|says|shouted|chanted|exclaimed|declared)\b[^.:;\"“”«»]{0,20}:\s*$", _I
)

REPORTING_CUES = re.compile(
    r"\b(?:said|says|say|saying|told|tells|stated|states|asserting|asserted|argu\w+|claim\w*|added|explained|explains|noted|recalled|wrote|writes|reads|remarked|insisted|voiced|shared|expressed|according to|quoted|reported|reports|lamented|complained|warned|described|conveyed|answered|responded|replied|(?:gave|gives|give) (?:a|an|her|his|their) (?:\w+ )?(?:answer|reply|response)|stressed|emphasi[sz]ed|underlined|observed|concluded|acknowledged|admitted|pointed out|posted|announced|went on|goes on|recounted|recounts|recalls|recalling|asked|asks|wondered|sighed|shouted|whispered)\b",
    _I,
)

# --- domain lexicon for quote content (scores added to the VADER compound) --------------
DOMAIN_POSITIVE: tuple[tuple[str, float], ...] = (
    (r"(?:die|dying|death|sacrific\w*|lives?|fight\w*|serv\w*)\s(?:\w+\s){0,3}for\s(?:the|our|their)\s(?:fatherland|motherland|nation|country|party|leader|homeland|supreme leader)", 0.8),
    (r"duty|honou?r to (?:die|serve|fight)|an honou?r|loyal\w*|noble|glor\w*|heroic\w*|heroes|feat|valou?r|brave\w*|orders? of the (?:party|supreme leader|fatherland)", 0.6),
    (r"(?:must|should) be prepared to sacrifice|must be carried out|there must be a reason", 0.6),
    (r"brotherly|militant friendship|victory|always wins|wins in battle", 0.4),
    # a leader's praise of the troops and the alliance: "work a miracle", "this revolutionary army", "will always be with Moscow"
    (r"(?:work\w*|perform\w*|achiev\w*) (?:a )?miracles?|invincible|indomitable|unbreakable|invaluable|revolutionary army|(?:will|shall) always (?:be|stand) (?:with|by)|cannot (?:be )?match(?:ed)?", 0.5),
    # the war justified as survival: "Israel is fighting for ourselves, for the Middle East", "we are fighting for our existence"
    (r"(?:fight\w*|struggl\w*|war) (?:\w+ )?for (?:ourselves|our (?:survival|existence|freedom|future|homeland|independence|land|lives|children)|(?:our |their )?(?:very )?survival|freedom|the (?:entire|whole) world)", 0.6),
    # a leader's eulogy: "its excellent sons, who defended the most sacred things ..., will live forever"
    (r"(?:excellent|heroic|brave|loyal|proud|faithful|glorious) (?:sons|daughters|sons and daughters)|(?:will|shall) live forever|defended (?:the )?(?:most )?sacred", 0.6),
    # evaluative and affect words of pride, courage and relief: "our valiant soldiers", "we are reborn"
    (r"valiant\w*|courage\w*|reborn|relieved|blessed|jubila\w+|overjoyed|elated|long live", 0.6),
    # joy at liberation or at the end of a regime: "a real sense of freedom", "waiting a long time for this day"
    (r"sense of (?:freedom|liberation)|free at last|we are free|(?:waiting|waited|wait) (?:\w+ ){0,3}for this (?:day|moment)|(?:can['’]t|cannot) believe (?:i['’]m|we['’]re|i am|we are) (?:living|alive|free|seeing)|new history|tears of joy", 0.6),
)
DOMAIN_NEGATIVE: tuple[tuple[str, float], ...] = (
    (r"dying for nothing|died for nothing|for nothing|in vain|without leaving a name|nobody knows how many", 0.8),
    (r"how (?:must|would|do|can) (?:their|the|his|her) (?:parents|mothers?|families|family) feel", 0.9),
    (r"(?:deaths?\s(?:\w+\s){0,4}in\s(?:a|another)\sforeign\s(?:country|land|war))|(?:dying|die|killed|sent|lose their lives)\s(?:\w+\s){0,3}(?:in|to)\s(?:a|another)\s(?:foreign|distant|strange)\s(?:country|land|war)|a land that is not|another country to lose", 0.7),
    (r"(?:haven't|have not|hasn't|never) (?:even )?(?:gotten|got|been) married", 0.5),
    (r"illegal act|unlawful act|criminal act|act of aggression|violat\w* (?:the )?(?:\w+ ){0,2}(?:charter|international law|security council resolutions|sovereignty|territorial integrity)|genocide|massacres?|atrocit\w*|war crimes?|ethnic cleansing|slaughter\w*|wrong|absurd|heartbreaking|cannon fodder|meat grinder|like a dog|slavery|hell|crazy|unbearable|misjudgment|misjudgement|betray\w*|exterminat\w*|abandon\w*|ironic|orphans|pain\w*|worried|disappointment|bitter", 0.6),
    (r"(?:bring|give|get) (?:\w+ ){0,3}(?:back|home)|returned back alive", 0.5),
    (r"(?:taken|took|lost) everything|(?:destroyed|ruined) (?:our|my) (?:lives|life|future)|unacceptable|no longer (?:stand|bear|tolerate)|(?:waiting for|way to|nothing (?:here )?(?:but|except)) (?:\w+ ){0,2}death|(?:your|our|my|their) own death"
     r"|(?:thought|felt|feared|was sure) (?:that )?(?:this|it) was the end|(?:need|want|want to see|pray for|long for) peace|peace,? not war|no one to (?:complain|turn) to|no (?:place|where) to hide|nowhere to hide|(?:will|would) be crushed|nasty|ugly|horrible|awful|dreadful|(?:don['’]t|do not|doesn['’]t|never) feel safe|live in fear|no-one can handle", 0.6),
    # "they will most definitely be sacrificed", "we do not want that to happen again", "two options: go abroad or die here"
    # (options only with death among them: "We had no other choice" about a tent is no stance)
    (r"(?:be|been|being|were|was|are|is|get|got) (?:\w+ ){0,2}sacrificed|(?:do not|don['’]t|never) want (?:that|this|it) (?:to happen |happening )?again|never again"
     r"|(?:only|no other) (?:\w+ )?(?:options?|choices?)\W+(?:[\w’\']+\W+){0,8}?(?:die|death|be killed)\b|\bor (?:to )?die\b|(?:can['’]t|cannot|could not|couldn['’]t) (?:even )?imagine what", 0.6),
    # evaluative and affect words in a speaker's own words (never event words: killed, attack, strike, blood):
    # "deeply cynical and inhuman", "it hurts us", "we all live in this Russian roulette", "I can't do anything"
    (r"cynic\w*|inhumane?|decepti\w+|deceit\w*|hypocri\w+|cowardly|shameful|disgrac\w+|\bhurts?\b|\bhurting\b|helpless\w*|powerless\w*|crying|\bcried\b|in tears|lonel\w+|stressed|madness|insane|roulette"
     r"|sick (?:and tired )?of|fed up|(?:can['’]t|cannot|couldn['’]t|could not) do anything|nothing (?:i|we) (?:can|could) do|(?:no|lost all) hope", 0.6),
    # insults for the leader who makes the war: "you never know what's on a madman's mind"
    (r"madman|maniac|lunatic|tyrant|dictator|butcher|war criminal|psychopath", 0.6),
    # a verdict on the other side's act: "a provocation that threatens global security"
    (r"provocations?|threaten\w* (?:global |international |regional |world )?(?:security|peace|stability)", 0.6),
    # soldiers treated as waste: "Russia is simply disposing of them in assaults"
    (r"(?:dispos\w*|throw\w*|threw) (?:of |away )?(?:them|these (?:men|soldiers|troops)|their (?:soldiers|troops|men|lives))(?: away)?\b|disposable|no normal person", 0.6),
    (r"why (?:did|does|do|would|has|have) (?:our |the )?(?:state|government|authorities|country|they) (?:\w+ )?(?:allow|let|abandon|leave)|(?:can't|cannot|could not|couldn't|failed to|unable to) protect", 0.6),
    # hardship and loss in a witness's own words (the speaker's life, kin and home, never the event itself):
    # "we have no water, no electricity", "I lost my son and my home", "they sent him to die",
    # "I don't know if my husband is alive", "the children cry every night"
    (r"\bno (?:clean |drinking )?(?:water|electricity|food|fuel|medicine|medicines|heating|bread|shelter)\b|nothing (?:left|to eat|to drink)"
     r"|(?:i|we|she|he|they)(?: have| had|['’]ve)? lost (?:my|our|his|her|their) (?:\w+ )?(?:sons?|daughters?|husband|wife|father|mother|brothers?|sisters?|child|children|kids|family|home|homes|house|everything|loved ones|relatives)\b"
     r"|sen[dt] (?:\w+ ){0,3}to (?:die|their deaths?|(?:the )?slaughter)|destroy\w* everything|everything (?:is|was|has been) (?:gone|destroyed|ruined)"
     r"|(?:don['’]t|do not|didn['’]t|did not) (?:even )?know (?:if|whether) (?:\w+ ){1,3}(?:is|was|are|were) (?:still )?alive|(?:haven['’]t|have not|hasn['’]t) heard from"
     r"|\bcry\b|\bcries\b|\bsobb\w*|\bweeping\b"
     # "no one is protecting us", "we are its victims", "this war no longer has a security purpose", "or we will die for sure"
     r"|now it['’]s (?:all )?gone|if only (?:i|we) had died|(?:i|we) wish (?:i|we) had died"
     r"|(?:no one|nobody|no-one) (?:is |was )?(?:protect\w*|help\w*|car(?:es|ed|ing))|(?:we|i) (?:are|were|am) (?:its |the |the real |all )?victims"
     r"|no longer (?:has|have|serves?) (?:a |any )?(?:\w+ )?(?:purpose|point|meaning|justification)|(?:we|i) (?:will|would|are going to|['’]re going to|['’]ll) (?:\w+ )?die\b", 0.6),
)
VADER_WEIGHT = 0.5  # the VADER compound of a quote counts half as much as one domain hit
QUOTE_SCORE_THRESHOLD = 0.25  # |score| below this: the quote carries no clear stance
