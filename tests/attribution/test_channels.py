"""medium_for: the channel a statement came through, read off hand-built parses."""

from __future__ import annotations

import inspect

import pytest
from spacy.tokens import Doc

from handparse import parse
from onrecord.attribution.channels import medium_for


def medium(doc: Doc, cue, source_head) -> str:
    """medium_for on ``doc``. Its first parameter is moving from the Doc to the Doc's text (read once by the
    caller); this passes whichever the signature asks for."""
    first = next(iter(inspect.signature(medium_for).parameters))
    return medium_for(doc.text if first == "text" else doc, cue, source_head)


def channel(text: str, table: str, cue: str) -> str:
    """medium_for the first token ``cue``, with its subject (if any) as the source."""
    doc = parse(text, table)
    verb = next(t for t in doc if t.text == cue)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return medium(doc, verb, subject)


CASES = [
    pytest.param(
        "Varga tweeted that the pier closed.", r"""
        0 Varga   PROPN NNP nsubj 1 Varga B-PERSON
        1 tweeted VERB  VBD ROOT  1 tweet
        2 that    SCONJ IN  mark  5 that
        3 the     DET   DT  det   4 the
        4 pier    NOUN  NN  nsubj 5 pier
        5 closed  VERB  VBD ccomp 1 close
        6 .       PUNCT .   punct 1 .
        """, "tweeted", "post", id="tweeted",
    ),
    pytest.param(
        "Varga wrote in a letter that the pier closed.", r"""
        0 Varga  PROPN NNP nsubj 1 Varga B-PERSON
        1 wrote  VERB  VBD ROOT  1 write
        2 in     ADP   IN  prep  1 in
        3 a      DET   DT  det   4 a
        4 letter NOUN  NN  pobj  2 letter
        5 that   SCONJ IN  mark  8 that
        6 the    DET   DT  det   7 the
        7 pier   NOUN  NN  nsubj 8 pier
        8 closed VERB  VBD ccomp 1 close
        9 .      PUNCT .   punct 1 .
        """, "wrote", "letter", id="wrote-in-a-letter",
    ),
    pytest.param(
        "Varga wrote that the pier closed.", r"""
        0 Varga  PROPN NNP nsubj 1 Varga B-PERSON
        1 wrote  VERB  VBD ROOT  1 write
        2 that   SCONJ IN  mark  5 that
        3 the    DET   DT  det   4 the
        4 pier   NOUN  NN  nsubj 5 pier
        5 closed VERB  VBD ccomp 1 close
        6 .      PUNCT .   punct 1 .
        """, "wrote", "document", id="wrote",
    ),
    pytest.param(
        "Varga wrote on Facebook that the pier closed.", r"""
        0 Varga    PROPN NNP nsubj 1 Varga B-PERSON
        1 wrote    VERB  VBD ROOT  1 write
        2 on       ADP   IN  prep  1 on
        3 Facebook PROPN NNP pobj  2 Facebook B-ORG
        4 that     SCONJ IN  mark  7 that
        5 the      DET   DT  det   6 the
        6 pier     NOUN  NN  nsubj 7 pier
        7 closed   VERB  VBD ccomp 1 close
        8 .        PUNCT .   punct 1 .
        """, "wrote", "post", id="wrote-on-facebook",
    ),
    pytest.param(
        "Varga told reporters that the pier closed.", r"""
        0 Varga     PROPN NNP nsubj 1 Varga B-PERSON
        1 told      VERB  VBD ROOT  1 tell
        2 reporters NOUN  NNS dobj  1 reporter
        3 that      SCONJ IN  mark  6 that
        4 the       DET   DT  det   5 the
        5 pier      NOUN  NN  nsubj 6 pier
        6 closed    VERB  VBD ccomp 1 close
        7 .         PUNCT .   punct 1 .
        """, "told", "remarks", id="told-reporters",
    ),
    pytest.param(
        "Varga told a news conference that the pier closed.", r"""
        0 Varga      PROPN NNP nsubj    1 Varga B-PERSON
        1 told       VERB  VBD ROOT     1 tell
        2 a          DET   DT  det      4 a
        3 news       NOUN  NN  compound 4 news
        4 conference NOUN  NN  dobj     1 conference
        5 that       SCONJ IN  mark     8 that
        6 the        DET   DT  det      7 the
        7 pier       NOUN  NN  nsubj    8 pier
        8 closed     VERB  VBD ccomp    1 close
        9 .          PUNCT .   punct    1 .
        """, "told", "press_conference", id="told-a-news-conference",
    ),
    pytest.param(
        "Varga said in a statement that the pier closed.", r"""
        0 Varga     PROPN NNP nsubj 1 Varga B-PERSON
        1 said      VERB  VBD ROOT  1 say
        2 in        ADP   IN  prep  1 in
        3 a         DET   DT  det   4 a
        4 statement NOUN  NN  pobj  2 statement
        5 that      SCONJ IN  mark  8 that
        6 the       DET   DT  det   7 the
        7 pier      NOUN  NN  nsubj 8 pier
        8 closed    VERB  VBD ccomp 1 close
        9 .         PUNCT .   punct 1 .
        """, "said", "statement", id="said-in-a-statement",
    ),
    pytest.param(
        "Varga said in an interview that the pier closed.", r"""
        0 Varga     PROPN NNP nsubj 1 Varga B-PERSON
        1 said      VERB  VBD ROOT  1 say
        2 in        ADP   IN  prep  1 in
        3 an        DET   DT  det   4 an
        4 interview NOUN  NN  pobj  2 interview
        5 that      SCONJ IN  mark  8 that
        6 the       DET   DT  det   7 the
        7 pier      NOUN  NN  nsubj 8 pier
        8 closed    VERB  VBD ccomp 1 close
        9 .         PUNCT .   punct 1 .
        """, "said", "interview", id="said-in-an-interview",
    ),
    pytest.param(
        "Varga told reporters in a letter that the pier closed.", r"""
        0  Varga     PROPN NNP nsubj 1  Varga B-PERSON
        1  told      VERB  VBD ROOT  1  tell
        2  reporters NOUN  NNS dobj  1  reporter
        3  in        ADP   IN  prep  1  in
        4  a         DET   DT  det   5  a
        5  letter    NOUN  NN  pobj  3  letter
        6  that      SCONJ IN  mark  9  that
        7  the       DET   DT  det   8  the
        8  pier      NOUN  NN  nsubj 9  pier
        9  closed    VERB  VBD ccomp 1  close
        10 .         PUNCT .   punct 1  .
        """, "told", "letter", id="the-most-specific-channel-wins",
    ),
    pytest.param(
        "In a series of tweets, Varga said the pier closed.", r"""
        0  In     ADP   IN  prep  7  in
        1  a      DET   DT  det   2  a
        2  series NOUN  NN  pobj  0  series
        3  of     ADP   IN  prep  2  of
        4  tweets NOUN  NNS pobj  3  tweet
        5  ,      PUNCT ,   punct 7  ,
        6  Varga  PROPN NNP nsubj 7  Varga B-PERSON
        7  said   VERB  VBD ROOT  7  say
        8  the    DET   DT  det   9  the
        9  pier   NOUN  NN  nsubj 10 pier
        10 closed VERB  VBD ccomp 7  close
        11 .      PUNCT .   punct 7  .
        """, "said", "post", id="fronted-series-of-tweets",
    ),
    pytest.param(
        # the same sentence with the fronted phrase misattached to the subject: read from the text instead
        "In a series of tweets, Varga said the pier closed.", r"""
        0  In     ADP   IN  prep  6  in
        1  a      DET   DT  det   2  a
        2  series NOUN  NN  pobj  0  series
        3  of     ADP   IN  prep  2  of
        4  tweets NOUN  NNS pobj  3  tweet
        5  ,      PUNCT ,   punct 6  ,
        6  Varga  PROPN NNP nsubj 7  Varga B-PERSON
        7  said   VERB  VBD ROOT  7  say
        8  the    DET   DT  det   9  the
        9  pier   NOUN  NN  nsubj 10 pier
        10 closed VERB  VBD ccomp 7  close
        11 .      PUNCT .   punct 7  .
        """, "said", "post", id="fronted-phrase-misattached",
    ),
    pytest.param(
        "At a rally on Monday, Varga said the pier closed.", r"""
        0  At     ADP   IN  prep  7  at
        1  a      DET   DT  det   2  a
        2  rally  NOUN  NN  pobj  0  rally
        3  on     ADP   IN  prep  2  on
        4  Monday PROPN NNP pobj  3  Monday B-DATE
        5  ,      PUNCT ,   punct 7  ,
        6  Varga  PROPN NNP nsubj 7  Varga  B-PERSON
        7  said   VERB  VBD ROOT  7  say
        8  the    DET   DT  det   9  the
        9  pier   NOUN  NN  nsubj 10 pier
        10 closed VERB  VBD ccomp 7  close
        11 .      PUNCT .   punct 7  .
        """, "said", "remarks", id="fronted-at-a-rally",
    ),
    pytest.param(
        "The statement said that the pier closed.", r"""
        0 The       DET   DT  det   1 the
        1 statement NOUN  NN  nsubj 2 statement
        2 said      VERB  VBD ROOT  2 say
        3 that      SCONJ IN  mark  6 that
        4 the       DET   DT  det   5 the
        5 pier      NOUN  NN  nsubj 6 pier
        6 closed    VERB  VBD ccomp 2 close
        7 .         PUNCT .   punct 2 .
        """, "said", "statement", id="the-statement-said",
    ),
    pytest.param(
        "A spokeswoman said the pier closed.", r"""
        0 A           DET   DT  det   1 a
        1 spokeswoman NOUN  NN  nsubj 2 spokeswoman
        2 said        VERB  VBD ROOT  2 say
        3 the         DET   DT  det   4 the
        4 pier        NOUN  NN  nsubj 5 pier
        5 closed      VERB  VBD ccomp 2 close
        6 .           PUNCT .   punct 2 .
        """, "said", "statement", id="a-spokeswoman-said",
    ),
    pytest.param(
        "Varga said the pier closed.", r"""
        0 Varga  PROPN NNP nsubj 1 Varga B-PERSON
        1 said   VERB  VBD ROOT  1 say
        2 the    DET   DT  det   3 the
        3 pier   NOUN  NN  nsubj 4 pier
        4 closed VERB  VBD ccomp 1 close
        5 .      PUNCT .   punct 1 .
        """, "said", "unknown", id="no-channel",
    ),
    pytest.param(
        "Residents gathered at the rally, then left. Varga said the pier closed.", r"""
        0  Residents NOUN  NNS nsubj  1  resident
        1  gathered  VERB  VBD ROOT   1  gather
        2  at        ADP   IN  prep   1  at
        3  the       DET   DT  det    4  the
        4  rally     NOUN  NN  pobj   2  rally
        5  ,         PUNCT ,   punct  1  ,
        6  then      ADV   RB  advmod 7  then
        7  left      VERB  VBD conj   1  leave
        8  .         PUNCT .   punct  1  .
        9  Varga     PROPN NNP nsubj  10 Varga B-PERSON
        10 said      VERB  VBD ROOT   10 say
        11 the       DET   DT  det    12 the
        12 pier      NOUN  NN  nsubj  13 pier
        13 closed    VERB  VBD ccomp  10 close
        14 .         PUNCT .   punct  10 .
        """, "said", "unknown", id="a-phrase-in-an-earlier-sentence",
    ),
]


