"""Names written with a patronym ("binti", "bin", "a/l"): the person is called by the given name alone later, and
the whole name is theirs (issue 17, session 28); with look-alikes that must keep their speaker."""

from __future__ import annotations

import pytest

from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # a given name of two words, the whole name taken for an organisation and a person
    ("The rescue was led by Siti Aminah binti Rahman, the district's senior fire officer, who said the slope was "
     "moving.\n\nBy nightfall, floodlights had been set up. Siti Aminah said the search would continue through the "
     "night.", "Siti Aminah", "Siti Aminah binti Rahman"),
    ("The rescue was led by Siti Aminah binti Rahman, the district's senior fire officer, who said the slope was "
     "moving.", "who", "Siti Aminah binti Rahman"),
    # "a/l", which the tokenizer cuts in three
    ("“I thought it was thunder,” said Selvakumar a/l Ganesan, 52, who sells tomatoes at the market.\n\n“He was "
     "heavy,” Selvakumar said, laughing.", "Selvakumar", "Selvakumar a/l Ganesan"),
    # look-alikes: a name without a patronym; one with "bin" the index read already
    ("“I thought it was thunder,” said Selvakumar Ganesan, 52, who sells tomatoes at the market. “He was heavy,” "
     "Ganesan said.", "Ganesan", "Selvakumar Ganesan"),
    ("The minister, Datuk Azlan bin Haris, visited the site. “We will rebuild,” Azlan said.", "Azlan",
     "Azlan bin Haris"),
])
def test_patronymic_name(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker
