"""A family name alone that opens with its lower-case particles ("van der Velde said", "Mr bin Salleh") is a
person's name (issue 17, session 27); and the look-alikes that must keep their speaker."""

from __future__ import annotations

import pytest

from onrecord.attribution.resolution.names import name_like
from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # the family name alone, particles first, as the subject before "he said": the one named in full
    ("Businessman Joost van der Velde is running for governor. Ana Lind, the incumbent, spoke in the morning. In "
     "Marshfield, van der Velde spoke from a wagon. \"Nobody here has balanced a budget,\" he said.", "he",
     "Joost van der Velde"),
    # look-alike: a name without particles in the same place: as before
    ("Businessman Joost van der Velde is running for governor. Ana Lind, the incumbent, spoke in the morning. In "
     "Marshfield, Lind spoke from a wagon. \"Nobody here has balanced a budget,\" she said.", "she", "Ana Lind"),
])
def test_family_name_with_particles_alone(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


def test_particles_open_a_name_only_before_a_capitalised_one() -> None:
    assert name_like("van der Velde") and name_like("bin Salleh") and name_like("de la Cruz")
    assert not name_like("van der") and not name_like("de facto") and not name_like("van drivers")
