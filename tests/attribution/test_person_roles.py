"""People named again by their role or by part of their name (issue 17): a family name of several words alone, a
first name the recogniser cut the family name from, a relative's first name, "the union leader" for the union's
president, a description that opens the sentence after a name; and the look-alikes that must keep their speaker."""

from __future__ import annotations

import pytest

from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # the recogniser took the first name alone: the family name of two words goes with it
    ("A police commander in the region, Gen. Eliseo Peralta Cuevas, said on Tuesday that 300 officers had been "
     "moved.", "A police commander in the region, Gen. Eliseo Peralta Cuevas", "Eliseo Peralta Cuevas"),
    # a family name of two words alone, taken for an organisation: her mention, so "she" is her
    ("Farmers blocked the road on Monday. “We will stay,” said Marisol Quenta Achacollo, 58, who grows potatoes "
     "near the pass.\n\n“The road must open,” said Inés Ferreyra Lujan, who studies rural conflict at a university "
     "in the capital.\n\nAs night fell, Quenta Achacollo sat by a fire near the trucks.\n\n“We are not leaving "
     "until someone listens,” she said.", "she", "Marisol Quenta Achacollo"),
    # a relative's first name: the family name of the person the sentence before named
    ("The rally drew a large crowd on Friday. At the front, 12-year-old Nell Ashbury held a sign that read "
     "\"Vote!\" Her father, Dean, 41, worried that the turnout would be low.\n\n\"People are afraid of wasting "
     "their votes,\" he said.", "he", "Dean Ashbury"),
    # "the union leader": the one introduced as the union's president
    ("Pilots walked out at dawn on Monday. \"Nobody wants this,\" the union's president, Osric Valemont, told "
     "reporters outside the terminal.\n\nThe airline's chief executive, Brannock Hale, said the old plan could not "
     "be kept. The two men met briefly on Tuesday. \"You signed it,\" the union leader said.", "the union leader",
     "Osric Valemont"),
    ("Pilots walked out at dawn on Monday. \"Nobody wants this,\" said Osric Valemont, president of the union.\n\n"
     "The airline's chief executive, Brannock Hale, said the old plan could not be kept. \"You signed it,\" the "
     "union leader said.", "the union leader", "Osric Valemont"),
    # a description opening the sentence after a name, and the same role later
    ("As the count slipped away, many voters turned on Janet Morrow. The treasurer and former council candidate, an "
     "ally of the mayor, went on radio to declare the vote over.\n\n\"It is done,\" wrote one resident.\n\nAt a "
     "rally, the treasurer said she was there to back the mayor.", "the treasurer", "Janet Morrow"),
    # "the committee chairmen": the two given that role in one sentence
    ("Harbour Committee Chairman Ana Lind (Lakeview) and Roads Committee Chairman Ivo Tarn (Ashgrove) wrote to the "
     "board on Monday. \"The evidence is clear,\" the committee chairmen wrote.", "the committee chairmen",
     "Ana Lind and Ivo Tarn"),
    # a rank spelt out is a title, not a word of the name; "the admiral" is the vice admiral
    ("Admiral Osric Valemont met reporters at the dock on Monday. \"We are ready,\" the admiral said.", "the admiral",
     "Osric Valemont"),
    ("Vice Admiral Osric Valemont met reporters at the dock on Monday. \"We are ready,\" the admiral said.",
     "the admiral", "Osric Valemont"),
])
def test_a_person_named_again(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # another body's leader: not the union's president
    ("Pilots walked out at dawn on Monday. \"Nobody wants this,\" the union's president, Osric Valemont, told "
     "reporters.\n\nThe airline's chief executive, Brannock Hale, said the old plan could not be kept. \"You signed "
     "it,\" the party leader said.", "the party leader", "Brannock Hale"),
    # a bare description after a name: someone else (the judge is not the convicted)
    ("A jury convicted Janet Morrow on Monday. The judge said she would be sentenced in May.", "The judge", None),
    # a relative's first name with no family named before: the first name alone
    ("The rally drew a large crowd on Friday. Her father, Dean, 41, worried that the turnout would be low.",
     "Her father, Dean, 41", "Dean"),
    # three given the role: "the senators" are not two of them
    ("Sen. Ana Lind, Sen. Ivo Tarn and Sen. Mira Holt wrote to the board on Monday. \"The evidence is clear,\" the "
     "senators wrote.", "the senators", None),
    # not a rank: "the president" is not the vice president
    ("Vice President Ana Lind toured the plant on Monday. \"We are ready,\" the president said.", "the president",
     None),
])
def test_look_alikes_keep_their_speaker(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker
