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


def rated(flags: list[Flag], words: str) -> str | None:
    """The rating of the flag that holds a statement with these words."""
    return next((f.rating for f in flags for pair in f.pairs() for side in pair
                 if words in str((side or {}).get("text"))), None)


def test_a_speaker_who_recalls_their_own_words_and_says_that_was_wrong_reverses_them() -> None:
    flags = story(
        "“Every fire door at the Kestrel hall was open during the concert,” said Ana Lind, the hall manager.",
        "“Door 4 was locked for ten minutes. I said in March that every fire door was open. That was wrong,” "
        "Ana Lind said.")
    assert paired(flags, "Every fire door at the Kestrel hall"), [f.to_dict() for f in flags]
    assert rated(flags, "Every fire door at the Kestrel hall") == "full"


def test_the_words_a_concession_gives_back_pair_that_statement_not_one_sharing_a_word() -> None:
    flags = story(
        "“My door is open to every driver,” said Ana Lind, the Kestrel cab firm's director.",
        "“Our figures suggest about 300 drivers stayed home,” Ana Lind said.",
        "“I said about 300 drivers stayed home. It was closer to 900, and I was wrong,” Ana Lind said.")
    assert paired(flags, "about 300 drivers stayed home,"), [f.to_dict() for f in flags]
    assert not paired(flags, "My door is open"), [f.to_dict() for f in flags]
    assert rated(flags, "about 300 drivers stayed home,") == "half"  # (a changed count)


def test_a_concession_that_puts_a_detail_right_reverses_the_statement_that_gave_it() -> None:
    flags = story(
        "“The Kestrel kiln was lit on the Monday, and the smoke cleared by noon,” said Ivo Tarn, the pottery's "
        "owner.",
        "“I had the day wrong: the kiln was lit on the Tuesday, not the Monday,” Ivo Tarn said.")
    assert paired(flags, "kiln was lit on the Monday"), [f.to_dict() for f in flags]
    assert rated(flags, "kiln was lit on the Monday") == "half"


def test_a_concession_that_gives_back_words_on_one_matter_reverses_nothing_on_another() -> None:
    flags = story(
        "“The Kestrel library is safe for readers,” said Ana Lind, the leisure director.",
        "“The Kestrel pool will reopen in May,” Ana Lind said.",
        "“I said the pool would reopen in May. That was wrong,” Ana Lind said.")
    assert paired(flags, "pool will reopen"), [f.to_dict() for f in flags]
    assert not paired(flags, "library is safe"), [f.to_dict() for f in flags]


def test_a_concession_that_gives_back_its_words_reverses_no_other_statement_on_the_same_thing() -> None:
    flags = story(
        "“The Kestrel radar was switched off for a week while it was repaired,” said Ana Lind, the wind farm's "
        "director.",
        "“I said the Kestrel radar went in when the farm was built. It was fitted two years later, and I had that "
        "wrong,” Ana Lind said.")
    assert not paired(flags, "switched off for a week"), [f.to_dict() for f in flags]


def test_a_claim_taken_back_and_a_count_put_right_in_one_article_are_two_flags() -> None:
    flags = story(
        "“No Kestrel driver's pay has been cut this year,” said Ana Lind, the cab firm's director. The strike "
        "began on Monday. “Our figures suggest about 300 drivers stayed home on Monday,” Ana Lind said.",
        "“I said no driver's pay had been cut. For some drivers it was, and I was wrong,” Ana Lind said. Asked about "
        "the strike, she went further. “I said about 300 drivers stayed home. It was closer to 900, and I was "
        "wrong,” she said.")
    assert rated(flags, "No Kestrel driver's pay") == "full", [f.to_dict() for f in flags]
    assert rated(flags, "about 300 drivers stayed home on Monday") == "half", [f.to_dict() for f in flags]


def test_none_put_right_with_a_count_is_half_a_change() -> None:
    flags = story(
        "“Nothing came through on the Kestrel line on Monday night,” said Ana Lind, a dispatcher.",
        "“I was wrong that nothing came through on Monday; two orders came late,” Ana Lind said.")
    assert rated(flags, "Nothing came through") == "half", [f.to_dict() for f in flags]
