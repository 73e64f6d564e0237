"""Patterns and word lists for whose casualties and who says so (used by `extractors.casualty_context`).

Side names, civilian words and the phrases that make a side the attacker, an ally, an opponent or a
place; attribution phrases ("according to X", "X said") and the words that end or reject a source.
"""

from __future__ import annotations

import re

from extractors.casualty_number_patterns import MONTHS

# --- parties -------------------------------------------------------------------------

CIVILIAN_WORDS = (
    "civilian", "civilians", "non-combatant", "non-combatants", "noncombatant", "noncombatants",
    "villagers", "villager", "residents", "resident", "children", "child", "schoolgirls",
    "schoolchildren", "students", "pupils", "women and children", "worshippers", "worshipers",
    "health workers", "healthcare professionals", "healthcare workers", "medical workers",
    "medical teams", "medics", "paramedics", "doctors", "nurses", "aid workers",
    "humanitarian workers", "journalists", "civil defense personnel", "civil defence personnel",
    "patients", "girls", "women", "elderly", "displaced residents", "workers", "staff", "teachers",
    "employees", "farmers", "shepherds", "fishermen", "pilgrims", "passengers", "shoppers", "volunteers",
    "tourists", "visitors", "spectators", "fans", "guests", "bystanders", "displaced people", "refugees",
    "shopkeepers", "traders", "vendors", "merchants", "market-goers", "mourners", "churchgoers", "congregants",
    "parishioners", "commuters", "pedestrians", "motorists", "peasants", "herders", "miners", "babies", "infants",
    "toddlers", "innocent victims", "innocent people", "civilian population", "civilian populations",
)

# Spelling variants of alias words (transliterations, wire-service abbreviations): an alias
# containing the key also matches with the variant ("North Korean" -> "N. Korean", "Kyiv" -> "Kiev").
ALIAS_VARIANTS = {
    "North ": ("N. ", "N."), "South ": ("S. ", "S."), "Kyiv": ("Kiev",), "Zelenskyy": ("Zelenskiy",),
    "Kharkiv": ("Kharkov",), "Odesa": ("Odessa",), "Kim Jong Un": ("Kim Jong-un", "Kim Jong-Un"),
}

