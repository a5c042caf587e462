"""Settings refuse values the pipeline cannot take, with the field named (issue 12, item 14)."""

from __future__ import annotations

import math

import pytest

from onrecord.settings import MAX_CHARS_LIMIT, SettingError, Settings


@pytest.mark.parametrize(("changes", "name"), [
    ({"batch_size": 0}, "batch_size"),
    ({"batch_size": -3}, "batch_size"),
    ({"batch_size": True}, "batch_size"),
    ({"batch_size": 2.5}, "batch_size"),
    ({"max_chars": 0}, "max_chars"),
    ({"max_chars": MAX_CHARS_LIMIT + 1}, "max_chars"),
    ({"max_chars": 10**20}, "max_chars"),
    ({"min_confidence": math.nan}, "min_confidence"),
    ({"min_confidence": math.inf}, "min_confidence"),
    ({"min_confidence": "0.5"}, "min_confidence"),
    ({"doc_timeout": -1}, "doc_timeout"),
    ({"doc_timeout": math.inf}, "doc_timeout"),
    ({"doc_timeout": math.nan}, "doc_timeout"),
    ({"scope": "bogus"}, "scope"),
    ({"cue_span": "verb"}, "cue_span"),
    ({"mode": "slow"}, "mode"),
    ({"model": ""}, "model"),
    ({"progress": "yes"}, "progress"),
])
def test_a_bad_value_is_refused_with_its_field(changes: dict, name: str) -> None:
    with pytest.raises(SettingError) as caught:
        Settings(**changes)
    assert caught.value.name == name and isinstance(caught.value, ValueError)
    assert str(caught.value).startswith(f"{name} must ")
    with pytest.raises(SettingError):
        Settings().with_(**changes)


def test_good_values_are_kept() -> None:
    settings = Settings(max_chars=MAX_CHARS_LIMIT, batch_size=1, min_confidence=1.01, doc_timeout=0, progress=False)
    assert (settings.max_chars, settings.batch_size, settings.doc_timeout) == (MAX_CHARS_LIMIT, 1, 0)
    assert Settings().doc_timeout > 0 and Settings().with_(doc_timeout=None) == Settings()
