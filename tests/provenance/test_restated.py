"""Session 23: one claim said twice (a quotation in one article, the reporter's recap of it in the next) against the
one statement that takes it back is one disagreement, shown once with the other pair kept (flags.restated, in
flags.group_flags over a story's flags). Invented articles, the real model; with look-alikes."""

from __future__ import annotations

import pytest

from onrecord.eval.provenance import predict
from onrecord.provenance import Flag
from onrecord.settings import Settings
from onrecord.types import Article

pytestmark = pytest.mark.model


def flags(*texts: str) -> list[Flag]:
    articles = [Article(id=f"a{i}", published=f"2026-0{i}-01", text=t) for i, t in enumerate(texts, 1)]
    found, _ = predict(articles, Settings(scope="all"))
    return [f for f in found if f.kind in ("reversal", "conflict")]


def test_a_claim_and_its_recap_against_one_reversal_are_one_flag() -> None:
    (flag,) = flags("“The Kestrel depot will stay open,” Ana Lind, the Lakeview mayor, said on Monday.",
                    "Ana Lind, who had promised in March that the Kestrel depot would stay open, said on Friday that "
                    "the council had run out of money. “The Kestrel depot will close in June,” she said.")
    assert flag.kind == "reversal" and flag.rating == "full"
    assert {str(a.get("article")) for pair in flag.pairs() for a in pair} == {"a1", "a2"}
    assert len(flag.pairs()) == 2


def test_one_claim_against_two_other_parties_is_two_conflicts() -> None:
    found = flags("“The Kestrel depot will stay open,” Ana Lind, the Lakeview mayor, said on Monday.",
                  "“The Kestrel depot will close in June,” Ivo Tarn, the council's treasurer, said on Friday.",
                  "“The Kestrel depot will close in June,” Mara Lees, the depot's manager, said on Tuesday.")
    conflicts = [f for f in found if f.kind == "conflict" and "Ana Lind" in (f.speaker, f.other)]
    assert len(conflicts) == 2


def test_a_conflict_joined_from_the_other_party_s_side_is_turned_round() -> None:
    from onrecord.provenance.flags import group_flags

    said = {"article": "a2", "ordinal": 2}
    first = Flag(kind="conflict", subject="the depot", reason="opposite polarity", speaker="Ana Lind",
                 other="Ivo Tarn", a={"article": "a1", "ordinal": 1}, b=said, concept="close")
    second = Flag(kind="conflict", subject="the depot", reason="opposite polarity", speaker="Ivo Tarn",
                  other="Ana Lind", a=said, b={"article": "a3", "ordinal": 5}, concept="close")
    (flag,) = group_flags([first, second])
    assert flag.speaker == "Ana Lind"
    assert flag.also == (({"article": "a3", "ordinal": 5}, said),)  # Ana Lind's statement first, as in the flag
