"""Look-alikes of the document and organisation rules of session 24: phrases that resemble what those rules
read but must keep their speaker (see speakers.named-organisation, speakers.document-of-named-maker,
speakers.document-named-next, speakers.lead-author, speakers.document-author, speakers.editorial-board); and the
cases of speakers.document-author that have no example in its table (the function is at the length limit)."""

from __future__ import annotations

import pytest

from onrecord.api import extract
from onrecord.settings import Settings
from speaking import speakers

ALL = Settings(scope="all")


@pytest.mark.parametrize(("text", "source", "speaker"), [
    # a body and a person joined by "and": not one name
    ("The Ministry of Labour and Ana Tarn said in a statement that they had closed the agency.",
     "The Ministry of Labour and Ana Tarn", "Ministry of Labour"),
    # "and" before a lower-case body: not one name
    ("The Ministry of Ports and the harbour police said in a statement that they had closed the pier.",
     "The Ministry of Ports and the harbour police", "Ministry of Ports"),
    # "for" before what is no name
    ("The Lakeview Rowing Club for the third year said the race would go ahead.",
     "The Lakeview Rowing Club for the third year", "Lakeview Rowing Club"),
    # the poll named again with no maker: nobody known
    ("A new statewide poll has found that Lind holds a narrow lead over Okafor. The poll, which Ivo Tarn called "
     "flawed, was taken before the debate.", "A new statewide poll", None),
    # a study led by a team nobody names: its authors stay unnamed
    ("The survey, led by a team of marine biologists, analysed 900 samples of perch. As the lake warmed, the "
     "authors report, the fish grew smaller.", "the authors", None),
    # "according to the statement" with nobody said to have issued it: the statement later stays nobody's
    ("Lind met with Tarn on Monday.\n\nAccording to the statement, they spoke about a Kestrel Broadcasting "
     "special.\n\n“Lind asked for a meeting with Tarn,” the statement read.", "the statement", None),
    # a newspaper named in passing as where someone works: "the editorial board" is not its
    ("Ana Lind, a reporter for a local newspaper, met the mayor. “Lind has folded,” the editorial board wrote.",
     "the editorial board", "editorial board"),
    # an editorial board named by its own paper
    ("The Kestrel Ledger, the county's largest newspaper, endorsed Lind. The Harbour Times editorial board wrote "
     "that she had folded.", "The Harbour Times editorial board", "Harbour Times editorial board"),
    # a version of a document nobody is said to have made: nobody known
    ("According to an archived version of the website, the pier was closed that winter.",
     "an archived version of the website", None),
    # "by the university" where no university is named: nobody named
    ("The Lakeview Rowing Club met on Monday. A study by the university found that rowing was safe.",
     "A study by the university", None),
])
def test_a_look_alike_keeps_its_speaker(text: str, source: str, speaker: str | None) -> None:
    assert speakers(text)[source] == speaker


def test_the_statement_read_after_according_to_the_statement_is_its_authors() -> None:
    # speakers.document-author (antecedents.earlier_author): the same document spoke before, after "according to"
    text = ("Kestrel News confirmed that Lind met with Tarn.\n\nAccording to the statement, Lind met with Tarn to "
            "discuss a Kestrel Broadcasting special.\n\n“Kestrel News chairman Ivo Marrick has spoken to Tarn a few "
            "times about a Kestrel Broadcasting special. Lind asked for a meeting with Tarn,” the statement read.")
    found = [a.get("speaker") for a in extract(text, settings=ALL).to_dict()["attributions"]
             if a["source_text"] == "the statement"]
    assert found == ["Kestrel News", "Kestrel News"]


def test_a_document_by_the_body_named_before_is_its() -> None:
    # speakers.document-author (antecedents.author): "by the organization" for the body that noun stands for
    text = ("The poll was released on Monday by the Kestrel Institute of Public Affairs. Lind leads Okafor by 44 to "
            "40 percent. A survey by the organization in March found Lind with a wider lead.")
    assert speakers(text)["A survey by the organization in March"] == "Kestrel Institute of Public Affairs"


def test_a_document_by_a_modified_body_noun_is_not_the_last_subject_body() -> None:
    # "by the railway company" is not the board that was the last subject (only the bare "the organization" is)
    text = ("Three employees of Kestrel Rail were hurt. The Harbour Safety Board has said the brakes were not applied."
            "\n\nA report by the railway company says that winter is hard on trains.")
    assert speakers(text).get("A report by the railway company") != "Harbour Safety Board"


def test_a_letter_a_counted_group_said_something_in_is_that_groups() -> None:
    # speakers.document-author (antecedents.maker): "In a joint letter ..., 40 of the dockers said": unnamed, described
    text = ("Ivo Tarn was fined in May. In a joint letter sent to the court in June, 40 of the dockers said they had "
            "been cheated and asked for their money back. “We came to work,” the letter read.")
    found = next(a for a in extract(text, settings=ALL).to_dict()["attributions"] if a["source_text"] == "the letter")
    assert (found.get("speaker"), found.get("speaker_description")) == (None, "40 of the dockers")


def test_a_letter_a_named_person_said_something_in_stays_hers() -> None:
    text = ("Ivo Tarn was fined in May. In a letter sent to the court in June, Ana Lind said she had been cheated. "
            "“I came to work,” the letter read.")
    assert speakers(text)["the letter"] == "Ana Lind"