# Sides outside a topic's parties: demonyms, countries and armed groups -> "other".
OTHER_SIDE_WORDS = (
    "Palestinian", "Palestinians", "Gazan", "Gazans", "Gaza", "Gaza Strip", "West Bank", "Israeli", "Israelis", "Israel",
    "Hamas", "Hezbollah", "Islamic Jihad", "Lebanese", "Lebanon", "Syrian", "Syrians", "Syria",
    "Iraqi", "Iraqis", "Iraq", "Iranian", "Iranians", "Iran", "Yemeni", "Yemenis", "Yemen",
    "Houthi", "Houthis", "Saudi", "Saudis", "Sudanese", "Sudan", "RSF", "Rapid Support Forces",
    "Darfur", "South Sudanese", "Ethiopian", "Ethiopians", "Ethiopia", "Tigrayan", "Tigrayans",
    "Tigray", "TPLF", "Eritrean", "Eritreans", "Eritrea", "Amhara", "Fano", "Somali", "Somalis",
    "Somalia", "al-Shabaab", "Al-Shabaab", "Nigerian", "Nigerians", "Nigeria", "Boko Haram",
    "ISWAP", "Congolese", "Congo", "DRC", "M23", "Rwandan", "Rwandans", "Rwanda", "Malian",
    "Mali", "Burkinabe", "Burkina Faso", "Nigerien", "Libyan", "Libyans", "Libya", "Afghan",
    "Afghans", "Afghanistan", "Taliban", "Pakistani", "Pakistanis", "Pakistan", "Indian",
    "Indians", "Burmese", "Myanmar", "Burma", "Rohingya", "Armenian", "Armenians", "Azerbaijani",
    "Azerbaijanis", "Georgian", "Georgians", "Belarusian", "Belarusians", "Chechen", "Chechens",
    "American", "Americans", "British", "French", "German", "Germans", "Polish", "Chinese",
    "Turkish", "Kurdish", "Kurds", "Colombian", "Colombians", "Mexican", "Mexicans", "Haitian",
    "Haitians", "ISIS", "Islamic State", "Wagner", "Taleban", "Cameroonian", "Cameroonians", "Chadian",
    "South Korean", "South Koreans", "Japanese", "Filipino", "Filipinos", "Burkina", "Kenyan", "Kenyans",
    "Ugandan", "Ugandans", "Nigerien", "Malians", "Chadians", "Mozambican", "Venezuelan", "Venezuelans",
    # sides and countries outside the topic (a town or region alone names no side)
    "China", "Haiti", "PKK", "Kashmiri", "Kashmiris", "Philippines", "Mozambique", "Cameroon", "Kenya", "Uganda",
    "Egypt", "Egyptian", "Egyptians", "Bangladesh", "Bangladeshi", "Thailand", "Indonesia", "Indonesian",
    "Colombia", "Mexico", "Armenia", "Azerbaijan", "Azeri", "Azeris", "Artsakh", "Chechnya", "Ingush", "Dagestani",
    "Bosnia", "Bosnian", "Bosnians", "Bosniak", "Bosniaks", "Serb", "Serbs", "Serbian", "Serbians", "Serbia",
    "Croat", "Croats", "Croatian", "Croatia", "Kosovo", "Kosovar", "Kosovars", "Albanian", "Albanians",
    "Tunisia", "Tunisian", "Algeria", "Algerian", "Algerians", "Morocco", "Moroccan", "Chad",
    "Central African Republic", "Central African", "Benin", "Beninese", "Togo", "Togolese", "Ghana", "Ghanaian",
    "Senegal", "Senegalese", "Ivory Coast", "Ivorian", "Guinean", "Sierra Leone", "Liberia", "Liberian",
    "Tanzania", "Tanzanian", "Zimbabwe", "Zimbabwean", "South Africa", "South African", "Burundi", "Burundian",
    "Jordanian", "Turks", "Tajik", "Tajikistan", "Kyrgyz", "Kyrgyzstan", "Uzbek",
    "Kazakh", "Peru", "Peruvian", "Ecuador", "Ecuadorian", "Brazil", "Brazilian", "Venezuela", "Honduras",
    "Honduran", "Guatemala", "Guatemalan", "El Salvador", "Salvadoran", "Nicaragua", "Nicaraguan", "Philippine",
    "Thai", "Nepal", "Nepali", "Nepalese", "Sri Lanka", "Sri Lankan", "Tamil", "Tamils", "Cambodia", "Cambodian",
    "Vietnam", "Vietnamese", "Kurdistan", "Bahrain", "Kuwait", "Qatar", "Oman", "Emirati", "U.S.", "United States",
    "US", "Canadian", "Canadians", "Australian",
    "Australians", "Italian", "Italians", "Spanish", "Dutch", "Turkish Cypriot", "Greek", "Cypriot",
    # armed forces outside the topic that are often the victims named (groups named mostly as attackers,
    # such as ELN, FARC, JNIM or cartels, are left out: naming them would lend their side to the victims)
    "SDF", "YPG", "KLA", "SPLA", "SPLA-IO", "SPLM", "SPLM-IO", "SPLM/A-IO", "SSPDF", "Ambazonian", "Ambazonians",
    "Arakan Army", "Kachin", "Karen", "Hutu", "Tutsi",
)

