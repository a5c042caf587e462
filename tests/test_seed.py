"""The seed article: the ten attributions a careful reader finds in it.

The article is read from ../shared/seed/ at run time (it belongs to its publisher and is never copied here);
each attribution is located by a few words of its content.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

import onrecord

pytestmark = [pytest.mark.model, pytest.mark.corpus]


@dataclass(frozen=True)
class Expect:
    key: str  # a few words inside the content
    speaker: str  # the speaker's name must contain this (case-insensitive)
    types: tuple[str, ...]  # acceptable types
    medium: str | None = None
    via_names: tuple[str, ...] = ()
    via_outlets: tuple[str, ...] = ()
    cue: str | None = None  # words inside the cue


EXPECTED = [
    Expect("preparing to withdraw", "Seely", ("indirect",), medium="letter"),
    Expect(
        "sovereign decision",
        "Seely",
        ("direct",),
        medium="letter",
        via_names=("Mustafa Salim",),
        via_outlets=("Washington Post",),
    ),
    Expect("inconsistent with", "Mark Esper", ("mixed", "direct"), medium="remarks", via_names=("Paul McCleary",)),
    Expect("letter was real", "Mark Esper", ("indirect",), medium="remarks"),
    Expect("very big sanctions", "Donald Trump", ("mixed", "direct"), cue="warning"),
    Expect("air base", "Donald Trump", ("direct",), via_outlets=("New York Times",)),
    Expect("ask us to leave", "Donald Trump", ("direct",)),
    Expect("Soleimani always wanted", "Richard Engel", ("mixed", "indirect")),
    Expect("revenge", "Richard Engel", ("direct",), medium="post"),
    Expect("strengthened the role", "Jeff Merkley", ("mixed", "indirect", "direct"), medium="post"),
]


@pytest.fixture(scope="module")
def seed(shared_dir, nlp):
    paths = sorted((shared_dir / "seed").glob("*.txt"))
    if not paths:
        pytest.skip(f"no seed article in {shared_dir / 'seed'}")
    text = paths[0].read_text(encoding="utf-8")
    return onrecord.extract(text, id=paths[0].stem)


def test_ten_attributions(seed, match) -> None:
    text = seed.article.text
    assert len(seed.attributions) == len(EXPECTED), f"found:\n{match.describe(seed)}"
    located = [match.find(seed, e.key) for e in EXPECTED]
    missing = [e.key for e, a in zip(EXPECTED, located, strict=True) if a is None]
    assert not missing, f"nothing covers {missing}; found:\n{match.describe(seed)}"
    contents = {a.content.of(text) for a in located}
    assert len(contents) == len(EXPECTED), "two expected statements landed in one attribution"


@pytest.mark.parametrize("expect", EXPECTED, ids=[e.key for e in EXPECTED])
def test_seed_attribution(seed, expect: Expect, match) -> None:
    text = seed.article.text
    assert expect.key in text, "the seed article changed: update the key"
    a = match.find(seed, expect.key)
    assert a is not None, f"nothing covers {expect.key!r}; found:\n{match.describe(seed)}"
    got = a.content.of(text)

    assert a.speaker and expect.speaker.casefold() in a.speaker.casefold(), f"speaker of {got!r}: {a.speaker!r}"
    assert a.type in expect.types, f"type of {got!r}"
    if expect.medium is not None:
        assert a.medium == expect.medium, f"medium of {got!r}"
    if expect.cue is not None:
        assert a.cue and expect.cue in a.cue.of(text), f"cue of {got!r}: {a.cue and a.cue.of(text)!r}"
    match.assert_via(a, expect.via_names, expect.via_outlets)
