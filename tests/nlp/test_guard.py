"""The bounds on what reaches spaCy: long runs without whitespace neutralised, the tokenizer fed in pieces, long
documents cut into parts (onrecord.nlp.guard)."""

from __future__ import annotations

import itertools

import pytest
import spacy

from onrecord.nlp import guard
from onrecord.nlp.guard import MAX_RUN, GuardedTokenizer, neutralise, parts, pieces
from onrecord.types import CharSpan


def test_a_long_run_without_whitespace_becomes_spaces_of_the_same_length() -> None:
    run = "“" * (MAX_RUN + 1) + '"' * 600
    text = f"Ana Lind said the pier would close.\n{run} Brun agreed."
    safe, skipped = neutralise(text)
    start = text.index(run)
    assert len(safe) == len(text) and safe[start : start + len(run)] == " " * len(run)
    assert safe[:start] == text[:start] and safe[start + len(run) :] == text[start + len(run) :]
    (skip,) = skipped
    assert skip.span == CharSpan(start, start + len(run))
    assert "1,001 characters without a space were not read" in skip.reason


def test_runs_up_to_the_limit_and_ordinary_text_are_left_alone() -> None:
    url = "https://example.org/" + "a" * (MAX_RUN - 20)
    text = f"Read it at {url} today.\n\n“Yes,” said Ana Lind."
    assert len(url) == MAX_RUN
    assert neutralise(text) == (text, ())


def _tokens(doc) -> list[tuple[str, str, str, bool | None]]:
    return [(t.text, t.whitespace_, t.norm_, t.is_sent_start) for t in doc]


TEXT = (
    "PORT TOWN — Ana Lind said on Tuesday that the bridge would reopen.  “We fixed the roads,” she told reporters.\n\n"
    "Brun Okafor, a local engineer (and critic), wasn't sure: \"It's late!\"\n   \tThe council's vote: 7-2.\n"
    "U.S. officials declined to comment… Read more at https://example.org/harbour?id=42&x=y.\n"
) * 5


@pytest.mark.parametrize("size", [40, 97, 200, 1000])
def test_the_tokenizer_fed_in_pieces_gives_the_tokens_of_the_whole_text(size: int,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = spacy.blank("en")
    whole = nlp.tokenizer(TEXT)
    monkeypatch.setattr(guard, "PIECE_CHARS", size)
    assert len(list(pieces(TEXT, size))) > 1 and "".join(pieces(TEXT, size)) == TEXT
    doc = GuardedTokenizer(nlp.tokenizer)(TEXT)
    assert doc.text == TEXT and _tokens(doc) == _tokens(whole)
    assert doc._.left_out == ()


def test_pieces_end_where_whitespace_ends_and_prefer_line_breaks() -> None:
    text = "one two three four\nfive six seven eight nine ten"
    cut = list(pieces(text, 30))
    assert cut == ["one two three four\n", "five six seven eight nine ten"]
    assert list(pieces("x" * 25, 10)) == ["x" * 10, "x" * 10, "x" * 5]  # no whitespace: cut anyway


def test_a_long_stretch_of_whitespace_stays_one_token(monkeypatch: pytest.MonkeyPatch) -> None:
    """A neutralised run is whitespace: a piece goes on to the next word rather than cut it into several tokens
    (which changed the parse of the sentence before it)."""
    nlp = spacy.blank("en")
    text = "Ana Lind said the pier would close.\n\n" + '"' * 2000 + "\nBrun agreed.  " + " " * 3000
    monkeypatch.setattr(guard, "PIECE_CHARS", 500)
    doc = GuardedTokenizer(nlp.tokenizer)(text)
    whole = nlp.tokenizer(neutralise(text)[0])
    assert [t[:2] + t[3:] for t in _tokens(doc)] == [t[:2] + t[3:] for t in _tokens(whole)]
    assert [t.text for t in doc if t.is_space] == ["\n\n" + " " * 2000 + "\n", " " * 3001]
    # the model reads the norm: that of the line breaks around the run, as if it were not there
    assert [t.norm_ for t in doc if t.is_space] == ["\n\n\n", " " * 3001]


def test_the_guarded_tokenizer_reports_what_it_left_out() -> None:
    nlp = spacy.blank("en")
    text = "Ana Lind said so. " + "(" * 5000 + " Brun agreed."
    doc = GuardedTokenizer(nlp.tokenizer)(text)
    assert len(doc.text) == len(text) and "(" not in doc.text
    assert [s.span for s in doc._.left_out] == [CharSpan(18, 5018)]
    assert [t.text for t in doc][-3:] == ["Brun", "agreed", "."]


def test_parts_cover_the_document_in_order_and_prefer_paragraph_breaks() -> None:
    nlp = spacy.blank("en")
    doc = nlp.tokenizer("Ana Lind said so. Brun agreed.\n\nThe pier closed. It rained.\n\nThe end came at last.")
    cuts = parts(doc, 12)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(doc)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts)) and all(0 < e - s <= 12 for s, e in cuts)
    assert "\n" in doc[cuts[0][1] - 1].text  # the first part ends with its paragraph
    assert parts(doc, 100) == [(0, len(doc))]