@pytest.mark.parametrize(("text", "table", "cue", "expected"), CASES)
def test_medium_for(text: str, table: str, cue: str, expected: str) -> None:
    assert channel(text, table, cue) == expected


def test_telling_a_newspaper_is_not_a_post() -> None:
    text = "Varga told the Harbour Post that the pier closed."
    table = r"""
        0 Varga   PROPN NNP nsubj    1 Varga   B-PERSON
        1 told    VERB  VBD ROOT     1 tell
        2 the     DET   DT  det      4 the     B-ORG
        3 Harbour PROPN NNP compound 4 Harbour I-ORG
        4 Post    PROPN NNP dobj     1 Post    I-ORG
        5 that    SCONJ IN  mark     8 that
        6 the     DET   DT  det      7 the
        7 pier    NOUN  NN  nsubj    8 pier
        8 closed  VERB  VBD ccomp    1 close
        9 .       PUNCT .   punct    1 .
    """
    assert channel(text, table, "told") != "post"  # an interview with the paper, or unknown; not a post


def test_no_cue_and_no_source_is_unknown() -> None:
    doc = parse("Varga said the pier closed.", r"""
        0 Varga  PROPN NNP nsubj 1 Varga B-PERSON
        1 said   VERB  VBD ROOT  1 say
        2 the    DET   DT  det   3 the
        3 pier   NOUN  NN  nsubj 4 pier
        4 closed VERB  VBD ccomp 1 close
        5 .      PUNCT .   punct 1 .
    """)
    assert medium(doc, None, None) == "unknown"


def test_a_one_token_sentence_before_the_cue() -> None:
    # a lone "." the splitter made a sentence of: no fragment to look back into, and no crash
    text = "Up. . Varga said the pier closed."
    table = r"""
        0 Up     ADV   RB  ROOT  0 up
        1 .      PUNCT .   punct 0 .
        2 .      PUNCT .   ROOT  2 .
        3 Varga  PROPN NNP nsubj 4 Varga B-PERSON
        4 said   VERB  VBD ROOT  4 say
        5 the    DET   DT  det   6 the
        6 pier   NOUN  NN  nsubj 7 pier
        7 closed VERB  VBD ccomp 4 close
        8 .      PUNCT .   punct 4 .
    """
    assert channel(text, table, "said") == "unknown"
