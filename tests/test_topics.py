"""Topic matching: all-of groups, any-of, none-of, whole words, normalisation."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from extractors.topics import match_topic
from newsmon.config import load_settings


@dataclass
class Q:
    name: str = "t"
    all_of: tuple = ()
    any_of: tuple = ()
    none_of: tuple = ()


NK = load_settings().topic()


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("North Korean troops have been killed in Russia's Kursk region.", True),
        ("Pyongyang sent soldiers to fight for Moscow.", True),
        ("North Korea tested a missile on Monday.", False),  # no Russia/Ukraine group
        ("Russian troops advanced near Pokrovsk.", False),  # no North Korea group
        ("North Korea and Russia signed a trade deal.", False),  # no any_of term
        ("NORTH KOREAN SOLDIERS IN UKRAINE", True),
        ("North\u00a0Korean\u200b soldiers in Ukraine", True),  # nbsp and zero-width joiner
        ("Nor\u202eth Korean soldiers in Ukraine", True),  # RTL override removed
    ],
    ids=["plain", "alias", "missing-group-2", "missing-group-1", "missing-any", "case", "nbsp-zwsp", "rtl"],
)
def test_topics_default_query(text, matched):
    assert match_topic(text, NK).matched is matched


def test_topics_whole_words_and_prefix():
    q = Q(any_of=("war",))
    assert not match_topic("a warning about software", q).matched
    assert match_topic("the war goes on", q).matched
    q2 = Q(any_of=("soldier*",))
    assert match_topic("Soldiers were sent", q2).terms == ("soldier*",)
    assert not match_topic("resoldiering", q2).matched


def test_topics_phrases_and_none_of():
    q = Q(all_of=(("North Korea",),), none_of=("missile",))
    assert match_topic("North Korea's army", q).matched
    assert not match_topic("North Korea's missile test", q).matched
    assert not match_topic("North and South Korea", q).matched


def test_topics_markup_does_not_hide_a_match():
    from extractors.text import html_fragment_to_text

    text = html_fragment_to_text("<p>North <b>Korean</b> soldiers &amp; Russia</p>")
    assert match_topic(text, NK).matched
