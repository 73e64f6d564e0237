"""Patterns and word lists for casualty-figure extraction (data only, no logic).

What the casualty extractor (`extractors.casualties`) knows about the language of war reporting
lives here as named constants: the nouns a figure counts (people or things), the words that mark
each casualty category, the counts that are no casualties (troops sent, prisoners freed, deaths of
disease or disaster), breakdowns, revisions and the clause grammar the scans read. Number words,
the quantity pattern and the numbers that are no figures at all (dates, ages, amounts, rates,
hypotheticals) are in `extractors.casualty_number_patterns`; the words for civilians and for sides
outside a topic's parties, and the attribution cues, are in `extractors.casualty_context_patterns`.
"""

from __future__ import annotations

import re

from extractors.casualty_number_patterns import MONTHS

# --- what a figure counts: people or things ------------------------------------------

# Person nouns for combatants: a figure of these is never given the civilian label by default.
COMBATANT_NOUNS = frozenset(
    """
    soldiers soldier troops troop servicemen servicemembers personnel fighters fighter militants militant
    combatants rebels insurgents militiamen defectors members officers forces police policemen guards
    marines sailors pilots mercenaries conscripts recruits jihadists gunmen army military
    terrorists terrorist assailants attackers bandits extremists separatists guerrillas guerrilla ultras
    occupiers invaders islamists gunman operatives paratroopers commandos jawans cadres servicepeople
    marine corpsman corpsmen sailor pilot policeman guard rebel insurgent serviceman militiaman conscript recruit
    mercenary commander peacekeeper peacekeepers operators operator crews crewmen gunners gunner
    """.split()
)
# Nouns that make a number a count of things, not of people.
THING_NOUNS = frozenset(
    """
    tanks tank vehicles vehicle aircraft planes plane jets helicopters helicopter drones drone
    missiles missile rockets rocket shells shell bombs bomb artillery systems system launchers
    ships boats boat vessels vessel submarine guns rifles rounds containers weapons munitions
    houses house homes home buildings building villages village towns hospitals hospital
    schools school beds bed ambulances strikes strike airstrikes attacks attack raids raid
    massacres incidents rapes locations states provinces districts regions countries nations kilometers
    tonnes tons dollars euros million billion percent inquiries samples cases reports documents
    households motorbikes motorcycles trucks cars points hours days weeks months years cities
    villages settlements neighborhoods neighbourhoods camps sites cases
    agencies applications votes seats brigades brigade battalions divisions units corps
    """.split()
)
# a bare figure right after a count of things shares their noun ("received 31 Abrams tanks, and 2 were lost")
THING_COUNT_BEFORE_RE = re.compile(
    r"\b\d[\d,.]*\s+(?:[\w'’-]+\s+){0,2}?(?:" + "|".join(sorted(THING_NOUNS, key=len, reverse=True))
    + r")\b[^.;:\d]{0,40}$", re.IGNORECASE)
# Person nouns (a number followed by one of these counts people).
# fighters named by what they did, not by their side ("the six terrorist attackers", "14 gunmen")
HOSTILE_NOUNS = frozenset("""
    terrorists terrorist attackers attacker assailants assailant gunmen gunman militants insurgents bandits
    jihadists extremists raiders outlaws miscreants khawarij kharijites""".split())
# an exchange of the dead, each side's share given after it ("the bodies of fallen soldiers were exchanged, with Ukraine
# retrieving 212 and Russia 45")
BODIES_EXCHANGE_RE = re.compile(
    r"\b(?:bodies|remains|corpses)\b(?:(?!\b(?:prisoners|pows|captives)\b)[^.;]){0,80}?\b(?:exchanged|swapped|returned"
    r"|repatriated|handed\s+over|traded)\b", re.IGNORECASE)
EXCHANGE_SHARE_VERB_RE = re.compile(
    r"\s+(?:(?:retrieving|receiving|recovering|getting|repatriating|taking\s+back|retrieved|received|recovered|got"
    r"|repatriated|took\s+back)\s+(?:the\s+)?)?", re.IGNORECASE)
EXCHANGE_SIDE_BEFORE_RE = re.compile(r"\b(?:with|and|while)\s+(?:the\s+)?$", re.IGNORECASE)
# events counted after a modifier or two ("78 terrorist attacks", "12 Russian air strikes"): things, not people
EVENT_NOUNS = frozenset("attacks strikes airstrikes raids incidents bombings ambushes clashes explosions blasts".split())
PERSON_NOUNS = frozenset(
    """
    people persons person individuals soldiers soldier troops troop servicemen servicemembers
    personnel fighters fighter militants militant combatants civilians civilian men women
    children child kids boys girls schoolgirls students villagers residents worshippers
    worshipers others other more members officers officer pows prisoners captives hostages
    mercenaries conscripts recruits defenders defectors workers patients refugees migrants servicepeople
    servicewomen
    citizens nationals journalists medics paramedics doctors nurses rebels insurgents
    militiamen police policemen guards marines sailors pilots crew dead wounded lives bodies
    palestinians israelis ukrainians russians koreans sudanese syrians yemenis nigerians
    americans afghans iraqis teachers pupils monks priests nuns farmers shepherds fishermen pilgrims
    passengers shoppers volunteers employees staff relatives commanders officials protesters demonstrators
    rulers chiefs leaders elders clerics imams pastors
    worshipers detainees hostages prisoners tourists visitors bystanders hostage captive prisoner
    terrorists terrorist assailants attackers bandits extremists separatists guerrillas ultras occupiers
    invaders islamists jihadists gunmen operatives paratroopers commandos jawans cadres policemen
    marine corpsman corpsmen sailor pilot policeman guard rebel insurgent man woman boy girl journalist worker
    medic doctor nurse teacher student farmer resident villager serviceman servicewoman contractor contractors
    peacekeeper peacekeepers militiaman conscript recruit mercenary commander official protester demonstrator
    detainee inmate inmates infant infants baby babies toddler elder elders adults adult teenager teenagers
    youths youth minors
    """.split()
)

# --- casualty categories -------------------------------------------------------------

# Combined "killed or wounded" expressions first (they must win over their parts).
COMBINED_RE = re.compile(
    r"(?:confirmed\s+|either\s+(?:been\s+)?)?(?:killed|dead|died|deaths?|fatalities|slain|killing)(?:\s*,)?\s+(?:or|and|and/or)\s+(?:been\s+|were\s+)?"
    r"(?:wounded|injured|injuries|injury|hurt|maimed|wounding|injuring)"
    # a longer list of fates as one figure: "may have been killed, wounded, captured or gone missing"
    r"(?:\s*,\s*(?:captured|missing|gone\s+missing|taken\s+prisoner))*(?:,?\s+(?:or|and)\s+(?:captured|missing|gone\s+missing|went\s+missing|taken\s+prisoner))?"
    r"|(?:killed|dead|died|slain)\s*,\s*(?:wounded|injured)(?:\s*,\s*(?:captured|missing|gone\s+missing|taken\s+prisoner))*"
    r"\s*,?\s*(?:or|and)\s+(?:captured|missing|gone\s+missing|went\s+missing|taken\s+prisoner)"
    r"|(?:wounded|injured|injuries|injury|hurt)(?:\s*,)?\s+(?:or|and|and/or)\s+(?:been\s+|were\s+)?"
    r"(?:killed|dead|died|deaths?|fatalities)",
    re.IGNORECASE,
)