# Nouns whose modifier is the attacker, not the victim ("Russian strike", "Israeli airstrikes").
ATTACKER_NOUNS_RE = re.compile(
    r"^\s*(?:(?!(?:from|in|of|on|at|by|since|during|after|near)\s)[\w'’-]+\s+){0,2}?(?:strike|strikes|attack|attacks|missile|missiles|drone|drones|shelling"
    r"|airstrike|airstrikes|air\s+strike|air\s+strikes|bombing|bombings|bombardment|warplanes|jets|jet|shell|shells"
    r"|rocket|rockets|artillery|raid|raids|offensive|aggression|occupation|fire|gunfire|assault|assaults"
    r"|invasion|custody|captivity|detention|captors|blockade|siege"
    r"|(?:prison|prisons)(?!\s+(?:riots?|break|breaks|fires?|massacres?|clash|clashes|violence|uprisings?|fights?|unrest"
    r"|mutin(?:y|ies)|gang|gangs|system))"  # "Ecuador's latest prison riot" is a place's event
    r"|forces\s+(?:killed|killing|shot)|troops\s+(?:killed|killing|shot)"
    r"|army\s+(?:says|said)?\s*(?:it\s+)?(?:has\s+)?(?:killed|killing))\b",
    re.IGNORECASE,
)
PLACE_AFTER_RE = re.compile(
    r"^\s*(?:'s\s+|’s\s+)?(?:[\w-]+\s+)?(?:region|oblast|province|city|town|territory|soil|border|capital"
    r"|state|district|village|front|side|war|invasion|embassy)\b",
    re.IGNORECASE,
)
PLACE_BEFORE_RE = re.compile(
    r"\b(?:in|into|near|across|inside|to|on|at|(?:region|oblast|province|city|town|territory|capital|state|parts?)\s+of)"
    r"\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|northeastern|northwestern"
    r"|southeastern|southwestern|occupied)\s+)?$",
    re.IGNORECASE,
)
# the side remains or captives are brought home to ("the remains of 1,212 defenders have returned to Ukraine")
HOME_BEFORE_RE = re.compile(
    r"\b(?:returned|repatriated|brought\s+(?:back|home)|handed\s+(?:over|back)|transferred|flown\s+(?:back|home)"
    r"|sent\s+(?:back|home)|came\s+home|come\s+home|went\s+home|go\s+home)\s+(?:back\s+)?to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# a side named as the owner of an authority ("Somalia's Information Ministry", "Nigeria's army")
AUTHORITY_AFTER_RE = re.compile(
    r"\s*(?:'s|’s)\s+(?:[\w-]+\s+){0,2}?(?:ministry|government|army|military|forces|police|president|authorities"
    r"|office|presidency|troops)\b", re.IGNORECASE)
# a source that speaks for a state and its forces (not a monitor or a rights group)
AUTHORITY_SOURCE_RE = re.compile(
    r"\b(?:military|army|armed\s+forces|forces|defen[cs]e|general\s+staff|headquarters|commander|troops|police"
    r"|government|ministry|president|presidency|governor|interior|authorities|state\s+media|junta)\b", re.IGNORECASE)
# "the country" standing for a country named before it in the sentence ("the country suffered 78 attacks")
THE_COUNTRY_RE = re.compile(r"\bthe\s+country(?:'s|’s)?(?!\w)", re.IGNORECASE)
# a government named by its kind, not its country ("60 regime soldiers" in Myanmar): a side outside the topic
REGIME_FORCES_RE = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:regime|junta)(?:'s|’s)?\s+(?:[\w-]+\s+)?(?:forces|troops|soldiers|army|military|fighters"
    r"|personnel|servicemen|officers|police)\b", re.IGNORECASE)
