"""Stance cue lists and patterns for reported-sentiment extraction (data, not logic).

`extractors.sentiment` imports these constants. Everything here is plain strings, tuples and
compiled regexes, so adding a cue word is a one-line change with no code touched. Terms are
lower-case regex fragments matched case-insensitively on whole words unless noted. Holder
nouns and place names are in `extractors.sentiment_holder_words`; quotation marks, reporting
cues and the domain lexicon for quote content in `extractors.sentiment_quote_words`.

A *stance cue* is a word that reports someone's attitude to the topic with a polarity
(``oppose`` -> negative, ``praise`` -> positive, ``divided`` -> mixed) and a strength in (0, 1].
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# --- stance cues: (regex fragment, polarity, strength) ---------------------------------
# polarity: -1 negative, +1 positive, 0 mixed
NEGATIVE_CUES: tuple[tuple[str, float], ...] = (
    (r"oppos(?:e|es|ed|ing|ition)", 0.7),
    (r"against the (?:war|deployment|dispatch|mobili[sz]ation|invasion|fighting)", 0.7),
    (r"criticis\w*|criticiz\w*|critical of", 0.7),
    (r"condemn\w*|denounc\w*|decr(?:y|ied|ies)", 0.7),
    (r"complain\w*|grumbl\w*|grievances?", 0.6),
    (r"lament\w*|mourn\w*|griev\w*|grief|sorrow\w*|weep\w*|wept|tearful|in tears|crying out|cried out|cr(?:y|ies|ied|ying) (?:for|over)", 0.6),
    (r"critics (?:\w+ ){0,2}(?:say|said|argue\w*|believe\w*|contend\w*|claim\w*|charg\w*|accuse\w*|warn\w*|fear\w*|see|saw)", 0.6),
    (r"ang(?:er|ry|rier|rily|ered|ering)|rage|furious|fury|outrag\w*|indignan\w*|enrag\w*|incens\w*", 0.7),
    (r"horrif(?:ied|ying)|appall\w*|alarmed|sounded the alarm|rais\w* (?:the )?alarm|disgust\w*|distraught|trauma(?:ti[sz]ed|tic)?|upset|infuriat\w*|irate|livid|aggrieved|embittered|dishearten\w*|apprehensi\w*|jittery|on edge", 0.6),
    (r"slam(?:s|med|ming)|deplor\w*|rebuk\w*|lambast\w*|excoriat\w*|(?:rail\w*|lash\w* out|hit out|spoke out|speak\w* out) (?:against|at)|anti-?war|dissent\w*|backlash", 0.6),
    (r"despis\w*|hat(?:e|ed|es|ing|red)|loath(?:e|ed|es|ing)|detest\w*|(?:sent|spread\w*|sow\w*|caus\w*|trigger\w*) (?:a )?(?:wave of )?(?:terror|panic|fear)|waves? of (?:fear|terror|panic|anger|outrage|grief)|in (?:terror|horror|disbelief|despair|fear|panic|anguish)", 0.6),
    (r"disbelief|stunned|hardships?", 0.4),
    # intolerance: "the absence of authorities is galling", "we can no longer stand this insecurity"
    (r"galling|maddening|intolerable|unacceptable|(?:can(?:not|'t|’t)|could(?:n't|n’t| not)|can no longer|could no longer) (?:stand|bear|tolerate|take it)", 0.5),
    (r"resent\w*|bitter(?:ness|ly)?|disgruntl\w*|discontent\w*|dissatisf\w*|displeas\w*|unhappy|unhappiness", 0.7),
    # specific constructions precede the single words they start with (the first alternative wins)
    (r"fears? (?:has |have |had )?(?:spread|grown|mounted|risen|grips?|gripped)|growing fears?|fears? (?:of|that) (?:a |an |the )?(?:wider|broader|full-scale|all-out|new|major)? ?(?:war|escalation|conflict|offensive|mobili[sz]ation)", 0.6),
    (r"fear(?:s|ed|ful|ing)?|afraid|scar(?:ed|y)|terrif(?:ied|ying)|frighten\w*|dread\w*|panic\w*|nightmar\w*", 0.5),
    (r"regret(?:s|ted|ting)?", 0.5),
    (r"worr(?:y|ied|ies|ying)|anxi(?:ety|eties|ous|ously)|uneas\w*|unrest|nervous\w*|distress\w*|disturbed|troubled", 0.5),
    (r"concern(?:s|ed)?", 0.4),
    (r"concerning", 0.4),  # predicative only: see CUE_NEEDS_BEFORE
    (r"frustrat\w*|dismay\w*|devastat\w*|despair\w*|heartbr(?:eak|oken)\w*|heartache|anguish\w*|agony|shocked|shock(?!\s+(?!(?:and|at|over|or|to|of|in|as|that|was|is|were|among|after|when|for|but|on|amid|following|from|by|with|about|because|since|as)\b)[a-z])", 0.6),
    (r"burn-?out|burned out|burnt out|tiredness|disillusion\w*|disappoint\w*|war[- ]weary|weariness|fatigue|apathy|tired of|exhaustion|sadness|saddened", 0.5),
    # a state the war leaves people in: "daily confrontations with danger ... have left people weary"
    (r"(?:left|leave|leaves|leaving|made|makes|making) (?:\w+ ){0,2}(?:weary|exhausted|tired|fearful)", 0.5),
    # a peace wish in the first person: "We do not ask for war, we want to live in safety and peace"
    (r"(?:want|wish|long|ask)\w* to live in (?:safety and |security and )?peace", 0.6),
    (r"(?:exhausted|tired|demorali[sz]ed) (?:after|from|by) (?:\w+ ){0,4}(?:years?|months?|weeks?|fighting|combat|service|shelling|the front|the war)", 0.5),
    # attributive before a group: "exhausted Ukrainian soldiers say ...", "demoralized troops"
    (r"(?:exhausted|tired|demorali[sz]ed|weary|war-weary) (?:[\w-]+ )?(?:soldiers|troops|servicemen|fighters|residents|people|civilians|citizens|families|mothers|wives|russians|ukrainians|israelis|men|women)", 0.5),
    (r"tired|exhausted|sad|demorali[sz]ed", 0.5),  # predicative only: see CUE_NEEDS_BEFORE
    (r"bleak|grim", 0.4),  # predicative only: see CUE_NEEDS_BEFORE
    (r"(?:low|poor|sagging|waning|falling|flagging|plummeting|declining|diminished|diminishing|dwindling|shattered|eroded|eroding|sinking|sunken) morale|morale (?:\w+ ){0,6}(?:low|wan\w*|declin\w*|deteriorat\w*|plummet\w*|sag\w*|fall\w*|crumbl\w*)|demorali[sz]\w*"
     r"|(?:morale|mood|spirits?|public opinion|public sentiment)[\w,’' ]{0,50}? (?:is|are|was|were|remains?|has been) (?:\w+ ){0,3}?(?:complicated|difficult|not (?:so |very |that )?(?:rosy|good|great|high)|far from (?:rosy|good|great)|bad|terrible|grim|dire|low|poor)", 0.6),
    (r"rais\w* (?:\w+ ){0,2}(?:questions|doubts)|doubts?|question(?:s|ed|ing)? (?:the )?(?:war|deployment|decision|need|wisdom|point|loyalty|legitimacy|purpose|motives|conduct|actions)", 0.4),
    (r"(?:negative|critical|unfavou?rable) (?:views?|opinions?|emotions?|feelings?|attitudes?|sentiment|comments?|remarks|assessments?|ratings?)", 0.7),
    (r"(?:as )?(?:poor|bad|unsatisfactory|a failure|subpar|sub-par|inadequate|mediocre|weak)", 0.6),  # after "rated ...": see CUE_NEEDS_BEFORE
    (r"depress(?:ed|ion|ing)|gloom\w*|pessimis\w*|hopeless\w*", 0.5),
    (r"(?:deal|negotiations|negotiating|peace|ceasefire|truce|agreement)\s(?:[\w’']+\s){0,5}(?:is|was|were|are)\s(?:more\s)?(?:important|preferable|a priority|the priority)", 0.5),
    (r"negatively", 0.6),
    (r"protest(?:s|ed|ing)?", 0.5),
    (r"(?:suffer\w*|pain|painful|misery|miserable|hell|absurd|wrong|unfair|unjust|senseless|pointless|meaningless(?!ly)|unbearable)", 0.5),
    (r"skeptic\w*|sceptic\w*|distrust\w*", 0.4),
    (r"refus(?:e|es|ed|ing) (?:to accept|the)|(?:unlikely|unwilling|reluctant) to accept", 0.5),
    (r"(?:refus\w*|refusal) (?:of )?(?:military |reserve |further |army )?(?:service|duty)\b"
     r"|(?:refus\w*|refusal|declin\w*|unwilling(?:ness)?|reluctan\w*) (?:\w+ ){0,2}to (?:serve|fight|return|take part|report for duty|go (?:to|back to) (?:the )?(?:front|war)|be (?:mobili[sz]ed|drafted|deployed))"
     r"|(?:will|would|shall) not (?:return to|report for|serve|fight|go back)|(?:won't|wouldn't) (?:serve|fight|go back|return to)|draft dodg\w*|desert(?:ed|ion|ing) (?:\w+ ){0,2}(?:army|front|unit)", 0.7),
    (r"shame(?:ful)?|disgrace\w*|(?:illegal|criminal|unjust(?:ified|ifiable)?|senseless|pointless|needless)[”\"’]? war|demand\w* accountability", 0.6),
    # opposing a country's involvement in the war: "were against supplying weapons to Ukraine", "oppose sending troops"
    (r"(?:against|oppos\w*(?: to)?|reject\w*|disapprov\w* of) (?:the |any |further |more |a |their |its |our )?(?:\w+ ){0,3}?"
     r"(?:suppl(?:y|ying|ies)|sending|send|provid\w*|deliver\w*|ship\w*|transfer\w*|dispatch\w*|arming|deploy\w*|giv\w*|aid|assistance) (?:of |more |further |any |lethal |military |to )?(?:\w+ ){0,2}?(?:weapons|arms|munitions|ammunition|troops|soldiers|military aid|lethal aid|tanks|missiles|shells)", 0.7),
    (r"against(?= (?:the |a |any |this |such a |an )?(?:\w+ )?(?:ceasefire|cease-fire|truce|deal|agreement|negotiations|talks|peace))(?! (?:any |all )?(?:territorial )?concessions)", 0.6),  # "I am against the ceasefire": flipped by PEACE_OBJECTS
    (r"against(?! (?:any |all )?(?:territorial )?concessions)", 0.6),  # after "protest", "rally", "vote"...: see CUE_NEEDS_BEFORE
    (r"(?:took|take|taking|taken) to the streets", 0.6),
    # worry as a demand: "families have repeatedly appealed to the military for guarantees of their loved ones' safety"
    (r"(?:appeal\w*|plead\w*|begg\w*|beg|petition\w*) (?:[\w’'-]+ ){0,5}for (?:\w+ )?(?:guarantees?|assurances?|news|information|word) (?:of|about|on|that) (?:[\w’'-]+ ){0,3}(?:safety|fate|whereabouts|return|lives|survival)", 0.6),
    # verdicts on the deployment or war: "the deceptive and inhumane nature of Pyongyang's deployment", "deeply cynical"
    (r"decepti\w+|inhumane?|cynical\w*|(?:difficult|hard|harder|impossible|unable|struggl\w*) (?:\w+ )?to (?:continue|keep) (?:on )?(?:fighting|the fight|resisting|going)", 0.6),
    (r"(?:feel\w*|felt) (?:\w+ ){0,2}(?:abandoned|betrayed|neglected|forgotten|let down|deceived|cheated|used|helpless)", 0.6),
    # blame for the war in polls: "who has the greatest responsibility for the conflict", "hold Russia responsible for the war"
    (r"(?:(?:bears?|bore|has|have|hold\w*|held|carr\w*) (?:the )?(?:greatest |most |main |primary |chief )?responsibility|(?:hold\w*|held|is|are|was|were) (?:\w+ ){0,2}responsible) for (?:the )?(?:war|conflict|invasion|aggression)", 0.5),
    # verdicts on the war: "agrees that the events in Ukraine are a war crime by Russia"
    (r"(?:is|are|was|were|constitut\w*|amounts? to|amounted to|call\w*|consider\w*|view\w*|see|saw|term\w*|brand\w*|describ\w*) (?:\w+ ){0,3}?(?:as )?(?:a |an )?(?:war crimes?|crimes? against humanity|genocide|act of aggression"
     r"|(?:clear |flagrant |blatant |gross )?(?:illegal|unlawful|criminal) (?:act|war|invasion|deployment|aggression)|(?:clear |flagrant |blatant |gross )?violation of (?:the )?(?:un |united nations )?(?:charter|international law))", 0.6),
    # a breach of law named by its verb: "the continued Israeli presence violates international law", "the deployment
    # contravenes UN charter and Security Council resolutions"
    (r"(?:violat(?:e|es|ed|ing)|contraven(?:e|es|ed|ing)|breach(?:es|ed|ing)?|flout(?:s|ed|ing)?|in (?:breach|violation) of) (?:the )?"
     r"(?:international (?:humanitarian )?law|(?:un |united nations )?charter|(?:un |united nations )?security council resolutions?|un resolutions?"
     r"|(?:its |our |their |the country's )?(?:sovereignty|territorial integrity))", 0.6),
    # threat perception: "identified Russia as a threat", "see Russia as the enemy", "feel threatened"
    (r"(?:identif\w*|see|sees|saw|seen|view\w*|regard\w*|perceiv\w*|consider\w*|nam(?:e|ed|es|ing)|cit(?:e|ed|es|ing)) (?:[\w’'-]+ ){0,3}as (?:a |the |an )?(?:main |biggest |greatest |major |serious |direct |real |existential |potential )?(?:threat|danger|enemy)|(?:feel|felt|feels) threatened"
     # a government's assessment: "poses a significant security threat", "a grave threat to our national security"
     r"|(?:significant|serious|grave|direct|major|existential) security threat|threat to (?:our|its|their|the) (?:national |regional |international )?(?:security|peace|sovereignty)", 0.5),
    (r"critics? of (?:the |its |their |his |her |this )?(?:[\w’'-]+ ){0,3}?(?:war|invasion|regime|government|kremlin|deployment|putin|operation|mobili[sz]ation|actions|policy|polic(?:y|ies)|leadership|president|junta)", 0.6),  # after "become", "vocal": see CUE_NEEDS_BEFORE
    (r"accus\w*|blam\w*|desperat\w*", 0.4),
    (r"(?:(?:patriotic|nationalist|initial|early|public|popular) )?(?:support|enthusiasm|morale|appetite|confidence|faith|trust|fervou?r|patriotism|zeal|eagerness|optimism) (?:[\w’']+ ){0,8}(?:is|are|was|were|has been|have been) (?:waning|declining|falling|fading|eroding|dwindling|flagging|weakening|subsiding|ebbing|cooling|evaporating|dissipating|vanishing|diminishing)", 0.6),
    (r"(?:had|have|has) (?:had )?enough of|fed up with|sick (?:and tired )?of", 0.6),
    (r"(?:sapped|dampened|eroded|eroding|dwindling|waning|declining|flagging|lost|losing|fading|falling|cooling|ebbing) (?:[\w’']+ ){0,2}(?:enthusiasm|support|morale|appetite|confidence|faith|trust|hope|fervou?r|patriotism|zeal|eagerness|optimism)", 0.6),
    (r"resign|step down", 0.5),
    (r"(?:demand\w*|call\w* for|urg\w*) (?:the |his |her |their |an immediate |the immediate )?(?:\w+ ){0,2}resignation", 0.5),  # after "should", "must", "to", "demand", "call for": see CUE_NEEDS_BEFORE
    (r"brac\w* (?:themselves |ourselves )?for (?:a |an |the )?(?:\w+ ){0,2}(?:war|escalation|offensive|attacks?|invasion|fighting|worst|death|strikes?|explosions?|impact)|(?:left|kept) in the dark|(?:wait\w*|expect\w*|prepar\w*) for the worst", 0.5),
    (r"held (?:to )?account|demand\w* (?:answers|justice|the truth|to know)|(?:ask|call|plead|press|push|fight)\w* for justice", 0.5),
    # "prioritize a hostage deal over continuing the war"
    # backing a leader who would make peace: "would back Putin if he signed a peace agreement"
    (r"(?:back|support)\w* (?:\w+ ){0,3}(?:if|should) (?:\w+ ){0,2}(?:sign\w*|agree\w*|end\w*|stop\w*|declar\w*) (?:a |an |the )?(?:peace|ceasefire|truce|deal|agreement|war|fighting)", 0.6),
    (r"(?:should|must|need to|ought to) (?:begin|start|enter|open|hold|pursue|move to|transition to|switch to) (?:\w+ ){0,2}(?:peace )?(?:talks|negotiations)", 0.5),
    (r"prioriti[sz]\w* (?:a |the |an )?(?:\w+ ){0,2}(?:deal|peace|ceasefire|truce|talks|negotiations|release|diplomacy)", 0.6),
    (r"dead end|stalemate|too high a (?:price|cost)|cost (?:is )?too high|price (?:is )?too high", 0.5),
    (r"cannon fodder|meat grinder|sacrificial lambs?|expendable", 0.6),
    (r"death sentence|death trap|suicide mission", 0.6),  # "is a death sentence": see CUE_NEEDS_BEFORE
    # keeping kin out of the war: "parents ... try and prevent their children being sent to the military",
    # "relatives are increasingly clamoring for their release"
    (r"(?:prevent\w*|spar(?:e|ed|ing)) (?:their|his|her|my|our) (?:\w+ )?(?:children|sons?|husbands?|boys|kids|men|relatives|loved ones) (?:from )?(?:being )?(?:sent|drafted|conscripted|mobili[sz]ed|deployed|called up|taken)"
     r"|clamou?r\w* for (?:the |their |an? )?(?:\w+ ){0,2}(?:release|return|demobili[sz]ation|rotation|end|withdrawal)", 0.6),
    (r"(?:demand\w*|call\w*|ask\w*|plead\w*|beg\w*|want\w*|push\w*) (?:for )?(?:the |their |an? )?(?:(?:immediate|swift|quick|urgent|unconditional|complete|full|lasting|permanent|total) (?:and |, )?){0,2}(?:end|return|ceasefire|cease-fire|cessation|demobili[sz]ation|withdrawal|peace|truce|halt|stop)\b", 0.6),
    (r"impossible", 0.5),  # "made daily life impossible": see CUE_NEEDS_BEFORE
    (r"(?:ready|willing|prepared|open|agree\w*) (?:for|to) (?:make |accept |some |any |certain |territorial )*concessions|accept\w* (?:some |any |certain )?(?:\w+ )?concessions"
     r"|(?:give|giving|gave|cede|ceding) up (?:any |some |its |their |the |certain )?(?:\w+ )?(?:land|territor\w*)|peace in exchange for territor\w*", 0.6),
    (r"unpopular|disapprov\w*|outcry|uproar|furore?\b", 0.5),
    (r"attack\w* (?:the |their |his |her |its )?(?:\w+ )?(?:decision|government|plan|policy|speech|statement|remarks|comments|handling|leadership|minister|prime minister|president)", 0.6),
    (r"(?:call\w*|consider\w*|view\w*|see|saw|seen|describ\w*|term\w*|brand\w*) (?:the |this )?(?:war|invasion|deployment|operation|offensive|mobili[sz]ation|it) (?:as )?(?:a |an )?(?:\w+ )?(?:mistake|blunder|error|failure|disaster|catastrophe|crime)"
     r"|(?:war|invasion|deployment|operation|offensive|mobili[sz]ation) (?:was|is|has been|had been) (?:a |an )?(?:\w+ )?(?:mistake|blunder|error|failure|disaster|catastrophe)"
     r"|(?:should|must|need to|needs to|ought to) (?:\w+ ){0,2}(?:negotiate|make peace|seek peace|agree to a ceasefire|sign a (?:peace )?(?:deal|agreement))|(?:long|yearn|pray)\w* for (?:a |an )?(?:peace|peaceful|an end|a ceasefire|the war to end|calm)|weary of|wearied", 0.6),
    # a positive state that has gone: "The patriotic fervor that prompted many to volunteer in 2022 has also subsided"
    (r"(?:(?:patriotic|nationalist|initial|early|public|popular) )?(?:support|enthusiasm|morale|appetite|confidence|faith|trust|approval|fervou?r|patriotism|zeal|eagerness|optimism|queues of (?:\w+ )?volunteers)(?: [\w’'-]+){0,16} (?:has |have |had )?(?:long since |since |all but )?(?:dropped|fallen|fell|declined|plummeted|eroded|waned|dipped|slumped|collapsed|shrunk|decreased|sunk|sank"
     r"|subsided|faded|evaporated|cooled|ebbed|dissipated|vanished|diminished|disappeared|dried up|worn off|wore off|petered out)", 0.6),
    (r"(?:want|wish|hope|long|yearn|desire|pray|wait)\w* (?:for |that )?(?:[\w’']+ ){0,3}(?:war|fighting|conflict|hostilities|bloodshed|killing|violence|all this|this|it|it all|everything) (?:would |will |to |could )?(?:all |just )?(?:ends?|stops?|be over|is over|be [“\"]?(?:sorted out|resolved|settled)|come to an end)\b"
     r"|(?:want|wish|wanted|wants|wishing|hope|hoped|hoping|long|longing|yearn\w*|desire\w*) (?:just )?to (?:end|stop|halt) (?:the |this |more than |their |a )|desire for (?:peace|an end|talks|negotiations)|strong desire for peace", 0.6),
    # life described by those who live it: "told Radio Dabanga that the situation in the city is “tragic”", "The situation
    # has been described by residents and observers as increasingly dire" (the speaker or the "by" group is the holder)
    (r"(?:situation|conditions|life|living conditions) (?:in (?:the |their |our )?(?:\w+ ){0,2})?(?:is|was|are|were|remains?|has become|had become|have become) (?:now |still |increasingly |very |extremely |truly )?[“\"']?(?:tragic|catastrophic|dire|terrible|horrible|horrific|unbearable|hellish|a nightmare|a living hell|grim|dreadful|desperate)\b"
     r"|describ\w* (?:by (?:[\w’'-]+ ){1,6})?as (?:increasingly |very |extremely |truly )?[“\"']?(?:tragic|catastrophic|dire|terrible|horrible|horrific|unbearable|hellish|a nightmare|a living hell|grim|dreadful)\b", 0.5),
    # verdicts on the war or the deployment: "military cooperation ... is “a mockery of international law”", "a completely
    # unnecessary war"; an end wished for: "the NIS thinks an early end to the war is desirable"
    (r"(?:a |an )?(?:mockery|travesty|farce|sham) of|(?:is|was|are|were) (?:a |an )?(?:\w+ )?(?:mockery|travesty|farce)\b"
     r"|(?:completely |totally |utterly )?unnecessary (?:war|conflict|invasion|deployment|bloodshed|deaths)"
     r"|(?:an? )?(?:early|quick|swift|speedy|rapid|negotiated) end (?:to|of) (?:the |this )?(?:war|conflict|fighting) (?:is|was|would be) (?:desirable|preferable|necessary|needed|best|essential)", 0.6),
    # keeping kin out of it, refusing to go: "Sergei begged him not to go", "have refused to go to Ukraine",
    # relatives "urging Washington to help secure the release of all Ukrainian soldiers"
    (r"(?:begged|begs|urged|urges|pleaded with|implored|told) (?:him|her|them|his son|her son|their sons?|her husband) (?:not to go|to refuse|to stay (?:home|behind)|not to fight|not to sign)"
     r"|refus\w* to (?:go|return|be sent|deploy) (?:back )?to (?:ukraine|the front|war|the war|fight|the war zone|combat|the frontline)"
     r"|(?:urg|call|press|push|demand|plead|lobby|campaign|petition)\w* (?:[\w’'-]+ ){0,6}?(?:to )?(?:help )?(?:secure|win|obtain|for) the release of", 0.6),
    # refusing to serve: "vowing that they would rather go to prison than fight on the eastern front"
    (r"rather (?:go to (?:prison|jail)|die|flee|hide|desert|be jailed|be imprisoned) than (?:fight|serve|go to (?:war|the front))", 0.6),
    # a majority said to outweigh the other side: "those supporting peace far outweighed pro-war voices"
    (r"(?:supporting|backing|favou?ring|wanting|calling for) (?:peace|negotiations|talks|a ceasefire|an end to the war)\b[^.;]{0,30}?\b(?:far |vastly |greatly )?(?:outweigh\w*|outnumber\w*)"
     r"(?: (?:the )?(?:[\w’'-]+ ){0,2}?(?:voices|supporters|backers|camp|side|those)\b)?", 0.6),
    # "Residents of southern Lebanon are facing renewed terror"
    (r"fac(?:e|es|ed|ing) (?:renewed |growing |constant |daily |new |fresh |mounting |continued |ongoing )?(?:terror|fear|dread|panic|anxiety|despair)\b", 0.5),
    # "52% would like the countries to agree on ending the war as soon as possible", "those who advocate an early end to
    # the conflict", "believe the time has come for official peace negotiations"
    (r"(?:would like|want\w*|wish\w*|prefer\w*) (?:[\w’']+ ){0,5}?(?:to )?(?:agree (?:on|to) )?(?:ending|end) (?:the |this )?(?:war|conflict|fighting|hostilities)"
     r"|advocat\w* (?:for )?(?:an? |the )?(?:(?:early|quick|swift|speedy|immediate|rapid|negotiated) )?end (?:to|of) (?:the |this )?(?:war|conflict|fighting|hostilities)"
     r"|(?:time has come|it is time|it's time|it’s time|time had come) (?:for|to) (?:[\w’']+ ){0,2}(?:peace|negotiat\w*|talks|a ceasefire|a truce|end the war|stop the war|make peace)", 0.6),
    # peace as the better course: "peace with Ukraine, without either side claiming more, might be the better path"
    (r"(?:peace|a (?:peace )?deal|a compromise|negotiations|talks|a ceasefire|a truce)\b[^.;!?]{0,80}?\b(?:is|was|would be|might be|may be|could be|will be) (?:the |a )?(?:better|best|only|right|wiser|wisest) (?:path|way|option|solution|choice|course|outcome)", 0.5),
    (r"(?:no one|no-one|nobody|none of us|none of them) (?:\w+ )?wants? to (?:fight|die|serve|go|return|continue)"
     r"|(?:do|does|did)(?: not|n't|n’t) want (?:to see )?(?:a return to|a repeat of|another|more|to (?:fight|die|serve|go (?:to|back to) (?:the )?(?:war|front)))", 0.6),
    # "calls for reservists to finally be allowed to return home"
    (r"(?:call\w*|demand\w*|push\w*|campaign\w*|plead\w*|appeal\w*) (?:\w+ ){0,2}for (?:\w+ ){0,4}to (?:\w+ ){0,4}(?:return|come|go) (?:back )?home", 0.6),
    (r"bring (?:\w+ ){0,3}(?:back|home)", 0.5),  # asked for, not reported as done or impossible: see CUE_NEEDS_BEFORE
    (r"want\w* (?:our |my |their |them |him |her )?(?:\w+ ){0,2}back(?: home| alive)?\b", 0.5),
    (r"(?:war|fighting|hostilities) (?:\w+ ){0,3}to (?:end|stop)|(?:end|stop) (?:to )?the (?:war|fighting|hostilities)", 0.5),
    (r"leaning towards peace|(?:warm\w*|come|came|coming|comes) (?:up |a?round )?to (?:the idea of |the prospect of )?(?:negotiat\w*|talks|peace|a ceasefire|a truce|a (?:peace )?deal|compromise|concessions)|favou?r\w* (?:of )?(?:a shift to )?(?:peace|negotiations|talks|a ceasefire)", 0.5),
    (r"(?:peace )?(?:negotiations|talks) (?:should |to )?(?:be )?(?:start|begin|open|resume)\w*", 0.5),
    # indifference and apathy: "the dominant mood is one of indifference", "not interested in politics"
    # more affect words (weak: they count only when the unit says who feels them)
    (r"(?:emotional|psychological|mental|heavy) (?:toll|strain)|(?:with )?(?:a )?heavy heart|pressure cooker|breaking point|claustrophob\w*|bated breath|despondent|dejected|forlorn|downcast|bewilder\w*|humiliat\w*|terrori[sz]ed|numb|seething|exasperat\w*|mistrust\w*|wary|heartsick|resigned to", 0.4),
    (r"indifferen\w*|(?:not|no longer) interested in (?:politics|the war|the news|news)", 0.4),
    # "Palestinians describe dire conditions"
    (r"describ\w* (?:\w+ ){0,2}?(?:dire|desperate|horrific|horrendous|appalling|catastrophic|unbearable|terrible|apocalyptic) (?:conditions|situation|circumstances|scenes)", 0.5),
    # desperation: "We were hoping for a miracle"
    (r"(?:hop\w*|pray\w*|wait\w*) for a miracle", 0.5),
    # a drop in will: "40% of soldiers reported feeling slightly or significantly less motivated to serve"
    (r"less (?:motivated|willing|eager|determined|enthusiastic)|(?:sense|feeling) of (?:vulnerability|insecurity|helplessness|dread|abandonment)", 0.5),
    # alarm voiced: "Seoul expressed alarm over the troop deployment"; unrest among the people: "agitation from the people"
    (r"(?:express\w*|voic\w*|shar\w*) (?:deep |grave |serious |growing |great )?alarm|agitation (?:from|among|in) (?:the )?(?:people|population|public|residents|families|soldiers|troops)", 0.6),
    # ready to give ground for an end: "voice readiness for territorial compromise to halt the destruction"
    (r"(?:readiness|ready|willing\w*|open(?:ness)?|prepared) (?:\w+ ){0,2}?(?:for|to (?:accept|make|consider)) (?:a |any |some )?(?:territorial )?(?:compromises?|concessions)", 0.5),
    # a verdict given by calling it so: "in what he called a dangerous and destabilizing development"
    (r"(?:called|calling|calls|described|describing|termed|labell?ed|branded) (?:it |this |that |the (?:move|deployment|decision|war|invasion|dispatch) )?(?:as )?an? [\"“‘']?(?:[\w-]+ ){0,2}?"
     r"(?:dangerous|destabili[sz]ing|reckless|provocative|provocation|grave|serious threat|illegal|unjustified|unprovoked|criminal|catastrophic|escalation)\b", 0.6),
    # evading the draft: "young men are fleeing the country to avoid conscription", "hiding to escape mobilisation"
    (r"(?:avoid\w*|escap\w*|evad\w*|dodg\w*) (?:\w+ ){0,2}?(?:conscription|the draft|being drafted|drafting|mobili[sz]ation|military service"
     r"|(?:the )?call-?ups?|forced recruitment|being (?:conscripted|mobili[sz]ed|sent to the front))", 0.6),
    # collective demands to end it: "families of the hostages rallied in Tel Aviv demanding a deal"
    (r"(?:rall(?:y|ied|ies|ying)|march(?:ed|es|ing)?|gather(?:ed|ing)?) (?:[\w’'-]+ ){0,6}?(?:demand\w*|call\w* for|urg\w*|press\w* for) "
     r"(?:an? |the |their )?(?:\w+ ){0,2}?(?:deal|ceasefire|cease-fire|truce|release|return)\b", 0.6),
)

POSITIVE_CUES: tuple[tuple[str, float], ...] = (
    # resolve to hold on: "they never think of giving up", "committed to enduring the war for as long as necessary"
    (r"(?:never|not|won['’]t|will not|refuse to|no intention of|no thought of) (?:\w+ ){0,3}?(?:give|giving) (?:up|in)\b(?! (?:\w+ )?(?:land|territor\w*|regions?|crimea|donbas|any|the|their|our|its))"
     r"|(?:endur\w*|persist\w*|fight\w* on|withstand\w*) (?:\w+ ){0,4}?(?:for )?as long as (?:necessary|needed|it takes|required)", 0.6),
    # a deal rejected by a group backs the fighting: "the deal has been rejected by many Armenians because it allows ..."
    (r"(?:deal|agreement|ceasefire|cease-fire|truce|peace plan|accord) (?:\w+ ){0,3}?(?:rejected|opposed|denounced|condemned) by", 0.5),
    # public backing: "the renewed war against the Al Shabaab enjoys popular backing"
    (r"(?:enjoy\w*|ha[sd]|have|with|won|wins|commands?) (?:\w+ )?(?:popular|public|broad|widespread|overwhelming|strong) (?:backing|support)(?! for (?:peace|a ceasefire|talks|negotiations|a deal))", 0.6),
    # defiance under attack: "vowed not to be broken by Russia's aerial blitz", "will not be ground down"
    (r"(?:not|never|won['’]t|refuse to) (?:\w+ ){0,2}?be (?:broken|beaten|cowed|intimidated|ground down|defeated|brought to (?:our|their) knees)", 0.6),
    # a duty called sacred: "the operation ... was 'a sacred mission'"
    (r"(?:sacred|holy) (?:mission|duty|cause|war|struggle)", 0.6),
    # rallying to the leadership: "they have consolidated around the Kremlin"
    (r"consolidat\w* (?:a)?round (?:the )?(?:kremlin|government|leader\w*|president|flag|regime|army|authorities|putin)", 0.6),
    # wanting war (negated: "they do not want another war" is negative)
    (r"want(?:s|ed)? (?:a |another |any |the |more )?(?:new |wider |big )?(?:war|conflict|escalation|bloodshed)\b", 0.5),
    (r"support(?:s|ed|ing|ive|ers?)?|backing|back(?:s|ed)? (?:(?:such|the|a|an|this|that|its|their) )(?:[\w’'-]+ ){0,4}?(?:war|deployment|operation|decision|deal|agreement|plan|proposal|ceasefire|truce|negotiations|idea|(?:air )?strikes|campaign|offensive|attacks?|war effort|military action)"
     r"|prefer\w* (?:\w+ ){0,3}(?:war|fighting|military (?:action|pressure|operations?)|deal|agreement|ceasefire|negotiations|talks|truce)", 0.6),
    (r"approv(?:e|es|ed|al|ing)|endors\w*|applaud\w*|welcom(?:e|es|ed|ing)", 0.6),
    (r"prais\w*|hail(?:s|ed|ing)?|laud\w*|glorif\w*|extoll?\w*|commend\w*|celebrat\w*", 0.7),
    (r"honou?r(?:s|ed|ing)?|hero(?:es|ic|ism)?|martyrs?|noble|valou?r|brave(?:ry)?", 0.5),
    (r"cheer(?:ed|ing|s)|rejoic\w*|jubila\w*|elat(?:ed|ion)|euphori\w*|admir\w*|salut(?:e|ed|es|ing)|pa(?:y|id|ying) (?:\w+ )?tribute|rall\w* (?:behind|around)|thank(?:ed|ful|ing)?", 0.6),
    (r"pride|proud\w*|patriot\w*|loyal\w*|gratitude|grateful", 0.6),
    # devotion to the leader or country: "continuous expressions of unconditional love towards the supreme leader";
    # a state organ's pride in its troops: "The paper boasted that North Korean forces had ..."
    (r"(?:unconditional|boundless|fervent|deep|absolute|infinite|utmost) (?:love|loyalty|devotion|reverence|admiration) (?:for|to|towards?) (?:the |our |his |their )?(?:supreme leader|leader|motherland|fatherland|country|homeland|party|regime)"
     r"|boast\w* (?:that|of|about) (?:[\w’'-]+ ){0,3}(?:forces|troops|soldiers|army|fighters|units|sons)", 0.6),
    # praise of fighters and collective backing: "fought valiantly", "expressing solidarity with the armed forces",
    # "chanted 'Long live Pakistan Army'"
    (r"valiant\w*|courageous\w*|heroically|solidarity with (?:the |our |their |its )?(?:[\w’'-]+ )?(?:armed forces|army|troops|soldiers|military|forces|leadership|leaders?|government|president|supreme leader)"
     r"|chant\w* (?:\w+ ){0,2}[\"“']?long live|rall\w* (?:in support of|to support) (?:the |our |their )?(?:\w+ )?(?:armed forces|army|troops|soldiers|military)", 0.6),
    (r"(?:sense|wave|surge|upsurge|outpouring|burst|spirit|feelings?|fervou?r|rise) of (?:\w+ )?nationalism|nationalist (?:fervou?r|sentiment|feeling|mood)|patriotic (?:fervou?r|fever|zeal|upsurge|mood)|rall(?:y|ied|ying) (?:a)?round the flag|rally-(?:a)?round-the-flag", 0.5),
    (r"justif(?:y|ies|ied|ying|ication)|(?:the )?duty (?:of|to)|their duty|our duty", 0.6),
    # force justified as the only way: "left the government with no choice but to intervene militarily"
    (r"no (?:other )?(?:choice|option|alternative) (?:but|than) to (?:intervene|act|respond|fight|defend|strike|retaliate|use force"
     r"|go to war|take military action|launch)", 0.5),
    (r"hop(?:e|es|ed|ing|eful)|optimis\w*|confident|confidence|faith in|believe in (?:\w+ ){0,3}(?:victory|win)", 0.5),
    (r"enthusias\w*|satisf(?:ied|action)|happy|glad|delighted|thrilled|overjoyed|joy(?:ful|ous)?", 0.5),
    (r"positively|(?:positive|favou?rable) (?:views?|opinions?|emotions?|feelings?|attitudes?|ratings?|assessments?)", 0.6),
    (r"in favou?r", 0.5),
    # resolve: "ready to endure the war as long as it takes"
    (r"(?:ready|willing|prepared|determined|able) to (?:endure|withstand|bear|hold out)|endur\w* (?:the war )?(?:for )?as long as (?:it takes|necessary|needed|required)", 0.5),
    (r"(?:will|readiness|eagerness|resolve|resolution) to (?:continue |keep )?(?:fight\w*|resist\w*|defend)|(?:want\w*|wish\w*|urg\w*|call\w* (?:on|for)) (?:[\w’'-]+ ){0,3}to (?:fight on|keep fighting|continue (?:the )?(?:fight|fighting|resist\w*))|(?:ready|willing|prepared) to (?:give|sacrifice) (?:\w+ ){0,4}(?:life|lives|blood)|(?:would|will) give (?:my|our|his|her|their) (?:\w+ )?(?:life|lives)"
     r"|super-motivated|(?:highly|very|super|so) motivated|(?:was|were|am|is|are|feel|felt|remain\w*) (?:so |very |highly |super |still |really )?motivated", 0.5),
    (r"vow\w* to (?:fight on|fight|keep fighting|defend|win|press on|liberate|continue (?:the )?(?:fight|fighting|war|resistance))|(?:fight|fighting) (?:on )?(?:until|to) (?:final |total |complete )?(?:victory|the end|the last)"
     r"|(?:war|fighting|operation|offensive|military operations?) (?:should|must|to|will) (?:continue|go on|be continued)"
     r"|trust(?:s|ed)? (?:in )?(?:the )?(?:[\w-]+ )?(?:army|military|armed forces|forces|government|president|commanders?|leadership|troops|defenders|soldiers)", 0.6),
    (r"against (?:any |all )?(?:territorial )?concessions|(?:refus\w*|reject\w*|not ready for|oppos\w* to) (?:any |all )?(?:territorial )?concessions"
     r"|(?:willing|ready|determined|resolved?|continue) to (?:resist|fight on|keep fighting|continue the fight)|willingness to (?:resist|continue the fight|keep fighting)", 0.6),
    (r"want\w* (?:a |the |total |complete |full )?victory|belligerent|hawkish|pro-war|(?:keep|continue) fighting until", 0.5),
    (r"continu\w* (?:the )?(?:war|fighting|military (?:operations?|action))", 0.5),
    (r"(?:will|would|could|can|going to) (?:be able to )?(?:repel|win|defeat|return all)", 0.4),
    (r"(?:high|strong|good|unbroken|unwavering|stable|excellent|solid|robust) (?:morale|motivation|spirits|willingness to (?:keep )?fight\w*)|(?:morale|motivation|spirits?|mood) (?:\w+ ){0,4}(?:high|strong|unbroken|great|excellent|good|upbeat|buoyant|defiant|cheerful|optimistic|fortified|strengthened|bolstered|boosted|intact)\b", 0.5),
    (r"ability to (?:repel|resist|win|defeat|defend)", 0.4),
    # "speaks about his motivation to continue serving"
    (r"motivation to (?:continue |keep )?(?:serving|serve|fighting|fight|defend\w*)|motivated to (?:continue |keep )?(?:serving|serve|fighting|fight|defend\w*)", 0.5),
    # hope of victory: "we are months away from removing the government from power"
    (r"away from (?:a |the )?(?:total |final |complete )?(?:victory|winning|removing|toppling|overthrowing|capturing|taking|liberating|defeating|retaking)", 0.5),  # after "months": see CUE_NEEDS_BEFORE
    (r"determin\w* to (?:join|fight|defend|serve|win|keep fighting|continue)|(?:eager|ready|willing|volunteer\w*) to (?:join|fight|defend|serve|win|take up arms|bear arms)", 0.5),
    # "Pyongyang has vowed to back Russia until it achieves victory"; the justification "now we are fighting against Nazis"
    (r"vow\w* to (?:back|support|stand by|fight alongside|help) (?:[\w’'-]+ ){0,3}?until (?:it |they |we )?(?:achieves?|wins?|secures?|gains?) (?:a |the |final |total )*victory"
     r"|(?:fighting|fight|fought) (?:against )?(?:the )?(?:nazis|neo-nazis|fascists)", 0.5),
    # "I'm willing to contribute more and more to the Armed Forces", "hungry for the army ... to bring home a victory"
    (r"(?:eager|ready|willing|want\w*) to (?:contribute|donate|give|help)\w* (?:[\w’'-]+ ){0,4}?(?:to |for )(?:the |our )?(?:armed forces|army|troops|military|soldiers|war effort|defen[cs]e|front)"
     r"|hungry for (?:[\w’'-]+ ){0,6}?victory|(?:hungry|eager|want\w*|expect\w*) (?:for )?(?:[\w’'-]+ ){0,6}?to bring home (?:a |the )?victory", 0.5),
    # staying put as defiance: "this is our land and we will stay here no matter what"
    (r"(?:will|shall) (?:stay|remain) (?:here )?no matter what|(?:will|shall) (?:never leave|not leave|rebuild)", 0.4),
    (r"resolute|undaunted|unfazed|reassured|heartened|united behind", 0.4),
    (r"resilien\w*|determination|defian\w*|steadfast\w*|undeterred|unbowed", 0.4),
)

MIXED_CUES: tuple[tuple[str, float], ...] = (
    (r"divided|split over|polari[sz]\w*|ambiguous|ambivalen\w*|mixed (?:feelings|views|emotions|reactions)", 0.5),
    (r"(?:argue|debate)\w* (?:as to |over |about )?whether|heated debate|controvers\w*", 0.4),
)

# Affect words that also describe things other than opinions ("suffered losses", "fear
# of flooding", "support for Bluetooth"): a cue matching this counts only when the
# sentence names who feels it (a holder noun, a pronoun continuing the previous
# holder, a quotation's speaker, a poll). Opinion words (oppose, criticize, protest,
# praise, approve, "support for the war") count on their own, and so does a society's state named
# as such ("But war fatigue had long set in": the public by default).
WEAK_CUE = re.compile(
    r"(?:burn|emotional|psychological|mental|heavy|with|pressure|breaking|claustrophob|bated|despondent|dejected|forlorn|downcast|bewilder|humiliat|terrori|numb|seething|exasperat|mistrust|wary|heartsick|resigned"
    r"|resolute|undaunted|unfazed|reassured|heartened|united"
    r"|indifferen|interested|rebuild|leave|stay|remain|rage|bleak|grim|disbelief|stunned|hardship|regret|happy|glad|delighted|thrilled|overjoyed|joy|scar|frighten|nightmar|alarm|upset|traumati|apprehensi|jittery|cheer|thank|admir|salut|backlash|jubila|elat|euphori|rejoic|horrif|disgust|suffer|pain|bitter|fear|afraid|scared|terrified|dread|panic|worr|anxi|uneas|unrest|nervous|distress|disturbed|troubled"
    r"|concern|shock|frustrat|disappoint|devastat|heartbr|despair|anguish|agony|(?<!war )(?<!war-)fatigue|tired|weary|(?<!war )(?<!war-)weariness|apathy|hell|absurd"
    r"|wrong|unfair|unjust|senseless|pointless|meaningless|unbearable|miser|depress|gloom|hopeless|pessimis|hope|optimis"
    r"|confiden|faith|proud|pride|honou?r|hero|martyr|noble|valou?r|brave|loyal|patriot|gratitude|grateful|duty|their duty|our duty|the duty"
    r"|celebrat|welcom|enthusias|satisf|support(?!\s+(?:for|of|among)\b)|backing|dead end|stalemate|divided|split|polari|ambiguous"
    r"|ambivalen|mixed|debat|argu|heated|controvers|cannon|meat|expendable|sacrificial|refus|skeptic|sceptic|distrust|critical"
    r"|negativ|positiv|dismay|sorrow|weep|wept|tearful|griev|grief|mourn|laud|applaud|commend|approv|(?:will|would|could|can)\s"
    r"|ability|believe|faith|continu|in favou?r|rat|tired|exhaust|sad|doubt|question|rais|going|high|strong|good|unbroken|unwavering|low|poor|morale)",
    re.IGNORECASE,
)
PRONOUN_SUBJECT = re.compile(r"\b(?:he|she|they|we|i|his|her|their|our|its|some|others|many|most)\b", re.IGNORECASE)

# Cues that count only after certain words (checked on the 60 characters before the cue).
# Written this way rather than as one regex starting with the common word ("is", "to",
# "made"), which Python's re would try at every occurrence of that word.
CUE_NEEDS_BEFORE: dict[str, re.Pattern[str]] = {
    r"tired|exhausted|sad|demorali[sz]ed": re.compile(
        r"(?:\b(?:are|is|was|were|am|be|been|feel\w*|felt|seem\w*|look\w*|grow\w*|grew|become|became|remain\w*|get\w*|got)|\bi['’]m|\w['’]re|\b(?:he|she|it|that|who|everyone|everybody|nobody)['’]s)\s+(?:\w+\s+){0,2}$"
        r"|\b(?:troops|soldiers|men|women|residents|servicemen|people),\s+$",
        re.IGNORECASE,
    ),
    r"bleak|grim": re.compile(
        r"\b(?:are|is|was|were|be|been|seem\w*|look\w*|grow\w*|grew|become|became|remain\w*|got|get\w*|turn\w*)\s+(?:so\s+|very\s+|increasingly\s+)?$", re.IGNORECASE
    ),
    r"(?:as )?(?:poor|bad|unsatisfactory|a failure|subpar|sub-par|inadequate|mediocre|weak)": re.compile(r"\brat(?:e|es|ed|ing)\s+(?:[\w’']+\s+){0,4}$", re.IGNORECASE),
    r"resign|step down": re.compile(r"\b(?:should|must|to|demand\w*|call\w*\s+for)\s+(?:\w+\s+){0,2}$", re.IGNORECASE),
    r"against(?! (?:any |all )?(?:territorial )?concessions)": re.compile(
        r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ied|ies|ying)|march\w*|chant\w*|spoke|speak\w*|campaign\w*|vot\w*|turn\w*|rise|rose|risen|rising|mobili[sz]\w*)\s+(?:out\s+)?$",
        re.IGNORECASE,
    ),
    r"concerning": re.compile(r"\b(?:is|are|was|were|very|deeply|extremely|most|increasingly|so)\s+$", re.IGNORECASE),
    r"death sentence|death trap|suicide mission": re.compile(r"\b(?:is|was|as|like|means|be)\s+[“\"‘']?(?:a\s+|the\s+|certain\s+)?$", re.IGNORECASE),
    r"bring (?:\w+ ){0,3}(?:back|home)": re.compile(
        r"(?:\b(?:demand\w*|call\w*|ask\w*|appeal\w*|plead\w*|beg\w*|urg\w*|want\w*|wish\w*|hope\w*|pray\w*|please|help|to|must|should|will|would)\s+(?:[\w’']+\s+){0,5}|^\W*|[.!?“\"]\s*)$",
        re.IGNORECASE,
    ),
    r"critics? of (?:the |its |their |his |her |this )?(?:[\w’'-]+ ){0,3}?(?:war|invasion|regime|government|kremlin|deployment|putin|operation|mobili[sz]ation|actions|policy|polic(?:y|ies)|leadership|president|junta)": re.compile(
        r"\b(?:become|became|becoming|are|is|was|were|been|remain\w*|among|vocal|fierce|harsh|outspoken|leading|active|staunch|prominent|sharp|bitter|loudest|biggest|fiercest|harshest|open)\s+(?:[\w-]+\s+){0,3}$",
        re.IGNORECASE,
    ),
    r"away from (?:a |the )?(?:total |final |complete )?(?:victory|winning|removing|toppling|overthrowing|capturing|taking|liberating|defeating|retaking)": re.compile(
        r"\b(?:weeks|months|days|years|steps?|not\s+far|only)\s+$", re.IGNORECASE
    ),
    r"impossible": re.compile(r"\b(?:made|make|makes|making)\s+(?:[\w’']+\s+){0,3}$", re.IGNORECASE),
}

# Cheap gate: a unit is searched for cues only if one of its words starts with one of
# these stems (a stem ending in "$" must be the whole word, or its -s/-ed/-ing form). Every cue above contains at least one word starting with a stem here
# (tests/test_sentiment.py checks this on the dev set and on example phrases).
CUE_TRIGGER_STEMS: tuple[str, ...] = tuple(
    """
    consolidat less$ sense$ feeling$ sacred holy broken beaten cowed intimidated ground$ cry$ cries$ avoid escap evad persist withstand called calling calls describ termed label branded enjoy command agitation readiness ready$ prepared openness willing want march$ marched marches marching gather oppos against critic condemn denounc decr complain grumbl grievanc lament mourn griev grief sorrow weep
    wept tearful crying cried anger angr furious fury outrag indignan enrag incens resent bitter disgruntl
    discontent dissatisf displeas unhapp fear afraid scared terrified dread panic terrif worr anxi uneas unrest
    nervous distress disturbed troubled concern frustrat dismay devastat despair heartbr anguish agony shock
    disillusion disappoint weary weariness fatigue apathy tired negativ critical protest suffer pain miser
    hell absurd wrong unfair unjust senseless pointless meaningless unbearable skeptic sceptic distrust refus
    dead$ stalemate price$ cost$ cannon unlikely unwilling reluctant resign meat sacrificial expendable end$
    return$ ceasefire cease cessation demobili withdraw peace truce bring$ stop$ leaning favo negotiations
    talks$ prevent spare$ clamor clamour
    support backing backed backs back$ approv endors applaud welcom prais hail laud glorif extol commend
    step$ celebrat honor honour hero martyr noble valor valour brave pride proud patriot loyal gratitude grateful boast unconditional boundless fervent absolute infinite utmost
    justif duty hop optimis confiden faith victory win$ enthusias satisf positiv continu repel defeat abilit
    death$ suicide divided split polari ambiguous ambivalen mixed argu debat heated controvers depress gloom exhaust sad
    morale demorali doubt question motivation spirit willingness pessimis hopeless poor$ bad$ unsatisfactory failure subpar sub-par inadequate mediocre weak$ important$
    preferab priorit unfavo impossible halt refusal declin unwilling reluctan
    serve$ fight$ dodg desert shame disgrace illegal needless demand appetite trust determin eager willing choice$ wait
    volunteer ready$ wearied attack motivat defend life$ lives$ blood$ disapprov outcry uproar furor mistake blunder catastroph disaster vow negotiat long$ longing trust concession give$ giving$ gave$ cede ceding unpopular resist streets$ abandon betray neglect forgotten deceiv cheat helpless accus blam desperat enough fed$ sick$ resilien defian steadfast undeterred unbowed
    determination horrif appall alarm disgust distraught trauma upset infuriat irate livid aggrieved embitter dishearten apprehensi
    burn repeat$ toll$ strain$ cooker$ breaking$ claustrophob breath$ despondent dejected forlorn downcast bewilder humiliat terrori numb$ seething exasperat mistrust wary$ heartsick resigned
    take$ rather outweigh outnumber queues mockery travesty farce sham unnecessary begged begs implored refused refuse nazis fascists vow urg describ
    fervo zeal situation conditions$
    resolute undaunted unfazed reassured heartened united$ valiant courageous heroically solidarity chant petition plead appeal decepti inhuman cynical
    indifferen interested heartache reject away$ tears$ heart$ nationalis flag$ yearn arms$ stay$ remain$ rebuild leave$ brac dark$ prioriti answers$ justice$ truth$ galling maddening intolerab unacceptab stand$ bear$ tolerat endur resignation
    rage bleak grim$ die$ worst$ responsib crime crimes$ illegal unlawful criminal violation genocide aggression threat threatened danger enemy
    violat contraven breach flout
    jittery edge$ disbelief stunned hardship slam deplor rebuk lambast excoriat rail lash$ hit$ spoke$ speak anti-war antiwar dissent backlash cheer rejoic jubila
    elat euphori admir salut tribute rall thank despis prefer scar frighten nightmar regret happy glad delighted thrilled overjoyed joy hate hatr loath detest terror wave desire belligerent hawkish pro-war mood opinion
    """.split()
)

# Gate words that can stand after the first word of a cue ("calls for an END to the war",
# "SAPPED Ukrainians' enthusiasm", "the DUTY of"): for these the cue search also tries
# the word starts up to 60 characters before; for every other gate word only the word
# itself. tests/test_sentiment.py checks this finds what a full scan finds.
LATE_TRIGGER_STEMS: tuple[str, ...] = tuple(
    """
    broken beaten cowed intimidated ground reject give giving end return stop peace talks negotiations ceasefire truce cessation demobili withdraw halt enthusias support
    morale confiden faith trust hope appetite serve fight important win repel defeat enough abandon betray neglect
    forgotten deceiv cheat helpless duty favo price cost streets account resign impossible poor bad
    unsatisfactory failure subpar sub-par inadequate mediocre weak tired exhaust sad demorali against motivation spirit willingness war back home fear
    accountability positiv negativ critical unfavo views view opinion emotion dodg weary question doubt victory
    repeat toll strain cooker breaking breath stand bear tolerat hop die dark interested arms rebuild leave stay remain answers justice truth know
    worst responsib crime crimes genocide aggression threat danger enemy illegal unlawful criminal violation
    mockery travesty farce unnecessary take choice
    fear tears heart nationalis flag tribute alarm edge life lives blood motivat resist defend terror horror despair anguish disbelief panic concession continu mistake blunder catastroph disaster negotiat
    """.split()
)

# Words that look like cues but report no one's feeling in these constructions.
CUE_EXCEPTIONS = re.compile(
    r"\b(?:(?:deployed|sent|dispatched|troops?|soldiers?|forces|units?|weapons|artillery|military)\s(?:\w+\s){0,4}to\ssupport"
    r"|in\ssupport\sof\s(?:the\s)?(?:russian|ukrainian|israeli|north\skorean)?\s?(?:troops|forces|army|military)"
    r"|military\ssupport|support\sfor\s(?:ukraine|russia|israel)'?s?\s(?:army|military|forces)|(?:air|fire|firepower|artillery|logistic\w*|arms|weapons?|defen[cs]e|ammunition|rear|drone|naval|combat|medical)\ssupport"
    # support meaning aid: "we expect our support will be of practical help to the people of Ukraine"
    r"|(?:(?<=our\s)|(?<=its\s)|(?<=the\s)|(?<=their\s)|(?<=this\s)|(?<=such\s))support\s(?:\w+\s){0,5}(?:of\s)?(?:practical\s|real\s|great\s|substantial\s)?(?:help|humanitarian|aid|assistance|relief|reconstruction|recovery|refugees)"
    # a diplomatic appeal, not a hope about the war: "we hope that all parties will contribute to de-escalating"
    r"|hop(?:e|es|ed|ing)\s(?:that\s)?(?:all|both|the\stwo|the\s(?:relevant|concerned))\s(?:relevant\s|concerned\s)?(?:parties|sides|countries)"
    # a claim questioned is no one's view: "angry Russians question claims that society supports the war"
    r"|(?:question\w*|disput\w*|den(?:y|ies|ied|ying)|reject\w*|doubt\w*|challeng\w*|debunk\w*|dismiss\w*)\s(?:the\s)?(?:official\s)?(?:claims?|assertions?|notion|idea|narrative|propaganda|myth)\sthat\s(?:[\w’'-]+\s){0,5}"
    # leisure, not protest: "residents took to the streets and parks of the city, walking, shopping"
    r"|(?:took|take|taking|taken)\sto\sthe\sstreets\s(?=and\s(?:parks|squares|beaches|cafes|markets|shops)|(?:of\s(?:the\s)?[\w-]+\s)?(?:to\s)?(?:walk|shop|stroll|enjoy)|[^.;]{0,120}?(?:waving\s(?:\w+\s)?flags|solidarity\swith|to\scelebrate|celebrating|in\scelebration|cheering|rejoicing|in\ssupport\sof\s(?:the\s|our\s|their\s)?(?:armed|army|troops|soldiers|military)))"
    r"|for\sfear\sof|in\sfear\sof\sleaking|supporting\sfire|concern\sthat\s(?:the\s)?(?:weapons?|troops)"
    # a claim doubted is no one's view of the war: "expressed skepticism over claims that soldiers earn $2,000"
    r"|(?:skeptic\w*|sceptic\w*)\s(?:over|about|of|toward|towards|regarding)\s(?:the\s)?(?:official\s)?(?:claims?|reports?)\sthat\s(?:[\w’'-]+\s){0,5}"
    # a motive guessed at: "an attempt to cover up the sense of loss or dissatisfaction that residents may feel"
    r"|(?:attempt|effort|bid|move)\sto\s(?:cover\sup|hide|conceal|suppress|contain|quell|prevent|avoid|head\soff)\s(?:the\s|any\s|public\s)?(?:[\w’'-]+\s){0,4}?(?:loss|dissatisfaction|discontent|anger|dissent|unrest|grief|backlash|resentment)"
    r"(?:[^.;]{0,40}?(?:loss|dissatisfaction|discontent|anger|dissent|unrest|grief|backlash|resentment))?"
    # solidarity with a people is not support for a war: "to show their support for Palestinians"
    r"|support\sfor\s(?:the\s)?(?:palestinians|palestinian\speople|people\sof\s[a-z]+)"
    # an aim, not anyone's state: "a campaign aimed at undermining North Korean troop morale"
    r"|(?:aim\w*|design\w*|intend\w*|meant|seek\w*|sought|tr(?:y|ies|ied|ying))\s(?:at\s|to\s)(?:undermin\w*|boost\w*|rais\w*|lower\w*|break\w*|sap\w*|erod\w*|lift\w*|shor\w*\sup)\s(?:[\w’'-]+\s){0,4}(?=morale|motivation|spirits?|resolve|support)"
    r"|pain\w*\sof\s(?:the\s)?wound|hero\sof\sthe\srepublic\stitle"
    r"|(?:under|no|without)\s(?:any\s)?protest"
    r"|(?:made|make|making)\s(?:a\s)?(?:significant\s)?contribution"
    r"|(?:supported|backed)\sby"
    r"|martyrs?[’']?\s(?:hospital|brigades?|square|cemetery|day)"
    r"|the\s(?:most\s)?loyal(?:ists)?\b(?!\sto)"
    r"|hop(?:e|es|ed|ing)\sto\s(?!win|defeat|repel|see\s(?:an\s)?end)"
    r"|support\s(?:troops|units|forces|role|staff|vessels|ships|services|systems|roles)"
    r"|suffer(?:s|ed|ing)?\s(?:\w+\s){0,2}(?:loss(?:es)?|casualties|defeats?|damage|setbacks?|injur\w+|wounds?|blows?|strikes?|consequences|retaliation|punishment)"
    # threats and events, not feelings: "(the Houthis would) pay painful prices", "the devastating consequences of the conflict"
    r"|(?<=pay\s)(?:a\s)?(?:heavy|painful|high|steep|bitter)\s(?:\w+\s)?prices?|(?<=pay\sa\s)(?:heavy|painful|high|steep|bitter)\s(?:\w+\s)?price"
    r"|(?<=be\s|re\s|as\s)honou?red(?:\sas\s(?:\w+\s)?(?:heroes|martyrs?|patriots?))?|(?:(?<=been\s)|(?<=being\s))honou?red(?:\sas\s(?:\w+\s)?(?:heroes|martyrs?|patriots?))?"
    # one state's aid to another's war: "Pyongyang's growing support for Moscow's war"
    r"|(?<=[’']s\s)(?:growing\s|increasing\s|continued\s|expanding\s|deepening\s|military\s)?support\sfor\s(?:moscow|russia|pyongyang|north\skorea|kyiv|ukraine|israel|iran|tehran|hamas|hezbollah|the\shouthis)\b"
    r"|devastat\w+\s(?:[\w-]+\s){0,3}?(?:consequences|impact|effects?|toll|damage|blows?|attacks?|strikes?|floods?|fires?|losses|war|conflict|bombing|bombardment|earthquake|famine|offensive|shelling|humanitarian)"
    r"|in\scontrast\sto\s(?:this|that|these|those|the)\s[^,.;]{0,60}"
    # legislative acts, not attitudes: "approved a mobilization bill"
    r"|(?:approv\w*|endors\w*|back\w*|support\w*)\s(?:a\s|an\s|the\s|its\s)?(?:[\w-]+\s){0,3}(?:bill|law|budget|decree|amendment|resolution|motion|legislation)s?"
    # support meaning aid: "additional U.S. support for Ukraine", "seeking support from allies"
    r"|(?:additional|further|more|extra|western|u\.s\.|us|american|european|international|financial|economic|security|humanitarian|allied|foreign|continued|bipartisan|congressional)\ssupport\sfor\s(?!the\swar|the\sdeployment|the\sinvasion|the\sdeal|the\sgovernment|continuing|a\s)"
    r"|(?:seek\w*|sought|request\w*|need\w*|receiv\w*|secur\w*|get\w*|got|win|won|rally\w*|mobili[sz]\w*)\s(?:\w+\s){0,2}support\s(?:from|of)\s(?:its\s|their\s|the\s)?(?:allies|partners|donors|the\swest|western|nato|washington|europe)"
    r"|(?:economic|financial|material|living)\shardships?"
    r"|over\scontinu\w*\s(?:the\s)?(?:war|fighting)"
    # who is likelier to hold a view is a profile, not a report: "the respondents most likely to support the war"
    r"|(?:most|more|less|least)\slikely\sto\s(?:support|oppose|back|favou?r|approve)\w*"
    # criticism of the aid effort, not of the war: "deplore an insufficient humanitarian response"
    r"|(?:deplor\w*|criticis\w*|criticiz\w*|complain\w*|lament\w*)\s(?:\w+\s){0,3}(?:humanitarian|aid|relief|donor)\s(?:response|effort|funding|shortfalls?|cuts)"
    # aid agencies' concern is about aid, not an attitude to the war
    r"|(?:aid|humanitarian|relief)\s(?:agencies|groups|organi[sz]ations|workers)\s(?:have\s|had\s)?(?:voiced|expressed|raised|warned|sounded)\s(?:\w+\s)?(?:concerns?|alarm|fears?)"
    # "the UN's humanitarian chief, expressed deep alarm over reports of fighters advancing"
    r"|(?:humanitarian|relief|aid|refugee)\s(?:chief|coordinator|head|official|agency)\b[^.;]{0,60}?(?:express\w*|voic\w*|rais\w*)\s(?:deep\s|grave\s|serious\s)?(?:alarm|concerns?)"
    # "The Office for the Coordination of Humanitarian Affairs (OCHA) is gravely concerned about the ongoing displacement"
    r"|(?:ocha|unhcr|unicef|unrwa|wfp|iom|icrc|msf|humanitarian\saffairs|refugee\sagency|children's\sfund|food\sprogramme|red\scross|red\screscent)\)?\s(?:\(\w+\)\s)?"
    r"(?:is|are|was|were|has\sbeen|remains?|said\sit\swas)\s(?:\w+\s)?(?:concerned|alarmed|worried|appalled|horrified)"
    r"|patriots?\s(?:air\sdefen[cs]e\s)?(?:systems?|missiles?|batter(?:y|ies)|launchers?|interceptors?|units?)"
    r"|(?:package|aid|assistance|funding|weapons|systems|money|loans?|grants?|tranche)\s(?:\w+\s){0,3}support"
    r"|support\s(?:\w+\s)?(?:ukraine|kyiv|israel|taiwan)['’]s\s(?:\w+\s)?(?:defen[cs]es?|army|military|forces|economy|budget|energy|grid|needs)"
    r"|(?:call\w*\s(?:on|upon)|urg\w*|ask\w*|appeal\w*\sto)\s(?:the\s)?(?:[\w-]+\s){0,3}to\ssupport\s(?:us|them|the\s(?:families|victims|displaced|people|population|region|city))\b"
    r"|support\w*\s(?:ukraine|kyiv|israel|taiwan)\b(?=[^.;]{0,120}\b(?:aid|package|weapons|ammunition|assistance|arms|funding)\b)"
    r"|thank\w*\s(?:the\s)?(?:\w+\s){0,2}for\s(?:its|their|his|her|the)\s(?:continued\s|unwavering\s|steadfast\s)?(?:support|help|assistance|aid)"
    # the political camp, not an attitude: "opposition protests", "opposition parties" (the protest itself still counts)
    r"|opposition\s(?=(?:protests?|parties|party|leaders?|figures?|groups?|politicians?|activists?|candidates?|media|lawmakers?|rall(?:y|ies)|movement)\b)"
    # holidays, not the war: "the difficulty of celebrating the end of Ramadan"
    r"|celebrat\w*\s(?:\w+\s){0,3}(?:ramadan|eid|christmas|easter|new\syear|birthdays?|holidays?|weddings?|anniversar\w+|hanukkah|passover|diwali|nowruz)"
    # tears of joy: "tearful ... gathered to celebrate"
    r"|(?:tearful|in\stears|wept|weep\w*)(?=[^.!?]{0,160}\b(?:celebrat|jubila|rejoic|overjoy|cheer))|tears\sof\sjoy"
    # support that fell to a level still above half is still majority support: "The support fell to 75% in June"
    r"|(?:support|approval)\s(?:\w+\s){0,6}(?:fell|dropped|declined|slipped|dipped|decreased)\s(?:\w+\s)?to\s[5-9]\d(?=(?:\.\d)?\s?(?:%|percent|per\scent))"
    # appeals for calm, not an attitude: "urged the population not to panic", "we call on both India and Pakistan to prioritize peace"
    r"|(?:not\sto|to\snot|no\sneed\sto)\s(?:panic|worry|fear|be\s(?:afraid|alarmed|scared))"
    r"|(?:call\w*\s(?:on|upon)|urg\w*|appeal\w*\sto|ask\w*|encourag\w*)\s(?:both|all)\s(?:[\w’'-]+\s){0,4}?to\s\w+"
    # anonymity explained: "asking not to use his name due to fear of reprisal"
    r"|(?:due\sto|out\sof|because\sof|citing|over)\s(?:a\s)?fears?\sof\s(?:reprisals?|retribution|retaliation|punishment|repercussions|arrest|persecution|being\s(?:identified|named))"
    # forecasts of the outcome: "25% expect the fighting to end in a stalemate"
    r"|(?:end|ends|ended|ending|result\w*|finish\w*)\sin\s(?:a\s)?stalemate"
    r"|(?:expect\w*|predict\w*|forecast\w*|anticipat\w*)\s(?:that\s)?(?:the\s)?(?=(?:war|fighting|conflict|hostilities)\s(?:\w+\s){0,2}(?:to|will|would)\s(?:end|stop|be\sover))\w+"
    # how long it will last: "believe the war will continue for longer than four more months"
    r"|(?:expect\w*|predict\w*|forecast\w*|anticipat\w*|believ\w*|think\w*|thought)\s(?:that\s)?(?:the\s)?(?:war|fighting|conflict|hostilities)\s(?:\w+\s){0,2}(?:to|will|would|could|may|might)\s(?:continue|last|go\son|drag\son)\b"
    # beliefs about the other side's means: "experts doubt that the militia has such a capacity"
    # ("growing confidence that the Houthis are unable to hit the jets"), and the state of the front ("said the war is in a stalemate")
    r"|(?:doubt\w*|confiden\w*)\s(?:that\s|whether\s|if\s)?(?:[\w’'-]+\s){0,5}(?:(?:ha[sd]|have|possess\w*)\s(?:\w+\s){0,2}(?:capacity|capability|capabilities|means|resources|ability|strength|manpower|weapons)|(?:is|are|was|were)\s(?:unable|not\sable|incapable))"
    r"|(?:(?<=\sin\sa\s)|(?<=\sat\sa\s)|(?<=\sis\sa\s)|(?<=\swas\sa\s))stalemate"
    # the other side of a comparison: "driven more by fear than genuine support"
    r"|than\s(?:genuine\s|real\s|true\s|actual\s|any\s)?(?:support|enthusiasm|loyalty|conviction|patriotism|pride)"
    # the political camp: "leaders from both the ruling party and the opposition"
    r"|(?<=\sand\sthe\s)opposition\b(?!\s(?:to|of|from|among|against)\b)|(?:the\s)?opposition\s(?=(?:mps?|bloc|camp|benches|chief|alliance)\b)"
    # an international body's appeal is diplomacy: "The UN on Sunday called for an end to all military activities"
    r"|(?:un|united\snations|secretary-general|security\scouncil|eu|european\sunion|icrc|red\scross|vatican|pope|african\sunion|arab\sleague|osce|g7|nato)\s(?:[\w’'-]+\s){0,8}?(?:call\w*|urg\w*|appeal\w*)\s(?:for|on)\s(?:[\w’'-]+\s){0,3}?(?:end|halt|cessation|ceasefire|cease-fire|de-?escalation|restraint|truce)"
    # a regime's motive guessed at is no report: "to prevent dissent", "due to concerns about public sentiment"
    r"|(?:prevent\w*|avoid\w*|forestall\w*|head\w*\soff|pre-?empt\w*|ward\w*\soff|stave\w*\soff)\s(?:any\s|possible\s|potential\s|public\s|popular\s|domestic\s|further\s|a\s)*(?:dissent\w*|unrest|backlash|discontent|protests?|outrage|criticism|fear|panic|anxiety|alarm|anger|resentment)"
    r"|concerns?\s(?:about|over)\s(?:the\s)?(?:public|popular|domestic)\s(?:sentiment|opinion|reaction|backlash|mood|discontent|anger)"
    # a regime's fear of leaks: "The authorities are so concerned about information about the war ... leaking"
    r"|(?:concern\w*|worr\w*|afraid|fear\w*)\s(?:about|over|of|that)\s(?:[\w’'-]+\s){0,8}?(?:leak\w*|getting\sout|becoming\spublic|spreading)"
    # how troops will be used, forecast: "highly likely to be used as 'cannon fodder'"
    r"|(?:likely|expected|set|going|could|may|might|will|would)\s(?:(?:almost|most|very|quite|\w+ly)\s){0,2}(?:to\s)?be\s(?:used|sent|thrown|deployed)\sas\s?[\"“‘']?(?:cannon\sfodder|meat)"
    r"|(?:will|would|is\sgoing\sto|plans?\sto|intends?\sto)\s(?:\w+ly\s)?(?:continue\sto\s)?(?:use|send|throw)\s(?:them|these\s(?:troops|soldiers|men)|the\s(?:troops|soldiers))\s(?:\w+\s){0,3}?as\s?[\"“‘']?(?:cannon\sfodder|meat)"
    r"|support\s(?:package|funding|measures?|programs?|payments?)|thank\w*\s(?:that\s)?(?:it|the\swar|the\sfighting|this)['’]?s?\s(?:is\s|was\s)?over|slam\w*\s(?:into|on\sthe\sbrakes)|cheered\son\sby"
    r")\b",
    _I,
)

NEGATORS = re.compile(r"\b(?:not|no|never|nobody|none|neither|nor|hardly|barely|without|cannot|can['’]t|won['’]t|fail(?:s|ed)? to|\w+n['’]t)\b", _I)
# "not only ... but": not a negation
NEGATION_EXCEPTIONS = re.compile(
    r"\bnot\s+only\b|\bno\s+(?:doubt|matter)\b|\bnothing\s+is\s+impossible\b"
    # unable to voice a feeling is still having it: "suffering without being able to express their grievances"
    r"|\bnot\s+(?:our|my|their|your)$"  # "it's not our concern": indifference, not its opposite
    r"|\bno\s+one\s+to$|\bnobody\s+to$|\bno-one\s+to$"
    # a set phrase negates only itself: "proved without regret the power of the heroic army"
    r"|\b(?:without|no)\s+(?:any\s+)?(?:regrets?|hesitation|doubts?|exception|fail)\b(?=\s+\w)"
    r"|\b(?:without|unable\s+to|cannot|can't|not\s+able\s+to|afraid\s+to|too\s+afraid\s+to)\s+(?:being\s+)?(?:able\s+)?(?:to\s+)?(?:express|voice|show|air|hide|speak\s+of|talk\s+about|cry)\b",
    _I,
)
NEGATION_WINDOW_TOKENS = 18

# Objects that invert a stance toward the war: supporting peace is opposing the war;
# opposing a ceasefire or concessions is backing the war effort.
PEACE_OBJECTS = re.compile(
    r"\b(?:peace|ceasefire|cease-fire|truce|negotiat\w*|talks|concessions?|withdraw\w*|demobili[sz]\w*|cessation|deals?|agreements?|accords?|(?:the\s)?(?:war|fighting|conflict|hostilities)\s(?:\w+\s){0,2}?(?:will|would|might|could|may)\s(?:soon\s)?(?:end|stop|be\sover|finish)|(?:such\s|this\s|that\s)(?:an\s)?arrangement|understanding\sbetween|hostage\s(?:release|exchange|swap)|(?:deal|agreement)\s(?:\w+\s){0,4}(?:end|close|ceasefire)\w*|giv\w*\sup\s(?:any\s|some\s|its\s|their\s)?(?:\w+\s)?(?:land|territor\w*)|end(?:ing)?\s(?:to|of)\s(?:the\s)?(?:war|fighting|hostilities)|(?:to\s)?(?:end(?:ing)?|stop(?:ping)?|halt(?:ing)?)\s(?:the\s|this\s|all\s)?(?:war|fighting|hostilities|conflict|bombing|bombardment|shelling|(?:air\s?)?strikes|attacks|killing|bloodshed|violence)|(?:bring|brings)\s(?:the\s)?war\sto\sa\s(?:close|end)|(?:eas\w*|defus\w*|reduc\w*|lower\w*|calm\w*)\s(?:the\s)?tensions?|de-?escalat\w*|(?:suspend\w*|halt\w*|stop\w*|ban\w*|cut\w*|restrict\w*|freez\w*|block\w*|embargo\w*)\s(?:\w+\s){0,2}(?:arms|weapons)\b|arms\sembargo|not\sto\s(?:send|supply|provide|deliver|ship|deploy|give)\s(?:\w+\s){0,2}(?:arms|weapons|troops|soldiers|munitions|military\said))\b",
    _I,
)
PEACE_OBJECT_WINDOW = 80  # characters after the cue

CONTRAST_MARKERS = re.compile(
    r"(?:^|[,;:–—-]\s*|\s)(?:but|however|whereas|while|although|though|yet|on the other hand|in contrast|meanwhile|by contrast|still|despite|in spite of)\b",
    _I,
)

# --- majority and comparative constructions --------------------------------------------
MAJORITY = re.compile(
    r"\b(?:most(?!\s+likely)|majority|more than half|over half|just over half|three\s?[- ]\s?quarters|two[- ]thirds|vast|overwhelming|nearly all|almost all)\b",
    _I,
)
# shares in the formats news uses: "46%", "46 percent", "Sixty-one percent", "six in 10",
# "one in three", "two-thirds of"; group 1 is read by `share_value`
_NUMBER_WORDS = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
PERCENT = re.compile(
    r"\b((?:\d{1,3}(?:\.\d+)?|" + _NUMBER_WORDS + r")\s?(?:%|per\s?cent|percent)"
    r"|(?:\d|one|two|three|four|five|six|seven|eight|nine)\s(?:in|out\sof)\s(?:10|ten|\d|three|four|five)\b"
    r"|(?:a|one|two|three|four)[- ](?:thirds?|quarters?|fifths?)\s(?:of\b|\()|(?:a|one)\shalf\sof\b|half\sof\s(?:all\s|the\s)?(?:respondents|those|people|\w+ans|\w+is)\b)",
    _I,
)
# "More people view X negatively than positively", "more oppose than support"
COMPARATIVE = re.compile(
    r"\bmore\b(?P<mid>[^.;]{0,120}?)\b(?P<first>negative(?:ly)?|positive(?:ly)?|oppose\w*|support\w*|against|in favou?r)\b[^.;]{0,40}?\bthan\b[^.;]{0,40}?\b(?P<second>negative(?:ly)?|positive(?:ly)?|oppose\w*|support\w*|against|in favou?r)\b",
    _I,
)
FEWER_COMPARATIVE = re.compile(r"\b(?:fewer|less)\b[^.;]{0,80}?\b(support|approv)\w*", _I)

# a clause about how things were before ("Initially she was hopeful ..., but ..."): when a
# later clause of the unit has a cue, the earlier feeling is the past and is dropped
PAST_MARKER = re.compile(
    r"\b(?:initially|at first|in the beginning|at the (?:start|outset|beginning) of the war|early on|used to|previously|until recently|in the early days|in the first (?:days|weeks|months))\b",
    _I,
)

POLL_CONTEXT = re.compile(
    r"\b(?:polls?|polled|survey(?:s|ed)?|respondents?|those (?:polled|surveyed|asked)|sociolog\w*|levada|kiis|gallup|pew|ipsos|yougov|interviewees)\b",
    _I,
)
