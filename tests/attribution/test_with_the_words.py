"""The words of a post or a message given "with the words “…”" (contents.quote-attachment.with-the-words), end to
end with the real model. Every passage is made up."""

from __future__ import annotations

import pytest

import onrecord

pytestmark = pytest.mark.model


def _found(text: str, content: str) -> list[onrecord.Attribution]:
    return [a for a in onrecord.extract(text).attributions if content in text[a.content.start : a.content.end]]


def test_a_post_with_the_words_is_the_posters() -> None:
    text = ("The goal was ruled out after a long review.\n\n"
            "Striker Ivo Tarn, whose goal it was, posted a photo of the lines online with the words “Spot the "
            "difference.” It was shared thousands of times.")
    (found,) = _found(text, "Spot the difference.")
    assert found.speaker == "Ivo Tarn"


def test_a_sign_with_the_words_is_nobodys_statement() -> None:
    """The look-alike: no verb of saying carries the words, so they stay a sign's, attributed to nobody."""
    text = ("The pier was closed on Monday.\n\n"
            "The council put up a sign on the gate with the words “Keep out.” Walkers ignored it.")
    assert _found(text, "Keep out.") == []
