"""The source of a noun of saying with a that-clause, named by "from" or "by" right after the noun ("an admission
from Ana Lind that ...", cues.noun-that-clause); every passage is made up, and the look-alikes (a possessor, a
time after "from") keep the source they had."""

from __future__ import annotations

import pytest

from speaking import source_by_cue


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        pytest.param(
            "The paper has covered the harbour levy for years, including an admission from Ana Lind that the levy "
            "would not have saved the ferry.", "admission", "Ana Lind", id="admission-from",
        ),
        pytest.param(
            "The council heard an admission from Ana Lind that the ferry had run late all winter.", "admission",
            "Ana Lind", id="admission-from-object",
        ),
        # look-alikes: a possessor stays the source; a time after "from" is no source
        pytest.param(
            "The paper has covered the harbour levy for years, including Ana Lind's admission that the levy "
            "would not have saved the ferry.", "admission", "Ana Lind's", id="possessor-unchanged",
        ),
        pytest.param(
            "A warning from last winter that the ferry would run late was ignored.", "warning", None,
            id="time-is-no-source",
        ),
    ],
)
def test_noun_agent_source(text: str, cue: str, source: str | None) -> None:
    assert source_by_cue(text, cue) == source
