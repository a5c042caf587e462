"""Scope ``quotes`` leaves unread the verbs whose statements it would drop (candidates.unsaid): what it gives is
what reading every verb and dropping afterwards gives, on invented articles full of look-alikes."""

from __future__ import annotations

import pytest
from spacy.language import Language

from onrecord.attribution.candidates import unsaid
from onrecord.attribution.cues import CueFinder
from onrecord.attribution.extractor import _statements_only, find_quotations
from onrecord.attribution.quotes import inside_quotes

pytestmark = pytest.mark.model

ARTICLES = [
    # verbs of saying, of thinking, stances and acts, with and without quotations in what they govern
    "Ana Lind said the pier would close in May. The council believes the ferry will run. Ivo Tarn criticised the "
    "plan and fired back that the “voters chose this road twice” before he left.\n\n"
    "The harbour board argued that the levy was lawful, and Mira Oduya rejected the “entire premise of the fee” "
    "on Tuesday.",
    # a parenthetical verb of thinking around a quotation, and one without
    "The ferry, Ana Lind believes, will “never run on time again, not while this board sits.” The pier, Tarn "
    "thinks, is safe.\n\n"
    "Residents who fear the closure wrote to the council. “It will cut the island off,” one of them said.",
    # a stance verb whose object quotes someone, a quotation governed by a verb that is no verb of saying
    "Ivo Tarn urged an “end to the delays on every route” and promised the vote would come soon. The mayor "
    "welcomed what she called “a fair deal for the island” and left the chamber.\n\n"
    "According to the Lakeview Herald, the board has approved the budget.",
    # nouns: a holder's stance, a noun of saying with its that-clause, a channel's "said in a statement that"
    "Ana Lind's criticism of the plan was sharp. Her warning that the pier would “fall into the sea by spring” "
    "went unheeded. Ivo Tarn said in a statement that the ferry would run.\n\n"
    "The union's support for the levy, its leaders' claims about the budget and the mayor's “absolute refusal to "
    "negotiate” filled the meeting.",
]


def _statements(nlp: Language, text: str, *, unread: bool) -> list[tuple[str, str, str | None]]:
    doc = nlp(text)
    quotations = find_quotations(doc)
    finder = CueFinder(doc, quotations.text, quoted=inside_quotes(quotations.quotes))
    found = finder.statements(unsaid(quotations.text, quotations.quotes) if unread else None)
    kept = _statements_only(quotations.text, found, quotations.quotes)
    return [(s.content.of(text), s.kind, s.cue.text if s.cue is not None else None) for s in kept]


@pytest.mark.parametrize("text", ARTICLES)
def test_leaving_verbs_unread_keeps_every_statement(nlp: Language, text: str) -> None:
    assert _statements(nlp, text, unread=True) == _statements(nlp, text, unread=False)


def _unread(nlp: Language, text: str, pos: str) -> list[tuple[str, bool]]:
    """Each word of the part of speech ``pos``, and whether scope quotes leaves it unread."""
    doc = nlp(text)
    quotations = find_quotations(doc)
    unread = unsaid(quotations.text, quotations.quotes)
    return [(t.text, unread(t)) for t in doc if t.pos_ == pos]


def test_which_verbs_are_left_unread(nlp: Language) -> None:
    text = ("Ivo Tarn approved the plan. Mira Oduya welcomed the “entire premise of the new fee” on Tuesday. "
            "Ana Lind said it would close. The pier, Ana Lind believes, will close. Tarn believes it will not.")
    assert _unread(nlp, text, "VERB") == [
        ("approved", True),  # an act, no quotation in what it governs
        ("welcomed", False),  # its object holds a quotation: it may quote someone
        ("said", False),  # a verb of saying is always read
        ("close", True),
        ("believes", False),  # parenthetical: what it says is the clause it interrupts
        ("close", True),  # (the verb the parenthetical "believes" interrupts: read from "believes")
        ("believes", True),  # "Tarn believes it will not.": a belief, which scope quotes drops
    ]


def test_which_nouns_are_left_unread(nlp: Language) -> None:
    text = ("Ana Lind's criticism of the plan was sharp. Her warning that the pier would close went unheeded. "
            "Ivo Tarn said in a statement that the ferry would run.")
    read = _unread(nlp, text, "NOUN")
    assert ("criticism", True) in read  # a holder's stance: scope quotes drops it
    assert ("warning", False) in read  # a noun of saying, with its that-clause
    assert ("statement", False) in read  # "said in a statement that ..."
