"""Bodies that speak through statements, written responses and spokespeople (issue 17, session 32): a written
response "to questions" whose clause the parser hung on the questions; a company the recogniser did not know,
named with its legal form or spoken of with "which"; "the company" after a fronted phrase; a spokesman for a body
whose short name the recogniser also took for a person's; and "a company spokesman" where a person's family name
was taken for an organisation. Each with look-alikes that must keep their speaker."""

from __future__ import annotations

import pytest

import onrecord
from onrecord.attribution.resolution.kinds import name_kinds
from speaking import speakers


def _kinds(text: str) -> list[tuple[str | None, str]]:
    return [(a.speaker, a.speaker_kind) for a in onrecord.extract(text).attributions]


def test_a_written_response_to_questions_is_the_bodys_statement() -> None:
    text = ("The Harbour Review Board, a state body, said in a written response to questions that it had received "
            "“a number of complaints” this year.\n\n“The board does not comment on open complaints,” the response "
            "said.")
    assert speakers(text) == {"The Harbour Review Board, a state body": "Harbour Review Board",
                              "the response": "Harbour Review Board"}


def test_a_response_nobody_gave_is_not_the_person_in_view() -> None:
    text = "Ana Lind, a nurse, spoke to the council on Monday.\n\n“The ward is closed,” the response said."
    assert speakers(text)["the response"] is None


@pytest.mark.parametrize(("text", "speaker"), [
    # a company named with its legal form, taken for a person's name or left unlabelled
    ("Tarnwerk Antriebe GmbH will close its plant in Lakeview by 2027, the supplier said on Monday.\n\nIn a "
     "statement, the company said demand had “collapsed” and that work would move abroad.",
     "Tarnwerk Antriebe GmbH"),
    # look-alike: two firms named before, neither with its form: "the company" stays a description
    ("Tarnwerk Antriebe and Orla Freight will close their plants, the suppliers said on Monday.\n\nIn a statement, "
     "the company said demand had “collapsed” and that work would move abroad.", "company"),
])
def test_the_company_after_a_fronted_phrase(text: str, speaker: str | None) -> None:
    assert speakers(text)["the company"] == speaker


def test_the_company_after_a_fronted_phrase_is_not_an_analysts_firm() -> None:
    text = ("Halvard Foods cut 300 jobs on Monday.\n\n“This is a team telling you the truth early,” said Per Lund "
            "of Skagen Bank, who rates the shares a buy.\n\nIn a statement, the company said profit would be "
            "“broadly in line” with last year.")
    assert speakers(text)["the company"] == "Halvard Foods"


@pytest.mark.parametrize("body", ["Kestrel", "Tarnwerk"])
def test_a_spokesman_for_a_body_whose_short_name_was_read_as_a_persons(body: str) -> None:
    text = (f"{body} Antriebe GmbH will close its plant in Lakeview. Union official Ana Lind said talks had failed. "
            f"“{body} wants to leave, but it wants to leave quietly,” she said.\n\n“I expect {body} to put every "
            f"alternative on the table,” said the mayor, Ivo Tarn.\n\nAsked about the plan, a {body} spokesman said "
            "the company “does not comment on internal documents.”")
    assert speakers(text)[f"a {body} spokesman"] == f"{body} Antriebe GmbH"


def test_a_spokesman_for_a_person_stays_unnamed() -> None:
    # look-alike: the family name is a person's named in full
    text = "Ana Lind filed the bill. A Lind spokesman said the vote would come in May."
    assert speakers(text)["A Lind spokesman"] is None


@pytest.mark.parametrize("name", ["Minera Tallow Alto", "Tallow Cordón Sur"])
def test_a_company_spokesman_is_not_a_person_taken_for_a_body(name: str) -> None:
    text = (f"{name}, which operates the Tallow mine, said in a statement that the roster was “safe.”\n\nUnion "
            "president Ana Lind Quiroga told a radio station that it was not. “They hid it from us,” Lind Quiroga "
            "said.\n\nAsked about the roster, a company spokesman said the company “does not comment on rumours.”")
    assert speakers(text)["a company spokesman"] in (name, None)
    assert speakers(text)["a company spokesman"] != "Lind Quiroga"


