"""Reported-sentiment extractor: one case per construction the issue lists, the seed article,
the article verdict rule, offsets, scores and the cue gate."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractors import sentiment_holder_words as hw
from extractors import sentiment_lexicon as lex
from extractors.model import HOLDERS, OVERALL, STANCES, SentimentReport
from extractors.sentiment import (
    _CUE_RE,
    _cue_matches,
    document_tone,
    extract_sentiment,
    has_cue_trigger,
    overall_verdict,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed_article.txt"
DEVSET = ROOT / "data" / "devsets" / "sentiment.jsonl"


def pairs(text: str) -> set[tuple[str, str]]:
    return {(r.holder, r.stance) for r in extract_sentiment(text).reports}


# (id, text, expected (holder, stance) pairs) -- every pair must be found
CONSTRUCTIONS = [
    ("cue-expressed-negative-views", "Some residents have expressed negative views about the deployment.", {("residents", "negative")}),
    ("cue-criticize", "Others, on the other hand, criticize the decision to send troops abroad.", {("public", "negative")}),
    ("cue-complain", "Villagers complain that their sons were sent to a war that is not theirs.", {("residents", "negative")}),
    ("cue-lament", "Mothers of conscripts lament the losses in private.", {("families", "negative")}),
    ("cue-oppose", "Many residents quietly oppose the deployment, a source said.", {("residents", "negative")}),
    ("cue-justify", "North Korean residents justify the sacrifice of soldiers deployed to Russia.", {("residents", "positive")}),
    ("cue-praise", "Kim Jong Un praised the heroic efforts of the troops, according to state media.", {("officials", "positive")}),
    ("cue-argue-whether", "Residents argue over whether dying abroad is the duty of the military.", {("residents", "mixed")}),
    ("cue-worry", "Parents of enlisted soldiers worry that their sons have been sent to Russia.", {("families", "negative")}),
    ("cue-are-saying", "People are saying the war is absurd and that the young men died for nothing.", {("public", "negative")}),
    ("cue-according-to-source", "According to a source in Ryanggang Province, residents are angry about the secrecy.", {("residents", "negative")}),
    ("cue-poll-support", "According to a Levada poll, 76% of Russians support the war.", {("public", "positive")}),
    ("cue-poll-breakdown", "In August, 46% of Russians \u201cdefinitely supported\u201d the war, 30% \u201crather supported,\u201d 8% \u201crather opposed\u201d and 9% \u201cdefinitely opposed.\u201d", {("public", "positive")}),
    ("cue-poll-even-split", "About half of Russians (48%) believe it is necessary to continue military operations, while 44% say peace negotiations should be started.", {("public", "mixed")}),
    ("peace-support-is-negative", "Most respondents favored negotiations and an end to the war.", {("public", "negative")}),
    ("comparative-more-negative", "\u201cMore people view the Russian deployment negatively than positively,\u201d the source said.", {("public", "negative")}),
    ("comparative-more-positive", "More residents view the decision positively than negatively.", {("residents", "positive")}),
    ("proportion-most-not-justify", "Most do not see the deaths of young soldiers in a foreign country as something they can justify.", {("public", "negative")}),
    ("quote-curly-negative", "One resident said, \u201cYoung men who haven\u2019t even gotten married are dying in a foreign country without leaving a name.\u201d", {("residents", "negative")}),
    ("quote-straight-negative", "A resident told us, \"Young men who haven't even gotten married are dying in a foreign country.\"", {("residents", "negative")}),
    ("quote-honor-positive", "Another resident stated, \u201cIn carrying out the orders of the fatherland, it is an honor to die or live.\u201d", {("residents", "positive")}),
    ("quote-duty-positive", "\"Dying for the fatherland is the duty of the military,\" a resident in Hyesan said.", {("residents", "positive")}),
    ("quote-parents-feel", "A resident shared his view. \u201cSoldiers sent to the Russian war are dying. How must their parents feel?\u201d", {("residents", "negative")}),
    ("quote-wrong", "Others say, \u201cSending our military to another country to lose their lives is wrong.\u201d", {("public", "negative")}),
    ("quote-single-marks", "One activist told a journalist: 'we are living in hell. They have taken people into slavery.'", {("other", "negative")}),
    ("negation-not-justify", "Residents say the deaths are not something they can justify.", {("residents", "negative")}),
    ("negation-do-not-support", "Most Israelis do not support continuing the war.", {("public", "negative")}),
    ("contrast-however-other-residents", "Some residents criticized the deployment. However, other residents have voiced differing opinions, asserting, \u201cSoldiers must be prepared to sacrifice their lives for the fatherland.\u201d", {("residents", "negative"), ("residents", "positive")}),
    ("contrast-but-same-holder-mixed", "Support for the war remains strong but there is fierce criticism of the government.", {("public", "mixed")}),
    ("holder-soldiers-families", "The soldiers' families are visibly distressed.", {("families", "negative")}),
    ("holder-parents", "Parents of North Korean soldiers are growing increasingly anxious.", {("families", "negative")}),
    ("holder-defector", "A North Korean defector expressed his devastation at seeing troops sent abroad as cannon fodder.", {("defectors", "negative")}),
    ("holder-the-party", "The Party hailed the sacrifice of the fallen as a noble feat.", {("officials", "positive")}),
    ("holder-state-media", "State media glorified the soldiers killed in Kursk as heroes.", {("officials", "positive")}),
    ("holder-respondents", "Respondents express fatigue and a noticeable sense of apathy.", {("public", "negative")}),
    ("holder-carry-over", "One such defector is Lee, a former soldier. Lee expressed his dismay at the deployment.", {("defectors", "negative")}),
    ("holder-experts-other", "Analysts criticized the decision to send the troops.", {("other", "negative")}),
    ("holder-complaints-from-troops", "Videos show complaints from Russian troops who were drafted last autumn.", {("soldiers", "negative")}),
    ("holder-soldier-speaker", "\u201cIf there was a hell on earth anywhere, it was in that city,\u201d says Artem Ruban, a soldier in the battalion.", {("soldiers", "negative")}),
    ("holder-named-speaker-other", "\u201cI am concerned that things can escalate, of course I am concerned,\u201d Kameli, a seamstress, said.", {("other", "negative")}),
    ("cue-refusal-to-serve", "Dozens of reserve soldiers announced their refusal to return to military service in Gaza.", {("soldiers", "negative")}),
    ("cue-low-morale", "Many Russian soldiers are said to be suffering from low morale.", {("soldiers", "negative")}),
    ("cue-high-morale-but-exhaustion", "For those in the trenches, while exhaustion is unavoidable, motivation remains strong.", {("soldiers", "mixed")}),
    ("cue-waning-support", "Fatigue has sapped Ukrainians\u2019 enthusiasm for the war.", {("public", "negative")}),
    ("cue-fear-has-spread", "Now, fear has spread that a broader war could erupt.", {("public", "negative")}),
    ("cue-rated-poor", "55% of respondents rated the prime minister\u2019s performance as poor, while 41% gave him a positive rating.", {("public", "negative")}),
    ("poll-share-after-cue", "Popular emotions were \u201cshock\u201d and \u201cpride\u201d (23 percent each). 13 percent felt indignant, and 11 percent were depressed.", {("public", "negative")}),
    ("poll-backing-a-deal-is-negative", "74% of respondents back such a deal, while 12% oppose an agreement that would bring the war to a close.", {("public", "negative")}),
    ("poll-context-carries", "In a new survey, Russians were asked what feelings the mobilization caused. Fear was the most common answer.", {("public", "negative")}),
    ("poll-number-words", "Sixty-one percent of Israelis back the second phase of the deal, while 26 percent prefer a return to fighting.", {("public", "negative")}),
    ("poll-in-ten", "Six in 10 Russians say they support the military operation, while one in four oppose it.", {("public", "positive")}),
    ("poll-breakdown-two-sentences", "In the survey, 58% of voters supported a deal ending the war. By contrast, 21% opposed such a deal.", {("public", "negative")}),
    ("cue-horrified-appalled", "Residents were horrified by the strike and appalled at the army's response.", {("residents", "negative")}),
    ("cue-slammed", "Opposition lawmakers slammed the government's handling of the war.", {("officials", "negative")}),
    ("cue-despise", "The law would force young men to serve an army many despise.", {("public", "negative")}),
    ("cue-rallied-behind", "Thousands of Russians rallied behind the troops in Moscow.", {("public", "positive")}),
    ("cue-want-war-to-end", "\"I just hope this terrible war ends soon,\" said Maria Petrenko, a teacher in Odesa.", {("other", "negative")}),
    ("cue-no-one-wants-to-fight", "One conscript described the mood: \u201cNo one wants to fight anymore. We only count the days.\u201d", {("soldiers", "negative")}),
    ("cue-mood-great", "\u201cThe mood in the unit is great,\u201d said a sergeant in the brigade.", {("soldiers", "positive")}),
    ("cue-death-sentence", "Being drafted is a death sentence, the 24-year-old says.", {("other", "negative")}),
    ("holder-speaker-after-cue", "We are exhausted, says infantryman Oleh, who has not had leave in a year.", {("soldiers", "negative")}),
    ("holder-civilians", "Some civilians feared a new offensive on the city.", {("public", "negative")}),
    ("holder-secretary-of-state", "The Secretary of State praised the courage of the defenders.", {("officials", "positive")}),
    ("holder-people-living-in", "People living in the border town say they are terrified of the shelling.", {("residents", "negative")}),
    ("holder-bare-many-after-contrast", "Residents of the port city survived the siege, but many are fearful of what comes next.", {("residents", "negative")}),
    ("holder-capital-as-government", "Moscow praised the courage of the allied troops in a statement.", {("officials", "positive")}),
    ("holder-leader-surname-verb", "Kim emphasized the valor of the army at the ceremony.", {("officials", "positive")}),
    ("quote-attributed-next-sentence", "\"It is terrifying. Where do we go? Nowhere is safe.\" 49-year-old Leila Haddad said.", {("other", "negative")}),
    ("negation-no-regrets", "The president said he had no regrets about launching the offensive.", {("officials", "positive")}),
    ("cue-in-shock", "Residents were still in shock on Friday after the strike on their street.", {("residents", "negative")}),
    ("cue-in-terror", "Patients fled the clinic in terror as the shelling came closer, a nurse said.", {("public", "negative")}),
    ("negation-unable-to-express", "Kim said the families must be suffering without being able to voice their grievances.", {("families", "negative")}),
    ("poll-support-decision-to-end-war", "In the survey, 70% of respondents would support a decision to end the war.", {("public", "negative")}),
    ("holder-among-a-population", "The raids spread fear and anger among a population already worn down by years of unrest.", {("public", "negative")}),
    ("holder-possessive-husband", "Since October, Dana Levi's husband has served three rounds of reserve duty. \u201cWe are exhausted and frightened every night,\u201d she said.", {("families", "negative")}),
    ("cue-against-concessions", "The survey found that 81% of Ukrainians are against any territorial concessions.", {("public", "positive")}),
    ("cue-ready-for-concessions", "Forty percent of Ukrainians are ready for territorial concessions to end the fighting sooner.", {("public", "negative")}),
    ("cue-most-oppose-vs-a-third", "A third of voters would accept concessions for a quick peace, although most still oppose giving up any land.", {("public", "positive")}),
    ("cue-unpopular", "The call-up was deeply unpopular across the country.", {("public", "negative")}),
    ("holder-first-person-kin", "\u201cWe want our husbands back alive,\u201d one of the protesters told reporters.", {("families", "negative")}),
    ("holder-complement-in-brackets", "\u201cThe wives and mothers of mobilised (men) are exhausted,\u201d Olga said.", {("families", "negative")}),
    ("holder-outside-the-ministry", "A group of women gathered outside the defence ministry, demanding the return of partners drafted to fight.", {("families", "negative")}),
    ("cue-disapprove", "A majority of Americans disapprove of how the president is handling the war, the poll found.", {("public", "negative")}),
    ("cue-celebrate-ceasefire-flips", "Gazans celebrated the ceasefire in the streets of Khan Younis.", {("public", "negative")}),
    ("cue-hoped-for-peace-flips", "Residents said they hoped for peace after months of bombardment.", {("residents", "negative")}),
    ("cue-vowed-to-fight-on", "The president vowed to fight on until victory.", {("officials", "positive")}),
    ("cue-war-should-continue", "Most respondents said the war should continue until all territory is liberated.", {("public", "positive")}),
    ("cue-called-a-mistake", "Critics called the invasion a mistake.", {("other", "negative")}),
    ("cue-outcry", "The decision sparked an outcry among parents of conscripts.", {("families", "negative")}),
    ("cue-trust-the-army", "Six in ten Russians trust the army, the survey showed.", {("public", "positive")}),
    ("cue-confidence-dropped", "Public confidence in the military has dropped sharply, a poll showed.", {("public", "negative")}),
    ("cue-should-negotiate", "Two-thirds of respondents believe the government should negotiate with Russia.", {("public", "negative")}),
    ("holder-object-after-transitive-cue", "Families of hostages on Sunday condemned Prime Minister Netanyahu's speech.", {("families", "negative")}),
    ("holder-military-personnel", "Many military personnel are simply exhausted, the president said in a radio interview.", {("soldiers", "negative")}),
    ("cue-will-to-fight", "In the survey, 93% of respondents expressed their will to fight for their homeland.", {("public", "positive")}),
    ("cue-attacked-the-decision", "The families' forum attacked the decision to return to fighting.", {("families", "negative")}),
    ("cue-tired-appositive", "Thousands of troops, tired and bereft, have walked away from their positions.", {("soldiers", "negative")}),
    ("holder-named-person-expressing", "Former cricketer Shahid Afridi led a rally in Karachi, expressing admiration for the armed forces.", {("other", "positive")}),
    ("negation-do-not-trust", "Those fleeing the region say they do not trust the new government.", {("public", "negative")}),
    ("holder-object-inside-cue", "Critics attacked the government's decision to extend mobilization.", {("other", "negative")}),
    ("holder-her-son", "She says she does not want to see a return to war, because her son was wounded.", {("families", "negative")}),
    ("holder-aside-not-subject", "The protesters, who included refugees from Karabakh, blamed the prime minister for the defeat.", {("public", "negative")}),
    ("holder-companion-not-speaker", "\u201cWe fear the war will get worse,\u201d said 55-year-old Mahasin Ahmed as she left the city with two relatives.", {("other", "negative")}),
    ("holder-she-after-collective", "The junta had just announced conscription, and she was terrified she would be forced to fight.", {("other", "negative")}),
    ("holder-apposition-ex-soldier", "Tseganesh Kassa, an ex-soldier from Shire who suffers from war-related disabilities, articulated her trauma.", {("soldiers", "negative")}),
    ("holder-first-person-quote-speaker", "Another resident said: \u201cSome people were frightened and dared not stay. We now live in fear.\u201d", {("residents", "negative")}),
    ("holder-asked-official-not-holder", "Sixty-two percent of Israelis said they want the government to prioritize a hostage deal.", {("public", "negative")}),
    ("holder-families-who-lived-are-residents", "The sound of drones has become a source of anxiety for families who once lived far from the front lines.", {("residents", "negative")}),
    ("cue-ready-to-endure", "Almost two-thirds of Ukrainians said they are ready to endure the war as long as it takes.", {("public", "positive")}),
    ("cue-past-feeling-dropped", "Initially residents were hopeful the fighting would subside, but now they are terrified.", {("residents", "negative")}),
    ("cue-can-no-longer-stand", "\u201cWe can no longer stand this insecurity in the country,\u201d a protester told AFP.", {("public", "negative")}),
    ("cue-happy-with-peace-deal", "The residents said they are very happy with the peace agreement that ended the conflict.", {("residents", "negative")}),
    ("holder-many-after-group-sentence", "A Sittwe resident said the shelling had not stopped for a week. Many have called for an end to the fighting.", {("residents", "negative")}),
    ("holder-troops-inside-morale-phrase", "Morale among Russian troops near Pokrovsk is said to be low, according to intercepted calls.", {("soldiers", "negative")}),
    ("holder-capital-after-preposition", "Crowds in Pyongyang cheered as the soldiers returned.", {("public", "positive")}),
    ("cue-felt-betrayed", "Mothers of conscripts gathered outside the ministry. Many said they felt betrayed.", {("families", "negative")}),
    ("cue-left-in-the-dark", "The soldiers' mothers say they have been left in the dark by the defence ministry.", {("families", "negative")}),
    ("cue-bracing-for-war", "Lebanese are bracing for a wider war, with many stocking up on fuel and food.", {("public", "negative")}),
    ("cue-indifference", "Most Muscovites say that the dominant mood is one of indifference to the ongoing fighting.", {("public", "negative")}),
    ("cue-not-our-concern", "\u201cGenerally speaking, it\u2019s not our concern,\u201d Svetlana, a pensioner in her 60s, said when asked about the war.", {("other", "negative")}),
    ("cue-waiting-for-it-to-end", "\u201cThe average Russian is just waiting for this to end,\u201d one Moscow resident said.", {("public", "negative")}),
    ("cue-willing-to-take-up-arms", "61.4 percent of respondents said they would be willing to take up arms to defend Taiwan if China attacked.", {("public", "positive")}),
    ("holder-units-low-morale", "Many units are understrength and dealing with low morale, field commanders have said.", {("soldiers", "negative")}),
    ("cue-affect-despondent", "Residents were despondent after the third week of shelling.", {("residents", "negative")}),
    ("cue-affect-resolute", "The troops appeared resolute despite the losses.", {("soldiers", "positive")}),
    ("holder-particularly-aside", "Local communities, particularly the Sikh population, have voiced deep anguish over the lack of protective infrastructure.", {("residents", "negative")}),
    ("cue-not-want-a-repeat", "Residents of border villages do not want a repeat of the death and destruction that the shelling caused.", {("residents", "negative")}),
    ("holder-spouses-families", "Nearly one third of spouses say they have suffered professionally since the war began.", {("families", "negative")}),
    ("cue-calls-to-return-home", "Wives of mobilised soldiers make ever-louder calls for reservists to finally be allowed to return home.", {("families", "negative")}),
]

NOTHING = [
    ("none-battlefield", "Russian forces have captured two villages in the Donetsk region, the defence ministry said on Wednesday."),
    ("none-official-figure", "South Korea's National Intelligence Service said around 3,000 North Korean soldiers have been killed or wounded."),
    ("none-deployed-to-support", "Around 11,000 North Korean troops were deployed to support Russia in the war against Ukraine."),
    ("none-spokesman-losses", "\"We do believe that they have suffered some significant losses, killed and wounded,\" Kirby told reporters."),
    ("none-poll-method", "The poll was conducted September 7-13 and involved 2,000 respondents."),
    ("none-resident-fact", "A resident there told RFA that workers were told to report anyone spreading rumors about soldiers in Russia."),
    ("none-empty", ""),
    ("none-attributive-exhausted", "Moscow\u2019s forces pushed against Kyiv\u2019s exhausted, outmanned and outgunned troops."),
    ("none-suffered-losses", "The brigade suffered heavy losses near the village, the general staff said."),
    ("none-hopes-to", "North Korea hopes to gain combat experience from the deployment, analysts say."),
    ("none-affect-word-no-holder", "London continues to suffer air quality problems today."),
    ("none-aid-support", "Additional U.S. support for Ukraine has been stalled in Congress for months."),
    ("none-seeking-support", "Officials have been seeking support from their allies for more air defence systems."),
    ("none-shock-adjective", "The junta's shock announcement made all men aged 18 to 35 eligible for conscription."),
    ("none-parliament-approved-bill", "Parliament approved a mobilization bill in its second reading on Thursday."),
    ("none-alarm-sounded", "The air-raid alarm sounded across Kyiv at 3 a.m."),
    ("none-alarming-rate", "Prices rose at an alarming rate, officials said."),
    ("none-slammed-into", "A truck slammed into the checkpoint, killing two guards."),
    ("none-could-not-bring-back", "The spokesman said he could not bring back their relatives because the decision was the president's."),
    ("none-package-supports-defences", "The Pentagon said the new package would support Ukraine's air defences through the winter."),
    ("none-patriot-systems", "The foreign minister called on allies to speed up deliveries of Patriot systems."),
    ("none-politically-motivated", "Police said the attack on the office was politically motivated."),
    ("none-economic-hardship", "Amid economic hardship, citizens have had little time to follow a distant war."),
    ("none-poll-percent-displaced", "More than 85 percent of the population have fled their homes, the UN says."),
    ("none-capitalised-name-not-a-cue", "The poll, conducted by Hosen Israel (IS-Resilient), surveyed 20% of reservist commanders."),
    ("none-aid-agencies-concern", "Aid agencies voiced concern about access to the region."),
    ("none-profile-most-likely-to-support", "The respondents most likely to support the war's continuation were financially secure men over 45."),
    ("none-aid-response-deplored", "Faced with this continuous influx, the Chadian authorities deplore an insufficient humanitarian response."),
    ("none-holiday-celebration", "Families in the city celebrated Eid with a meal at home."),
    ("none-claimed-responsibility", "The group claimed responsibility for the attack on the convoy."),
    ("none-no-opposition-protests-expected", "No large opposition protests are planned for the weekend, the police said."),
    ("none-did-not-protest", "Residents did not protest when the unit moved into the school."),
    ("arms-support-sought", "A Ukrainian delegation visited Seoul this week seeking arms support from the government."),
    ("aid-support-in-quote", "\"We expect our support will be of practical help to the refugees, and we will keep providing humanitarian aid,\" the ministry said."),
    ("appeal-to-all-parties", "\"We hope that all parties will work towards de-escalating the situation,\" the foreign ministry spokesperson said."),
    ("appeal-not-to-panic", "The authorities urged residents not to panic after the warnings were dropped over the city."),
    ("anonymity-fear-of-reprisal", "A villager said five houses were destroyed, asking not to be named for fear of reprisal."),
    ("stalemate-forecast", "Asked how the war would end, 30% of respondents expect the fighting to end in a stalemate."),
    ("doubt-about-means", "Analysts doubt that the rebels have the capacity to hold the city for long."),
    ("motive-to-prevent-panic", "The authorities hid the news to prevent panic among the population."),
    ("skepticism-over-a-claim", "He expressed skepticism over claims that the soldiers earn $2,000 a month."),
    ("motive-to-cover-up-loss", "It seems to be an attempt to cover up the sense of loss or dissatisfaction that residents may feel."),
    ("firepower-support-is-no-opinion", "The troops advance without firepower support from the rear."),
    ("past-loyalty-turned", "At first, the movement pledged loyalty to the war, but the official response has hardened their views."),
]

# (id, text, the exact (holder, stance) pairs): holder choices where a wrong extra pair is the error
EXACT = [
    ("poll-blame-for-the-war", "Asked who bears the main responsibility for the war, 52% of respondents named the Kremlin.", {("public", "negative")}),
    ("poll-war-crime-verdict", "Most citizens say the shelling of the city was a war crime.", {("public", "negative")}),
    ("poll-threat-perception", "Some 64 percent of survey participants see Russia as the biggest threat to their country.", {("public", "negative")}),
    ("want-the-army-to-fight-on", "Veterans want the army to fight on until the land is returned.", {("soldiers", "positive")}),
    ("civilian-mother-of-three", "The mother of three said she is terrified of the air strikes.", {("other", "negative")}),  # a speaker with no group noun is other (README conventions)
    ("civilian-first-person-kin", "“We are scared and we keep our children inside the house all day,” said Ali Hassan, a shopkeeper.", {("other", "negative")}),
    ("soldier-kin-first-person", "“We are waiting for our sons to come home from the front. This war is senseless,” said one of the protesters.", {("families", "negative")}),
    ("person-with-age", "Lina, 37, said she is waiting for the worst to come.", {("other", "negative")}),
    ("support-fell-to-a-majority", "In May, 80% of respondents supported the operation. Support fell to 68% in October.", {("public", "positive")}),
    ("contrast-quote-makes-mixed", "He said residents are afraid of what comes next, but “tonight everyone will celebrate in the square.”", {("residents", "mixed")}),
    ("two-holders-family-and-kin-state", "Wives of mobilised men say their husbands are exhausted and sleep in the mud.", {("families", "negative"), ("soldiers", "negative")}),
    ("family-own-state-only", "Mothers of conscripts say they are exhausted from waiting for news.", {("families", "negative")}),
    ("officials-as-content-of-a-poll", "In the survey, 58% of respondents say the government should support the army more.", {("public", "positive")}),
    # blind h17/h18 families: involvement in the war, residents of a place, officials' verdicts, predicates, appeals
    ("against-arms-supplies", "In the survey, 61 percent of respondents said they were against sending weapons to Kyiv, while 30 percent were in favour.", {("public", "negative")}),
    ("support-halting-arms-exports", "Nearly two-thirds of Spaniards back the government's decision to halt arms exports to Israel, a poll found.", {("public", "negative")}),
    ("against-the-ceasefire-and-fear-is-mixed", "“I am firmly against the truce,” said Dana Levi, a Sderot resident who feared the rockets would return.", {("residents", "mixed")}),
    ("people-of-a-region-are-residents", "The people of the Latakia countryside now live in fear of revenge attacks.", {("residents", "negative")}),
    ("people-of-a-country-are-public", "The people of Lebanon are tired of war, the survey suggests.", {("public", "negative")}),
    ("local-people-then-many", "Reporters spoke to local people in Sumy. Many say they are exhausted by the constant shelling.", {("residents", "negative")}),
    ("spokesperson-verdict-in-quote", "“Sending troops to fight in Ukraine is an unlawful act that violates international law,” a spokesperson for the Foreign Ministry told reporters.", {("officials", "negative")}),
    ("remarks-carried-by-state-media", "In a speech carried by KCNA, Kim praised the troops for their heroic feats abroad.", {("officials", "positive")}),
    ("predicate-critics-of-the-regime", "The wives of mobilised soldiers have become some of the fiercest critics of the Kremlin's war.", {("families", "negative")}),
    ("kin-apposition-state", "Olga, 41, wants the return of her husband Dmitry, a gunner exhausted after eighteen months at the front.", {("families", "negative"), ("soldiers", "negative")}),
    ("everyone-in-a-named-town", "\"In Kramatorsk nobody sleeps any more. Everyone is terrified of the glide bombs,\" Petro added.", {("residents", "negative")}),
    ("questioned-claim-is-not-support", "Angry residents of Belgorod dispute claims that the region supports the war.", {("residents", "negative")}),
    # "she" is one person: not the soldiers she read about; but "one of the many Ukrainians" is one of them
    ("she-is-not-the-group-before", "When Kim Min-ji, a student in Seoul, read about the thousands of soldiers sent to Russia, she "
     "could not sleep. She worries that the war will reach Korea.", {("other", "negative")}),
    ("he-is-the-one-person-named-before", "When the Ukrainians attacked, only the soldier speaking survived from a unit of 40 "
     "North Korean soldiers. He described the ordeal, expressing disillusionment with being sacrificed as bait.",
     {("soldiers", "negative")}),
    ("he-is-one-of-the-group", "Andriy, 41, is one of the many Ukrainians in Sumy who refuse to leave. He is confident that "
     "Russia will be defeated.", {("public", "positive")}),
    ("positive-state-gone", "The enthusiasm that greeted the war in 2022 has long since faded.", {("public", "negative")}),
    ("patriotic-fervour-subsided", "Those who are fighting now are exhausted. The patriotic fervor that prompted many to "
     "volunteer has subsided.", {("soldiers", "negative")}),
    ("would-like-an-end", "Most respondents would like the two sides to agree on ending the war quickly.", {("public", "negative")}),
    ("time-has-come-for-talks", "Many Ukrainians believe the time has come for peace talks.", {("public", "negative")}),
    ("poll-split-with-an-elaboration-between", "Some 55% of respondents want the war to end soon. Those who advocate an "
     "early end to the conflict are mostly older. Only 35% want the fighting to continue until victory.", {("public", "negative")}),
    ("situation-called-unbearable", "A resident of Sumy told reporters that life in the city is “unbearable.”", {("residents", "negative")}),
    ("villager-title-before-a-name", "Villager Aung Kyi said she was terrified of the airstrikes.", {("residents", "negative")}),
    ("motivation-to-keep-fighting", "Another soldier spoke about his motivation to keep fighting.", {("soldiers", "positive")}),
    # blind h24 families: households, a place's people, objects inside a cue or a quote
    ("families-fleeing-are-households", "Villagers said the shelling forced many families to flee in terror.", {("residents", "negative")}),
    ("facing-renewed-terror", "Residents of Kharkiv are facing renewed terror as the strikes intensify.", {("residents", "negative")}),
    ("enemy-troops-stable-morale", "A Ukrainian soldier said the enemy troops have stable morale.", {("soldiers", "positive")}),
    ("object-after-a-preposition-in-the-cue", "Most Russians are hungry for the army -- and Putin -- to bring home a victory.",
     {("public", "positive")}),
    ("the-entire-city", "“The entire city was devastated and deeply saddened,” he said.", {("residents", "negative")}),
    ("kin-as-object-in-a-leader-quote", "“This monument honors the heroes and elevates their families to glory,” Kim said.",
     {("officials", "positive")}),
    ("asking-for-justice", "Olga, whose husband was mobilised, is asking for justice for the conscripted men.", {("families", "negative")}),
    ("the-populace-of-a-place-named-before", "In Sumy, residents are exhausted by the shelling. The fear gripping the populace "
     "is visible everywhere.", {("residents", "negative")}),
    ("a-population-is-public", "The shelling spread fear among a population already worn down by war.", {("public", "negative")}),
    # blind h25 families: agencies, vows, verdicts in quotes, kin kept out of the war, refusals, attributive states
    ("intelligence-service-wants-an-end", "According to the lawmaker, the NIS thinks an early end to the war is desirable.",
     {("officials", "negative")}),
    ("capital-has-vowed", "Pyongyang has vowed to back Russia until it achieves victory over Ukraine.", {("officials", "positive")}),
    ("quoted-mockery", "A defence ministry spokesperson said the military cooperation is “a mockery of international law.”",
     {("officials", "negative")}),
    ("father-begged-son-not-to-go", "When his son was sent to fight, Sergei begged him not to go.", {("families", "negative")}),
    ("refused-to-go-to-war", "More than 1,000 members of the military have refused to go to Ukraine, the lawyer wrote.",
     {("soldiers", "negative")}),
    ("relatives-urge-release", "Relatives of prisoners of war rallied outside the embassy, urging Washington to help secure the "
     "release of the soldiers.", {("families", "negative")}),
    ("fighting-nazis-justification", "“Now we are fighting against Nazis in Ukraine,” said Ivan, a soldier back from the front.",
     {("soldiers", "positive")}),
    ("people-on-the-streets-of-a-city", "People on the streets of Tehran are grieving the loss of life.", {("residents", "negative")}),
    # blind h27 families
    ("rather-prison-than-fight", "Many are hiding, vowing that they would rather go to prison than fight on the eastern front.",
     {("public", "negative")}),
    ("volunteer-queues-gone", "The queues of patriotic volunteers who lined up outside recruitment centres after the "
     "full-scale invasion have long since disappeared.", {("public", "negative")}),
    ("peace-outweighs-war", "The poll showed that those supporting peace far outweighed pro-war voices.", {("public", "negative")}),
    ("counted-reservists-open-the-clause", "Nearly 1,000 current and former air force reservists signed a letter supporting "
     "an end to the war.", {("soldiers", "negative")}),
    ("streets-of-named-towns", "But on the streets of Mekelle and Axum, ordinary Tigrayans say they want peace, not more war.",
     {("residents", "negative")}),
    ("solidarity-with-a-people-is-no-war-support", "Thousands of demonstrators took to the streets to show their support "
     "for Palestinians and protest against the strikes.", {("public", "negative")}),
    ("cannot-take-it-anymore", "“We are at the edge, and we can’t take it anymore,” said a reservist.", {("soldiers", "negative")}),
    ("town-set-in-the-sentence-before", "The city of El Fasher has been under siege for months. People are terrified and "
     "hungry.", {("residents", "negative")}),
    ("country-keeps-its-people-public", "Sudan's war is in its third year. People are tired of the war.", {("public", "negative")}),
    ("should-step-down", "Protesters say the minister should step down over the war.", {("public", "negative")}),
    ("fronted-town-makes-people-residents", "In Kharkiv, people are terrified of the glide bombs.", {("residents", "negative")}),
    ("fronted-country-keeps-people-public", "Across Ukraine, people are tired of the war.", {("public", "negative")}),
    ("fronted-month-is-no-place", "In March, people were tired of the war.", {("public", "negative")}),
    ("exhausted-but-motivated", "Exhausted Ukrainian soldiers say their motivation is fortified by their cause.", {("soldiers", "mixed")}),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CONSTRUCTIONS], ids=[c[0] for c in CONSTRUCTIONS])
def test_extract_sentiment_construction(text: str, expected: set[tuple[str, str]]) -> None:
    found = pairs(text)
    assert expected <= found, found


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in EXACT], ids=[c[0] for c in EXACT])
def test_extract_sentiment_exact_pairs(text: str, expected: set[tuple[str, str]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize("text", [c[1] for c in NOTHING], ids=[c[0] for c in NOTHING])
def test_extract_sentiment_reports_nothing(text: str) -> None:
    analysis = extract_sentiment(text)
    assert analysis.reports == []
    assert analysis.overall == "none"


def test_extract_sentiment_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    analysis = extract_sentiment(text)
    assert any(r.holder == "residents" and r.stance == "negative" for r in analysis.reports)
    assert analysis.overall == "negative"
    assert any(r.location == "Hyesan" for r in analysis.reports)
    majority = [r for r in analysis.reports if "More people view" in r.sentence]
    assert majority and majority[0].stance == "negative"


def test_extract_sentiment_record_fields_and_offsets() -> None:
    text = SEED.read_text(encoding="utf-8")
    for r in extract_sentiment(text).reports:
        assert isinstance(r, SentimentReport)
        assert r.holder in HOLDERS and r.stance in STANCES
        assert -1.0 <= r.score <= 1.0
        assert text[r.start:r.end] == r.sentence
        if r.stance == "negative":
            assert r.score < 0
        if r.stance == "positive":
            assert r.score > 0


def test_extract_sentiment_quote_and_location() -> None:
    text = "A resident from Hyesan said, \u201cYoung soldiers are dying in a foreign country for nothing.\u201d"
    (r,) = extract_sentiment(text).reports
    assert r.location == "Hyesan"
    assert r.quote == "Young soldiers are dying in a foreign country for nothing."
    assert r.start == 0 and r.end == len(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Residents of Yanggang Province are angry about the deployment.", "Yanggang Province"),
        ("Citizens in Pyongyang were shocked by the news.", "Pyongyang"),
        ("Officials in Onsong County praised the fallen soldiers.", "Onsong County"),
    ],
    ids=["province", "capital", "county-pattern"],
)
def test_extract_sentiment_location(text: str, place: str) -> None:
    reports = extract_sentiment(text).reports
    assert reports and reports[0].location == place


def test_extract_sentiment_tone_is_separate_from_stance() -> None:
    # VADER scores this sentence positive; the reported stance is negative
    analysis = extract_sentiment("More people view the Russian deployment negatively than positively.")
    assert analysis.overall == "negative"
    assert analysis.tone > 0
    assert document_tone("Residents are angry and grieving.") < 0


def _r(stance: str) -> SentimentReport:
    return SentimentReport("residents", stance, 0.0, None, None, "", 0, 0)


@pytest.mark.parametrize(
    ("found", "verdict"),
    [
        ([], "none"),
        ([(_r("negative"), False)], "negative"),
        ([(_r("negative"), False), (_r("negative"), False), (_r("positive"), False)], "negative"),
        ([(_r("negative"), False), (_r("positive"), False)], "mixed"),
        ([(_r("positive"), False), (_r("positive"), False), (_r("mixed"), False)], "positive"),
        ([(_r("positive"), False)] * 4 + [(_r("negative"), True)], "negative"),
        ([(_r("positive"), True), (_r("negative"), True)], "mixed"),
        ([(_r("mixed"), False)], "mixed"),
    ],
    ids=["none", "one-negative", "two-thirds-negative", "even-split", "positive-with-mixed", "majority-statement-decides", "conflicting-majorities", "only-mixed"],
)
def test_overall_verdict_rule(found: list, verdict: str) -> None:
    assert verdict in OVERALL
    assert overall_verdict(found) == verdict


def test_cue_gate_never_hides_a_cue() -> None:
    """Every cue the full regex finds sits in a unit the cheap gate lets through."""
    texts = [c[1] for c in CONSTRUCTIONS]
    texts += [json.loads(line)["text"] for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += [frag.replace("\\w*", "").replace("?", "") for frag, _ in lex.NEGATIVE_CUES + lex.POSITIVE_CUES]
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if _CUE_RE.search(sentence.lower()):
                assert has_cue_trigger(sentence), sentence


def test_cue_matches_near_gate_words_equal_a_full_scan() -> None:
    """The windowed cue search finds exactly what scanning every word would find."""
    texts = [c[1] for c in CONSTRUCTIONS + NOTHING]
    texts += [json.loads(line)["text"] for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    # the casualty passages too: 1,500 more sentences of war news the sentiment rules were not written for
    cas = DEVSET.with_name("casualties.jsonl")
    texts += [json.loads(line)["text"] for line in cas.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts.append(SEED.read_text(encoding="utf-8"))
    texts += [  # cues whose gate word is not their first word
        "Residents raised serious questions about the war.",
        "They believe in a final victory.",
        "Many called for an immediate halt to the fighting.",
        "There are growing fears of a wider war.",
        "The war in Gaza has to end now, they said.",
        "Fatigue has sapped Ukrainians\u2019 enthusiasm and eroded public trust.",
        "They will not return to the front, and some are draft dodgers.",
        "Locals feel utterly abandoned and the country is war-weary.",
        "They rated his performance as poor and said the price is too high a price.",
        "Most favor a shift to peace talks; others are in favour of the deal.",
        "Morale is high, with strong motivation and the duty of every citizen.",
    ]
    for text in texts:
        full = [(m.start(), m.end(), m.lastgroup) for m in _CUE_RE.finditer(text.lower())]
        windowed = [(m.start(), m.end(), m.lastgroup) for m in _cue_matches(text)]
        assert windowed == full, text[:80]


def test_extract_sentiment_throughput_smoke() -> None:
    """Not a benchmark: 200 KB of mixed text must not take seconds (catches quadratic paths)."""
    import time

    text = (SEED.read_text(encoding="utf-8") + "\n") * 40
    t0 = time.process_time()
    analysis = extract_sentiment(text)
    assert time.process_time() - t0 < 2.0
    assert analysis.overall == "negative"


def test_holder_cased_hint_covers_every_cased_holder() -> None:
    """The literal pre-check never hides a capitalised holder ("Sergeant Ivanov", "Moscow praised")."""
    from extractors.sentiment_rules import _HOLDER_CASED_RE

    texts = [c[1] for c in CONSTRUCTIONS + NOTHING]
    texts += [json.loads(line)["text"] for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts += ["Sergeant Ivanov said so.", "Sgt. Petrov agreed.", "Kim stressed it.", "Washington welcomed it.", "Displaced Ahmad said."]
    for text in texts:
        for m in _HOLDER_CASED_RE.finditer(text):
            assert hw.HOLDER_CASED_HINT.search(m.group(0)), m.group(0)


def test_extract_sentiment_past_feeling_is_not_mixed() -> None:
    found = pairs("Initially residents were hopeful the fighting would subside, but now they are terrified.")
    assert found == {("residents", "negative")}


def test_extract_sentiment_aside_holder_is_not_chosen() -> None:
    found = pairs("The protesters, who included refugees from Karabakh, blamed the prime minister for the defeat.")
    assert ("residents", "negative") not in found


def test_extract_sentiment_poll_split_larger_side_wins() -> None:
    found = pairs("About 48 percent of respondents said Russia should begin peace talks, while 39 percent want the war to continue.")
    assert found == {("public", "negative")}


# --- blind batches h19 and h20: broader families --------------------------------------------


def test_extract_sentiment_curly_apostrophe_negation_drops_motive() -> None:
    """'aren’t' (typographic apostrophe) negates like "aren't"; a negated motive is no report."""
    assert pairs("“The civil defense force people aren’t volunteering out of patriotism,” said Heo, a defector.") == set()


def test_extract_sentiment_negated_resistance_and_passive_honour_are_no_report() -> None:
    """... and 'will be honoured as heroes' is something done to the dead, not a feeling."""
    assert pairs("He does not expect much resistance from the families of the deceased, whose sons, he says, will be honoured as heroes.") == set()


def test_extract_sentiment_threat_to_enemy_is_not_a_feeling() -> None:
    text = "Defense Minister Israel Katz warned that the Houthis would “continue to suffer blows and pay painful prices for any attempt to attack the State of Israel.”"
    assert pairs(text) == set()


def test_extract_sentiment_event_word_in_quote_is_no_hit() -> None:
    text = "“The interests of the Sudanese people must be prioritized to shield them from the devastating consequences of the conflict,” the ministry said."
    assert pairs(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“They kicked them out of their homes, they robbed and burned their houses, but I can’t do anything,” said Faez Shkeir.", ("other", "negative")),
        ("“There was blood and ambulances. We all live in the realities of this Russian roulette,” she told the media, a resident of Kharkiv said.", ("residents", "negative")),
        ("“Our valiant fighters have shown the world that we are reborn,” said Ahmad Karimi, a shopkeeper.", ("other", "positive")),
    ],
)
def test_extract_sentiment_evaluative_word_in_quote_is_a_hit(text: str, expected: tuple[str, str]) -> None:
    assert expected in pairs(text)


def test_extract_sentiment_crowds_in_solidarity_with_army_are_positive() -> None:
    text = "Large crowds took to the streets in Lahore, waving flags and expressing solidarity with the armed forces."
    assert pairs(text) == {("public", "positive")}


def test_extract_sentiment_chanting_long_live_is_positive() -> None:
    assert ("public", "positive") in pairs("Thousands of people chanted “Long live Pakistan Army” in Karachi.")


def test_extract_sentiment_welcoming_a_call_to_stop_bombing_is_negative() -> None:
    assert pairs("Residents welcomed a call to stop the bombing.") == {("residents", "negative")}


def test_extract_sentiment_praise_of_troops_is_the_speakers() -> None:
    text = (
        "North Korean troops fought valiantly in the Kursk Region, as if they were defending their own homeland, "
        "Secretary of the Russian Security Council Sergey Shoigu told journalists after the meeting."
    )
    assert pairs(text) == {("officials", "positive")}


def test_extract_sentiment_verdict_word_on_deployment_is_negative() -> None:
    text = "South Korea’s Defense Ministry said the interviews “confirmed once again” the “deceptive and inhumane” nature of Pyongyang’s deployment."
    assert pairs(text) == {("officials", "negative")}


def test_extract_sentiment_set_phrase_negates_only_itself() -> None:
    text = 'Kim said in a speech, "The combat activities of overseas operational forces proved without regret the power of the heroic army," KCNA said.'
    assert pairs(text) == {("officials", "positive")}


def test_extract_sentiment_speaker_before_reporting_verb_is_carried() -> None:
    text = "Another resident said people were trying to flee. “We were trapped in Mekele during the previous war, we do not want that to happen again,” said Mihret, 27."
    assert pairs(text) == {("residents", "negative")}


def test_extract_sentiment_officials_called_on_are_not_holders() -> None:
    text = (
        "A group of wives of Russian soldiers have recorded a video appeal to local authorities to bring their men home alive. "
        "One called the war “unjust” in comments on social media and said authorities must take responsibility for any other men killed."
    )
    assert ("officials", "negative") not in pairs(text)


def test_extract_sentiment_existential_fear_after_contrast_is_mixed() -> None:
    text = "Hailing the armed forces, citizens across India are jubilant that justice has been served. However, there is a fear of retaliation from the neighbouring country."
    assert pairs(text) == {("public", "positive"), ("public", "negative")}


def test_extract_sentiment_persons_relative_is_not_a_soldiers_family() -> None:
    text = (
        "Maria Slyzovska, who witnessed the attack, said the first strike rocked her mother's home before the second missile hit. "
        "“There was blood and ambulances. We all live in the realities of this Russian roulette,” she told the media."
    )
    assert ("families", "negative") not in pairs(text)


def test_extract_sentiment_state_support_for_a_war_is_aid() -> None:
    assert pairs("Analysts say Pyongyang’s growing support for Moscow’s war went beyond the transfer of shells.") == set()


def test_extract_sentiment_international_body_appeal_is_no_report() -> None:
    assert pairs("The UN on Sunday called for an end to all military activities after strikes on Houthi-held areas.") == set()
    assert pairs("The European Union urged all sides to show restraint and called for a halt to the fighting.") == set()


def test_extract_sentiment_guessed_regime_motive_is_no_report() -> None:
    assert pairs("The reports suggest that the North may be seeking to legitimize the deployment to its people to prevent dissent.") == set()
    assert pairs("Analysts say the regime staged the rallies for its people to head off public discontent.") == set()
    text = "The ministry believes Pyongyang has remained silent about the deployment due to concerns about public sentiment."
    assert pairs(text) == set()


def test_extract_sentiment_not_yet_protests_is_an_absence() -> None:
    text = (
        "The call-up has prompted widespread panic among Russia’s population but has not yet led to mass protests "
        "as experts predict that the effect on public opinion will be gradual."
    )
    assert pairs(text) == {("public", "negative")}


def test_extract_sentiment_solidarity_with_leadership_is_backing() -> None:
    text = "On Tuesday night, a crowd of Iranians assembled in a Tehran square to express solidarity with the nation’s leadership."
    assert pairs(text) == {("public", "positive")}


def test_extract_sentiment_forecast_use_as_cannon_fodder_is_no_report() -> None:
    text = 'The troops are highly likely to be used as "cannon fodder" in dangerous areas, the defense chief said Thursday.'
    assert pairs(text) == set()


def test_extract_sentiment_speakers_own_condemnation_in_quote_is_theirs() -> None:
    text = (
        '"With their public admission of the deployment, they are once again mocking the international community. '
        'We strongly condemn this action," the South Korean Foreign Ministry said.'
    )
    assert pairs(text) == {("officials", "negative")}


def test_extract_sentiment_job_at_a_ministry_is_a_person() -> None:
    text = "“It’s indescribable, we never thought this nightmare would end. We are reborn,” said Rim Ramadan, a 49-year-old civil servant at the finance ministry."
    assert pairs(text) == {("other", "positive")}


def test_extract_sentiment_children_as_companions_are_not_a_soldiers_family() -> None:
    text = (
        '"We are happy because our fighters are successful against the Israeli government," said Umm Sohayib, 40, '
        "celebrating with her children in the streets."
    )
    assert ("families", "positive") not in pairs(text)
    assert ("other", "positive") in pairs(text)


def test_extract_sentiment_share_the_cue_rose_to_decides_the_poll() -> None:
    text = (
        "According to a May poll by the independent Levada Center, only 30% of Russians now support continuing the war, "
        "down from 44% in 2022. Meanwhile, support for negotiating peace has soared to 61%."
    )
    analysis = extract_sentiment(text)
    assert {(r.holder, r.stance) for r in analysis.reports} == {("public", "negative")}
    assert analysis.overall == "negative"


def test_extract_sentiment_short_answer_after_colon_is_a_quotation() -> None:
    text = "Draped in the Russian tricolor, one woman gave a firm answer: “Our victory, unquestionably.”"
    assert pairs(text) == {("other", "positive")}
    assert pairs("The slogan “Our victory” was painted on the walls of the school.") == set()


def test_extract_sentiment_fighters_motivation_named_by_they_is_theirs() -> None:
    text = (
        "The commander-in-chief said that nearly half of the deployed soldiers have been wounded or killed, "
        'though he warned that they are "highly motivated" and disciplined.'
    )
    assert pairs(text) == {("soldiers", "positive")}


def test_extract_sentiment_keeping_kin_out_of_the_war_is_negative() -> None:
    text = "Some parents are contacting local hospitals to try and prevent their sons being drafted into the army."
    assert pairs(text) == {("families", "negative")}
    text = "Sixteen months later, their relatives are increasingly clamoring for their release from military service."
    assert pairs(text) == {("families", "negative")}


def test_extract_sentiment_unwilling_to_accept_peace_backs_the_war() -> None:
    text = "The surveys show a clear majority of Ukrainians are unwilling to accept peace at the cost of territorial concessions."
    assert pairs(text) == {("public", "positive")}


def test_extract_sentiment_inverted_among_those_subject_holds_it() -> None:
    text = "Among those most opposed to such concessions are Ukraine’s soldiers themselves, the very people who risk their lives."
    assert pairs(text) == {("soldiers", "positive")}


def test_extract_sentiment_wish_it_would_end_is_negative() -> None:
    assert pairs("“I wish it would all end quickly,” one man told the BBC.") == {("other", "negative")}


def test_extract_sentiment_he_with_no_group_is_a_person_and_peace_as_better_path() -> None:
    text = (
        "While he hopes for a Russian victory, he added that peace with Ukraine, "
        "without either side claiming more, might be the better path."
    )
    assert pairs(text) == {("other", "mixed")}


def test_extract_sentiment_ellipsis_ends_a_negation() -> None:
    text = (
        "“I just pray my house hasn’t been destroyed… We only hope the war will end for good, "
        "so we’ll never have to flee again,” said Ahmed Salem, 45, as he walked north."
    )
    assert pairs(text) == {("other", "negative")}


def test_extract_sentiment_no_other_choice_without_death_is_no_report() -> None:
    text = '"We had no other choice," said Amal Nasser from inside her tent. She said landlords "were asking for high rents".'
    assert pairs(text) == set()
    text = "“I only have two options: to leave the country illegally or die here,” he told reporters by phone."
    assert pairs(text) == {("other", "negative")}


def test_extract_sentiment_subject_share_far_before_cue_merges_breakdown() -> None:
    text = (
        "35% of Russians want an immediate and unconditional ceasefire. 21% of the respondents prioritize "
        "the achievement of all military objectives and the surrender of Kyiv and are against a ceasefire."
    )
    assert pairs(text) == {("public", "negative")}


def test_extract_sentiment_ese_adjective_before_a_place_is_no_public() -> None:
    text = "Residents of the western Sudanese town of Bara have said they are living in fear as the fighters approach."
    assert pairs(text) == {("residents", "negative")}


def test_extract_sentiment_and_that_ends_a_negation() -> None:
    text = "Samira Odeh, displaced from Rafah, said the truce has not changed her life and that she still lives in the camp in fear."
    assert pairs(text) == {("residents", "negative")}


def test_extract_sentiment_warming_to_negotiations_is_negative() -> None:
    text = "Ukrainian citizens are slowly warming to the idea of negotiating with Russia to end the war, a new survey found."
    assert pairs(text) == {("public", "negative")}


def test_extract_sentiment_trailing_group_speaker_holds_state() -> None:
    text = (
        "The army is facing a severe shortage of infantry, leading to exhaustion and diminished morale "
        "on the front line, military personnel in the field said on Monday."
    )
    assert pairs(text) == {("soldiers", "negative")}


def test_extract_sentiment_joy_at_a_ceasefire_is_war_negative() -> None:
    text = "Many jubilant but cautious Lebanese returned to their villages in the south on the first day of the truce."
    assert pairs(text) == {("public", "negative")}


def test_extract_sentiment_students_in_a_city_are_residents() -> None:
    text = 'Students in Kursk city held a ceremony, launching lanterns they had made with "gratitude and respect" for the troops.'
    assert pairs(text) == {("residents", "positive")}


def test_extract_sentiment_war_fatigue_alone_is_the_public() -> None:
    assert pairs("But war fatigue had long set in across the country by the third winter.") == {("public", "negative")}


def test_extract_sentiment_quoted_verdict_word_before_war_is_a_cue() -> None:
    text = (
        "Human rights activists released an open letter calling for the troops in Russia to stop "
        "helping the Kremlin's “unjustifiable” war efforts against Ukraine."
    )
    assert pairs(text) == {("other", "negative")}


def test_extract_sentiment_soldier_expressing_devotion_to_the_leader() -> None:
    text = (
        "The diary holds expressions of unconditional love towards the supreme leader and a letter in which "
        "the soldier expresses the willingness to give his life for the country out of fervent loyalty to the party."
    )
    assert pairs(text) == {("soldiers", "positive")}


def test_extract_sentiment_leader_eulogy_and_disposing_of_soldiers() -> None:
    text = (
        '"Its excellent sons, who defended the most sacred things by sacrificing their lives, will live forever," '
        "Kim said in a speech released by the Korean Central News Agency."
    )
    assert pairs(text) == {("officials", "positive")}
    text = "President Zelensky said, “Russia is simply disposing of them in assaults, one wave after another.”"
    assert pairs(text) == {("officials", "negative")}


def test_extract_sentiment_state_paper_boasting_of_its_troops_is_positive() -> None:
    text = "Rodong Sinmun declared the operation complete. The paper boasted that North Korean forces had liberated the region."
    assert pairs(text) == {("officials", "positive")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"I lost my son, my brother and my home," said a man in Gaza.', ("residents", "negative")),
        ('"They sent him to die," the soldier\'s mother said.', ("families", "negative")),
        ('"I don\'t know if my husband is alive," said Natalia, whose husband was mobilised in 2022.', ("families", "negative")),
        ('"Every night we hear the explosions and the children cry," said a woman in Kharkiv.', ("residents", "negative")),
    ],
)
def test_extract_sentiment_hardship_and_loss_in_a_witness_quote(text: str, expected: tuple[str, str]) -> None:
    assert pairs(text) == {expected}


def test_extract_sentiment_aid_chief_describing_hardship_is_no_report() -> None:
    text = ('“People living in the capital are locked up, with nowhere to go,” Philippe Branchat, head of the '
            'International Organization for Migration in Haiti, said in a recent statement.')
    assert pairs(text) == set()


def test_extract_sentiment_draft_evasion_and_rallies_demanding_a_deal() -> None:
    assert pairs("Young men in Myanmar are fleeing the country to avoid conscription.") == {("public", "negative")}
    assert pairs("Families of the hostages rallied in Tel Aviv demanding a deal.") == {("families", "negative")}
    assert pairs("The officers rallied their units and demanded more ammunition.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We are very happy and relieved that a ceasefire agreement has finally been reached," al-Ramlavi said.',
         {("other", "negative")}),
        ("Seoul expressed alarm over the troop deployment.", {("officials", "negative")}),
        ("Some residents voice readiness for territorial compromise to halt the destruction.", {("residents", "negative")}),
        ("A majority of Ukrainians remain committed to enduring the war for as long as necessary, a survey found.",
         {("public", "positive")}),
        ("Residents say they do not want another war.", {("residents", "negative")}),
        ("But the soldiers I met never think of giving up.", {("soldiers", "positive")}),
        ("55% of those surveyed rated Netanyahu's performance as subpar, while 41% gave him a favorable rating.",
         {("public", "negative")}),
        ("There was some agitation from the people over the regime not disclosing the deployment, an official said.",
         {("public", "negative")}),
        ("The Central Military Commission praised the soldiers' heroic deeds.", {("officials", "positive")}),
        ("Despite government promises of accountability, many in Sweida remain skeptical and fearful for the future.",
         {("residents", "negative")}),
        ("Yet the truce feels almost meaningless to Lebanese living along the border.", {("residents", "negative")}),
    ],
)
def test_extract_sentiment_blind_h28_h29_wordings(text: str, expected: set) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Office for the Coordination of Humanitarian Affairs (OCHA) is gravely concerned about the ongoing "
        "displacement of people due to conflict in Sudan.",
        "Tom Fletcher, the UN's humanitarian chief, expressed deep alarm over reports of fighters advancing into the city.",
        "The president predicts that it is indisputable that Putin will use them as cannon fodder.",
        "The Biden administration is committed to supporting Kyiv as much as possible, officials said of the new "
        "military aid package.",
        "Mr Umerov thanked the UK for its support and said the delivery of ammunition is critically important.",
    ],
)
def test_extract_sentiment_h28_h29_traps(text: str) -> None:
    assert pairs(text) == set()


def test_extract_sentiment_victims_hold_no_feeling() -> None:
    text = ("They were among 14 people killed in late November. “The tears are inside me but it hurts too much,” "
            "Ampougovni said.")
    assert pairs(text) == {("other", "negative")}
    text = ("“The targeting today was near us, where around 20 people were killed. We’re exhausted.” This message from "
            "Abdel Fattah al-Behairi, 38, came after Israeli air strikes hit Gaza's Al-Mawasi area, killing dozens of "
            "Palestinians.")
    assert pairs(text) == {("other", "negative")}


def test_extract_sentiment_support_for_such_an_arrangement_backs_the_deal() -> None:
    text = ("Although the proposal does not include a full release of hostages in exchange for a permanent ceasefire, "
            "the poll found that 72% of Israelis would support such an arrangement. Meanwhile, 15% were opposed to the "
            "idea, and 13% were unsure.")
    assert pairs(text) == {("public", "negative")}


def test_extract_sentiment_emotion_noun_names_its_holder_after_of() -> None:
    text = ("The banquet hall was filled with boundless emotion, joy and excitement of the commanding officers and "
            "combatants honored with high glory.")
    assert pairs(text) == {("soldiers", "positive")}


def test_extract_sentiment_speech_set_off_by_dashes() -> None:
    text = ("— And the Russians send them into assaults with a minimum of protection. This is one of the manifestations "
            "of the madness that dictatorships are capable of, — said the president.")
    result = extract_sentiment(text)
    assert {(r.holder, r.stance) for r in result.reports} == {("officials", "negative")}
    assert result.reports[0].quote is not None and result.reports[0].quote.startswith("And the Russians")


def test_extract_sentiment_kin_after_for_them_are_objects() -> None:
    text = ("Palestinians in Gaza welcomed the announcement of a deal between Hamas and Israel overnight, but many have "
            "questions about what it will mean for them, their loved ones and their devastated communities.")
    assert pairs(text) == {("public", "negative")}


def test_extract_sentiment_war_justified_as_survival_in_a_quote() -> None:
    text = ("“Without a doubt, it will get better. Israel is fighting for ourselves, for the Middle East, and for the "
            "entire world,” she said firmly.")
    assert pairs(text) == {("other", "positive")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“No one in the world can overcome such an army that is absolutely loyal to the party’s orders,” Kim said.",
         {("officials", "positive")}),
        ("Defense Secretary Lloyd Austin said North Korean troops are moving toward Ukraine, in what he called a dangerous "
         "and destabilizing development.", {("officials", "negative")}),
        ("While ending fighting that has killed more than 2,000 soldiers, the deal has been rejected by many Armenians "
         "because it allows Azerbaijan to keep a sizable chunk of the region.", {("public", "positive")}),
        ("Meanwhile, citizens of Lahore took to the streets in a passionate display of solidarity with the armed forces.",
         {("residents", "positive")}),
        ('"There\'s a feeling that no one is protecting us, and we are its victims," said Ruwayda, a 36-year-old '
         "Christian from the port city of Latakia.", {("other", "negative")}),
        ("“Pyongyang will always be with Moscow. You could work a miracle,” Kim said.", {("officials", "positive")}),
    ],
)
def test_extract_sentiment_blind_h30_h31_wordings(text: str, expected: set) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "President Volodymyr Zelenskyy is convinced that Russia will deploy North Korean soldiers to the front line, where "
        "they will almost certainly be used as cannon fodder.",
        "Due to this humanitarian crisis, we also call on the National Government to support us in this situation, said "
        "the mayor.",
    ],
)
def test_extract_sentiment_h30_h31_traps(text: str) -> None:
    assert pairs(text) == set()


def test_extract_sentiment_citizens_across_a_span_of_places_are_the_public() -> None:
    text = "Nationwide cheers erupted as citizens from AJK to Islamabad celebrated the successful operation."
    assert pairs(text) == {("public", "positive")}


def test_extract_sentiment_joy_at_a_pause_in_the_war_is_war_negative() -> None:
    text = "“We are so happy that Israel and Hamas agreed to a pause in the war,” said Amal, a mother of four."
    assert {stance for _, stance in pairs(text)} == {"negative"}
    text = "Many Palestinians in Gaza were happy to hear news that Israel and Hamas agreed to a pause in their war."
    assert pairs(text) == {("public", "negative")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('South Korean President Yoon Suk Yeol called the deployment a "provocation that threatens global security '
         'beyond the Korean Peninsula and Europe", after talks in Seoul.', {("officials", "negative")}),
        ('Kim Jong Un believes that the participation of North Korean forces in the operation was "a sacred mission", '
         "the Central Military Commission said.", {("officials", "positive")}),
        ("The war-ravaged residents of Kharkiv vowed not to be broken by Russia's aerial blitz.", {("residents", "positive")}),
        ("With hospitals struggling to cope, Palestinians describe dire conditions.", {("public", "negative")}),
    ],
)
def test_extract_sentiment_blind_h32_h33_wordings(text: str, expected: set) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The authorities are so concerned about information about the war with Ukraine leaking that any mention is "
        "strictly prohibited.",
        'But he predicted that it was "indisputable" that Putin would ultimately use them as "cannon fodder."',
    ],
)
def test_extract_sentiment_h32_h33_traps(text: str) -> None:
    assert pairs(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Only at that point did I hear the blast, which terrified me. We then sat huddled there for a long time, '
         'fearing another attack," she went on.', {("other", "negative")}),
        ('Some reservists have begun refusing service on ideological grounds, saying the war has lost direction.',
         {("soldiers", "negative")}),
        ("Most Russians might not identify with the regime, but they have consolidated around the Kremlin.",
         {("public", "positive")}),
        ('"Now it\'s gone. If only I had died so that I didn\'t have to see my home like this," said Um Oday, a '
         "Dhayra resident.", {("residents", "negative")}),
        ('"We were hoping for a miracle. We hoped the war might end," Nadija went on.', {("other", "negative")}),
    ],
)
def test_extract_sentiment_blind_h35_wordings(text: str, expected: set) -> None:
    assert pairs(text) == expected


def test_extract_sentiment_less_motivated_is_a_drop_in_will() -> None:
    text = ("About 40% of soldiers reported feeling less motivated to serve, while just over 13% said they were more "
            "motivated.")
    assert {stance for _, stance in pairs(text)} == {"negative"}


def test_extract_sentiment_families_crying_for_the_missing() -> None:
    text = "As emaciated Ukrainian soldiers walk free, families cry for those still missing."
    assert pairs(text) == {("families", "negative")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a breach of law named by its verb is a condemnation
        ("President Yoon emphasized that the purported troop deployment contravenes UN charter and Security Council "
         "resolutions, posing a global security threat.", {("officials", "negative")}),
        ("The foreign ministry said the strikes violate international humanitarian law.", {("officials", "negative")}),
        # ... but a contract is not the topic
        ("The court will decide whether the company breached its contract.", set()),
        # how long the war will last is a forecast, not backing it
        ("Roughly half of survey respondents said they believe the war will continue for longer than four more months.",
         set()),
        ("Most Russians want the war to continue until victory.", {("public", "positive")}),
    ],
)
def test_extract_sentiment_blind_h37_wordings(text: str, expected: set) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # force justified as the only way
        ("Officials said the attacks left the government with no choice but to respond.", {("officials", "positive")}),
        # a state the war leaves people in
        ("Months of blackouts and air raid alerts have left people weary.", {("public", "negative")}),
        # optimism and thanks about talks or a ceasefire want the war to end
        ("Some residents are optimistic that the negotiations will finally put an end to the violence.",
         {("residents", "negative")}),
        ("The village people thanked the government for the understanding between India and Pakistan.",
         {("public", "negative")}),
        ("Many residents are optimistic about the army's counteroffensive.", {("residents", "positive")}),
    ],
)
def test_extract_sentiment_blind_h38_wordings(text: str, expected: set) -> None:
    assert pairs(text) == expected
