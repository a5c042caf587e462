"""Plans, proposals, agreements, motions and briefs as documents: what one says speaks for its author (its
possessor, the body named in it, who filed it), as the lexicon's ``document_nouns`` tell speakers.document-author;
and the look-alikes that keep their speaker (a platform that is a company, a plan that is not the source)."""

from __future__ import annotations

import pytest

from speaking import speakers


@pytest.mark.parametrize(("text", "source", "speaker"), [
    ("Ivo Tarn pleaded guilty on Monday. Tarn's plea agreement states that he faces at least two years in prison.",
     "Tarn's plea agreement", "Ivo Tarn"),
    ("The Lakeview Party wants tougher rules. The Lakeview Party counterproposal says that towns should decide who "
     "gets a permit.", "The Lakeview Party counterproposal", "Lakeview Party"),
    ("Ivo Tarn, a lawyer for the family, filed the motion. The motion argues that the search was illegal.",
     "The motion", "Ivo Tarn"),
    ("The Harbor Trust met on Monday. Its proposal says the pier must close by May.", "Its proposal",
     "Harbor Trust"),
])
def test_a_plan_proposal_agreement_or_motion_speaks_for_its_author(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # a platform is a company that speaks, not a document
    ("The bakery denied the claims. The review platform, Vouchly, said in a statement that it had removed 41 of "
     "the reviews.", "The review platform, Vouchly", "Vouchly"),
    # the plan is what is said, not who says it
    ("The plan would close the pier by May, Ana Lind said on Monday.", "Ana Lind", "Ana Lind"),
])
def test_look_alikes_keep_their_speaker(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # the maker's name again, which the recogniser did not take for one this time
    ("Harbor Action is spending heavily in the state. One Harbor Action ad says only Lind can beat Tarn.",
     "One Harbor Action ad", "Harbor Action"),
    # a document from a role the article gave a named person
    ("Ana Lind, the president of the Harbor Union, backed Tarn in March. An email from the president of the Harbor "
     "Union says that Tarn is the best choice.", "An email from the president of the Harbor Union", "Ana Lind"),
])
def test_a_document_from_its_maker_named_before(text: str, source: str, speaker: str) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(("text", "source"), [
    # proper nouns before the noun that name no organisation of the article
    ("Harbor Action is spending heavily in the state. One Lakeview Star ad says only Lind can beat Tarn.",
     "One Lakeview Star ad"),
    # a role nobody in the article holds
    ("Ana Lind backed Tarn in March. An email from the president of the Harbor Union says that Tarn is the best "
     "choice.", "An email from the president of the Harbor Union"),
])
def test_a_document_from_a_maker_not_named_before_is_not_given_to_another(text: str, source: str) -> None:
    assert speakers(text)[source] not in ("Harbor Action", "Ana Lind")
