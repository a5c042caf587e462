"""relay_from: who passed a statement on ("according to Harbour Post reporter Nadia Ferris"), on hand-built parses."""

from __future__ import annotations

import pytest

from handparse import parse
from onrecord.attribution.relays import relay_from

#: "The pier will close, according to" -- tokens 0..6; the relay mention starts at token 7.
LEAD = "The pier will close, according to "
LEAD_TABLE = r"""
0 The       DET   DT  det   1 the
1 pier      NOUN  NN  nsubj 3 pier
2 will      AUX   MD  aux   3 will
3 close     VERB  VB  ROOT  3 close
4 ,         PUNCT ,   punct 3 ,
5 according VERB  VBG prep  3 accord
6 to        ADP   IN  prep  5 to
"""


def relay(mention: str, mention_table: str):
    """relay_from the mention after "according to", and the text it was read from."""
    text = f"{LEAD}{mention}."
    last = len(LEAD_TABLE.strip().splitlines()) + len(mention_table.strip().splitlines())
    doc = parse(text, f"{LEAD_TABLE}\n{mention_table}\n{last} . PUNCT . punct 3 .")
    return relay_from(doc[7:last]), text


CASES = [
    pytest.param(
        "Harbour Post reporter Nadia Ferris", r"""
        7  Harbour  PROPN NNP compound 8  Harbour  B-ORG
        8  Post     PROPN NNP compound 9  Post     I-ORG
        9  reporter NOUN  NN  compound 11 reporter
        10 Nadia    PROPN NNP compound 11 Nadia    B-PERSON
        11 Ferris   PROPN NNP pobj     6  Ferris   I-PERSON
        """, "Nadia Ferris", "Harbour Post", id="outlet-reporter-name",
    ),
    pytest.param(
        "Nadia Ferris of the Kestrel Times", r"""
        7  Nadia   PROPN NNP compound 8  Nadia   B-PERSON
        8  Ferris  PROPN NNP pobj     6  Ferris  I-PERSON
        9  of      ADP   IN  prep     8  of
        10 the     DET   DT  det      12 the     B-ORG
        11 Kestrel PROPN NNP compound 12 Kestrel I-ORG
        12 Times   PROPN NNP pobj     9  Times   I-ORG
        """, "Nadia Ferris", "Kestrel Times", id="name-of-outlet",
    ),
    pytest.param(
        "the Ledger's Nadia Ferris", r"""
        7  the    DET   DT  det      8  the
        8  Ledger PROPN NNP poss     11 Ledger B-ORG
        9  's     PART  POS case     8  's
        10 Nadia  PROPN NNP compound 11 Nadia  B-PERSON
        11 Ferris PROPN NNP pobj     6  Ferris I-PERSON
        """, "Nadia Ferris", "Ledger", id="possessive-outlet",
    ),
    pytest.param(
        "the Ledger's Nadia Ferris", r"""
        7  the    DET   DT  det      8  the    B-ORG
        8  Ledger PROPN NNP poss     11 Ledger I-ORG
        9  's     PART  POS case     8  's     I-ORG
        10 Nadia  PROPN NNP compound 11 Nadia  B-PERSON
        11 Ferris PROPN NNP pobj     6  Ferris I-PERSON
        """, "Nadia Ferris", "Ledger", id="possessive-inside-entity",
    ),
    pytest.param(
        "Ledger columnist Dr. Nadia Ferris", r"""
        7  Ledger    PROPN NNP compound 8  Ledger    B-ORG
        8  columnist NOUN  NN  compound 11 columnist
        9  Dr.       PROPN NNP compound 11 Dr.       B-PERSON
        10 Nadia     PROPN NNP compound 11 Nadia     I-PERSON
        11 Ferris    PROPN NNP pobj     6  Ferris    I-PERSON
        """, "Nadia Ferris", "Ledger", id="title-dropped-from-name",
    ),
    pytest.param(
        "Nadia Ferris", r"""
        7 Nadia  PROPN NNP compound 8 Nadia  B-PERSON
        8 Ferris PROPN NNP pobj     6 Ferris I-PERSON
        """, "Nadia Ferris", None, id="name-only",
    ),
    pytest.param(
        "the Daily Ledger", r"""
        7 the    DET   DT  det      9 the    B-ORG
        8 Daily  PROPN NNP compound 9 Daily  I-ORG
        9 Ledger PROPN NNP pobj     6 Ledger I-ORG
        """, None, "Daily Ledger", id="outlet-entity",
    ),
    pytest.param(
        "the Daily Ledger", r"""
        7 the    DET   DT  det      9 the
        8 Daily  PROPN NNP compound 9 Daily
        9 Ledger PROPN NNP pobj     6 Ledger
        """, None, "Daily Ledger", id="outlet-without-entity",
    ),
    pytest.param(
        "the Kestrel Times", r"""
        7 the     DET   DT  det      9 the
        8 Kestrel PROPN NNP compound 9 Kestrel
        9 Times   PROPN NNP pobj     6 Times
        """, None, "Kestrel Times", id="outlet-word-times",
    ),
    pytest.param(
        "Harbour Post reporter Nadia Ferris", r"""
        7  Harbour  PROPN NNP compound 8  Harbour
        8  Post     PROPN NNP compound 9  Post
        9  reporter NOUN  NN  compound 11 reporter
        10 Nadia    PROPN NNP compound 11 Nadia
        11 Ferris   PROPN NNP pobj     6  Ferris
        """, "Nadia Ferris", "Harbour Post", id="outlet-and-name-without-entities",
    ),
]


@pytest.mark.parametrize(("mention", "table", "name", "outlet"), CASES)
def test_relay_from(mention: str, table: str, name: str | None, outlet: str | None) -> None:
    found, text = relay(mention, table)
    assert (found.name, found.outlet) == (name, outlet)
    assert text[found.span.start : found.span.end] == mention


@pytest.mark.model
def test_entities_within_a_span_are_those_span_ents_gives(nlp) -> None:
    """``_ents_within`` reads a span's entities off its tokens; for every span of a text it gives what spaCy's
    ``Span.ents`` gives (which walks the whole document's entities each time)."""
    from onrecord.attribution.relays import _ents_within

    doc = nlp("According to Harbour Post reporter Nadia Ferris and the New York Times, Ana Lind of Westbury "
              "Cable said on Monday that the Port Calloway council would vote in May.")
    assert len(doc.ents) >= 3
    for start in range(len(doc)):
        for end in range(start + 1, len(doc) + 1):
            span = doc[start:end]
            got = [(e.start, e.end, e.label_) for e in _ents_within(span)]
            assert got == [(e.start, e.end, e.label_) for e in span.ents], span.text
