"""A post or a message nobody is said to have written, right after a person wrote (speakers.post-of-last-writer),
end to end with the real model. Every passage is made up."""

from __future__ import annotations

import pytest

from speaking import speaker_of

pytestmark = pytest.mark.model


def test_the_post_after_a_person_wrote_is_theirs() -> None:
    text = ("The Harbour Front put out a statement on its channel. Its spokesman, Ivo Tarnescu, wrote that the group "
            "would “not leave the pier” until the talks began.\n\n"
            "“The council wants us gone on a promise. We have heard promises before,” the post said.")
    assert speaker_of(text, "We have heard promises before") == "Ivo Tarnescu"


def test_the_post_after_a_person_only_spoke_stays_unnamed() -> None:
    """The look-alike: he told the council; nothing says he wrote the post."""
    text = ("Ivo Tarnescu told the council on Monday that the group would “not leave the pier” until the talks "
            "began.\n\n“The council wants us gone on a promise,” the post said.")
    assert speaker_of(text, "The council wants us gone on a promise") is None
