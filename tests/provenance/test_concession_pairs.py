"""Which earlier statement a concession reverses: only the one it concedes (the same predicate, the same thing, or
the words a reporter's clause recalls), never another statement of the story that merely shares a noun. Invented
mini-stories told over two or three articles, each with a look-alike a loose pairing would flag."""

from __future__ import annotations

import pytest

from onrecord.api import extract_many
from onrecord.provenance import Flag, across_articles
from onrecord.settings import Settings
from onrecord.types import Article, Extraction

pytestmark = pytest.mark.model

BROAD = Settings(scope="all", provenance=True)


def story(*texts: str) -> list[Flag]:
    """The reversals between the articles of an invented story, one article a month."""
    articles = [Article(id=f"a{i}", published=f"2026-0{i}-01", text=t) for i, t in enumerate(texts, 1)]
    done = [r for r in extract_many(articles, settings=BROAD) if isinstance(r, Extraction)]
    return [f for f in across_articles(done)[1] if f.kind == "reversal"]


def paired(flags: list[Flag], words: str) -> bool:
    """Does a flag (or a pair it groups) hold a statement with these words?"""
    return any(words in str((side or {}).get("text")) for f in flags for pair in f.pairs() for side in pair)


def test_a_concession_does_not_pair_another_statement_of_the_story_in_another_article() -> None:
    flags = story(
        "“Not one Kestrel bus was withdrawn from service this winter,” said Ana Lind, the transit director.",
        "“The Kestrel bus depot will move to Harlow next year,” Ana Lind said on Tuesday.",
        "“Twelve Kestrel buses were withdrawn from service, and I was wrong to say otherwise,” Ana Lind said.")
    assert paired(flags, "Not one Kestrel bus"), [f.to_dict() for f in flags]
    assert not paired(flags, "depot will move"), [f.to_dict() for f in flags]


def test_a_concession_about_one_thing_does_not_reverse_a_claim_on_another_thing_of_the_same_noun() -> None:
    flags = story(
        "“The Harrow bridge is safe for every vehicle,” said Ivo Tarn, the county engineer.",
        "“I was wrong about the timetable. The Harrow bridge will reopen to buses in May,” Ivo Tarn said.")
    assert not paired(flags, "safe for every vehicle"), [f.to_dict() for f in flags]


def test_a_point_granted_in_passing_reverses_nothing() -> None:
    flags = story(
        "“The Kestrel ferry terminal will open in June,” said Ana Lind, the port director.",
        "Ana Lind acknowledged that the Kestrel terminal had been costly to build. The terminal will open in June, "
        "she said.")
    assert not flags, [f.to_dict() for f in flags]


def test_sympathy_is_no_concession() -> None:
    flags = story(
        "“The Marl Lane shelter has enough beds for every family,” said Ivo Tarn, who runs the shelter.",
        "“I am sorry to hear that two families slept in their cars. The Marl Lane shelter had empty beds that "
        "night,” Ivo Tarn said.")
    assert not flags, [f.to_dict() for f in flags]


def test_a_speaker_who_denied_wrongdoing_and_then_admits_it_reverses_the_denial() -> None:
    flags = story(
        "“I have done nothing wrong, and I will prove it in court,” said Ana Lind, the Kestrel mayor.",
        "“I did wrong by the people of Kestrel, and I am sorry,” Ana Lind said.")
    assert paired(flags, "done nothing wrong"), [f.to_dict() for f in flags]


def test_a_concession_reverses_the_statement_sharing_its_predicate_not_one_on_the_same_thing() -> None:
    flags = story(
        "“Not one bus was withdrawn from the Kestrel depot this winter,” said Ana Lind, the depot's director.",
        "“The buses at the Kestrel depot are safe to drive,” Ana Lind said.",
        "“Twelve buses were withdrawn from the Kestrel depot, and I was wrong to say otherwise,” Ana Lind said.")
    assert paired(flags, "Not one bus"), [f.to_dict() for f in flags]
    assert not paired(flags, "safe to drive"), [f.to_dict() for f in flags]


def test_a_recalled_clause_pairs_the_statement_whose_predicate_and_thing_it_names() -> None:
    flags = story(
        "“The Kestrel depot will stay open,” said Ana Lind, the depot's director. “The canteen on Mill Road will "
        "stay open late for drivers,” Lind said.",
        "The Kestrel depot will close in May, its director said on Monday, seven weeks after she told reporters the "
        "depot would stay open. “We are closing Kestrel because the lease ends,” Ana Lind said.")
    assert paired(flags, "depot will stay open"), [f.to_dict() for f in flags]
    assert not paired(flags, "canteen"), [f.to_dict() for f in flags]


def test_a_concession_that_quotes_what_it_takes_back_reverses_the_claim_it_quotes() -> None:
    flags = story(
        "The harbour board chair, Ana Lind, said the board stood by its pilots. “No pilot has ever complained to the "
        "board about the tug crews,” she said.",
        "The harbour board chair, Ana Lind, faced questions on Monday. The port's director, Ivo Tarn, said the board "
        "had been warned. “The board was told in May that the pilots had concerns,” he said.\n\nLind accepted that "
        "too. “I was wrong to say the pilots had never complained; their union wrote to us in May,” she said.")
    assert paired(flags, "No pilot has ever complained"), [f.to_dict() for f in flags]
