"""Transcript lines (transcripts.py) on hand-built parses: a label is a speaker, a byline is not."""

from __future__ import annotations

from handparse import parse
from onrecord.attribution.cues import CueFinder
from onrecord.attribution.transcripts import transcript_lines


def test_a_person_label_opens_a_transcript_line() -> None:
    text = "Ana Lind: The harbour will close on Friday."
    doc = parse(text, r"""
        0 Ana     PROPN NNP compound 1 Ana     B-PERSON
        1 Lind    PROPN NNP ROOT     1 Lind    I-PERSON
        2 :       PUNCT :   punct    1 :
        3 The     DET   DT  det      4 the
        4 harbour NOUN  NN  nsubj    6 harbour
        5 will    AUX   MD  aux      6 will
        6 close   VERB  VB  ROOT     6 close
        7 on      ADP   IN  prep     6 on
        8 Friday  PROPN NNP pobj     7 Friday
        9 .       PUNCT .   punct    6 .
    """)
    (line,) = transcript_lines(doc, CueFinder(doc, use_model=False))
    assert line.content.of(text) == "The harbour will close on Friday."
    assert line.source.text == "Ana Lind"


def test_a_byline_with_a_colon_is_not_a_speaker() -> None:
    text = "By Ana Lind: The harbour will close on Friday."
    doc = parse(text, r"""
        0  By      ADP   IN  prep     2  by
        1  Ana     PROPN NNP compound 2  Ana     B-PERSON
        2  Lind    PROPN NNP ROOT     2  Lind    I-PERSON
        3  :       PUNCT :   punct    2  :
        4  The     DET   DT  det      5  the
        5  harbour NOUN  NN  nsubj    7  harbour
        6  will    AUX   MD  aux      7  will
        7  close   VERB  VB  ROOT     7  close
        8  on      ADP   IN  prep     7  on
        9  Friday  PROPN NNP pobj     8  Friday
        10 .       PUNCT .   punct    7  .
    """)
    assert transcript_lines(doc, CueFinder(doc, use_model=False)) == []