# a dateline's city before a country at the start of a sentence ("MANILA, Philippines – ...")
DATELINE_BEFORE_RE = re.compile(r"[A-Z][A-Z .'’-]{2,30},\s*")
# the other side of a fight ("combat with Ukrainian forces")
OPPONENT_BEFORE_RE = re.compile(r"\b(?:with|against|versus|vs\.?|fighting|fight|battling|repel)\s+(?:the\s+)?$", re.IGNORECASE)
# the side a figure fought for or alongside is not its own ("killed fighting for Russia")
ALLY_BEFORE_RE = re.compile(
    r"\b(?:(?:fight|fights|fighting|fought|battles?|serving|served|deployed|died|killed|sent|mercenaries)\s+for"
    r"|alongside|on\s+the\s+side\s+of|on\s+behalf\s+of|to\s+(?:help|aid|assist|support|bolster)"
    r"|(?:linked|tied|affiliated|allied|loyal|close)\s+(?:to|with)(?:\s+both)?"  # "networks linked to both al Qaeda and IS"
    r"(?:\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?(?:and|or))?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# a side that is the subject of an attack verb ("the RSF attacked the village")
ATTACKER_VERB_AFTER_RE = re.compile(
    r"^(?:\s*(?:'s|’s)?\s*)(?:(?:on|in|at|early|late|last)\s+(?:\w+day|the\s+night|night|overnight|morning|evening)\s+"
    r"|(?!were\b|was\b|are\b|is\b|been\b|being\b|of\b|on\b|in\b|at\b"
    r"|near\b|from\b|to\b|into\b|across\b|inside\b|lost\b|loses\b|losing\b|lose\b)[\w'’()-]+\s+){0,8}?"
    r"(?:attacked|attacking|attacks|shelled|shelling|bombed|bombing|stormed|raided|struck|strikes|targeted"
    r"|rained|pounded|pounding|hammered|hammering|bombarded|bombarding|unleashed|hurled|lobbed|blasted"
    r"|targeting|fired|launched|killed|killing|kills|shot|ambushed|hit|executed|massacred|captured|seized"
    r"|kidnapped|abducted|besieged|invaded|overran|overrun|perpetrated|carried\s+out)\b",
    re.IGNORECASE,
)
BY_BEFORE_RE = re.compile(r"\b(?:(?<!report\s)(?<!survey\s)(?<!tally\s)(?<!study\s)(?<!analysis\s)(?<!statement\s)by(?!\s+(?:shelling|attacking|striking|bombing|targeting|hitting|firing|raiding)\b)"
                          r"|blamed\s+on|carried\s+out\s+by|attributed\s+to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}"
                          r"(?:of\s+(?:the\s+)?)?$", re.IGNORECASE)  # "by the criminal army of the Russian Federation"

# --- attribution ---------------------------------------------------------------------

ATTRIBUTION_VERBS = (
    r"said|says|say|told|tells|reported|reports|estimated|estimates|estimate|claimed|claims|claim"
    r"|stated|states|announced|announces|confirmed|confirms|revealed|reveals|added|adds|wrote|writes"
    r"|assessed|assesses|believes|believed|noted|notes|put|puts|counted|recorded|documented|warned"
    r"|(?:were|was|are|is|remained|remain)\s+adamant|insist|insists|asserted|asserts|contended|contends|testified"
    r"|(?:was|were|is|are)\s+quoted\s+as\s+(?:saying|telling|stating)(?!\s+by\b)|informed|informs"
    r"|disclosed|acknowledged|insisted|alleged|alleges|declared|declares|fears|feared|showed|shows|accused|accuses|confirm"
)
ACCORDING_TO_RE = re.compile(
    r"\b(?:according\s+to|citing|cited\s+by|as\s+reported\s+by|reported\s+by|per|based\s+on|quoted\s+as\s+saying\s+by)\s+"
    r"(?P<src>(?:the\s+)?[^,.;:()\"“”]{2,90}?)(?=\s*(?:[,.;:()\"“”]|\s+on\s+\w+day|\s+in\s+a\b|\s+on\s+(?:the\s+)?\d|\s+today|\s+(?:on|in)\s+(?:" + MONTHS + r")|$))",
    re.IGNORECASE,
)
# "X said", with X the words before the verb back to a boundary
SAID_AFTER_SUBJECT_RE = re.compile(
    r"(?:^|,?\s*\b(?:while|whereas)\b|[,;:\"“”—–(]|\bthat\b|\bbut\b|\band\b|--)\s*"
    r"(?P<src>(?:(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ne|[Aa]nother)\s+[\w'’-]|[A-Z]|(?<=, )[a-z]|(?<=[,.]\" )[a-z]|(?<=[,.]” )[a-z]|(?<=[,.]“ )[a-z])"
    r"(?:[^,;:\"“”—–()]|\([^()]{1,40}\)){1,90}?)"
    r"(?:\s*,\s*(?:who|which)\s+(?:[^,;:\"“”]{1,70}?,|[^,;:]{1,110}?,[\"”]))?"  # "one Taliban official, who spoke on condition of anonymity, said"
    r"\s*,?\s+"
    r"(?:has\s+|have\s+|had\s+|also\s+|previously\s+|later\s+|now\s+)?(?:" + ATTRIBUTION_VERBS + r")\b"
    r"(?!\s+(?:the\s+lives|lives|responsibility|control|the\s+life|(?:[\w,.-]+\s+){1,3}?(?:lives|victims)\b))",
)
# ", said X." (inverted)
SAID_BEFORE_SUBJECT_RE = re.compile(
    r"[,\"”]\s*(?:" + ATTRIBUTION_VERBS + r")\s+(?P<src>(?:the\s+[\w'’-]|[A-Z])[^,.;:\"“”()]{1,90}?)\s*(?:[,.;:()]|$)",
)
# "with South Korean, Ukrainian, and Western sources reporting over 6,000 killed"
SOURCE_PARTICIPLE_RE = re.compile(
    r"(?:^|[,;(]\s*|\bwith\s+)(?P<src>(?:the\s+)?[A-Z][^;:()\"“”]{0,70}?\b(?:sources|officials|authorities|estimates|reports"
    r"|figures|media|agencies|monitors|groups|residents|witnesses))\s+(?:reporting|saying|estimating|claiming|putting"
    r"|suggesting|indicating)\b",
)
# "Lee quoted the nation's spy agency as saying that ..."
QUOTED_AS_SAYING_RE = re.compile(
    r"\bquot(?:ed|ing|es)\s+(?P<src>(?:the\s+|an?\s+)?[^,.;:()\"“”]{2,80}?)\s+as\s+(?:saying|telling|stating|reporting)\b",
    re.IGNORECASE,
)
# a source given in the sentence after the figures ("One person was killed ... This was reported by the head of ...",
# "Deputy Minister ..., Leonid Tymchenko, stated this during ...")
NEXT_SENTENCE_SOURCE_RE = re.compile(
    r"\s*(?:(?:[Tt]his|[Tt]hat|[Tt]hese\s+figures|[Tt]he\s+figures?|[Tt]his\s+information|[Tt]his\s+data)\s+(?:was|were|is|are|has\s+been|have\s+been)"
    r"\s+(?:reported|announced|stated|said|confirmed|disclosed|revealed)\s+by\s+(?P<src>(?:the\s+)?[^.;:()\"“”]{2,100}?)"
    r"(?=\s*(?:[,.;:()\"“”]|\s+on\s+(?:the\s+)?(?:air|telegram|facebook|\w+day)|\s+in\s+a\b|\s+during\b|$))"
    r"|(?P<src2>[A-Z][^.;:()\"“”]{1,100}?)\s+(?:stated|said|reported|announced|confirmed|wrote|noted)\s+this\b"
    # "... captured two North Korean soldiers. The soldiers were taken prisoner on January 11, and President Zelensky
    # announced their capture": the next sentence names who announced the same event
    r"|[^.;:\"“”]{0,120}?\b(?:and|as|while|after|when)\s+(?P<src3>[A-Z][^.;:()\"“”,]{1,80}?)\s+"
    r"(?:announced|confirmed|reported|disclosed|revealed)\s+(?:their|the|his|her)\s+(?:capture|deaths?|killing|losses|injuries)\b)",
)
SOURCE_TRIM_LEAD_RE = re.compile(
    r"^(?:meanwhile|however|earlier|later|previously|also|and|but|separately|in\s+a\s+statement|on\s+\w+day|today|yesterday)[,\s]+",
    re.IGNORECASE,
)
SOURCE_TRIM_TAIL_RE = re.compile(
    r"\s+(?:on|in|this|last|late|early)\s+(?:\w+day|the\s+\d+\w*|\w+\s+\d+|week|month|year|morning|evening|night)\b.*$"
    r"|\s+(?:\w+day|today|yesterday|on\s+X|earlier|later|previously|also|again|too)$"
    r"|\s+(?:on|in)\s+(?:" + MONTHS + r")\b.*$",
    re.IGNORECASE,
)
CIVIL_SOURCE_RE = re.compile(
    r"\b(?:health|ministry\s+of\s+health|interior|emergenc|rescue|civil\s+defen[cs]e|red\s+crescent|red\s+cross"
    r"|hospital|doctors|medical|governor|mayor|police|city\s+(?:administration|council|government)|authorities"
    r"|regional\s+administration|prosecutor|ombudsman|human\s+rights)",
    re.IGNORECASE,
)
MILITARY_SOURCE_RE = re.compile(
    r"\b(?:military|army|armed\s+forces|forces|defen[cs]e|general\s+staff|intelligence|spy|commander|chiefs"
    r"|pentagon|troops|soldiers|fighters|militants|brigade|regiment|unit)\b",
    re.IGNORECASE,
)
# a government's voice reporting its own soldiers' deaths ("North Korean state media said 9 soldiers died")
STATE_SOURCE_RE = re.compile(r"\b(?:state\s+(?:media|television|tv|news\s+agency)|news\s+agency|government|president"
                             r"|leader|prime\s+minister|ministry|Kremlin|Kim\s+Jong)", re.IGNORECASE)
# pronouns that stand for a source named earlier ("he said"), and how far back its name is looked for
SPEAKER_PRONOUNS = frozenset("he she they it".split())
ANTECEDENT_WINDOW = 1200
PRONOUN_SOURCES = frozenset(
    "he she they it we i you this that there which who one some others".split()
)
# words a source never starts with ("as reported by", "with other reported estimates")
NOT_SOURCE_START = frozenset(
    """
    as with in on at for from by of to after before during while when where which who what and but or
    since than then so if because although though said says told reported according
    over about around nearly almost roughly approximately dozens hundreds thousands given
    """.split()
)

# a civilian word that is a post of a force ("police and security staff", "military medics")
UNIFORMED_BEFORE_RE = re.compile(
    r"\b(?:police|security|military|army|defen[cs]e|prison|militia)\s+(?:and\s+[\w-]+\s+)?$", re.IGNORECASE)
# a rank after a civilian-looking word ("Staff Sergeant"): a soldier
RANK_AFTER_RE = re.compile(r"\s+(?:sergeant|sgt\.?|officer|colonel|general|major|captain|lieutenant)\b", re.IGNORECASE)
# a "source" that ends in one of these is a passive or negated clause, not a speaker ("The army did not say")
NOT_SOURCE_END = frozenset("was were is are be been being not did does do would could should may might".split())
# a number right before a civilian word: the word belongs to that count ("20 children"), not to a total nearby
COUNTED_BEFORE_RE = re.compile(
    r"(?:\b\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty))"
    r"\s+(?:[\w'’-]+\s+){0,2}$",
    re.IGNORECASE,
)
# military sources that mostly count the enemy's losses (intelligence, general staffs)
ENEMY_COUNT_SOURCE_RE = re.compile(r"\b(?:intelligence|spy|general\s+staff|NIS|HUR|GUR)\b", re.IGNORECASE)
# a single list-mate after the counted noun ("four other soldiers and a civilian"): not the figure's own
SINGLE_LISTMATE_BEFORE_RE = re.compile(r"\b(?:and|or)\s+(?:a|an|one)\s+$", re.IGNORECASE)
