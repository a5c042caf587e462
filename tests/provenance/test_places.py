"""Session 23: where a thing fell or stayed against a zone it names ("fell inside the exclusion zone" / "fell two
kilometres outside it"): inside a mark is not beyond it, outside is (lexicon ``positions``). Invented sentences, the
real model; each with a look-alike."""

from __future__ import annotations

import pytest

from claim_cases import flags_of, only

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "sign"), [
    ("Ana Lind said all of the Kestrel rocket's debris fell inside the exclusion zone.", -1),
    ("Ana Lind said the Kestrel rocket's debris fell two kilometres outside the exclusion zone.", 1),
    ("Ivo Tarn said the Lakeview crowd stayed outside the stadium all night.", 1),
])
def test_inside_or_outside_a_zone_is_a_position(text: str, sign: int) -> None:
    assert only(text).stance("exceed") == sign


@pytest.mark.parametrize("text", [
    "Ivo Tarn said the Lakeview fans waited outside the stadium.",  # waiting says nothing of a mark
    "Ivo Tarn said the Kestrel depot is outside Lakeview.",  # a proper place, not a mark
])
def test_outside_that_places_nothing_against_a_mark_is_no_predicate(text: str) -> None:
    assert only(text).stance("exceed") is None


def test_debris_inside_the_zone_and_outside_it_conflict() -> None:
    (flag,) = flags_of("Ana Lind said all of the Kestrel rocket's debris fell inside the exclusion zone. The "
                       "Lakeview Authority's report says the Kestrel rocket's debris fell two kilometres outside the "
                       "exclusion zone.", "conflict")
    assert flag.concept == "exceed"


def test_two_things_inside_and_outside_one_zone_do_not_conflict() -> None:
    assert not flags_of("Ana Lind said all of the Kestrel rocket's debris fell inside the exclusion zone. Ivo Tarn "
                        "said the Lakeview fishing boats stayed outside the exclusion zone.", "conflict")
