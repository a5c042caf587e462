"""Transcript lines (attach.py) on hand-built parses: a label is a speaker, a byline is not."""

from __future__ import annotations

from handparse import parse
from onrecord.attribution.attach import _transcript_lines
from onrecord.attribution.cues import CueFinder

ROWS = r"""
    {o} Ana     PROPN NNP compound {lind} Ana     B-PERSON
    {o1} Lind   PROPN NNP ROOT     {lind} Lind    I-PERSON
    {o2} :      PUNCT :   punct    {lind} :
    {o3} The    DET   DT  det      {o4} the
    {o4} harbour NOUN NN  nsubj    {o6} harbour
    {o5} will   AUX   MD  aux      {o6} will
    {o6} close  VERB  VB  ROOT     {o6} close
    {o7} on     ADP   IN  prep     {o6} on
    {o8} Friday PROPN NNP pobj     {o7} Friday
    {o9} .      PUNCT .   punct    {o6} .
"""


def table(lead: str) -> str:
    k = 1 if lead else 0
    rows = {"o": 0 + k, "lind": 1 + k, **{f"o{n}": n + k for n in range(1, 10)}}
    head = "    0 By ADP IN prep 2 by\n" if lead else ""
    return head + ROWS.format(**rows)


def test_a_person_label_opens_a_transcript_line() -> None:
    text = "Ana Lind: The harbour will close on Friday."
    doc = parse(text, table(""))
    (line,) = _transcript_lines(doc, CueFinder(doc, use_model=False))
    assert line.content.of(text) == "The harbour will close on Friday."
    assert line.source.text == "Ana Lind"


def test_a_byline_with_a_colon_is_not_a_speaker() -> None:
    text = "By Ana Lind: The harbour will close on Friday."
    doc = parse(text, table("By"))
    assert _transcript_lines(doc, CueFinder(doc, use_model=False)) == []
