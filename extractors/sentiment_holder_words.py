"""Holder and place words for reported-sentiment extraction (data, not logic).

`extractors.sentiment_rules`, `extractors.sentiment_resolve` and `extractors.sentiment`
read these: the noun patterns that map the words of a sentence to the seven holder classes,
the country names that keep a people the public, the words for kin, and the places a
report can be located in. Like `extractors.sentiment_lexicon` (the cue lists), everything
here is plain strings, tuples and compiled regexes.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# --- holders ---------------------------------------------------------------------------
# Order matters inside one class only for readability; overlaps between classes are
# resolved by match length (a "soldiers' families" match beats "soldiers").
HOLDER_PATTERNS: tuple[tuple[str, str], ...] = (
    # people described by where they live, before the kin words they start with ("families who once lived far from the front")
    ("residents", r"(?:families|people|those) who (?:\w+ )?(?:live|lived|living|reside\w*|remain\w*|stay\w*)|who (?:still )?(?:lives|lived|has lived|had lived) in"
     r"|(?:a|one|another) (?:[\w-]+ ){0,2}(?:woman|man|worker|trader|farmer|mother|father|teacher|merchant|shopkeeper|vendor|pensioner) (?:who (?:fled|lives|lived)|residing)"
     r"|idps?|internally displaced(?: people| persons)?|(?:local|border|frontline|front-line|affected|rural|village) communities"),
    ("families", r"(?:soldiers?'|soldiers’|troops'|troops’|servicemen's|servicemen’s)\s(?:own\s)?(?:families|family|parents|mothers|wives|relatives|loved ones)"),
    ("families", r"(?!(?:mother|father)s? of (?:\w+ )?(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|young|small)\b)(?:families|family members?|parents|mothers?|fathers?|wives|wife|widows?|relatives|next of kin|loved ones)\s(?:of|whose)\s(?:\w+[\s-]){0,4}?(?:soldiers?|troops|servicemen|conscripts|reservists|men|sons?|dead|fallen|hostages?|captives|deceased|the\s\w+)"),
    ("families", r"(?:bereaved|grieving|worried)\s(?:families|parents|mothers|relatives)|hostage families|families of (?:the )?hostages"),
    ("families", r"(?:their|her|his) (?:\w+ ){0,2}(?:husbands?|sons?|children|daughters?|loved ones)\b(?! (?:were|are|was|is|have|had) (?:sent|deployed|killed))"),
    ("families", r"[\w-]+['’]s (?:husband|son)\b(?! (?:was|were|is|had been) (?:killed|sent|deployed))"),
    ("families", r"families|(?:his|her|their|my|our|whose|the soldier's|the soldier’s|a soldier's|a soldier’s) family|family members?|parents?|(?:mothers?|fathers?)(?! of (?:\w+ )?(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|young|small)\b)|wives|widows?|relatives|spouses|bereaved|whose sons?|whose daughters?|whose husbands?|loved ones"),
    ("defectors", r"defect(?:or|ors|ed)|escapees?|(?:who\s)?(?:escaped|fled)\s(?:from\s)?(?:north korea|the north)|former (?:north korean )?(?:diplomat|soldier|sergeant|officer|lieutenant)s? (?:who|now)"),
    ("officials", r"presidential (?:office|palace|administration|spokes\w+)|kim jong[- ]?un|kim yo[- ]?jong|supreme leader|the (?:workers' )?party|party (?:officials?|cadres?|committee)|officials?|authorities|the regime|the government|government|state (?:media|television|tv|news agency|broadcaster)|kcna|korean central news agency|rodong sinmun|uriminzokkiri|ministry|ministers?|minister|spokes(?:man|woman|person)|kremlin|putin|zelensk[yi]y?|netanyahu|president|prime minister|commanders?|cadres?|propaganda|the leader|north korean leader|pyongyang's leadership|biden|trump|macron|scholz|starmer|lukashenk[oa]|khamenei|erdogan|xi jinping|lavrov|shoigu|gerasimov|zaluzhn\w+|syrsk\w+|blinken|rubio|lawmakers?|the military's|(?:national )?intelligence service|spy agency|the nis\b"
     r"|secretary of (?:state|defen[cs]e)|(?:defen[cs]e|foreign|home) secretary|secretary[- ]general|envoys?|ambassadors?|diplomats?|chancellor|white house|pentagon|state department"
     r"|(?:political|party|government|opposition|ruling[- ]party|world|western|european|state|national|congress|bjp|israeli|russian|ukrainian|indian|pakistani|iranian) leaders|leaders (?:from|of) (?:both )?(?:the )?(?:ruling|opposition|government|main|major|political|all)|ruling party|opposition part(?:y|ies)|politicians?|(?:rebel|militia|insurgent|guerrilla|army|military|faction) (?:leaders?|commanders?|chiefs?)"
     r"|governors?|mayors?|junta|military council|(?:central )?military commission|politburo|general staff|high command|heads? of (?:the )?(?:atlantic )?alliance|heads? of (?:the )?nato|heads? of state|heads? of (?:the )?government|parliament|legislators?|senators?|congress(?:man|woman)|chiefs? of staff|army chief|defen[cs]e chief"),
    ("residents", r"residents?|locals|(?:the )?(?:entire|whole) (?:city|town|village|neighbou?rhood|community)|local (?:people|folks?|men|women|villagers|sentiments?|mood|opinion|feelings?)|(?:that|this|the local|the whole) community|refugees|evacuees?|(?:the|those) displaced|displaced (?:in|from)|displaced (?:people|persons|residents|families)|(?:people|those|families) (?:living|staying|sheltering) in|villagers|townspeople|inhabitants|a source (?:in|inside|from)|sources (?:in|inside|from)|reporting partners?|(?:a|one|another) (?:[\w-]+ ){0,2}(?:woman|man|worker|trader|farmer|mother|pensioner) (?:in|from|living)(?! (?:his|her|their) (?:early |late |mid-)?\d0s)"),
    ("soldiers", r"soldiers?|troops|servicem[ae]n|conscripts?|reservists?|recruits|veterans|draftees?|the mobili[sz]ed|mobili[sz]ed men|fighters|forces|those (?:serving|fighting) (?:in|at|on) (?:the )?(?:military|army|front(?:\s?lines?)?)|those (?:who are |who were |still )?(?:fighting|serving) (?:now|today|there)|those in the trenches|members of the (?:military|armed forces|army|national guard)|frontline troops|platoon|battalion|brigade|(?:his|her|their|my|our) unit|service ?members|combatants|infantrymen|(?:military |army )?personnel|(?:military |army |combat |frontline |front-line |infantry )?units|ex-combatants?|former (?:fighters|combatants)|(?:their|her) (?:men|boys)\b(?! and)"),
    # "-ese" names are adjectives too: "Residents of the southern Sudanese city" is no public holder
    ("public", r"people|the public|public(?!\s+(?:calls?|statements?|appearances?|sector|servants?|health|broadcaster|television|tv|radio|events?|spaces?|places?|letters?|appeals?|transport|buildings?|order|funds?|money|records?|domain|hearings?)\b)|citizens|respondents|those (?:polled|surveyed|asked)|society|(?:the |a |local |civilian )?population|populace|voters|protesters?|demonstrators?|crowds|mourners|the (?:average|ordinary) (?:russian|ukrainian|israeli|american|citizen|person|voter|[a-z]+ian)|the majority|(?<!so )(?<!too )(?<!how )(?<!as )many(?!\s+(?:more|times|years|months|weeks|days|things|ways|cases|places)\b)(?!\s+(?:\w+\s+){0,2}(?:things|soldiers|troops|servicemen|residents|parents|families|mothers|defectors|officials|people|respondents|russians|ukrainians|israelis|koreans|north koreans))|(?:north |south )?koreans|russians|ukrainians|israelis|americans|jewish israelis|arab israelis|palestinians|gazans|iranians|syrians|europeans|germans|women|men|(?:some|others)(?=\s+(?:\w+ly\s+)?(?:say|said|argue\w*|believe\w*|think|thought|fear\w*|worr\w*|complain\w*|criticiz\w*|criticis\w*|want\w*|support\w*|oppos\w*|insist\w*|claim\w*|view\w*|see|saw|feel|felt|spoke|expressed|voiced))|north koreans|(?:lebanese|sudanese|congolese|burmese|taiwanese)(?!\s+(?:[\w-]+\s+)?(?:city|cities|towns?|capital|villages?|region|state|province|border|government|authorities|officials|refugees)\b)|young people|youths?|young (?:adults|men|women|russians|ukrainians|israelis)|civilians|everyone|everybody|survey participants|participants (?:in|of) (?:the |a |this )?(?:survey|poll|study)|surveyees|interviewees|ethiopians|tigrayans|haitians|armenians|azerbaijanis|colombians|venezuelans|somalis|eritreans|georgians|belarusians|pakistanis|indians|kashmiris|amharas|afghans|yemenis|iraqis|muscovites|britons|poles|students|workers|(?:\d{1,3} ?(?:%|percent|per cent)) (?:of )?(?:\w+ )?(?:said|say|believe|think|support|oppose|want)"),
    ("other", r"experts?|analysts?|activists?|observers|scholars?|sociologists?|professor|prof|researchers?|commentators?|critics|human rights (?:groups?|activists?)|rights groups?|the international community|(?:former\s)?(?:british|american|us) (?:army|military) \w+|commander col\.?"),
)
# "people of/in X" are residents of X unless X is a country ("people of the Syrian coast",
# "people in Belgorod" -> residents; "people in Myanmar", "the people of Ukraine" -> public)
PEOPLE_OF_PLACE = re.compile(
    r"\s+(?:of|in|on|from|across|around|living\s+(?:in|along|near))\s+(?:the\s+)?"
    r"(?:(?:(?:border|frontline|front-line|northern|southern|eastern|western|central|rural|coastal)\s+)?"
    r"(?:areas?|regions?|villages?|towns?|districts?|parts?|streets)\s+(?:of|in|near|around)\s+)?"  # "civilians living in the border areas of Jammu"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")
COUNTRIES = frozenset(
    """
    Russia Ukraine Israel Iran Iraq Syria Lebanon Yemen Sudan Myanmar Burma Korea China Taiwan Japan Georgia Armenia Azerbaijan
    Moldova Belarus Poland Germany France Britain Europe America Pakistan India Afghanistan Ethiopia Eritrea Somalia Haiti Colombia
    Venezuela Congo Mali Niger Nigeria Chad Libya Egypt Jordan Turkey Palestine Kazakhstan Serbia Kosovo Latvia Lithuania Estonia
    Finland Sweden Norway Italy Spain Canada Mexico Brazil Australia Bangladesh Somaliland Tunisia Algeria Morocco Kenya Uganda Rwanda
    Burundi Mozambique Cameroon Zimbabwe Cuba Vietnam Thailand Philippines Indonesia Malaysia Qatar Saudi Emirates Kuwait Bahrain Oman
    North South United Russian Democratic Central Islamic Republic Gulf Western Eastern Arab Baltic Nordic Balkan
    """.split()
)
# capitalised words after "in" that are not places
NOT_PLACES = frozenset(
    "January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
    " The This That These Those Our My His Her Their Its A An God Allah English Arabic Russian Ukrainian Hebrew Korean".split()
)
# Holder nouns that depend on capital letters ("Sergeant Ivanov", "Moscow praised", "Kim
# said", "Displaced Majed Mattar"): matched case-sensitively on the text itself; the
# patterns above are lower case and matched on lower-cased text (much faster).
HOLDER_PATTERNS_CASED: tuple[tuple[str, str], ...] = (
    ("soldiers", r"(?:[Ss]ergeant|Sgt\.?|[Pp]rivate|[Cc]orporal|[Ll]ieutenant|Lt\.|[Cc]aptain|Capt\.|[Mm]ajor|[Ss]niper|[Mm]edic|[Pp]aratrooper|[Mm]arine|[Ii]nfantryman|[Gg]unner)(?:\s(?:first|second)\sclass)?\s[A-Z]\w+"),
    ("officials", r"(?<!\bin )(?<!\bof )(?<!from )(?<!\bat )(?<!\bto )(?<!near )(?:Moscow|Kyiv|Kiev|Pyongyang|Seoul|Washington|Beijing|Tehran|Damascus|Khartoum|Naypyidaw|Addis Ababa|Kim)(?=\s+(?:\w+ly\s+)?(?!(?:has|is|does|lies|sits|remains|seems|looks)\b)(?:[a-z]+(?:ed|s)|said|told)\b|\s+(?:has|had)\s+(?:\w+ly\s+)?[a-z]+ed\b)"),
    ("residents", r"[Dd]isplaced [A-Z]\w+|(?:[Vv]illager|[Rr]esident|[Ll]ocal|[Ss]hopkeeper|[Ff]armer) [A-Z]\w+(?=\s[A-Z])"),  # "Villager Shwe Mi"
)
# literal pieces one of which every HOLDER_PATTERNS_CASED match contains: a cheap pre-check
HOLDER_CASED_HINT = re.compile(
    r"Moscow|Kyiv|Kiev|Pyongyang|Seoul|Washington|Beijing|Tehran|Damascus|Khartoum|Naypyidaw|Addis|Kim|isplaced"
    r"|ergeant|Sgt|rivate|orporal|ieutenant|Lt\.|aptain|Capt|ajor|niper|edic|aratrooper|arine|nfantryman|unner"
    r"|illager|esident|ocal|hopkeeper|armer"
)
# holders that rarely hold an opinion in war news (they are sent, killed, wounded):
# used only when nothing else in the sentence can hold the sentiment
WEAK_HOLDERS = frozenset({"soldiers"})

# Someone speaking of "our sons", "my children" speaks as a soldier's (or hostage's) family
# only when the same sentence says what happened to them: serving, sent, killed, missing,
# held, wanted back. "Make sure our children are inside the house" is a civilian parent.
KIN_CONTEXT = re.compile(
    r"\b(?:soldiers?|troops?|army|military|front\w*|war|mobili[sz]\w*|deploy\w*|serv\w*|conscript\w*|draft\w*|units?|base|barracks|hostages?|captiv\w*|prison\w*|"
    r"missing|fight\w*|home|return\w*|back|alive|graves?|funerals?|fallen|sent|taken|mobilized|uniform|trenches|wait\w*|await\w*|miss\w*|news|heard|hear|letters?|calls?|lost|loved)\b",
    _I,
)

# A family speaking of the state of its soldiers: the state is the soldiers' report too.
# a verdict word quoted on its own before the war it judges stays visible to the cue search:
# 'calling for North Korean troops to stop helping the Kremlin's “unjustifiable” war efforts'
QUOTED_VERDICT = re.compile(r"(?:illegal|criminal|unjust(?:ified|ifiable)?|senseless|pointless|needless)", _I)
QUOTED_VERDICT_AFTER = re.compile(r"[”\"’]?\s+war\b", _I)
KIN_STATE_CUE = re.compile(r"(?:exhaust|tired|depress|demorali|fatigue|burn|low morale|desperat|despair|hopeless)", _I)
KIN_SUBJECT_BEFORE = re.compile(
    r"\b(?:their|our|her|his)\s+(?:[\w-]+\s+)?(?:men|sons?|husbands?|boys)\b(?:\s+(?:are|were|feel|felt|have\s+become|became)\s+(?:\w+\s+){0,2}"
    # "her husband Vitali, fifty years old, a logistician in the trenches and exhausted after ...": an apposition
    r"|(?:\s+[A-Z][\w-]+)?,(?:[^.;:!?()]{0,90}?(?:,|\band))?\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){1,2})?"
    r"|[^.;]{0,80}?\bthey\s+(?:are|were|feel|felt|have\s+become|became)\s+(?:\w+\s+){0,2}(?:[\w-]+,\s+)*)$",
    _I,
)


# --- places ----------------------------------------------------------------------------
KNOWN_PLACES: tuple[str, ...] = (
    # North Korea: provinces and cities (both romanisations where they differ)
    "Yanggang Province", "Ryanggang Province", "Yanggang", "Ryanggang", "North Hamgyong Province", "South Hamgyong Province",
    "North Hamgyong", "South Hamgyong", "North Pyongan Province", "South Pyongan Province", "North Pyongan", "South Pyongan",
    "Jagang Province", "Chagang Province", "Jagang", "Kangwon Province", "North Hwanghae Province", "South Hwanghae Province",
    "North Hwanghae", "South Hwanghae", "Rason", "Hyesan", "Pyongyang", "Chongjin", "Sinuiju", "Hoeryong", "Hoeryeong",
    "Musan", "Wonsan", "Hamhung", "Hamheung", "Kaesong", "Nampo", "Kimchaek", "Kanggye", "Samjiyon", "Pochon", "Tanchon",
    "Manpo", "Haeju", "Sariwon", "Pyongsong", "Anju", "Tokchon", "Kilju", "Onsong", "Kyongsong", "Unsan",
    # Russia / Ukraine / Israel places that appear in public-opinion reports
    "Kursk", "Kursk Oblast", "Moscow", "St. Petersburg", "Novosibirsk", "Chelyabinsk", "Kemerovo", "Vladivostok",
    "Kyiv", "Kharkiv", "Odesa", "Lviv", "Dnipro", "Zaporizhzhia", "Kherson", "Donetsk", "Pokrovsk",
    "Tel Aviv", "Jerusalem", "Haifa", "Seoul",
)
# "in Foo Province", "Foo City", "Foo County", "Foo Oblast"
PLACE_PATTERN = re.compile(
    r"\b((?:North |South )?[A-Z][a-z]+(?:-[a-z]+)? (?:Province|province|City|county|County|Oblast|oblast|region|Region|District|district))\b"
)
