"""A quotation inside someone's quotation after a he/she's past verb of saying, when the teller brought that
person in unnamed ("I asked a clerk … She said, ‘…’"): the inner words are a
statement of their own with no named speaker (contents.nested-quotation, issue 17). The look-alikes give none:
the teller's own words ("I said, ‘…’"), words nobody said ("Some would say, ‘…’"), and a he/she nobody brought
in (most often the story's named subject)."""

from __future__ import annotations

import pytest

import onrecord


def _inner(text: str, words: str) -> list[onrecord.Attribution]:
    start = text.index(words)
    return [a for a in onrecord.extract(text).attributions if a.content.start == start]


@pytest.mark.parametrize(("text", "words"), [
    ("The ferry was late again.\n\n“I asked a clerk how long. She said, ‘Honestly, I have no idea.’ I believed "
     "her,” Ivo Tarn said.", "Honestly, I have no idea."),
    ("‘The pier is late,’ Ana Lind said. ‘Again.’\n\n‘I asked an engineer. He laughed. He said, “Nobody ever fixes "
     "it.” That was all.’", "Nobody ever fixes it."),
    ("Mayor Ana Lind spoke to the harbour board chair, Ivo Tarn, on Monday.\n\nLIND: We will rebuild the pier.\n\n"
     "TARN: We had an engineer look at it for a week. He told me, “It will not last the winter.” I believed him.",
     "It will not last the winter."),
])
def test_an_unnamed_tellers_words_are_a_statement(text: str, words: str) -> None:
    found = _inner(text, words)
    assert len(found) == 1 and found[0].type == "direct", found
    assert found[0].speaker is None


@pytest.mark.parametrize(("text", "words"), [
    ("The ferry was late again.\n\n“I asked the clerk how long. I said, ‘Honestly, I have no idea.’ She laughed,” "
     "Ivo Tarn said.", "Honestly, I have no idea."),
    ("The ferry was late again.\n\n“She pointed at me and said, ‘Honestly, I have no idea.’ I believed her,” Ivo "
     "Tarn said.", "Honestly, I have no idea."),
    ("The ferry was late again.\n\n“Some would say, ‘The tide keeps its own diary.’ I never believed it,” Ana Lind "
     "said.", "The tide keeps its own diary."),
    ("Mayor Ana Lind spoke to the harbour board chair, Ivo Tarn, on Monday.\n\nLIND: We will rebuild the pier.\n\n"
     "TARN: I looked at it for a week. I told them, “It will not last the winter.” They listened.",
     "It will not last the winter."),
])
def test_the_tellers_own_or_nobodys_words_are_not(text: str, words: str) -> None:
    assert _inner(text, words) == []
