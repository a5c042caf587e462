"""Parties: one person under two forms of a name (no model needed)."""

from __future__ import annotations

import pytest

from onrecord.provenance.parties import named_in, person_key, same_person


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Ivo Tarn", "Ivo Tarn", True),
    ("Developer Ivo Tarn", "Ivo Tarn", True),
    ("Her spokesman, Ivo Tarn", "Ivo Tarn", True),
    ("Tarn", "Ivo Tarn", False),  # a surname alone may be another Tarn
    ("Mira Tarn", "Ivo Tarn", False),
    (None, "Ivo Tarn", False),
])
def test_same_person(a: str | None, b: str, same: bool) -> None:
    assert same_person(a, b) is same


def test_a_description_ending_in_a_name_gives_the_person() -> None:
    assert named_in("Her spokesman, Ivo Tarn") == "Ivo Tarn"
    assert named_in("a spokesman for the Lakeview council") is None
    assert person_key("Developer Ivo Tarn") == person_key("Ivo Tarn") == "Ivo Tarn"
