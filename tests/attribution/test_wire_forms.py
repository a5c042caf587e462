"""Wire copy's forms (issue 17, session 31): a dateline with its day and agency ("NAIROBI, Oct 9 (Harbour Wire
Service) - ") before the source is where the story was filed, not who spoke; a family name with an apostrophe inside
("Wanjug'u") is the name's last word, which the recogniser left out. Invented passages, with a look-alike."""

from __future__ import annotations

import pytest

from speaking import speaker_of

pytestmark = pytest.mark.model


_WIRE = ("NAIROBI, Oct 9 (Harbour Wire Service) - Peter Kamau Wanjug'u, the former chief of the county, told a "
         "tribunal on Monday that he had \"signed what the board sent me\" when he approved the contract.\n\n"
         "\"I read the cover page,\" Kamau Wanjug'u said.")


@pytest.mark.parametrize(("text", "content", "speaker"), [
    # a wire dateline with its day and agency before the source is where the story was filed, not who spoke; a
    # family name with an apostrophe inside is the name's last word, which the recogniser left out
    (_WIRE, "signed what the board sent me", "Peter Kamau Wanjug'u"),
    (_WIRE, "I read the cover page", "Peter Kamau Wanjug'u"),
    # look-alike: a name that ends before its possessive
    ("Peter Kamau's lawyer, Ruth Okello, said the board \"wrote every line\" of the contract.",
     "wrote every line", "Ruth Okello"),
])
def test_wire_dateline_and_apostrophe_names(text: str, content: str, speaker: str) -> None:
    assert speaker_of(text, content) == speaker


_SPLIT_TITLE = ("The ministry defended the cap on Monday.\n\n{who} called the cap \"a press release with a price tag\" "
                "and said she would file a resolution.")


@pytest.mark.parametrize(("who", "speaker"), [
    # a capitalised word before a title that the parser made a subject of its own ("Opposition" of "Opposition
    # Senator ..."): the person named is the source
    ("Opposition Senator Marisa Delacroix-Ang", "Marisa Delacroix-Ang"),
    # look-alike: the title and name alone
    ("Senator Marisa Delacroix-Ang", "Marisa Delacroix-Ang"),
])
def test_a_word_cut_off_a_title(who: str, speaker: str) -> None:
    assert speaker_of(_SPLIT_TITLE.format(who=who), "a press release with a price tag") == speaker