# A category cue right after the number (after the noun phrase). Group name = category.
POST_CUE_RE = re.compile(
    r"(?P<casualties>among\s+the\s+casualties|casualties|casualty|losses|lost\b(?!\s+(?:their|his|her|its|to|control|contact|territory|ground))"
    r"|combat\s+losses)"
    r"|(?P<captured_dead>captured\s+dead)"
    r"|(?P<killed>killed|killings(?!\s+of)|homicides(?!\s+of)|murders(?!\s+of)|(?:found|discovered)\s+dead|dead|died|die\b|dying\b(?!\s+(?:to|for)\b)|deaths|death\s+toll|death\b(?!-|\s+(?:sentences?|penalty|penalties|row|squads?|threats?|camps?|certificates?|march|marches|notices?|warrants?|metal|wish|anniversary|of\b))|fatalities|fatality|slain|perished|executed"
    r"|murdered|massacred|beheaded|slaughtered|butchered|shot\s+dead|(?:burned|burnt)\s+alive|lynchings|lynched"
    r"|cases\s+of\s+(?:alleged\s+|suspected\s+|reported\s+)?(?:summary\s+|extrajudicial\s+|arbitrary\s+)?(?:executions|killings|murders)"
    r"|(?:hacked|stabbed|beaten|bludgeoned|tortured|starved|crushed|burned|burnt|stoned|clubbed|shot)\s+to\s+death|shot\s+and\s+killed|(?:lost|losing)\s+(?:their|his|her)\s+lives|martyrs|martyred"
    r"|(?:embraced|embrace|embraces|attained|achieved|received)\s+(?:shahadat|martyrdom)"
    r"|made\s+the\s+(?:ultimate|supreme)\s+sacrifice|to\s+hell\b"  # "sent twelve terrorists to hell"
    r"|(?:were|was|have\s+been|has\s+been|had\s+been)\s+[\"“‘']?sent\s+to\s+hell\b"  # "six khawarij were sent to hell", 'were “sent to hell”'
    r"|bodies|corpses|among\s+(?:the|those)\s+(?:dead|killed|victims|fatalities)|killed\s+in\s+action|confirmed\s+dead"
    r"|gunned\s+down|fallen\s+(?:[\w'’-]+\s+){0,2}?(?:soldiers|servicemen|troops|defenders|fighters|heroes)|coffins|caskets"
    r"|(?<=\s)lives(?=\W|$)|fell(?=\s+(?:in\s+(?:action|(?:the\s+)?(?:battles?|combat|fighting|war|line\s+of\s+duty))|on\s+(?:[\w'’]+\s+){0,2}?(?:battlefield|front|frontline|territory|soil)|defending|fighting|during)\b)|(?<=\s)victims(?=\W|$)"
    r"|neutrali[sz]ed|eliminated|liquidated|(?-i:KIA)\b|succumbed(?:\s+to\s+(?:\w+\s+){0,2}?(?:injuries|wounds))?)"
    r"|(?P<wounded>wounded|injured|injuries|hurt|maimed|hospitali[sz]ed|(?-i:WIA)\b"
    r"|shot\s+and\s+(?:wounded|injured)|shot\s+in\s+the\s+(?:legs?|arms?|hands?|feet|foot|shoulders?|knees?|thighs?)"
    r"|(?:sustained|suffered|suffering|sustaining)\s+(?:\w+\s+){0,2}?(?:injuries|wounds|burns)"
    r"|with\s+(?:[\w-]+\s+){0,2}?(?:wounds|injuries|burns)\b"
    r"|among\s+(?:the|those)\s+(?:wounded|injured)|taken\s+(?:to\s+(?:the\s+)?hospitals?|for\s+treatment)"
    r"|treated\s+for\s+(?:\w+\s+)?(?:wounds|injuries))"
    r"|(?P<captured>captured|taken\s+(?:prisoners?|prison\b|captive|hostage|hostages)|kidnapped|abducted"
    r"|surrendered|fell\s+into\s+(?:\w+\s+)?captivity|held\s+captive|in\s+(?:\w+\s+)?captivity|kidnappings|abductions"
    r"|prisoners\s+of\s+war(?![^.;,]{0,40}?\b(?:killed|dead|died|deaths|wounded|injured|executed|murdered|missing))"
    r"|held\s+(?:as\s+)?(?:hostages?|prisoners?|captives?)|taken\s+alive|snatched|seized(?!\s+(?:control|power|on|upon))"
    r"|held\s+in\s+(?:[\w'’-]+\s+){0,2}?(?:prisons|prison\s+camps|captivity)"
    r"|(?:hostages|captives|pows?\b)(?![^.;,]{0,40}?\b(?:killed|dead|died|deaths|wounded|injured|executed|murdered|missing))"
    r"|hostages\s+(?:(?:were|was|had\s+been|have\s+been|being)\s+)?(?:taken|seized|abducted))"
    r"|(?P<missing>(?:went\s+|gone\s+|go\s+|goes\s+|going\s+)?missing|unaccounted\s+for|disappeared|(?:forced\s+|enforced\s+)?disappearances|(?-i:MIA)\b"
    r"|(?:had|have|has)\s+not\s+(?:yet\s+)?been\s+(?:located|found|traced|accounted\s+for))",
    re.IGNORECASE,
)

# verbs and prepositions that link a toll noun to its number ("death toll rose to 45")
_LINK = (
    r"(?:to|at|of|reached|reach|reaches|hit|hits|is|was|stands\s+at|stood\s+at|stand\s+at|passed|passes|pass"
    r"|surpassed|surpasses|surpass|exceeded|exceeds|exceed|topped|tops|top|crossed|crosses|cross|neared|nears|near"
    r"|exceeding|surpassing|topping|reaching"
    r"|nearing|approaching|totalled|totaled|total|totals|numbered|number|now|be"
    r"|as\s+high\s+as|as\s+many\s+as"  # "put the death toll as high as 37" (tried with the qualifier left out)
    r"|(?:rose|risen|climbed|climbs|jumped|increased|grew|soared|rising|climbing)\s+to"
    r"|(?:rose|risen|climbed|climbs|jumped|increased|grew|soared|rising|climbing|revised(?:\s+(?:upward|upwards|up))?|raised)\s+from)"
)
# a day of the month right after its month ("since Oct. 7"), allowed inside a toll phrase
_DAY_AFTER_MONTH = "(?:" + "|".join(
    f"(?<=\\b{m} )|(?<=\\b{m}\\. )" for m in MONTHS.split("|")) + ")"
# a word between a toll noun and its number: not a number, unless a year, an ordinal, a duration or a day
_TOLL_WORD = (r"(?!(?!(?:19|20)\d\d\b|\d+(?:st|nd|rd|th)\b|\d+\s+(?:months?|weeks?|days?|years?|hours?)\b|"
              + _DAY_AFTER_MONTH + r"\d{1,2}\b)\d)[\w'’-]+\.?")
# a relative clause that gives the number of the casualty noun before it ("Palestinians missing and presumed dead
# under the rubble, which was previously estimated to be over 10,000")
_WHICH_ESTIMATED = (r"[^.;:\"“”]{0,80}?,\s+which\s+(?:was|is|were|are|has\s+been|have\s+been|had\s+been)\s+"
                    r"(?:(?:previously|now|earlier|since|widely|conservatively|variously)\s+)?"
                    r"(?:estimated|believed|thought|put|reported|said|counted)\s+(?:to\s+(?:be|number|total|stand\s+at)|at)")
# A category cue right before the number ("killed at least 200", "death toll rose to 900").
PRE_CUE_RE = re.compile(
    r"(?:"
    r"(?P<casualties_pair>\b(?:fatalities|deaths|dead|killed)\s+(?:and|or)\s+(?:injuries|injured|wounded)"
    r"(?:\s+(?!(?!(?:19|20)\d\d\b|\d+(?:st|nd|rd|th)\b|\d+\s+(?:months?|weeks?|days?|years?|hours?)\b|" + _DAY_AFTER_MONTH + r"\d{1,2}\b)\d)[\w'’-]+\.?){0,14}?\s+(?:exceeded|exceeds|exceed|reached|rose\s+to|risen\s+to|at|of|to|topped|surpassed|total|totalled|totaled|number|numbered))"
    r"|(?P<killed>\b(?:killed|killing|kills|kill|executed|executes|executing|massacred|shot\s+dead"
    r"|murdered|murdering|beheaded|beheading|slaughtered|slaughtering|butchered|butchering"
    r"|fatally\s+(?:shooting|shot|shoots|stabbing|stabbed|wounding|wounded))"  # "accused of fatally shooting two citizens"
    r"(?:\s+(?:a\s+total\s+of|a\s+group\s+of|a\s+family\s+of|a\s+further|another|an\s+additional|an\s+estimated"
    r"|all(?:\s+of)?(?:\s+the)?))?"
    r"|\b(?:killed|killing|kills|kill)\s+(?:the|a|an|his|her|their|its)\s+(?![\w'’-]+\s+of\b)(?:[\w'’-]+\s+){1,3}?(?:and|as\s+well\s+as)\s+"
    r"|\b(?:death|deaths|massacres?|slaughter|executions?|killing|martyrdom)\s+of(?:\s+a\s+total\s+of)?"
    r"|\b(?:bodies|remains|corpses)\s+of(?:\s+(?:another|a\s+further))?"
    r"|\b(?:(?:death\s+)?toll|body\s+count)(?:\s+\(?(?!(?!(?:19|20)\d\d\b|\d+(?:st|nd|rd|th)\b|\d+\s+(?:months?|weeks?|days?|years?|hours?)\b|" + _DAY_AFTER_MONTH + r"\d{1,2}\b)\d)[\w'’-]+\)?\.?){0,24}?\s+" + _LINK +
    r"|\b(?:number\s+of\s+)?(?:fatalities|deaths|dead)(?:\s+(?!(?!(?:19|20)\d\d\b|\d+(?:st|nd|rd|th)\b|\d+\s+(?:months?|weeks?|days?|years?|hours?)\b|" + _DAY_AFTER_MONTH + r"\d{1,2}\b)\d)[\w'’-]+\.?){0,16}?\s+" + _LINK +
    r"|\bthe\s+dead(?:\s+\w+){0,3}?\s+(?:be|is|was|were|are|at|numbered|to|approaching|nearing|reached|exceeded)"
    r"|\b(?:number|count|tally)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:dead|killed|victims|died)(?:\s+\(?" + _TOLL_WORD + r"\)?){0,16}?"
    r"(?:\s+" + _LINK + r"|\s*(?:--|—|–|:))" +
    r"|\b(?:claim|claims|claimed|claiming|took|take|takes|taking|cost|costs|costing)\s+the\s+lives\s+of"
    r"|\bkilled\s+an\s+estimated|\bkillings?\s+of|\bmurders?\s+of|\b(?<!presumed\s)(?:dead|killed|deaths|fatalities)" + _WHICH_ESTIMATED +
    r"|\bamong\s+the\s+(?:dead|killed|victims|fatalities)\s+(?:were|was|are|is)"
    r"|\bthe\s+(?:dead|killed|fatalities)\s+(?:included|include|includes)"
    r"|\b(?:destroy|destroys|destroyed|destroying|eliminate|eliminates|eliminated|eliminating|neutrali[sz]es?"
    r"|neutrali[sz]ed|neutrali[sz]ing|liquidate|liquidates|liquidated|wiped\s+out))"
    r"|(?P<wounded>\b(?:wounded|wounding|injured|injuring|injures|wounds|injure|wound)"
    r"(?:\s+(?:a\s+total\s+of|another|an\s+additional|an\s+estimated))?"
    r"|\b(?:wounded|wounding|injured|injuring|injures|wounds)\s+(?:the|a|an|his|her|their|its)\s+(?![\w'’-]+\s+of\b)(?:[\w'’-]+\s+){1,3}?(?:and|as\s+well\s+as)\s+"
    r"|\binjur(?:y|ies)\s+(?:to|of)(?:\s+(?:another|a\s+further|an\s+additional))?|\bamong\s+the\s+(?:injured|wounded)\s+(?:were|was|are|is)"
    r"|\bthe\s+(?:injured|wounded)\s+(?:included|include|includes)|\b(?:wounded|injured|injuries)" + _WHICH_ESTIMATED +
    r"|\b(?:number|count|tally)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:wounded|injured|injuries)(?:\s+" + _TOLL_WORD + r"){0,10}?"
    r"(?:\s+" + _LINK + r"|\s*(?:--|—|–|:))" +
    r"|\bthe\s+(?:injured|wounded)(?:\s+\w+){0,3}?\s+(?:are|were|is|was|be|at|numbered|to|approaching|nearing|reached"
    r"|exceeded|exceed|top|topped))"
    r"|(?P<casualties>\b(?:lost|loses|losing|lose)(?:\s+a\s+total\s+of)?"
    r"|\bloss\s+of"
    r"|\b(?:casualties|casualty\s+(?:figure|toll|count|tally|number)|losses)(?:,?\s+(?:(?!(?!(?:19|20)\d\d\b|\d+(?:st|nd|rd|th)\b|\d+\s+(?:months?|weeks?|days?|years?|hours?)\b|" + _DAY_AFTER_MONTH + r"\d{1,2}\b)\d)[\w'’-]+\.?|[—–]|--)){0,16}?,?\s+"
    r"(?:exceeded|exceeds|exceed|reached|reach|reaches|rose\s+to|risen\s+to|increased\s+to|climbed\s+to|stood\s+at|stands\s+at"
    r"|amount\s+to|amounts\s+to|amounted\s+to|at|of|to|nearing|numbered|number|topped|surpassed|total|totalled|totaled|is|are|were|was"
    r"|exceeding|surpassing|topping|reaching)(?:\s+(?:believed|estimated|thought|said|reported|understood|feared)\s+to\s+(?:be|number|total))?"
    r"(?:\s+(?:another|an\s+additional|a\s+further))?"
    r"|\bsuffered|\bsustained|\binflicted)"
    r"|(?P<captured>\b(?:captured|capturing|captures|capture\s+of|capture|kidnapped|kidnapping|abducted|abducting"
    r"|abductions?\s+of|kidnappings?\s+of"
    r"|seized|took|taken|taking|detained|detaining)"
    r"(?:\s+(?:a\s+group\s+of|a\s+total\s+of|another|an\s+additional|a\s+further|the(?:\s+first|\s+last)?))?)"  # "captured a group of six soldiers", "captured the first two soldiers"
    r"|(?P<missing>\bwhereabouts\s+of|\bmissing" + _WHICH_ESTIMATED +
    r"|\b(?:number|count|tally)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:missing|disappeared)(?:\s+" + _TOLL_WORD + r"){0,10}?"
    r"(?:\s+" + _LINK + r"|\s*(?:--|—|–|:)))"
    r"|(?P<captured_count>\b(?:number|count|tally)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:pows|prisoners\s+of\s+war"
    r"|hostages|captives)(?:\s+[\w'’-]+){0,6}?\s+" + _LINK + r")"
    r"|(?P<total_anaphor>\b(?:bringing|brings|brought|raising|raises|raised|taking|takes|took|pushing|pushed)\s+the"
    r"\s+(?:overall\s+|total\s+)?(?:total|number|figure|tally|count)(?:\s+(?!\d)[\w'’-]+){0,3}?"
    r"(?:\s+(?:since|from)\s+(?:[A-Za-z]+\.?,?\s+)?\d{1,2},?\s+(?:19|20)\d\d,?)?\s+(?:up\s+)?to)"
    r"|(?P<anaphor>\b(?:put|puts|putting|place|placing|placed|places|estimated|estimates|estimate)\s+the\s+(?:figure|number|toll|total|count|tally)\s+at"
    # an estimate given before, revised: "the figure has climbed to around 2,000", "raised that estimate to 4,000",
    # "with the NIS now placing it closer to 4,700"
    r"|\b(?:the|that|this|its)\s+(?:figure|number|toll|total|count|tally|estimate)\s+(?:has\s+|had\s+|now\s+)?"
    r"(?:climbed|risen|rose|grown|grew|increased|jumped|surged|swelled|reached|stands|stood)(?:\s+to|\s+at)?"
    r"|\b(?:raised|raising|revised|revising|lifted|increased|updated|upped)\s+(?:that|its|the|this|their|his|her)\s+(?:estimate|figure|number|toll|tally|count)"
    r"\s+(?:up\s+|upward\s+|upwards\s+|down\s+)?(?:to|at)"
    r"|\b(?:putting|placing|puts|places|put|placed)\s+it\s+(?:closer\s+to|at|near|nearer\s+to))"
    r")[\s\"“”‘’']*$",
    re.IGNORECASE,
)

# Verbs that, as a finite main verb after the number, mark a non-casualty count.
NON_CASUALTY_VERB_RE = re.compile(
    r"\b(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|being|be)\s+"
    r"(?:deployed|sent|dispatched|stationed|moved|transferred|trained|training|mobilized|mobilised"
    r"|released|freed|returned|exchanged|swapped|repatriated|displaced|evacuated|recruited|heading"
    r"|arriving|based|fighting|serving|rescued|treated(?!\s+for\s+(?:[\w-]+\s+)?(?:wounds|injuries|burns))|vaccinated|paid|flown|airlifted|handed\s+over)"
    r"|returning\s+home|walked\s+free|brought\s+home|were\s+returned|arrived|remain\s+trapped|fled|flee)\b",
    re.IGNORECASE,
)
# Words right before a number that mark it as a non-casualty count ("deploy 10,000").
NON_CASUALTY_PRE_RE = re.compile(
    r"\b(?:deploy|deployed|deploying|deploys|send|sent|sending|sends|dispatch|dispatched|dispatching"
    r"|(?<!dead\s)(?<!killed\s)(?<!wounded\s)(?<!injured\s)(?<!victims\s)(?<!casualties\s)(?<!fatalities\s)"
    r"(?:numbering|numbered)|damaged|released|freed|returned|return|exchanged|swapped|arrest\s+of|arrested|arresting"
    r"|displaced|displacing|displacement\s+of|evacuation\s+of|evacuated|rescued|treated|recruited|trained|mobilized|mobilised|housing"
    r"|hosting|host|hosts|backed\s+by|brought\s+home|bringing\s+home|bring\s+home|receives|received"
    r"|half\s+of\s+the|third\s+of\s+the|quarter\s+of\s+the|out\s+of(?:\s+a\s+total\s+of)?|among\s+the|of\s+the|one\s+of\s+the"
    r"|in\s+exchange\s+for|fired|launched|carried\s+out|targeted|dropped|aged|ages|age\s+of|under\s+the\s+age\s+of)\s*$",
    re.IGNORECASE,
)
# A number inside a breakdown of a total ("including 140 children"): no record of its own
# the whole run of a breakdown before a number ("including six children and three women, and ")
BREAKDOWN_CHAIN_RE = re.compile(
    r"\b(?:including|included|includes|include|among(?:st)?\s+them|among(?:st)?\s+whom|of\s+whom|of\s+them|among\s+those"
    r"|most\s+of\s+them|such\s+as|consisting\s+of|comprising|made\s+up\s+of|^\W*(?:out\s+of|of|among(?:st)?)\s+(?:these|those|them|this\s+(?:number|total|figure)),)"
    r"\s+(?:both\s+)?(?P<chain>[^;:.()]{0,100})$",
    re.IGNORECASE,
)
# "the dead included five soldiers and one civilian": the figures that make up a toll given nowhere else
WHOLE_INCLUDED_RE = re.compile(r"the\s+(?:dead|killed|fatalities|injured|wounded)\s+(?:included|include|includes)\b",
                               re.IGNORECASE)
# a bare number in a list of alternative figures: a comma before it, then the number alone before ", and" or ","
LIST_GAP_BEFORE_RE = re.compile(r",\s+(?:and\s+)?(?:another|others|one|a\s+(?:second|third|fourth)|the\s+other"
                                r"|some|still\s+others)\s+(?:[\w'’-]+\s+){0,2}?(?:\w+ing|put\s+it\s+at|said|says)\s+$",
                                re.IGNORECASE)
LIST_GAP_AFTER_RE = re.compile(r"\s*(?:,|;|\band\b|\bwhile\b)")
CLAUSE_END_RE = re.compile(r"[.;:!?]\s")
# what became of a part of an earlier group ("two of the wounded later died", "five of the fighters were captured")
PARTITIVE_VERB_AFTER_RE = re.compile(
    r"(?:\s+(?:later|subsequently|since|also|reportedly|have|has|had|then))*\s+(?:(?P<killed>died|succumbed|perished"
    r"|passed\s+away|(?:were|was|have\s+been|had\s+been)\s+(?:killed|executed|shot\s+dead))|(?:were|was|have\s+been"
    r"|had\s+been)\s+(?:captured|taken\s+prisoner))\b", re.IGNORECASE)
# "held 1,100 pupils, their relatives, and teachers hostage": a hold verb before, "hostage" later in the clause
HOLD_BEFORE_RE = re.compile(r"\b(?:held|holding|hold|holds|took|taking|take|takes|kept|keeping)\s+(?:some\s+|about\s+"
                            r"|around\s+|more\s+than\s+|at\s+least\s+|nearly\s+|over\s+)?$", re.IGNORECASE)
HOSTAGE_LATER_RE = re.compile(r"[^.;:!?]{0,80}?\b(?P<word>hostages?|captive|captives|prisoners?)\b(?!\s+(?:of|in|from)\b)",
                              re.IGNORECASE)
# a whole that is itself a casualty figure ("Of the 40 people killed, 12 were children")
FRAME_CUE_AFTER_RE = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:killed|dead|wounded|injured|casualties|fatalities|deaths"
                                r"|captured|missing)\s*,", re.IGNORECASE)
