"""An unnamed spokesperson taken up again ("the spokeswoman said") is the same voice as the first; a spokesperson
whose body's name the recogniser did not take for an organisation speaks for that body; the kinds an
organisation's name gives when "and" joins words before its head (issue 17, session 28). Each with look-alikes
that must keep their speaker."""

from __future__ import annotations

import pytest

from onrecord.attribution.resolution.kinds import name_kinds
from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # "the spokeswoman" takes up the unnamed spokeswoman of a body: the body
    ("The Ministry of Harbours opened an inquiry in May. A ministry spokeswoman said the new ships would be ready. "
     "“We are confident,” the spokeswoman said.", "the spokeswoman", "Ministry of Harbours"),
    # a body's name the recogniser took for a product, and the spokesperson taken up again
    ("Ana Lind criticised the glasses. Asked about the defaults, a Velmora spokesperson said the company would ship "
     "an update within 30 days. “We heard the feedback,” the spokesperson said.", "the spokesperson", "Velmora"),
    ("Asked about the defaults, a Velmora spokesperson said the company would ship an update within 30 days.",
     "a Velmora spokesperson", "Velmora"),
    # look-alikes: a spokeswoman of another body named in her phrase; a spokesman of a person; a named one
    ("A spokeswoman for Tarn Air said flights would resume. Ana Lind, a passenger, was angry. “Nobody told us,” "
     "the spokeswoman for the airport said.", "the spokeswoman for the airport", None),
    ("Ana Lind filed the bill. A Lind spokesman said the vote would come in May.", "A Lind spokesman", None),
    ("The Ministry of Harbours opened an inquiry. Its spokeswoman, Ana Lind, said ships were ready. A ministry "
     "spokeswoman said more ships would come. “We are confident,” the spokeswoman said.", "the spokeswoman",
     "Ana Lind"),
])
def test_spokesperson(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker


def test_a_name_joined_by_and_before_its_head_keeps_its_kind() -> None:
    assert "commission" in name_kinds("Harbour and Ports Commission")
    assert "regulator" in name_kinds("Harbour and Ports Commission")
    assert "company" in name_kinds("Tarn & Lind Inc.")
    # look-alikes: a head before "of" still rules; a name that ends with no kind's word gives none
    assert "ministry" in name_kinds("Ministry of Roads and Bridges")
    assert name_kinds("Tarn and Lind") == set()
