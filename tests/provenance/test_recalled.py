"""A reporter's sentence that sets a finding against a person's claim recalled from an earlier article ("The
report gives the lie to the chief executive's assurance in March that ..."): whose claim it is (a role, "his"),
and the conflict it raises with that person's own earlier words (session 33). Invented texts; each case has a
look-alike that raises nothing."""

from __future__ import annotations

import pytest

from onrecord.provenance import Flag
from onrecord.provenance.parties import owner_of_claim, recalled_claim
from onrecord.settings import Settings
from onrecord.types import Article, Attribution, CharSpan


def _said(text: str, source: str, cue: str, content: str) -> Attribution:
    def span(words: str) -> CharSpan:
        at = text.index(words)
        return CharSpan(at, at + len(words))

    return Attribution(content=span(content), source=span(source), cue=span(cue))


NAMED = "Ana Lind, the chief executive of Corvane Pensions, spoke on Monday. "


@pytest.mark.parametrize(("text", "cue", "owner"), [
    # a role the article gives one person
    (NAMED + "The audit gives the lie to the chief executive's assurance in March that no money was lent.",
     "gives", "Ana Lind"),
    # a role no one is given here: the role, for the articles of the story to name
    ("The audit contradicts the treasurer's statement in March that no money was lent.", "contradicts",
     "the treasurer"),
    # "his statement": the last person who spoke
    (NAMED.replace("Ana Lind", "Ivo Tarn") + "The audit sits uneasily with his statement that no money was lent.",
     "sits", "Ivo Tarn"),
])
def test_a_conflict_phrase_recalling_a_claim_gives_its_owner(text: str, cue: str, owner: str) -> None:
    said = _said(text, "The audit", cue, "no money was lent")
    assert recalled_claim(said, text)
    assert owner_of_claim(said, text, ["Ana Lind", "Ivo Tarn"], ["Ivo Tarn"]) == owner


@pytest.mark.parametrize("text", [
    # no owner: a rumour is nobody's claim
    "The audit gives the lie to the rumour in March that no money was lent.",
    # a thing's, not a role's ("the fund's"), and no conflict words at all
    "The audit repeats the fund's statement in March that no money was lent.",
])
def test_a_claim_no_role_or_person_owns_is_left_alone(text: str) -> None:
    cue = text.split(" ")[2]
    said = _said(text, "The audit", cue, "no money was lent")
    assert owner_of_claim(said, text, ["Ana Lind"], ["Ana Lind"]) is None


FIRST = ("Members of the Corvane Pensions fund were reassured on Tuesday. “Not a penny of your money was lent to "
         "Harrowgate Homes,” said Ana Lind, the chief executive of Corvane Pensions.")
LATER = ("The Corvane Pensions fund lent 12 million to Harrowgate Homes, according to its annual report. The annual "
         "report, published on Monday, states that “a loan of 12 million was made to Harrowgate Homes in 2025.” The "
         "report gives the lie to {owner} in March that no money had been lent to Harrowgate Homes.")


def _conflicts(later: str) -> list[Flag]:
    from onrecord.eval.provenance import predict

    articles = [Article(id="a1", published="2026-03-01", text=FIRST),
                Article(id="a2", published="2026-05-01", text=later)]
    flags, _ = predict(articles, Settings(scope="all"))
    return [f for f in flags if f.kind == "conflict"]


def _pairs_first_quote(flag: Flag) -> bool:
    return any(r and r.get("article") == "a1" and "Not a penny" in (r.get("text") or "")
               for pair in flag.pairs() for r in pair)


@pytest.mark.model
def test_a_recalled_claim_against_a_document_pairs_the_persons_own_earlier_words() -> None:
    found = _conflicts(LATER.format(owner="the chief executive's assurance"))
    assert any(_pairs_first_quote(f) and any(r and r.get("article") == "a2" and "loan of 12 million" in
                                             (r.get("text") or "") for pair in f.pairs() for r in pair)
               for f in found)


@pytest.mark.model
def test_a_recalled_rumour_pairs_no_ones_earlier_words() -> None:
    assert not any(_pairs_first_quote(f) for f in _conflicts(LATER.format(owner="the rumour")))


def test_an_account_noun_taken_for_the_cue_is_recalled_when_its_sentence_has_conflict_words() -> None:
    text = "The deficit sits uneasily with the director's statement in May that the college made a profit."
    said = _said(text, "director's", "statement", "the college made a profit")
    assert recalled_claim(said, text)
    assert owner_of_claim(said, text, [], []) == "the director"
    plain = "The deficit was set out beside the director's statement in May that the college made a profit."
    assert not recalled_claim(_said(plain, "director's", "statement", "the college made a profit"), plain)


SAID_THEN = ("The annual report, published on Monday, states that “a loan of 12 million was made to Harrowgate "
             "Homes in 2025.” The report is at odds with what Ana Lind said in March, when she told members that "
             "{claim}.")


@pytest.mark.model
def test_a_persons_claim_told_in_the_reporters_sentence_pairs_her_earlier_words() -> None:
    found = _conflicts(SAID_THEN.format(claim="no money had been lent to Harrowgate Homes"))
    assert any(_pairs_first_quote(f) for f in found)


@pytest.mark.model
def test_a_claim_on_another_matter_told_in_the_sentence_pairs_nothing_earlier() -> None:
    found = _conflicts(SAID_THEN.format(claim="the fund would hire two new managers"))
    assert not any(_pairs_first_quote(f) for f in found)