# "the 1,100 casualties figure": a figure named by its determiner and a figure noun
FIGURE_NOUN_AFTER_RE = re.compile(r"\s+(?:casualties|casualty|deaths|death|fatalities|dead|losses)\s+"
                                  r"(?:figure|toll|count|estimate|tally|number)\b", re.IGNORECASE)
# a sentence opening with a breakdown of the figure before it ("Out of these, 11,000 non-combatants and ...")
# people counted by sex or age: figures of these that add up to an earlier total are its breakdown
GROUP_BREAKDOWN_WORD_RE = re.compile(
    r"\b(?:men|women|man|woman|children|child|boys?|girls?|minors?|infants?|babies|elderly|adults?|teenagers?"
    r"|males?|females?)\b", re.IGNORECASE)
ANAPHORIC_BREAKDOWN_RE = re.compile(
    r"\W*(?:out\s+of|of|among(?:st)?)\s+(?:these|those|them|this\s+(?:number|total|figure)),", re.IGNORECASE)
# a sentence that opens on the total before it and lists what it holds: "This number allegedly includes more than 40
# injured and 10 killed civilians, as well as 13 injured and five killed children"
TOTAL_INCLUDES_RE = re.compile(
    r"\W*(?:this|that|the|these|those)\s+(?:numbers?|figures?|tolls?|totals?|tall(?:y|ies)|counts?)\s+(?:\w+\s+){0,2}?"
    r"(?:includes?|included|including|comprises?|comprised)\b", re.IGNORECASE)
# a figure "neutralised" or "eliminated" whose killed part follows is all the losses, not the dead alone:
# "neutralised more than 15,000 invaders [in Pokrovsk], of which about 7,000 were killed"
PUT_OUT_OF_ACTION_RE = re.compile(r"\b(?:neutrali[sz]ed|neutrali[sz]ing|eliminated|eliminating|put\s+out\s+of\s+action)"
                                  r"\s+(?:(?:more\s+than|over|about|some|at\s+least|nearly|almost|around)\s+)?$", re.IGNORECASE)
OF_WHICH_KILLED_RE = re.compile(r"[^.;]{0,80}?,\s*(?:of\s+(?:which|whom|them)|including)\s+(?:about\s+|some\s+|around\s+|nearly\s+|"
                                r"more\s+than\s+|over\s+|at\s+least\s+)?[\d,.]+(?:\s+thousand)?\s+(?:were|had\s+been|have\s+been)\s+"
                                r"killed\b", re.IGNORECASE)
# verbs that make "N lives" a death count ("claimed 30 lives", "cost 12 lives")
LIVES_VERB_RE = re.compile(r"\b(?:claimed|claim|claims|claiming|cost|costs|costing|took|take|takes|taking|taken|loss\s+of|lost)"
                           r"(?:\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s*$",  # "cost the British 20,000 lives"
                           re.IGNORECASE)
# "N lives were lost" counts the dead like "cost N lives" ("over 29,683 lives have been lost in the conflict")
LIVES_LOST_AFTER_RE = re.compile(r"\s+(?:(?:have|has|had)\s+been\s+|were\s+|was\s+|are\s+|being\s+)?lost\b", re.IGNORECASE)

# Auxiliaries and adverbs allowed between a noun phrase and its category verb.
AUX_WORDS = frozenset(
    """
    have has had were was are is be been being reportedly likely also now so far confirmed believed
    said thought feared estimated reported already probably allegedly since then all both either
    would will may might could just still further currently officially considered listed presumed
    declared registered initially subsequently later apparently possibly got gotten
    classified counted recorded documented designated known understood
    """.split()
)
# True auxiliaries: the only words that end a reduced relative clause ("deployed to ... have been").
CORE_AUX = frozenset("have has had were was are is be been being".split())
# Words that end the subject noun phrase search (clause boundaries).
STOP_WORDS = frozenset(
    """
    and but while whereas although though because after before when where which who whom whose
    that if since until as than
    """.split()
)

# participles that describe a noun ("one injured soldier was captured") rather than being the main verb
ADJECTIVE_CUES = frozenset("wounded injured dead".split())
# a subject relative clause before the cue ("24,470 soldiers who had been killed")
RELATIVE_PRONOUNS = frozenset("who that which".split())
# Deaths that are not casualties of violence: disease, disasters, accidents, sport.
NON_CONFLICT_RE = re.compile(
    r"\b(?:pollution|diseases?|plague|pandemic|epidemic|covid(?:-19)?|coronavirus|cancer|overdoses?|influenza|flu"
    r"|malaria|cholera|measles|ebola|earthquakes?|quakes?|aftershocks?|floods?|flooding|hurricanes?|typhoons?|cyclones?|heatwaves?"
    r"|wildfires?|landslides?|tsunami|crash|crashes|car\s+accident|road\s+accidents?|traffic\s+accidents?|plunged\s+(?:off|into|from|down)|overturned|collided|collision"
    r"|derailment|shipwreck|stampede|game|match|tournament|points|scored|black\s+death|infections?|infected"
    r"|cases\s+(?:were\s+)?reported|reported\s+cases)\b"
    r"(?!-(?:affected|hit|stricken|ravaged|damaged|struck|prone|battered))",  # "the earthquake-affected Sagaing region": a place
    re.IGNORECASE,
)

# accidents that, in a sentence with no word of violence, make every death a non-casualty
DISASTER_RE = re.compile(
    r"\b(?:collapsed?|collapses|collapsing|avalanches?|mudslides?|eruptions?(?!\s+of\s+(?:hostilities|fighting|violence|war|clashes|conflict))|drowned|drownings?"
    r"|blaze|capsized|(?:natural\s+)?disasters?)\b",
    re.IGNORECASE,
)
# words of violence: a sentence with one of these is about a conflict even if it names a disaster
VIOLENCE_RE = re.compile(
    r"\b(?:attack|(?:air)?strike|shell|bomb|war\b|wars\b|fight|clash|gun|shoot|shot|troop|soldier|militant|rebel|army|armies"
    r"|military(?![\s-]+(?:said|says|told|government|led|spokes\w*|statement|regime|council|authorities))"
    r"|missile|drone|raid|offensive|assault|explos|insurg|terror|combat|artillery|rocket|massacre"
    r"|ambush|militia|jihad|killed\s+by|occupation|invasion|siege|sniper|grenade|mine\b|mines\b|landmine|hostilities|ceasefire|junta|gunmen|forces)",
    re.IGNORECASE,
)
# the same two word lists for lower-cased text, with a first-letter gate (the case-blind scan is slow)
def _gated_lower(rx: re.Pattern[str]) -> re.Pattern[str]:
    body = rx.pattern[len(r"\b(?:"):]
    words = re.findall(r"(?:^|\|)([a-z])", body)
    return re.compile(r"\b(?=[" + "".join(sorted(set(words))) + r"])(?:" + body)


