"""Predicates the lexicon's ``concepts`` map makes one (session 32): "isolated" and "switched off" are one, "remained
energised" their opposite; "deferred", "postponed" and "put off" are one. Invented articles, each
with a look-alike that raises nothing."""

from __future__ import annotations

import pytest

from claim_cases import flags_of
from onrecord.provenance import Flag

pytestmark = pytest.mark.model


def conflicts(text: str) -> list[Flag]:
    return flags_of(text, "conflict")


@pytest.mark.parametrize("first", ["was switched off", "was isolated"])
def test_a_line_switched_off_and_one_left_energised_conflict(first: str) -> None:
    (flag,) = conflicts(f"Ana Lind, the Tarnwick Grid director, said the Tarnwick feeder {first} on Sunday night. "
                        "Ivo Tarn, the Tarnwick fire chief, said the Tarnwick feeder remained energised on Sunday "
                        "night.")
    assert {flag.speaker, flag.other} == {"Ana Lind", "Ivo Tarn"}


def test_another_line_left_energised_raises_nothing() -> None:
    assert not conflicts("Ana Lind, the Tarnwick Grid director, said the Tarnwick feeder was isolated on Sunday "
                         "night. Ivo Tarn, the Tarnwick fire chief, said the Harlow substation remained energised on "
                         "Sunday night.")


@pytest.mark.parametrize("later", ["deferred forty operations", "put off forty operations"])
def test_operations_never_postponed_and_operations_deferred_conflict(later: str) -> None:
    (flag,) = conflicts("Ana Lind, the Kelmoor clinic director, said the Kelmoor clinic has never postponed an "
                        f"operation. Ivo Tarn, a Kelmoor surgeon, said the Kelmoor clinic {later} in March.")
    assert {flag.speaker, flag.other} == {"Ana Lind", "Ivo Tarn"}


def test_postponing_something_else_raises_nothing() -> None:
    assert not conflicts("Ana Lind, the Kelmoor clinic director, said the Kelmoor clinic has never postponed an "
                         "operation. Ivo Tarn, a Kelmoor surgeon, said the Kelmoor board deferred its budget vote in "
                         "March.")
