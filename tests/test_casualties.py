"""Unit tests of the casualty-figure extractor: every construction issue 3 lists, and the seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.casualties import extract_casualties
from extractors.model import CASUALTY_CATEGORIES, QUALIFIERS, Party
from newsmon.evaluation.casualties import default_parties

PARTIES = default_parties()
SEED = Path(__file__).resolve().parent / "fixtures" / "seed_article.txt"


def _figures(text: str, **kw) -> list[tuple]:
    return [(r.category, r.min, r.max) for r in extract_casualties(text, PARTIES, **kw)]


# (id, text, expected (category, min, max) records in order)
FIGURE_CASES = [
    ("digits-comma", "About 3,000 soldiers were killed in the battle.", [("killed", 3000, 3000)]),
    ("digits-space", "Around 3 000 soldiers were killed, officials said.", [("killed", 3000, 3000)]),
    ("digits-dot-separator", "Some 1.100 soldiers were wounded in the battle.", [("wounded", 1100, 1100)]),
    ("decimal-million", "Russia has suffered over 1.25 million casualties, Ukraine says.",
     [("casualties", 1_250_000, 1_250_000)]),
    ("words-three-thirty", "Three soldiers were killed and thirty were wounded.",
     [("killed", 3, 3), ("wounded", 30, 30)]),
    ("words-a-dozen", "A dozen North Korean soldiers were killed near Kursk.", [("killed", 12, 12)]),
    ("words-one-million", "One million people have died in the war, the report estimated.",
     [("killed", 1_000_000, 1_000_000)]),
    ("words-hyphen-thousand", "Three-thousand Russian troops were killed in the offensive.",
     [("killed", 3000, 3000)]),
    ("digits-hundred", "27-hundred soldiers were wounded, the ministry said.", [("wounded", 2700, 2700)]),
    ("words-mixed", "Four-thousand-100 soldiers have been killed since January.", [("killed", 4100, 4100)]),
    ("range-scaled", "30-35 thousand Russian soldiers were killed in the battle for the city.",
     [("killed", 30000, 35000)]),
    ("plus-suffix", "Russia has suffered 46,000-plus casualties in the region.", [("casualties", 46000, 46000)]),
    ("range-to", "Between 2,000 to 4,000 Russian soldiers have been killed, U.S. officials estimated.",
     [("killed", 2000, 4000)]),
    ("range-between-to", "Between 600,000 to 700,000 Russian troops have been killed or wounded.",
     [("casualties", 600_000, 700_000)]),
    ("range-between-and", "Between 20,000 and 30,000 Ukrainians are considered missing.",
     [("missing", 20000, 30000)]),
    ("two-figures", "About 300 North Korean soldiers were killed and 2,700 wounded, the lawmaker said.",
     [("killed", 300, 300), ("wounded", 2700, 2700)]),
    ("two-figures-others", "The strike killed five people and injured 19 others.",
     [("killed", 5, 5), ("wounded", 19, 19)]),
    ("active-voice", "Ukrainian forces killed at least 200 North Korean soldiers in the past week.",
     [("killed", 200, 200)]),
    ("passive-combined", "Some 3,000 North Korean soldiers were killed or wounded.", [("casualties", 3000, 3000)]),
    ("combined-and", "At least 30 North Korean soldiers were killed and wounded near Plekhovo.",
     [("casualties", 30, 30)]),
    ("category-before-number", "The death toll rose to 45 on Tuesday.", [("killed", 45, 45)]),
    ("category-noun-after", "Russian forces suffered around 1,430 casualties over the past day.",
     [("casualties", 1430, 1430)]),
    ("inside-quotes", "\"We estimate that 1,000 of Pyongyang's troops have been killed,\" the official said.",
     [("killed", 1000, 1000)]),
    ("total-with-part", "Russia has suffered 4,700 casualties, including 600 deaths, in the region.",
     [("casualties", 4700, 4700), ("killed", 600, 600)]),
    ("lost-soldiers", "Ukraine's General Staff said Russia lost 1,230 troops over the past day.",
     [("casualties", 1230, 1230)]),
    ("losses-noun", "Russian combat losses now stand at over 654,000, NATO said.", [("casualties", 654000, 654000)]),
    ("captured", "Two North Korean soldiers were captured by Ukrainian special forces.", [("captured", 2, 2)]),
    ("taken-prisoner", "The Ukrainian military said 21 Russian soldiers were taken prisoner.",
     [("captured", 21, 21)]),
    ("missing", "At least 12 soldiers are missing after the attack.", [("missing", 12, 12)]),
    ("lost-their-lives", "Seventeen people lost their lives in the attack.", [("killed", 17, 17)]),
    ("bodies", "Rescuers recovered 14 bodies from the rubble.", [("killed", 14, 14)]),
    ("left-dead", "The attack left 11 dead and 40 injured.", [("killed", 11, 11), ("wounded", 40, 40)]),
    ("headline", "At least 2 killed, 5 injured in Odesa drone attack", [("killed", 2, 2), ("wounded", 5, 5)]),
    ("anaphoric-figure", "Zelensky said 4,000 North Korean soldiers had been killed or wounded. "
                         "The NIS put the figure at 3,000.", [("casualties", 4000, 4000), ("casualties", 3000, 3000)]),
    ("vague-dozens", "Dozens of civilians were killed in the shelling, the governor said.", [("killed", 12, 12)]),
    ("vague-tens-of-thousands", "The war has killed tens of thousands of soldiers on both sides.",
     [("killed", 10000, 10000)]),
    ("list-of-groups", "At least 10,480 civilians, 3,715 soldiers and 830 defectors have been killed.",
     [("killed", 10480, 10480), ("killed", 3715, 3715), ("killed", 830, 830)]),
    ("breakdown-not-counted", "At least 33 people were killed, including six children and three women.",
     [("killed", 33, 33)]),
    ("captured-dead", "Six people were captured dead after the exchange of fire.", [("killed", 6, 6)]),
    ("neutralised", "\"At least 15 fighters were neutralised,\" the statement added.", [("killed", 15, 15)]),
    ("eliminated-people", "The unit said it had eliminated 77 North Koreans over three days.", [("killed", 77, 77)]),
    ("among-the-injured", "Among the injured were five children, the ministry said.", [("wounded", 5, 5)]),
    ("elliptical", "Nine people were killed in the south and seven in the east, the ministry said.",
     [("killed", 9, 9), ("killed", 7, 7)]),
    ("toll-link-verb", "With other soldiers still missing, the death toll could pass 20.", [("killed", 20, 20)]),
    ("casualties-reaches", "The number of casualties reaches 4,700, the agency said.", [("casualties", 4700, 4700)]),
    ("number-of-wounded", "The news agency put the number of wounded at 40.", [("wounded", 40, 40)]),
    ("toll-dead-and-wounded", "The death toll from the bombing ended at 19 dead and wounded.",
     [("casualties", 19, 19)]),
    ("abbreviated-alias-figures", "About 300 N. Korean soldiers were killed and 2,700 wounded, the NIS said.",
     [("killed", 300, 300), ("wounded", 2700, 2700)]),
    ("determiner-with-verb", "The two soldiers were killed and three others were wounded by a bomb.",
     [("killed", 2, 2), ("wounded", 3, 3)]),
    ("breakdown-inside-subject", "Three people including two women were killed when their car hit a mine.",
     [("killed", 3, 3)]),
    ("dash-is-not-a-range", "The army gave a death toll of 14 - seven police officers and seven civilians.",
     [("killed", 14, 14)]),
    ("claimed-lives", "The attack claimed 30 lives, according to local officials.", [("killed", 30, 30)]),
    ("listed-as-missing", "Fifteen soldiers were listed as missing in action.", [("missing", 15, 15)]),
    ("relative-clause", "Reporters established the names of 24,470 Russian soldiers who had been killed.",
     [("killed", 24470, 24470)]),
    ("participle-then-verb", "One injured North Korean soldier has been captured, the agency said.",
     [("captured", 1, 1)]),
    ("remains-of", "Moscow received the remains of 55 soldiers in the exchange.", [("killed", 55, 55)]),
    ("bodies-returned", "Russia's Ministry of Defense returned 909 Ukrainian bodies on Friday.", [("killed", 909, 909)]),
    ("coffins", "Kim received 20 flag-draped coffins flown back from Russia.", [("killed", 20, 20)]),
    ("among-those-killed", "Four children and three women are among those killed.", [("killed", 4, 4), ("killed", 3, 3)]),
    ("frame-of-total", "Zelensky: of 12,000 North Korean soldiers in Kursk, more than 4,000 lost",
     [("casualties", 4000, 4000)]),
    ("part-of-earlier-total", "The witness reported 22 fatalities, with three children among the dead.",
     [("killed", 22, 22)]),
    ("coordinated-objects", "A deadly air strike on a school killed 20 students and two teachers.",
     [("killed", 20, 20), ("killed", 2, 2)]),
    ("claiming-the-lives-of", "A missile strike devastated the city, claiming the lives of more than 20 people.",
     [("killed", 20, 20)]),
    ("killing-of", "He expressed shock over the reported killing of 460 people at the main hospital.",
     [("killed", 460, 460)]),
    ("with-wounds", "He said 24 bodies and 37 people with gunshot wounds were brought to the hospital.",
     [("killed", 24, 24), ("wounded", 37, 37)]),
    ("four-digit-count", "More than 2000 people have been killed in two days of fighting.", [("killed", 2000, 2000)]),
    ("disaster-far-from-figure", "A junta airstrike hit a school, killing 22 people, despite a ceasefire called after "
                                 "a devastating earthquake.", [("killed", 22, 22)]),
    ("succumbed-after-dash", "Four guards were injured, and two of them -- a sergeant and a cook -- succumbed to their wounds.",
     [("wounded", 4, 4), ("killed", 2, 2)]),
    ("breakdown-then-death-verb", "At least 900 villagers, including 80 children and 61 women, perished in the raids.",
     [("killed", 900, 900)]),
    ("bracketed-breakdown", "In all, 1,200 persons (700 men, 400 women and 100 children) were killed.",
     [("killed", 1200, 1200)]),
    ("number-of-group-killed-since-year", "The number of civilians killed since 2019 rose to 213.",
     [("killed", 213, 213)]),
    ("number-of-dead-dash", "The ministry gave the number of dead fighters — 7 500.", [("killed", 7500, 7500)]),
    ("earlier-value-up-from", "The death toll rose to 61, up from 40 on Monday.", [("killed", 61, 61), ("killed", 40, 40)]),
    ("earlier-value-bracketed", "The monitor counted 310 killed (295) by the end of the week.",
     [("killed", 310, 310), ("killed", 295, 295)]),
    ("hostages-taken", "Gunmen killed 20 villagers and around 40 hostages were taken.",
     [("killed", 20, 20), ("captured", 40, 40)]),
    ("neutralised-terrorists", "Security forces neutralized seven terrorists in the mountains.", [("killed", 7, 7)]),
    ("killings-recorded", "There were 912 killings recorded and 300 injuries in the quarter.",
     [("killed", 912, 912), ("wounded", 300, 300)]),
    ("losses-exceeding", "Officials put the unit's losses exceeding 4,000, most of them fatal.", [("casualties", 4000, 4000)]),
    ("among-the-total-injured", "Among the 640 injured were 90 children.", [("wounded", 640, 640)]),
    ("bare-figures-take-the-next-category",
     "The figure of 20 comes on top of an earlier estimate of 35, bringing the number of civilians killed to 55.",
     [("killed", 20, 20), ("killed", 35, 35), ("killed", 55, 55)]),
    ("whole-of-a-part-with-cue-adjective", "Only two of the 9,000 dead soldiers have been named.", [("killed", 9000, 9000)]),
    ("part-of-a-sent-total", "Officials said some 3,000 of the 11,000 troops sent by the government in May had been killed.",
     [("killed", 3000, 3000)]),
    ("wounded-then-captured", "Police were questioning two wounded gunmen after they were captured near the border.",
     [("captured", 2, 2)]),
    ("irregular-participle-relative",
     "About 900 soldiers sent by the ministry to guard the long northern border in winter had been killed.",
     [("killed", 900, 900)]),
    ("age-inside-the-phrase", "Doctors said four children no older than 12, all cousins, were among the wounded.",
     [("wounded", 4, 4)]),
    ("among-the-dead-breakdown", "At least 300 people died. Among the dead are 40 children.", [("killed", 300, 300)]),
    ("toll-since-a-dated-day", "The death toll among its soldiers since the Oct. 7 attack rose to 420.", [("killed", 420, 420)]),
    ("date-then-figure-is-no-range", "The toll since the ground operation began on Oct. 27 to 78 soldiers killed.",
     [("killed", 78, 78)]),
    ("span-of-days-is-no-figure", "Fighting from May 3 to 9 killed 40 people.", [("killed", 40, 40)]),
    ("injury-of-others", "The army announced the death of four soldiers and the injury of six others.",
     [("killed", 4, 4), ("wounded", 6, 6)]),
    ("relative-clause-subject", "Two members of the security forces who were returning fire were wounded.",
     [("wounded", 2, 2)]),
    ("apposition-subject", "Thirteen people, described as \"mobsters,\" who tried to drive a truck into a police station "
     "were killed.", [("killed", 13, 13)]),
    ("coordinated-participles", "Witnesses saw at least four men being dragged from buses and shot dead.",
     [("killed", 4, 4)]),
    ("murdered-and-beheaded", "Terrorists murdered and beheaded five people on Tuesday.", [("killed", 5, 5)]),
    ("murder-of", "The group was accused of the murder of two other soldiers.", [("killed", 2, 2)]),
    ("found-dead", "Eight people were killed in the vehicle and another seven people were found dead nearby.",
     [("killed", 8, 8), ("killed", 7, 7)]),
    ("claimed-victims", "The struggle has claimed more than 6,000 victims.", [("killed", 6000, 6000)]),
    ("victims-after-killed", "August saw 5,440 killed, with 4,985 victims in September.",
     [("killed", 5440, 5440), ("killed", 4985, 4985)]),
    ("victims-buried", "About 7,000 victims have been identified and buried, but about 1,000 remain missing.",
     [("killed", 7000, 7000), ("missing", 1000, 1000)]),
    ("shot-in-the-legs", "Four fishermen were shot in the legs by gunmen.", [("wounded", 4, 4)]),
    ("dateline-day-no-breakdown", "BOGOTA, Nov 22 (AFP) — The group has killed four soldiers in an attack.",
     [("killed", 4, 4)]),
    ("eruption-of-hostilities", "The army has lost more than 3,000 servicemen since the eruption of hostilities.",
     [("casualties", 3000, 3000)]),
    ("revision-a-week-earlier", "Civilian casualties amounted to 18,817 (a week earlier some 18,657).",
     [("casualties", 18817, 18817), ("casualties", 18657, 18657)]),
    ("abbreviation-in-phrase", "Officials said 12 U.S. service members were killed.", [("killed", 12, 12)]),
    ("wounded-in-place-then-killed", "At least 10 civilians were killed, 85 wounded in Lashkargah and 5 killed in Kandahar.",
     [("killed", 10, 10), ("wounded", 85, 85), ("killed", 5, 5)]),
    ("and-a-half-thousand", "The bodies of around two and a half thousand people have been found.",
     [("killed", 2500, 2500)]),
    ("comma-before-verb", "Four young fishermen from Ilala village in Macomia, were shot in the legs by gunmen.",
     [("wounded", 4, 4)]),
    ("amongst-them-breakdown", "Over 100 civilians, amongst them at least 20 children, were killed in the attacks.",
     [("killed", 100, 100)]),
    ("got-killed", "Fourteen people were killed, and the other five soldiers got killed in Ghazal area.",
     [("killed", 14, 14), ("killed", 5, 5)]),
    ("the-other-after-breakdown", "14 people were killed including three generals, and the other five soldiers got "
     "killed in Ghazal.", [("killed", 14, 14), ("killed", 5, 5)]),
    ("list-after-number-of-injured", "The number of injured reached 159, 61 deaths and 12 people missing.",
     [("wounded", 159, 159), ("killed", 61, 61), ("missing", 12, 12)]),
    # blind rounds 16 and 17
    ("lost-soldiers-killed", "The Russian Federation lost approximately 350 000 soldiers killed, Zelensky said.",
     [("killed", 350_000, 350_000)]),
    ("lost-soldiers-killed-and-wounded", "Russia lost almost 843 thousand soldiers killed and wounded.",
     [("casualties", 843_000, 843_000)]),
    ("number-of-victims-dash-to", "The number of wounded increased to 41, and the number of victims - to 5.",
     [("wounded", 41, 41), ("killed", 5, 5)]),
    ("report-of-one-death", "The fatality count increased from the initial report of one death.", [("killed", 1, 1)]),
    ("classified-as-missing", "Today, over 26,000 individuals are classified as missing.", [("missing", 26000, 26000)]),
    ("out-of-these-breakdown", "Over 26,000 people are missing. Out of these, 11,000 non-combatants and 15,000 "
     "soldiers are reported as missing.", [("missing", 26000, 26000)]),
    ("held-in-captivity", "The Russians are holding more than 14,000 Ukrainian civilians in captivity.",
     [("captured", 14000, 14000)]),
    ("possessive-whole-not-partitive", "The brigade captured dozens of Russian soldiers, and video showed 24 of the "
     "Kremlin's fighters being taken prisoner.", [("captured", 12, 12), ("captured", 24, 24)]),
    ("such-a-figure-it-is", "Over 7,000 Ukrainian soldiers are missing. \"There really is such a figure, it is a little "
     "more than 7,000,\" he said.", [("missing", 7000, 7000), ("missing", 7000, 7000)]),
    ("held-hostage", "Around 100 people are still being held hostage by the militants.", [("captured", 100, 100)]),
    ("taking-hostage-singular", "Militants attacked on Oct. 7, killing about 1,200 people and taking around 250 hostage.",
     [("killed", 1200, 1200), ("captured", 250, 250)]),
    ("hostages-noun", "The agency has confirmed the identity of at least 210 hostages.", [("captured", 210, 210)]),
    ("death-or-injury-of", "A suicide attack resulted in the death or injury of 107 students.",
     [("casualties", 107, 107)]),
    ("of-which-were-fatalities", "Some 5,029 casualties were incurred by the division, 2,069 of which were fatalities.",
     [("casualties", 5029, 5029), ("killed", 2069, 2069)]),
    ("troops-fell-on-territory", "An estimated 5,300 US troops fell on its territory during the conflict.",
     [("killed", 5300, 5300)]),
    ("troops-fell-in-battle", "Some 2,000 soldiers fell in the battle for the city.", [("killed", 2000, 2000)]),
    ("the-dead-included-no-total", "A spokesman said the dead included five soldiers and one civilian.",
     [("killed", 5, 5), ("killed", 1, 1)]),
    ("the-dead-included-after-total", "At least 30 people were killed. The dead included 12 children.",
     [("killed", 30, 30)]),
    ("dash-list-before-verb", "On May 3, five security personnel – an Army colonel, a major, two Army officers and a "
     "police sub-inspector – died during an operation.", [("killed", 5, 5)]),
    ("alternative-tolls-list", "Sources varied on the death toll, with one reporting 20 soldiers killed, another citing "
     "over a dozen, and a third confirming at least 10 fatalities.",
     [("killed", 20, 20), ("killed", 12, 12), ("killed", 10, 10)]),
    ("two-dozen", "At least two dozen people were killed.", [("killed", 24, 24)]),
    ("the-dead-numbered", "Medics said the dead numbered at least 40.", [("killed", 40, 40)]),
    ("treated-for-wounds", "Nine civilians were confirmed dead and 40 others were treated for wounds.",
     [("killed", 9, 9), ("wounded", 40, 40)]),
    ("killed-a-family-of", "The strike killed a family of five.", [("killed", 5, 5)]),
    ("second-object-after-person", "The blast killed the driver and four passengers.", [("killed", 4, 4)]),
    ("taken-alive", "Two North Korean soldiers were taken alive by Ukrainian forces.", [("captured", 2, 2)]),
    ("seized-passengers", "The gunmen seized 30 passengers from the bus.", [("captured", 30, 30)]),
    ("snatched", "At least 276 schoolgirls were snatched from their dormitory.", [("captured", 276, 276)]),
    ("held-in-prisons", "The ombudsman said 1,500 civilians are being held in Russian prisons.",
     [("captured", 1500, 1500)]),
    ("whereabouts-of", "The whereabouts of 52 soldiers remain unknown.", [("missing", 52, 52)]),
    ("number-of-people-who-died", "The number of people who died rose to 12.", [("killed", 12, 12)]),
    ("part-of-wounded-later-died", "Twelve people were wounded; two of the wounded later died.",
     [("wounded", 12, 12), ("killed", 2, 2)]),
    ("pows-noun", "Ukraine holds about 1,000 Russian POWs.", [("captured", 1000, 1000)]),
    ("pows-died-are-deaths", "Over 200 POWs have died in Russian custody since the war began.", [("killed", 200, 200)]),
    ("number-of-pows-estimated-at", "The number of Ukrainian POWs held by Russia is estimated at 8,000.",
     [("captured", 8000, 8000)]),
    ("massacre-of", "The massacre of 300 villagers shocked the region.", [("killed", 300, 300)]),
    ("execution-of-prisoners", "The execution of 12 prisoners was confirmed by the UN.", [("killed", 12, 12)]),
    ("body-count", "The body count rose to 57 on Tuesday.", [("killed", 57, 57)]),
    ("casualty-count", "The casualty count now stands at 530.", [("casualties", 530, 530)]),
    ("burned-alive", "Seven civilians were burned alive.", [("killed", 7, 7)]),
    ("hacked-to-death", "Attackers hacked 14 villagers to death.", [("killed", 14, 14)]),
    ("number-of-victims-long-phrase", "The number of victims of the Russian attack on Dnipro has increased to 7.",
     [("killed", 7, 7)]),
    ("number-of-injured-long-phrase", "The number of injured as a result of the attack on Kharkiv has risen to 23.",
     [("wounded", 23, 23)]),
    ("bringing-the-total-to", "Another victim died in hospital, bringing the total to 8.", [("killed", 8, 8)]),
    ("held-people-hostage", "Militants stormed the school and held 1,100 pupils, their relatives, and teachers "
     "hostage for three days.", [("captured", 1100, 1100)]),
    ("one-navy-corpsman", "The bombing killed 11 U.S. Marines, one soldier and one Navy corpsman.",
     [("killed", 11, 11), ("killed", 1, 1), ("killed", 1, 1)]),
    ("the-casualties-figure", "The majority of the 1,100 casualties figure is said to involve wounded troops.",
     [("casualties", 1100, 1100)]),
    ("ellipsis-before-year", "More than 100 people were killed in 2023, and 200 in 2024.",
     [("killed", 100, 100), ("killed", 200, 200)]),
    ("may-is-a-verb", "As many as 3,000 may have been killed, according to local sources.",
     [("killed", 3000, 3000)]),
    ("of-the-killed-whole", "Of the 300 wounded, 40 died later.", [("wounded", 300, 300), ("killed", 40, 40)]),
    ("words-glossed-by-digits", "Twenty-one (21) persons were killed in the attack, police said.", [("killed", 21, 21)]),
    ("glossed-object", "The assailants killed five (5) vigilantes and injured three.",
     [("killed", 5, 5), ("wounded", 3, 3)]),
    ("kia-wia", "The unit reported 12 KIA and 30 WIA.", [("killed", 12, 12), ("wounded", 30, 30)]),
    ("cost-side-lives", "The battle cost the British 20,000 lives.", [("killed", 20000, 20000)]),
    ("year-after-since", "Since 2004, more than 6,500 people have been killed in the violence.",
     [("killed", 6500, 6500)]),
    ("year-after-month-day", "Since the ceasefire announced on October 11, 2025, 591 Palestinians have been killed.",
     [("killed", 591, 591)]),
    ("martyrdom-of", "The raid on the checkpoint resulted in the martyrdom of five soldiers, the army said.",
     [("killed", 5, 5)]),
    ("deaths-of-coordinated", "Authorities announced the deaths of at least 12 soldiers and 9 civilians.",
     [("killed", 12, 12), ("killed", 9, 9)]),
    ("abducted-rulers-and-others", "Gunmen abducted three traditional rulers and five other villagers in the raid.",
     [("captured", 3, 3), ("captured", 5, 5)]),
    ("events-counted-are-no-figure", "In May alone, the country suffered 45 terrorist attacks, resulting in 70 deaths.",
     [("killed", 70, 70)]),
    ("shot-dead-all", "Troops shot dead all seven assailants after the siege.", [("killed", 7, 7)]),
    ("among-the-injured-opens-breakdown", "Nine people were injured by falling debris. Among the injured is a "
     "70-year-old man in serious condition, and eight other injured people in light condition.", [("wounded", 9, 9)]),
    ("placed-the-number-next-sentence", "He said 46,000 soldiers had been killed. A year ago, he put the number at "
     "about 31,000.", [("killed", 46000, 46000), ("killed", 31000, 31000)]),
    ("exchange-shares-of-the-dead", "The bodies of fallen soldiers were swapped, with Ukraine receiving 909 and "
     "Russia 34.", [("killed", 909, 909), ("killed", 34, 34)]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in FIGURE_CASES], ids=[c[0] for c in FIGURE_CASES])
def test_casualties_figure(text: str, expected: list[tuple]) -> None:
    assert _figures(text) == expected


# (id, text): numbers that are not casualties
NEGATIVE_CASES = [
    ("troops-sent", "North Korea sent 11,000 troops to Russia in October."),
    ("troops-deployed", "An estimated 11,000 North Koreans were deployed to Kursk last December."),
    ("unit-size-strong", "The 12,000-strong North Korean contingent arrived in Kursk in November."),
    ("date-range", "The fighting on Dec. 14-15 involved units of the 94th brigade."),
    ("age-and-date", "The soldier, aged 20, was captured on January 16."),
    ("age-hyphen-duration", "A 26-year-old soldier said he had served for 10 years."),
    ("money", "Each soldier is paid $2,000 a month, and the deal is worth $200 million."),
    ("equipment", "Ukraine says it destroyed 12 tanks and 30 armoured vehicles."),
    ("equipment-lost", "Other assets lost by Russia include 1,402 rocket systems and 384 aircraft."),
    ("percent-poll", "About 60% of respondents opposed the deployment, a poll of 1,000 people found."),
    ("prisoners-freed", "Russia and Ukraine exchanged 150 prisoners each on Monday, and 300 soldiers were freed."),
    ("prisoners-returned", "Kyiv brought home 189 former captives in the latest exchange."),
    ("ordinal-the-13th", "The spy agency revealed on the 13th that it had briefed lawmakers."),
    ("year", "Since 1953, North Korea has prepared for war; in 2016 a soldier defected."),
    ("displaced", "At least 1.2 million people have been displaced by violence, the United Nations says."),
    ("rate-not-count", "Around 10,000 troops arrived, and half of the 11,000 troops deployed are now at the front."),
    ("score", "The team lost 24-17 on Sunday."),
    ("disease-deaths", "Cholera has caused 2,000 deaths in the camps this year."),
    ("equipment-destroyed", "Ukraine claims to have destroyed 10,881 Russian tanks and 384 aircraft."),
    ("determiner-reference", "They were among the 2,500 troops of the bureau deployed to Russia."),
    ("age-older-than", "Five children no older than 10 were seen in the video."),
    ("half-of-the-figure", "About half of the 4,100 soldiers were sent back home in March."),
    ("rate-per-day", "Russian forces suffered an estimated 1,500 casualties a day on average, the UK said."),
    ("lives-saved", "The program saved 300 lives last year."),
    ("two-day-attack", "A two-day attack on the camp was reported by residents who fled."),
    ("hypothetical", "If 3,000 were lost in the first month, how many will there be by spring?"),
    ("one-as-a-reference", "Zelensky said one captured soldier carried a military ID in the name of a resident of Tuva."),
    ("earthquake-deaths", "The region, reeling from a March earthquake killing over 4,500, faces more airstrikes."),
    ("modal-could-kill", "Planners estimated the offensive could kill 5,000 to 9,000 civilians and 2,000 soldiers."),
    ("modal-would-die", "The study says 2 million people would die in the first week of such a war."),
    ("projection-scenario", "The scenario predicted 12 million casualties, with 5 million dead and 7 million injured."),
    ("disaster-sentence", "Rescuers recovered hundreds of bodies from villages that were hit by a massive earthquake."),
    ("vote-count", "Parliament voted 141-40, with three abstentions, to approve the aid."),
    ("displacement-of", "The war has caused the deaths and the displacement of more than 11 million people."),
    ("prisoners-flown-home", "The 30 prisoners of war and 14 civilian captives were flown to Yerevan on Monday."),
    ("prisoners-released", "So, Armenia released one prisoner, and Azerbaijan – five prisoners of war."),
    ("arrest-of", "Baku announced the arrest of four soldiers, two accused of defiling the bodies of troops who died."),
    ("year-before-comma", "In 2022 troops were killed in larger numbers than in 2023, people killed in 2024 fewer."),
    ("releasing-hostages", "Talks on releasing 33 hostages continued in Cairo on Monday."),
    ("munitions-seized", "Hundreds of munitions were seized, police said."),
    ("execution-of-plans", "The execution of 2 plans was delayed by the fighting."),
    ("bringing-the-total-deployed", "The army said 40 soldiers were deployed, bringing the total to 1,000."),
    ("talks-about-hostages", "Talks were held with 3 officials about the hostages."),
    ("bare-number-after-things", "Ukraine has received 31 Abrams tanks, and 2 were lost in combat."),
    ("held-press-conferences", "The army held 3 press conferences, the hostage families said."),
    ("may-day-month", "On 3 May 2024 police detained 200 May Day marchers."),
    ("fell-ill", "Two soldiers fell ill during the exercise, causing losses to the schedule."),
    ("prisoner-exchange-shares", "Prisoners were exchanged, with Ukraine receiving 95 and Russia 95."),
]


@pytest.mark.parametrize("text", [c[1] for c in NEGATIVE_CASES], ids=[c[0] for c in NEGATIVE_CASES])
def test_casualties_not_a_casualty(text: str) -> None:
    assert _figures(text) == []


# (id, text, expected qualifier of the first record)
QUALIFIER_CASES = [
    ("around", "Around 500 soldiers were killed.", "approximately"),
    ("about", "About 500 soldiers were killed.", "approximately"),
    ("some", "Some 500 soldiers were killed.", "approximately"),
    ("nearly", "Nearly 500 soldiers were killed.", "approximately"),
    ("roughly", "Roughly 500 soldiers were killed.", "approximately"),
    ("at-least", "At least 500 soldiers were killed.", "at_least"),
    ("no-fewer-than", "No fewer than 500 soldiers were killed.", "at_least"),
    ("more-than", "More than 500 soldiers were killed.", "more_than"),
    ("over", "Over 500 soldiers were killed.", "more_than"),
    ("upwards-of", "Upwards of 500 soldiers were killed.", "more_than"),
    ("up-to", "Up to 500 soldiers were killed.", "up_to"),
    ("fewer-than", "Fewer than 500 soldiers were killed.", "fewer_than"),
    ("exact", "500 soldiers were killed.", "exact"),
    ("range", "Between 400 and 500 soldiers were killed.", "range"),
    ("vague", "Hundreds of soldiers were killed.", "vague"),
    ("rise-up-to-is-not-a-bound", "Ten more died, bringing the toll up to 624.", "exact"),
    ("closer-to", "The latest assessment places the death toll closer to 2,000.", "approximately"),
    ("has-passed", "The toll from a week of clashes has passed 1,300, a monitor said.", "more_than"),
]


@pytest.mark.parametrize(("text", "qualifier"), [c[1:] for c in QUALIFIER_CASES], ids=[c[0] for c in QUALIFIER_CASES])
def test_casualties_qualifier(text: str, qualifier: str) -> None:
    records = extract_casualties(text, PARTIES)
    assert records and records[0].qualifier == qualifier


# (id, text, expected party of the first record, subject passed in)
PARTY_CASES = [
    ("alias-north-korean", "About 300 North Korean soldiers were killed.", "north_korean", None),
    ("alias-dprk", "The spy agency estimated that 1,100 DPRK soldiers had been killed or wounded.", "north_korean", None),
    ("alias-pyongyang", "Pyongyang's troops suffered heavy losses: some 3,000 were killed or wounded.", "north_korean", None),
    ("civilians", "More than 600 civilians have been killed in Ukraine in 2024, the UN says.", "civilian", None),
    ("civilian-over-nationality", "At least 12 Sudanese civilians were killed in the attack.", "civilian", None),
    ("other-side", "Israel's military said it had killed about 20 Hamas fighters.", "other", None),
    ("other-demonym", "At least 33 Palestinians were killed in the strikes.", "other", None),
    ("attacker-is-not-victim", "A Russian strike on the Ukrainian city of Kharkiv killed at least one person.",
     "ukrainian", None),
    ("subject-fallback", "Ten soldiers were killed in the attack.", "north_korean", "north_korean"),
    ("subject-from-text", "North Korean troops are fighting in Kursk. North Korea sent them in October. "
                          "At least 40 soldiers were killed last week.", "north_korean", None),
    ("no-topic-party-is-other", "Ten people were killed and eight wounded, he said.", "other", None),
    ("topic-news-no-side-is-unknown", "Russian shelling killed one person, he said.", "unknown", None),
    ("topic-place-gives-side", "Two people were killed and five injured in Kharkiv.", "ukrainian", None),
    ("topic-place-beats-attacker-and-subject", "A Ukrainian drone attack on Russia's southwestern Samara region "
     "killed four people, the local governor said.", "russian", None),
    ("soldiers-keep-their-army-abroad", "North Korean troops are fighting in Kursk. About 200 soldiers were killed "
     "there last week.", "north_korean", None),
    ("official-named-as-source-is-side", "Interior Minister Ihor Klymenko said 20 people were killed across the "
     "country.", "ukrainian", None),
    ("others-inherit", "At least 300 North Korean troops have been killed and 2,700 others injured.",
     "north_korean", None),
    ("shared-object", "Ukrainian soldiers have killed 77 and wounded as many as 40 North Korean soldiers.",
     "north_korean", None),
    ("its-fighters", "Hezbollah said four of its fighters had been killed.", "other", None),
    ("civil-source-side", "Lebanon's health ministry said 51 people were killed and more than 220 injured.",
     "other", None),
    ("military-source-not-victim", "Ukraine's military intelligence said 30 soldiers were killed.", "unknown", None),
    ("childrens-hospital-is-a-place", "Russian missiles killed at least seven people near a children's hospital in Kyiv.",
     "ukrainian", None),
    ("captivity-holder-not-victim", "Over 200 POWs have died in Russian custody since the war began, says Ukraine.",
     "ukrainian", None),
    ("place-victims", "An attack on a village in central Sudan has killed 100 people.", "other", None),
    ("ally-is-not-victim", "More than 100 troops have been killed in their battles for Russia.", "unknown", None),
    ("coordinated-sides", "Russia and Ukraine exchanged the remains of 802 fallen soldiers.", "unknown", None),
    ("abbreviated-alias", "About 300 N. Korean soldiers were killed and 2,700 wounded, the NIS said.",
     "north_korean", None),
    ("transliterated-alias", "At least 27 people died in Russian airstrikes on Kiev on Monday.", "ukrainian", None),
    ("closest-cue-owner", "Estimates from Ukrainian sources put Russian combat losses at over 654,000.", "russian", None),
    ("uniformed-staff-not-civilian", "Two police staff were killed in Egypt.", "other", None),
    ("others-after-civilian-total",
     "The mission verified 900 civilian casualties -- 300 killed and 600 injured -- in Ukraine.", "civilian", None),
    ("bracketed-breakdown-not-civilian", "In all, 1,200 persons (700 men, 400 women and 100 children) were killed.",
     "other", None),
    ("source-participle-not-a-side",
     "North Korea sent 14,000 soldiers, with South Korean and Ukrainian sources reporting over 6,000 killed.",
     "north_korean", None),
    ("staff-sergeant-not-civilian", "Two Israeli soldiers, Staff Sergeant A and Staff Sergeant B, were killed.",
     "other", None),
    ("country-outside-topic", "Two servicemen were killed in skirmishes on Armenia's border with Azerbaijan.", "other", None),
    ("army-reports-own-dead", "The two soldiers were killed by a roadside bomb, the Malian army said.", "other", None),
    ("single-list-mate-not-own", "The attack injured four other soldiers and a civilian.", "other", None),
    ("armed-force-outside-topic", "At least 15 SSPDF soldiers have been killed in clashes.", "other", None),
    ("shopkeepers-civilian", "The association said three shopkeepers were killed.", "civilian", None),
    ("attacker-subject-far-from-verb", "Serb troops led by General Ratko Mladic overran the enclave and executed about "
     "8,000 men and boys.", "other", None),
    ("by-shelling-names-the-target", "Ukrainian forces on Sunday killed one man and wounded 11 others by shelling "
     "Russia's Belgorod region, the governor said.", "russian", None),
    ("one-civilian-own-word", "A spokesman said the dead included one civilian.", "civilian", None),
    ("source-is-not-the-toll-owner", "Medics said the death toll rose to 40.", "other", None),
    ("linked-to-is-no-subject", "The region is a hotspot for networks linked to both al Qaeda and Islamic State. "
     "Sources said 20 soldiers were killed.", "other", None),
    ("breakdown-among-victims-no-subject", "Officials confirm at least 21 fatalities, with five children among the "
     "victims.", "other", None),
    ("holder-by-is-not-owner", "The number of Ukrainian POWs held by Russia is estimated at 8,000.", "ukrainian", None),
    ("attack-modifier-not-toll-owner", "The number of victims of the Russian attack on Dnipro has increased to 7.",
     "ukrainian", None),
    ("state-media-own-soldiers", "North Korean state media said 9 soldiers died during the deployment.",
     "north_korean", None),
    ("leader-own-soldiers-over-place", "Kim Jong Un said 9 members of the regiment died in Russia.", "north_korean", None),
    ("n-of-them-breakdown", "Local officials reported 14 dead, 7 of them children.", "other", None),
    ("dash-breakdown-no-subject", "For now 22 people in total -- 20 children and two teachers -- have been killed.",
     "other", None),
    ("among-n-people-is-breakdown", "Lebanon's health ministry said a child was among four people killed in an Israeli "
     "strike on Nabatieh.", "other", None),
    ("counted-civilians-not-toll-owner", "The shelling killed 2,000 Palestinians, including 800 children and 500 women, "
     "and caused injuries to 6,000 people.", "other", None),
    ("regime-soldiers-other-side", "More than 40 regime soldiers were killed in the attack on the base, the resistance "
     "group said.", "other", None),
    ("junta-troops-lost", "Junta troops lost 30 soldiers in the battle for the town, the resistance said.", "other",
     None),
    ("remains-returned-home", "The remains of 909 fallen defenders were returned to Ukraine on Friday, Moscow said.",
     "ukrainian", "russian"),
    ("country-before-foreign-strikes-is-place", "The death toll in Israel from Iranian missile strikes has risen to 24.",
     "other", None),
    ("rained-down-drones-attacker", "Russian forces overnight rained down drones on Sumy in northern Ukraine, killing "
     "three people.", "ukrainian", None),
    ("later-number-owns-its-civilians", "The war in Sudan has left 20,000 people dead and 12 million displaced as "
     "refugees.", "other", None),
    ("hostile-fighters-killed-by-authority-forces", "Kenya's interior ministry said police shot dead all four gunmen "
     "after the siege.", "other", None),
    ("hostile-fighters-not-the-reporting-army", "The Pakistani military said 12 militants were killed in the raid.",
     "other", None),
    ("hostile-fighters-in-topic-news-take-no-side", "Ukraine's military said 12 militants were killed in the raid.",
     "unknown", None),
    ("the-country-stands-for-named-side", "A study by the Nigeria Security Tracker found that the country recorded "
     "at least 300 deaths in May.", "other", None),
    ("source-with-aside-is-not-owner", "Local media said nine people had been killed but a Taliban spokesman, who "
     "asked not to be named, said the toll was higher.", "other", None),
]


@pytest.mark.parametrize(("text", "party", "subject"), [c[1:] for c in PARTY_CASES], ids=[c[0] for c in PARTY_CASES])
def test_casualties_party(text: str, party: str, subject: str | None) -> None:
    records = extract_casualties(text, PARTIES, subject=subject)
    assert records and all(r.party == party for r in records)


# (id, text, expected attributed_to of the first record)
ATTRIBUTION_CASES = [
    ("according-to", "No fewer than 70 civilians were killed, according to the United Nations.", "the United Nations"),
    ("x-said-after", "At least 600 North Korean soldiers have been killed, Seoul's spy agency said on Wednesday.",
     "Seoul's spy agency"),
    ("x-estimated-before", "The spy agency estimated that 1,100 DPRK soldiers had been killed or wounded.",
     "The spy agency"),
    ("x-claimed", "South Korea's intelligence service claimed 3,000 North Korean soldiers had been killed.",
     "South Korea's intelligence service"),
    ("said-x-inverted", "\"An RSF attack killed at least 40 civilians,\" said the Abu Gouta Resistance Committee.",
     "the Abu Gouta Resistance Committee"),
    ("none", "Seventeen people lost their lives in the attack.", None),
    ("not-claimed-the-lives", "The blast claimed the lives of 30 soldiers.", None),
    ("declared", "Zelensky declared that 31,000 Ukrainian soldiers had been killed.", "Zelensky"),
    ("quote-then-lower-case-title", "\"Nine people were killed,\" civil defence spokesman Ali Hassan told AFP.",
     "civil defence spokesman Ali Hassan"),
    ("source-without-adverb", "Ukraine's Defence Intelligence earlier reported that 30 soldiers were killed.",
     "Ukraine's Defence Intelligence"),
    ("data-showed", "Russia lost 330 soldiers in one day, data from the Ukrainian military showed.",
     "data from the Ukrainian military"),
    ("pronoun-resolved", "Mayor Ekwalle Martin said separatists attacked. \"The toll is 24 dead,\" he said.", "Mayor Ekwalle Martin"),
    ("pronoun-alone", "\"The toll is 24 dead,\" he said.", "he"),
    ("said-the-lowercase-source", "Eighteen servicemen were killed in a week, said the ministry.", "the ministry"),
    ("negated-not-a-source", "The army did not say when the attack, which injured four soldiers, took place.", None),
    ("claimed-victims-not-a-source", "The struggle has claimed more than 6,000 victims.", None),
    ("quoted-as-saying", "Lee quoted the spy agency as saying that some 300 soldiers have been killed.", "the spy agency"),
    ("this-was-reported-by-next-sentence", "One person was killed and 9 others were injured. This was reported by the "
     "head of the regional administration Oleh Kiper on the air of a telethon.",
     "the head of the regional administration Oleh Kiper"),
    ("stated-this-next-sentence", "Over 26,000 people are classified as missing. Deputy Minister Leonid Tymchenko "
     "stated this during the telethon.", "Deputy Minister Leonid Tymchenko"),
    ("qualifier-is-no-source", "Sources varied, with one reporting 20 soldiers killed, another citing over a dozen, and a "
     "third confirming at least 10 fatalities.", None),
    ("was-quoted-as-saying-by", "At least 30 people were killed, a local doctor was quoted as saying by Reuters.",
     "Reuters"),
    ("based-on", "The strikes killed 90 civilians, based on figures from the health ministry.",
     "figures from the health ministry"),
    ("while-x-said", "The UN gave no figure, while the state emergency agency said 40 were abducted.",
     "the state emergency agency"),
    ("this-is-reported-by", "About 500 soldiers were killed in a week. This is reported by the General Staff.",
     "the General Staff"),
]


@pytest.mark.parametrize(("text", "source"), [c[1:] for c in ATTRIBUTION_CASES], ids=[c[0] for c in ATTRIBUTION_CASES])
def test_casualties_attribution(text: str, source: str | None) -> None:
    records = extract_casualties(text, PARTIES)
    assert records and records[0].attributed_to == source


def test_casualties_offsets_point_at_the_figure() -> None:
    text = "Intro line.\nMeanwhile, at least 300 North Korean troops have been killed and 2,700 others injured."
    records = extract_casualties(text, PARTIES)
    assert [text[r.start:r.end] for r in records] == ["at least 300", "2,700"]
    assert [r.text for r in records] == ["at least 300", "2,700"]
    assert all(r.sentence in text and r.sentence.startswith("Meanwhile") for r in records)


def test_casualties_records_use_the_shared_vocabularies() -> None:
    text = " ".join(c[1] for c in FIGURE_CASES)
    records = extract_casualties(text, PARTIES)
    labels = {p.label for p in PARTIES} | {"other", "unknown", "civilian"}
    assert records
    assert all(r.category in CASUALTY_CATEGORIES and r.qualifier in QUALIFIERS and r.party in labels for r in records)
    assert all(r.min is not None and r.max is not None and r.min <= r.max for r in records)


def test_casualties_parties_come_from_configuration() -> None:
    parties = (Party("martians", ("Martian", "Martians")),)
    records = extract_casualties("About 40 Martian soldiers were killed.", parties)
    assert [(r.category, r.min, r.party) for r in records] == [("killed", 40, "martians")]


def test_casualties_empty_and_irrelevant_text() -> None:
    assert extract_casualties("", PARTIES) == []
    assert extract_casualties("The company reported revenue of $3 billion and 1,200 new hires.", PARTIES) == []


def test_casualties_seed_article() -> None:
    text = SEED.read_text(encoding="utf-8")
    records = extract_casualties(text, PARTIES)
    hit = [r for r in records if r.min == 3000 and r.max == 3000]
    assert len(hit) == 1
    rec = hit[0]
    assert rec.category == "casualties"
    assert rec.qualifier == "approximately"
    assert rec.party == "north_korean"
    assert rec.attributed_to is not None and "National Intelligence Service" in rec.attributed_to
    assert text[rec.start:rec.end] == "around 3,000"
    assert "have been killed or wounded" in rec.sentence


# --- round 20 rule families -------------------------------------------------------------

def _records(text: str) -> list[tuple]:
    return [(r.category, r.min, r.max, r.party) for r in extract_casualties(text, PARTIES)]


def test_casualties_age_list_is_no_figure() -> None:
    text = "Three women aged 22, 35 and 61 were wounded when a shell hit their building in Kharkiv."
    assert _figures(text) == [("wounded", 3, 3)]


def test_casualties_period_without_unit_is_no_figure() -> None:
    text = "Over the past 48, 310 Russian soldiers were killed, the General Staff said."
    assert _figures(text) == [("killed", 310, 310)]


def test_casualties_of_them_part_after_total_is_breakdown() -> None:
    text = "The violence has left at least 900 people dead, 41 of them teenagers, and some 300 missing."
    assert _figures(text) == [("killed", 900, 900), ("missing", 300, 300)]


def test_casualties_glued_hyphen_breakdown_keeps_party() -> None:
    text = "The war in Gaza has killed more than 30,000 Palestinians-mostly women and children."
    assert _records(text) == [("killed", 30000, 30000, "other")]


def test_casualties_embraced_martyrdom_is_killed() -> None:
    text = "Four soldiers of the Pakistan Army embraced martyrdom during the exchange of fire, the ISPR said."
    assert _figures(text) == [("killed", 4, 4)]


def test_casualties_residents_who_insist_are_a_source_not_victims() -> None:
    records = extract_casualties(
        "Officials confirmed nine deaths, but residents were adamant that the number of dead was over 30.", PARTIES)
    assert [(r.category, r.min, r.party) for r in records] == [("killed", 9, "other"), ("killed", 30, "other")]
    assert records[1].attributed_to == "residents"


def test_casualties_hostile_fighters_take_no_subject_side() -> None:
    text = ("The Pakistani military said on Friday. Troops killed 11 terrorists while three Pakistani soldiers were "
            "martyred in North Waziristan.")
    assert _records(text) == [("killed", 11, 11, "other"), ("killed", 3, 3, "other")]
    # in news of the topic the fighters get no side at all, not the side of the army that reports them
    text = ("The Ukrainian military said on Friday. Troops killed 11 militants while three Ukrainian soldiers were "
            "killed in Sumy region.")
    assert _records(text) == [("killed", 11, 11, "unknown"), ("killed", 3, 3, "ukrainian")]


def test_casualties_prison_riot_is_no_custody() -> None:
    assert _records("At least 18 inmates were killed in Colombia's prison riot on Tuesday.") == [
        ("killed", 18, 18, "other")]


def test_casualties_captives_offered_for_exchange_are_captured() -> None:
    records = extract_casualties(
        "Kyiv offered to hand over 12 Russian soldiers captured near Kursk in exchange for Ukrainian defenders.", PARTIES)
    assert [(r.category, r.min, r.qualifier, r.party) for r in records] == [("captured", 12, "exact", "russian")]


def test_casualties_relative_clause_estimate_gives_the_figure() -> None:
    text = "The tally leaves out people missing under the ruins, which is now estimated to be about 2,000."
    assert _figures(text) == [("missing", 2000, 2000)]


def test_casualties_quote_closing_later_names_the_source() -> None:
    text = ('"In the past day, the enemy lost 320 servicemen. Two tanks were destroyed. Three soldiers surrendered,"'
            " the ministry said in a statement.")
    records = extract_casualties(text, PARTIES)
    assert records and records[0].min == 320 and records[0].attributed_to == "the ministry"


def test_casualties_passive_quoted_as_telling_is_a_source() -> None:
    records = extract_casualties(
        "The air raid killed 14 people, a hospital director was quoted as telling the state news agency.", PARTIES)
    assert records and records[0].attributed_to == "a hospital director"


def test_casualties_higher_than_is_more_than() -> None:
    records = extract_casualties("Local elders said the death toll was higher than 50.", PARTIES)
    assert [(r.category, r.min, r.qualifier) for r in records] == [("killed", 50, "more_than")]


def test_casualties_group_breakdown_of_earlier_total_is_not_a_figure() -> None:
    text = ("A gunman's attack on a nightclub in the port city has left 17 people dead. "
            "Witnesses said the attackers set the building alight, killing nine women and eight men.")
    assert _figures(text) == [("killed", 17, 17)]


def test_casualties_split_by_place_of_earlier_total_stays() -> None:
    text = ("Shelling killed 12 people in the region on Monday. "
            "Eight people were killed in the city while four others were killed in a nearby village.")
    assert _figures(text) == [("killed", 12, 12), ("killed", 8, 8), ("killed", 4, 4)]


def test_casualties_disaster_sentence_and_its_follow_up_are_not_figures() -> None:
    text = ("Rescuers kept digging as the official death toll from the disaster rose to 61. "
            "The number of people injured climbed to more than 400.")
    assert _figures(text) == []


def test_casualties_number_of_named_soldiers_killed_put_at() -> None:
    text = "Officials said estimates put the number of Russian soldiers killed in the offensive at around 9,000."
    assert _figures(text) == [("killed", 9000, 9000)]


def test_casualties_total_since_a_date_then_to_figure() -> None:
    text = ("Five soldiers were wounded overnight, bringing the total wounded soldiers since Feb, 24, 2022 to 1,310.")
    assert _figures(text) == [("wounded", 5, 5), ("wounded", 1310, 1310)]


def test_casualties_one_killed_and_another_wounded() -> None:
    text = "At least one person was killed and another injured in a drone strike on the village, the governor said."
    assert _figures(text) == [("killed", 1, 1), ("wounded", 1, 1)]


def test_casualties_abduction_of_n_is_captured() -> None:
    text = "Gunmen shot dead four farmers during the abduction of three schoolgirls in the district."
    assert _figures(text) == [("killed", 4, 4), ("captured", 3, 3)]


def test_casualties_lives_lost_are_deaths() -> None:
    assert _records("Over 29,683 lives have been lost in the conflict, according to ACLED.") == [
        ("killed", 29683, 29683, "other")]
    assert _records("At least 40 lives were lost in the Russian strike on Odesa.") == [("killed", 40, 40, "ukrainian")]
    # "lost" with soldiers stays a combined loss
    assert _records("The unit lost 2 soldiers.")[0][0] == "casualties"


def test_casualties_toll_rising_from_one_figure_to_another_gives_both() -> None:
    # "from X to Y" after a rise is a revision (the earlier figure and the current one), not a range
    assert _records("The death toll from the strikes on Odesa rose from 34 to 50, the governor said.") == [
        ("killed", 34, 34, "ukrainian"), ("killed", 50, 50, "ukrainian")]
    assert [r[:3] for r in _records("The number of injured has climbed from 20 to 37.")] == [
        ("wounded", 20, 20), ("wounded", 37, 37)]
    assert [r[:3] for r in _records("Between 20 and 30 people were killed.")] == [("killed", 20, 30)]


def test_casualties_group_of_long_toll_subject_and_disappearances() -> None:
    assert [r[:3] for r in _records("Russian troops captured a group of six Ukrainian soldiers near Kupiansk.")] == [
        ("captured", 6, 6)]
    assert [r[:3] for r in _records("The number of people killed in Goma and its surroundings in eastern Democratic "
                                    "Republic of Congo (DRC) has exceeded 8,500 since January.")] == [("killed", 8500, 8500)]
    assert [r[:3] for r in _records("The cartel war caused at least 9 murders and 14 forced disappearances.")] == [
        ("killed", 9, 9), ("missing", 14, 14)]


def test_casualties_round_25_wordings() -> None:
    assert [r[:3] for r in _records("A drone strike on Sumy has resulted in one fatality and at least eight injuries.")] == [
        ("killed", 1, 1), ("wounded", 8, 8)]
    assert [r[:3] for r in _records("On the previous day, enemy losses amounted to another 1,540 soldiers.")] == [
        ("casualties", 1540, 1540)]
    # a span of dates after "between" is no figure
    assert [r[:3] for r in _records("A source said 121 soldiers have been killed between 2021 and December 2024.")] == [
        ("killed", 121, 121)]
    assert [r[:3] for r in _records("The death toll from clashes between Colombia's National Liberation Army (ELN) and "
                                    "members of the former FARC 33rd Front has risen to 60, the Ombudsman's Office said.")] == [
        ("killed", 60, 60)]
    assert [r[:3] for r in _records("Troops sent twelve terrorists to hell, while eighteen brave sons of the soil made the "
                                    "ultimate sacrifice.")] == [("killed", 12, 12), ("killed", 18, 18)]
    assert _records("The army sent 500 soldiers to the front.") == []


def test_casualties_round_27_wordings() -> None:
    # a weapon's model number is no figure
    assert _records("Two Su-25 jets and a D-20 howitzer were destroyed.") == []
    assert [r[:3] for r in _records("The army said 40 soldiers were killed and a T-72 tank destroyed.")] == [("killed", 40, 40)]
    # "confirmed dead or injured", "have either been killed or injured" are one combined figure
    assert [r[:3] for r in _records("Over 1,100 North Koreans have been confirmed dead or injured.")] == [
        ("casualties", 1100, 1100)]
    assert [r[:3] for r in _records("The JCS says 3,000 North Korean troops have either been killed or injured.")] == [
        ("casualties", 3000, 3000)]
    assert [r[:3] for r in _records("The UN documented 315 lynchings of suspected gang members in 2024.")] == [
        ("killed", 315, 315)]
    # after a disaster's toll, the military as the source is no sign of violence
    assert _records("The death toll from the earthquake rose to 3,085, the military-led government said. In a short "
                    "statement, the military said another 4,715 people have been injured and 341 are missing.") == []


def test_casualties_revised_toll_from_an_earlier_figure() -> None:
    # the earlier figure of a revision, after "from", is a record too (the convention: "up from 34")
    assert [r[:3] for r in _records("The prosecutor's office revised the death toll down to 11 Monday night from 12.")] == [
        ("killed", 11, 11), ("killed", 12, 12)]
    assert [r[:3] for r in _records("Deaths rose to 45 from 30 on Sunday.")] == [("killed", 45, 45), ("killed", 30, 30)]
    assert _records("Prices rose to 45 from 30 dollars.") == []
    assert [r[:3] for r in _records("Additionally, 281 cases of alleged summary executions by police units were recorded.")] == [
        ("killed", 281, 281)]


def test_casualties_people_and_equipment_in_one_list() -> None:
    # a loss claim lists soldiers and equipment under one verb: the soldiers are a figure, the equipment is not
    assert [r[:3] for r in _records("Over 250 Ukrainian soldiers, six tanks, five armored vehicles and a howitzer have "
                                    "been eliminated over the past day, the ministry said.")] == [("killed", 250, 250)]
    assert _records("Five armored vehicles were destroyed.") == []
    # a thing noun as the modifier of people is no thing
    assert [r[:3] for r in _records("Three drone operators were killed.")] == [("killed", 3, 3)]
    assert [r[:3] for r in _records("More than 100 Storm Corps troops have been killed.")] == [("killed", 100, 100)]
    assert [r[:3] for r in _records("They killed more than 160 in the village of Dengolat.")] == [("killed", 160, 160)]


def test_casualties_article_places_after_a_figure_with_no_side() -> None:
    # a figure that takes no side (hostile fighters) must not stop a later figure from taking the article's places
    text = ("Ukraine's military said 12 militants were killed in the raid. Two people were killed and five injured, "
            "officials said. Kharkiv and Kharkiv region were shelled overnight.")
    assert _records(text) == [("killed", 12, 12, "unknown"), ("killed", 2, 2, "ukrainian"), ("wounded", 5, 5, "ukrainian")]


def test_casualties_round_28_wordings() -> None:
    # a sentence that opens on the total before it and lists what it holds is its breakdown
    assert [r[:3] for r in _records("Officials said at least 200 people were killed and 400 wounded. This number "
                                    "allegedly includes more than 40 injured and 10 killed civilians.")] == [
        ("killed", 200, 200), ("wounded", 400, 400)]
    assert [r[:3] for r in _records("“We have documented 934 killings, 684 injuries and 680 kidnappings,” he said.")] == [
        ("killed", 934, 934), ("wounded", 684, 684), ("captured", 680, 680)]
    # prisoners of war who were killed are dead, not captives
    assert [r[:3] for r in _records("The Arakan Army said more than 50 prisoners of war were killed in the airstrikes.")] == [
        ("killed", 50, 50)]
    assert [r[:3] for r in _records("Russia holds 8,000 prisoners of war.")] == [("captured", 8000, 8000)]
    assert [r[:3] for r in _records("Border guards were accused of fatally shooting two men.")] == [("killed", 2, 2)]
    # "one of 35 people killed": the 35 is the figure, the "one" is not
    assert [r[:3] for r in _records("He was one of 35 people killed when a Russian strike hit the base.")] == [
        ("killed", 35, 35)]
    assert _records("One of the 12 soldiers killed was a medic.") == []


def test_casualties_round_29_wordings() -> None:
    assert [r[:3] for r in _records("Police confirmed the killing of a total of 20 persons by gunmen in two attacks.")] == [
        ("killed", 20, 20)]
    # the dead handed over in an exchange are figures, with the side named inside the cue
    assert _records("Russia repatriated the bodies of 69 of its soldiers in exchange for 100 fallen Ukrainian "
                    "servicemen.") == [("killed", 69, 69, "russian"), ("killed", 100, 100, "ukrainian")]
    assert _records("Russia freed 50 prisoners in exchange for 50 Ukrainian soldiers.") == []
    assert [r[:3] for r in _records("Six militants were sent to hell, the ISPR said.")] == [("killed", 6, 6)]
    assert _records("500 soldiers were sent to the front.") == []
    assert [r[:3] for r in _records("Our soldiers were able to repel the attack and capture 22 enemy assault troops.")] == [
        ("captured", 22, 22)]
    assert _records("Troops moved to capture 3 villages.") == []


def test_casualties_neutralised_with_its_killed_part_is_all_losses() -> None:
    assert [r[:3] for r in _records("“Our soldiers neutralised more than 15,000 invaders, of which about 7,000 were "
                                    "killed,” the commander said.")] == [("casualties", 15000, 15000), ("killed", 7000, 7000)]
    assert [r[:3] for r in _records("Ukrainian forces neutralised 40 Russian soldiers.")] == [("killed", 40, 40)]


def test_casualties_round_30_wordings() -> None:
    # figures listed after a loss verb, each with its own place, share the verb
    assert [r[:3] for r in _records("Kiev has also lost up to 410 soldiers in the Avdeyevka area, up to 150 soldiers in the "
                                    "South Donetsk direction, and up to 145 soldiers in the Kupyansk area.")] == [
        ("casualties", 410, 410), ("casualties", 150, 150), ("casualties", 145, 145)]
    assert _records("A drone damaged 3 buildings and 2 shops, but no one was injured.") == []
    assert [r[:3] for r in _records("Two separate Israeli air strikes on Khan Younis killed at least 15 Palestinians.")] == [
        ("killed", 15, 15)]
    assert [r[:3] for r in _records("ADF attacks between Nov. 13 and 19 killed at least 89 people in North Kivu.")] == [
        ("killed", 89, 89)]
    assert [r[:3] for r in _records("Between 13 and 19 people were killed in the attack.")] == [("killed", 13, 19)]


def test_casualties_asides_between_the_group_and_its_verb() -> None:
    assert [r[:3] for r in _records("Three women, aged 51, 18 and 69, were injured.")] == [("wounded", 3, 3)]
    assert [r[:3] for r in _records("Two men, both aged 40, died at the scene after the shelling.")] == [("killed", 2, 2)]
    assert [r[:3] for r in _records("Four residents, two of them children, were hurt in the strike.")] == [("wounded", 4, 4)]
    assert [r[:3] for r in _records("Six people, most of them women, were killed.")] == [("killed", 6, 6)]


def test_casualties_bodies_of_captives_are_dead() -> None:
    assert [r[:3] for r in _records("The bodies of three hostages were recovered from Gaza.")] == [("killed", 3, 3)]
    assert [r[:3] for r in _records("Israel received the bodies of two hostages.")] == [("killed", 2, 2)]
    assert [r[:3] for r in _records("Hamas is still holding 20 hostages.")] == [("captured", 20, 20)]


def test_casualties_round_31_wordings() -> None:
    # a bare figure after a capture verb, followed by a time phrase
    assert [r[:3] for r in _records("Gangs are suspected of killing nearly 4,000 people and kidnapping another 3,000 "
                                    "last year.")] == [("killed", 4000, 4000), ("captured", 3000, 3000)]
    assert _records("Troops captured 3 villages last week.") == []
    # "lost a total of N soldiers"
    assert [r[:3] for r in _records("Russian forces have lost a total of 251,620 soldiers, according to the "
                                    "Ukrainian General Staff.")] == [("casualties", 251620, 251620)]
    # an estimate given before, revised; of killed and wounded given apart, it is both
    assert [r[:3] for r in _records("The NIS placed the number of war dead at 600. The agency now estimates the figure "
                                    "has climbed to around 2,000.")] == [("killed", 600, 600), ("killed", 2000, 2000)]
    assert [r[:3] for r in _records("In January, the NIS reported around 300 deaths and 2,700 injuries among North Korean "
                                    "forces. The military later raised that estimate to 4,000, with the NIS now placing it "
                                    "closer to 4,700.")] == [("killed", 300, 300), ("wounded", 2700, 2700),
                                                              ("casualties", 4000, 4000), ("casualties", 4700, 4700)]
    assert _records("The number of troops sent has grown to 12,000.") == []
    # a quake is a disaster, whatever else the sentence names
    assert _records("The military pledged a ceasefire after the magnitude 7.7 quake that killed nearly 3,800 people.") == []


def test_casualties_round_31_parties() -> None:
    parties = default_parties()
    text = ("Singh stated that North Korean forces are experiencing \"significant amount of casualties\" in Kursk Oblast, "
            "confirming the White House's data of 1,000 killed and wounded soldiers.")
    assert [(r.category, r.party) for r in extract_casualties(text, parties)] == [("casualties", "north_korean")]
    text = ('The ministry said that 53 people had been killed including "five children and two women" in the strikes '
            "on Sanaa.")
    assert [(r.category, r.party) for r in extract_casualties(text, parties)] == [("killed", "other")]


def test_casualties_round_32_wordings() -> None:
    # a disaster word as an adjective of a place is no disaster
    assert [r[:3] for r in _records("An airstrike on a monastery in the earthquake-affected Sagaing region has left at "
                                    "least 23 people dead.")] == [("killed", 23, 23)]
    # a "season" is no sports word here
    assert [r[:3] for r in _records("Gunmen attacked a Christmas season party early Sunday, killing a dozen people.")] == [
        ("killed", 12, 12)]
    # a headline list after a noun cue keeps the cue
    assert [r[:3] for r in _records("Shelling of Kherson: Number of wounded climbs to six, one dead")] == [
        ("wounded", 6, 6), ("killed", 1, 1)]
    assert [r[:3] for r in _records("Two Pakistan Army soldiers were martyred. According to ISPR, two terrorists were "
                                    "“sent to hell” during the exchange of fire.")] == [("killed", 2, 2), ("killed", 2, 2)]
    # groups that "were among those killed" after a total are its breakdown
    assert [r[:3] for r in _records("A car bomb hit Mogadishu, killing five people, police said. Two police officers, two "
                                    "attackers and one civilian were among those killed in the blast.")] == [("killed", 5, 5)]
    # a long toll subject
    assert [r[:3] for r in _records("The monitor said the number of deaths it had documented in Syria since the start of "
                                    "the conflict in 2011 has reached more than 301,000.")] == [("killed", 301000, 301000)]


def test_casualties_round_33_wordings() -> None:
    assert [r[:3] for r in _records("The statement further claimed that at least three North Korean servicemen also went "
                                    "missing near the village of Kurilovka.")] == [("missing", 3, 3)]
    assert [r[:3] for r in _records("Two army soldiers and four New People's Army (NPA) fighters have been killed in a "
                                    "clash, the military said.")] == [("killed", 2, 2), ("killed", 4, 4)]


def test_casualties_round_34_wordings() -> None:
    assert [r[:3] for r in _records("Yu said officials confirmed that North Korean casualties in the war are believed to "
                                    "be around 4,000.")] == [("casualties", 4000, 4000)]
    assert [r[:3] for r in _records("The total number of North Korean military casualties — including both killed and "
                                    "wounded — is estimated at 4,700.")] == [("casualties", 4700, 4700)]
    assert [r[:3] for r in _records("At least 11 men were discovered dead in eastern DR Congo on Sunday.")] == [
        ("killed", 11, 11)]
    assert [r[:3] for r in _records("The NIS confirmed that the Ukrainian military had captured the two North Koreans "
                                    "in the Kursk region.")] == [("captured", 2, 2)]
    assert _records("Troops captured the two villages.") == []
    assert [r[:3] for r in _records("It said two gang rapes took place and 12 people are still missing.")] == [
        ("missing", 12, 12)]
    assert _records("A bus plunged off a highway in Manila, killing at least 17 people and injuring some 16 others, "
                    "police said.") == []


def test_casualties_round_36_wordings() -> None:
    # a rate of any noun is no count, but "a day after" is a date
    assert _records("Putin has said that Russian forces are losing an estimated 20,000 lives a month in Ukraine.") == []
    assert _records("Russia is losing about 1,000 soldiers every day, the ministry said.") == []
    assert [r[:3] for r in _records("Eighteen servicemen were killed in a week, said the ministry.")] == [("killed", 18, 18)]
    assert [r[:3] for r in _records("US strikes killed four people and wounded 13, a day after the group said it had "
                                    "attacked Israel.")] == [("killed", 4, 4), ("wounded", 13, 13)]
    # a toll a modal only foresees
    assert _records("Officials said the death toll could rise to 50.") == []
    assert [r[:3] for r in _records("At least 12 people were killed, and the death toll could hit 20, officials said.")] == [
        ("killed", 12, 12)]
    # "N dying from ..."
    assert [r[:3] for r in _records("Half a million Syrians have been detained since 2011, with at least 100,000 dying "
                                    "from torture, according to the Syrian Observatory.")] == [("killed", 100000, 100000)]
    # a figure named as an estimate or an earlier count, with its qualifier or in quotes
    assert [(r.category, r.min, r.max, r.qualifier) for r in extract_casualties("The overall death toll in Gaza surpassed 15,200, a sharp jump from the previous "
                                    "count of more than 13,300 on November 20.", PARTIES)] == [
        ("killed", 15200, 15200, "more_than"), ("killed", 13300, 13300, "more_than")]
    assert [(r.category, r.min, r.max, r.qualifier) for r in extract_casualties("Unlike foreign reports estimating the death toll of North Korean soldiers at 200, the "
                                    "NIS said that its estimate of “at least 100” is a conservative one.", PARTIES)] == [
        ("killed", 200, 200, "exact"), ("killed", 100, 100, "at_least")]
    # the size of a force is no loss
    assert [r[:3] for r in _records("Some 21,000 personnel have been lost through casualties, desertions and defections, "
                                    "leaving an effective force of about 150,000.")] == [("casualties", 21000, 21000)]
    # "Two more" after a count of things counts things; after a count of people, people
    assert _records("Air defences shot down 14 Shahed drones over Kyiv overnight. Two more disappeared in the area.") == []
    assert [r[:3] for r in _records("Russian shelling killed five civilians in Kherson. Two more disappeared.")] == [
        ("killed", 5, 5), ("missing", 2, 2)]


def test_casualties_round_37_wordings() -> None:
    assert [r[:3] for r in _records("Seven people are currently known to have been injured in the regional center.")] == [
        ("wounded", 7, 7)]
    assert [r[:3] for r in _records("Thirty-nine Ukrainian servicemen were taken prison on the Kherson axis.")] == [
        ("captured", 39, 39)]
    assert [r[:3] for r in _records("The army said that seven soldiers from the unit had not yet been located.")] == [
        ("missing", 7, 7)]
    assert _records("The house had not been found by the rescuers.") == []
    assert [r[:3] for r in _records("With at least 685 members of security forces losing their lives amid a total of "
                                    "444 terror attacks, 2024 was the deadliest year.")] == [("killed", 685, 685)]
    # a list of fates under one figure is one combined figure
    assert [r[:3] for r in _records("Officials estimated that around 4,000 North Korean soldiers may have been killed, "
                                    "wounded, captured or gone missing.")] == [("casualties", 4000, 4000)]
    assert [r[:3] for r in _records("Some 300 soldiers were killed or wounded and 20 captured.")] == [
        ("casualties", 300, 300), ("captured", 20, 20)]
    # "dozens of weapons" counts things, not the captives after it
    assert [r[:3] for r in _records("Videos show a display of dozens of weapons and ammunition, and at least seven "
                                    "captured Burkina Faso soldiers.")] == [("captured", 7, 7)]


def test_casualties_toll_put_as_high_as() -> None:
    assert [(r.category, r.min, r.qualifier) for r in extract_casualties(
        "However, local media put the death toll as high as 37, including the village chief.", PARTIES)] == [
        ("killed", 37, "up_to")]