NON_CONFLICT_LOWER_RE = _gated_lower(NON_CONFLICT_RE)
DISASTER_LOWER_RE = _gated_lower(DISASTER_RE)
# Word starts that mark a sentence worth reading for casualty figures.
CUE_STEMS = (
    "kill", "dead", "die", "dying", "death", "fatalit", "figure", "tally", "estimate", "slain", "perish", "execut",
    "massacr", "lives", "martyr", "body", "bodies", "corpse", "wound", "injur", "hurt", "maimed", "hospitali",
    "casualt", "loss", "lost", "lose", "losing", "captur", "captiv", "hostage", "kidnap", "abduct",
    "surrender", "missing", "unaccounted", "disappear", "toll", "shot", "gunned", "destroy", "eliminat",
    "neutrali", "liquidat", "wiped", "victims", "remains", "fallen", "coffin", "casket", "succumb",
    "murder", "behead", "slaughter", "butcher", "fell", "seiz", "snatch", "whereabouts", "prison", "alive", "pows", "kia", "wia", "mia",
    "to hell", "ultimate sacrifice", "supreme sacrifice", "lynch", "fatally",
    "been located", "been found", "been traced", "been accounted",
    # a figure repeated by reference in a sentence of its own ("he placed the number at roughly 31,000")
    "put the number", "puts the number", "putting the number", "placed the number", "places the number",
    "placing the number", "place the number", "put the total", "puts the total", "placed the total", "places the total",
)
_STEMS = "|".join(sorted(CUE_STEMS, key=len, reverse=True))
# A quick test: does a sentence mention anything casualty-like at all?
CUE_PRESENCE_RE = re.compile(r"\b(?:" + _STEMS + r")", re.IGNORECASE)
# The same test for lower-cased text, fast: word starts only, first letters checked first.
CUE_PRESENCE_LOWER_RE = re.compile(
    r"\b(?=[" + "".join(sorted({w[0] for w in CUE_STEMS})) + r"])(?:" + _STEMS + r")"
)

# --- pieces of the extractor's grammar ------------------------------------------------

# tokens of a sentence: words (with inner hyphens, apostrophes, dots) and single punctuation
TOKEN_RE = re.compile(r"[\w'’]+(?:[-.][\w'’]+)*|[^\w\s]")
# a breakdown of a total, up to the next preposition, clause or coordinated figure
BREAKDOWN_SPAN_RE = re.compile(
    r"\b(?:including|includes|included|among\s+them|among\s+whom|of\s+whom|most\s+of\s+them|many\s+of\s+them"
    r"|(?<=\d\s)of\s+them"
    r"|consisting\s+of|consisted\s+of|consists\s+of|comprising|made\s+up\s+of"
    r"|mostly|mainly|largely|among\s+the\s+(?:[\d,.]+\s+)?(?:dead|killed|victims|wounded|injured|fatalities|casualties)"
    r"\s+(?:were|are|was|is))\b(?:\s*[\"“])?"  # a quoted breakdown: 'killed including "five children and two women"'
    r"(?:(?!\b(?:in|on|at|from|during|after|when|by|according|since|while|near|with|who|which|that)\b"
    r"|[.;:\"“”]|,\s*and\s+(?:\w+\s+)?\d).){0,120}",
    re.IGNORECASE,
)
# where a breakdown inside a subject ends ("three people including two women were killed")
BREAKDOWN_END_RE = re.compile(r"\b(?:were|was|are|is|have|has|had|died|perished|succumbed)\b")
# "the 2,500 troops": a reference, a figure only when a casualty word follows
DETERMINER_RE = re.compile(r"(?:the|its|his|her|their)\s*", re.IGNORECASE)
DETERMINER_BEFORE_RE = re.compile(r"\b(?:the|its|his|her|their)\s+$", re.IGNORECASE)
# "destroyed 12 tanks" vs "eliminated 77 soldiers": these verbs need a person noun
DESTROY_RE = re.compile(r"(?:destroy|eliminat|neutrali|liquidat|wiped|execution)", re.IGNORECASE)
# "nine were killed in the south and seven in the east": the second number shares the verb
ELLIPSIS_BEFORE_RE = re.compile(
    r"^[^;:.]{0,80}(?:,\s*|\s)(?:and|while|with)\s+(?:another\s+|a\s+further\s+)?$", re.IGNORECASE
)
ELLIPSIS_AFTER_RE = re.compile(
    r"\s+(?:more\s+|others?\s+)?(?:in|at|on|near|from|across|inside|as)\s+(?!(?:critical|serious|stable|grave|total|all"
    r"|addition|hospital|custody|captivity|action|hiding|danger|need|response|return|exchange|turn|part|time)\b)"
    r"(?:the\s+)?(?:[A-Za-z]|(?:19|20)\d\d\b)"  # "... killed in 2023, and 200 in 2024"
)
# a breakdown in brackets after a figure ("1,660 persons (1,347 men, 273 women and 40 children)")
PAREN_BREAKDOWN_RE = re.compile(r"(?<=\d)[^()\d.;]{0,30}\((?P<inner>[^()]*\d[^()]*)\)")
# a subject that is only a number and "more"/"others" ("Two more disappeared in the area"): it counts
# whatever the sentence before counted last; when that was things ("shot down 14 Shahed drones"), so is it
BARE_MORE_SUBJECT_RE = re.compile(
    r"\W*(?:(?:[A-Z][a-z]+|\d[\d,]*)\s+(?:more|others?)|Another)\s+(?:were\s+|was\s+|have\s+|has\s+|had\s+)?"
    r"(?:\w+ly\s+)?(?:(?!(?:died|killed|wounded|injured|perished|executed|murdered)\b)[a-z]+ed|went\s+missing)\b"
)
LAST_COUNTED_THING_RE = re.compile(
    r"\b(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>[a-z]+)(?:\s+(?:in|on|at|over|near|from|across|above)\s+[^.!?\d]*)?[.!?]\s*$",
    re.IGNORECASE,
)
# a figure named as a figure ("the figure of 64", "the government's previous estimate of 55")
# (also with its qualifier or in quotes: "the previous count of more than 13,300", 'their estimate of "at least 100"')
BARE_FIGURE_BEFORE_RE = re.compile(
    r"\b(?:figure|estimate|tally|count)\s+of\s+[“\"‘']?(?:(?:about|some|around|roughly|approximately|nearly|almost|over"
    r"|more\s+than|at\s+least|up\s+to|fewer\s+than|less\s+than|just\s+over|just\s+under)\s+)?$|"
    r"\b(?:figure|estimate|tally|count)\s+of\s+[“\"‘']?(?:(?:about|some|around|roughly|approximately|nearly|almost|over"
    r"|more\s+than|at\s+least|up\s+to|fewer\s+than|less\s+than|just\s+over|just\s+under)\s+)?\d", re.IGNORECASE)
# a figure said to be the figure in the next clause ("There really is such a figure, it is a little more than 7,000")
BARE_FIGURE_IS_RE = re.compile(r"\b(?:figure|number)\b(?!\s+of\b)[^.;:\d]{0,25}?\b(?:is|was|stands\s+at|stood\s+at)"
                               r"\s+(?:a\s+little\s+|slightly\s+|just\s+|now\s+)?$", re.IGNORECASE)
BARE_FIGURE_IS_GATE_RE = re.compile(r"\b(?:figure|number)\b(?!\s+of\b)", re.IGNORECASE)
# "two of the 25,000 dead fighters", "half of the 4,100 wounded soldiers": the whole is itself a figure
CUE_ADJECTIVE_GROUP_RE = re.compile(
    r"\s+(?:dead|wounded|injured|killed|slain|fallen)\s+(?:[\w'’-]+\s+){0,2}?(?:soldiers|troops|fighters|servicemen"
    r"|personnel|people|civilians|militants|combatants|men|persons)\b",
    re.IGNORECASE,
)
# "Among the 11,662 injured were ...": the total itself, not a part of one
AMONG_TOTAL_RE = re.compile(
    r"\s+(?:dead|killed|injured|wounded|casualties|fatalities|victims)\s+(?:were|are|was|is)\b", re.IGNORECASE)
# "Among the dead are 382 children": a part of a total already reported
# a sentence that opens on a part of the toll before it ("Among the injured is a woman ..., and 11 other injured people")
AMONG_LEAD_RE = re.compile(r"\s*among\s+(?:the|those)\s+(?:dead|killed|victims|fatalities|wounded|injured|casualties)\b",
                           re.IGNORECASE)
AMONG_BEFORE_RE = re.compile(
    r"\bamong\s+(?:the|those)\s+(?:dead|killed|victims|fatalities|wounded|injured|casualties)\s+(?:were|was|are|is)\s+$",
    re.IGNORECASE)
# civilian words a following "others" may inherit (not "children": "one child and 10 others")
GENERAL_CIVILIAN = frozenset("civilians civilian non-combatants noncombatants villagers residents".split())
# "four of its fighters": the source's own side
POSSESSIVE_RE = re.compile(r"\b(?:its|their|our)\b", re.IGNORECASE)
# prepositions that end the head of a noun phrase ("77 North Koreans over three days")
NP_PREPOSITIONS = frozenset("in across from at on over during within of".split())
# a cue that is an active verb: the sides named before it are the attackers
ACTIVE_VERB_RE = re.compile(
    r"(?:killed|killing|kills|kill|executed|executes|executing|massacred|murdered|murdering|beheaded|slaughtered"
    r"|shot|wounded|wounding|injured|injuring"
    r"|injures|wounds|captured|capturing|captures|kidnapped|kidnapping|abducted|abducting|seized|took|taken"
    r"|taking|detained|detaining)\b",
    re.IGNORECASE,
)
# a loss cue: the side named before it is the loser ("Russia lost 1,230 troops")
LOSS_RE = re.compile(r"(?:lost|loses|losing|lose|loss\s+of)\b", re.IGNORECASE)
# a dash-set breakdown right after a total ("22 people in total -- 20 children and two teachers --")
DASH_BREAKDOWN_RE = re.compile(r"\d[^.;:\d]{0,30}\s(?:--|—|–)\s(?:(?!--|—|–)[^.;:]){0,50}$")
# a second object of the same verb ("killed 20 students and two teachers")
COORDINATED_OBJECT_RE = re.compile(r"^\s*(?:,?\s*(?:and|as\s+well\s+as|plus)\s+(?:another\s+)?|,\s*)$", re.IGNORECASE)
# an earlier value of the figure just given ("rose to 50, up from 34", "7,155 killed (7,110)")
TO_BETWEEN_RE = re.compile(r"\s+to\s+")
# "revised the death toll down to 11 Monday night from 12": the earlier figure after the revised one
REVISED_TO_BEFORE_RE = re.compile(
    r"\b(?:revised|raised|lowered|cut|brought|rose|risen|fell|fallen|dropped|climbed|increased|decreased)\b[^.;]{0,40}?"
    r"(?:\b(?:down|up)\s+)?(?:to\s+)?$", re.IGNORECASE)  # ("up to" may be read as the figure's own qualifier)
FROM_AFTER_REVISED_RE = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+from\s+(?:an?\s+(?:earlier|previous)\s+)?")
REVISION_BETWEEN_RE = re.compile(
    r"^(?:\s+[\w'’-]+){0,2}?\s*(?:,\s*(?:up|down)\s+from|\(\s*(?:(?:up|down)\s+)?(?:from\s+)?(?:some\s+)?"
    r"|,\s*(?:revised|raised|lowered)\s+from|,\s*compared\s+(?:with|to)|,\s*against"
    r"|\(\s*(?:(?:a|one|two|three|the)\s+(?:days?|weeks?|months?)\s+(?:earlier|before)|previously|earlier)\s*,?\s*(?:some\s+)?)\s*$",
    re.IGNORECASE,
)
# the earlier value is a date or time, not a figure ("up from 34 on Monday" is still a figure)
REVISION_THING_RE = re.compile(r"\s*(?:%|percent|per\s+cent|a\s+day|per\s+day|the\s+day\s+before)", re.IGNORECASE)
# the whole a part is taken from ("Of the 11,000 troops sent, about 4,000 ...", "of 12,000 soldiers, 4,000 lost")
FRAME_BEFORE_RE = re.compile(r"(?:^|[:;,—–-]\s*)of\s+(?:the\s+)?(?:(?:some|about|around|roughly|nearly|approximately"
                             r"|an\s+estimated|estimated)\s+)?$", re.IGNORECASE)
# "five children among the victims": the group named is part of a total, not its side
AMONG_SPAN_RE = re.compile(
    r"(?:\bwith\s+)?(?:[\w'’-]+\s+){0,4}?(?:(?:are|were|was|is)\s+)?among\s+(?:the|those"
    r"|(?:the\s+)?(?:at\s+least\s+)?(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds|dozens)(?:\s+(?:people|persons|others))?)\s+"
    r"(?:victims|dead|killed|wounded|injured|casualties|fatalities|people\s+(?:killed|wounded|injured|dead))\b",
    re.IGNORECASE,
)
# "57 of them minors," after a total: a part of that total named by its group, no figure of its own
OF_THEM_PART_RE = re.compile(
    r"\s+of\s+(?:them|whom|those|these)(?P<words>(?:\s+[\w'’-]+){0,2}?)\s*(?:[,;)—–]|\s-\s|\.|$)", re.IGNORECASE)
# a hyphen glued between a noun and a breakdown word ("44,805 people-mostly women and children"): a pause
GLUED_DASH_RE = re.compile(
    r"(?<=[a-z])-(?=(?:mostly|mainly|largely|chiefly|predominantly|including|among\s+them|many\s+of)\b)")
# an age inside a noun phrase ("children no older than 10", "men aged 18 to 60"): skipped by the scan
AGE_IN_PHRASE_RE = re.compile(
    r"(?:(?:no|not)\s+)?(?:older|younger)\s+than\s+\d+|aged\s+(?:between\s+)?\d+(?:\s*(?:and|to|-|–)\s*\d+)?"
    r"|(?:under|over)\s+the\s+age\s+of\s+\d+",
    re.IGNORECASE,
)
# participles without -ed that open a reduced relative clause ("4,000 troops sent by Pyongyang ... had been killed")
IRREGULAR_PARTICIPLES = frozenset(
    "sent taken held brought flown sworn drawn known seen given made left kept caught found put built hit thrown".split())
# a figure of a part of a larger number ("some 4,000 of the 12,000 troops sent ..."): the larger one is a frame
FRAME_OF_BEFORE_RE = re.compile(r"\s*of\s+(?:the|some|about|around|an\s+estimated)\s+", re.IGNORECASE)
# a clause that tells what became of a figure's people ("two wounded soldiers after they were captured")
SUBORDINATE_CUE_RE = re.compile(
    r"(?:after|when|before|until)\s+(?:they|both|all)\s+(?:were|had\s+been|have\s+been)\s+(?:reportedly\s+)?",
    re.IGNORECASE,
)
# a part of an earlier total: "nine of those killed", "five of the dead"
# (not "24 of the Kremlin's fighters": a possessive names a side, not the earlier total)
PARTITIVE_RE = re.compile(r"\s+of\s+(?:those|the|them|these)\b(?!\s+[\w-]+['’]s?\s)", re.IGNORECASE)
# lower-cased-text versions of the hottest patterns (case-blind matching is about twice as slow)
PRE_CUE_LOWER_RE = re.compile(PRE_CUE_RE.pattern)
NON_CASUALTY_PRE_LOWER_RE = re.compile(NON_CASUALTY_PRE_RE.pattern)
# captives only offered for a swap are still held ("Ukraine is ready to send two North Koreans captured in battle back
# in exchange for ...", "offered to return 150 captured soldiers"): the offer before the verb, the capture after the number
OFFER_BEFORE_RE = re.compile(
    r"\b(?:ready|willing|prepared|offered|offers|offer|offering|proposed|proposes|propose|proposing)\s+to\s+(?:\w+\s+)?$",
    re.IGNORECASE)
CAPTIVE_AFTER_RE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:captured|taken\s+(?:prisoner|captive)|held\s+captive|prisoners\s+of\s+war|POWs)\b",
    re.IGNORECASE)

# a cheap gate before the pre-cue search: a word that can start a cue before a number
PRE_CUE_GATE_RE = re.compile(
    r"kill|death|dead|toll|fatalit|execut|massacr|shot|wound|injur|lost|lose|losing|loss|casualt|captur|kidnap"
    r"|abduct|seiz|took|taken|taking|detain|destroy|eliminat|neutrali|liquidat|wiped|claim|cost|bodies|remains"
    r"|corpses|among|put|place|estimat|figure|tally|number|count|lives|injuries|murder|behead|slaughter|butcher"
    r"|whereabouts|bring|brought|rais|push|total|martyr"
)
# "killed or wounded" right before a number
COMBINED_BEFORE_RE = re.compile(r"(?:" + COMBINED_RE.pattern + r")(?:\s+of)?[\s\"“”‘’']*$", re.IGNORECASE)

# a sentence about captives going home: its prisoner counts are not captures ("44 prisoners of war were flown to Yerevan")
RELEASE_RE = re.compile(
    r"\b(?:released|releases|release|releasing|freed|freeing|free|returned|return|returning|repatriated|repatriation|exchanged"
    r"|exchange|swap|swapped|flown|handed\s+over|came\s+home|homecoming|back\s+home)\b",
    re.IGNORECASE,
)
# ... unless the sentence also says someone was taken ("captured", "kidnapped")
CAPTURE_VERB_RE = re.compile(
    r"\b(?:captured|capturing|capture|taken\s+(?:prisoners?|captives?|hostages?)"
    r"|took\s+(?:[\w-]+\s+){0,3}?(?:prisoners?|captives?|hostages?)|kidnapped|kidnapping|abducted|abducting|seized"
    r"|surrendered)\b",
    re.IGNORECASE,
)
# a relative clause or apposition between a figure's noun phrase and its casualty verb: the verb phrase
# ("Two members of the security forces who were returning fire were wounded")
LINKED_PREDICATE_RE = re.compile(
    r"(?:(?:have|has|had)\s+)?(?:were|was|are|is|been)(?:\s+(?:all|also|later|reportedly|then|\w+ly))*\s+"
    r"(?:killed|wounded|injured|captured|slain|executed|kidnapped|abducted|hurt|found\s+dead|shot\s+dead"
    r"|taken\s+(?:prisoner|hostage|captive))\b"
    r"|(?:died|perished)\b",
)
# a date before a number ("Nov 22 — ..."): its dash does not open a breakdown
DATE_DAY_BEFORE_RE = re.compile(r"\b(?:" + MONTHS + r")\.?\s+\d{1,2}$", re.IGNORECASE)
# where a linked verb phrase may start, and what ends the look-ahead
LINKED_SEARCH_RE = re.compile(r"\s(?=(?:have|has|had|were|was|are|is|died|perished)\b)")
CLAUSE_BREAK_RE = re.compile(r"[;:.!?]\s|\s(?:and|but|while|whereas|after|before|when)\s+(?:they|he|she|it|we)\b|\s(?:said|says)\b")
SUBJECT_PRONOUNS = frozenset("they he she it we who which that".split())
# words that open an apposition after a figure's noun phrase ("Thirteen people, described as ...")
APPOSITION_OPENERS = frozenset("described identified believed thought said suspected reportedly who which mostly".split())
# noun cues that name the figure only when they follow it directly, not inside a participle clause
NOUN_CUES = frozenset("bodies corpses coffins caskets".split())
# a participle coordinated with a casualty participle a few words on ("dragged from buses and shot dead")
COORDINATED_CUE_RE = re.compile(
    r"(?:\s+(?!and\b)[\w'’-]+){0,5}?\s+and\s+(?:then\s+|later\s+)?"
    r"(?=(?:killed|shot\s+dead|executed|murdered|beheaded|wounded|injured|captured|kidnapped|abducted)\b)",
    re.IGNORECASE,
)
# victims identified, exhumed or buried are the dead ("7,000 victims have been identified and properly buried")
VICTIMS_BURIED_RE = re.compile(
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:buried|reburied|exhumed|identified|laid\s+to\s+rest|interred)\b", re.IGNORECASE)
# a passive casualty verb right after a comma that closes a long noun phrase
COMMA_PASSIVE_RE = re.compile(
    r"(?:were|was|had\s+been|have\s+been|has\s+been)\s+(?:killed|wounded|injured|shot|captured|kidnapped|abducted"
    r"|slain|executed|found\s+dead)\b", re.IGNORECASE)
# the words after a figure: 'among the dead', 'who had been killed', 'N bodies', 'one captured soldier carried'
AMONG_RE = re.compile(r"\s+(?:[\w'’-]+\s+){0,6}?(?:(?:are|were|was|is)\s+)?among\s+(?:the|those)\b", re.I)
RELATIVE_CUE_RE = re.compile(
    r"(?:(?:\s+(?:reportedly|later|also|since|all))*\s+(?:have|has|had)?\s*(?:were|was|are|is|been|being)"
    r"(?:\s+(?:reportedly|later|also|since|all))*\s+(?:killed|wounded|injured|captured|slain|executed|reported\s+missing"
    r"|fatalities|deaths|dead)"
    r"|(?:\s+(?:have|has|had|reportedly|later|also))*\s+(?:died|perished|gone\s+missing|lost\s+their\s+lives)"
    r"|\s+(?:are|were|is|was)\s+(?:still\s+)?missing)\b",
    re.I,
)
BODIES_AFTER_RE = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?(?:bodies|remains|corpses|coffins|caskets)\b"
                             r"|\s+(?:fallen|dead|deceased|slain)\s+(?:[\w'’-]+\s+){0,2}?(?:soldiers|servicemen|troops|defenders|fighters)\b", re.I)  # "in exchange for 100 fallen Ukrainian servicemen"
ONE_ADJECTIVE_RE = re.compile(
    r"\s+(?:captured|wounded|injured|dead|missing)\s+(?:[\w'’-]+\s+){1,3}?(?!(?:was|were|is|are|has|had|have)\b)"
    r"(?!killed|died|captured|wounded|injured)[a-z]+(?:ed|s)\b", re.I)