def test_a_name_spoken_of_with_which_is_a_body() -> None:
    text = ("Tallow Cordón Sur, which operates the Tallow mine, said in a statement that the roster was “safe.”\n\n"
            "Asked about the roster, a company spokesman said the company “does not comment on rumours.”")
    assert _kinds(text) == [("Tallow Cordón Sur", "organisation"), ("Tallow Cordón Sur", "organisation")]
    # look-alike: "who" keeps a person
    text = "Ana Lind Quiroga, who runs the Tallow mine, said in a statement that the roster was “safe.”"
    assert _kinds(text) == [("Ana Lind Quiroga", "person")]


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # a statement from a family, signed by one of them: the signatory
    ("We have a statement from the family of firefighter Ivo Tarn-Okoro, 34. It was signed by his wife, Ana "
     "Tarn-Okoro:\n\n“Ivo is stable and talking.”", "It", "Ana Tarn-Okoro"),
    # a memo whose signatory the parser did not hang on the role
    ("An internal memo from the airline's HR department appears to contradict that. Signed by the HR director, "
     "Mr Ivo Okafor-Lind, it tells managers that “no payment should be promised before the review.”", "it",
     "Ivo Okafor-Lind"),
    # look-alike: a statement from a body that nobody is said to have signed
    ("We have a statement from the family of firefighter Ivo Tarn-Okoro, 34. It was released by the brigade:\n\n"
     "“Ivo is stable and talking.”", "It", None),
])
def test_a_document_speaks_for_who_signed_it(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # an update a body released: the body
    ("The Harbour Fire Service has released its afternoon update. Mayor Ana Lind posted that the hall was full.\n\n"
     "“Conditions overnight will not help crews,” the update says.", "the update", "Harbour Fire Service"),
    # a place's police the recogniser took for a body, and its unnamed spokesperson
    ("Around sixty students of the University of Zuidmeer occupied the library. The Zuidmeer police said in a "
     "statement that they were “in contact with the university.” “The library is private property,” a police "
     "spokesperson told a broadcaster.", "a police spokesperson", "Zuidmeer police"),
    # a group that names itself, and the same group taken up again
    ("About sixty students occupied the library on Tuesday. The occupiers, who have named themselves Kestrel Open "
     "Science, said they would stay “until the contract is public.”", "The occupiers, who have named themselves "
     "Kestrel Open Science", "Kestrel Open Science"),
    # look-alikes: a group that was only introduced stays unnamed; a body's own police keeps the body's name
    ("About sixty students occupied the library on Tuesday. The occupiers said they would stay “until the contract "
     "is public.”", "The occupiers", None),
])
def test_bodies_by_their_documents_places_and_own_names(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker


@pytest.mark.parametrize("place", ["Zuidmeer", "Lindmeer"])
def test_a_places_police_keep_the_place(place: str) -> None:
    text = (f"Around sixty students of the University of {place} occupied the library. The {place} police said in a "
            "statement that they were “in contact with the university.”")
    assert speakers(text)[f"The {place} police"] == f"{place} police"


def test_a_bodys_name_before_its_noun_stays_the_body() -> None:
    # look-alike: a body the recogniser knows, no place of another body's name
    text = "The Harbour Party leadership said in a statement that the vote was “a disgrace.”"
    assert speakers(text)["The Harbour Party leadership"] == "Harbour Party"


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # the opening gives the union by its kind, the next sentence names it (a name the recogniser may miss)
    ("LAKEVIEW (Harbour Wire) - The union representing about 700 nurses at Kestrel Health's hospitals said on "
     "Monday that a strike vote would go ahead.\n\n“We did not ask for a fight,” the Tallowmere Nurses "
     "Association said in a statement.", "The union representing about 700 nurses at Kestrel Health's hospitals",
     "Tallowmere Nurses Association"),
    ("Hundreds of passengers were stranded on Monday after workers of Kestrel Air began a strike over what their "
     "union described as “months of unpaid allowances.”\n\nThe Harbour Workers' Congress of Lakeview said in a "
     "statement that the strike would go on.", "their union", "Harbour Workers' Congress of Lakeview"),
    # a union that spoke by its name earlier, then "the union"
    ("The Tallowmere Nurses Association said in a statement that talks had failed. Ana Lind, a nurse, said she "
     "would vote yes.\n\nThe union said its members would vote in March. “We are ready,” the union said.",
     "The union", "Tallowmere Nurses Association"),
    # look-alike: two unions named after the opening's "the union": neither is picked
    ("LAKEVIEW (Harbour Wire) - The union representing about 700 nurses said on Monday that a strike vote would "
     "go ahead.\n\nThe Tallowmere Nurses Association and the Kestrel Nurses Federation said in a joint statement "
     "that talks had failed.", "The union representing about 700 nurses", "union"),
])
def test_a_union_given_by_its_kind(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker


def test_an_association_of_no_working_people_is_no_union() -> None:
    assert "union" in name_kinds("Tallowmere Nurses Association")
    assert "union" in name_kinds("Harbour Workers' Union No. 2")
    assert "union" not in name_kinds("Tallowmere Chamber of Commerce")
    assert "union" not in name_kinds("Lakeview Residents Association")


@pytest.mark.parametrize(("occupiers", "speaker"), [
    ("The occupiers, who have named themselves Kestrel Open Science,", "Kestrel Open Science"),
    # look-alike: a group nobody named stays unnamed
    ("The occupiers", None),
])
def test_they_after_a_group_that_named_itself(occupiers: str, speaker: str | None) -> None:
    text = (f"Since Tuesday, around sixty students have occupied the ground floor of the library. {occupiers} said "
            "they would stay “until the contract is on the table.” In a post on their channel, they wrote: “We are "
            "not going to leave because it is exam season.”")
    assert speakers(text)["they"] == speaker


def test_the_group_after_however_is_not_the_company_its_sentence_before_named() -> None:
    # look-alike of "In a statement, the company said": an adverb before the subject is no fronted phrase
    text = ("The Harbour Workers Group, a coalition of cleaners, wrote to managers this month. The group announced "
            "over the weekend that Kestrel Spaces had reached an agreement with Orla Services. However, the group "
            "said that staff were told to sign the contract by Monday.")
    assert speakers(text)["the group"] == "Harbour Workers Group"
